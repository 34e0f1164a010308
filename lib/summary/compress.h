/* compress.h — the shorter form of a sentence for the summary: short parentheses and asides
 * between commas (relative clauses, ages) cut out, as the byte ranges of the source sentence that
 * are kept. Never cuts inside quote marks. */
#ifndef TD_COMPRESS_H
#define TD_COMPRESS_H
#include <stdbool.h>
#include <stddef.h>

#include "tidings.h"

/* The rules, as bits of a mask. */
enum {
    COMPRESS_PARENTHESIS = 1 << 0, /* " (NTSB)", " (yards)" */
    COMPRESS_ASIDE = 1 << 1,       /* ", who chairs the committee," / ", which opened in 1932." / ", 82," */
    COMPRESS_ALL = COMPRESS_PARENTHESIS | COMPRESS_ASIDE,
};

enum { COMPRESS_MAX_KEPT = 8 };

typedef struct compression {
    td_span kept[COMPRESS_MAX_KEPT]; /* byte ranges of the source text, in order, inside its span */
    size_t n_kept;
} compression;

/* Finds the shorter form of the sentence at span of text under the rules of the mask; false when
 * no rule applies (or the quote marks do not pair up, so nothing is cut). */
bool compress_sentence(const char *text, td_span span, unsigned rules, compression *out);

/* The compressed sentence as printed: kept ranges joined, white space collapsed. NULL when out of
 * memory. */
char *compress_text(const char *text, const compression *c);

#endif

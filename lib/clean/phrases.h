/* phrases.h — the phrase tables of the cleaner's rules: words that page furniture begins with,
 * is made of, or holds anywhere, each with what it marks. Generic web vocabulary, no site's own. */
#ifndef TD_CLEAN_PHRASES_H
#define TD_CLEAN_PHRASES_H
#include <stddef.h>
#include <stdint.h>

#include "clean/view.h"
#include "tidings.h"

typedef struct phrase {
    const char *text;   /* lower case; curly quotes and dashes written as ASCII */
    size_t len;         /* bytes in text */
    unsigned key;       /* VIEW_KEY of text (phrases_anywhere only) */
    uint8_t reason;     /* a td_clean_reason */
    uint8_t max_words;  /* only in paragraphs of at most this many words; 0: any length */
} phrase;

/* Paragraphs that are exactly one of these ("Listen Live", "Advertisement"), none longer than
 * PHRASES_LINE_MAX bytes. */
enum { PHRASES_LINE_MAX = 16 };
extern const phrase phrases_line[];
/* Paragraphs that begin with one of these, followed by a non-letter ("Share this article: …");
 * sorted by bytes (strcmp order), phrases_start_count of them. */
extern const phrase phrases_start[];
extern const size_t phrases_start_count;
/* Paragraphs that hold one of these at a word start ("… All rights reserved."); each has
 * VIEW_KEY_LEN bytes or more (VIEW_KEY of a shorter one is no constant: phrases.c does not compile).
 * Those for any length (max_words 0) come first, then the others by
 * max_words, the largest first; phrases_anywhere_count of them. */
extern const phrase phrases_anywhere[];
extern const size_t phrases_anywhere_count;
/* End-of-article markers, alone on their line. */
extern const char *const phrases_end_markers[];

#endif

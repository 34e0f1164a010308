/* view.h — what the cleaner's rules look at in a paragraph or sentence: a lower-cased head of its
 * text for phrase tests, and counts of its words by shape (capitalised, lower case, numbers). */
#ifndef TD_CLEAN_VIEW_H
#define TD_CLEAN_VIEW_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bytes of a paragraph's head kept lower-cased for phrase tests: enough for every rule. */
enum { VIEW_MAX = 400 };

/* Word starts are summed up as a set of their first two characters, so that most phrase
 * searches end with one bit test instead of a scan. */
enum { VIEW_PAIR_SYMBOLS = 28, VIEW_PAIR_WORDS = (VIEW_PAIR_SYMBOLS * VIEW_PAIR_SYMBOLS + 63) / 64 };

typedef struct view {
    char low[VIEW_MAX + 1];            /* ASCII lower-cased, white space runs made one space */
    size_t len;                        /* bytes in low */
    bool whole;                        /* low holds the whole text */
    uint64_t starts[VIEW_PAIR_WORDS];  /* bit set of the first two characters of every word */
    /* counts over the whole text */
    uint32_t words;   /* white-space separated words */
    uint32_t alpha;   /* words with a letter */
    uint32_t capital; /* words whose first letter is a capital */
    uint32_t lower;   /* words whose first letter is lower case, short function words left out */
    uint32_t digits;  /* words with a digit */
    uint32_t commas;  /* commas */
    unsigned char end; /* the last character before closing quotes and brackets; '.' for … */
} view;

/* Builds the view of s[0..len). */
void view_make(view *v, const char *s, size_t len);

/* The text ends like a sentence: . ! ? or … (before closing quotes or brackets). */
static inline bool view_ends_sentence(const view *v) { return v->end == '.' || v->end == '!' || v->end == '?'; }

/* Whether the view starts with prefix (lower case). */
bool view_starts(const view *v, const char *prefix);
/* Whether needle occurs anywhere in the view's head. */
bool view_has(const view *v, const char *needle);
/* Whether needle occurs at the start of a word (or after an opening bracket) in the view's head. */
bool view_has_word(const view *v, const char *needle);
/* Whether the whole view equals s. */
bool view_is(const view *v, const char *s);

/* The last character of s[0..len) that is not white space, a closing quote or a bracket. */
unsigned char view_final_mark(const char *s, size_t len);

#endif

/* view.h — what the cleaner's rules look at in a paragraph or sentence: a lower-cased head of its
 * text for phrase tests, and counts of its words by shape (capitalised, lower case, numbers). */
#ifndef TD_CLEAN_VIEW_H
#define TD_CLEAN_VIEW_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Bytes of a paragraph's head kept lower-cased for phrase tests: enough for every rule (debris
 * says what it is early). A text of more than VIEW_LONG bytes is long prose to every rule: only
 * its first VIEW_LONG_HEAD bytes are read, and it counts as VIEW_WORDS_MAX words. */
enum { VIEW_MAX = 240, VIEW_LONG = 480, VIEW_LONG_HEAD = 120 };

/* Word starts are summed up as sets of hashes of their first three characters (a byte each: one
 * store to add, one load to test) and of their first seven (bits, intersected a word at a time with
 * the phrases'), so that most phrase searches end with one test instead of a scan. */
enum { VIEW_START_LOG = 10, VIEW_KEY_LOG = 10, VIEW_KEY_LEN = 7 };
enum { VIEW_START_BITS = 1 << VIEW_START_LOG, VIEW_KEY_BITS = 1 << VIEW_KEY_LOG };

/* The bytes s[0..n) packed into one word, the first byte lowest (as a little-endian load reads
 * them). */
#define VIEW_PACK3(s)                                                                                   \
    ((uint64_t)(unsigned char)(s)[0] | (uint64_t)(unsigned char)(s)[1] << 8 | (uint64_t)(unsigned char)(s)[2] << 16)
#define VIEW_PACK7(s)                                                                                   \
    (VIEW_PACK3(s) | (uint64_t)(unsigned char)(s)[3] << 24 | (uint64_t)(unsigned char)(s)[4] << 32 |     \
     (uint64_t)(unsigned char)(s)[5] << 40 | (uint64_t)(unsigned char)(s)[6] << 48)

/* The byte of a word start's first three bytes in view.starts (multiplicative hashing: the top
 * bits of the product). */
#define VIEW_START_BIT(packed3) ((unsigned)(((packed3) * 0x9e3779b97f4a7c15ULL) >> (64 - VIEW_START_LOG)))
/* The bit of a phrase of VIEW_KEY_LEN bytes or more in view.keys; a constant for a literal. */
#define VIEW_KEY_OF(packed7) ((unsigned)(((packed7) * 0xc2b2ae3d27d4eb4fULL) >> (64 - VIEW_KEY_LOG)))
#define VIEW_KEY(s) VIEW_KEY_OF(VIEW_PACK7(s))

/* Words are counted up to VIEW_WORDS_MAX (no rule asks about longer texts); their shapes
 * (capitalised, lower case, ...) are those of the words in the head (the rules that read shapes
 * are for short lines). */
enum { VIEW_WORDS_MAX = 81 };

/* NUL bytes after the head: a word start's key is read with one 8-byte load. */
enum { VIEW_PAD = 8 };

typedef struct view {
    char low[VIEW_MAX + VIEW_PAD];         /* ASCII lower-cased, white space runs made one space,
                                              NUL-padded */
    size_t len;                            /* bytes in low */
    bool whole;                            /* low holds the whole text */
    uint8_t starts[VIEW_START_BITS];       /* 1 at the hash of the first three characters of every word */
    uint64_t keys[VIEW_KEY_BITS / 64];     /* VIEW_KEY of the first seven characters of every word */
    /* counts over the whole text */
    uint32_t words;   /* white-space separated words, at most VIEW_WORDS_MAX */
    uint32_t alpha;   /* words with a letter (long prose: words) */
    uint32_t capital; /* words whose first letter is a capital */
    uint32_t lower;   /* words whose first letter is lower case, short function words left out */
    uint32_t digits;  /* words with a digit */
    uint32_t commas;  /* commas */
    unsigned char end; /* the last character before closing quotes and brackets; '.' for … */
    bool quoted;       /* low quotes someone: '"', "``" or "''" (before any NUL byte) */
} view;

/* Builds the view of s[0..len). */
void view_make(view *v, const char *s, size_t len);

/* The text ends like a sentence: . ! ? or … (before closing quotes or brackets). */
static inline bool view_ends_sentence(const view *v) { return v->end == '.' || v->end == '!' || v->end == '?'; }

/* Whether the view starts with the n bytes of prefix (lower case). */
static inline bool view_starts_n(const view *v, const char *prefix, size_t n)
{
    return v->len >= n && v->low[0] == prefix[0] && memcmp(v->low, prefix, n) == 0;
}
static inline bool view_starts(const view *v, const char *prefix) { return view_starts_n(v, prefix, strlen(prefix)); }

/* Whether the whole view equals the n bytes of s. */
static inline bool view_is_n(const view *v, const char *s, size_t n)
{
    return v->whole && v->len == n && memcmp(v->low, s, n) == 0;
}
static inline bool view_is(const view *v, const char *s) { return view_is_n(v, s, strlen(s)); }

/* Whether needle occurs anywhere in the view's head. */
bool view_has(const view *v, const char *needle);

/* False when needle cannot occur in the view: a space in it is followed by three bytes or more, and
 * no word of the view starts with those three (every place after a space in low starts a word). */
bool view_may_have(const view *v, const char *needle);

/* Whether some word of the view may start with the three bytes at s (false: none does). */
static inline bool view_may_start(const view *v, const char *s) { return v->starts[VIEW_START_BIT(VIEW_PACK3(s))]; }

/* The scans behind the bit tests below (strstr, then a look at the byte before the hit). */
bool view_find_at_start(const view *v, const char *needle);
bool view_find_whole_word(const view *v, const char *word);

/* Whether needle (three bytes or more) occurs at the start of a word (or after an opening
 * bracket) in the view's head. A phrase of VIEW_KEY_LEN bytes or more is looked for the same way
 * after a test of its VIEW_KEY in view.keys. */
static inline bool view_has_word(const view *v, const char *needle)
{
    return view_may_start(v, needle) && view_find_at_start(v, needle);
}
/* Whether word (three bytes or more) occurs as a whole word: at a word start, no letter after it. */
static inline bool view_has_whole_word(const view *v, const char *word)
{
    return view_may_start(v, word) && view_find_whole_word(v, word);
}

/* The last character of s[0..len) that is not white space, a closing quote or a bracket. */
unsigned char view_final_mark(const char *s, size_t len);

#endif

/* wordlist.c — membership in a fixed, sorted list of words (stopwords, abbreviations): binary search
 * with the key given as bytes and a length, so callers never copy or NUL-terminate a token. A table
 * of records whose first member is the word is searched the same way. */
#include <stdint.h>

#include "text/text.h"

/* memcmp-then-length order of s[0..len) against the NUL-terminated w, in one pass (no strlen). */
static int compare(const unsigned char *s, size_t len, const unsigned char *w)
{
    for (size_t k = 0; k < len; k++) {
        if (w[k] == '\0') return 1; /* w is a proper prefix of s (or s has a NUL byte here: greater too) */
        if (s[k] != w[k]) return s[k] < w[k] ? -1 : 1;
    }
    return w[len] ? -1 : 0;
}

size_t wordlist_index(const void *table, size_t n, size_t stride, const char *s, size_t len)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *w = *(const char *const *)(const void *)((const char *)table + mid * stride);
        int c = compare((const unsigned char *)s, len, (const unsigned char *)w);
        if (!c) return mid;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return n;
}

bool wordlist_find(const char *const *sorted, size_t n, const char *s, size_t len)
{
    return wordlist_index(sorted, n, sizeof *sorted, s, len) < n;
}

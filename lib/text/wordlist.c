/* wordlist.c — membership in a fixed, sorted list of words (stopwords, abbreviations): binary search
 * with the key given as bytes and a length, so callers never copy or NUL-terminate a token. */
#include <string.h>

#include "text/text.h"

bool wordlist_find(const char *const *sorted, size_t n, const char *s, size_t len)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *w = sorted[mid];
        size_t wl = strlen(w);
        int c = memcmp(s, w, len < wl ? len : wl);
        if (!c) c = (len > wl) - (len < wl);
        if (!c) return true;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return false;
}

/* stem.c — English Snowball stemming ("running" -> "run", "Sony's" -> "soni"). Plain ASCII words of
 * up to SHORT_MAX bytes (nearly all) go to english_stem.c, the same algorithm written for ASCII;
 * other words (rare) to libstemmer's English stemmer. */
#include <libstemmer.h>
#include <limits.h>
#include <stdlib.h>

#include "common/bytes.h"
#include "text/text.h"

enum { SHORT_MAX = 64 }; /* longest ASCII word for english_stem */

struct stemmer {
    struct sb_stemmer *utf8; /* libstemmer's English (Porter 2) stemmer, UTF-8 */
    char out[SHORT_MAX];     /* english_stem's stem */
};

stemmer *stemmer_new(void)
{
    stemmer *st = calloc(1, sizeof *st);
    if (!st) return NULL;
    if (!(st->utf8 = sb_stemmer_new("english", NULL))) {
        free(st);
        return NULL;
    }
    return st;
}

const char *stemmer_stem(stemmer *st, const char *folded, size_t len, size_t *out_len)
{
    if (len > INT_MAX) return NULL;
    /* ASCII or not, eight bytes at a time */
    uint64_t high = 0;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) high |= bytes_load64(folded + i);
    for (; i < len; i++) high |= (unsigned char)folded[i];
    if (!bytes_any_high(high) && len <= SHORT_MAX) {
        *out_len = english_stem(folded, len, st->out);
        return st->out;
    }
    const sb_symbol *r = sb_stemmer_stem(st->utf8, (const sb_symbol *)folded, (int)len);
    if (!r) return NULL;
    *out_len = (size_t)sb_stemmer_length(st->utf8);
    return (const char *)r;
}

void stemmer_free(stemmer *st)
{
    if (!st) return;
    if (st->utf8) sb_stemmer_delete(st->utf8);
    free(st);
}

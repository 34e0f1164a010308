/* stem.c — English Snowball stemming ("running" -> "run", "Sony's" -> "soni"). Plain ASCII words
 * (nearly all) go to english_stem.c, the same algorithm written for ASCII; longer ones (rare) to
 * libstemmer's ISO-8859-1 build, whose output for ASCII is byte for byte that of its UTF-8 build;
 * other words to the UTF-8 build. */
#include <libstemmer.h>
#include <limits.h>
#include <stdlib.h>

#include "common/bytes.h"
#include "text/text.h"

enum { SHORT_MAX = 64 }; /* longest ASCII word for english_stem */

struct stemmer {
    struct sb_stemmer *utf8;  /* libstemmer's English (Porter 2) stemmer, UTF-8 */
    struct sb_stemmer *ascii; /* the same for single-byte text, used on long ASCII words only */
    char out[SHORT_MAX];      /* english_stem's stem */
};

stemmer *stemmer_new(void)
{
    stemmer *st = calloc(1, sizeof *st);
    if (!st) return NULL;
    st->utf8 = sb_stemmer_new("english", NULL);
    st->ascii = sb_stemmer_new("english", "ISO_8859_1");
    if (!st->utf8 || !st->ascii) {
        stemmer_free(st);
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
    struct sb_stemmer *sb = bytes_any_high(high) ? st->utf8 : st->ascii;
    if (sb == st->ascii && len <= SHORT_MAX) {
        *out_len = english_stem(folded, len, st->out);
        return st->out;
    }
    const sb_symbol *r = sb_stemmer_stem(sb, (const sb_symbol *)folded, (int)len);
    if (!r) return NULL;
    *out_len = (size_t)sb_stemmer_length(sb);
    return (const char *)r;
}

void stemmer_free(stemmer *st)
{
    if (!st) return;
    if (st->utf8) sb_stemmer_delete(st->utf8);
    if (st->ascii) sb_stemmer_delete(st->ascii);
    free(st);
}

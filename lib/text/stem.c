/* stem.c — English Snowball stemming ("running" -> "run", "Sony's" -> "soni"). Plain ASCII words
 * (nearly all) go to english_stem.c, the same algorithm written for ASCII; longer ones (rare) to
 * libstemmer's ISO-8859-1 build, whose output for ASCII is byte for byte that of its UTF-8 build;
 * other words to the UTF-8 build. */
#include <libstemmer.h>
#include <limits.h>
#include <stdlib.h>

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
    struct sb_stemmer *sb = st->ascii;
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)folded[i] >= 0x80) {
            sb = st->utf8;
            break;
        }
    }
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

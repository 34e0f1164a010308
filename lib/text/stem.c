/* stem.c — English Snowball stemming through libstemmer ("running" -> "run", "Sony's" -> "soni").
 * Plain ASCII words (nearly all) go to the stemmer's ISO-8859-1 build: the same algorithm, whose
 * output for ASCII is byte for byte that of the UTF-8 build, without decoding UTF-8 at each step. */
#include <libstemmer.h>
#include <limits.h>
#include <stdlib.h>

#include "text/text.h"

struct stemmer {
    struct sb_stemmer *utf8;  /* libstemmer's English (Porter 2) stemmer, UTF-8 */
    struct sb_stemmer *ascii; /* the same for single-byte text, used on ASCII words only */
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

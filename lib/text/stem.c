/* stem.c — English Snowball stemming through libstemmer ("running" -> "run", "Sony's" -> "soni"). */
#include <libstemmer.h>
#include <limits.h>
#include <stdlib.h>

#include "text/text.h"

struct stemmer {
    struct sb_stemmer *sb; /* libstemmer's English (Porter 2) stemmer, UTF-8 */
};

stemmer *stemmer_new(void)
{
    stemmer *st = malloc(sizeof *st);
    if (!st) return NULL;
    st->sb = sb_stemmer_new("english", NULL);
    if (!st->sb) {
        free(st);
        return NULL;
    }
    return st;
}

const char *stemmer_stem(stemmer *st, const char *folded, size_t len, size_t *out_len)
{
    if (len > INT_MAX) return NULL;
    const sb_symbol *r = sb_stemmer_stem(st->sb, (const sb_symbol *)folded, (int)len);
    if (!r) return NULL;
    *out_len = (size_t)sb_stemmer_length(st->sb);
    return (const char *)r;
}

void stemmer_free(stemmer *st)
{
    if (!st) return;
    sb_stemmer_delete(st->sb);
    free(st);
}

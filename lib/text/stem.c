/* stem.c — English Snowball stemming ("running" -> "run", "Sony's" -> "soni"): plain lower-case
 * ASCII words (nearly all) by porter2.c, any other word by libstemmer's "english", the same
 * algorithm (the tests check that both give the same stems). */
#include <libstemmer.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

enum { NATIVE_MAX = 64 }; /* longest word stemmed by porter2_stem */

struct stemmer {
    struct sb_stemmer *sb;      /* libstemmer's English (Porter 2) stemmer, UTF-8 */
    char word[NATIVE_MAX + 2];  /* porter2_stem's copy of the word, and the stem returned */
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

/* Whether porter2_stem takes the word: lower-case ASCII letters, digits, ' and . */
static bool native(const char *w, size_t len)
{
    if (len > NATIVE_MAX) return false;
    for (size_t i = 0; i < len; i++) {
        char c = w[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' || c == '.')) return false;
    }
    return true;
}

const char *stemmer_stem(stemmer *st, const char *folded, size_t len, size_t *out_len)
{
    if (native(folded, len)) {
        memcpy(st->word, folded, len);
        *out_len = porter2_stem(st->word, len);
        return st->word;
    }
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

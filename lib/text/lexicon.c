/* lexicon.c — per-token cache of folding, stopword test and stemming: the first sighting of a
 * token's bytes does the work, every later one is a single hash lookup. Tokens of up to 8 bytes
 * (nine in ten) have a table of their own whose slot holds the packed bytes and the answer, so a
 * lookup reads one slot and nothing else: the table is large and mostly out of cache. A second
 * cache by folded form spares the stemmer the case variants ("The", "the", "THE"). Term ids are
 * the interned stems, so "Hacks", "hacked" and "hacking" share one id. */
#include <stdlib.h>

#include "common/bytes.h"
#include "common/strmap.h"
#include "common/vec.h"
#include "text/text.h"

/* A token of 1 to 8 bytes and what it is. */
typedef struct short_slot {
    uint64_t bytes; /* the token packed (bytes_pack) */
    uint32_t term;  /* lex_word.term */
    uint8_t len;    /* token length; 0 for an empty slot */
    uint8_t flags;  /* lex_word.flags */
} short_slot;

struct lexicon {
    short_slot *shorts;    /* open-addressing table (linear probing) of the tokens of 1-8 bytes */
    size_t n_short_slots;  /* power of two */
    size_t n_shorts;       /* tokens in it */
    strmap tokens;         /* longer (or empty) raw token bytes -> index into words */
    VEC(lex_word) words;   /* what each of those is */
    strmap folded;         /* folded form of a word token -> index into folded_words */
    VEC(lex_word) folded_words; /* what each folded word is */
    strmap terms;          /* stem (or folded number/punctuation) -> term id */
    stemmer *stem;         /* English Snowball stemmer */
    buf scratch;           /* folded form of the token being classified */
};

/* Doubles the table of short tokens (or makes the first one); false when out of memory. */
static bool grow_shorts(lexicon *lx)
{
    size_t n = lx->n_short_slots ? lx->n_short_slots * 2 : 4096;
    short_slot *slots = calloc(n, sizeof *slots);
    if (!slots) return false;
    for (size_t i = 0; i < lx->n_short_slots; i++) {
        const short_slot *old = &lx->shorts[i];
        if (!old->len) continue;
        size_t k = bytes_hash_packed(old->bytes, old->len) & (n - 1);
        while (slots[k].len) k = (k + 1) & (n - 1);
        slots[k] = *old;
    }
    free(lx->shorts);
    lx->shorts = slots;
    lx->n_short_slots = n;
    return true;
}

lexicon *lexicon_new(void)
{
    lexicon *lx = calloc(1, sizeof *lx);
    if (!lx) return NULL;
    strmap_init(&lx->tokens);
    strmap_init(&lx->folded);
    strmap_init(&lx->terms);
    lx->stem = stemmer_new();
    if (!lx->stem || !grow_shorts(lx)) {
        lexicon_free(lx);
        return NULL;
    }
    return lx;
}

/* The lex_word of a folded word: from the cache when another case variant brought it there, else
 * by the stopword list and the stemmer. The first sighting of a folded form interns its stem, so
 * term ids come out in the same order as without this cache. */
static bool classify_word(lexicon *lx, const char *folded, size_t len, lex_word *w)
{
    uint32_t id = strmap_find(&lx->folded, folded, len);
    if (id != STRMAP_NONE) {
        *w = lx->folded_words.items[id];
        return true;
    }
    size_t stem_len;
    const char *stem = stemmer_stem(lx->stem, folded, len, &stem_len);
    if (!stem) return false;
    w->flags = stopword(folded, len) ? LEX_STOP : 0;
    w->term = strmap_intern(&lx->terms, stem, stem_len, NULL);
    if (w->term == STRMAP_NONE || !vec_reserve(&lx->folded_words, 1)) return false;
    if (strmap_intern(&lx->folded, folded, len, NULL) == STRMAP_NONE) return false;
    lx->folded_words.items[lx->folded_words.len++] = *w; /* ids are dense: the new id is len */
    return true;
}

/* Works out the lex_word of a token not seen before. */
static bool classify(lexicon *lx, const char *tok, size_t len, token_kind kind, lex_word *w)
{
    buf *f = &lx->scratch;
    buf_clear(f);
    if (!text_fold(tok, len, f)) return false;
    if (kind == TOKEN_WORD) return classify_word(lx, f->data, f->len, w);
    size_t term_len = f->len;
    if (kind == TOKEN_NUMBER) {
        /* "3,000" and "3000" are the same number. */
        size_t k = 0;
        for (size_t i = 0; i < f->len; i++)
            if (f->data[i] != ',') f->data[k++] = f->data[i];
        term_len = k;
        w->flags = LEX_NUMBER;
    } else {
        w->flags = LEX_PUNCT;
    }
    w->term = strmap_intern(&lx->terms, f->data, term_len, NULL);
    return w->term != STRMAP_NONE;
}

/* lexicon_word for a token of 1 to 8 bytes. */
static bool short_word(lexicon *lx, const char *tok, size_t len, token_kind kind, lex_word *out)
{
    uint64_t bytes = bytes_pack(tok, len);
    uint64_t h = bytes_hash_packed(bytes, len);
    size_t mask = lx->n_short_slots - 1, i = h & mask;
    for (; lx->shorts[i].len; i = (i + 1) & mask) {
        const short_slot *sl = &lx->shorts[i];
        if (sl->bytes == bytes && sl->len == len) {
            out->term = sl->term;
            out->flags = sl->flags;
            return true;
        }
    }
    if (!classify(lx, tok, len, kind, out)) return false;
    if ((lx->n_shorts + 1) * 4 > lx->n_short_slots * 3) {
        if (!grow_shorts(lx)) return false;
        mask = lx->n_short_slots - 1;
        for (i = h & mask; lx->shorts[i].len; i = (i + 1) & mask) continue;
    }
    lx->shorts[i] = (short_slot){bytes, out->term, (uint8_t)len, out->flags};
    lx->n_shorts++;
    return true;
}

bool lexicon_word(lexicon *lx, const char *tok, size_t len, token_kind kind, lex_word *out)
{
    if (len >= 1 && len <= 8) return short_word(lx, tok, len, kind, out);
    uint32_t id = strmap_find(&lx->tokens, tok, len);
    if (id != STRMAP_NONE) {
        *out = lx->words.items[id];
        return true;
    }
    lex_word w;
    if (!classify(lx, tok, len, kind, &w) || !vec_reserve(&lx->words, 1)) return false;
    id = strmap_intern(&lx->tokens, tok, len, NULL);
    if (id == STRMAP_NONE) return false;
    lx->words.items[lx->words.len++] = w; /* ids are dense, so id == words.len here */
    *out = w;
    return true;
}

const char *lexicon_term(const lexicon *lx, uint32_t term, size_t *len)
{
    if (term >= lx->terms.len) return NULL;
    *len = lx->terms.key_lens[term];
    return lx->terms.keys[term];
}

size_t lexicon_n_terms(const lexicon *lx) { return lx->terms.len; }

void lexicon_free(lexicon *lx)
{
    if (!lx) return;
    free(lx->shorts);
    strmap_free(&lx->tokens);
    strmap_free(&lx->folded);
    strmap_free(&lx->terms);
    vec_free(&lx->words);
    vec_free(&lx->folded_words);
    stemmer_free(lx->stem);
    buf_free(&lx->scratch);
    free(lx);
}

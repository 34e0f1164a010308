/* lexicon.c — per-token cache of folding, stopword test and stemming: the first sighting of a
 * token's bytes does the work, every later one is a single hash lookup. Tokens of up to 16 bytes
 * (nearly all) are in a table whose slot holds the bytes and the answer, so a lookup reads one
 * slot and nothing else (the table is large, a read is mostly a cache miss). Case variants share
 * the work: a new ASCII word looks for its lower-case form in that table, other words for their
 * folded form in a second cache. Term ids are the interned stems, so "Hacks", "hacked" and
 * "hacking" share one id.
 * Text is also looked up by chunks (text between ASCII white space and controls): most chunks are
 * one word, whose bytes are a token's (alone, a token's bytes are tokenised as in any text), found
 * in the table with no tokenising at all; other chunks ("said:", "(AP)") are tokenised. Keeping
 * those chunks in the table as well was measured: fewer instructions, but a table four times as
 * large whose cache misses cost more time than the instructions saved. */
#include <stdlib.h>
#include <string.h>

#include "common/bytes.h"
#include "common/strmap.h"
#include "common/vec.h"
#include "text/text.h"

enum { INLINE_MAX = 16 };    /* longest token kept in the table of inline tokens */
enum { INLINE_FIRST = 1024 }; /* slots of a new table of inline tokens */

/* The bytes of a token of 1 to 16 bytes in two words: up to 8 packed (bytes_pack) in lo, hi 0;
 * more, the first 8 in lo and the last 8 in hi (overlapping). With the length, that is the token. */
typedef struct inline_key {
    uint64_t lo, hi;
} inline_key;

/* A token of 1 to 16 bytes and what it is. */
typedef struct inline_slot {
    inline_key key; /* the token */
    uint32_t term;  /* lex_word.term */
    uint8_t len;    /* token length; 0 for an empty slot */
    uint8_t flags;  /* lex_word.flags */
} inline_slot;

struct lexicon {
    inline_slot *slots;    /* open-addressing table (linear probing) of the tokens of 1-16 bytes */
    size_t n_slots;        /* power of two */
    size_t n_inline;       /* tokens in it */
    VEC(uint32_t) chunk_terms; /* the words of the chunk just looked up ... */
    VEC(uint8_t) chunk_flags;  /* ... */
    strmap tokens;         /* longer (or empty) raw token bytes -> index into words */
    VEC(lex_word) words;   /* what each of those is */
    strmap folded;         /* folded form of a word not for classify_ascii_word -> index into folded_words */
    VEC(lex_word) folded_words; /* what each folded word is */
    strmap terms;          /* stem (or folded number/punctuation) -> term id */
    stemmer *stem;         /* English Snowball stemmer */
    buf scratch;           /* folded form of the token being classified */
};

static inline inline_key key_of(const char *tok, size_t len)
{
    if (len <= 8) return (inline_key){bytes_pack(tok, len), 0};
    return (inline_key){bytes_load64(tok), bytes_load64(tok + len - 8)};
}

/* Two multiplications: every bit of the key reaches the top half of the product, which the fold
 * brings down to the low bits that index the table. */
static inline uint64_t key_hash(inline_key k, size_t len)
{
    uint64_t h = (k.lo ^ len ^ k.hi * 0xd6e8feb86659fd93ULL) * 0x9e3779b97f4a7c15ULL;
    return h ^ (h >> 32);
}

/* The slot of the token (key k, length len, hash h): its own, or the empty one where it would go. */
static inline inline_slot *find_slot(const lexicon *lx, inline_key k, size_t len, uint64_t h)
{
    size_t mask = lx->n_slots - 1, i = h & mask;
    for (; lx->slots[i].len; i = (i + 1) & mask) {
        const inline_slot *sl = &lx->slots[i];
        if (sl->key.lo == k.lo && sl->key.hi == k.hi && sl->len == len) break;
    }
    return &lx->slots[i];
}

/* Doubles the table (or makes the first one); false when out of memory. */
static bool grow_slots(lexicon *lx)
{
    size_t n = lx->n_slots ? lx->n_slots * 2 : INLINE_FIRST;
    inline_slot *slots = calloc(n, sizeof *slots);
    if (!slots) return false;
    for (size_t i = 0; i < lx->n_slots; i++) {
        const inline_slot *old = &lx->slots[i];
        if (!old->len) continue;
        size_t k = key_hash(old->key, old->len) & (n - 1);
        while (slots[k].len) k = (k + 1) & (n - 1);
        slots[k] = *old;
    }
    free(lx->slots);
    lx->slots = slots;
    lx->n_slots = n;
    return true;
}

/* Adds a token of 1 to 16 bytes that is not in the table; false when out of memory. */
static bool add_inline(lexicon *lx, inline_key k, size_t len, uint64_t h, lex_word w)
{
    if ((lx->n_inline + 1) * 4 > lx->n_slots * 3 && !grow_slots(lx)) return false;
    *find_slot(lx, k, len, h) = (inline_slot){k, w.term, (uint8_t)len, w.flags};
    lx->n_inline++;
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
    if (!lx->stem || !grow_slots(lx) || !vec_reserve(&lx->chunk_terms, 1) || !vec_reserve(&lx->chunk_flags, 1)) {
        lexicon_free(lx);
        return NULL;
    }
    return lx;
}

/* The lex_word of a folded word by the stopword list (which knows its words' stems) and the
 * stemmer. */
static bool stem_word(lexicon *lx, const char *folded, size_t len, lex_word *w)
{
    size_t stem_len;
    const char *stem = stopword_stem(folded, len);
    w->flags = stem ? LEX_STOP : 0;
    if (stem) stem_len = strlen(stem);
    else if (!(stem = stemmer_stem(lx->stem, folded, len, &stem_len))) return false;
    w->term = strmap_intern(&lx->terms, stem, stem_len, NULL);
    return w->term != STRMAP_NONE;
}

/* The lex_word of a folded word that classify_ascii_word does not take (not ASCII, or longer than
 * 16 bytes): from the cache when another case variant brought it there, else by stem_word. */
static bool classify_word(lexicon *lx, const char *folded, size_t len, lex_word *w)
{
    uint32_t id = strmap_find(&lx->folded, folded, len);
    if (id != STRMAP_NONE) {
        *w = lx->folded_words.items[id];
        return true;
    }
    if (!stem_word(lx, folded, len, w) || !vec_reserve(&lx->folded_words, 1)) return false;
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

/* Works out the lex_word of a new ASCII word of 1 to 16 bytes. Its folded form is its lower-case
 * form, itself a token: taken from the table when there (another case variant), else classified
 * and added too. A stem is interned when its first folded form is classified, here or in
 * classify_word, so term ids are the same whichever way a word comes. */
static bool classify_ascii_word(lexicon *lx, const char *tok, size_t len, lex_word *w)
{
    char low[INLINE_MAX];
    bool upper = false;
    for (size_t i = 0; i < len; i++) {
        char c = tok[i];
        upper |= c >= 'A' && c <= 'Z';
        low[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    if (!upper) return stem_word(lx, low, len, w);
    inline_key k = key_of(low, len);
    uint64_t h = key_hash(k, len);
    const inline_slot *sl = find_slot(lx, k, len, h);
    if (sl->len) {
        w->term = sl->term;
        w->flags = sl->flags;
        return true;
    }
    return stem_word(lx, low, len, w) && add_inline(lx, k, len, h, *w);
}

/* Classifies a token of 1 to 16 bytes not in the table (key k, hash h) and adds it. Kept out of
 * line, so that the look-up of a known token (nearly every call) stays small. */
static __attribute__((noinline)) bool learn_inline(lexicon *lx, const char *tok, size_t len, token_kind kind,
                                                   inline_key k, uint64_t h, lex_word *out)
{
    bool ascii = true;
    for (size_t i = 0; i < len; i++) ascii &= (unsigned char)tok[i] < 0x80;
    bool ok = kind == TOKEN_WORD && ascii ? classify_ascii_word(lx, tok, len, out) : classify(lx, tok, len, kind, out);
    return ok && add_inline(lx, k, len, h, *out);
}

/* lexicon_word for a token longer than 16 bytes (or empty). */
static __attribute__((noinline)) bool long_word(lexicon *lx, const char *tok, size_t len, token_kind kind,
                                                lex_word *out)
{
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

bool lexicon_word(lexicon *lx, const char *tok, size_t len, token_kind kind, lex_word *out)
{
    if (len < 1 || len > INLINE_MAX) return long_word(lx, tok, len, kind, out);
    inline_key k = key_of(tok, len);
    uint64_t h = key_hash(k, len);
    const inline_slot *sl = find_slot(lx, k, len, h);
    if (!sl->len) return learn_inline(lx, tok, len, kind, k, h, out);
    out->term = sl->term;
    out->flags = sl->flags;
    return true;
}

/* Tokenises a chunk into chunk_terms and chunk_flags, looking each token up (a chunk of len bytes
 * has at most len tokens). */
static bool split_chunk(lexicon *lx, const char *s, size_t len)
{
    lx->chunk_terms.len = lx->chunk_flags.len = 0;
    if (!vec_reserve(&lx->chunk_terms, len) || !vec_reserve(&lx->chunk_flags, len)) return false;
    size_t pos = 0, n = 0;
    token tok;
    while (token_next(s, len, &pos, &tok)) {
        lex_word w;
        if (!lexicon_word(lx, s + tok.start, tok.end - tok.start, tok.kind, &w)) return false;
        lx->chunk_terms.items[n] = w.term;
        lx->chunk_flags.items[n++] = w.flags;
    }
    lx->chunk_terms.len = lx->chunk_flags.len = n;
    return true;
}

/* Whether a chunk may be one word: its last byte is a letter, a digit or not ASCII (a chunk that
 * ends with punctuation, "said," or "(AP)", is tokenised without a look-up that would miss). */
static inline bool may_be_word(const char *s, size_t len)
{
    unsigned char z = (unsigned char)s[len - 1];
    return z >= 0x80 || (unsigned)((z | 0x20) - 'a') < 26u || (unsigned)(z - '0') < 10u;
}

bool lexicon_chunk(lexicon *lx, const char *s, size_t len, lex_chunk *out)
{
    if (len >= 1 && len <= INLINE_MAX && may_be_word(s, len)) {
        inline_key k = key_of(s, len);
        const inline_slot *sl = find_slot(lx, k, len, key_hash(k, len));
        if (sl->len) { /* a token's bytes: the chunk is that token */
            lx->chunk_terms.items[0] = sl->term;
            lx->chunk_flags.items[0] = sl->flags;
            *out = (lex_chunk){1, lx->chunk_terms.items, lx->chunk_flags.items};
            return true;
        }
    }
    if (!split_chunk(lx, s, len)) return false;
    *out = (lex_chunk){lx->chunk_terms.len, lx->chunk_terms.items, lx->chunk_flags.items};
    return true;
}

bool lexicon_forget(lexicon *lx)
{
    inline_slot *slots = calloc(INLINE_FIRST, sizeof *slots);
    if (!slots) return false;
    free(lx->slots);
    lx->slots = slots;
    lx->n_slots = INLINE_FIRST;
    lx->n_inline = 0;
    strmap_free(&lx->tokens);
    strmap_free(&lx->folded);
    strmap_free(&lx->terms);
    strmap_init(&lx->tokens);
    strmap_init(&lx->folded);
    strmap_init(&lx->terms);
    vec_free(&lx->words);
    vec_free(&lx->folded_words);
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
    free(lx->slots);
    vec_free(&lx->chunk_terms);
    vec_free(&lx->chunk_flags);
    strmap_free(&lx->tokens);
    strmap_free(&lx->folded);
    strmap_free(&lx->terms);
    vec_free(&lx->words);
    vec_free(&lx->folded_words);
    stemmer_free(lx->stem);
    buf_free(&lx->scratch);
    free(lx);
}

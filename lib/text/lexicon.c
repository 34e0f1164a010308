/* lexicon.c — per-token cache of folding, stopword test and stemming: the first sighting of a
 * token's bytes does the work, every later one is a single hash lookup. Tokens of up to 16 bytes
 * (nearly all) are in a table whose slot holds the bytes and the answer, so a lookup reads one
 * slot and nothing else (the table is large, a read is mostly a cache miss). Case variants share
 * the work: a new ASCII word looks for its lower-case form in that table, other words for their
 * folded form in a second cache. Term ids are the interned stems, so "Hacks", "hacked" and
 * "hacking" share one id.
 * A third table does the same for chunks (text between white space, "said:" or "(AP)"): their
 * tokens and words at once, so that text seen before is neither tokenised nor looked up token by
 * token again. */
#include <stdlib.h>
#include <string.h>

#include "common/bytes.h"
#include "common/strmap.h"
#include "common/vec.h"
#include "text/text.h"

enum { INLINE_MAX = 16 }; /* longest token kept in the table of inline tokens */

/* The bytes of a token of 1 to 16 bytes in two words: up to 8 packed (bytes_pack) in lo, hi 0;
 * more, the first 8 in lo and the last 8 in hi (overlapping). With the length, that is the token. */
typedef struct inline_key {
    uint64_t lo, hi;
} inline_key;

/* A token of 1 to 16 bytes and what it is. */
typedef struct inline_slot {
    inline_key key; /* the token */
    uint8_t len;    /* token length; 0 for an empty slot */
    uint8_t flags;  /* lex_word.flags */
    uint32_t term;  /* lex_word.term */
} inline_slot;

enum { CHUNK_WORDS = 4 }; /* a chunk of more tokens is not kept */

/* A chunk of 1 to 16 bytes and its tokens' words, in text order. */
typedef struct chunk_slot {
    inline_key key; /* the chunk */
    uint8_t len;    /* chunk length; 0 for an empty slot */
    uint8_t n;      /* tokens */
    lex_word words[CHUNK_WORDS];
} chunk_slot;

/* Both tables: open addressing (linear probing) over slots that start with the key and the length. */
typedef struct slot_table {
    void *slots;
    size_t n_slots; /* power of two */
    size_t len;     /* slots in use */
} slot_table;

struct lexicon {
    slot_table tokens_inline; /* inline_slot: the tokens of 1-16 bytes */
    slot_table chunks;        /* chunk_slot: the chunks of 1-16 bytes of up to CHUNK_WORDS tokens */
    VEC(lex_word) chunk_words; /* the words of the chunk just split */
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
 * brings down to the low bits that index a table. */
static inline uint64_t key_hash(inline_key k, size_t len)
{
    uint64_t h = (k.lo ^ len ^ k.hi * 0xd6e8feb86659fd93ULL) * 0x9e3779b97f4a7c15ULL;
    return h ^ (h >> 32);
}

/* The slot at index i of a table of slots of `size` bytes; its key and length. */
static inline unsigned char *slot_at(const slot_table *t, size_t size, size_t i)
{
    return (unsigned char *)t->slots + i * size;
}
static inline inline_key *slot_key(unsigned char *slot) { return (inline_key *)(void *)slot; }
static inline uint8_t slot_len(const unsigned char *slot) { return slot[sizeof(inline_key)]; }

/* The slot of the bytes (key k, length len, hash h): its own, or the empty one where it would go. */
static inline unsigned char *find_slot(const slot_table *t, size_t size, inline_key k, size_t len, uint64_t h)
{
    size_t mask = t->n_slots - 1, i = h & mask;
    for (;; i = (i + 1) & mask) {
        unsigned char *sl = slot_at(t, size, i);
        if (!slot_len(sl)) return sl;
        const inline_key *key = slot_key(sl);
        if (key->lo == k.lo && key->hi == k.hi && slot_len(sl) == len) return sl;
    }
}

/* Doubles a table (or makes the first one); false when out of memory. */
static bool grow_slots(slot_table *t, size_t size)
{
    size_t n = t->n_slots ? t->n_slots * 2 : 1024;
    slot_table bigger = {calloc(n, size), n, t->len};
    if (!bigger.slots) return false;
    for (size_t i = 0; i < t->n_slots; i++) {
        unsigned char *old = slot_at(t, size, i);
        if (!slot_len(old)) continue;
        memcpy(find_slot(&bigger, size, *slot_key(old), slot_len(old), key_hash(*slot_key(old), slot_len(old))), old,
               size);
    }
    free(t->slots);
    *t = bigger;
    return true;
}

/* Makes room for one more entry; false when out of memory. */
static bool reserve_slot(slot_table *t, size_t size)
{
    return (t->len + 1) * 2 <= t->n_slots || grow_slots(t, size);
}

/* Adds a token of 1 to 16 bytes that is not in the table; false when out of memory. */
static bool add_inline(lexicon *lx, inline_key k, size_t len, uint64_t h, lex_word w)
{
    slot_table *t = &lx->tokens_inline;
    if (!reserve_slot(t, sizeof(inline_slot))) return false;
    inline_slot *sl = (inline_slot *)(void *)find_slot(t, sizeof(inline_slot), k, len, h);
    *sl = (inline_slot){k, (uint8_t)len, w.flags, w.term};
    t->len++;
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
    if (!lx->stem || !grow_slots(&lx->tokens_inline, sizeof(inline_slot))) {
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
    const inline_slot *sl = (const inline_slot *)(void *)find_slot(&lx->tokens_inline, sizeof(inline_slot), k, len, h);
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
    const inline_slot *sl = (const inline_slot *)(void *)find_slot(&lx->tokens_inline, sizeof(inline_slot), k, len, h);
    if (!sl->len) return learn_inline(lx, tok, len, kind, k, h, out);
    out->term = sl->term;
    out->flags = sl->flags;
    return true;
}

/* Tokenises a chunk into chunk_words, looking each word or number up (punctuation is not). */
static bool split_chunk(lexicon *lx, const char *s, size_t len)
{
    lx->chunk_words.len = 0;
    size_t pos = 0;
    token tok;
    while (token_next(s, len, &pos, &tok)) {
        lex_word w = {0, LEX_PUNCT};
        if (tok.kind != TOKEN_PUNCT && !lexicon_word(lx, s + tok.start, tok.end - tok.start, tok.kind, &w))
            return false;
        if (!vec_push(&lx->chunk_words, w)) return false;
    }
    return true;
}

/* lexicon_chunk for a chunk not in the table (key k, hash h): split, and kept when short enough. */
static __attribute__((noinline)) bool learn_chunk(lexicon *lx, const char *s, size_t len, inline_key k, uint64_t h,
                                                  const lex_word **words, size_t *n)
{
    if (!split_chunk(lx, s, len)) return false;
    *words = lx->chunk_words.items;
    *n = lx->chunk_words.len;
    if (*n > CHUNK_WORDS) return true;
    slot_table *t = &lx->chunks;
    if (!reserve_slot(t, sizeof(chunk_slot))) return false;
    chunk_slot *sl = (chunk_slot *)(void *)find_slot(t, sizeof(chunk_slot), k, len, h);
    sl->key = k;
    sl->len = (uint8_t)len;
    sl->n = (uint8_t)*n;
    memcpy(sl->words, *words, *n * sizeof *sl->words);
    t->len++;
    return true;
}

bool lexicon_chunk(lexicon *lx, const char *s, size_t len, const lex_word **words, size_t *n)
{
    if (len < 1 || len > INLINE_MAX) {
        if (!split_chunk(lx, s, len)) return false;
        *words = lx->chunk_words.items;
        *n = lx->chunk_words.len;
        return true;
    }
    inline_key k = key_of(s, len);
    uint64_t h = key_hash(k, len);
    if (!lx->chunks.n_slots) return learn_chunk(lx, s, len, k, h, words, n); /* the table is made on first use */
    const chunk_slot *sl = (const chunk_slot *)(void *)find_slot(&lx->chunks, sizeof(chunk_slot), k, len, h);
    if (!sl->len) return learn_chunk(lx, s, len, k, h, words, n);
    *words = sl->words;
    *n = sl->n;
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
    free(lx->tokens_inline.slots);
    free(lx->chunks.slots);
    vec_free(&lx->chunk_words);
    strmap_free(&lx->tokens);
    strmap_free(&lx->folded);
    strmap_free(&lx->terms);
    vec_free(&lx->words);
    vec_free(&lx->folded_words);
    stemmer_free(lx->stem);
    buf_free(&lx->scratch);
    free(lx);
}

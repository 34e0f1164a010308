/* lexicon.c — per-token cache of folding, stopword test and stemming: the first sighting of a
 * token's bytes does the work, every later one is a single hash lookup. Tokens of up to 16 bytes
 * (nearly all) are in a table whose slot holds the bytes and the answer, so a lookup reads one
 * slot and nothing else (the table is large, a read is mostly a cache miss). Case variants share
 * the work: a new ASCII word looks for its lower-case form in that table, other words for their
 * folded form in a second cache. Term ids are the interned stems, so "Hacks", "hacked" and
 * "hacking" share one id.
 * Text is also looked up by chunks (text between ASCII white space and controls): most chunks are
 * one word, whose bytes are a token's (alone, a token's bytes are tokenised as in any text), found
 * in the table with no tokenising at all, or such a word between ASCII punctuation ("said:",
 * "(AP)"), found the same way once the punctuation is set aside; other chunks are tokenised. Keeping
 * those chunks in the table as well was measured: fewer instructions, but a table four times as
 * large whose cache misses cost more time than the instructions saved. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "common/bytes.h"
#include "common/strmap.h"
#include "common/vec.h"
#include "text/text.h"

enum { INLINE_FIRST = 1024 }; /* slots of a new table of inline tokens */
enum { STOP_SLOTS = 512 };    /* slots of the table of stopwords (about 270): half full */

struct lexicon {
    lex_table table;       /* the tokens of 1-16 bytes (first: lexicon_known reads it) */
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
    lex_word punct[128];   /* ASCII punctuation byte -> its lex_word (flags 0: not looked up yet) */
    lex_table stops;       /* the stopwords: slot term = index in the list (stopword_at) */
};
/* lexicon_known (text.h) reads the table through a pointer to the lexicon */
_Static_assert(offsetof(struct lexicon, table) == 0, "a lexicon begins with its table");


/* The slot of the token (key k, length len, hash h): its own, or the empty one where it would go. */
static inline lex_slot *find_slot(const lexicon *lx, lex_key k, size_t len, uint64_t h)
{
    return (lex_slot *)lex_probe(&lx->table, k, len, h);
}

/* Doubles the table (or makes the first one); false when out of memory. */
static bool grow_slots(lexicon *lx)
{
    size_t n = lx->table.n_slots ? lx->table.n_slots * 2 : INLINE_FIRST;
    lex_slot *slots = calloc(n, sizeof *slots);
    if (!slots) return false;
    for (size_t i = 0; i < lx->table.n_slots; i++) {
        const lex_slot *old = &lx->table.slots[i];
        if (!old->len) continue;
        size_t k = lex_hash(old->key, old->len) & (n - 1);
        while (slots[k].len) k = (k + 1) & (n - 1);
        slots[k] = *old;
    }
    free(lx->table.slots);
    lx->table.slots = slots;
    lx->table.n_slots = n;
    return true;
}

/* Adds a token of 1 to 16 bytes that is not in the table; false when out of memory. */
static bool add_inline(lexicon *lx, lex_key k, size_t len, uint64_t h, lex_word w)
{
    if ((lx->n_inline + 1) * 4 > lx->table.n_slots * 3 && !grow_slots(lx)) return false;
    *find_slot(lx, k, len, h) = (lex_slot){k, w.term, (uint8_t)len, w.flags};
    lx->n_inline++;
    return true;
}

/* Fills the table of stopwords, so that a new word is told from them with one look-up rather than
 * a binary search of the list; false when out of memory. */
static bool make_stops(lexicon *lx)
{
    lx->stops.slots = calloc(STOP_SLOTS, sizeof *lx->stops.slots);
    if (!lx->stops.slots) return false;
    lx->stops.n_slots = STOP_SLOTS;
    const char *w;
    for (size_t i = 0; (w = stopword_at(i)) != NULL; i++) {
        size_t len = strlen(w);
        lex_key k = lex_key_of(w, len);
        *(lex_slot *)lex_probe(&lx->stops, k, len, lex_hash(k, len)) = (lex_slot){k, (uint32_t)i, (uint8_t)len, 0};
    }
    return true;
}

/* The stem of a folded word when it is a stopword (stopword_stem_at), else NULL. */
static const char *stop_stem(const lexicon *lx, const char *folded, size_t len)
{
    if (len < 1 || len > LEX_INLINE_MAX) return NULL; /* no stopword is longer */
    lex_key k = lex_key_of(folded, len);
    const lex_slot *sl = lex_probe(&lx->stops, k, len, lex_hash(k, len));
    return sl->len ? stopword_stem_at(sl->term) : NULL;
}

lexicon *lexicon_new(void)
{
    lexicon *lx = calloc(1, sizeof *lx);
    if (!lx) return NULL;
    strmap_init(&lx->tokens);
    strmap_init(&lx->folded);
    strmap_init(&lx->terms);
    lx->stem = stemmer_new();
    if (!lx->stem || !grow_slots(lx) || !make_stops(lx) || !vec_reserve(&lx->chunk_terms, 1) || !vec_reserve(&lx->chunk_flags, 1)) {
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
    const char *stem = stop_stem(lx, folded, len);
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

/* The top bit of each byte of x (ASCII bytes only) that is a capital, A to Z: no sum carries into
 * the next byte. Or-ed in shifted right by two, it makes those bytes lower case. */
static inline uint64_t ascii_capitals(uint64_t x)
{
    return (x + BYTES_ONES * (0x80 - 'A')) & ~(x + BYTES_ONES * (0x80 - 'Z' - 1)) & BYTES_HIGHS;
}

/* Copies an ASCII token of 1 to 16 bytes to low in lower case, eight bytes at a time. */
static void lower_ascii(const char *tok, size_t len, char *low)
{
    if (len >= 8) {
        uint64_t a = bytes_load64(tok), b = bytes_load64(tok + len - 8);
        a |= ascii_capitals(a) >> 2;
        b |= ascii_capitals(b) >> 2;
        memcpy(low, &a, 8);
        memcpy(low + len - 8, &b, 8);
        return;
    }
    uint64_t a = 0;
    memcpy(&a, tok, len);
    a |= ascii_capitals(a) >> 2;
    memcpy(low, &a, len);
}

/* Works out the lex_word of a new ASCII word of 1 to 16 bytes (key k). Its folded form is its
 * lower-case form, itself a token: taken from the table when there (another case variant), else
 * classified and added too. A stem is interned when its first folded form is classified, here or in
 * classify_word, so term ids are the same whichever way a word comes. The key holds every byte of
 * the token (and zeros), so its capitals are the token's and, made lower case, it is the key of the
 * lower-case form. */
static bool classify_ascii_word(lexicon *lx, const char *tok, size_t len, lex_key k, lex_word *w)
{
    uint64_t caps_lo = ascii_capitals(k.lo), caps_hi = ascii_capitals(k.hi);
    if (!(caps_lo | caps_hi)) return stem_word(lx, tok, len, w);
    k.lo |= caps_lo >> 2;
    k.hi |= caps_hi >> 2;
    uint64_t h = lex_hash(k, len);
    const lex_slot *sl = find_slot(lx, k, len, h);
    if (sl->len) {
        w->term = sl->term;
        w->flags = sl->flags;
        return true;
    }
    char low[LEX_INLINE_MAX];
    lower_ascii(tok, len, low);
    return stem_word(lx, low, len, w) && add_inline(lx, k, len, h, *w);
}

/* Classifies a token of 1 to 16 bytes not in the table (key k, hash h) and adds it. Kept out of
 * line, so that the look-up of a known token (nearly every call) stays small. */
static __attribute__((noinline)) bool learn_inline(lexicon *lx, const char *tok, size_t len, token_kind kind,
                                                   lex_key k, uint64_t h, lex_word *out)
{
    bool ascii = !bytes_any_high(k.lo | k.hi); /* the key holds every byte of the token */
    bool ok = kind == TOKEN_WORD && ascii ? classify_ascii_word(lx, tok, len, k, out) : classify(lx, tok, len, kind, out);
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
    if (len < 1 || len > LEX_INLINE_MAX) return long_word(lx, tok, len, kind, out);
    lex_key k = lex_key_of(tok, len);
    uint64_t h = lex_hash(k, len);
    const lex_slot *sl = find_slot(lx, k, len, h);
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

/* Whether byte c of a chunk (no break) is ASCII punctuation: a token of its own wherever it stands. */
static inline bool ascii_punct(unsigned char c)
{
    return c < 0x80 && (unsigned)((c | 0x20) - 'a') >= 26u && (unsigned)(c - '0') >= 10u;
}

/* Whether E2 80 x is a curly quote or a dash (– — ‘ ’ “ ”): punctuation, as token_next reads it
 * (’ joins two letters only, and a stripped end has none after it). */
static inline bool curly_mark(unsigned char x)
{
    return x == 0x93 || x == 0x94 || x == 0x98 || x == 0x99 || x == 0x9c || x == 0x9d;
}

/* The length of the punctuation mark at s[i] (before end) that is a token of its own at either end
 * of a chunk: an ASCII punctuation byte (1), a curly quote or dash (3); 0 for anything else. */
static inline size_t mark_at(const unsigned char *s, size_t i, size_t end)
{
    if (ascii_punct(s[i])) return 1;
    return s[i] == 0xe2 && end - i >= 3 && s[i + 1] == 0x80 && curly_mark(s[i + 2]) ? 3 : 0;
}

/* The length of such a mark that ends at s[end) (after start), or 0. */
static inline size_t mark_before(const unsigned char *s, size_t start, size_t end)
{
    if (ascii_punct(s[end - 1])) return 1;
    return end - start >= 3 && s[end - 3] == 0xe2 && s[end - 2] == 0x80 && curly_mark(s[end - 1]) ? 3 : 0;
}

/* The lex_word of ASCII punctuation byte c, from a table of 128 once it has been looked up. */
static inline bool punct_word(lexicon *lx, unsigned char c, uint32_t *term, uint8_t *flags)
{
    lex_word w = lx->punct[c];
    if (!w.flags) {
        char b = (char)c;
        if (!lexicon_word(lx, &b, 1, TOKEN_PUNCT, &w)) return false;
        lx->punct[c] = w;
    }
    *term = w.term;
    *flags = w.flags;
    return true;
}

/* The lex_word of the punctuation mark of k bytes at s (mark_at). */
static inline bool mark_word(lexicon *lx, const unsigned char *s, size_t k, uint32_t *term, uint8_t *flags)
{
    if (k == 1) return punct_word(lx, s[0], term, flags);
    lex_word w;
    if (!lexicon_word(lx, (const char *)s, k, TOKEN_PUNCT, &w)) return false;
    *term = w.term;
    *flags = w.flags;
    return true;
}

/* Whether s[0..len) is ASCII letters and digits only: then it is one token, a word (some letter)
 * or a number (*kind), as token_next reads it. */
static inline bool one_token(const unsigned char *s, size_t len, token_kind *kind)
{
    bool letter = false;
    for (size_t i = 0; i < len; i++) {
        bool is_letter = (unsigned)((s[i] | 0x20) - 'a') < 26u;
        if (!is_letter && (unsigned)(s[i] - '0') >= 10u) return false;
        letter |= is_letter;
    }
    *kind = letter ? TOKEN_WORD : TOKEN_NUMBER;
    return true;
}

/* The middle token of a chunk: known (its lex_word), or new (learnt from its key, hash and kind). */
typedef struct middle {
    bool known;
    lex_word word;
    lex_key key;
    uint64_t hash;
    token_kind kind;
} middle;

/* Fills the chunk's arrays with the ASCII punctuation bytes s[0..a), the middle token s[a..b)
 * when there is one (mid not NULL) and the bytes s[b..len), in text order (so that what is new is
 * learnt in the order tokenising would learn it); false when out of memory. */
static bool fill_chunk(lexicon *lx, const unsigned char *s, size_t a, const middle *mid, size_t b, size_t len)
{
    if (!vec_reserve(&lx->chunk_terms, len) || !vec_reserve(&lx->chunk_flags, len)) return false;
    uint32_t *terms = lx->chunk_terms.items;
    uint8_t *flags = lx->chunk_flags.items;
    size_t n = 0;
    for (size_t i = 0; i < a; n++) {
        size_t k = mark_at(s, i, a);
        if (!mark_word(lx, s + i, k, &terms[n], &flags[n])) return false;
        i += k;
    }
    if (mid) {
        lex_word w = mid->word;
        if (!mid->known && !learn_inline(lx, (const char *)s + a, b - a, mid->kind, mid->key, mid->hash, &w))
            return false;
        terms[n] = w.term;
        flags[n++] = w.flags;
    }
    for (size_t i = b; i < len; n++) {
        size_t k = mark_at(s, i, len);
        if (!mark_word(lx, s + i, k, &terms[n], &flags[n])) return false;
        i += k;
    }
    lx->chunk_terms.len = lx->chunk_flags.len = n;
    return true;
}

/* A chunk is punctuation marks, a middle and punctuation marks ("said," "(AP)" "\"Why?\""
 * "“Why?”"; the marks are ASCII punctuation, curly quotes and dashes: mark_at). token_next never
 * looks back, so each leading mark is a token and the rest is
 * tokenised as if alone; and a middle that is one token stays one before the trailing bytes: a word
 * or number takes in a ' , . or : only before a letter or digit, and dotted initials are one token
 * already (their last '.' is tried as part of the middle: "U.S.,"). A middle is one token when the
 * table of inline tokens has it, or when it is ASCII letters and digits only (then it is learnt
 * here). So such a chunk needs one look-up for its middle and none for its ASCII punctuation (a
 * table of 128); other chunks are tokenised. */
bool lexicon_chunk(lexicon *lx, const char *s, size_t len, lex_chunk *out)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t a = 0, b = len;
    for (size_t k; a < b && (k = mark_at(p, a, b)) != 0;) a += k;
    for (size_t k; b > a && (k = mark_before(p, a, b)) != 0;) b -= k;
    if (b < len && p[b] == '.' && b - a >= 3 && p[b - 2] == '.') b++; /* maybe initials: "U.S." */
    size_t n_mid = b - a;
    bool ok;
    if (n_mid == 0) {
        ok = fill_chunk(lx, p, len, NULL, len, len);
    } else if (n_mid <= LEX_INLINE_MAX) {
        middle mid = {.key = lex_key_of(s + a, n_mid)};
        mid.hash = lex_hash(mid.key, n_mid);
        const lex_slot *sl = find_slot(lx, mid.key, n_mid, mid.hash);
        if (sl->len && n_mid == len) { /* a known word alone (nearly every chunk) */
            lx->chunk_terms.items[0] = sl->term;
            lx->chunk_flags.items[0] = sl->flags;
            *out = (lex_chunk){1, lx->chunk_terms.items, lx->chunk_flags.items};
            return true;
        }
        mid.known = sl->len != 0;
        mid.word = (lex_word){sl->term, sl->flags}; /* copied: learning may move the table */
        ok = mid.known || one_token(p + a, n_mid, &mid.kind) ? fill_chunk(lx, p, a, &mid, b, len)
                                                              : split_chunk(lx, s, len);
    } else {
        ok = split_chunk(lx, s, len);
    }
    if (!ok) return false;
    *out = (lex_chunk){lx->chunk_terms.len, lx->chunk_terms.items, lx->chunk_flags.items};
    return true;
}

bool lexicon_forget(lexicon *lx)
{
    lex_slot *slots = calloc(INLINE_FIRST, sizeof *slots);
    if (!slots) return false;
    free(lx->table.slots);
    lx->table.slots = slots;
    lx->table.n_slots = INLINE_FIRST;
    lx->n_inline = 0;
    strmap_free(&lx->tokens);
    strmap_free(&lx->folded);
    strmap_free(&lx->terms);
    strmap_init(&lx->tokens);
    strmap_init(&lx->folded);
    strmap_init(&lx->terms);
    vec_free(&lx->words);
    vec_free(&lx->folded_words);
    memset(lx->punct, 0, sizeof lx->punct);
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
    free(lx->table.slots);
    free(lx->stops.slots);
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

/* text.h — internal text primitives shared by the engine's stages: UTF-8 decoding, the matching
 * form of words (folding), word tokens, Snowball stemming, English stopwords, and a lexicon that
 * caches all of that per distinct token. The public part (validation, sentences) is in tidings.h. */
#ifndef TD_TEXT_H
#define TD_TEXT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/buf.h"
#include "common/bytes.h"
#include "tidings.h"

/* Decodes the code point at s[*pos] (s is valid UTF-8) and advances *pos. */
uint32_t utf8_decode(const char *s, size_t len, size_t *pos);

/* Length of the white-space character at s[i] (ASCII space and controls, no-break and other
 * Unicode spaces, line separators, the byte-order mark), 0 when there is none. Inline: callers
 * ask it of every byte; only non-ASCII bytes go to text_space_len_wide. */
size_t text_space_len_wide(const char *s, size_t len, size_t i);
static inline size_t text_space_len(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
    return text_space_len_wide(s, len, i);
}

/* Balances the double quotation marks (" “ ” „ « ») of a sentence taken out of its text: the last
 * opening mark left open gets its closing partner at the end, and a closing mark with no opening one
 * gets its partner at the start; with may_grow false both are dropped instead (the text only
 * shrinks). *text is malloc'd and may be replaced; false when out of memory (*text is kept). */
bool text_balance_quotes(char **text, bool may_grow);

/* The words of s (white-space separated) inside quotation marks (" “ ” „ « », and `` '' of
 * tokenised text), counting only quotations of at least min_words words: a closing mark with no
 * opening one quotes what comes before it, an opening mark left open what comes after. */
size_t text_quoted_words(const char *s, size_t len, size_t min_words);

/* Appends the matching form of s to out: NFKC, case-folded, curly quotes and apostrophes made
 * straight, dashes made '-'. Output is valid UTF-8. False when out of memory. */
bool text_fold(const char *s, size_t len, buf *out);

typedef enum token_kind {
    TOKEN_WORD,   /* letters and digits (inner apostrophes: don't, O'Neill; dotted initials: U.S., a.m.) */
    TOKEN_NUMBER, /* digits, with inner , . : (3,000  2.5  5:30) */
    TOKEN_PUNCT,  /* any other non-space character, one at a time */
} token_kind;

typedef struct token {
    size_t start; /* byte offset in the text */
    size_t end;
    token_kind kind;
} token;

/* Finds the next token at or after *pos in valid UTF-8 text; false at the end. Advances *pos. */
bool token_next(const char *s, size_t len, size_t *pos, token *out);

/* True when s[0..len) is one of the n words of `sorted` (NUL-terminated, in strcmp order). */
bool wordlist_find(const char *const *sorted, size_t n, const char *s, size_t len);
/* Index of s[0..len) in a table of n records of `stride` bytes each, whose first member is a word
 * (const char *), sorted in strcmp order by it; n when absent. */
size_t wordlist_index(const void *table, size_t n, size_t stride, const char *s, size_t len);

/* English stopword test on a folded word. */
bool stopword(const char *folded, size_t len);
/* The i-th stopword in list order, NULL past the end. */
const char *stopword_at(size_t i);
/* The Snowball stem of the i-th stopword (what stemmer_stem gives, kept in a table so that the
 * commonest words cost no stemming; the lexicon's table of stopwords reads it), NULL past the end. */
const char *stopword_stem_at(size_t i);

/* The English Snowball (Porter 2) stem of an ASCII word, into out (room for len bytes: a stem is
 * never longer than its word); its length. The same as libstemmer's (english_stem.c). */
size_t english_stem(const char *word, size_t len, char *out);

typedef struct stemmer stemmer;
/* English Snowball stemmer (libstemmer); NULL when out of memory. */
stemmer *stemmer_new(void);
/* Stem of a folded word; the result is valid until the next call. NULL when out of memory. */
const char *stemmer_stem(stemmer *st, const char *folded, size_t len, size_t *out_len);
void stemmer_free(stemmer *st);

/* What the engine knows about one distinct token. */
typedef struct lex_word {
    uint32_t term;  /* dense id of the stem of the folded word (same stem, same id) */
    uint8_t flags;  /* LEX_* bits */
} lex_word;

enum {
    LEX_STOP = 1,   /* an English stopword */
    LEX_NUMBER = 2, /* a number */
    LEX_PUNCT = 4,  /* punctuation */
};

/* Caches token -> lex_word across documents and clusters, so that each distinct token is folded
 * and stemmed once. */
typedef struct lexicon lexicon;

/* The lexicon's table of the tokens of 1 to 16 bytes (nearly all), open addressing with linear
 * probing: here, so that the look-up of a known token is inline in the loops that read every word of
 * a text (lexicon_known). A slot holds the bytes and the answer: a look-up reads one slot. */
enum { LEX_INLINE_MAX = 16 }; /* longest token in the table */
/* The bytes of a token of 1 to 16 bytes in two words: up to 8 packed (bytes_pack) in lo, hi 0;
 * more, the first 8 in lo and the last 8 in hi (overlapping). With the length, that is the token. */
typedef struct lex_key {
    uint64_t lo, hi;
} lex_key;
typedef struct lex_slot {
    lex_key key;   /* the token */
    uint32_t term; /* lex_word.term */
    uint8_t len;   /* token length; 0 for an empty slot */
    uint8_t flags; /* lex_word.flags */
} lex_slot;
typedef struct lex_table {
    lex_slot *slots; /* n_slots of them */
    size_t n_slots;  /* power of two */
} lex_table;

static inline lex_key lex_key_of(const char *tok, size_t len)
{
    if (len <= 8) return (lex_key){bytes_pack(tok, len), 0};
    return (lex_key){bytes_load64(tok), bytes_load64(tok + len - 8)};
}
/* Two multiplications: every bit of the key reaches the top half of the product, which the fold
 * brings down to the low bits that index the table. */
static inline uint64_t lex_hash(lex_key k, size_t len)
{
    uint64_t h = (k.lo ^ len ^ k.hi * 0xd6e8feb86659fd93ULL) * 0x9e3779b97f4a7c15ULL;
    return h ^ (h >> 32);
}
/* The slot of the token (key k, length len, hash h): its own, or the empty one where it would go. */
static inline const lex_slot *lex_probe(const lex_table *t, lex_key k, size_t len, uint64_t h)
{
    size_t mask = t->n_slots - 1, i = h & mask;
    for (; t->slots[i].len; i = (i + 1) & mask) {
        const lex_slot *sl = &t->slots[i];
        if (sl->key.lo == k.lo && sl->key.hi == k.hi && sl->len == len) break;
    }
    return &t->slots[i];
}

lexicon *lexicon_new(void);
/* Classifies a token of the given kind; false when out of memory. The answer is cached by the token's
 * bytes (the kind given at its first sighting is kept: token_next gives equal bytes equal kinds). */
bool lexicon_word(lexicon *lx, const char *tok, size_t len, token_kind kind, lex_word *out);
/* Whether byte c separates chunks: ASCII white space and the other control bytes, which token_next
 * skips like white space, so no token crosses one. */
static inline bool text_chunk_break(unsigned char c) { return c <= ' ' || c == 0x7f; }
/* The end of the chunk that starts at s[pos] (not a break): the first break at or after pos, or end;
 * *wide is set when a byte of the chunk is not ASCII. Eight bytes at a time: the lowest flagged
 * byte of each test is exact (a borrow that could flag a byte wrongly comes only from a lower byte
 * that is flagged itself). */
static inline size_t text_chunk_end(const char *s, size_t end, size_t pos, bool *wide)
{
    uint64_t high = 0;
    for (; pos + 8 <= end; pos += 8) {
        uint64_t x = bytes_load64_le(s + pos), del = x ^ (BYTES_ONES * 0x7f);
        uint64_t brk = ((x - BYTES_ONES * 0x21) & ~x & BYTES_HIGHS) | ((del - BYTES_ONES) & ~del & BYTES_HIGHS);
        if (brk) {
            uint64_t before = (brk & -brk) - 1; /* the bits of the bytes before the break */
            *wide = ((high | (x & before)) & BYTES_HIGHS) != 0;
            return pos + (size_t)__builtin_ctzll(brk) / 8;
        }
        high |= x;
    }
    for (; pos < end && !text_chunk_break((unsigned char)s[pos]); pos++) high |= (unsigned char)s[pos];
    *wide = (high & BYTES_HIGHS) != 0;
    return pos;
}
/* The tokens of a chunk: what lexicon_word gives for each, in text order. */
typedef struct lex_chunk {
    size_t n;             /* tokens */
    const uint32_t *term; /* lex_word.term of each */
    const uint8_t *flags; /* lex_word.flags of each (LEX_PUNCT: punctuation) */
} lex_chunk;
/* The tokens of a chunk s[0..len) (no byte of it a text_chunk_break, and it ends at one or at the
 * end of the text) as token_next finds them in any text, and what each is. Cached by the chunk's
 * bytes, like tokens. The arrays stay valid until the next call. False when out of memory. */
bool lexicon_chunk(lexicon *lx, const char *s, size_t len, lex_chunk *out);
/* The slot of s[0..len) (1 to LEX_INLINE_MAX bytes) when the lexicon has seen it as a token, else
 * NULL (then lexicon_chunk or lexicon_word learns it). A chunk found here is that one token. */
static inline const lex_slot *lexicon_known(const lexicon *lx, const char *s, size_t len)
{
    const lex_table *t = (const lex_table *)(const void *)lx; /* a lexicon begins with its table */
    lex_key k = lex_key_of(s, len);
    const lex_slot *sl = lex_probe(t, k, len, lex_hash(k, len));
    return sl->len ? sl : NULL;
}
/* The stem behind a term id (NUL-terminated), and its length. */
const char *lexicon_term(const lexicon *lx, uint32_t term, size_t *len);
/* Number of distinct term ids handed out so far. */
size_t lexicon_n_terms(const lexicon *lx);
/* Forgets every token and term, so that a lexicon kept across an endless stream (new names every
 * day) stays bounded: its user calls it past LEXICON_TERMS_MAX terms, and ids start again from 0
 * (what a token is does not change). False when out of memory, the lexicon then as it was. */
bool lexicon_forget(lexicon *lx);
/* About 6 MB of lexicon; relearning the common words after a forget costs a few milliseconds. */
enum { LEXICON_TERMS_MAX = 1 << 16 };
void lexicon_free(lexicon *lx);

#endif

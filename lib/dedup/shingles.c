/* shingles.c — an article's text as a set of word shingles (k consecutive words), each word first
 * normalised so that the copy edits of syndication (case, "says"/"said", number, percent, month,
 * quote and apostrophe styles, "U.S."/"US") do not change it. The words are found, lower-cased and
 * hashed by a scanner of its own, eight bytes at a time, because it runs over every byte of every
 * article of a stream: it needs no spans or classes beyond what hashing needs. */
#include <stdlib.h>
#include <string.h>

#include "common/bytes.h"
#include "dedup/dedup.h"

/* Whole words that copy editors swap for one another, each mapped to one form. */
static const char *const synonyms[][2] = {
    {"says", "said"}, {"pct", "percent"}, {"zero", "0"}, {"one", "1"}, {"two", "2"}, {"three", "3"},
    {"four", "4"}, {"five", "5"}, {"six", "6"}, {"seven", "7"}, {"eight", "8"}, {"nine", "9"},
    {"ten", "10"}, {"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"},
    {"june", "jun"}, {"july", "jul"}, {"august", "aug"}, {"september", "sep"}, {"sept", "sep"},
    {"october", "oct"}, {"november", "nov"}, {"december", "dec"}, {"mln", "million"},
    {"bln", "billion"}, {"bn", "billion"},
};
#define N_SYNONYMS (sizeof synonyms / sizeof synonyms[0])

/* Units glued to a number ("3m", "2.5bn"): the number, then the unit's word. */
static const char *const units[][2] = {
    {"m", "million"}, {"mn", "million"}, {"mln", "million"}, {"bn", "billion"}, {"bln", "billion"},
    {"k", "thousand"},
};
#define N_UNITS (sizeof units / sizeof units[0])

/* hash_word's state after the first block of a word of n bytes (zero-padded). */
static uint64_t hash_start(uint64_t first, size_t n) { return first ^ n * 0x9e3779b97f4a7c15ULL; }

/* The hash of a word w[0..n), 0 < n <= WORD_MAX, whose buffer has room for 8 bytes from w + n:
 * the word's bytes in blocks of eight (the last one padded with zeros), with the length, mixed.
 * Inline, because most words have one block: the hash of a word of at most 8 bytes is a bijection
 * of its bytes, and costs a multiply-xorshift or two instead of a call to a general hash. */
static uint64_t hash_word(unsigned char *w, size_t n)
{
    bytes_store64_le(w + n, 0);
    uint64_t h = hash_start(bytes_load64_le(w), n);
    for (size_t i = 8; i < n; i += 8) h = hash_mix(h) ^ bytes_load64_le(w + i);
    return hash_mix(h);
}

static uint64_t hash_string(const char *word)
{
    unsigned char w[WORD_MAX + 8];
    size_t n = strlen(word);
    memcpy(w, word, n);
    return hash_word(w, n);
}

static size_t synonym_slot(uint64_t hash) { return (size_t)(hash >> 56) & (SYNONYM_SLOTS - 1); }

void shingler_init(shingler *sh, size_t words_per_shingle, bool exact_words)
{
    memset(sh, 0, sizeof *sh);
    sh->words_per_shingle = words_per_shingle;
    sh->exact_words = exact_words;
    _Static_assert(N_SYNONYMS * 2 <= SYNONYM_SLOTS, "synonym table: at most half full");
    for (size_t i = 0; i < N_SYNONYMS; i++) {
        uint64_t from = hash_string(synonyms[i][0]);
        size_t s = synonym_slot(from);
        while (sh->synonyms[s].from) s = (s + 1) & (SYNONYM_SLOTS - 1);
        sh->synonyms[s].from = from;
        sh->synonyms[s].to = hash_string(synonyms[i][1]);
        sh->may_change[s] = true;
    }
    for (size_t i = 0; i < N_UNITS; i++) sh->unit_hash[i] = hash_string(units[i][1]);
    sh->per = hash_string("per");
    sh->cent = hash_string("cent");
    sh->may_change[synonym_slot(sh->cent)] = true;
    sh->percent = hash_string("percent");
    sketch_salts(sh->band_salts);
}

void shingler_free(shingler *sh)
{
    vec_free(&sh->words);
    vec_free(&sh->ids);
    free(sh->set);
}

/* The hash of the word that stands for the word hashed to h, or h. */
static uint64_t synonym(const shingler *sh, uint64_t h)
{
    for (size_t s = synonym_slot(h); sh->synonyms[s].from; s = (s + 1) & (SYNONYM_SLOTS - 1))
        if (sh->synonyms[s].from == h) return sh->synonyms[s].to;
    return h;
}

/* The hashes of the text's words so far, in the room that words_of reserved for all of them. */
typedef struct word_list {
    uint64_t *first, *end;
} word_list;

static void push(word_list *out, uint64_t h) { *out->end++ = h; }

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Adds the word hashed to h (a finished word) to the list, normalised: the word it stands for,
 * and "per cent" is "percent". Most words are neither, as sh->may_change tells. */
static inline void add_word(const shingler *sh, word_list *out, uint64_t h)
{
    if (sh->may_change[synonym_slot(h)]) {
        h = synonym(sh, h);
        if (h == sh->cent && out->end > out->first && out->end[-1] == sh->per) {
            out->end[-1] = sh->percent;
            return;
        }
    }
    push(out, h);
}

/* Adds a finished word w[0..n) that starts with a digit: a number glued to its unit ("3m") is the
 * number, then the unit's word. */
static void end_number(const shingler *sh, word_list *out, unsigned char *w, size_t n)
{
    size_t digits = 1;
    while (digits < n && (is_digit(w[digits]) || w[digits] == '.')) digits++;
    for (size_t u = 0; digits < n && u < N_UNITS; u++)
        if (strlen(units[u][0]) == n - digits && memcmp(units[u][0], w + digits, n - digits) == 0) {
            push(out, hash_word(w, digits));
            push(out, sh->unit_hash[u]);
            return;
        }
    add_word(sh, out, hash_word(w, n));
}

/* Byte classes of the scanner: separators, word bytes (ASCII letters, digits), the bytes that may
 * join two parts of one word, and the first bytes of non-ASCII characters. */
enum { B_SEP, B_LETTER, B_DIGIT, B_APOS = 4, B_DOT, B_COMMA, B_PERCENT, B_HIGH };

static const uint8_t byte_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 7, 0, 4, 0, 0, 0, 0, 6, 0, 5, 0,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
};

static bool word_byte(int c) { return (unsigned)c - B_LETTER <= B_DIGIT - B_LETTER; }
static int class_at(const unsigned char *p, size_t len, size_t i) { return i < len ? byte_class[p[i]] : B_SEP; }

/* A non-ASCII character at p[i]: how many bytes it has, and whether it separates words (spaces,
 * dashes, quotes, bullets: U+2000-U+206F, no-break space, « ») or is the apostrophe ’ (U+2019).
 * Any other is part of a word (accented letters and the like). */
static size_t high_char(const unsigned char *p, size_t len, size_t i, bool *sep, bool *apos)
{
    *sep = *apos = false;
    if (p[i] == 0xe2 && i + 2 < len && p[i + 1] == 0x80) {
        *apos = p[i + 2] == 0x99;
        *sep = !*apos;
        return 3;
    }
    if (p[i] == 0xe2 && i + 2 < len && p[i + 1] == 0x81 && p[i + 2] <= 0xaf) {
        *sep = true;
        return 3;
    }
    if (p[i] == 0xc2 && i + 1 < len && (p[i + 1] == 0xa0 || p[i + 1] == 0xab || p[i + 1] == 0xbb)) {
        *sep = true;
        return 2;
    }
    return 1;
}

/* The word being read. */
typedef struct word {
    unsigned char w[WORD_MAX + 8]; /* room for a last block of eight bytes */
    size_t n;                      /* bytes in w */
    size_t segment;                /* where the part after the last skipped dot starts ("U.S.") */
    bool overflow;                 /* longer than WORD_MAX: only its first WORD_MAX bytes are kept */
} word;

static void word_append(word *wd, unsigned char c)
{
    if (wd->n == WORD_MAX) {
        wd->overflow = true;
        return;
    }
    wd->w[wd->n++] = c;
}

/* The bytes of v (8 bytes of text, the first in the low byte) that are ASCII letters or digits:
 * 0x80 in each. A byte b below 0x80 is at least lo when b + (0x80 - lo) has its high bit set, and
 * at most hi when b + (0x7f - hi) has not; no sum carries into the next byte. */
static uint64_t word_bytes(uint64_t v)
{
    const uint64_t ones = BYTES_ONES, high = BYTES_HIGHS;
    uint64_t ascii = ~v & high, low7 = v & ~high, lower = low7 | 0x20 * ones;
    uint64_t letter = (lower + 0x1f * ones) & ~(lower + 0x05 * ones); /* 'a'..'z' */
    uint64_t digit = (low7 + 0x50 * ones) & ~(low7 + 0x46 * ones);   /* '0'..'9' */
    return (letter | digit) & ascii;
}

/* Reads the run of ASCII letters and digits at p[i..len) into the word, lower-cased (or-ing 0x20
 * into every byte lower-cases letters and leaves digits as they are), eight bytes at a time while
 * eight can be read. The end of the run. */
static size_t read_run(word *wd, const unsigned char *p, size_t len, size_t i)
{
    while (i + 8 <= len) {
        uint64_t v = bytes_load64_le(p + i), stop = ~word_bytes(v) & BYTES_HIGHS;
        size_t run = stop ? (size_t)__builtin_ctzll(stop) / 8 : 8, room = WORD_MAX - wd->n;
        bytes_store64_le(wd->w + wd->n, v | 0x20 * BYTES_ONES);
        if (run > room) wd->overflow = true;
        wd->n += run < room ? run : room;
        i += run;
        if (stop) return i;
    }
    for (; i < len && word_byte(byte_class[p[i]]); i++) word_append(wd, p[i] | 0x20);
    return i;
}

/* Adds the finished word to the list, normalised (unless it was too long or words are kept as
 * written), and starts the next. */
static inline void word_end(const shingler *sh, word_list *out, word *wd)
{
    if (wd->overflow || sh->exact_words) push(out, hash_word(wd->w, wd->n));
    else if (is_digit(wd->w[0])) end_number(sh, out, wd->w, wd->n);
    else add_word(sh, out, hash_word(wd->w, wd->n));
    wd->n = wd->segment = 0;
    wd->overflow = false;
}

/* Fills sh->words with the hashes of the text's normalised words. False when out of memory. */
static bool words_of(shingler *sh, const char *text, size_t len)
{
    const unsigned char *p = (const unsigned char *)text;
    word wd = {.n = 0};
    sh->words.len = 0;
    /* A text of len bytes has at most len words: a word takes at least one byte of its own, a
     * number glued to its unit ("3m", two words) at least two, a percent sign (one) its byte. */
    if (!vec_reserve(&sh->words, len + 1)) return false;
    word_list out = {sh->words.items, sh->words.items};
    size_t i = 0;
    while (i < len) {
        int c = byte_class[p[i]];
        if (c == B_LETTER && wd.n == 0 && i + 8 < len) {
            /* The common word: up to 16 ASCII letters and digits, starting with a letter, then a
             * plain separator, or an apostrophe, dot or comma that no letter or digit follows (and
             * that therefore ends the word). Its hash is hash_word's, from its one or two blocks in
             * registers. */
            uint64_t v = bytes_load64_le(p + i), stop = ~word_bytes(v) & BYTES_HIGHS, v2 = 0;
            size_t run = stop ? (size_t)__builtin_ctzll(stop) / 8 : 8;
            if (run == 8 && i + 16 < len && word_byte(byte_class[p[i + 8]])) {
                v2 = bytes_load64_le(p + i + 8);
                uint64_t stop2 = ~word_bytes(v2) & BYTES_HIGHS;
                run = stop2 ? 8 + (size_t)__builtin_ctzll(stop2) / 8 : 16;
            }
            int end = byte_class[p[i + run]];
            if (end == B_SEP || ((end == B_APOS || end == B_DOT || end == B_COMMA) &&
                                 !word_byte(class_at(p, len, i + run + 1)))) {
                uint64_t h;
                if (run <= 8) {
                    uint64_t bytes = (v | 0x20 * BYTES_ONES) & (~0ULL >> (64 - 8 * run));
                    h = hash_mix(hash_start(bytes, run));
                } else {
                    uint64_t bytes2 = (v2 | 0x20 * BYTES_ONES) & (~0ULL >> (128 - 8 * run));
                    h = hash_mix(hash_mix(hash_start(v | 0x20 * BYTES_ONES, run)) ^ bytes2);
                }
                if (sh->exact_words) push(&out, h);
                else add_word(sh, &out, h);
                i += run + 1;
                continue;
            }
        }
        if (word_byte(c)) {
            i = read_run(&wd, p, len, i);
            continue;
        }
        if (c == B_SEP) { /* a plain separator: it ends the word */
            if (wd.n > 0) word_end(sh, &out, &wd);
            i++;
            continue;
        }
        size_t skip = 1;
        bool sep = true, apos = c == B_APOS;
        if (c == B_HIGH) {
            skip = high_char(p, len, i, &sep, &apos);
            if (!sep && !apos) {
                /* Part of a word, kept as written. */
                for (size_t b = 0; b < skip; b++) word_append(&wd, p[i + b]);
                i += skip;
                continue;
            }
        }
        if (wd.n > 0) {
            int next = class_at(p, len, i + skip);
            bool prev_digit = is_digit(wd.w[wd.n - 1]);
            /* Inside a word: an apostrophe between letters (don't), a dot after one letter before a
             * letter (U.S.), a dot or comma between digits (2.5, 1,000: the comma is dropped). */
            if (apos && next == B_LETTER && !prev_digit) {
                i += skip;
                continue;
            }
            if (c == B_DOT && next == B_LETTER && wd.n - wd.segment == 1) {
                wd.segment = wd.n;
                i++;
                continue;
            }
            if ((c == B_DOT || c == B_COMMA) && prev_digit && next == B_DIGIT) {
                if (c == B_DOT) word_append(&wd, '.');
                i++;
                continue;
            }
            word_end(sh, &out, &wd);
        }
        if (c == B_PERCENT && !sh->exact_words) push(&out, sh->percent);
        i += skip;
    }
    if (wd.n > 0) word_end(sh, &out, &wd);
    sh->words.len = (size_t)(out.end - out.first);
    return true;
}

/* The set of the current text: open addressing over sh->set, a slot being taken when its
 * generation is the current one, so that emptying the set costs nothing. At least four slots an
 * id, so that a look-up seldom probes more than one slot. */
static bool set_reset(shingler *sh, size_t expected)
{
    size_t need = 16;
    while (need < 4 * expected) need *= 2;
    if (need > sh->set_slots) {
        free(sh->set);
        sh->set = calloc(need, sizeof *sh->set);
        if (!sh->set) {
            sh->set_slots = 0;
            return false;
        }
        sh->set_slots = need;
        sh->generation = 0;
    }
    if (++sh->generation == 0) { /* wrapped: every slot is stale, but may carry a new generation */
        memset(sh->set, 0, sh->set_slots * sizeof *sh->set);
        sh->generation = 1;
    }
    sh->ids.len = 0;
    memset(sh->mins, 0xff, sizeof sh->mins);
    return true;
}

/* The slot of id in the set (taken: the current generation in a slot's high half; as generations
 * only grow between wraps, a slot is taken when it is at least `taken`), or the free slot where it
 * goes. Ids are the low bits of mixed hashes: their own low bits spread them. */
static inline size_t set_find(const uint64_t *set, size_t mask, uint64_t taken, uint32_t id)
{
    size_t s = (size_t)id & mask;
    while (set[s] >= taken && set[s] != (taken | id)) s = (s + 1) & mask;
    return s;
}

/* Adds id to the set; whether it was new. The set never fills: it has four times the slots. */
static inline bool set_insert(uint64_t *set, size_t mask, uint64_t taken, uint32_t id)
{
    size_t s = (size_t)id & mask;
    for (uint64_t slot; (slot = set[s]) >= taken; s = (s + 1) & mask)
        if (slot == (taken | id)) return false;
    set[s] = taken | id;
    return true;
}

/* Odd multiplier of the rolling shingle hash. */
#define ROLL 0x9e3779b97f4a7c15ULL

bool shingler_run(shingler *sh, const char *text, size_t len)
{
    if (!words_of(sh, text, len)) return false;
    size_t n = sh->words.len, k = sh->words_per_shingle;
    if (!set_reset(sh, n)) return false;
    if (n == 0) return true;
    if (n < k) k = n;
    if (!vec_reserve(&sh->ids, n)) return false;
    /* A shingle's hash: its k word hashes (already random) as a polynomial in ROLL modulo 2^64,
     * rolled from one shingle to the next (drop the first word, add the next), mixed. Its id (the
     * low 32 bits) goes into the set, the hash into the sketch (a repeated shingle changes no
     * minimum). */
    const uint64_t *w = sh->words.items;
    uint64_t *set = sh->set, taken = (uint64_t)sh->generation << 32;
    uint32_t *ids = sh->ids.items;
    size_t mask = sh->set_slots - 1, count = 0;
    uint64_t poly = 0, top = 1; /* top: ROLL^(k-1), the weight of a shingle's first word */
    for (size_t j = 0; j < k; j++) {
        poly = poly * ROLL + w[j];
        if (j > 0) top *= ROLL;
    }
    for (size_t i = k;; i++) {
        uint64_t hash = hash_mix(poly);
        if (set_insert(set, mask, taken, (uint32_t)hash)) ids[count++] = (uint32_t)hash;
        sketch_update(sh->mins, hash);
        if (i == n) break;
        poly = (poly - w[i - k] * top) * ROLL + w[i];
    }
    sh->ids.len = count;
    return true;
}

bool shingler_load(shingler *sh, const uint32_t *ids, size_t n)
{
    if (!set_reset(sh, n) || !vec_reserve(&sh->ids, n)) return false;
    uint64_t *set = sh->set, taken = (uint64_t)sh->generation << 32;
    size_t mask = sh->set_slots - 1;
    for (size_t i = 0; i < n; i++) { /* distinct: each goes into the first free slot from its own */
        size_t s = (size_t)ids[i] & mask;
        while (set[s] >= taken) s = (s + 1) & mask;
        set[s] = taken | ids[i];
    }
    if (n) memcpy(sh->ids.items, ids, n * sizeof *ids);
    sh->ids.len = n;
    return true;
}

overlap overlap_with_current(const shingler *sh, const uint32_t *b, size_t n_b, size_t min_shared)
{
    size_t n_a = sh->ids.len, mask = sh->set_slots - 1;
    uint64_t taken = (uint64_t)sh->generation << 32;
    overlap o = {0, 0};
    if (n_a == 0 || n_b == 0 || min_shared > n_b) return o;
    size_t may_miss = n_b - min_shared, missed = 0;
    for (size_t i = 0; i < n_b; i++) {
        if (sh->set[set_find(sh->set, mask, taken, b[i])] == (taken | b[i])) continue;
        if (++missed > may_miss) return o; /* fewer than min_shared can be shared now */
    }
    size_t shared = n_b - missed;
    o.jaccard = (double)shared / (double)(n_a + n_b - shared);
    o.containment = (double)shared / (double)(n_a < n_b ? n_a : n_b);
    return o;
}

/* shingles.c — an article's text as a set of word shingles (k consecutive words), each word first
 * normalised so that the copy edits of syndication (case, "says"/"said", number, percent, month,
 * quote and apostrophe styles, "U.S."/"US") do not change it. Words and shingles are hashed with xxHash.
 * The words are found by a scanner of its own, a table look-up a byte, because it runs over every
 * byte of every article of a stream: it needs no spans or classes beyond what hashing needs. */
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

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

static uint64_t hash_word(const char *w, size_t n) { return XXH3_64bits(w, n); }
static uint64_t hash_string(const char *word) { return hash_word(word, strlen(word)); }

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
    }
    for (size_t i = 0; i < N_UNITS; i++) sh->unit_hash[i] = hash_string(units[i][1]);
    sh->per = hash_string("per");
    sh->cent = hash_string("cent");
    sh->percent = hash_string("percent");
}

void shingler_free(shingler *sh)
{
    vec_free(&sh->words);
    vec_free(&sh->ids);
    free(sh->set_keys);
    free(sh->set_marks);
}

/* The hash of the word that stands for the word hashed to h, or h. */
static uint64_t synonym(const shingler *sh, uint64_t h)
{
    for (size_t s = synonym_slot(h); sh->synonyms[s].from; s = (s + 1) & (SYNONYM_SLOTS - 1))
        if (sh->synonyms[s].from == h) return sh->synonyms[s].to;
    return h;
}

static bool push(shingler *sh, uint64_t h) { return vec_push(&sh->words, h); }

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Adds a finished word w[0..n) (lower-cased) to sh->words, normalised. */
static bool end_word(shingler *sh, const char *w, size_t n)
{
    if (sh->exact_words) return push(sh, hash_word(w, n));
    if (is_digit(w[0])) {
        size_t digits = 1;
        while (digits < n && (is_digit(w[digits]) || w[digits] == '.')) digits++;
        for (size_t u = 0; digits < n && u < N_UNITS; u++)
            if (strlen(units[u][0]) == n - digits && memcmp(units[u][0], w + digits, n - digits) == 0)
                return push(sh, hash_word(w, digits)) && push(sh, sh->unit_hash[u]);
    }
    uint64_t h = synonym(sh, hash_word(w, n));
    size_t k = sh->words.len;
    /* "per cent" is "percent". */
    if (h == sh->cent && k > 0 && sh->words.items[k - 1] == sh->per) {
        sh->words.items[k - 1] = sh->percent;
        return true;
    }
    return push(sh, h);
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
    char w[WORD_MAX + 8]; /* room for a last block of eight bytes */
    size_t n;             /* bytes in w */
    size_t segment;       /* where the part after the last skipped dot starts ("U.S.") */
    bool overflow;        /* longer than WORD_MAX: only its first WORD_MAX bytes are kept */
} word;

static void word_append(word *wd, unsigned char c)
{
    if (wd->n == WORD_MAX) {
        wd->overflow = true;
        return;
    }
    wd->w[wd->n++] = (char)c;
}

/* Appends a run of ASCII letters and digits, lower-cased: or-ing 0x20 into every byte lower-cases
 * letters and leaves digits as they are, eight bytes at a time, as far as `readable` bytes from
 * run may be read (the bytes after the run are copied too, and then ignored). */
static void word_append_run(word *wd, const unsigned char *run, size_t n, size_t readable)
{
    if (n > WORD_MAX - wd->n) {
        n = WORD_MAX - wd->n;
        wd->overflow = true;
    }
    size_t blocks = (n + 7) & ~(size_t)7;
    if (blocks <= readable) {
        for (size_t i = 0; i < blocks; i += 8) {
            uint64_t v;
            memcpy(&v, run + i, 8);
            v |= 0x2020202020202020ULL;
            memcpy(wd->w + wd->n + i, &v, 8);
        }
    } else {
        for (size_t i = 0; i < n; i++) wd->w[wd->n + i] = (char)(run[i] | 0x20);
    }
    wd->n += n;
}

static bool word_end(shingler *sh, word *wd)
{
    bool ok = wd->overflow ? push(sh, hash_word(wd->w, wd->n)) : end_word(sh, wd->w, wd->n);
    wd->n = wd->segment = 0;
    wd->overflow = false;
    return ok;
}

/* Fills sh->words with the hashes of the text's normalised words. */
static bool words_of(shingler *sh, const char *text, size_t len)
{
    const unsigned char *p = (const unsigned char *)text;
    word wd = {.n = 0};
    sh->words.len = 0;
    size_t i = 0;
    while (i < len) {
        int c = byte_class[p[i]];
        if (word_byte(c)) {
            size_t start = i;
            do i++;
            while (i < len && word_byte(byte_class[p[i]]));
            word_append_run(&wd, p + start, i - start, len - start);
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
            if (!word_end(sh, &wd)) return false;
        }
        if (c == B_PERCENT && !sh->exact_words && !push(sh, sh->percent)) return false;
        i += skip;
    }
    return wd.n == 0 || word_end(sh, &wd);
}

/* The set of the current text: open addressing over set_keys, a slot being taken when its mark is
 * the current generation, so that emptying the set costs nothing. */
static bool set_reset(shingler *sh, size_t expected)
{
    size_t need = 16;
    while (need < 2 * expected) need *= 2;
    if (need > sh->set_slots) {
        free(sh->set_keys);
        free(sh->set_marks);
        sh->set_keys = malloc(need * sizeof *sh->set_keys);
        sh->set_marks = calloc(need, sizeof *sh->set_marks);
        if (!sh->set_keys || !sh->set_marks) {
            free(sh->set_keys);
            free(sh->set_marks);
            sh->set_keys = NULL;
            sh->set_marks = NULL;
            sh->set_slots = 0;
            return false;
        }
        sh->set_slots = need;
        sh->generation = 0;
    }
    if (++sh->generation == 0) { /* wrapped: every mark is stale, but may equal a new generation */
        memset(sh->set_marks, 0, sh->set_slots * sizeof *sh->set_marks);
        sh->generation = 1;
    }
    sh->ids.len = 0;
    memset(sh->mins, 0xff, sizeof sh->mins);
    return true;
}

static size_t set_slot(uint32_t id, size_t mask) { return (size_t)((id * 0x9e3779b1u) >> 7) & mask; }

bool shingler_has(const shingler *sh, uint32_t id)
{
    size_t mask = sh->set_slots - 1;
    for (size_t s = set_slot(id, mask);; s = (s + 1) & mask) {
        if (sh->set_marks[s] != sh->generation) return false;
        if (sh->set_keys[s] == id) return true;
    }
}

/* Adds an id to the set when new. The caller reserved room in ids; the set never fills: it has
 * twice the slots. */
static void set_add(shingler *sh, uint32_t id)
{
    size_t mask = sh->set_slots - 1, s = set_slot(id, mask);
    for (; sh->set_marks[s] == sh->generation; s = (s + 1) & mask)
        if (sh->set_keys[s] == id) return;
    sh->set_marks[s] = sh->generation;
    sh->set_keys[s] = id;
    sh->ids.items[sh->ids.len++] = id;
}

/* A shingle, by its 64-bit hash: its id (the low 32 bits) into the set, the hash into the sketch
 * (a repeated shingle changes no minimum). */
static void add_shingle(shingler *sh, uint64_t hash)
{
    set_add(sh, (uint32_t)hash);
    sketch_update(sh->mins, hash);
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
    /* A shingle's hash: its k word hashes (already random, from xxHash) as a polynomial in ROLL
     * modulo 2^64, rolled from one shingle to the next (drop the first word, add the next), mixed. */
    const uint64_t *w = sh->words.items;
    uint64_t poly = 0, top = 1; /* top: ROLL^(k-1), the weight of a shingle's first word */
    for (size_t j = 0; j < k; j++) {
        poly = poly * ROLL + w[j];
        if (j > 0) top *= ROLL;
    }
    add_shingle(sh, hash_mix(poly));
    for (size_t i = k; i < n; i++) {
        poly = (poly - w[i - k] * top) * ROLL + w[i];
        add_shingle(sh, hash_mix(poly));
    }
    return true;
}

bool shingler_load(shingler *sh, const uint32_t *ids, size_t n)
{
    if (!set_reset(sh, n) || !vec_reserve(&sh->ids, n)) return false;
    for (size_t i = 0; i < n; i++) set_add(sh, ids[i]);
    return true;
}

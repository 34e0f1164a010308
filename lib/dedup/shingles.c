/* shingles.c — an article's text as a set of word shingles (k consecutive words), each word first
 * normalised so that the copy edits of syndication (US/UK spelling, "says"/"said", number, percent,
 * month and quote styles, "U.S."/"US") do not change it. Words and shingles are hashed with xxHash. */
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "dedup/dedup.h"
#include "text/text.h"

/* Longest normalised word kept whole; longer words are hashed as written. */
#define WORD_MAX 64

void shingler_init(shingler *sh, size_t words_per_shingle, bool exact_words)
{
    memset(sh, 0, sizeof *sh);
    sh->words_per_shingle = words_per_shingle;
    sh->exact_words = exact_words;
}

void shingler_free(shingler *sh)
{
    vec_free(&sh->words);
    vec_free(&sh->ids);
    vec_free(&sh->hashes);
    u64map_free(&sh->seen);
}

/* Whole words that copy editors swap for one another, each mapped to one form. */
static const char *const synonyms[][2] = {
    {"says", "said"}, {"pct", "percent"}, {"zero", "0"}, {"one", "1"}, {"two", "2"}, {"three", "3"},
    {"four", "4"}, {"five", "5"}, {"six", "6"}, {"seven", "7"}, {"eight", "8"}, {"nine", "9"},
    {"ten", "10"}, {"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"},
    {"june", "jun"}, {"july", "jul"}, {"august", "aug"}, {"september", "sep"}, {"sept", "sep"},
    {"october", "oct"}, {"november", "nov"}, {"december", "dec"}, {"mln", "million"},
    {"bln", "billion"}, {"bn", "billion"},
};

static const char *synonym(const char *w, size_t len)
{
    for (size_t i = 0; i < sizeof synonyms / sizeof synonyms[0]; i++)
        if (strlen(synonyms[i][0]) == len && memcmp(synonyms[i][0], w, len) == 0) return synonyms[i][1];
    return NULL;
}

static bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

/* The consonant skeleton of a lower-case ASCII word: the first letter, then the consonants with z
 * as s and doubled letters once. colour/color, organise/organize, centre/center, travelled/traveled
 * and programme/program each get one skeleton. Rewrites w in place; returns the new length. */
static size_t skeleton(char *w, size_t len)
{
    size_t n = 1;
    for (size_t i = 1; i < len; i++) {
        char c = w[i] == 'z' ? 's' : w[i];
        if (vowel(c) || c == w[n - 1]) continue;
        w[n++] = c;
    }
    return n;
}

static bool push_word(shingler *sh, const char *w, size_t len)
{
    return vec_push(&sh->words, XXH3_64bits(w, len));
}

/* Lower-cases the token into w, leaving out apostrophes and the dots of initials ("U.S." -> "us")
 * and the thousands separators of numbers; returns the length, 0 when nothing is left or the token
 * is too long to normalise. *ascii_letters tells whether all of it is ASCII letters. */
static size_t fold_token(const char *s, size_t len, char w[WORD_MAX], bool *ascii_letters)
{
    size_t n = 0;
    *ascii_letters = true;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\'' || c == '.' || c == ',') continue;
        if (c == 0xe2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x99) {
            i += 2; /* ’ */
            continue;
        }
        if (n == WORD_MAX) return 0;
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c | 32);
        if (c < 'a' || c > 'z') *ascii_letters = false;
        w[n++] = (char)c;
    }
    return n;
}

/* Adds the normalised form of one word or number token to sh->words. */
static bool add_token(shingler *sh, const char *s, size_t len)
{
    char w[WORD_MAX];
    bool letters;
    size_t n = fold_token(s, len, w, &letters);
    if (n == 0) return push_word(sh, s, len);
    if (sh->exact_words) return push_word(sh, w, n);
    /* "3m", "$2.5bn": a number glued to its unit is the number, then the unit's full word. */
    size_t digits = 0;
    while (digits < n && ((w[digits] >= '0' && w[digits] <= '9') || w[digits] == '.')) digits++;
    if (digits > 0 && digits < n) {
        const char *unit = NULL;
        if (n - digits == 1 && w[digits] == 'm') unit = "million";
        else if (n - digits == 1 && w[digits] == 'k') unit = "thousand";
        else unit = synonym(w + digits, n - digits);
        if (unit && !(unit[0] >= '0' && unit[0] <= '9'))
            return push_word(sh, w, digits) && push_word(sh, unit, strlen(unit));
    }
    const char *same = synonym(w, n);
    if (same) return push_word(sh, same, strlen(same));
    if (letters && n > 3) n = skeleton(w, n);
    return push_word(sh, w, n);
}

/* Fills sh->words with the hashes of the text's normalised words. "per cent" and "%" are "percent". */
static bool words_of(shingler *sh, const char *text, size_t len)
{
    uint64_t per = XXH3_64bits("per", 3), cent = XXH3_64bits("cent", 4);
    size_t pos = 0;
    token t;
    sh->words.len = 0;
    while (token_next(text, len, &pos, &t)) {
        const char *s = text + t.start;
        size_t n = t.end - t.start;
        if (t.kind == TOKEN_PUNCT) {
            if (n == 1 && *s == '%' && !sh->exact_words && !push_word(sh, "percent", 7)) return false;
            continue;
        }
        if (!add_token(sh, s, n)) return false;
        size_t w = sh->words.len;
        if (!sh->exact_words && w >= 2 && sh->words.items[w - 1] == cent && sh->words.items[w - 2] == per) {
            sh->words.len -= 2;
            if (!push_word(sh, "percent", 7)) return false;
        }
    }
    return true;
}

static bool add_shingle(shingler *sh, uint64_t hash)
{
    uint32_t id = (uint32_t)hash;
    size_t before = sh->seen.len;
    if (u64map_intern(&sh->seen, id) == U64MAP_NONE) return false;
    if (sh->seen.len == before) return true;
    return vec_push(&sh->ids, id) && vec_push(&sh->hashes, hash);
}

bool shingler_run(shingler *sh, const char *text, size_t len)
{
    u64map_clear(&sh->seen);
    sh->ids.len = sh->hashes.len = 0;
    if (!words_of(sh, text, len)) return false;
    size_t n = sh->words.len, k = sh->words_per_shingle;
    if (n == 0) return true;
    if (n < k) k = n;
    for (size_t i = 0; i + k <= n; i++)
        if (!add_shingle(sh, XXH3_64bits(sh->words.items + i, k * sizeof(uint64_t)))) return false;
    return true;
}

bool shingler_load(shingler *sh, const uint32_t *ids, size_t n)
{
    u64map_clear(&sh->seen);
    sh->ids.len = sh->hashes.len = 0;
    for (size_t i = 0; i < n; i++)
        if (u64map_intern(&sh->seen, ids[i]) == U64MAP_NONE || !vec_push(&sh->ids, ids[i])) return false;
    return true;
}

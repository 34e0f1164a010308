/* view.c — the lower-cased head and word counts of a paragraph or sentence (see view.h). */
#include "clean/view.h"

#include <string.h>

/* a-z as 0-25, the end of the text or a space as 26, anything else 27 */
static unsigned pair_symbol(char c)
{
    if (c >= 'a' && c <= 'z') return (unsigned)(c - 'a');
    return c == '\0' || c == ' ' ? 26 : 27;
}

static unsigned pair_of(const char *w) { return pair_symbol(w[0]) * VIEW_PAIR_SYMBOLS + pair_symbol(w[0] ? w[1] : '\0'); }

/* The ASCII stand-in of the punctuation E2 80 xx, or 0. */
static char ascii_of(unsigned char x)
{
    switch (x) {
    case 0x93:
    case 0x94: return '-';
    case 0x98:
    case 0x99: return '\'';
    case 0x9c:
    case 0x9d: return '"';
    default: return 0;
    }
}

static bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* Words that stay lower case in a title-cased headline ("Bridge Shut for Weeks After Cracks"). */
static bool minor_word(const char *w, size_t n)
{
    static const char *const minor[] = {"a",  "an", "and", "as",  "at",  "but", "by", "for", "from", "in",
                                        "of", "on", "or",  "the", "to",  "vs",  "via", "with", "into", "over"};
    if (n > 4) return false;
    for (size_t i = 0; i < sizeof minor / sizeof *minor; i++)
        if (strlen(minor[i]) == n && memcmp(minor[i], w, n) == 0) return true;
    return false;
}

/* Counts one word w[0..n) by its shape. */
static void count_word(view *v, const char *w, size_t n)
{
    v->words++;
    bool letter = false, digit = false;
    size_t first = n; /* index of the first letter */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
            if (first == n) first = i;
            letter = true;
        } else if (c >= '0' && c <= '9') {
            digit = true;
        } else if (c >= 0x80 && first == n) {
            /* a letter outside ASCII: count the word as one with letters, case unknown */
            letter = true;
            first = n + 1;
        }
    }
    if (digit) v->digits++;
    if (!letter) return;
    v->alpha++;
    if (first >= n) return;
    /* the first letter counts only at the word's start (after quotes and brackets) */
    if (w[first] >= 'A' && w[first] <= 'Z') {
        v->capital++;
    } else if (w[first] >= 'a' && w[first] <= 'z') {
        size_t e = first;
        while (e < n && w[e] >= 'a' && w[e] <= 'z') e++;
        if (!minor_word(w + first, e - first)) v->lower++;
    }
}

unsigned char view_final_mark(const char *s, size_t len)
{
    while (len > 0) {
        unsigned char c = (unsigned char)s[len - 1];
        /* a reference mark "[12]" and a rule "------" glued to the end */
        if (c == ']' && len >= 3 && s[len - 2] >= '0' && s[len - 2] <= '9') {
            size_t k = len - 2;
            while (k > 0 && s[k - 1] >= '0' && s[k - 1] <= '9') k--;
            if (k > 0 && s[k - 1] == '[') {
                len = k - 1;
                continue;
            }
        }
        if ((c == '-' || c == '_' || c == '=') && len >= 2 && s[len - 2] == (char)c) {
            while (len > 0 && s[len - 1] == (char)c) len--;
            continue;
        }
        if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*' || is_space(c)) {
            len--;
            continue;
        }
        /* closing curly quotes U+2019 and U+201D: E2 80 99 / E2 80 9D; U+00BB: C2 BB */
        if (len >= 3 && (unsigned char)s[len - 3] == 0xe2 && (unsigned char)s[len - 2] == 0x80 &&
            (c == 0x99 || c == 0x9d)) {
            len -= 3;
            continue;
        }
        if (len >= 2 && (unsigned char)s[len - 2] == 0xc2 && c == 0xbb) {
            len -= 2;
            continue;
        }
        /* U+2026, the ellipsis character, counts as an end. */
        if (len >= 3 && (unsigned char)s[len - 3] == 0xe2 && (unsigned char)s[len - 2] == 0x80 && c == 0xa6)
            return '.';
        return c;
    }
    return 0;
}

void view_make(view *v, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t o = 0, i = 0;
    while (i < len && is_space(p[i])) i++;
    size_t word = i, lower_run = 0;
    v->words = v->alpha = v->capital = v->lower = v->digits = v->commas = 0;
    for (; i <= len; i++) {
        unsigned char c = i < len ? p[i] : ' ';
        if (c == ',') v->commas++;
        /* a no-break space (C2 A0) separates words like a space */
        size_t width = c == 0xc2 && i + 1 < len && p[i + 1] == 0xa0 ? 2 : 1;
        if (is_space(c) || width == 2) {
            if (word < i) count_word(v, s + word, i - word);
            i += width - 1;
            word = i + 1;
            if (o > 0 && o < VIEW_MAX && v->low[o - 1] != ' ') v->low[o++] = ' ';
        } else if (o < VIEW_MAX) {
            /* curly quotes and dashes (E2 80 93/94/98/99/9C/9D) read as their ASCII forms */
            if (c == 0xe2 && i + 2 < len && p[i + 1] == 0x80 && ascii_of(p[i + 2])) {
                v->low[o++] = ascii_of(p[i + 2]);
                i += 2;
                lower_run = 0;
                continue;
            }
            /* a word glued to the next ("standardsDiscussion") reads as two */
            if ((unsigned)(c - 'A') < 26u && lower_run >= 3 && o + 1 < VIEW_MAX) v->low[o++] = ' ';
            v->low[o++] = (char)(c | ((unsigned)(c - 'A') < 26u ? 0x20 : 0));
        }
        lower_run = (unsigned)(c - 'a') < 26u ? lower_run + 1 : 0;
    }
    bool full = o < VIEW_MAX;
    while (o > 0 && v->low[o - 1] == ' ') o--;
    v->low[o] = '\0';
    v->len = o;
    v->whole = full;
    v->end = view_final_mark(s, len);
    memset(v->starts, 0, sizeof v->starts);
    for (size_t k = 0; k < o; k++) {
        if (k > 0 && v->low[k - 1] != ' ' && v->low[k - 1] != '(' && v->low[k - 1] != '[') continue;
        unsigned pair = pair_of(v->low + k);
        v->starts[pair / 64] |= 1ULL << (pair % 64);
    }
}

bool view_starts(const view *v, const char *prefix)
{
    if (v->low[0] != prefix[0]) return false; /* cheap test first: most prefixes differ at once */
    size_t n = strlen(prefix);
    return v->len >= n && memcmp(v->low, prefix, n) == 0;
}

bool view_has(const view *v, const char *needle) { return strstr(v->low, needle) != NULL; }

bool view_has_word(const view *v, const char *needle)
{
    unsigned p = pair_of(needle);
    if (!(v->starts[p / 64] & (1ULL << (p % 64)))) return false;
    for (const char *hit = strstr(v->low, needle); hit; hit = strstr(hit + 1, needle))
        if (hit == v->low || hit[-1] == ' ' || hit[-1] == '(' || hit[-1] == '[') return true;
    return false;
}

bool view_is(const view *v, const char *s) { return v->whole && strcmp(v->low, s) == 0; }

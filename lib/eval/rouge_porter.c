/* rouge_porter.c — the Porter stemmer exactly as ROUGE-1.5.5.pl runs it. That script stems with
 * regular expressions over the published algorithm (Porter 1980, with the usual "bli" and "logi"
 * departures) and changes step 4 so that -ement, -ment and -ent are tried one after the other; the
 * Snowball "porter" of libstemmer differs on words such as "agreement" or "fundamental", hence this
 * file. The patterns below are matched with backtracking, so they accept what those regexes accept:
 *   C = [^aeiou][^aeiouy]*  (consonant run)      V = [aeiouy][aeiou]*  (vowel run)
 *   m>0: ^(C)?VC   m>1: ^(C)?VCVC   m=1: ^(C)?VC(V)?$   vowel: ^(C)?[aeiouy]   cvc: ^C[aeiouy][^aeiouwxy]$
 */
#include <stdbool.h>
#include <string.h>

#include "eval/rouge.h"

static bool in_set(char c, const char *set) { return c != '\0' && strchr(set, c) != NULL; }

/* Pattern symbols: 'C' consonant run, 'V' vowel run, 'c'/'v' optional C/V run, 'y' one [aeiouy],
 * 'x' one [^aeiouwxy], '$' end of the word. True when pat matches s from pos on, trying every
 * length of every run (the backtracking of the regexes). */
static bool match(const char *s, size_t len, const char *pat, size_t pos)
{
    char p = *pat;
    if (p == '\0') return true;
    if (p == '$') return pos == len && match(s, len, pat + 1, pos);
    if (p == 'y') return pos < len && in_set(s[pos], "aeiouy") && match(s, len, pat + 1, pos + 1);
    if (p == 'x') return pos < len && !in_set(s[pos], "aeiouwxy") && match(s, len, pat + 1, pos + 1);
    if ((p == 'c' || p == 'v') && match(s, len, pat + 1, pos)) return true;
    bool consonant = (p == 'C' || p == 'c');
    if (pos >= len) return false;
    /* A consonant run starts with anything but aeiou (y included), a vowel run with aeiouy. */
    if (consonant ? in_set(s[pos], "aeiou") : !in_set(s[pos], "aeiouy")) return false;
    for (size_t end = pos + 1;; end++) {
        if (match(s, len, pat + 1, end)) return true;
        if (end >= len) return false;
        bool more = consonant ? !in_set(s[end], "aeiouy") : in_set(s[end], "aeiou");
        if (!more) return false;
    }
}

static bool m_gt0(const char *s, size_t len) { return match(s, len, "cVC", 0); }
static bool m_gt1(const char *s, size_t len) { return match(s, len, "cVCVC", 0); }
static bool m_eq1(const char *s, size_t len) { return match(s, len, "cVCv$", 0); }
static bool has_vowel(const char *s, size_t len) { return match(s, len, "cy", 0); }
static bool cvc(const char *s, size_t len) { return match(s, len, "Cyx$", 0); }

static bool ends(const char *w, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return n <= len && memcmp(w + len - n, suffix, n) == 0;
}

/* A suffix rule: the suffix and what replaces it. */
typedef struct rule {
    const char *suffix;
    const char *repl;
} rule;

static const rule step2[] = {
    {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"},   {"anci", "ance"},   {"izer", "ize"},
    {"bli", "ble"},     {"alli", "al"},     {"entli", "ent"},   {"eli", "e"},       {"ousli", "ous"},
    {"ization", "ize"}, {"ation", "ate"},   {"ator", "ate"},    {"alism", "al"},    {"iveness", "ive"},
    {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"},    {"iviti", "ive"},   {"biliti", "ble"},
    {"logi", "log"},    {NULL, NULL},
};

static const rule step3[] = {
    {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
    {"ical", "ic"},  {"ful", ""},   {"ness", ""},    {NULL, NULL},
};

static const rule step4[] = {
    {"al", ""},  {"ance", ""}, {"ence", ""},  {"er", ""}, {"ic", ""},  {"able", ""},
    {"ible", ""}, {"ant", ""},  {"ement", ""}, {"ou", ""}, {"ism", ""}, {"ate", ""},
    {"iti", ""}, {"ous", ""},  {"ive", ""},   {"ize", ""}, {NULL, NULL},
};

/* The longest suffix of the list that w ends with (what a regex alternation anchored at $ finds). */
static const rule *longest(const rule *rules, const char *w, size_t len)
{
    const rule *best = NULL;
    for (const rule *r = rules; r->suffix; r++)
        if (ends(w, len, r->suffix) && (!best || strlen(r->suffix) > strlen(best->suffix))) best = r;
    return best;
}

/* Replaces the suffix of r when the stem before it passes the measure test. */
static size_t replace_if(char *w, size_t len, const rule *r, bool (*test)(const char *, size_t))
{
    if (!r) return len;
    size_t stem = len - strlen(r->suffix);
    if (!test(w, stem)) return len;
    size_t n = strlen(r->repl);
    memcpy(w + stem, r->repl, n);
    return stem + n;
}

static size_t step1(char *w, size_t len)
{
    if (ends(w, len, "sses") || ends(w, len, "ies")) len -= 2;
    else if (len >= 2 && w[len - 1] == 's' && w[len - 2] != 's') len -= 1;

    if (ends(w, len, "eed")) {
        if (m_gt0(w, len - 3)) len -= 1;
    } else if (ends(w, len, "ed") || ends(w, len, "ing")) {
        size_t stem = len - (ends(w, len, "ed") ? 2 : 3);
        if (has_vowel(w, stem)) {
            len = stem;
            if (ends(w, len, "at") || ends(w, len, "bl") || ends(w, len, "iz")) w[len++] = 'e';
            else if (len >= 2 && w[len - 1] == w[len - 2] && !in_set(w[len - 1], "aeiouylsz")) len -= 1;
            else if (cvc(w, len)) w[len++] = 'e';
        }
    }

    if (len >= 1 && w[len - 1] == 'y' && has_vowel(w, len - 1)) w[len - 1] = 'i';
    return len;
}

static size_t step4_5(char *w, size_t len)
{
    len = replace_if(w, len, longest(step4, w, len), m_gt1);
    if (ends(w, len, "ment") && m_gt1(w, len - 4)) len -= 4;
    if (ends(w, len, "ent")) {
        if (m_gt1(w, len - 3)) len -= 3;
    } else if ((ends(w, len, "sion") || ends(w, len, "tion")) && m_gt1(w, len - 3)) {
        len -= 3;
    }

    if (len >= 1 && w[len - 1] == 'e') {
        size_t stem = len - 1;
        if (m_gt1(w, stem) || (m_eq1(w, stem) && !cvc(w, stem))) len = stem;
    }
    if (ends(w, len, "ll") && m_gt1(w, len)) len -= 1;
    return len;
}

size_t rouge_porter_stem(char *w, size_t len)
{
    if (len < 3) return len;
    /* An initial y is a consonant: the script upper-cases it so that no pattern sees a vowel. */
    bool initial_y = (w[0] == 'y');
    if (initial_y) w[0] = 'Y';
    len = step1(w, len);
    len = replace_if(w, len, longest(step2, w, len), m_gt0);
    len = replace_if(w, len, longest(step3, w, len), m_gt0);
    len = step4_5(w, len);
    if (initial_y) w[0] = 'y';
    return len;
}

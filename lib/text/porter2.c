/* porter2.c — the English Snowball stemmer (Porter 2) for plain lower-case ASCII words, written out
 * as straight C: the same rules, in the same order, as libstemmer's "english" 2.2 (the tests check
 * that both give the same stems), about three times faster: every new word of a run is stemmed. */
#include <stddef.h>
#include <string.h>

#include "text/text.h"

/* A suffix (or whole word) of a rule and what replaces it. */
typedef struct affix {
    const char *s;   /* the letters */
    unsigned char n; /* their number */
    const char *to;  /* the replacement (NULL where the rule computes it) */
} affix;

#define AFFIX(s, to) {s, sizeof s - 1, to}
#define COUNT(a) (sizeof a / sizeof *a)

typedef struct word {
    char *b;     /* the letters (room for one more) */
    size_t n;    /* their number */
    size_t p1;   /* start of R1: after the first non-vowel that follows a vowel */
    size_t p2;   /* start of R2: the same again inside R1 */
} word;

/* a e i o u y (one bit a letter: a is bit 0) */
static bool vowel(char c) { return c >= 'a' && c <= 'z' && (0x1104111u >> (c - 'a') & 1); }

/* A vowel or w, x, Y: what may not end a short syllable. */
static bool vowel_wxy(char c) { return vowel(c) || c == 'w' || c == 'x' || c == 'Y'; }

/* The letters that may come before a deleted "li". */
static bool valid_li(char c) { return c && strchr("cdeghkmnrt", c); }

/* Whether the word is the affix. */
static bool is(const word *w, const affix *a)
{
    return w->n == a->n && w->b[0] == a->s[0] && memcmp(w->b, a->s, a->n) == 0;
}

/* The longest of the n suffixes that the word ends with, NULL when none. Compared from their last
 * letter back, which tells most of them apart at once. */
static const affix *longest(const word *w, const affix *list, size_t n)
{
    const affix *best = NULL;
    const char *end = w->b + w->n;
    for (size_t i = 0; i < n; i++) {
        const affix *a = &list[i];
        if (a->n > w->n || (best && a->n <= best->n)) continue;
        size_t k = a->n;
        while (k && a->s[k - 1] == end[(ptrdiff_t)k - (ptrdiff_t)a->n - 1]) k--;
        if (!k) best = a;
    }
    return best;
}

/* Replaces the last k letters by s (m letters). */
static void replace(word *w, size_t k, const char *s, size_t m)
{
    w->n -= k;
    memcpy(w->b + w->n, s, m);
    w->n += m;
}

/* Replaces the suffix a by its replacement. */
static void apply(word *w, const affix *a) { replace(w, a->n, a->to, strlen(a->to)); }

/* Whether a vowel comes before position `at`. */
static bool vowel_before(const word *w, size_t at)
{
    for (size_t i = 0; i < at; i++)
        if (vowel(w->b[i])) return true;
    return false;
}

/* Whether the letters before position k end in a short syllable: non-vowel (not w, x, Y), vowel,
 * non-vowel; or, at the start of the word, vowel and non-vowel. */
static bool short_syllable(const word *w, size_t k)
{
    const char *b = w->b;
    if (k >= 3 && !vowel_wxy(b[k - 1]) && vowel(b[k - 2]) && !vowel(b[k - 3])) return true;
    return k == 2 && !vowel(b[1]) && vowel(b[0]);
}

/* Whole words with a stem of their own (or none); true when w is one of them. */
static bool exception1(word *w)
{
    static const affix words[] = {
        AFFIX("skis", "ski"), AFFIX("skies", "sky"), AFFIX("dying", "die"), AFFIX("lying", "lie"),
        AFFIX("tying", "tie"), AFFIX("idly", "idl"), AFFIX("gently", "gentl"), AFFIX("ugly", "ugli"),
        AFFIX("early", "earli"), AFFIX("only", "onli"), AFFIX("singly", "singl"), AFFIX("sky", "sky"),
        AFFIX("news", "news"), AFFIX("howe", "howe"), AFFIX("atlas", "atlas"), AFFIX("cosmos", "cosmos"),
        AFFIX("bias", "bias"), AFFIX("andes", "andes"),
    };
    for (size_t i = 0; i < COUNT(words); i++) {
        if (is(w, &words[i])) {
            replace(w, w->n, words[i].to, strlen(words[i].to));
            return true;
        }
    }
    return false;
}

/* Words that Step 1a leaves as they are and that the later steps would spoil. */
static bool exception2(const word *w)
{
    static const affix words[] = {
        AFFIX("inning", ""), AFFIX("outing", ""), AFFIX("canning", ""), AFFIX("herring", ""),
        AFFIX("earring", ""), AFFIX("proceed", ""), AFFIX("exceed", ""), AFFIX("succeed", ""),
    };
    for (size_t i = 0; i < COUNT(words); i++)
        if (is(w, &words[i])) return true;
    return false;
}

/* Drops an opening apostrophe; marks as Y the y that start the word or follow a vowel. */
static bool prelude(word *w)
{
    bool y_found = false;
    if (w->b[0] == '\'') {
        memmove(w->b, w->b + 1, w->n - 1);
        w->n--;
    }
    if (w->n && w->b[0] == 'y') w->b[0] = 'Y', y_found = true;
    for (size_t i = 0; i + 1 < w->n; i++)
        if (vowel(w->b[i]) && w->b[i + 1] == 'y') w->b[i + 1] = 'Y', y_found = true;
    return y_found;
}

/* After the first non-vowel that follows a vowel at or after `from`, or n. */
static size_t region_after(const word *w, size_t from)
{
    size_t i = from;
    while (i < w->n && !vowel(w->b[i])) i++;
    while (i < w->n && vowel(w->b[i])) i++;
    return i < w->n ? i + 1 : w->n;
}

static void mark_regions(word *w)
{
    static const affix prefixes[] = {AFFIX("gener", ""), AFFIX("commun", ""), AFFIX("arsen", "")};
    w->p1 = w->p2 = w->n;
    size_t p1 = 0;
    for (size_t i = 0; i < COUNT(prefixes); i++)
        if (w->b[0] == prefixes[i].s[0] && w->n >= prefixes[i].n && memcmp(w->b, prefixes[i].s, prefixes[i].n) == 0)
            p1 = prefixes[i].n;
    if (!p1) p1 = region_after(w, 0); /* no vowel then non-vowel: both regions empty */
    w->p1 = p1;
    w->p2 = region_after(w, p1);
}

/* The word's last letter, '\0' when it is empty. */
static char last(const word *w) { return w->n ? w->b[w->n - 1] : '\0'; }

static void step_1a(word *w)
{
    static const affix apostrophes[] = {AFFIX("'", ""), AFFIX("'s", ""), AFFIX("'s'", "")};
    if (last(w) == '\'' || last(w) == 's') {
        const affix *a = longest(w, apostrophes, COUNT(apostrophes));
        if (a) w->n -= a->n;
    }
    static const affix s_[] = {AFFIX("sses", "ss"), AFFIX("ies", NULL), AFFIX("s", NULL), AFFIX("us", NULL),
                               AFFIX("ss", NULL)};
    static const affix d_[] = {AFFIX("ied", NULL)};
    const affix *a;
    switch (last(w)) {
    case 's': a = longest(w, s_, COUNT(s_)); break;
    case 'd': a = longest(w, d_, COUNT(d_)); break;
    default: return;
    }
    if (!a || a->s[0] == 'u' || (a->n == 2 && a->s[0] == 's')) return; /* none, or "us", "ss": kept */
    if (a->to) apply(w, a);
    else if (a->n == 3) replace(w, 3, w->n - 3 >= 2 ? "i" : "ie", w->n - 3 >= 2 ? 1 : 2);
    else if (w->n >= 2 && vowel_before(w, w->n - 2)) w->n--; /* "s" after a vowel and one more letter */
}

static void step_1b(word *w)
{
    static const affix d_[] = {AFFIX("eed", "ee"), AFFIX("ed", NULL)};
    static const affix y_[] = {AFFIX("eedly", "ee"), AFFIX("edly", NULL), AFFIX("ingly", NULL)};
    static const affix g_[] = {AFFIX("ing", NULL)};
    const affix *a;
    switch (last(w)) {
    case 'd': a = longest(w, d_, COUNT(d_)); break;
    case 'y': a = longest(w, y_, COUNT(y_)); break;
    case 'g': a = longest(w, g_, COUNT(g_)); break;
    default: return;
    }
    if (!a) return;
    size_t start = w->n - a->n;
    if (a->to) {
        if (start >= w->p1) apply(w, a);
        return;
    }
    if (!vowel_before(w, start)) return;
    w->n = start;
    static const affix ends_e[] = {AFFIX("at", ""), AFFIX("bl", ""), AFFIX("iz", "")};
    static const affix doubles[] = {AFFIX("bb", ""), AFFIX("dd", ""), AFFIX("ff", ""),
                                    AFFIX("gg", ""), AFFIX("mm", ""), AFFIX("nn", ""),
                                    AFFIX("pp", ""), AFFIX("rr", ""), AFFIX("tt", "")};
    if (longest(w, ends_e, COUNT(ends_e))) replace(w, 0, "e", 1);
    else if (longest(w, doubles, COUNT(doubles))) w->n--;
    else if (w->n == w->p1 && short_syllable(w, w->n)) replace(w, 0, "e", 1);
}

static void step_1c(word *w)
{
    size_t n = w->n;
    if (n >= 3 && (w->b[n - 1] == 'y' || w->b[n - 1] == 'Y') && !vowel(w->b[n - 2])) w->b[n - 1] = 'i';
}

static void step_2(word *w)
{
    static const affix l_[] = {AFFIX("tional", "tion"), AFFIX("ational", "ate")};
    static const affix i_[] = {
        AFFIX("enci", "ence"), AFFIX("anci", "ance"), AFFIX("abli", "able"), AFFIX("entli", "ent"),
        AFFIX("aliti", "al"), AFFIX("alli", "al"), AFFIX("ousli", "ous"), AFFIX("iviti", "ive"),
        AFFIX("biliti", "ble"), AFFIX("bli", "ble"), AFFIX("ogi", "og"), AFFIX("fulli", "ful"),
        AFFIX("lessli", "less"), AFFIX("li", ""),
    };
    static const affix r_[] = {AFFIX("izer", "ize"), AFFIX("ator", "ate")};
    static const affix n_[] = {AFFIX("ization", "ize"), AFFIX("ation", "ate")};
    static const affix m_[] = {AFFIX("alism", "al")};
    static const affix s_[] = {AFFIX("fulness", "ful"), AFFIX("ousness", "ous"), AFFIX("iveness", "ive")};
    const affix *a;
    switch (last(w)) {
    case 'l': a = longest(w, l_, COUNT(l_)); break;
    case 'i': a = longest(w, i_, COUNT(i_)); break;
    case 'r': a = longest(w, r_, COUNT(r_)); break;
    case 'n': a = longest(w, n_, COUNT(n_)); break;
    case 'm': a = longest(w, m_, COUNT(m_)); break;
    case 's': a = longest(w, s_, COUNT(s_)); break;
    default: return;
    }
    if (!a) return;
    size_t start = w->n - a->n;
    if (start < w->p1) return;
    char before = start ? w->b[start - 1] : '\0';
    if (a->n == 3 && a->s[0] == 'o' && before != 'l') return;  /* "ogi" only after l */
    if (a->n == 2 && !valid_li(before)) return;                 /* "li" only after c d e g h k m n r t */
    apply(w, a);
}

static void step_3(word *w)
{
    static const affix l_[] = {AFFIX("tional", "tion"), AFFIX("ational", "ate"), AFFIX("ical", "ic"),
                               AFFIX("ful", "")};
    static const affix e_[] = {AFFIX("alize", "al"), AFFIX("icate", "ic"), AFFIX("ative", NULL)};
    static const affix i_[] = {AFFIX("iciti", "ic")};
    static const affix s_[] = {AFFIX("ness", "")};
    const affix *a;
    switch (last(w)) {
    case 'l': a = longest(w, l_, COUNT(l_)); break;
    case 'e': a = longest(w, e_, COUNT(e_)); break;
    case 'i': a = longest(w, i_, COUNT(i_)); break;
    case 's': a = longest(w, s_, COUNT(s_)); break;
    default: return;
    }
    if (!a) return;
    size_t start = w->n - a->n;
    if (start < w->p1) return;
    if (!a->to) {
        if (start >= w->p2) w->n = start; /* "ative" only in R2 */
        return;
    }
    apply(w, a);
}

static void step_4(word *w)
{
    static const affix l_[] = {AFFIX("al", "")};
    static const affix e_[] = {AFFIX("ance", ""), AFFIX("ence", ""), AFFIX("able", ""), AFFIX("ible", ""),
                               AFFIX("ate", ""), AFFIX("ive", ""), AFFIX("ize", "")};
    static const affix r_[] = {AFFIX("er", "")};
    static const affix c_[] = {AFFIX("ic", "")};
    static const affix t_[] = {AFFIX("ant", ""), AFFIX("ement", ""), AFFIX("ment", ""), AFFIX("ent", "")};
    static const affix m_[] = {AFFIX("ism", "")};
    static const affix i_[] = {AFFIX("iti", "")};
    static const affix s_[] = {AFFIX("ous", "")};
    static const affix n_[] = {AFFIX("ion", NULL)};
    const affix *a;
    switch (last(w)) {
    case 'l': a = longest(w, l_, COUNT(l_)); break;
    case 'e': a = longest(w, e_, COUNT(e_)); break;
    case 'r': a = longest(w, r_, COUNT(r_)); break;
    case 'c': a = longest(w, c_, COUNT(c_)); break;
    case 't': a = longest(w, t_, COUNT(t_)); break;
    case 'm': a = longest(w, m_, COUNT(m_)); break;
    case 'i': a = longest(w, i_, COUNT(i_)); break;
    case 's': a = longest(w, s_, COUNT(s_)); break;
    case 'n': a = longest(w, n_, COUNT(n_)); break;
    default: return;
    }
    if (!a) return;
    size_t start = w->n - a->n;
    if (start < w->p2) return;
    if (!a->to && (start == 0 || (w->b[start - 1] != 's' && w->b[start - 1] != 't'))) return; /* "ion" */
    w->n = start;
}

static void step_5(word *w)
{
    if (!w->n) return;
    size_t start = w->n - 1;
    char c = w->b[start];
    if (c == 'e' && (start >= w->p2 || (start >= w->p1 && !short_syllable(w, start)))) w->n = start;
    else if (c == 'l' && start >= w->p2 && start > 0 && w->b[start - 1] == 'l') w->n = start;
}

size_t porter2_stem(char *b, size_t n)
{
    word w = {.b = b, .n = n};
    if (exception1(&w) || n < 3) return w.n;
    bool y_found = prelude(&w);
    mark_regions(&w);
    step_1a(&w);
    if (!exception2(&w)) {
        step_1b(&w);
        step_1c(&w);
        step_2(&w);
        step_3(&w);
        step_4(&w);
        step_5(&w);
    }
    if (y_found)
        for (size_t i = 0; i < w.n; i++)
            if (w.b[i] == 'Y') w.b[i] = 'y';
    return w.n;
}

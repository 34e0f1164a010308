/* english_stem.c — the English Snowball stemmer (Porter 2) for ASCII words, written from the
 * algorithm's definition (snowballstem.org, english.sbl as libstemmer 2 builds it): the same stems
 * as libstemmer's, which reaches each step through generic tables and a cursor machine, in a
 * fraction of its instructions. test_text compares the two on every distinct word of the shared
 * data sets and on the algorithm's special cases. */
#include <string.h>

#include "text/text.h"

/* The word being stemmed: its bytes, and the starts of regions R1 and R2. */
typedef struct word {
    char *s;
    size_t n;
    size_t p1, p2;
} word;

/* a e i o u y; 'Y' (a y that the prelude marked as a consonant) is not one. */
static inline bool vowel(char c)
{
    unsigned k = (unsigned)(c - 'a');
    return k < 26 && ((1u << ('a' - 'a') | 1u << ('e' - 'a') | 1u << ('i' - 'a') | 1u << ('o' - 'a') |
                       1u << ('u' - 'a') | 1u << ('y' - 'a')) >> k) & 1;
}

/* A short syllable ends at position c: a vowel followed by a consonant other than w, x or Y and
 * preceded by a consonant, or a vowel at the start of the word followed by a consonant. */
static bool short_syllable(const word *w, size_t c)
{
    const char *s = w->s;
    if (c >= 3 && !vowel(s[c - 1]) && s[c - 1] != 'w' && s[c - 1] != 'x' && s[c - 1] != 'Y' && vowel(s[c - 2]) &&
        !vowel(s[c - 3]))
        return true;
    return c == 2 && !vowel(s[1]) && vowel(s[0]);
}

/* Whether s[0..c) holds a vowel. */
static bool has_vowel(const char *s, size_t c)
{
    for (size_t i = 0; i < c; i++)
        if (vowel(s[i])) return true;
    return false;
}

/* Whether the word ends with the k bytes of suffix: compared from the end, where most differ. */
static inline bool ends_n(const word *w, const char *suffix, size_t k)
{
    if (w->n < k) return false;
    const char *e = w->s + w->n - k;
    for (size_t i = k; i-- > 0;)
        if (e[i] != suffix[i]) return false;
    return true;
}

/* A suffix rule: the suffix, what replaces it, and a condition on the word before it. */
typedef enum cond { R1, R2, AFTER_L, VALID_LI, AFTER_S_OR_T } cond;
typedef struct rule {
    const char *suffix;
    uint8_t len;
    const char *with;
    uint8_t with_len;
    cond when;
} rule;
#define RULE(suffix, with, when) {suffix, sizeof suffix - 1, with, sizeof with - 1, when}
#define END {NULL, 0, NULL, 0, R1}

/* Applies the rule of the longest suffix of the list that the word has (rules listed longest
 * first); as in Snowball, when its condition fails no shorter suffix is tried. */
static void apply_longest(word *w, const rule *rules)
{
    for (const rule *r = rules; r->suffix; r++) {
        if (!ends_n(w, r->suffix, r->len)) continue;
        size_t bra = w->n - r->len;
        char before = bra ? w->s[bra - 1] : 0;
        bool ok;
        switch (r->when) {
        case R1: ok = bra >= w->p1; break;
        case R2: ok = bra >= w->p2; break;
        case AFTER_L: ok = bra >= w->p1 && before == 'l'; break;
        case VALID_LI: ok = bra >= w->p1 && before && strchr("cdeghkmnrt", before); break;
        default: ok = bra >= w->p2 && (before == 's' || before == 't'); break; /* AFTER_S_OR_T */
        }
        if (ok) {
            memcpy(w->s + bra, r->with, r->with_len);
            w->n = bra + r->with_len;
        }
        return;
    }
}

/* The rules of steps 2, 3 and 4 by the suffix's last letter, longest first. Step 2 and step 3 rules
 * hold in R1, step 4 in R2. */
static const rule step2_i[] = {
    RULE("biliti", "ble", R1), RULE("lessli", "less", R1), RULE("aliti", "al", R1), RULE("entli", "ent", R1),
    RULE("fulli", "ful", R1),  RULE("ousli", "ous", R1),   RULE("iviti", "ive", R1), RULE("anci", "ance", R1),
    RULE("enci", "ence", R1),  RULE("abli", "able", R1),   RULE("alli", "al", R1),   RULE("bli", "ble", R1),
    RULE("ogi", "og", AFTER_L), RULE("li", "", VALID_LI),  END,
};
static const rule step2_l[] = {RULE("ational", "ate", R1), RULE("tional", "tion", R1), END};
static const rule step2_m[] = {RULE("alism", "al", R1), END};
static const rule step2_n[] = {RULE("ization", "ize", R1), RULE("ation", "ate", R1), END};
static const rule step2_r[] = {RULE("izer", "ize", R1), RULE("ator", "ate", R1), END};
static const rule step2_s[] = {RULE("iveness", "ive", R1), RULE("fulness", "ful", R1), RULE("ousness", "ous", R1), END};
static const rule step3_l[] = {RULE("ational", "ate", R1), RULE("tional", "tion", R1), RULE("ical", "ic", R1),
                               RULE("ful", "", R1), END};
static const rule step3_e[] = {RULE("alize", "al", R1), RULE("icate", "ic", R1), RULE("ative", "", R2), END};
static const rule step3_i[] = {RULE("iciti", "ic", R1), END};
static const rule step3_s[] = {RULE("ness", "", R1), END};
static const rule step4_t[] = {RULE("ement", "", R2), RULE("ment", "", R2), RULE("ant", "", R2), RULE("ent", "", R2), END};
static const rule step4_e[] = {RULE("ance", "", R2), RULE("ence", "", R2), RULE("able", "", R2), RULE("ible", "", R2),
                               RULE("ate", "", R2),  RULE("ive", "", R2),  RULE("ize", "", R2),  END};
static const rule step4_m[] = {RULE("ism", "", R2), END};
static const rule step4_i[] = {RULE("iti", "", R2), END};
static const rule step4_s[] = {RULE("ous", "", R2), END};
static const rule step4_n[] = {RULE("ion", "", AFTER_S_OR_T), END};
static const rule step4_l[] = {RULE("al", "", R2), END};
static const rule step4_r[] = {RULE("er", "", R2), END};
static const rule step4_c[] = {RULE("ic", "", R2), END};

static const rule *step2_rules(char last)
{
    switch (last) {
    case 'i': return step2_i;
    case 'l': return step2_l;
    case 'm': return step2_m;
    case 'n': return step2_n;
    case 'r': return step2_r;
    case 's': return step2_s;
    default: return NULL;
    }
}

static const rule *step3_rules(char last)
{
    switch (last) {
    case 'l': return step3_l;
    case 'e': return step3_e;
    case 'i': return step3_i;
    case 's': return step3_s;
    default: return NULL;
    }
}

static const rule *step4_rules(char last)
{
    switch (last) {
    case 't': return step4_t;
    case 'e': return step4_e;
    case 'm': return step4_m;
    case 'i': return step4_i;
    case 's': return step4_s;
    case 'n': return step4_n;
    case 'l': return step4_l;
    case 'r': return step4_r;
    case 'c': return step4_c;
    default: return NULL;
    }
}

/* The word's last letter, 0 when it is empty. */
static inline char last(const word *w) { return w->n ? w->s[w->n - 1] : 0; }

/* Applies a step's rules for the word's last letter (r, from step2_rules(last(w)) and the like). */
static inline void step(word *w, const rule *r)
{
    if (r) apply_longest(w, r);
}

/* A word stemmed as a whole, and its stem. */
typedef struct whole {
    const char *word;
    uint8_t len;
    const char *stem;
    uint8_t stem_len;
} whole;
#define WHOLE(word, stem) {word, sizeof word - 1, stem, sizeof stem - 1}

/* The special forms, and the invariant ones. */
static const whole exceptions[] = {
    WHOLE("skis", "ski"),     WHOLE("skies", "sky"),   WHOLE("dying", "die"),  WHOLE("lying", "lie"),
    WHOLE("tying", "tie"),    WHOLE("idly", "idl"),    WHOLE("gently", "gentl"), WHOLE("ugly", "ugli"),
    WHOLE("early", "earli"),  WHOLE("only", "onli"),   WHOLE("singly", "singl"), WHOLE("sky", "sky"),
    WHOLE("news", "news"),    WHOLE("howe", "howe"),   WHOLE("atlas", "atlas"), WHOLE("cosmos", "cosmos"),
    WHOLE("bias", "bias"),    WHOLE("andes", "andes"),
};
/* Words that step 1a leaves as they are and no later step changes. */
static const whole after_step1a[] = {
    WHOLE("inning", ""), WHOLE("outing", ""),  WHOLE("canning", ""), WHOLE("herring", ""),
    WHOLE("earring", ""), WHOLE("proceed", ""), WHOLE("exceed", ""),  WHOLE("succeed", ""),
};

/* The entry of a list of whole words that s[0..len) is, or NULL. */
static const whole *find_whole(const whole *list, size_t n, const char *s, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (list[i].len == len && list[i].word[0] == s[0] && memcmp(list[i].word, s, len) == 0) return &list[i];
    return NULL;
}

static inline bool starts(const word *w, const char *prefix, size_t k)
{
    return w->n >= k && memcmp(w->s, prefix, k) == 0;
}

/* Finds where regions R1 and R2 start: after the first consonant that follows a vowel, from the
 * start of the word (or after the prefix gener, commun or arsen) and from there. */
static void mark_regions(word *w)
{
    w->p1 = w->p2 = w->n;
    size_t i = 0;
    if (starts(w, "gener", 5) || starts(w, "arsen", 5)) {
        i = 5;
    } else if (starts(w, "commun", 6)) {
        i = 6;
    } else {
        while (i < w->n && !vowel(w->s[i])) i++;
        while (i < w->n && vowel(w->s[i])) i++;
        if (i >= w->n) return;
        i++;
    }
    w->p1 = i;
    while (i < w->n && !vowel(w->s[i])) i++;
    while (i < w->n && vowel(w->s[i])) i++;
    if (i >= w->n) return;
    w->p2 = i + 1;
}

static void step1a(word *w)
{
    char z = last(w); /* every suffix below ends with ' s or d: most words need no test */
    if (z == '\'' || z == 's') {
        if (ends_n(w, "'s'", 3)) w->n -= 3;
        else if (ends_n(w, "'s", 2)) w->n -= 2;
        else if (ends_n(w, "'", 1)) w->n -= 1;
        z = last(w);
    }
    if (z != 's' && z != 'd') return;
    if (ends_n(w, "sses", 4)) {
        w->n -= 2;
    } else if (ends_n(w, "ied", 3) || ends_n(w, "ies", 3)) { /* "cries" -> "cri", "ties" -> "tie" */
        size_t bra = w->n - 3;
        w->s[bra] = 'i';
        w->s[bra + 1] = 'e';
        w->n = bra + (bra >= 2 ? 1 : 2);
    } else if (ends_n(w, "ss", 2) || ends_n(w, "us", 2)) {
        return;
    } else if (ends_n(w, "s", 1)) {
        /* a vowel before the letter before the s: "gaps" -> "gap", not "gas" */
        if (w->n >= 2 && has_vowel(w->s, w->n - 2)) w->n--;
    }
}

static void step1b(word *w)
{
    size_t k; /* the longest of eedly ingly edly eed ing ed */
    bool eed = false;
    char z = last(w);
    if (z != 'y' && z != 'd' && z != 'g') return;
    if (ends_n(w, "eedly", 5)) k = 5, eed = true;
    else if (ends_n(w, "ingly", 5)) k = 5;
    else if (ends_n(w, "edly", 4)) k = 4;
    else if (ends_n(w, "eed", 3)) k = 3, eed = true;
    else if (ends_n(w, "ing", 3)) k = 3;
    else if (ends_n(w, "ed", 2)) k = 2;
    else return;
    size_t bra = w->n - k;
    if (eed) {
        if (bra >= w->p1) w->n = bra + 2;
        return;
    }
    if (!has_vowel(w->s, bra)) return;
    w->n = bra;
    char last = bra ? w->s[bra - 1] : 0;
    if (ends_n(w, "at", 2) || ends_n(w, "bl", 2) || ends_n(w, "iz", 2)) {
        w->s[w->n++] = 'e';
    } else if (bra >= 2 && last == w->s[bra - 2] && last && strchr("bdfgmnprt", last)) {
        w->n--;
    } else if (w->n == w->p1 && short_syllable(w, w->n)) {
        w->s[w->n++] = 'e';
    }
}

static void step1c(word *w)
{
    char c = w->n ? w->s[w->n - 1] : 0;
    if (w->n >= 3 && (c == 'y' || c == 'Y') && !vowel(w->s[w->n - 2])) w->s[w->n - 1] = 'i';
}

static void step5(word *w)
{
    if (!w->n) return;
    size_t bra = w->n - 1;
    if (w->s[bra] == 'e') {
        if (bra >= w->p2 || (bra >= w->p1 && !short_syllable(w, bra))) w->n--;
    } else if (w->s[bra] == 'l') {
        if (bra >= w->p2 && bra >= 1 && w->s[bra - 1] == 'l') w->n--;
    }
}

size_t english_stem(const char *in, size_t len, char *out)
{
    /* the special forms have 3 to 6 letters and end with s, y, g or e */
    char z = len ? in[len - 1] : 0;
    bool may_be_special = len >= 3 && len <= 6 && (z == 's' || z == 'y' || z == 'g' || z == 'e');
    const whole *x = may_be_special ? find_whole(exceptions, sizeof exceptions / sizeof *exceptions, in, len) : NULL;
    if (x) {
        memcpy(out, x->stem, x->stem_len);
        return x->stem_len;
    }
    memcpy(out, in, len);
    if (len < 3) return len;
    word w = {out, len, 0, 0};
    /* prelude: an initial apostrophe goes; y at the start or after a vowel is a consonant (Y) */
    if (w.s[0] == '\'') memmove(w.s, w.s + 1, --w.n);
    bool y_found = false;
    for (size_t i = 0; i < w.n; i++) {
        if (w.s[i] == 'y' && (i == 0 || vowel(w.s[i - 1]))) {
            w.s[i] = 'Y';
            y_found = true;
        }
    }
    mark_regions(&w);
    step1a(&w);
    if (!(w.n >= 6 && w.n <= 7 && find_whole(after_step1a, sizeof after_step1a / sizeof *after_step1a, w.s, w.n))) {
        step1b(&w);
        step1c(&w);
        step(&w, step2_rules(last(&w)));
        step(&w, step3_rules(last(&w)));
        step(&w, step4_rules(last(&w)));
        step5(&w);
    }
    if (y_found)
        for (size_t i = 0; i < w.n; i++)
            if (w.s[i] == 'Y') w.s[i] = 'y';
    return w.n;
}

/* view.c — the lower-cased head and word counts of a paragraph or sentence (see view.h). */
#include "clean/view.h"

/* Hash of three lower-cased characters, a bit of view.starts. */
static inline unsigned start_bit(const char *w)
{
    return ((unsigned char)w[0] * 961u + (unsigned char)w[1] * 31u + (unsigned char)w[2]) % VIEW_START_BITS;
}

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
    static const char two[] = "anasatbyinofonortovs", three[] = "andbutforthevia", four[] = "fromwithintoover";
    const char *set = n == 2 ? two : n == 3 ? three : n == 4 ? four : NULL;
    if (n == 1) return w[0] == 'a';
    for (const char *q = set; q && *q; q += n) {
        size_t k = 0;
        while (k < n && q[k] == w[k]) k++;
        if (k == n) return true;
    }
    return false;
}

/* The word being read in the head: its shape. */
typedef struct word_shape {
    bool digit;      /* it has a digit */
    char first;      /* its first letter: 'A' a capital, 'a' lower case, 'x' outside ASCII, 0 none yet */
    size_t first_at; /* where that letter is */
} word_shape;

/* Counts a finished word by its shape: letters, the case of its first letter (after quotes and
 * brackets), digits. */
static void count_shape(view *v, const char *s, size_t end, const word_shape *w)
{
    v->digits += w->digit;
    if (!w->first) return;
    v->alpha++;
    if (w->first == 'A') {
        v->capital++;
    } else if (w->first == 'a') {
        size_t e = w->first_at;
        if (end - e > 6) { /* too long for a minor word, even with punctuation after it */
            v->lower++;
            return;
        }
        while (e < end && s[e] >= 'a' && s[e] <= 'z') e++;
        v->lower += !minor_word(s + w->first_at, e - w->first_at);
    }
}

/* Counts the words (up to VIEW_WORDS_MAX) and commas of s[i..len), past the head. */
static void count_rest(view *v, const unsigned char *p, size_t i, size_t len, bool space)
{
    for (; i < len; i++) {
        unsigned char c = p[i];
        if (c > ' ' && c != 0xa0) { /* most bytes: inside a word */
            if (space && v->words++ == VIEW_WORDS_MAX) break;
            space = false;
            v->commas += c == ',';
        } else {
            space = c <= ' ' || (i > 0 && p[i - 1] == 0xc2); /* controls count as white space */
        }
    }
    if (v->words > VIEW_WORDS_MAX) v->words = VIEW_WORDS_MAX;
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

/* Marks the word starting at low[k] in both sets of word starts. */
static void mark_start(view *v, size_t k)
{
    unsigned bit = start_bit(v->low + k), key = VIEW_KEY(v->low + k);
    v->starts[bit / 64] |= 1ULL << (bit % 64);
    v->keys[key / 64] |= 1ULL << (key % 64);
}

void view_make(view *v, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t o = 0, i = 0, lower_run = 0;
    while (i < len && is_space(p[i])) i++;
    size_t head = len - i > VIEW_LONG ? VIEW_LONG_HEAD : VIEW_MAX;
    v->words = v->alpha = v->capital = v->lower = v->digits = v->commas = 0;
    bool in_word = false;  /* inside a white-space separated word */
    bool at_start = true;  /* the next byte written begins a word (also after a bracket) */
    word_shape w = {0};
    size_t starts[VIEW_MAX], n_starts = 0;
    memset(v->starts, 0, sizeof v->starts);
    memset(v->keys, 0, sizeof v->keys);
    for (; i < len && o < head; i++) {
        unsigned char c = p[i];
        if (is_space(c) || (c == 0xc2 && i + 1 < len && p[i + 1] == 0xa0)) {
            i += c == 0xc2;
            if (in_word) count_shape(v, s, i, &w);
            in_word = false;
            if (o > 0 && v->low[o - 1] != ' ') v->low[o++] = ' ';
            at_start = true;
            lower_run = 0;
            continue;
        }
        if (!in_word) {
            in_word = true;
            v->words++;
            w = (word_shape){0};
        }
        if (at_start) starts[n_starts++] = o, at_start = false;
        if ((unsigned)(c - 'a') < 26u) { /* most bytes: a run of lower-case letters */
            if (!w.first) w.first = 'a', w.first_at = i;
            size_t j = i, stop = len - i < head - o ? len : i + (head - o);
            while (j < stop && (unsigned)(p[j] - 'a') < 26u) j++;
            memcpy(v->low + o, p + i, j - i);
            o += j - i;
            lower_run += j - i;
            i = j - 1;
            continue;
        }
        if ((unsigned)(c - 'A') < 26u) {
            if (!w.first) w.first = 'A', w.first_at = i;
            /* a word glued to the next ("standardsDiscussion") reads as two */
            if (lower_run >= 3 && o + 1 < head) {
                v->low[o++] = ' ';
                starts[n_starts++] = o;
            }
            v->low[o++] = (char)(c | 0x20);
            lower_run = 0;
            continue;
        }
        lower_run = 0;
        if ((unsigned)(c - '0') < 10u) {
            w.digit = true;
        } else if (c == ',') {
            v->commas++;
        } else if (c == '(' || c == '[') {
            at_start = true; /* "(AP Photo/…": a word starts after the bracket too */
        } else if (c == 0xe2 && i + 2 < len && p[i + 1] == 0x80 && ascii_of(p[i + 2])) {
            /* curly quotes and dashes (E2 80 93/94/98/99/9C/9D) read as their ASCII forms */
            c = (unsigned char)ascii_of(p[i + 2]);
            i += 2;
        } else if (c >= 0x80 && !w.first) {
            w.first = 'x'; /* a letter outside ASCII, most likely: case unknown */
        }
        v->low[o++] = (char)c;
    }
    v->whole = i >= len && o < head;
    if (in_word) {
        size_t e = i; /* the word under way ends past the head */
        while (e < len && p[e] > ' ' && !(p[e] == 0xc2 && e + 1 < len && p[e + 1] == 0xa0)) e++;
        count_shape(v, s, e, &w);
        i = e;
    }
    if (head == VIEW_MAX) count_rest(v, p, i, len, true);
    else v->words = v->alpha = VIEW_WORDS_MAX; /* long prose */
    while (o > 0 && v->low[o - 1] == ' ') o--;
    memset(v->low + o, 0, VIEW_KEY_LEN);
    v->len = o;
    for (size_t k = 0; k < n_starts; k++)
        if (starts[k] < o) mark_start(v, starts[k]);
    v->end = view_final_mark(s, len);
}

/* Whether needle occurs in the view at a word start (found by strstr after the bit tests). */
static bool find_at_start(const view *v, const char *needle)
{
    for (const char *hit = strstr(v->low, needle); hit; hit = strstr(hit + 1, needle))
        if (hit == v->low || hit[-1] == ' ' || hit[-1] == '(' || hit[-1] == '[') return true;
    return false;
}

bool view_has(const view *v, const char *needle) { return strstr(v->low, needle) != NULL; }

bool view_has_phrase(const view *v, const char *phrase, unsigned key)
{
    return (v->keys[key / 64] & (1ULL << (key % 64))) && find_at_start(v, phrase);
}

bool view_has_word(const view *v, const char *needle)
{
    unsigned bit = start_bit(needle);
    return (v->starts[bit / 64] & (1ULL << (bit % 64))) && find_at_start(v, needle);
}

bool view_has_whole_word(const view *v, const char *word)
{
    unsigned bit = start_bit(word);
    if (!(v->starts[bit / 64] & (1ULL << (bit % 64)))) return false;
    size_t n = strlen(word);
    for (const char *hit = strstr(v->low, word); hit; hit = strstr(hit + 1, word)) {
        bool start = hit == v->low || hit[-1] == ' ' || hit[-1] == '(' || hit[-1] == '[';
        if (start && (unsigned)((hit[n] | 0x20) - 'a') >= 26u) return true;
    }
    return false;
}

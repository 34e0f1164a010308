/* view.c — the lower-cased head and word counts of a paragraph or sentence (see view.h). */
#include "clean/view.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "common/bytes.h"

static inline void set_bit(uint64_t *set, unsigned bit) { set[bit / 64] |= 1ULL << (bit % 64); }

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

/* Words that stay lower case in a title-cased headline ("Bridge Shut for Weeks After Cracks");
 * w[0..n) are lower-case letters. */
#define W2(a, b) ((unsigned)(a) << 8 | (unsigned)(b))
#define W3(a, b, c) (W2(a, b) << 8 | (unsigned)(c))
#define W4(a, b, c, d) (W3(a, b, c) << 8 | (unsigned)(d))
static inline bool minor_word(const char *w, size_t n)
{
    const unsigned char *u = (const unsigned char *)w;
    switch (n) {
    case 1: return u[0] == 'a';
    case 2:
        switch (W2(u[0], u[1])) {
        case W2('a', 'n'): case W2('a', 's'): case W2('a', 't'): case W2('b', 'y'): case W2('i', 'n'):
        case W2('o', 'f'): case W2('o', 'n'): case W2('o', 'r'): case W2('t', 'o'): case W2('v', 's'): return true;
        default: return false;
        }
    case 3:
        switch (W3(u[0], u[1], u[2])) {
        case W3('a', 'n', 'd'): case W3('b', 'u', 't'): case W3('f', 'o', 'r'): case W3('t', 'h', 'e'):
        case W3('v', 'i', 'a'): return true;
        default: return false;
        }
    case 4:
        switch (W4(u[0], u[1], u[2], u[3])) {
        case W4('f', 'r', 'o', 'm'): case W4('w', 'i', 't', 'h'): case W4('i', 'n', 't', 'o'):
        case W4('o', 'v', 'e', 'r'): return true;
        default: return false;
        }
    default: return false;
    }
}

/* The word being read in the head: its shape. */
typedef struct word_shape {
    bool digit;      /* it has a digit */
    char first;      /* its first letter: 'A' a capital, 'a' lower case, 'x' outside ASCII, 0 none yet */
    size_t first_at; /* where that letter is */
    size_t run;      /* lower case: the letters from first_at on, when known (0: not yet) */
} word_shape;

/* Counts a finished word by its shape: letters, the case of its first letter (after quotes and
 * brackets), digits. */
static inline void count_shape(view *v, const char *s, size_t end, const word_shape *w)
{
    v->digits += w->digit;
    if (!w->first) return;
    v->alpha++;
    if (w->first == 'A') {
        v->capital++;
    } else if (w->first == 'a') {
        size_t e = w->first_at;
        if (end - e > 6 || w->run > 4) { /* too long for a minor word, even with punctuation after it */
            v->lower++;
            return;
        }
        size_t n = w->run;
        if (!n) {
            while (e < end && s[e] >= 'a' && s[e] <= 'z') e++;
            n = e - w->first_at;
        }
        v->lower += !minor_word(s + w->first_at, n);
    }
}

/* Counts the words (up to VIEW_WORDS_MAX) and commas of s[i..len), past the head. A byte up to ' '
 * is white space, and so is an A0 after C2 (a no-break space); any other byte is in a word. Eight
 * bytes a step while the count stays below the cap; the step that may reach it, and the last bytes,
 * one by one. */
static void count_rest(view *v, const unsigned char *p, size_t i, size_t len, bool space)
{
    for (; i + 8 <= len; i += 8) {
        uint64_t x = bytes_load64_le(p + i);
        uint64_t white = ~(((x & ~BYTES_HIGHS) + BYTES_ONES * (0x80 - '!')) | x) & BYTES_HIGHS; /* <= ' ' */
        uint64_t a0 = bytes_equal(x, 0xa0), c2 = bytes_equal(x, 0xc2);
        uint64_t c2_before = c2 << 8 | (uint64_t)(i > 0 && p[i - 1] == 0xc2) << 7;
        uint64_t after_space = white | (a0 & c2_before); /* white space ends at this byte */
        uint64_t starts = ~white & ~a0 & BYTES_HIGHS & (after_space << 8 | (uint64_t)space << 7);
        uint32_t n = bytes_count_highs(starts);
        if (v->words + n > VIEW_WORDS_MAX) break; /* the cap is reached in these bytes */
        v->words += n;
        v->commas += bytes_count_highs(bytes_equal(x, ','));
        space = after_space >> 63; /* whether the eighth byte ends in white space */
    }
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

/* Copies the run of lower-case ASCII letters at p (p[0] is one), at most n bytes, to out; its
 * length. Eight bytes at a time while n allows: out has room for eight past the head. */
static size_t copy_lower(const unsigned char *p, size_t n, char *out)
{
    size_t k = 0;
    for (; k + 8 <= n; k += 8) {
        uint64_t x = bytes_load64_le(p + k), low7 = x & ~BYTES_HIGHS;
        /* the top bit of each byte: set when it is 'a'..'z' */
        uint64_t lower = (low7 + BYTES_ONES * (0x80 - 'a')) & ~(low7 + BYTES_ONES * (0x80 - 'z' - 1)) & ~x & BYTES_HIGHS;
        memcpy(out + k, p + k, 8);
        if (lower != BYTES_HIGHS) return k + (size_t)__builtin_ctzll(~lower & BYTES_HIGHS) / 8;
    }
    for (; k < n && (unsigned)(p[k] - 'a') < 26u; k++) out[k] = (char)p[k];
    return k;
}

/* Whether s[i] begins white space: ASCII, or a no-break space (C2 A0). */
static inline bool space_at(const unsigned char *p, size_t i, size_t len)
{
    return is_space(p[i]) || (p[i] == 0xc2 && i + 1 < len && p[i + 1] == 0xa0);
}

/* A plain word at p[i]: a letter, then lower-case letters, then maybe a comma or a full stop, then
 * a space (' '); read eight bytes at a time, none past len. Its letters (0: another kind of word);
 * *mark is the byte after them. */
static inline size_t plain_word(const unsigned char *p, size_t i, size_t len, unsigned char *mark)
{
    size_t r = 0;
    uint64_t capital = (unsigned)(p[i] - 'A') < 26u ? 0x80 : 0;
    for (;;) {
        if (len - i - r < 8) return 0;
        uint64_t x = bytes_load64_le(p + i + r), low7 = x & ~BYTES_HIGHS;
        uint64_t lower = (low7 + BYTES_ONES * (0x80 - 'a')) & ~(low7 + BYTES_ONES * (0x80 - 'z' - 1)) & ~x & BYTES_HIGHS;
        uint64_t other = ~(lower | capital) & BYTES_HIGHS;
        capital = 0;
        if (other) {
            r += (unsigned)__builtin_ctzll(other) / 8;
            break;
        }
        r += 8;
    }
    *mark = p[i + r];
    if (r == 0) return 0;
    if (*mark == ' ') return r;
    return (*mark == ',' || *mark == '.') && i + r + 1 < len && p[i + r + 1] == ' ' ? r : 0;
}

/* Plain words are read a block of PLAIN_BLOCK bytes at a time where the block lies in the head and
 * PLAIN_SLACK bytes of text or more follow it: there plain_word would take each of its plain words
 * (its 8-byte steps stay inside the text, no word is cut by the head's end). */
enum { PLAIN_BLOCK = 64, PLAIN_SLACK = 8 };

/* The bits set in x (no popcount instruction on every x86-64). */
static inline uint32_t bits_set(uint64_t x)
{
    x -= (x >> 1) & 0x5555555555555555ULL;
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
    return (uint32_t)((x * BYTES_ONES) >> 56);
}

/* The bytes of a block by class, bit k for byte k. */
typedef struct block_masks {
    uint64_t lower, upper, space, comma, period;
} block_masks;

/* Classifies the PLAIN_BLOCK bytes at p and copies them to out, capitals made lower case. */
static inline void read_block(const unsigned char *p, char *out, block_masks *m)
{
#if defined(__SSE2__)
    const __m128i to_lower = _mm_set1_epi8((char)(0x80 - 'a')), to_upper = _mm_set1_epi8((char)(0x80 - 'A'));
    const __m128i letters = _mm_set1_epi8((char)(0x80 + 26)), case_bit = _mm_set1_epi8(0x20);
    const __m128i space = _mm_set1_epi8(' '), comma = _mm_set1_epi8(','), period = _mm_set1_epi8('.');
    *m = (block_masks){0};
    for (unsigned k = 0; k < PLAIN_BLOCK; k += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + k));
        /* 'a'..'z' (or 'A'..'Z') moved to the 26 smallest signed bytes */
        __m128i lower = _mm_cmplt_epi8(_mm_add_epi8(x, to_lower), letters);
        __m128i upper = _mm_cmplt_epi8(_mm_add_epi8(x, to_upper), letters);
        _mm_storeu_si128((__m128i *)(void *)(out + k), _mm_or_si128(x, _mm_and_si128(upper, case_bit)));
        m->lower |= (uint64_t)(unsigned)_mm_movemask_epi8(lower) << k;
        m->upper |= (uint64_t)(unsigned)_mm_movemask_epi8(upper) << k;
        m->space |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, space)) << k;
        m->comma |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, comma)) << k;
        m->period |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, period)) << k;
    }
#else
    *m = (block_masks){0};
    for (unsigned k = 0; k < PLAIN_BLOCK; k++) {
        unsigned char c = p[k];
        uint64_t bit = 1ULL << k;
        bool upper = (unsigned)(c - 'A') < 26u;
        out[k] = (char)(upper ? c | 0x20 : c);
        m->lower |= (unsigned)(c - 'a') < 26u ? bit : 0;
        m->upper |= upper ? bit : 0;
        m->space |= c == ' ' ? bit : 0;
        m->comma |= c == ',' ? bit : 0;
        m->period |= c == '.' ? bit : 0;
    }
#endif
}

/* Counts of the plain words read so far. */
typedef struct plain_counts {
    uint32_t words, capital, lower, commas;
} plain_counts;

/* Reads the run of plain words (as plain_word takes them, each with its one space after it) at the
 * start of p[0..PLAIN_BLOCK), a word's start, into out (room for PLAIN_BLOCK bytes, all in the head;
 * out[k] is at offset o + k of the head): their starts are pushed to starts, their shapes counted.
 * The text goes on for PLAIN_SLACK bytes or more past the block. The bytes read (0: the first word is
 * not plain); a run ends before a word that is not plain, before two spaces, and with the block's
 * last space. */
static size_t plain_block(const unsigned char *p, char *out, size_t o, uint8_t *starts, size_t *n_starts,
                          plain_counts *c)
{
    block_masks m;
    read_block(p, out, &m);
    uint64_t letters = m.lower | m.upper, marks = m.comma | m.period;
    uint64_t start = ~m.space & (m.space << 1 | 1); /* word starts */
    uint64_t bad = ~(letters | m.space | marks)      /* a byte that no plain word has */
                   | (m.upper & ~start)              /* a capital inside a word */
                   | (marks & ~(m.space >> 1))       /* a comma or full stop that no space follows */
                   | (start & ~letters)              /* a word that does not begin with a letter */
                   | (m.space & (m.space >> 1));     /* two spaces */
    uint64_t ends = m.space & (bad ? (bad & (0 - bad)) - 1 : ~0ULL); /* spaces before the first bad byte */
    if (!ends) return 0;
    unsigned last = 63 - (unsigned)__builtin_clzll(ends);
    uint64_t run = last == 63 ? ~0ULL : (2ULL << last) - 1;
    uint64_t words = start & run, lower_words = words & m.lower;
    for (uint64_t w = words; w; w &= w - 1) starts[(*n_starts)++] = (uint8_t)(o + (size_t)__builtin_ctzll(w));
    c->words += bits_set(words);
    c->capital += bits_set(words & m.upper);
    c->commas += bits_set(m.comma & run);
    /* lower-case words of five letters or more are never minor words; shorter ones are looked up */
    uint64_t five = m.lower & (m.lower >> 1) & (m.lower >> 2) & (m.lower >> 3) & (m.lower >> 4);
    c->lower += bits_set(lower_words & five);
    for (uint64_t w = lower_words & ~five; w; w &= w - 1) {
        unsigned k = (unsigned)__builtin_ctzll(w);
        size_t r = (size_t)__builtin_ctzll(~(m.lower >> k));
        c->lower += !minor_word((const char *)p + k, r);
    }
    return last + 1;
}

void view_make(view *v, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t o = 0, i = 0;
    while (i < len && is_space(p[i])) i++;
    size_t head = len - i > VIEW_LONG ? VIEW_LONG_HEAD : VIEW_MAX;
    v->words = v->alpha = v->capital = v->lower = v->digits = v->commas = 0;
    v->quoted = false;
    bool in_word = false; /* the last byte read was inside a white-space separated word */
    bool nul = false;     /* a NUL byte was written: the phrase tests (strstr) stop there */
    word_shape w = {0};
    uint8_t starts[VIEW_MAX];
    size_t n_starts = 0;
    memset(v->starts, 0, sizeof v->starts);
    memset(v->keys, 0, sizeof v->keys);
    plain_counts pc = {0}; /* counts of the plain words */
    while (i < len && o < head) {
        unsigned char mark = 0;
        size_t r = plain_word(p, i, len, &mark);
        if (r && len - i >= PLAIN_BLOCK + PLAIN_SLACK && head - o >= PLAIN_BLOCK) { /* a run of plain words? */
            size_t took = plain_block(p + i, v->low + o, o, starts, &n_starts, &pc);
            i += took;
            o += took;
            if (took) continue;
        }
        size_t n = r + (mark != ' '); /* bytes of the word */
        if (r && o + n < head) { /* most words, with the space after them, all in the head */
            starts[n_starts++] = (uint8_t)o;
            for (size_t k = 0; k < n; k += 8) memcpy(v->low + o + k, p + i + k, 8); /* room: VIEW_PAD */
            v->low[o] |= 0x20; /* a capital first made lower case */
            pc.words++;
            pc.commas += mark == ',';
            if (p[i] <= 'Z') pc.capital++;
            else pc.lower += r > 4 || !minor_word(s + i, r);
            o += n;
            v->low[o++] = ' ';
            i += n + 1;
            continue;
        }
        if (!space_at(p, i, len)) {
            /* a word: read up to white space, the end of the text or the end of the head */
            in_word = true;
            v->words++;
            w = (word_shape){0};
            bool at_start = true;  /* the next byte written begins a word (also after a bracket) */
            size_t lower_run = 0;  /* lower-case letters just before */
            do {
                unsigned char c = p[i];
                if (at_start) starts[n_starts++] = (uint8_t)o, at_start = false;
                if ((unsigned)(c - 'a') < 26u) { /* most bytes: a run of lower-case letters */
                    size_t room = head - o, rest = len - i;
                    size_t run = copy_lower(p + i, rest < room ? rest : room, v->low + o);
                    if (!w.first) { /* the run is the word's when the head did not cut it */
                        w.first = 'a';
                        w.first_at = i;
                        w.run = run < room || run == rest ? run : 0;
                    }
                    o += run;
                    lower_run += run;
                    i += run;
                    continue;
                }
                if ((unsigned)(c - 'A') < 26u) {
                    if (!w.first) w.first = 'A', w.first_at = i;
                    /* a word glued to the next ("standardsDiscussion") reads as two */
                    if (lower_run >= 3 && o + 1 < head) {
                        v->low[o++] = ' ';
                        starts[n_starts++] = (uint8_t)o;
                    }
                    v->low[o++] = (char)(c | 0x20);
                    lower_run = 0;
                    i++;
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
                if (c == '"' || ((c == '`' || c == '\'') && o > 0 && v->low[o - 1] == (char)c)) v->quoted |= !nul;
                nul |= c == 0;
                v->low[o++] = (char)c;
                i++;
            } while (i < len && o < head && !space_at(p, i, len));
            if (i >= len || o >= head) break;
        }
        /* white space: one ' ' */
        size_t end = i + (p[i] == 0xc2);
        if (in_word) count_shape(v, s, end, &w);
        in_word = false;
        if (o > 0 && v->low[o - 1] != ' ') v->low[o++] = ' ';
        i = end + 1;
    }
    v->whole = i >= len && o < head;
    if (in_word) {
        size_t e = i; /* the word under way ends past the head */
        while (e < len && p[e] > ' ' && !(p[e] == 0xc2 && e + 1 < len && p[e + 1] == 0xa0)) e++;
        count_shape(v, s, e, &w);
        i = e;
    }
    v->words += pc.words;
    v->alpha += pc.words;
    v->capital += pc.capital;
    v->lower += pc.lower;
    v->commas += pc.commas;
    if (head == VIEW_MAX) count_rest(v, p, i, len, true);
    else v->words = v->alpha = VIEW_WORDS_MAX; /* long prose */
    while (o > 0 && v->low[o - 1] == ' ') o--;
    memset(v->low + o, 0, VIEW_PAD);
    v->len = o;
    while (n_starts > 0 && starts[n_starts - 1] >= o) n_starts--; /* words the trimming took */
    for (size_t k = 0; k < n_starts; k++) {
        uint64_t x = bytes_load64_le(v->low + starts[k]);
        v->starts[VIEW_START_BIT(x & 0xffffff)] = 1;
        set_bit(v->keys, VIEW_KEY_OF(x & 0xffffffffffffffULL));
    }
    v->end = view_final_mark(s, len);
}

bool view_find_at_start(const view *v, const char *needle)
{
    for (const char *hit = strstr(v->low, needle); hit; hit = strstr(hit + 1, needle))
        if (hit == v->low || hit[-1] == ' ' || hit[-1] == '(' || hit[-1] == '[') return true;
    return false;
}

bool view_may_have(const view *v, const char *needle)
{
    for (const char *space = strchr(needle, ' '); space && space[1] && space[2] && space[3]; space = strchr(space + 1, ' '))
        if (!view_may_start(v, space + 1)) return false;
    return true;
}

bool view_has(const view *v, const char *needle) { return view_may_have(v, needle) && strstr(v->low, needle) != NULL; }

bool view_find_whole_word(const view *v, const char *word)
{
    size_t n = strlen(word);
    for (const char *hit = strstr(v->low, word); hit; hit = strstr(hit + 1, word)) {
        bool start = hit == v->low || hit[-1] == ' ' || hit[-1] == '(' || hit[-1] == '[';
        if (start && (unsigned)((hit[n] | 0x20) - 'a') >= 26u) return true;
    }
    return false;
}

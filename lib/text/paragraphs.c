/* paragraphs.c — the first step of splitting sentences: a text cut into paragraphs. Blank lines,
 * indented lines, list items and headlines open paragraphs; the lines of hard-wrapped newswire are
 * joined. One pass over the text measures its layout (wrap width, usual indentation, whether
 * lines break inside sentences), keeping its first lines for the second pass, which cuts. */
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "common/bytes.h"
#include "text/abbrev.h"
#include "text/split.h"

typedef struct line {
    size_t end;     /* the '\n' ending it, or the text length */
    size_t body;    /* first byte of its content (after indentation and any list marker) */
    size_t cend;    /* end of its content (trailing white space trimmed) */
    unsigned cols;  /* display width of indentation plus content */
    unsigned indent; /* display width of the indentation (tabs to multiples of 8) */
    unsigned first; /* display width of its first word */
    bool blank;     /* nothing but white space */
    bool list;      /* starts with a list marker: - * • – — or 1. 1) (1) a) */
    unsigned item;  /* the number of a numbered list marker (2 for "2." "2)" "(2)"), 0 otherwise */
} line;

/* Length of a list marker at s[i] including the spaces after it, 0 when none. */
static size_t list_marker(const char *s, size_t len, size_t i)
{
    size_t k = i;
    unsigned char c = (unsigned char)s[k];
    if (c == '-' || c == '*' || c == '+') {
        k++;
    } else if (has3(s, len, k, 0xe2, 0x80, 0xa2) || has3(s, len, k, 0xe2, 0x80, 0x93) || has3(s, len, k, 0xe2, 0x80, 0x94) ||
               has3(s, len, k, 0xe2, 0x96, 0xaa) || has3(s, len, k, 0xe2, 0x97, 0x8f)) {
        k += 3; /* • – — ▪ ● */
    } else if (k + 1 < len && c == 0xc2 && (unsigned char)s[k + 1] == 0xb7) {
        k += 2; /* · */
    } else {
        bool paren = c == '(';
        if (paren) k++;
        size_t d = k;
        while (k < len && k - d < 3 && s[k] >= '0' && s[k] <= '9') k++;
        if (k == d && k < len && s[k] >= 'a' && s[k] <= 'z') k++; /* a) b) */
        if (k == d || k - d > 2 || k >= len) return 0;
        if (paren ? s[k] != ')' : (s[k] != ')' && (s[k] != '.' || !(s[d] >= '0' && s[d] <= '9')))) return 0;
        k++;
    }
    if (k >= len || !text_space_len(s, len, k) || s[k] == '\n') return 0;
    return skip_space(s, len, k) - i;
}

/* Skips the white space at the start of a line; *col gets its display width (tabs to multiples of 8). */
static size_t skip_indent(const char *s, size_t end, size_t i, unsigned *col)
{
    size_t n;
    while (i < end && (n = text_space_len(s, end, i))) {
        *col = s[i] == '\t' ? (*col / 8 + 1) * 8 : *col + 1;
        i += n;
    }
    return i;
}

/* Number of code points in s[from, to): the bytes that are not UTF-8 continuation bytes (10xxxxxx),
 * counted 16 bytes a step with SSE2 (a continuation byte is below -64 as a signed byte; per-byte
 * counters, summed at most every 255 steps), then 8 a step. */
static size_t count_code_points(const char *s, size_t from, size_t to)
{
    size_t n = to - from, cont = 0;
    const char *p = s + from;
#if defined(__SSE2__)
    while (n >= 16) {
        size_t steps = n / 16 < 255 ? n / 16 : 255;
        __m128i counts = _mm_setzero_si128();
        for (size_t k = 0; k < steps; k++, p += 16) {
            __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
            counts = _mm_sub_epi8(counts, _mm_cmplt_epi8(x, _mm_set1_epi8(-64)));
        }
        __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128()); /* two 16-bit sums */
        cont += (size_t)_mm_cvtsi128_si32(sums) + (size_t)_mm_extract_epi16(sums, 4);
        n -= steps * 16;
    }
#endif
    for (; n >= 8; p += 8, n -= 8) {
        uint64_t x = bytes_load64(p);
        uint64_t c = x & ~(x << 1) & BYTES_HIGHS; /* top bit set, next bit clear */
        cont += bytes_count_highs(c);
    }
    for (; n; p++, n--) cont += ((unsigned char)*p & 0xc0) == 0x80;
    return (to - from) - cont;
}

/* Reads the line starting at `start`. */
static void read_line(const char *s, size_t len, size_t start, line *ln)
{
    const char *nl = memchr(s + start, '\n', len - start);
    size_t end = nl ? (size_t)(nl - s) : len;
    ln->end = end;
    unsigned col = 0;
    size_t i = skip_indent(s, end, start, &col);
    ln->indent = col;
    ln->blank = i == end;
    ln->cend = trim_back(s, i, end);
    size_t m = ln->blank ? 0 : list_marker(s, ln->cend, i);
    ln->list = m > 0;
    ln->body = i + m;
    ln->item = 0;
    for (size_t k = i + (m && s[i] == '('); k < i + m && s[k] >= '0' && s[k] <= '9'; k++) ln->item = ln->item * 10 + (unsigned)(s[k] - '0');
    /* The first word: the code points before the first white space (its bytes, when ASCII). */
    size_t k = i;
    bool ascii = true;
    for (; k < ln->cend && !text_space_len(s, ln->cend, k); k++) ascii &= (unsigned char)s[k] < 0x80;
    ln->first = ascii ? (unsigned)(k - i) : (unsigned)count_code_points(s, i, k);
    ln->cols = col + ln->first + (unsigned)count_code_points(s, k, ln->cend);
}

/* Whether a line ends the way sentences do (. ? ! : ; or a closing quote or bracket after one). */
static bool ends_sentence(const char *s, const line *ln)
{
    size_t e = ln->cend;
    while (e > ln->body) {
        bool q;
        size_t k = e - 1;
        while (k > ln->body && ((unsigned char)s[k] & 0xc0) == 0x80) k--;
        if (!closer_len(s, e, k, &q)) break;
        e = k;
    }
    if (e == ln->body) return false;
    char c = s[e - 1];
    return c == '.' || c == '?' || c == '!' || c == ':' || c == ';' ||
           (e >= ln->body + 3 && has3(s, e, e - 3, 0xe2, 0x80, 0xa6)); /* … */
}

/* Layout of the whole text, decided before splitting. */
typedef struct layout {
    bool wrapped;         /* hard-wrapped newswire: single line breaks inside paragraphs */
    unsigned width;       /* wrap width (95th percentile of line widths); above WRAP_MAX: not wrapped */
    unsigned base_indent; /* the usual indentation; deeper lines open paragraphs */
} layout;

/* Wrapped text is at most WRAP_MAX columns wide: line widths are counted up to there. */
enum { WRAP_MAX = 120, MAX_INDENT = 32 };

/* The most common indentation (the smallest of those as common), given how many non-blank lines
 * have each (the last counts MAX_INDENT and deeper). */
static unsigned usual_indent(const size_t *counts)
{
    unsigned best = 0;
    for (unsigned k = 1; k <= MAX_INDENT; k++)
        if (counts[k] > counts[best]) best = k;
    return best;
}

/* The first lines of a text as measure() read them, so that the split reads them once. */
enum { KEPT_LINES = 128 };
typedef struct kept_lines {
    line items[KEPT_LINES];
    size_t n; /* lines kept (the text's first n) */
} kept_lines;

static void measure(const char *s, size_t len, layout *lay, kept_lines *kept)
{
    /* Widths of lines at the usual indentation only: paragraph-opening indents would inflate them.
     * That indentation is known at the end of the pass; the widths of unindented lines (most texts'
     * usual indentation) are counted on the way, the others' in a second pass if need be. */
    size_t indents[MAX_INDENT + 1] = {0};
    size_t widths[WRAP_MAX + 2] = {0}; /* the last: wider lines */
    size_t n_lines = 0, n_breaks = 0, n_open = 0, n_open_upper = 0, n_lower = 0;
    line cur = {0}, next; /* cur is read only once a first line was read (have) */
    bool have = false;
    kept->n = 0;
    for (size_t pos = 0; pos <= len;) {
        read_line(s, len, pos, &next);
        if (kept->n < KEPT_LINES) kept->items[kept->n++] = next;
        if (have && !cur.blank && !next.blank) {
            n_breaks++;
            letter_case next_case = case_at(s, len, next.body);
            if (!ends_sentence(s, &cur) && cur.cols >= 30) {
                n_open++;
                n_open_upper += next_case == CASE_UPPER;
            }
            if (next_case == CASE_LOWER && cur.cend > cur.body) {
                char c = s[cur.cend - 1];
                if ((c >= 'a' && c <= 'z') || c == ',') n_lower++;
            }
        }
        if (!next.blank) {
            indents[next.indent < MAX_INDENT ? next.indent : MAX_INDENT]++;
            if (next.indent == 0) {
                n_lines++;
                widths[next.cols <= WRAP_MAX ? next.cols : WRAP_MAX + 1]++;
            }
        }
        cur = next;
        have = true;
        pos = next.end + 1;
    }
    lay->base_indent = usual_indent(indents);
    if (lay->base_indent != 0) {
        memset(widths, 0, sizeof widths);
        n_lines = 0;
        for (size_t pos = 0, k = 0; pos <= len; pos = next.end + 1, k++) {
            if (k < kept->n) next = kept->items[k];
            else read_line(s, len, pos, &next);
            if (!next.blank && next.indent == lay->base_indent) {
                n_lines++;
                widths[next.cols <= WRAP_MAX ? next.cols : WRAP_MAX + 1]++;
            }
        }
    }
    size_t seen = 0;
    lay->width = WRAP_MAX + 1;
    for (unsigned k = 0; k <= WRAP_MAX; k++) {
        seen += widths[k];
        if (seen * 20 >= n_lines * 19) {
            lay->width = k;
            break;
        }
    }
    /* Wrapped prose breaks lines inside sentences: many lines end without a mark, and the next line
     * goes on in lower case at times and seldom with a capital (14% of such breaks in DUC 2003
     * newswire, 38% in its worst article). Lines that are sentences without marks mostly start with
     * capitals. */
    lay->wrapped = lay->width <= WRAP_MAX && n_breaks >= 2 && n_open * 3 >= n_breaks && n_lower * 10 >= n_breaks &&
                   n_open_upper * 3 <= n_open * 2;
}

/* Whether a line ends in a word that cannot end a sentence, so that the next line goes on with it:
 * a title ("and Mr.") or a lower-case article, preposition or conjunction ("at a dinner on"). */
static bool ends_open(const char *s, const line *ln)
{
    static const char *const words[] = {"a", "an", "and", "at", "by", "for", "from", "in", "of", "on",
                                        "or", "the", "to", "with"};
    size_t e = ln->cend;
    if (e > ln->body && s[e - 1] == '.') e--;
    /* a list number alone at the end of a line, its item on the next: "in order. 1.\nBlowback in Iraq" */
    size_t d = e;
    while (d > ln->body && e - d < 3 && is_digit(s[d - 1])) d--;
    if (e < ln->cend && d < e && e - d <= 2 && !(d > ln->body && is_digit(s[d - 1]))) {
        size_t b = trim_back(s, ln->body, d);
        if (b == ln->body || (b == d - 1 && s[b] == '*') || (b < d && (s[b - 1] == '.' || s[b - 1] == '?' || s[b - 1] == '!')))
            return true;
    }
    size_t k = e;
    while (k > ln->body && is_alpha(s[k - 1])) k--;
    if (k == e || (k > ln->body && !text_space_len(s, e, k - 1))) return false;
    if (e < ln->cend) return abbrev_lookup(s + k, e - k) == ABBREV_TITLE;
    return wordlist_find(words, sizeof words / sizeof *words, s + k, e - k);
}

/* Whether line b continues the paragraph of line a (b follows a, neither is blank). */
static bool joins(const char *s, size_t len, const layout *lay, const line *a, const line *b)
{
    if (b->list) return false;
    bool lower = case_at(s, len, b->body) == CASE_LOWER;
    if (ends_open(s, a)) return true;
    if (!lay->wrapped) return lower && !ends_sentence(s, a);
    if (b->indent > lay->base_indent) return false;
    /* A line that stopped well short of the wrap width although the next word would have fitted was
     * broken on purpose: a headline, a byline, the end of a paragraph. */
    bool early = a->cols + 1 + b->first + 3 <= lay->width;
    return !early || lower;
}

bool text_paragraphs(const char *s, size_t len, text_paragraph_fn each, void *ctx)
{
    layout lay;
    kept_lines kept;
    measure(s, len, &lay, &kept);
    if (len == 0) return true;
    line cur = kept.items[0], next;
    size_t para_start = 0, line_no = 0;
    unsigned para_item = 0;
    bool in_para = false;
    for (;;) {
        bool last = cur.end >= len;
        if (!last) {
            /* the same lines, in the same order, as measure() read */
            if (++line_no < kept.n) next = kept.items[line_no];
            else read_line(s, len, cur.end + 1, &next);
        }
        if (!cur.blank && !in_para) {
            para_start = cur.body;
            para_item = cur.item;
            in_para = true;
        }
        if (in_para && (last || next.blank || !joins(s, len, &lay, &cur, &next))) {
            if (!each(ctx, para_start, cur.cend, para_item)) return false;
            in_para = false;
        }
        if (last) break;
        cur = next;
    }
    return true;
}

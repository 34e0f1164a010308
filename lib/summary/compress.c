/* compress.c — shorter forms of a sentence (see compress.h). Each rule finds a byte range to cut;
 * ranges that touch a quotation or each other are left alone, so what is printed is the source's
 * own words in the source's order, and a quote is always printed whole. */
#include "summary/compress.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/bytes.h"

enum {
    MAX_QUOTES = 16,
    MAX_CUTS = COMPRESS_MAX_KEPT - 1,
    MAX_ASIDE_WORDS = 15, /* ", who chairs an all-party committee of lawmakers on human rights," */
    MAX_PAREN_WORDS = 12, /* " (National Transportation Safety Board)" */
};

typedef struct cutter {
    const char *t;
    size_t start, end;        /* the sentence without surrounding white space */
    td_span quotes[MAX_QUOTES]; /* from the opening mark to after the closing one */
    size_t n_quotes;
    td_span cuts[MAX_CUTS]; /* sorted, disjoint */
    bool aside[MAX_CUTS];   /* an aside between commas: the closing comma goes too */
    size_t n_cuts;
} cutter;

static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Length of a quote mark at i and whether it can only open (1), only close (2) or either (3); 0: none. */
static size_t quote_mark(const cutter *c, size_t i, int *kind)
{
    const char *t = c->t;
    if (t[i] == '"') return *kind = 3, 1;
    if (i + 1 < c->end && t[i] == '`' && t[i + 1] == '`') return *kind = 1, 2;
    if (i + 1 < c->end && t[i] == '\'' && t[i + 1] == '\'') return *kind = 2, 2;
    if (i + 2 < c->end && !memcmp(t + i, "\xE2\x80", 2) && (t[i + 2] == '\x9C' || t[i + 2] == '\x9D'))
        return *kind = t[i + 2] == '\x9C' ? 1 : 2, 3;
    return 0;
}

/* The quotations of the sentence; false when the marks do not pair up (a sentence from the middle
 * of a longer quote), or there are too many. */
static bool find_quotes(cutter *c)
{
    size_t open = SIZE_MAX;
    for (size_t i = c->start; i < c->end;) {
        if (i + 8 <= c->end) { /* to the first of eight bytes that may start a mark (or is not ASCII), at once */
            uint64_t may = bytes_flag_high_or3(bytes_load64_le(c->t + i), '"', '`', '\'');
            if (!may) {
                i += 8;
                continue;
            }
            i += (size_t)__builtin_ctzll(may) / 8;
        }
        char ch = c->t[i];
        if (ch != '"' && ch != '`' && ch != '\'' && ch != '\xE2') {
            i++;
            continue;
        }
        int kind;
        size_t len = quote_mark(c, i, &kind);
        if (!len) {
            i++;
            continue;
        }
        if (open == SIZE_MAX) {
            if (kind == 2) return false;
            open = i;
        } else {
            if (kind == 1) return false;
            if (c->n_quotes == MAX_QUOTES) return false;
            c->quotes[c->n_quotes++] = (td_span){open, i + len};
            open = SIZE_MAX;
        }
        i += len;
    }
    return open == SIZE_MAX;
}

static bool touches_quote(const cutter *c, size_t a, size_t b)
{
    for (size_t k = 0; k < c->n_quotes; k++)
        if (c->quotes[k].start < b && a < c->quotes[k].end) return true;
    return false;
}

/* Cuts [a, b) unless it touches a quotation or another cut. */
static bool add_cut(cutter *c, size_t a, size_t b, bool aside)
{
    if (a >= b || c->n_cuts == MAX_CUTS || touches_quote(c, a, b)) return false;
    size_t k = 0;
    while (k < c->n_cuts && c->cuts[k].end <= a) k++;
    if (k < c->n_cuts && c->cuts[k].start < b) return false;
    memmove(c->cuts + k + 1, c->cuts + k, (c->n_cuts - k) * sizeof *c->cuts);
    memmove(c->aside + k + 1, c->aside + k, (c->n_cuts - k) * sizeof *c->aside);
    c->cuts[k] = (td_span){a, b};
    c->aside[k] = aside;
    c->n_cuts++;
    return true;
}

/* A white-space separated word from *i: its bytes without trailing , ; : . in [*w, *w_end). */
static bool next_word(const cutter *c, size_t *i, size_t end, size_t *w, size_t *w_end)
{
    while (*i < end && is_blank(c->t[*i])) (*i)++;
    if (*i >= end) return false;
    *w = *i;
    while (*i < end && !is_blank(c->t[*i])) (*i)++;
    *w_end = *i;
    while (*w_end > *w && strchr(",;:.", c->t[*w_end - 1])) (*w_end)--;
    return true;
}

static bool word_in(const cutter *c, size_t w, size_t w_end, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == w_end - w && !memcmp(c->t + w, *list, w_end - w)) return true;
    return false;
}

/* " (...)" inside the sentence, not nested, short. */
static void cut_parentheses(cutter *c)
{
    for (size_t p = c->start + 1; p < c->end; p++) {
        const char *open = memchr(c->t + p, '(', c->end - p);
        if (!open) return;
        p = (size_t)(open - c->t);
        size_t q = p + 1, words = 1;
        while (q < c->end && c->t[q] != ')' && c->t[q] != '(') words += is_blank(c->t[q++]);
        if (q >= c->end || c->t[q] != ')') continue;
        if (words <= MAX_PAREN_WORDS) add_cut(c, is_blank(c->t[p - 1]) ? p - 1 : p, q + 1, false);
        p = q;
    }
}

/* The end of an aside opened by the comma at p: the next comma, or the closing full stop. */
static size_t aside_end(const cutter *c, size_t p)
{
    for (size_t q = p + 1; q + 1 < c->end; q++)
        if (c->t[q] == ',' && is_blank(c->t[q + 1])) return q; /* not "1,000" */
    return c->t[c->end - 1] == '.' ? c->end - 1 : SIZE_MAX;
}

/* ", who ...," / ", which ...," (and to the end of the sentence); ", 82," after a name. */
static void cut_asides(cutter *c)
{
    for (size_t p = c->start + 1; p + 2 < c->end; p++) {
        const char *comma = memchr(c->t + p, ',', c->end - 2 - p);
        if (!comma) return;
        p = (size_t)(comma - c->t);
        if (!is_blank(c->t[p + 1])) continue;
        size_t i = p + 1, w, w_end;
        if (!next_word(c, &i, c->end, &w, &w_end)) return;
        static const char *const relative[] = {"who", "which", NULL};
        bool rel = word_in(c, w, w_end, relative);
        bool age = w_end - w <= 3 && w_end < c->end && c->t[w_end] == ',' &&
                   p > c->start && is_alpha(c->t[p - 1]);
        for (size_t k = w; age && k < w_end; k++) age = is_digit(c->t[k]);
        if (!rel && !age) continue;
        size_t q = aside_end(c, p);
        if (q == SIZE_MAX) continue;
        size_t words = 0;
        for (size_t k = p + 1; k < q; k++) words += is_blank(c->t[k]) && !is_blank(c->t[k + 1]);
        if (words <= MAX_ASIDE_WORDS && add_cut(c, p, q, true)) p = q - 1;
    }
}

bool compress_sentence(const char *text, td_span span, unsigned rules, compression *out)
{
    cutter c; /* its arrays are filled as far as their counts say: not zeroed for every sentence */
    c.t = text;
    c.start = span.start;
    c.end = span.end;
    c.n_quotes = c.n_cuts = 0;
    while (c.start < c.end && is_blank(text[c.start])) c.start++;
    while (c.end > c.start && is_blank(text[c.end - 1])) c.end--;
    if (c.end - c.start < 2) return false;
    /* most sentences have nothing to cut: no parenthesis, no comma */
    bool paren = (rules & COMPRESS_PARENTHESIS) && memchr(text + c.start + 1, '(', c.end - c.start - 1);
    bool comma = (rules & COMPRESS_ASIDE) && memchr(text + c.start + 1, ',', c.end - c.start - 1);
    if ((!paren && !comma) || !find_quotes(&c)) return false;
    if (paren) cut_parentheses(&c);
    if (comma) cut_asides(&c);
    if (!c.n_cuts) return false;
    /* an aside takes its closing comma along ("Pinochet, 82, was held" → "Pinochet was held"),
     * unless the next cut starts there or another aside follows that stays ("Pinochet, 82, in
     * London for surgery, was held" → "Pinochet, in London for surgery, was held") */
    static const char *const aside_openers[] = {"in", "of", "at", "from", "a", "an", "the", "one", "now", NULL};
    for (size_t k = 0; k < c.n_cuts; k++) {
        size_t e = c.cuts[k].end, i = e + 1, w, w_end;
        if (!c.aside[k] || text[e] != ',' || (k + 1 < c.n_cuts && c.cuts[k + 1].start == e)) continue;
        if (next_word(&c, &i, c.end, &w, &w_end) && word_in(&c, w, w_end, aside_openers)) continue;
        c.cuts[k].end++;
    }
    out->n_kept = 0;
    size_t from = span.start;
    for (size_t k = 0; k <= c.n_cuts; k++) {
        size_t to = k < c.n_cuts ? c.cuts[k].start : span.end;
        if (to > from) out->kept[out->n_kept++] = (td_span){from, to};
        if (k < c.n_cuts) from = c.cuts[k].end;
    }
    return true;
}

char *compress_text(const char *text, const compression *c)
{
    size_t len = 0;
    for (size_t k = 0; k < c->n_kept; k++) len += c->kept[k].end - c->kept[k].start;
    char *joined = malloc(len + 1);
    if (!joined) return NULL;
    size_t at = 0;
    for (size_t k = 0; k < c->n_kept; k++) {
        memcpy(joined + at, text + c->kept[k].start, c->kept[k].end - c->kept[k].start);
        at += c->kept[k].end - c->kept[k].start;
    }
    joined[at] = '\0';
    char *out = td_sentence_text(joined, (td_span){0, at});
    free(joined);
    return out;
}

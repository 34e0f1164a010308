/* attributions.c — the same quote attributed to different speakers in different articles (a
 * spokesman in one, the foreign ministry in another), from the quote groups of td_group_quotes.
 * Each article is represented by its attributed member closest in words to the group's longest
 * quote, and two articles are compared only when their members share most of the shorter one's
 * words (groups can chain looser matches). Three or more articles that each give another speaker
 * quote a phrase in circulation ("fake news"), not a quote whose speaker is in dispute. Two attributions
 * agree when their last words (the head: "spokesman", "Hun") are the same, when every word of one
 * is in the other, when both are names that share a word, or when either article names the other's
 * speaker anywhere (it may know them under both names: "Dallas Swonger" and "Delynn"). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/error.h"
#include "compare/compare.h"

enum { MAX_WORDS = 16 };

/* The content terms of s (stopwords and punctuation left out), at most max of them, each once when
 * distinct; *name_like (when not NULL) tells whether every one is capitalised. Returns how many; ok
 * false when out of memory. */
static size_t content_terms(compare_ctx *cx, const char *s, uint32_t *terms, size_t max, bool distinct,
                            bool *name_like, bool *ok)
{
    size_t pos = 0, n = 0, len = strlen(s);
    token t;
    if (name_like) *name_like = true;
    while (n < max && token_next(s, len, &pos, &t)) {
        lex_word lw;
        if (!lexicon_word(cx->lx, s + t.start, t.end - t.start, t.kind, &lw)) {
            *ok = false;
            return 0;
        }
        if (lw.flags & (LEX_PUNCT | LEX_STOP)) continue;
        if (name_like && !isupper((unsigned char)s[t.start])) *name_like = false;
        bool seen = false;
        for (size_t i = 0; distinct && i < n && !seen; i++) seen = terms[i] == lw.term;
        if (!seen) terms[n++] = lw.term;
    }
    return n;
}

static bool contains_all(const uint32_t *small, size_t n_small, const uint32_t *big, size_t n_big)
{
    for (size_t i = 0; i < n_small; i++) {
        bool found = false;
        for (size_t j = 0; j < n_big && !found; j++) found = small[i] == big[j];
        if (!found) return false;
    }
    return true;
}

static bool same_speaker(compare_ctx *cx, const char *a, const char *b, bool *ok)
{
    uint32_t x[MAX_WORDS], y[MAX_WORDS];
    bool name_x, name_y;
    size_t nx = content_terms(cx, a, x, MAX_WORDS, false, &name_x, ok),
           ny = content_terms(cx, b, y, MAX_WORDS, false, &name_y, ok);
    if (!nx || !ny) return true; /* nothing to compare by */
    if (x[nx - 1] == y[ny - 1]) return true;
    if (contains_all(x, nx, y, ny) || contains_all(y, ny, x, nx)) return true;
    if (name_x && name_y)
        for (size_t i = 0; i < nx; i++)
            for (size_t j = 0; j < ny; j++)
                if (x[i] == y[j]) return true;
    return false;
}

/* Whether text holds word (ASCII case ignored) as a whole word. */
static bool has_word(const char *text, const char *word, size_t len)
{
    if (!len) return false;
    for (const char *p = text; *p; p++) {
        if (strncasecmp(p, word, len) != 0) continue;
        bool start = p == text || !isalnum((unsigned char)p[-1]);
        if (start && !isalnum((unsigned char)p[len])) return true;
    }
    return false;
}

/* The last word of a speaker ("spokesman" of "the foreign ministry's spokesman"), into out. */
static void head_word(const char *speaker, char *out, size_t size)
{
    size_t len = strlen(speaker), end = len;
    while (end > 0 && !isalnum((unsigned char)speaker[end - 1])) end--;
    size_t start = end;
    while (start > 0 && (isalnum((unsigned char)speaker[start - 1]) || speaker[start - 1] == '-')) start--;
    snprintf(out, size, "%.*s", (int)(end - start), speaker + start);
}

/* Whether article doc names the speaker (by its last word). */
static bool names(const compare_ctx *cx, size_t doc, const char *speaker)
{
    char head[128];
    head_word(speaker, head, sizeof head);
    return has_word(cx->cluster->docs[doc].text, head, strlen(head));
}

enum { QUOTE_TERMS = 64 };
static const double SAME_QUOTE = 0.6; /* share of the shorter quote's content words in the other */

/* Share of the shorter quote's content words that the other has, from 0 to 1; 0 when the shorter has
 * fewer than two (one shared word says little). */
static double quote_overlap(compare_ctx *cx, const char *a, const char *b, bool *ok)
{
    uint32_t x[QUOTE_TERMS], y[QUOTE_TERMS];
    size_t nx = content_terms(cx, a, x, QUOTE_TERMS, true, NULL, ok),
           ny = content_terms(cx, b, y, QUOTE_TERMS, true, NULL, ok);
    if (nx < 2 || ny < 2) return 0;
    size_t shared = 0;
    for (size_t i = 0; i < nx; i++)
        for (size_t j = 0; j < ny; j++)
            if (x[i] == y[j]) {
                shared++;
                break;
            }
    return (double)shared / (double)(nx < ny ? nx : ny);
}

/* The member of group g in article doc that stands for it: the attributed one closest to the group's
 * longest quote, when most of its content words are in that quote; else NULL. */
static const td_quote *member_of(compare_ctx *cx, const td_quote_group *g, size_t doc, bool *ok)
{
    const td_quote *longest = &cx->out->quotes[g->longest.doc]->items[g->longest.quote], *best = NULL;
    double best_overlap = -1;
    for (size_t r = 0; r < g->n_refs; r++) {
        if (g->refs[r].doc != doc) continue;
        const td_quote *q = &cx->out->quotes[doc]->items[g->refs[r].quote];
        if (!q->speaker) continue;
        double x = quote_overlap(cx, q->text, longest->text, ok);
        if (x > best_overlap) {
            best_overlap = x;
            best = q;
        }
    }
    return best_overlap >= SAME_QUOTE ? best : NULL;
}

/* One claim per article of the group: the sentence of its representative member. */
static bool group_claims(compare_ctx *cx, const td_quote_group *g, td_claim *claims, const td_quote **members,
                         size_t *n_claims)
{
    *n_claims = 0;
    for (size_t r = 0; r < g->n_refs; r++) {
        size_t doc = g->refs[r].doc;
        if (*n_claims && claims[*n_claims - 1].doc == doc) continue; /* members come in article order */
        bool ok = true;
        const td_quote *q = member_of(cx, g, doc, &ok);
        if (!ok) return false;
        if (!q) continue;
        members[*n_claims] = q;
        char value[512];
        if (q->role) snprintf(value, sizeof value, "%s (%s)", q->speaker, q->role);
        else snprintf(value, sizeof value, "%s", q->speaker);
        const sentence *s = compare_sentence_at(&cx->m, doc, q->start);
        td_span span = s ? s->span : (td_span){q->start, q->end};
        if (!compare_claim_span(cx, doc, span, value, &claims[(*n_claims)++])) return false;
    }
    return true;
}

td_status attributions_compare(compare_ctx *cx, td_error *err)
{
    const td_quote_groups *groups = cx->out->quote_groups;
    size_t n_docs = cx->out->n_docs ? cx->out->n_docs : 1;
    td_claim *claims = malloc(n_docs * sizeof *claims);
    const td_quote **members = malloc(n_docs * sizeof *members);
    bool ok = claims && members;
    for (size_t i = 0; ok && i < groups->n; i++) {
        const td_quote_group *g = &groups->items[i];
        size_t n = 0;
        if (g->n_docs < 2 || !(ok = group_claims(cx, g, claims, members, &n)) || n < 2) continue;
        bool differ = false;
        for (size_t a = 0; a < n && !differ && ok; a++)
            for (size_t b = a + 1; b < n && !differ && ok; b++)
                differ = quote_overlap(cx, members[a]->text, members[b]->text, &ok) >= SAME_QUOTE &&
                         !same_speaker(cx, members[a]->speaker, members[b]->speaker, &ok) &&
                         !names(cx, claims[a].doc, members[b]->speaker) && !names(cx, claims[b].doc, members[a]->speaker);
        /* three or more articles, each with its own speaker: a phrase in circulation ("fake news"), not a
         * quote whose speaker is in dispute */
        size_t agreeing = 0;
        for (size_t a = 0; a < n && ok; a++)
            for (size_t b = a + 1; b < n && ok; b++) agreeing += same_speaker(cx, members[a]->speaker, members[b]->speaker, &ok);
        if (n >= 3 && !agreeing) differ = false;
        if (!differ || !ok) continue;
        const td_quote *shown = members[0]; /* the words all of them carry: the shortest member */
        for (size_t k = 1; k < n; k++)
            if (strlen(members[k]->text) < strlen(shown->text)) shown = members[k];
        char about[300];
        size_t len = strlen(shown->text);
        if (len > 80) { /* cut at a word boundary, keeping UTF-8 whole */
            len = 80;
            while (len > 0 && shown->text[len] != ' ') len--;
        }
        snprintf(about, sizeof about, "who said \u201c%.*s%s\u201d", (int)len, shown->text,
                 len < strlen(shown->text) ? "\u2026" : "");
        ok = compare_add_disagreement(cx, TD_DISAGREE_SPEAKER, about, claims, n);
    }
    free(claims);
    free(members);
    return ok ? TD_OK : error_nomem(err);
}

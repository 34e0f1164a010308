/* attributions.c — the same quote attributed to different speakers in different articles (a
 * spokesman in one, the foreign ministry in another), from the quote groups of td_group_quotes.
 * Two attributions agree when their last words (the head: "spokesman", "Hun") are the same, when
 * every word of one is in the other, or when both are names that share a word. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "compare/compare.h"

enum { MAX_WORDS = 16 };

/* The folded words of a speaker; returns how many (at most MAX_WORDS), ok false when out of memory. */
static size_t speaker_words(compare_ctx *cx, const char *s, uint32_t *terms, bool *name_like, bool *ok)
{
    size_t pos = 0, n = 0, len = strlen(s);
    token t;
    *name_like = true;
    while (n < MAX_WORDS && token_next(s, len, &pos, &t)) {
        lex_word lw;
        if (!lexicon_word(cx->lx, s + t.start, t.end - t.start, t.kind, &lw)) {
            *ok = false;
            return 0;
        }
        if (lw.flags & (LEX_PUNCT | LEX_STOP)) continue;
        if (!isupper((unsigned char)s[t.start])) *name_like = false;
        terms[n++] = lw.term;
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
    size_t nx = speaker_words(cx, a, x, &name_x, ok), ny = speaker_words(cx, b, y, &name_y, ok);
    if (!nx || !ny) return true; /* nothing to compare by */
    if (x[nx - 1] == y[ny - 1]) return true;
    if (contains_all(x, nx, y, ny) || contains_all(y, ny, x, nx)) return true;
    if (name_x && name_y)
        for (size_t i = 0; i < nx; i++)
            for (size_t j = 0; j < ny; j++)
                if (x[i] == y[j]) return true;
    return false;
}

/* One claim per article of the group: the sentence of its first attributed member. */
static bool group_claims(compare_ctx *cx, const td_quote_group *g, td_claim *claims, size_t *n_claims)
{
    *n_claims = 0;
    for (size_t r = 0; r < g->n_refs; r++) {
        const td_quote *q = &cx->out->quotes[g->refs[r].doc]->items[g->refs[r].quote];
        size_t doc = g->refs[r].doc;
        bool have = false;
        for (size_t c = 0; c < *n_claims; c++) have |= claims[c].doc == doc;
        if (have || !q->speaker) continue;
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
    td_claim *claims = malloc((cx->out->n_docs ? cx->out->n_docs : 1) * sizeof *claims);
    bool ok = claims != NULL;
    for (size_t i = 0; ok && i < groups->n; i++) {
        const td_quote_group *g = &groups->items[i];
        size_t n = 0;
        if (g->n_docs < 2 || !(ok = group_claims(cx, g, claims, &n)) || n < 2) continue;
        bool differ = false;
        for (size_t a = 0; a < n && !differ && ok; a++)
            for (size_t b = a + 1; b < n && !differ && ok; b++) {
                const td_quote *qa = NULL, *qb = NULL;
                for (size_t r = 0; r < g->n_refs; r++) {
                    const td_quote *q = &cx->out->quotes[g->refs[r].doc]->items[g->refs[r].quote];
                    if (!q->speaker) continue;
                    if (!qa && g->refs[r].doc == claims[a].doc) qa = q;
                    if (!qb && g->refs[r].doc == claims[b].doc) qb = q;
                }
                differ = !same_speaker(cx, qa->speaker, qb->speaker, &ok);
            }
        if (!differ || !ok) continue;
        const td_quote *shown = &cx->out->quotes[g->longest.doc]->items[g->longest.quote];
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
    return ok ? TD_OK : error_nomem(err);
}

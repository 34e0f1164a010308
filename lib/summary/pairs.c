/* pairs.c — every pair of sentences sharing a content term, with the terms' statistics (see
 * pairs.h). Sentence i meets only the later sentences found in the lists of its own terms. */
#include "summary/pairs.h"

#include <stdlib.h>

#include "common/sort.h"

/* A sentence holding a term, and how many times. */
typedef struct posting {
    uint32_t sentence;
    uint32_t count;
} posting;

/* The sentences of each term: posts[start[t] .. start[t + 1]), in sentence order. */
typedef struct term_index {
    size_t *start;
    posting *posts;
} term_index;

static bool index_make(term_index *x, const model *m)
{
    x->start = calloc(m->n_terms + 1, sizeof *x->start);
    size_t total = 0;
    for (size_t i = 0; x->start && i < m->sents.len; i++) {
        const sentence *s = &m->sents.items[i];
        const uint32_t *t = sentence_terms(m, s);
        for (size_t k = 0; k < s->n_terms; k++)
            if (k == 0 || t[k] != t[k - 1]) x->start[t[k] + 1]++, total++;
    }
    x->posts = malloc((total ? total : 1) * sizeof *x->posts);
    size_t *fill = malloc((m->n_terms ? m->n_terms : 1) * sizeof *fill);
    if (!x->start || !x->posts || !fill) {
        free(fill);
        return false;
    }
    for (size_t t = 0; t < m->n_terms; t++) x->start[t + 1] += x->start[t];
    for (size_t t = 0; t < m->n_terms; t++) fill[t] = x->start[t];
    for (size_t i = 0; i < m->sents.len; i++) {
        const sentence *s = &m->sents.items[i];
        const uint32_t *t = sentence_terms(m, s);
        for (size_t k = 0; k < s->n_terms;) {
            size_t run = k;
            while (k < s->n_terms && t[k] == t[run]) k++;
            x->posts[fill[t[run]]++] = (posting){(uint32_t)i, (uint32_t)(k - run)};
        }
    }
    free(fill);
    return true;
}

bool sentence_pairs(const model *m, const double *weight, pair_fn fn, void *ctx)
{
    size_t n = m->sents.len;
    if (n > UINT32_MAX) return false;
    term_index x = {0};
    size_t *next = malloc((m->n_terms ? m->n_terms : 1) * sizeof *next); /* a term's first post not yet passed */
    double *dot = calloc(n ? n : 1, sizeof *dot);
    size_t *shared = calloc(n ? n : 1, sizeof *shared);
    uint32_t *met = malloc((n ? n : 1) * sizeof *met); /* the sentences i shares a term with */
    bool ok = index_make(&x, m) && next && dot && shared && met;
    for (size_t t = 0; ok && t < m->n_terms; t++) next[t] = x.start[t];
    for (size_t i = 0; ok && i < n; i++) {
        const sentence *s = &m->sents.items[i];
        const uint32_t *t = sentence_terms(m, s);
        size_t n_met = 0;
        for (size_t k = 0; k < s->n_terms;) {
            uint32_t term = t[k];
            size_t ca = 0;
            while (k < s->n_terms && t[k] == term) k++, ca++;
            double w = weight ? weight[term] : 1.0;
            /* posts before next[term] are sentences before i; next[term] is i itself */
            for (size_t e = ++next[term]; e < x.start[term + 1]; e++) {
                uint32_t j = x.posts[e].sentence;
                if (!shared[j]) met[n_met++] = j;
                shared[j]++;
                dot[j] += (double)ca * (double)x.posts[e].count * w * w; /* as sentence_shared sums */
            }
        }
        /* j ascending: sorted when few, else read off in order (a pass over the later sentences) */
        if (n_met * 16 < n - i) {
            sort_u32(met, n_met);
        } else {
            n_met = 0;
            for (size_t j = i + 1; j < n; j++)
                if (shared[j]) met[n_met++] = (uint32_t)j;
        }
        for (size_t k = 0; k < n_met; k++) {
            uint32_t j = met[k];
            ok = ok && fn(ctx, (uint32_t)i, j, shared[j], dot[j]);
            dot[j] = 0;
            shared[j] = 0;
        }
    }
    free(x.start);
    free(x.posts);
    free(next);
    free(dot);
    free(shared);
    free(met);
    return ok;
}

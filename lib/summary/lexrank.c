/* lexrank.c — LexRank (Erkan & Radev 2004): centrality in the graph of sentences whose tf-isf
 * cosine is at least 0.1, by a random walk with damping 0.85; chosen in rank order, repeats out.
 * The dot products come from an index of the sentences of each term, so only pairs that share a
 * term are visited; each pair's sum runs over the shared terms in ascending order, as
 * sentence_shared's does, so every cosine is the same to the bit. The walk gets the edges, never
 * an n×n matrix. */
#include "summary/methods.h"

#include <stdlib.h>

static const double LEXRANK_THRESHOLD = 0.1;
static const double LEXRANK_DAMPING = 0.85;
static const double LEXRANK_MAX_SIMILARITY = 0.5;

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

static void index_free(term_index *x)
{
    free(x->start);
    free(x->posts);
}

typedef VEC(uint64_t) pair_list;

/* The pairs (i < j) of sentences whose cosine reaches the threshold, i ascending, into *pairs as
 * i << 32 | j. */
static bool similar_pairs(const model *m, const double *isf, const double *norm2, pair_list *pairs)
{
    size_t n = m->sents.len;
    term_index x = {0};
    size_t *next = malloc((m->n_terms ? m->n_terms : 1) * sizeof *next); /* a term's first post not yet passed */
    double *dot = calloc(n ? n : 1, sizeof *dot);
    uint32_t *touched = malloc((n ? n : 1) * sizeof *touched);
    size_t *seen = calloc(n ? n : 1, sizeof *seen); /* i + 1 when sentence j has a dot with i */
    bool ok = index_make(&x, m) && next && dot && touched && seen;
    for (size_t t = 0; ok && t < m->n_terms; t++) next[t] = x.start[t];
    for (size_t i = 0; ok && i < n; i++) {
        const sentence *s = &m->sents.items[i];
        const uint32_t *t = sentence_terms(m, s);
        size_t n_touched = 0;
        for (size_t k = 0; k < s->n_terms;) {
            uint32_t term = t[k];
            size_t ca = 0;
            while (k < s->n_terms && t[k] == term) k++, ca++;
            double wt = isf[term];
            /* posts before next[term] are sentences before i; next[term] is i itself */
            for (size_t e = ++next[term]; e < x.start[term + 1]; e++) {
                uint32_t j = x.posts[e].sentence;
                if (seen[j] != i + 1) seen[j] = i + 1, touched[n_touched++] = j;
                dot[j] += (double)ca * (double)x.posts[e].count * wt * wt;
            }
        }
        for (size_t k = 0; ok && k < n_touched; k++) {
            uint32_t j = touched[k];
            if (cosine_of(dot[j], norm2[i], norm2[j]) >= LEXRANK_THRESHOLD) ok = vec_push(pairs, (uint64_t)i << 32 | j);
            dot[j] = 0;
        }
    }
    index_free(&x);
    free(next);
    free(dot);
    free(touched);
    free(seen);
    return ok;
}

/* The graph of the similar pairs, each an edge of weight 1 both ways. */
static bool graph_of_pairs(graph *g, size_t n, const uint64_t *pairs, size_t n_pairs)
{
    g->start = calloc(n + 1, sizeof *g->start);
    g->column = malloc((n_pairs ? 2 * n_pairs : 1) * sizeof *g->column);
    g->value = malloc((n_pairs ? 2 * n_pairs : 1) * sizeof *g->value);
    size_t *fill = malloc((n ? n : 1) * sizeof *fill);
    bool ok = g->start && g->column && g->value && fill;
    for (size_t k = 0; ok && k < n_pairs; k++) {
        g->start[(pairs[k] >> 32) + 1]++;
        g->start[(pairs[k] & 0xffffffffu) + 1]++;
    }
    for (size_t i = 0; ok && i < n; i++) {
        g->start[i + 1] += g->start[i];
        fill[i] = g->start[i];
    }
    for (size_t k = 0; ok && k < n_pairs; k++) {
        uint32_t i = (uint32_t)(pairs[k] >> 32), j = (uint32_t)pairs[k];
        g->column[fill[i]] = j, g->value[fill[i]++] = 1;
        g->column[fill[j]] = i, g->value[fill[j]++] = 1;
    }
    free(fill);
    return ok;
}

bool method_lexrank(const model *m, const budget *limit, double *score, index_list *chosen)
{
    size_t n = m->sents.len;
    if (n > UINT32_MAX) return false;
    double *isf = term_isf(m);
    double *norm2 = malloc((n ? n : 1) * sizeof *norm2); /* each sentence's squared norm, once */
    pair_list pairs = {0};
    graph g = {0};
    bool ok = isf && norm2;
    for (size_t i = 0; ok && i < n; i++) norm2[i] = sentence_norm2(m, &m->sents.items[i], isf);
    ok = ok && similar_pairs(m, isf, norm2, &pairs) && graph_of_pairs(&g, n, pairs.items, pairs.len);
    ok = ok && graph_rank_edges(&g, n, LEXRANK_DAMPING, score);
    ok = ok && select_by_score(m, score, limit, LEXRANK_MAX_SIMILARITY, chosen);
    free(isf);
    free(norm2);
    vec_free(&pairs);
    graph_free(&g);
    return ok;
}

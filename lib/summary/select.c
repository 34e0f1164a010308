/* select.c — greedy choice in score order under the budget, and sentence similarity. */
#include "summary/select.h"

#include <math.h>
#include <stdlib.h>

size_t sentence_shared(const model *m, const sentence *a, const sentence *b, const double *weight, double *dot)
{
    const uint32_t *x = sentence_terms(m, a), *y = sentence_terms(m, b);
    size_t i = 0, j = 0, shared = 0;
    double sum = 0;
    while (i < a->n_terms && j < b->n_terms) {
        if (x[i] < y[j]) {
            i++;
        } else if (x[i] > y[j]) {
            j++;
        } else {
            uint32_t t = x[i];
            size_t ca = 0, cb = 0;
            while (i < a->n_terms && x[i] == t) i++, ca++;
            while (j < b->n_terms && y[j] == t) j++, cb++;
            double w = weight ? weight[t] : 1.0;
            sum += (double)ca * (double)cb * w * w;
            shared++;
        }
    }
    if (dot) *dot = sum;
    return shared;
}

static double weighted_dot(const model *m, const sentence *a, const sentence *b, const double *weight)
{
    double dot;
    sentence_shared(m, a, b, weight, &dot);
    return dot;
}

double sentence_norm2(const model *m, const sentence *s, const double *weight) { return weighted_dot(m, s, s, weight); }

double sentence_cosine(const model *m, const sentence *a, const sentence *b, const double *weight)
{
    return cosine_of(weighted_dot(m, a, b, weight), sentence_norm2(m, a, weight), sentence_norm2(m, b, weight));
}

double *term_isf(const model *m)
{
    double *isf = calloc(m->n_terms ? m->n_terms : 1, sizeof *isf);
    if (!isf) return NULL;
    for (size_t i = 0; i < m->sents.len; i++) {
        const sentence *s = &m->sents.items[i];
        const uint32_t *t = sentence_terms(m, s);
        for (size_t k = 0; k < s->n_terms; k++)
            if (k == 0 || t[k] != t[k - 1]) isf[t[k]] += 1;
    }
    double n = (double)m->sents.len;
    for (size_t t = 0; t < m->n_terms; t++) isf[t] = isf[t] > 0 ? log(n / isf[t]) : 0;
    return isf;
}

typedef struct ranked {
    double score;
    uint32_t index;
} ranked;

static int cmp_ranked(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->score != y->score) return x->score < y->score ? 1 : -1;
    return (x->index > y->index) - (x->index < y->index);
}

bool select_by_score(const model *m, const double *score, const budget *limit, double max_similarity,
                     index_list *chosen)
{
    ranked *order = malloc((m->sents.len ? m->sents.len : 1) * sizeof *order);
    if (!order) return false;
    size_t n = 0;
    for (size_t i = 0; i < m->sents.len; i++)
        if (m->sents.items[i].usable) order[n++] = (ranked){score[i], (uint32_t)i};
    qsort(order, n, sizeof *order, cmp_ranked);
    budget used = {0};
    bool ok = true;
    for (size_t k = 0; k < n && ok; k++) {
        const sentence *s = &m->sents.items[order[k].index];
        if (!budget_fits(limit, &used, s)) continue;
        bool repeat = false;
        for (size_t c = 0; c < chosen->len && !repeat; c++)
            repeat = sentence_cosine(m, s, &m->sents.items[chosen->items[c]], NULL) > max_similarity;
        if (repeat) continue;
        ok = vec_push(chosen, order[k].index);
        budget_take(&used, s);
    }
    free(order);
    return ok;
}

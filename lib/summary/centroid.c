/* centroid.c — the centroid method of MEAD (Radev et al. 2004): a sentence scores the centroid
 * weight of its distinct terms (mean tf-isf over the articles), plus a position score that gives
 * an article's first sentence as much as the best centroid score; chosen in score order, repeats out. */
#include "summary/methods.h"

#include <stdlib.h>

static const double CENTROID_MAX_SIMILARITY = 0.5;

bool method_centroid(const model *m, const budget *limit, double *score, index_list *chosen)
{
    size_t n = m->sents.len;
    double *isf = term_isf(m);
    double *centroid = calloc(m->n_terms ? m->n_terms : 1, sizeof *centroid);
    if (!isf || !centroid) {
        free(isf);
        free(centroid);
        return false;
    }
    double n_docs = m->cluster->n_docs ? (double)m->cluster->n_docs : 1;
    for (size_t i = 0; i < n; i++) {
        const sentence *s = &m->sents.items[i];
        if (s->debris) continue;
        const uint32_t *t = sentence_terms(m, s);
        for (size_t k = 0; k < s->n_terms; k++) centroid[t[k]] += isf[t[k]] / n_docs;
    }
    double best = 0;
    for (size_t i = 0; i < n; i++) {
        const sentence *s = &m->sents.items[i];
        const uint32_t *t = sentence_terms(m, s);
        double c = 0;
        for (size_t k = 0; k < s->n_terms; k++)
            if (k == 0 || t[k] != t[k - 1]) c += centroid[t[k]];
        score[i] = c;
        if (s->usable && c > best) best = c;
    }
    for (size_t i = 0; i < n; i++) {
        const sentence *s = &m->sents.items[i];
        score[i] += best * (double)(s->n_in_doc - s->index) / (double)s->n_in_doc;
    }
    bool ok = select_by_score(m, score, limit, CENTROID_MAX_SIMILARITY, chosen);
    free(isf);
    free(centroid);
    return ok;
}

/* textrank.c — TextRank (Mihalcea & Tarau 2004): PageRank (damping 0.85) over sentences linked by
 * content-word overlap normalised by log lengths; chosen in rank order, repeats out. */
#include "summary/methods.h"

#include <math.h>
#include <stdlib.h>

static const double TEXTRANK_DAMPING = 0.85;
static const double TEXTRANK_MAX_SIMILARITY = 0.5;

bool method_textrank(const model *m, const budget *limit, double *score, index_list *chosen)
{
    size_t n = m->sents.len;
    double *w = calloc(n ? n * n : 1, sizeof *w);
    if (!w) return false;
    for (size_t i = 0; i < n; i++) {
        const sentence *a = &m->sents.items[i];
        for (size_t j = i + 1; j < n; j++) {
            const sentence *b = &m->sents.items[j];
            if (a->n_terms < 2 || b->n_terms < 2) continue;
            double norm = log((double)a->n_terms) + log((double)b->n_terms);
            double sim = (double)sentence_shared(m, a, b, NULL, NULL) / norm;
            w[i * n + j] = w[j * n + i] = sim;
        }
    }
    bool ok = graph_rank(w, n, TEXTRANK_DAMPING, score) &&
              select_by_score(m, score, limit, TEXTRANK_MAX_SIMILARITY, chosen);
    free(w);
    return ok;
}

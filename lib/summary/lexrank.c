/* lexrank.c — LexRank (Erkan & Radev 2004): centrality in the graph of sentences whose tf-isf
 * cosine is at least 0.1, by a random walk with damping 0.85; chosen in rank order, repeats out. */
#include "summary/methods.h"

#include <stdlib.h>

static const double LEXRANK_THRESHOLD = 0.1;
static const double LEXRANK_DAMPING = 0.85;
static const double LEXRANK_MAX_SIMILARITY = 0.5;

bool method_lexrank(const model *m, const budget *limit, double *score, index_list *chosen)
{
    size_t n = m->sents.len;
    double *isf = term_isf(m);
    double *w = calloc(n ? n * n : 1, sizeof *w);
    double *norm2 = malloc((n ? n : 1) * sizeof *norm2); /* each sentence's squared norm, once */
    bool ok = isf && w && norm2;
    for (size_t i = 0; ok && i < n; i++) norm2[i] = sentence_norm2(m, &m->sents.items[i], isf);
    for (size_t i = 0; ok && i < n; i++) {
        for (size_t j = i + 1; j < n; j++) {
            double dot;
            sentence_shared(m, &m->sents.items[i], &m->sents.items[j], isf, &dot);
            if (cosine_of(dot, norm2[i], norm2[j]) >= LEXRANK_THRESHOLD) w[i * n + j] = w[j * n + i] = 1;
        }
    }
    ok = ok && graph_rank(w, n, LEXRANK_DAMPING, score);
    ok = ok && select_by_score(m, score, limit, LEXRANK_MAX_SIMILARITY, chosen);
    free(isf);
    free(w);
    free(norm2);
    return ok;
}

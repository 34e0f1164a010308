/* textrank.c — TextRank (Mihalcea & Tarau 2004): PageRank (damping 0.85) over sentences linked by
 * content-word overlap normalised by log lengths; chosen in rank order, repeats out. Only pairs
 * that share a word are linked, and only those are visited (sentence_pairs). */
#include "summary/methods.h"
#include "summary/pairs.h"

#include <math.h>
#include <stdlib.h>

static const double TEXTRANK_DAMPING = 0.85;
static const double TEXTRANK_MAX_SIMILARITY = 0.5;

typedef struct linker {
    const model *m;
    VEC(graph_pair) edges;
} linker;

static bool link_overlapping(void *ctx, uint32_t i, uint32_t j, size_t shared, double dot)
{
    (void)dot;
    linker *l = ctx;
    const sentence *a = &l->m->sents.items[i], *b = &l->m->sents.items[j];
    if (a->n_terms < 2 || b->n_terms < 2) return true;
    double norm = log((double)a->n_terms) + log((double)b->n_terms);
    return vec_push(&l->edges, ((graph_pair){i, j, (double)shared / norm}));
}

bool method_textrank(const model *m, const budget *limit, double *score, index_list *chosen)
{
    linker l = {m, {0}};
    graph g = {0};
    bool ok = sentence_pairs(m, NULL, link_overlapping, &l) && graph_of_pairs(&g, m->sents.len, l.edges.items, l.edges.len) &&
              graph_rank_edges(&g, m->sents.len, TEXTRANK_DAMPING, score) &&
              select_by_score(m, score, limit, TEXTRANK_MAX_SIMILARITY, chosen);
    vec_free(&l.edges);
    graph_free(&g);
    return ok;
}

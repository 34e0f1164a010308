/* lexrank.c — LexRank (Erkan & Radev 2004): centrality in the graph of sentences whose tf-isf
 * cosine is at least 0.1, by a random walk with damping 0.85; chosen in rank order, repeats out.
 * Only pairs that share a term can be linked, and only those are visited (sentence_pairs), with
 * the very dot products of sentence_shared; the walk gets the edges, never an n×n matrix. */
#include "summary/methods.h"
#include "summary/pairs.h"

#include <stdlib.h>

static const double LEXRANK_THRESHOLD = 0.1;
static const double LEXRANK_DAMPING = 0.85;
static const double LEXRANK_MAX_SIMILARITY = 0.5;

typedef struct linker {
    const double *norm2; /* each sentence's squared norm */
    VEC(graph_pair) edges;
} linker;

static bool link_similar(void *ctx, uint32_t i, uint32_t j, size_t shared, double dot)
{
    (void)shared;
    linker *l = ctx;
    if (cosine_of(dot, l->norm2[i], l->norm2[j]) < LEXRANK_THRESHOLD) return true;
    return vec_push(&l->edges, ((graph_pair){i, j, 1}));
}

bool method_lexrank(const model *m, const budget *limit, double *score, index_list *chosen)
{
    size_t n = m->sents.len;
    double *isf = term_isf(m);
    double *norm2 = malloc((n ? n : 1) * sizeof *norm2);
    linker l = {norm2, {0}};
    graph g = {0};
    bool ok = isf && norm2;
    for (size_t i = 0; ok && i < n; i++) norm2[i] = sentence_norm2(m, &m->sents.items[i], isf);
    ok = ok && sentence_pairs(m, isf, link_similar, &l) && graph_of_pairs(&g, n, l.edges.items, l.edges.len);
    ok = ok && graph_rank_edges(&g, n, LEXRANK_DAMPING, score);
    ok = ok && select_by_score(m, score, limit, LEXRANK_MAX_SIMILARITY, chosen);
    free(isf);
    free(norm2);
    vec_free(&l.edges);
    graph_free(&g);
    return ok;
}

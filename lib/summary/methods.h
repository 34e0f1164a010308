/* methods.h — the summary methods. Each fills score[i] for every sentence of the model (higher is
 * better) and appends the indexes of the sentences it chooses under the budget, in any order. */
#ifndef TD_METHODS_H
#define TD_METHODS_H
#include "summary/select.h"

typedef bool (*method_fn)(const model *m, const budget *limit, double *score, index_list *chosen);

bool method_concepts(const model *m, const budget *limit, double *score, index_list *chosen);
bool method_ilp(const model *m, const budget *limit, double *score, index_list *chosen);
bool method_lead(const model *m, const budget *limit, double *score, index_list *chosen);
bool method_centroid(const model *m, const budget *limit, double *score, index_list *chosen);
bool method_lexrank(const model *m, const budget *limit, double *score, index_list *chosen);
bool method_textrank(const model *m, const budget *limit, double *score, index_list *chosen);

/* Stationary distribution of a random walk with teleport probability 1-damping over a row-normalised
 * n×n weight matrix (rows of zeros jump anywhere); written to rank. False when out of memory. */
bool graph_rank(const double *weight, size_t n, double damping, double *rank);

/* The non-zero weights of an n×n matrix by row: row i's are value[start[i] .. start[i + 1]), in
 * columns column[...] (any order within a row when its weights are all 1). */
typedef struct graph {
    size_t *start; /* n + 1 offsets */
    uint32_t *column;
    double *value;
} graph;

/* graph_rank over a graph given by its non-zero weights: the same ranks, without an n×n matrix. */
bool graph_rank_edges(const graph *g, size_t n, double damping, double *rank);
void graph_free(graph *g);

/* An edge of weight w between i < j, both ways. */
typedef struct graph_pair {
    uint32_t i, j;
    double w;
} graph_pair;

/* The graph of n nodes with these edges, given with i ascending and j ascending for each i: then
 * every row lists its columns in ascending order, as graph_rank reads a matrix. */
bool graph_of_pairs(graph *g, size_t n, const graph_pair *pairs, size_t n_pairs);

#endif

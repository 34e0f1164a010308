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

#endif

/* coverage_ilp.h — exact concept coverage over a candidate set (GLPK), improving a greedy choice. */
#ifndef TD_COVERAGE_ILP_H
#define TD_COVERAGE_ILP_H
#include "summary/select.h"

/* Chooses among the candidate sentences the set that covers the most concept weight within the
 * budget, starting from the sentences in *chosen (which must fit and be candidates) and stopping
 * after max_nodes branch-and-bound nodes. *chosen is replaced, and *improved set, only when the
 * solver's best covers strictly more than the start. False when out of memory. */
bool coverage_ilp(const model *m, const double *weight, const budget *limit, const uint32_t *candidates,
                  size_t n_cand, int max_nodes, index_list *chosen, bool *improved);

#endif

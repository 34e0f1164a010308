/* graph.c — the random walk behind LexRank and TextRank (power iteration). */
#include "summary/methods.h"

#include <math.h>
#include <stdlib.h>

enum { RANK_MAX_ITERATIONS = 200 };
static const double RANK_EPSILON = 1e-7;

bool graph_rank(const double *weight, size_t n, double damping, double *rank)
{
    if (n == 0) return true;
    double *row_sum = malloc(n * sizeof *row_sum);
    double *next = malloc(n * sizeof *next);
    if (!row_sum || !next) {
        free(row_sum);
        free(next);
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        row_sum[i] = 0;
        for (size_t j = 0; j < n; j++) row_sum[i] += weight[i * n + j];
        rank[i] = 1.0 / (double)n;
    }
    for (int it = 0; it < RANK_MAX_ITERATIONS; it++) {
        double dangling = 0; /* mass of sentences with no edges, spread evenly */
        for (size_t i = 0; i < n; i++)
            if (row_sum[i] <= 0) dangling += rank[i];
        for (size_t j = 0; j < n; j++) next[j] = (1 - damping) / (double)n + damping * dangling / (double)n;
        for (size_t i = 0; i < n; i++) {
            if (row_sum[i] <= 0) continue;
            double share = damping * rank[i] / row_sum[i];
            const double *w = weight + i * n;
            for (size_t j = 0; j < n; j++) next[j] += share * w[j];
        }
        double delta = 0;
        for (size_t i = 0; i < n; i++) {
            delta += fabs(next[i] - rank[i]);
            rank[i] = next[i];
        }
        if (delta < RANK_EPSILON) break;
    }
    free(row_sum);
    free(next);
    return true;
}

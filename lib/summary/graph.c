/* graph.c — the random walk behind LexRank and TextRank (power iteration). The walk reads each
 * row's non-zero weights only (a LexRank graph has a few edges per sentence, not n): skipping a
 * zero changes no sum (x + 0 is x), and each rank still receives its shares row by row in
 * ascending order, so the ranks are bit for bit those of the walk over the dense matrix, in
 * O(edges) instead of O(n²) per iteration. */
#include "summary/methods.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

enum { RANK_MAX_ITERATIONS = 200 };
static const double RANK_EPSILON = 1e-7;

/* The non-zero weights of the dense matrix, row by row, in ascending columns. */
static bool graph_of(graph *g, const double *weight, size_t n)
{
    size_t edges = 0;
    for (size_t k = 0; k < n * n; k++) edges += weight[k] != 0;
    g->start = malloc((n + 1) * sizeof *g->start);
    g->column = malloc((edges ? edges : 1) * sizeof *g->column);
    g->value = malloc((edges ? edges : 1) * sizeof *g->value);
    if (!g->start || !g->column || !g->value) return false;
    size_t e = 0;
    for (size_t i = 0; i < n; i++) {
        g->start[i] = e;
        const double *w = weight + i * n;
        for (size_t j = 0; j < n; j++) {
            if (w[j] == 0) continue;
            g->column[e] = (uint32_t)j;
            g->value[e++] = w[j];
        }
    }
    g->start[n] = e;
    return true;
}

bool graph_of_pairs(graph *g, size_t n, const graph_pair *pairs, size_t n_pairs)
{
    g->start = calloc(n + 1, sizeof *g->start);
    g->column = malloc((n_pairs ? 2 * n_pairs : 1) * sizeof *g->column);
    g->value = malloc((n_pairs ? 2 * n_pairs : 1) * sizeof *g->value);
    size_t *fill = malloc((n ? n : 1) * sizeof *fill);
    bool ok = g->start && g->column && g->value && fill;
    for (size_t k = 0; ok && k < n_pairs; k++) g->start[pairs[k].i + 1]++, g->start[pairs[k].j + 1]++;
    for (size_t i = 0; ok && i < n; i++) {
        g->start[i + 1] += g->start[i];
        fill[i] = g->start[i];
    }
    /* row r gets its columns below r from earlier pairs (i ascending), then those above r from
     * its own pairs (j ascending): ascending throughout */
    for (size_t k = 0; ok && k < n_pairs; k++) {
        const graph_pair *p = &pairs[k];
        g->column[fill[p->i]] = p->j, g->value[fill[p->i]++] = p->w;
        g->column[fill[p->j]] = p->i, g->value[fill[p->j]++] = p->w;
    }
    free(fill);
    return ok;
}

void graph_free(graph *g)
{
    free(g->start);
    free(g->column);
    free(g->value);
}

bool graph_rank(const double *weight, size_t n, double damping, double *rank)
{
    if (n == 0) return true;
    if (n > UINT32_MAX) return false;
    graph g = {0};
    bool ok = graph_of(&g, weight, n) && graph_rank_edges(&g, n, damping, rank);
    graph_free(&g);
    return ok;
}

bool graph_rank_edges(const graph *g, size_t n, double damping, double *rank)
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
        for (size_t e = g->start[i]; e < g->start[i + 1]; e++) row_sum[i] += g->value[e];
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
            for (size_t e = g->start[i]; e < g->start[i + 1]; e++) next[g->column[e]] += share * g->value[e];
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

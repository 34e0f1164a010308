/* pairs.h — the pairs of sentences that share a content term, found through an index of each
 * term's sentences instead of by comparing every pair: what the graph methods link. */
#ifndef TD_PAIRS_H
#define TD_PAIRS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "summary/model.h"

/* Called for a pair of sentences i < j that share `shared` distinct content terms; dot is the
 * dot product of their term counts, each term weighted by weight[term] (1 without weights),
 * summed over the shared terms in ascending order: to the bit what sentence_shared gives. False
 * stops the walk (out of memory). */
typedef bool (*pair_fn)(void *ctx, uint32_t i, uint32_t j, size_t shared, double dot);

/* Calls fn for every pair sharing a term: i ascending, and j ascending for each i. False when
 * out of memory or when fn returned false. */
bool sentence_pairs(const model *m, const double *weight, pair_fn fn, void *ctx);

#endif

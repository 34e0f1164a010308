/* compare.h — internal to lib/compare: what the steps of td_compare share (compare.c runs them):
 * the cluster's model (the summary stage's, see summary/model.h), the quotes, the arena the
 * comparison's strings live in, and the disagreements found so far. */
#ifndef TD_COMPARE_H
#define TD_COMPARE_H
#include <stdbool.h>
#include <stddef.h>

#include "common/arena.h"
#include "common/vec.h"
#include "summary/model.h"
#include "tidings.h"

typedef struct compare_ctx {
    const td_cluster *cluster;
    model m;             /* every kept sentence of every article, with its content terms */
    lexicon *lx;         /* stems and word classes of the tokens */
    arena *pool;         /* the comparison's memory */
    td_comparison *out;  /* what is being filled */
    VEC(td_disagreement) found; /* disagreements, moved into the arena at the end */
} compare_ctx;

/* Distinct content terms of a sentence, and how many two sentences share (terms are sorted). */
size_t compare_distinct_terms(const model *m, const sentence *s);
size_t compare_shared_terms(const model *m, const sentence *a, const sentence *b);

/* The model sentence of article doc that contains byte offset at, or NULL. */
const sentence *compare_sentence_at(const model *m, size_t doc, size_t at);

/* Fills a claim for sentence s (text copied into the arena) with the given value; false when out of memory. */
bool compare_claim(compare_ctx *cx, const sentence *s, const char *value, size_t value_len, td_claim *out);
/* A claim for a byte range that is not a model sentence (its own text); false when out of memory. */
bool compare_claim_span(compare_ctx *cx, size_t doc, td_span span, const char *value, td_claim *out);

/* Adds a disagreement (claims copied into the arena, sorted by article); false when out of memory. */
bool compare_add_disagreement(compare_ctx *cx, td_disagreement_kind kind, const char *about, td_claim *claims,
                              size_t n_claims);

/* The steps. Each returns TD_OK or sets err (out of memory). */
td_status units_find(compare_ctx *cx, td_error *err);               /* units.c: content units */
td_status amounts_compare(compare_ctx *cx, td_error *err);          /* amounts.c: numbers in the same slot; dates */
td_status stances_compare(compare_ctx *cx, td_error *err);          /* stances.c: opposite statements */
td_status attributions_compare(compare_ctx *cx, td_error *err);     /* attributions.c: who said a quote */

#endif

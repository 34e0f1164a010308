/* select.h — the length budget, and choosing sentences in score order under it without repeats. */
#ifndef TD_SELECT_H
#define TD_SELECT_H
#include <stdbool.h>
#include <math.h>
#include <stddef.h>

#include "summary/model.h"

typedef struct budget {
    size_t words;     /* 0: no limit */
    size_t bytes;     /* 0: no limit; sentences joined by one space */
    size_t sentences; /* 0: no limit */
} budget;

typedef VEC(uint32_t) index_list;

/* Whether sentence s still fits when `used` is already taken. */
static inline bool budget_fits(const budget *limit, const budget *used, const sentence *s)
{
    if (limit->sentences && used->sentences + 1 > limit->sentences) return false;
    if (limit->words && used->words + s->words > limit->words) return false;
    if (limit->bytes && used->bytes + (used->sentences ? 1 : 0) + s->bytes > limit->bytes) return false;
    return true;
}

static inline void budget_take(budget *used, const sentence *s)
{
    used->bytes += (used->sentences ? 1 : 0) + s->bytes;
    used->words += s->words;
    used->sentences++;
}

/* Chooses usable sentences in descending score order while they fit, skipping those whose
 * content-term cosine with a chosen one exceeds max_similarity. Appends indexes to chosen. */
bool select_by_score(const model *m, const double *score, const budget *limit, double max_similarity,
                     index_list *chosen);

/* Walks two sentences' sorted content terms together: the number of distinct terms they share,
 * and in *dot (when not NULL) the dot product of their term-count vectors, each term weighted by
 * weight[term] (NULL: 1). */
size_t sentence_shared(const model *m, const sentence *a, const sentence *b, const double *weight, double *dot);
/* The squared norm of a sentence's weighted term-count vector (its dot product with itself). */
double sentence_norm2(const model *m, const sentence *s, const double *weight);

/* Cosine from a dot product and the two squared norms (0 when a vector is empty). */
static inline double cosine_of(double dot, double norm2_a, double norm2_b)
{
    return norm2_a <= 0 || norm2_b <= 0 ? 0 : dot / sqrt(norm2_a * norm2_b);
}

/* Cosine of two sentences' content terms, each term weighted by weight[term] (NULL: 1). */
double sentence_cosine(const model *m, const sentence *a, const sentence *b, const double *weight);

/* Inverse sentence frequency of every local term: log(N / sentences containing it). Caller frees. */
double *term_isf(const model *m);

#endif

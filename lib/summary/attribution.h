/* attribution.h — which articles report the content of a chosen sentence. */
#ifndef TD_ATTRIBUTION_H
#define TD_ATTRIBUTION_H
#include "summary/model.h"

/* Flags of the distinct terms and concepts of the sentence being attributed, by local id: made
 * once for the sentences of a summary, set and cleared for each. */
typedef struct attribution {
    const model *m;
    bool *term;        /* local term id -> in the sentence */
    bool *concept;     /* concept id -> in the sentence */
    size_t n_terms;    /* distinct content terms of the sentence */
    size_t n_concepts; /* distinct concepts of the sentence */
} attribution;

/* Makes the flags for the sentences of model m (all clear); false when out of memory. */
bool attribution_init(attribution *a, const model *m);
/* Indexes of the articles that report sentence s (its own included), ascending, into a new array
 * (free() it) of *n entries; NULL when out of memory. An article reports s when one of its
 * sentences holds most of s's content terms and some of its bigrams (it may say more). */
size_t *attribute_sources(attribution *a, const sentence *s, size_t *n);
void attribution_free(attribution *a);

#endif

/* attribution.h — which articles report the content of a chosen sentence. */
#ifndef TD_ATTRIBUTION_H
#define TD_ATTRIBUTION_H
#include "summary/model.h"

/* Indexes of the articles that report sentence s (its own included), ascending, into a new array
 * (free() it) of *n entries; NULL when out of memory. An article reports s when one of its
 * sentences holds most of s's content terms and some of its bigrams (it may say more). */
size_t *attribute_sources(const model *m, const sentence *s, size_t *n);

#endif

/* lead.c — the lead baseline: the first sentences of the articles, taken round-robin
 * (the first usable sentence of each article, then the second of each, ...). */
#include "summary/methods.h"

#include <stdlib.h>

typedef struct lead_key {
    uint32_t rank; /* usable sentences before it in its article */
    uint32_t doc;
    uint32_t index; /* in the model */
} lead_key;

static int cmp_lead(const void *a, const void *b)
{
    const lead_key *x = a, *y = b;
    if (x->rank != y->rank) return x->rank < y->rank ? -1 : 1;
    return (x->doc > y->doc) - (x->doc < y->doc);
}

bool method_lead(const model *m, const budget *limit, double *score, index_list *chosen)
{
    lead_key *keys = malloc((m->sents.len ? m->sents.len : 1) * sizeof *keys);
    if (!keys) return false;
    size_t n = 0;
    uint32_t rank = 0;
    for (size_t i = 0; i < m->sents.len; i++) {
        const sentence *s = &m->sents.items[i];
        if (s->index == 0) rank = 0;
        score[i] = 0;
        if (!s->usable) continue;
        score[i] = 1.0 / (rank + 1.0);
        keys[n++] = (lead_key){rank++, s->doc, (uint32_t)i};
    }
    qsort(keys, n, sizeof *keys, cmp_lead);
    budget used = {0};
    bool ok = true;
    for (size_t k = 0; k < n && ok; k++) {
        const sentence *s = &m->sents.items[keys[k].index];
        if (!budget_fits(limit, &used, s)) continue;
        ok = vec_push(chosen, keys[k].index);
        budget_take(&used, s);
    }
    free(keys);
    return ok;
}

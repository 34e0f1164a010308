/* groups.c — the groups of copies among all articles a detector was given: the verified copies
 * joined transitively (union-find), each group represented by its fullest version. */
#include <stdint.h>
#include <stdlib.h>

#include "common/error.h"
#include "dedup/detector.h"

static size_t root_of(size_t *parent, size_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

td_status td_dedup_groups(td_dedup *d, td_dedup_member *out, td_error *err)
{
    size_t n = d->count;
    if (detector_oldest(d) > 0)
        return error_set(err, TD_ERR_USAGE, "dedup: the window forgot %zu of %zu articles: no groups", detector_oldest(d), n);
    if (n == 0) return TD_OK;
    size_t *parent = malloc(n * sizeof *parent);
    size_t *best = malloc(n * sizeof *best); /* per root: the fullest member */
    if (!parent || !best) {
        free(parent);
        free(best);
        return error_nomem(err);
    }
    for (size_t i = 0; i < n; i++) parent[i] = best[i] = i;
    for (size_t e = 0; e < d->edges.len; e++) {
        size_t a = root_of(parent, d->edges.items[e].earlier), b = root_of(parent, d->edges.items[e].later);
        if (a == b) continue;
        if (a > b) {
            size_t t = a;
            a = b;
            b = t;
        }
        parent[b] = a; /* the earlier root stays */
    }
    for (size_t i = 0; i < n; i++) {
        size_t r = root_of(parent, i);
        if (d->slots[i].n_ids > d->slots[best[r]].n_ids) best[r] = i;
    }
    for (size_t i = 0; i < n; i++) {
        size_t rep = best[root_of(parent, i)];
        out[i].group = rep;
        out[i].similarity = out[i].containment = i == rep ? 1 : -1; /* -1: not measured yet */
    }
    /* A member verified against its representative already has its overlap. */
    for (size_t e = 0; e < d->edges.len; e++) {
        const dedup_edge *edge = &d->edges.items[e];
        size_t member = out[edge->later].group == edge->earlier ? edge->later
                      : out[edge->earlier].group == edge->later ? edge->earlier : SIZE_MAX;
        if (member == SIZE_MAX) continue;
        out[member].similarity = edge->overlap.jaccard;
        out[member].containment = edge->overlap.containment;
    }
    /* Each group as a list (parent and best are free for it now), then each member not measured
     * yet against its representative, whose set is loaded into the shingler. */
    size_t *next = parent, *first = best;
    for (size_t i = 0; i < n; i++) first[i] = SIZE_MAX;
    for (size_t i = n; i-- > 0;) {
        next[i] = first[out[i].group];
        first[out[i].group] = i;
    }
    for (size_t rep = 0; rep < n; rep++) {
        bool loaded = false;
        for (size_t i = first[rep]; i != SIZE_MAX; i = next[i]) {
            if (out[i].similarity >= 0) continue;
            if (!loaded && !shingler_load(&d->sh, d->slots[rep].ids, d->slots[rep].n_ids)) {
                free(parent);
                free(best);
                return error_nomem(err);
            }
            loaded = true;
            overlap o = overlap_with_current(&d->sh, d->slots[i].ids, d->slots[i].n_ids, 0);
            out[i].similarity = o.jaccard;
            out[i].containment = o.containment;
        }
    }
    free(parent);
    free(best);
    return TD_OK;
}

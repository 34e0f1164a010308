/* frequencies.c — the document frequencies of features on the stream so far, in a table of
 * bounded size: when an article would take it past DF_MAX features, the features seen in the
 * fewest articles are forgotten (the rarest first, in whole counts) until it holds at most half
 * as many. A forgotten feature seen again starts over from 1. So memory stays flat on an endless
 * stream whose vocabulary keeps growing (names, bigrams of names, numbers), and the table's
 * contents, hence the weights, depend only on the articles counted. */
#include <stdlib.h>

#include "story/clusterer.h"

enum { DF_LEVELS = 256 }; /* counts told apart when choosing what to forget */

/* Forgets the features of count <= t, keeping the others in their order. */
static bool forget(td_clusterer *c, uint32_t t)
{
    uint64_t *keys = malloc(c->df.len * sizeof *keys);
    if (!keys) return false;
    uint64_t key;
    uint32_t id;
    for (size_t i = 0; i < c->df_keys.n_slots; i++)
        if (u64map_entry(&c->df_keys, i, &key, &id)) keys[id] = key;
    size_t n = c->df.len;
    u64map_clear(&c->df_keys);
    c->df.len = 0;
    for (size_t i = 0; i < n; i++) {
        if (c->df.items[i] <= t) continue;
        u64map_intern(&c->df_keys, keys[i]); /* no growth: fewer keys than before */
        c->df.items[c->df.len++] = c->df.items[i];
    }
    free(keys);
    return true;
}

bool story_df_make_room(td_clusterer *c, size_t n_new)
{
    if (c->df.len + n_new <= DF_MAX) return true;
    size_t at[DF_LEVELS] = {0}; /* features by count, the last level for all higher counts */
    for (size_t i = 0; i < c->df.len; i++) at[c->df.items[i] < DF_LEVELS ? c->df.items[i] : DF_LEVELS - 1]++;
    size_t left = c->df.len;
    uint32_t t = 0;
    while (t + 1 < DF_LEVELS - 1 && left > DF_MAX / 2) left -= at[++t];
    return forget(c, t);
}

uint32_t story_df_count(td_clusterer *c, uint64_t key)
{
    uint32_t id = u64map_intern(&c->df_keys, key);
    if (id == U64MAP_NONE || (id == c->df.len && !vec_push(&c->df, 0))) return 0;
    return ++c->df.items[id];
}


void story_log_counts_init(td_clusterer *c)
{
    for (int k = 1; k < LOG_MEMO; k++) c->log_count[k] = log((double)(float)k);
    c->log_count_set = true;
}

/* detector.c — the copy detector of a stream: each new article's shingle set and LSH band keys,
 * the kept earlier articles that share a band key as candidates, each candidate verified on the
 * shingle sets. Kept articles live in a ring of slots (article i in slot i % capacity); the band
 * entries of all kept articles are chained by bucket, newest first, so that forgetting the oldest
 * article needs no work: a walk down a chain stops at the first forgotten article. */
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "dedup/detector.h"

void td_dedup_opts_defaults(td_dedup_opts *opts)
{
    opts->threshold = 0.5;
    opts->containment = 0.4;
    opts->window = 0;
    opts->shingle_words = 5;
    opts->exact_words = false;
}

td_dedup *td_dedup_new(const td_dedup_opts *opts, td_error *err)
{
    td_dedup_opts o;
    if (opts) o = *opts;
    else td_dedup_opts_defaults(&o);
    if (!(o.threshold > 0 && o.threshold <= 1) || !(o.containment > 0 && o.containment <= 1)) {
        error_set(err, TD_ERR_USAGE, "dedup: thresholds must be in (0, 1]");
        return NULL;
    }
    if (o.shingle_words < 1 || o.shingle_words > 16) {
        error_set(err, TD_ERR_USAGE, "dedup: shingles of 1 to 16 words");
        return NULL;
    }
    td_dedup *d = calloc(1, sizeof *d);
    if (!d) {
        error_nomem(err);
        return NULL;
    }
    d->opts = o;
    shingler_init(&d->sh, o.shingle_words, o.exact_words);
    return d;
}

void td_dedup_free(td_dedup *d)
{
    if (!d) return;
    for (size_t s = 0; s < d->capacity; s++) {
        free(d->slots[s].ids);
        free(d->slots[s].earlier);
    }
    free(d->same_sketch);
    free(d->slots);
    free(d->bands);
    free(d->heads);
    free(d->visited);
    free(d->shared_bands);
    vec_free(&d->candidates);
    vec_free(&d->matched_groups);
    vec_free(&d->edges);
    shingler_free(&d->sh);
    free(d);
}

size_t td_dedup_count(const td_dedup *d) { return d->count; }

size_t detector_oldest(const td_dedup *d) { return d->count > d->capacity ? d->count - d->capacity : 0; }

/* The slot of kept article idx: no division while the ring is not full (always, without a window). */
static size_t slot_of(const td_dedup *d, size_t idx) { return idx < d->capacity ? idx : idx % d->capacity; }

static size_t bucket_of(uint64_t key, size_t n_heads) { return (size_t)(key ^ (key >> 29)) & (n_heads - 1); }

/* Puts the band entries of kept article idx at the head of their buckets' chains. */
static void chain_article(td_dedup *d, size_t idx)
{
    size_t slot = slot_of(d, idx), n_heads = d->n_heads;
    if (d->slots[slot].n_ids == 0) return;
    band_entry *bands = d->bands + slot * SKETCH_BANDS;
    uint64_t *heads = d->heads;
    for (size_t band = 0; band < SKETCH_BANDS; band++) {
        size_t b = bucket_of(bands[band].key, n_heads);
        bands[band].next = heads[b];
        heads[b] = (uint64_t)idx * SKETCH_BANDS + band + 1;
    }
}

/* Makes room for article d->count: more slots while fewer than the window (or always, without a
 * window), and a bucket table with as many buckets as band entries. Until the ring is full, article
 * i is in slot i, so growing keeps every slot in place. */
static bool make_room(td_dedup *d)
{
    if (d->count < d->capacity) return true;
    if (d->opts.window && d->capacity == d->opts.window) return true;
    size_t cap = d->capacity ? d->capacity * 2 : 256;
    if (d->opts.window && cap > d->opts.window) cap = d->opts.window;
    kept_article *slots = realloc(d->slots, cap * sizeof *slots);
    if (!slots) return false;
    d->slots = slots;
    memset(slots + d->capacity, 0, (cap - d->capacity) * sizeof *slots);
    band_entry *bands = realloc(d->bands, cap * SKETCH_BANDS * sizeof *bands);
    if (!bands) return false;
    d->bands = bands;
    uint64_t *visited = realloc(d->visited, cap * sizeof *visited);
    if (!visited) return false;
    d->visited = visited;
    uint32_t *shared = realloc(d->shared_bands, cap * sizeof *shared);
    if (!shared) return false;
    d->shared_bands = shared;
    memset(visited + d->capacity, 0, (cap - d->capacity) * sizeof *visited);
    size_t n_heads = 1;
    while (n_heads < cap * SKETCH_BANDS) n_heads *= 2;
    uint64_t *heads = calloc(n_heads, sizeof *heads);
    if (!heads) return false;
    free(d->heads);
    d->heads = heads;
    d->n_heads = n_heads;
    size_t n_sketches = 1;
    while (n_sketches < 2 * cap) n_sketches *= 2;
    uint64_t *same = calloc(n_sketches, sizeof *same);
    if (!same) return false;
    free(d->same_sketch);
    d->same_sketch = same;
    d->n_sketches = n_sketches;
    d->capacity = cap;
    for (size_t i = 0; i < d->count; i++) chain_article(d, i);
    return true;
}

/* The fewest shared shingles that can make a copy of sets of n_a and n_b shingles: Jaccard
 * s / (n_a + n_b - s) >= t means s >= t (n_a + n_b) / (1 + t); containment s >= c min(n_a, n_b). */
static size_t fewest_shared(const td_dedup_opts *o, size_t n_a, size_t n_b)
{
    double by_jaccard = o->threshold * (double)(n_a + n_b) / (1 + o->threshold);
    double by_containment = o->containment * (double)(n_a < n_b ? n_a : n_b);
    double fewest = by_jaccard < by_containment ? by_jaccard : by_containment;
    return fewest > 1 ? (size_t)fewest : 0; /* rounded down: never above the true bound */
}

bool detector_is_copy(const td_dedup *d, overlap o)
{
    return o.jaccard >= d->opts.threshold || o.containment >= d->opts.containment;
}

/* The slot of kept article idx when the ring's latest turn began at article `turn` (a multiple
 * of the capacity): those kept are the last `capacity` ones, so an article before that turn is in
 * the turn before. No division, unlike slot_of. */
static size_t slot_in_turn(const td_dedup *d, size_t turn, size_t idx)
{
    return idx + (idx < turn ? d->capacity : 0) - turn;
}

static size_t sketch_cell(const td_dedup *d, const uint64_t keys[SKETCH_BANDS])
{
    return (size_t)hash_mix(keys[0] ^ hash_mix(keys[1])) & (d->n_sketches - 1);
}

/* The newest kept article with exactly these band keys and its earlier articles known, else
 * SIZE_MAX. */
static size_t same_keys(const td_dedup *d, size_t turn, const uint64_t keys[SKETCH_BANDS])
{
    uint64_t cell = d->same_sketch[sketch_cell(d, keys)];
    if (!cell || cell - 1 < detector_oldest(d)) return SIZE_MAX;
    size_t idx = (size_t)(cell - 1), slot = slot_in_turn(d, turn, idx);
    if (!d->slots[slot].earlier_known || !d->slots[slot].n_ids) return SIZE_MAX;
    const band_entry *bands = d->bands + slot * SKETCH_BANDS;
    for (size_t band = 0; band < SKETCH_BANDS; band++)
        if (bands[band].key != keys[band]) return SIZE_MAX;
    return idx;
}

/* Collects into d->candidates the kept articles that share at least one band key with the
 * current one, each with the number of bands shared. The bands' chains are walked side by side, a
 * step of each in turn, so that the reads of their entries (each a cache miss in a large window)
 * overlap instead of waiting for one another; the order in which candidates are met does not
 * matter, as they are sorted below. */
static bool find_candidates(td_dedup *d, size_t idx, const uint64_t keys[SKETCH_BANDS])
{
    size_t oldest = detector_oldest(d), turn = idx - idx % d->capacity;
    d->candidates.len = 0;
    /* An article with the same band keys as a kept one (an exact copy, most often) shares with
     * every article before that one what that one shared: its candidates are those, that one (all
     * bands), and the articles after it met down the chains. */
    size_t lowest = oldest; /* the earliest article the walk looks for */
    size_t same = same_keys(d, turn, keys);
    if (same != SIZE_MAX) {
        const kept_article *k = &d->slots[slot_in_turn(d, turn, same)];
        for (uint32_t i = 0; i <= k->n_earlier; i++) {
            size_t cand = i < k->n_earlier ? (size_t)(k->earlier[i] >> 7) : same, slot;
            if (cand < oldest) continue;
            slot = slot_in_turn(d, turn, cand);
            d->visited[slot] = idx + 1;
            d->shared_bands[slot] = i < k->n_earlier ? (uint32_t)(k->earlier[i] & 127) : SKETCH_BANDS;
            if (!vec_push(&d->candidates, cand)) return false;
        }
        lowest = same + 1;
    }
    uint64_t at[SKETCH_BANDS];  /* the next entry of each band's chain still walked */
    uint8_t walking[SKETCH_BANDS]; /* those bands */
    size_t n_walking = 0;
    for (size_t band = 0; band < SKETCH_BANDS; band++) {
        uint64_t e = d->heads[bucket_of(keys[band], d->n_heads)];
        if (!e) continue;
        at[band] = e;
        walking[n_walking++] = (uint8_t)band;
    }
    while (n_walking) {
        size_t still = 0;
        for (size_t w = 0; w < n_walking; w++) {
            size_t band = walking[w];
            uint64_t e = at[band];
            size_t cand = (size_t)((e - 1) / SKETCH_BANDS);
            if (cand < lowest) continue; /* forgotten or known, and so is the rest of the chain */
            size_t slot = slot_in_turn(d, turn, cand);
            const band_entry *entry = &d->bands[slot * SKETCH_BANDS + (e - 1) % SKETCH_BANDS];
            if ((at[band] = entry->next)) {
                walking[still++] = (uint8_t)band;
                size_t next = (size_t)((entry->next - 1) / SKETCH_BANDS);
                if (next >= lowest)
                    __builtin_prefetch(&d->bands[slot_in_turn(d, turn, next) * SKETCH_BANDS + (entry->next - 1) % SKETCH_BANDS]);
            }
            if (entry->key != keys[band]) continue;
            if (d->visited[slot] == idx + 1) {
                d->shared_bands[slot]++;
                continue;
            }
            d->visited[slot] = idx + 1;
            d->shared_bands[slot] = 1;
            if (!vec_push(&d->candidates, cand)) return false;
        }
        n_walking = still;
    }
    /* Most bands shared first (the likeliest copies), then the earliest: insertion sort, as there
     * are few. */
    size_t *c = d->candidates.items;
    for (size_t i = 1; i < d->candidates.len; i++) {
        size_t x = c[i], bands = d->shared_bands[slot_of(d, x)], j = i;
        for (; j > 0; j--) {
            size_t y = c[j - 1], other = d->shared_bands[slot_of(d, y)];
            if (other > bands || (other == bands && y < x)) break;
            c[j] = y;
        }
        c[j] = x;
    }
    return true;
}

td_status td_dedup_add(td_dedup *d, const char *text, size_t len, td_dedup_match *out, td_error *err)
{
    size_t idx = d->count;
    out->copy_of = -1;
    out->original = (long long)idx;
    out->similarity = out->containment = 0;
    if (!shingler_run(&d->sh, text, len) || !make_room(d)) return error_nomem(err);
    size_t n = d->sh.ids.len;
    uint64_t keys[SKETCH_BANDS];
    size_t edges_before = d->edges.len;
    if (n > 0) {
        sketch_band_keys(d->sh.mins, d->sh.band_salts, keys);
        if (!find_candidates(d, idx, keys)) return error_nomem(err);
        /* Candidates verified in that order; once an article of a copy group is a verified copy,
         * the other members of that group are not checked: one is enough to join the group. */
        d->matched_groups.len = 0;
        for (size_t c = 0; c < d->candidates.len; c++) {
            size_t cand = d->candidates.items[c];
            kept_article *k = &d->slots[slot_of(d, cand)];
            bool known = false;
            for (size_t g = 0; g < d->matched_groups.len && !known; g++) known = d->matched_groups.items[g] == k->original;
            if (known) continue;
            overlap o = overlap_with_current(&d->sh, k->ids, k->n_ids, fewest_shared(&d->opts, n, k->n_ids));
            if (!detector_is_copy(d, o)) continue;
            if (!vec_push(&d->matched_groups, k->original)) return error_nomem(err);
            if (d->opts.window == 0) {
                dedup_edge edge = {cand, idx, o};
                if (!vec_push(&d->edges, edge)) {
                    d->edges.len = edges_before;
                    return error_nomem(err);
                }
            }
            if (out->copy_of < 0 || o.jaccard > out->similarity) {
                out->copy_of = (long long)cand;
                out->original = k->original;
                out->similarity = o.jaccard;
                out->containment = o.containment;
            }
        }
    }
    size_t slot = slot_of(d, idx), n_earlier = n ? d->candidates.len : 0;
    kept_article *k = &d->slots[slot]; /* the article forgotten to make room, if any, is replaced */
    uint32_t *ids = n ? malloc(n * sizeof *ids) : NULL;
    bool known = n_earlier <= KNOWN_EARLIER;
    uint64_t *earlier = known && n_earlier > k->n_earlier ? realloc(k->earlier, n_earlier * sizeof *earlier) : k->earlier;
    if ((n && !ids) || (known && n_earlier > k->n_earlier && !earlier)) {
        free(ids);
        d->edges.len = edges_before;
        return error_nomem(err);
    }
    /* what it shares with the articles before it, for a later one with the same band keys */
    for (size_t i = 0; known && i < n_earlier; i++) {
        size_t cand = d->candidates.items[i];
        earlier[i] = (uint64_t)cand << 7 | d->shared_bands[slot_of(d, cand)];
    }
    if (n) memcpy(ids, d->sh.ids.items, n * sizeof *ids);
    free(k->ids);
    k->ids = ids;
    k->n_ids = n;
    k->original = out->original;
    k->earlier = earlier;
    k->n_earlier = known ? (uint32_t)n_earlier : 0;
    k->earlier_known = known;
    for (size_t band = 0; n && band < SKETCH_BANDS; band++) d->bands[slot * SKETCH_BANDS + band].key = keys[band];
    if (n) d->same_sketch[sketch_cell(d, keys)] = idx + 1;
    d->visited[slot] = 0;
    chain_article(d, idx);
    d->count++;
    return TD_OK;
}

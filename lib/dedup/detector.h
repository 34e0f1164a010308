/* detector.h — the state of a copy detector (struct td_dedup), shared by the stream (detector.c)
 * and the grouping of everything seen (groups.c). */
#ifndef TD_DEDUP_DETECTOR_H
#define TD_DEDUP_DETECTOR_H
#include "dedup/dedup.h"
#include "tidings.h"

/* An article the detector still keeps. */
typedef struct kept_article {
    uint32_t *ids;      /* its distinct shingle ids (malloc'd), NULL when it has none */
    size_t n_ids;
    long long original; /* the first article of its copy group */
} kept_article;

/* A verified copy: article `later` copies article `earlier`. */
typedef struct dedup_edge {
    size_t earlier;
    size_t later;
    overlap overlap; /* of their shingle sets */
} dedup_edge;

struct td_dedup {
    td_dedup_opts opts;
    shingler sh;           /* the current article's shingles */
    size_t count;          /* articles added */
    size_t capacity;       /* slots; article i is in slot i % capacity; at most opts.window */
    kept_article *slots;   /* capacity */
    uint64_t *band_keys;   /* capacity * SKETCH_BANDS: the LSH keys of each slot's article */
    uint64_t *band_next;   /* same shape: the next entry down the bucket's chain (entry + 1, 0 at the end) */
    uint64_t *heads;       /* n_heads buckets: the newest entry (article * SKETCH_BANDS + band + 1), 0 empty */
    size_t n_heads;        /* a power of two, at least capacity * SKETCH_BANDS */
    uint64_t *visited;     /* capacity: the article (+1) whose candidates last included this slot */
    uint32_t *shared_bands; /* capacity: how many band keys that slot shares with the current article */
    VEC(size_t) candidates; /* the current article's candidates, likeliest first */
    VEC(long long) matched_groups; /* the copy groups (their originals) it was found a copy in */
    VEC(dedup_edge) edges; /* without a window: every verified copy, for td_dedup_groups */
};

/* The first article still kept. */
size_t detector_oldest(const td_dedup *d);
/* Whether an overlap makes a copy under the detector's thresholds. */
bool detector_is_copy(const td_dedup *d, overlap o);

#endif

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
    uint64_t *earlier;  /* the kept articles it shared band keys with when it came (article << 7 |
                           bands shared), for a later article with the same sketch (find_candidates) */
    uint32_t n_earlier;
    bool earlier_known; /* earlier is complete (not when there were more than KNOWN_EARLIER) */
} kept_article;

/* At most this many earlier articles are kept with an article (find_candidates). */
#define KNOWN_EARLIER 64

/* A band of a kept article: its LSH key, and the next entry down its bucket's chain (as in heads).
 * Side by side, so that a walk down a chain reads one cache line an entry. */
typedef struct band_entry {
    uint64_t key;
    uint64_t next;
} band_entry;

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
    band_entry *bands;     /* capacity * SKETCH_BANDS: the bands of each slot's article */
    uint64_t *heads;       /* n_heads buckets: the newest entry (article * SKETCH_BANDS + band + 1), 0 empty */
    size_t n_heads;        /* a power of two, at least capacity * SKETCH_BANDS */
    uint64_t *visited;     /* capacity: the article (+1) whose candidates last included this slot */
    uint32_t *shared_bands; /* capacity: how many band keys that slot shares with the current article */
    uint64_t *same_sketch; /* n_sketches cells: by a hash of its band keys, the newest article (+1)
                              with those keys, 0 none (overwritten on a collision) */
    size_t n_sketches;     /* a power of two, at least twice the capacity */
    VEC(size_t) candidates; /* the current article's candidates, likeliest first */
    VEC(long long) matched_groups; /* the copy groups (their originals) it was found a copy in */
    VEC(dedup_edge) edges; /* without a window: every verified copy, for td_dedup_groups */
};

/* The first article still kept. */
size_t detector_oldest(const td_dedup *d);
/* Whether an overlap makes a copy under the detector's thresholds. */
bool detector_is_copy(const td_dedup *d, overlap o);

#endif

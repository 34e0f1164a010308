/* dedup.h — internals of copy detection: the shingle sets of articles, their MinHash sketches and
 * LSH band keys, and the comparison of two shingle sets. The public API is in tidings.h. */
#ifndef TD_DEDUP_H
#define TD_DEDUP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/u64map.h"
#include "common/vec.h"

/* One-permutation MinHash: SKETCH_BINS bins, cut into SKETCH_BANDS bands of SKETCH_ROWS bins. */
#define SKETCH_BINS 128
#define SKETCH_ROWS 2
#define SKETCH_BANDS (SKETCH_BINS / SKETCH_ROWS)

/* Turns texts into sets of shingles; keeps its buffers across articles. */
typedef struct shingler {
    size_t words_per_shingle; /* k: a shingle is k consecutive words */
    bool exact_words;         /* words as written (lower-cased), no normalisation */
    VEC(uint64_t) words;      /* hashes of the normalised words of the current text */
    u64map seen;              /* shingle id -> dense index: the set of the current text */
    VEC(uint32_t) ids;        /* the current text's distinct shingle ids, first-seen order */
    VEC(uint64_t) hashes;     /* their 64-bit hashes, same order (for the sketch) */
} shingler;

void shingler_init(shingler *sh, size_t words_per_shingle, bool exact_words);
/* Makes the shingle set of text: sh->ids and sh->hashes, and sh->seen as a set to look ids up in.
 * A text with fewer than k words (but at least one) is one shingle. False when out of memory. */
bool shingler_run(shingler *sh, const char *text, size_t len);
/* Makes the given distinct ids the current set (to compare other sets with). False when out of memory. */
bool shingler_load(shingler *sh, const uint32_t *ids, size_t n);
/* Whether id is in the current text's set. */
static inline bool shingler_has(const shingler *sh, uint32_t id) { return u64map_find(&sh->seen, id) != U64MAP_NONE; }
void shingler_free(shingler *sh);

/* The LSH band keys of a set of shingle hashes (n > 0): keys[b] for band b, SKETCH_BANDS of them. */
void sketch_band_keys(const uint64_t *hashes, size_t n, uint64_t keys[SKETCH_BANDS]);

/* How much two shingle sets share. */
typedef struct overlap {
    double jaccard;     /* |A∩B| / |A∪B| */
    double containment; /* |A∩B| / min(|A|, |B|) */
} overlap;

/* Compares the stored set b (n_b distinct ids) with the shingler's current set. */
overlap overlap_with_current(const shingler *sh, const uint32_t *b, size_t n_b);

#endif

/* dedup.h — internals of copy detection: the shingle sets of articles, their MinHash sketches and
 * LSH band keys, and the comparison of two shingle sets. The public API is in tidings.h. */
#ifndef TD_DEDUP_H
#define TD_DEDUP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/vec.h"

/* One-permutation MinHash: SKETCH_BINS bins, cut into SKETCH_BANDS bands of SKETCH_ROWS bins. */
#define SKETCH_BIN_BITS 7
#define SKETCH_BINS (1 << SKETCH_BIN_BITS)
#define SKETCH_ROWS 2
#define SKETCH_BANDS (SKETCH_BINS / SKETCH_ROWS)

/* Longest word kept whole (bytes); a longer word is hashed as far as that. */
#define WORD_MAX 64
/* Slots of the synonym table (a power of two, at least twice the synonyms). */
#define SYNONYM_SLOTS 256

/* Turns texts into sets of shingles; keeps its buffers across articles. */
typedef struct shingler {
    size_t words_per_shingle; /* k: a shingle is k consecutive words */
    bool exact_words;         /* words as written (lower-cased), no normalisation */
    VEC(uint64_t) words;      /* hashes of the normalised words of the current text */
    VEC(uint32_t) ids;        /* the current text's distinct shingle ids (low 32 bits of the hash), in order */
    uint32_t mins[SKETCH_BINS]; /* the current text's MinHash sketch (see sketch_update) */
    uint64_t band_salts[SKETCH_BANDS]; /* see sketch_salts */
    uint64_t *set;            /* set_slots: the set of ids, open addressing; a slot holds the
                                 generation that filled it (high half) and the id (low half) */
    size_t set_slots;         /* a power of two, at least twice the set's size */
    uint32_t generation;      /* the current set's mark */
    struct {
        uint64_t from, to; /* a word's hash and the hash of the word it stands for; from 0: empty */
    } synonyms[SYNONYM_SLOTS];
    bool may_change[SYNONYM_SLOTS]; /* a word hashed to slot s may be normalised (synonyms[s] is
                                       taken, or s is the slot of "cent") */
    uint64_t unit_hash[8];             /* per unit glued to a number: the hash of its word */
    uint64_t per, cent, percent;       /* hashes of "per", "cent", "percent" */
} shingler;

void shingler_init(shingler *sh, size_t words_per_shingle, bool exact_words);
/* Makes the shingle set of text: sh->ids, the set to look ids up in, and the sketch sh->mins.
 * A text with fewer than k words (but at least one) is one shingle. False when out of memory. */
bool shingler_run(shingler *sh, const char *text, size_t len);
/* Makes the given distinct ids the current set (to compare other sets with). False when out of memory. */
bool shingler_load(shingler *sh, const uint32_t *ids, size_t n);
void shingler_free(shingler *sh);

/* The finaliser of MurmurHash3, a bijection of 64-bit integers: every bit of the result depends on
 * every bit of h. */
static inline uint64_t hash_mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

/* One-permutation MinHash: a shingle's 64-bit hash picks a bin by its top bits and offers the 32
 * bits below them as the bin's value; a bin keeps its smallest value (UINT32_MAX: empty). */
static inline void sketch_update(uint32_t mins[SKETCH_BINS], uint64_t hash)
{
    size_t bin = (size_t)(hash >> (64 - SKETCH_BIN_BITS));
    uint32_t value = (uint32_t)(hash >> (32 - SKETCH_BIN_BITS));
    uint32_t kept = mins[bin];
    mins[bin] = value < kept ? value : kept; /* no branch: early in a text it goes either way */
}

/* Each band's salt, which makes its key differ from the other bands' on the same values. */
void sketch_salts(uint64_t salts[SKETCH_BANDS]);
/* The LSH band keys of a sketch with at least one filled bin: keys[b] for band b. */
void sketch_band_keys(const uint32_t mins[SKETCH_BINS], const uint64_t salts[SKETCH_BANDS], uint64_t keys[SKETCH_BANDS]);

/* How much two shingle sets share. */
typedef struct overlap {
    double jaccard;     /* |A∩B| / |A∪B| */
    double containment; /* |A∩B| / min(|A|, |B|) */
} overlap;

/* Compares the stored set b (n_b distinct ids) with the shingler's current set; gives up (all 0)
 * as soon as fewer than min_shared ids can be shared. */
overlap overlap_with_current(const shingler *sh, const uint32_t *b, size_t n_b, size_t min_shared);

#endif

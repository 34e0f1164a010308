/* sketch.c — MinHash sketch of a shingle set by one-permutation hashing (each shingle's hash picks a
 * bin and a value; a bin keeps its smallest value; empty bins borrow from the next filled bin,
 * "rotation" densification, Shrivastava & Li 2014), cut into LSH bands: two sets with Jaccard
 * similarity J share a band's key with probability about J^SKETCH_ROWS. */
#include <xxhash.h>

#include "dedup/dedup.h"

_Static_assert((SKETCH_BINS & (SKETCH_BINS - 1)) == 0 && SKETCH_BINS <= 256, "bins: a power of two");
_Static_assert(SKETCH_BINS % SKETCH_ROWS == 0, "bands of equal size");

static unsigned bin_bits(void)
{
    unsigned b = 0;
    while ((1u << b) < SKETCH_BINS) b++;
    return b;
}

void sketch_band_keys(const uint64_t *hashes, size_t n, uint64_t keys[SKETCH_BANDS])
{
    uint32_t mins[SKETCH_BINS];
    bool filled[SKETCH_BINS] = {false};
    unsigned shift = 64 - bin_bits();
    for (size_t b = 0; b < SKETCH_BINS; b++) mins[b] = UINT32_MAX;
    for (size_t i = 0; i < n; i++) {
        /* The bin from the top bits, the value from the 32 bits below them. */
        size_t bin = (size_t)(hashes[i] >> shift);
        uint32_t value = (uint32_t)(hashes[i] >> (shift - 32));
        if (value < mins[bin]) mins[bin] = value;
        filled[bin] = true;
    }
    /* An empty bin takes the value of the next filled one, shifted by the distance so that two
     * empty bins borrowing from the same bin differ. */
    uint32_t dense[SKETCH_BINS];
    for (size_t b = 0; b < SKETCH_BINS; b++) {
        size_t d = 0;
        while (d < SKETCH_BINS && !filled[(b + d) % SKETCH_BINS]) d++;
        dense[b] = d == SKETCH_BINS ? 0 : mins[(b + d) % SKETCH_BINS] + (uint32_t)d * 0x9e3779b9u;
    }
    for (size_t band = 0; band < SKETCH_BANDS; band++)
        keys[band] = XXH3_64bits_withSeed(dense + band * SKETCH_ROWS, SKETCH_ROWS * sizeof dense[0], band);
}

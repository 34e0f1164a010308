/* sketch.c — the LSH band keys of a one-permutation MinHash sketch (dedup.h: sketch_update).
 * Empty bins borrow from the next filled bin ("rotation" densification, Shrivastava & Li 2014); a
 * band's key is its bins' values packed into one integer with the band's number, mixed: two
 * sketches share a band's key exactly when they agree on its bins. Sets with Jaccard similarity J
 * agree on a bin with probability about J, on a band of SKETCH_ROWS bins about J^SKETCH_ROWS. */
#include "dedup/dedup.h"

_Static_assert(SKETCH_ROWS == 2, "a band's two 32-bit values pack into one 64-bit key");

void sketch_salts(uint64_t salts[SKETCH_BANDS])
{
    for (size_t band = 0; band < SKETCH_BANDS; band++) salts[band] = hash_mix(band + 1);
}

void sketch_band_keys(const uint32_t mins[SKETCH_BINS], const uint64_t salts[SKETCH_BANDS], uint64_t keys[SKETCH_BANDS])
{
    /* An empty bin takes the value of the next filled one, shifted by the distance so that two
     * empty bins borrowing from the same bin differ. */
    uint32_t dense[SKETCH_BINS];
    for (size_t b = 0; b < SKETCH_BINS; b++) {
        dense[b] = mins[b];
        if (mins[b] != UINT32_MAX) continue; /* filled: nearly all bins of a news article */
        size_t d = 1;
        while (d + 1 < SKETCH_BINS && mins[(b + d) % SKETCH_BINS] == UINT32_MAX) d++;
        dense[b] = mins[(b + d) % SKETCH_BINS] + (uint32_t)d * 0x9e3779b9u;
    }
    for (size_t band = 0; band < SKETCH_BANDS; band++) {
        uint64_t packed = (uint64_t)dense[2 * band] << 32 | dense[2 * band + 1];
        keys[band] = hash_mix(packed ^ salts[band]);
    }
}

/* bytes.h — eight bytes at a time: unaligned 64-bit loads and tests on every byte of a word at once,
 * for the scanners that look at each byte of the input (checks, sentence splitting, hashing). */
#ifndef TD_BYTES_H
#define TD_BYTES_H
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define BYTES_ONES 0x0101010101010101ULL  /* 0x01 in each byte */
#define BYTES_HIGHS 0x8080808080808080ULL /* the top bit of each byte */

static inline uint64_t bytes_load64(const void *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* Whether some byte of x is below n (n <= 128). Exact: a borrow that could flag a byte wrongly only
 * comes from a lower byte that is below n itself. */
static inline bool bytes_any_below(uint64_t x, unsigned n)
{
    return ((x - BYTES_ONES * n) & ~x & BYTES_HIGHS) != 0;
}

/* Whether some byte of x equals c. */
static inline bool bytes_any_equal(uint64_t x, unsigned char c)
{
    return bytes_any_below(x ^ (BYTES_ONES * c), 1);
}

/* Whether some byte of x is 0x80 or above (not ASCII). */
static inline bool bytes_any_high(uint64_t x) { return (x & BYTES_HIGHS) != 0; }

#endif

/* bytes.h — eight bytes at a time: unaligned loads, tests on every byte of a word at once (for the
 * scanners that look at each byte of the input), and short strings packed into one word and hashed
 * (for the hash tables of words). */
#ifndef TD_BYTES_H
#define TD_BYTES_H
#include <stdbool.h>
#include <stddef.h>
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

/* Eight bytes with the first in the lowest bits whatever the machine's byte order, for masks in
 * which byte k is bits 8k to 8k + 7 and a neighbour is 8 bits away. */
static inline uint64_t bytes_load64_le(const void *p)
{
    uint64_t v = bytes_load64(p);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

/* Stores v's eight bytes at p, its lowest bits first (the inverse of bytes_load64_le). */
static inline void bytes_store64_le(void *p, uint64_t v)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    memcpy(p, &v, sizeof v);
}

static inline uint32_t bytes_load32(const void *p)
{
    uint32_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* The bytes of a string of at most 8 bytes in one word, with no load past its end: two overlapping
 * 4-byte loads, or the first, middle and last byte. Given the length, every byte is in it, so two
 * strings of one length are equal exactly when their words are. */
static inline uint64_t bytes_pack(const void *s, size_t len)
{
    const unsigned char *p = s;
    if (len >= 4) return bytes_load32(p) | (uint64_t)bytes_load32(p + len - 4) << 32;
    if (len) return p[0] | (uint64_t)p[len / 2] << 8 | (uint64_t)p[len - 1] << 16;
    return 0;
}

/* Mixes w into the hash state h; a bijection of h for each w, so no bit of input is lost. */
static inline uint64_t bytes_mix(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
    return h ^ (h >> 31);
}

/* Final avalanche of a hash state, so that the low bits (a table index) depend on every input bit. */
static inline uint64_t bytes_finish(uint64_t h)
{
    h ^= h >> 32;
    h *= 0xd6e8feb86659fd93ULL;
    return h ^ (h >> 32);
}

/* Start of the hash state of a string of len bytes. */
static inline uint64_t bytes_seed(size_t len) { return 0x94d049bb133111ebULL ^ (uint64_t)len; }

/* Hash of a string of len <= 8 bytes from its packed word (bytes_pack): what hash_bytes gives. */
static inline uint64_t bytes_hash_packed(uint64_t packed, size_t len)
{
    return bytes_finish(bytes_mix(bytes_seed(len), packed));
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

/* Per byte of x, 0x80 where the byte is not ASCII or is one of the ASCII bytes a, b and c. The
 * lowest flag is exact (below it every byte is ASCII, and a byte of t + 0x7f reaches 0x80 unless t
 * is 0, with no carry): load x with bytes_load64_le and the lowest flag is the first such byte. */
static inline uint64_t bytes_flag_high_or3(uint64_t x, unsigned char a, unsigned char b, unsigned char c)
{
    const uint64_t low7 = BYTES_ONES * 0x7f;
    uint64_t ta = x ^ (BYTES_ONES * a), tb = x ^ (BYTES_ONES * b), tc = x ^ (BYTES_ONES * c);
    return (x | ~(ta + low7) | ~(tb + low7) | ~(tc + low7)) & BYTES_HIGHS;
}

/* The top bit of each byte of x equal to c (exact: no borrow runs between bytes). */
static inline uint64_t bytes_equal(uint64_t x, unsigned char c)
{
    uint64_t y = x ^ (BYTES_ONES * c);
    return ~(((y & ~BYTES_HIGHS) + ~BYTES_HIGHS) | y) & BYTES_HIGHS;
}

/* Whether some byte of x is 0x80 or above (not ASCII). */
static inline bool bytes_any_high(uint64_t x) { return (x & BYTES_HIGHS) != 0; }

/* Per byte of x (all bytes ASCII), 0x80 where the byte is ASCII white space: ' ' or '\t' to '\r'.
 * Exact: with every byte below 0x80 no sum or difference carries into the next. */
static inline uint64_t bytes_ascii_space(uint64_t x)
{
    uint64_t space = (BYTES_ONES * (127 + 1) - (x ^ (BYTES_ONES * ' '))) & BYTES_HIGHS; /* == ' ' */
    uint64_t above_tab = (x + BYTES_ONES * (127 - ('\t' - 1))) & BYTES_HIGHS;           /* >= '\t' */
    uint64_t below_cr = (BYTES_ONES * (127 + '\r' + 1) - x) & BYTES_HIGHS;             /* <= '\r' */
    return space | (above_tab & below_cr);
}

/* How many bytes of x have their top bit set, when no other bit is set. */
static inline uint32_t bytes_count_highs(uint64_t x) { return (uint32_t)(((x >> 7) * BYTES_ONES) >> 56); }

#endif

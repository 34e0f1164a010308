/* vec.c — the one growth routine behind the VEC macros. */
#include "common/vec.h"

#include <stdint.h>
#include <stdlib.h>

bool vec_grow_(void **items, size_t *cap, size_t need, size_t size)
{
    size_t n = *cap ? *cap : 8;
    while (n < need) {
        if (n > SIZE_MAX / 2) return false;
        n *= 2;
    }
    if (n > SIZE_MAX / size) return false;
    void *p = realloc(*items, n * size);
    if (!p) return false;
    *items = p;
    *cap = n;
    return true;
}

/* sort.c — insertion sort for the short arrays of one sentence, qsort beyond that. */
#include "common/sort.h"

#include <stdlib.h>

enum { INSERTION_MAX = 48 };

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

void sort_u32(uint32_t *a, size_t n)
{
    if (n > INSERTION_MAX) {
        qsort(a, n, sizeof *a, cmp_u32);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        uint32_t v = a[i];
        size_t j = i;
        for (; j > 0 && a[j - 1] > v; j--) a[j] = a[j - 1];
        a[j] = v;
    }
}

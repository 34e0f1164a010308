/* sort.h — sorting small arrays of ids without the call-per-comparison cost of qsort. */
#ifndef TD_SORT_H
#define TD_SORT_H
#include <stddef.h>
#include <stdint.h>

/* Sorts a[0..n) ascending. */
void sort_u32(uint32_t *a, size_t n);

#endif

/* vec.h — typed growable arrays: `VEC(int) v = {0}; if (!vec_push(&v, 3)) oom; vec_free(&v);` */
#ifndef TD_VEC_H
#define TD_VEC_H
#include <stdbool.h>
#include <stddef.h>

#define VEC(T)          \
    struct {            \
        T *items;       \
        size_t len;     \
        size_t cap;     \
    }

/* Grows the array behind *items so that it holds at least `need` elements of `size` bytes. */
bool vec_grow_(void **items, size_t *cap, size_t need, size_t size);

#define vec_reserve(v, n) \
    ((v)->len + (n) <= (v)->cap || vec_grow_((void **)&(v)->items, &(v)->cap, (v)->len + (n), sizeof *(v)->items))
/* Evaluates to false when out of memory (the array is unchanged). */
#define vec_push(v, x) (vec_reserve((v), 1) ? ((v)->items[(v)->len++] = (x), true) : false)
#define vec_free(v) (free((v)->items), (v)->items = NULL, (v)->len = (v)->cap = 0)

#endif

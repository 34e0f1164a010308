/* u64map.h — maps 64-bit keys (e.g. a pair of term ids) to dense ids 0, 1, 2, … in first-seen order.
 * u64map_clear() forgets the keys but keeps the memory, for reuse across clusters. */
#ifndef TD_U64MAP_H
#define TD_U64MAP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define U64MAP_NONE UINT32_MAX

typedef struct u64map {
    uint64_t *keys; /* slot -> key */
    uint32_t *ids;  /* slot -> id + 1, 0 when empty */
    size_t n_slots; /* power of two */
    size_t len;     /* ids handed out */
} u64map;

/* Id of key, adding it when absent; U64MAP_NONE when out of memory. */
uint32_t u64map_intern(u64map *m, uint64_t key);
/* Id of key or U64MAP_NONE. */
uint32_t u64map_find(const u64map *m, uint64_t key);
void u64map_clear(u64map *m);
void u64map_free(u64map *m);

#endif

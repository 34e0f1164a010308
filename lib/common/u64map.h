/* u64map.h — maps 64-bit keys (e.g. a pair of term ids) to dense ids 0, 1, 2, … in first-seen order.
 * u64map_clear() forgets the keys but keeps the memory, for reuse across clusters. */
#ifndef TD_U64MAP_H
#define TD_U64MAP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define U64MAP_NONE UINT32_MAX

typedef struct u64map_slot {
    uint64_t key;
    uint32_t id;    /* dense id of key */
    uint32_t stamp; /* the slot is in use when this is the map's stamp */
} u64map_slot;

typedef struct u64map {
    u64map_slot *slots;
    size_t n_slots; /* power of two */
    size_t len;     /* ids handed out */
    uint32_t stamp; /* of the slots in use; 0 before the first table */
} u64map;

/* Id of key, adding it when absent; U64MAP_NONE when out of memory. */
uint32_t u64map_intern(u64map *m, uint64_t key);
/* Id of key or U64MAP_NONE. */
uint32_t u64map_find(const u64map *m, uint64_t key);
/* Whether slot i (0 <= i < n_slots) holds a key, and then its key and id: walks the map in slot order. */
static inline bool u64map_entry(const u64map *m, size_t i, uint64_t *key, uint32_t *id)
{
    const u64map_slot *sl = &m->slots[i];
    if (!m->stamp || sl->stamp != m->stamp) return false;
    *key = sl->key;
    *id = sl->id;
    return true;
}
void u64map_clear(u64map *m);
void u64map_free(u64map *m);

#endif

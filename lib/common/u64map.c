/* u64map.c — open-addressing hash table from 64-bit keys to dense ids. A slot is in use when it
 * carries the map's current stamp, so clearing the map is a new stamp, not a pass over the table. */
#include "common/u64map.h"

#include <stdlib.h>
#include <string.h>

static size_t slot_of(uint64_t key, size_t mask)
{
    key ^= key >> 31;
    key *= 0x9e3779b97f4a7c15ULL;
    key ^= key >> 29;
    return (size_t)key & mask;
}

/* Doubles the table (or makes the first one). Out of line, so that u64map_intern, called for every
 * bigram of a text, saves no registers for it. */
static __attribute__((noinline)) bool grow(u64map *m)
{
    size_t n = m->n_slots ? m->n_slots * 2 : 256;
    u64map_slot *slots = calloc(n, sizeof *slots);
    if (!slots) return false;
    if (!m->stamp) m->stamp = 1; /* calloc's slots carry stamp 0: empty */
    for (size_t i = 0; i < m->n_slots; i++) {
        if (m->slots[i].stamp != m->stamp) continue;
        size_t j = slot_of(m->slots[i].key, n - 1);
        while (slots[j].stamp == m->stamp) j = (j + 1) & (n - 1);
        slots[j] = m->slots[i];
    }
    free(m->slots);
    m->slots = slots;
    m->n_slots = n;
    return true;
}

uint32_t u64map_find(const u64map *m, uint64_t key)
{
    if (!m->n_slots) return U64MAP_NONE;
    size_t mask = m->n_slots - 1;
    for (size_t i = slot_of(key, mask);; i = (i + 1) & mask) {
        const u64map_slot *sl = &m->slots[i];
        if (sl->stamp != m->stamp) return U64MAP_NONE;
        if (sl->key == key) return sl->id;
    }
}

uint32_t u64map_intern(u64map *m, uint64_t key)
{
    if ((m->len + 1) * 2 > m->n_slots && !grow(m)) return U64MAP_NONE;
    size_t mask = m->n_slots - 1;
    size_t i = slot_of(key, mask);
    while (m->slots[i].stamp == m->stamp) {
        if (m->slots[i].key == key) return m->slots[i].id;
        i = (i + 1) & mask;
    }
    if (m->len >= UINT32_MAX - 1) return U64MAP_NONE;
    m->slots[i] = (u64map_slot){key, (uint32_t)m->len++, m->stamp};
    return m->slots[i].id;
}

void u64map_clear(u64map *m)
{
    m->len = 0;
    if (!m->slots) return;
    if (++m->stamp == 0) { /* the stamps wrapped: every old one could come back */
        memset(m->slots, 0, m->n_slots * sizeof *m->slots);
        m->stamp = 1;
    }
}

void u64map_free(u64map *m)
{
    free(m->slots);
    memset(m, 0, sizeof *m);
}

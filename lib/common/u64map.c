/* u64map.c — open-addressing hash table from 64-bit keys to dense ids. */
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

static bool grow(u64map *m)
{
    size_t n = m->n_slots ? m->n_slots * 2 : 256;
    uint64_t *keys = malloc(n * sizeof *keys);
    uint32_t *ids = calloc(n, sizeof *ids);
    if (!keys || !ids) {
        free(keys);
        free(ids);
        return false;
    }
    for (size_t i = 0; i < m->n_slots; i++) {
        if (!m->ids[i]) continue;
        size_t j = slot_of(m->keys[i], n - 1);
        while (ids[j]) j = (j + 1) & (n - 1);
        keys[j] = m->keys[i];
        ids[j] = m->ids[i];
    }
    free(m->keys);
    free(m->ids);
    m->keys = keys;
    m->ids = ids;
    m->n_slots = n;
    return true;
}

uint32_t u64map_find(const u64map *m, uint64_t key)
{
    if (!m->n_slots) return U64MAP_NONE;
    size_t mask = m->n_slots - 1;
    for (size_t i = slot_of(key, mask);; i = (i + 1) & mask) {
        if (!m->ids[i]) return U64MAP_NONE;
        if (m->keys[i] == key) return m->ids[i] - 1;
    }
}

uint32_t u64map_intern(u64map *m, uint64_t key)
{
    if ((m->len + 1) * 2 > m->n_slots && !grow(m)) return U64MAP_NONE;
    size_t mask = m->n_slots - 1;
    size_t i = slot_of(key, mask);
    while (m->ids[i]) {
        if (m->keys[i] == key) return m->ids[i] - 1;
        i = (i + 1) & mask;
    }
    if (m->len >= UINT32_MAX - 1) return U64MAP_NONE;
    m->keys[i] = key;
    m->ids[i] = (uint32_t)++m->len;
    return (uint32_t)(m->len - 1);
}

void u64map_clear(u64map *m)
{
    if (m->ids) memset(m->ids, 0, m->n_slots * sizeof *m->ids);
    m->len = 0;
}

void u64map_free(u64map *m)
{
    free(m->keys);
    free(m->ids);
    memset(m, 0, sizeof *m);
}

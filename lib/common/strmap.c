/* strmap.c — string interning with an open-addressing hash table (linear probing). */
#include "common/strmap.h"

#include <stdlib.h>
#include <string.h>

uint64_t hash_bytes(const void *data, size_t len)
{
    /* FNV-1a, then a final avalanche so low bits are usable as a table index. */
    const unsigned char *p = data;
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

void strmap_init(strmap *m)
{
    memset(m, 0, sizeof *m);
    arena_init(&m->strings);
}

static uint32_t lookup(const strmap *m, const char *s, size_t len, uint64_t h, size_t *slot)
{
    size_t mask = m->n_slots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t v = m->slots[i];
        if (v == 0) {
            *slot = i;
            return STRMAP_NONE;
        }
        uint32_t id = v - 1;
        if (m->hashes[id] == h && m->key_lens[id] == len && memcmp(m->keys[id], s, len) == 0) {
            *slot = i;
            return id;
        }
    }
}

static bool rehash(strmap *m, size_t n_slots)
{
    uint32_t *slots = calloc(n_slots, sizeof *slots);
    if (!slots) return false;
    free(m->slots);
    m->slots = slots;
    m->n_slots = n_slots;
    for (size_t id = 0; id < m->len; id++) {
        size_t i = m->hashes[id] & (n_slots - 1);
        while (slots[i]) i = (i + 1) & (n_slots - 1);
        slots[i] = (uint32_t)id + 1;
    }
    return true;
}

static bool grow_keys(strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 256;
    const char **keys = realloc(m->keys, cap * sizeof *keys);
    if (!keys) return false;
    m->keys = keys;
    uint32_t *lens = realloc(m->key_lens, cap * sizeof *lens);
    if (!lens) return false;
    m->key_lens = lens;
    uint64_t *hashes = realloc(m->hashes, cap * sizeof *hashes);
    if (!hashes) return false;
    m->hashes = hashes;
    m->cap = cap;
    return true;
}

uint32_t strmap_find(const strmap *m, const char *s, size_t len)
{
    if (!m->n_slots) return STRMAP_NONE;
    size_t slot;
    return lookup(m, s, len, hash_bytes(s, len), &slot);
}

uint32_t strmap_intern(strmap *m, const char *s, size_t len, bool *added)
{
    if (added) *added = false;
    if (len >= UINT32_MAX || m->len >= UINT32_MAX - 1) return STRMAP_NONE;
    if ((m->len + 1) * 2 > m->n_slots && !rehash(m, m->n_slots ? m->n_slots * 2 : 1024))
        return STRMAP_NONE;
    uint64_t h = hash_bytes(s, len);
    size_t slot;
    uint32_t id = lookup(m, s, len, h, &slot);
    if (id != STRMAP_NONE) return id;
    if (m->len == m->cap && !grow_keys(m)) return STRMAP_NONE;
    char *key = arena_strndup(&m->strings, s, len);
    if (!key) return STRMAP_NONE;
    id = (uint32_t)m->len++;
    m->keys[id] = key;
    m->key_lens[id] = (uint32_t)len;
    m->hashes[id] = h;
    m->slots[slot] = id + 1;
    if (added) *added = true;
    return id;
}

void strmap_free(strmap *m)
{
    free(m->slots);
    free(m->keys);
    free(m->key_lens);
    free(m->hashes);
    arena_free(&m->strings);
    memset(m, 0, sizeof *m);
}

/* strmap.c — string interning with an open-addressing hash table (linear probing, at most 3/4
 * full). A key of up to 8 bytes is hashed from its bytes packed in one word, a longer one 8 bytes a
 * step; slots keep part of the hash and the length, so a stored key is read only when it almost
 * surely matches. */
#include "common/strmap.h"

#include <stdlib.h>
#include <string.h>

#include "common/bytes.h"

/* Hash of a key longer than 8 bytes: whole 8-byte words, then the last 8 bytes (overlapping the
 * word before). */
static uint64_t hash_long(const unsigned char *p, size_t len)
{
    uint64_t h = bytes_seed(len);
    size_t n = len;
    for (; n > 8; p += 8, n -= 8) h = bytes_mix(h, bytes_load64(p));
    return bytes_finish(bytes_mix(h, bytes_load64(p + n - 8)));
}

uint64_t hash_bytes(const void *data, size_t len)
{
    if (len <= 8) return bytes_hash_packed(bytes_pack(data, len), len);
    return hash_long(data, len);
}

void strmap_init(strmap *m)
{
    memset(m, 0, sizeof *m);
    arena_init(&m->strings);
}

static inline uint64_t key_hash(const char *s, size_t len)
{
    return len <= 8 ? bytes_hash_packed(bytes_pack(s, len), len) : hash_long((const unsigned char *)s, len);
}

/* What a key's slot holds besides its id. */
static inline uint32_t slot_check(uint64_t h, size_t len)
{
    return (uint32_t)(h >> 40) << 8 | (uint32_t)(len < 255 ? len : 255);
}

static bool same_bytes(const char *a, const char *b, size_t len)
{
    for (; len >= 8; a += 8, b += 8, len -= 8)
        if (bytes_load64(a) != bytes_load64(b)) return false;
    for (; len; a++, b++, len--)
        if (*a != *b) return false;
    return true;
}

/* Id of the key (len bytes at s, hash h), or STRMAP_NONE with *slot set to the empty place where it
 * would go. */
static inline uint32_t lookup(const strmap *m, const char *s, size_t len, uint64_t h, size_t *slot)
{
    size_t mask = m->n_slots - 1;
    uint32_t check = slot_check(h, len);
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        strmap_slot v = m->slots[i];
        if (v.id == 0) {
            *slot = i;
            return STRMAP_NONE;
        }
        uint32_t id = v.id - 1;
        if (v.check == check && (len < 255 || m->key_lens[id] == len) && same_bytes(m->keys[id], s, len)) {
            *slot = i;
            return id;
        }
    }
}

static bool rehash(strmap *m, size_t n_slots)
{
    strmap_slot *slots = calloc(n_slots, sizeof *slots);
    if (!slots) return false;
    free(m->slots);
    m->slots = slots;
    m->n_slots = n_slots;
    for (size_t id = 0; id < m->len; id++) {
        uint32_t len = m->key_lens[id];
        uint64_t h = key_hash(m->keys[id], len);
        size_t i = h & (n_slots - 1);
        while (slots[i].id) i = (i + 1) & (n_slots - 1);
        slots[i] = (strmap_slot){(uint32_t)id + 1, slot_check(h, len)};
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
    m->cap = cap;
    return true;
}

uint32_t strmap_find(const strmap *m, const char *s, size_t len)
{
    if (!m->n_slots) return STRMAP_NONE;
    size_t slot;
    return lookup(m, s, len, key_hash(s, len), &slot);
}

uint32_t strmap_intern(strmap *m, const char *s, size_t len, bool *added)
{
    if (added) *added = false;
    if (len >= UINT32_MAX || m->len >= UINT32_MAX - 1) return STRMAP_NONE;
    if ((m->len + 1) * 4 > m->n_slots * 3 && !rehash(m, m->n_slots ? m->n_slots * 2 : 1024))
        return STRMAP_NONE;
    uint64_t h = key_hash(s, len);
    size_t slot;
    uint32_t id = lookup(m, s, len, h, &slot);
    if (id != STRMAP_NONE) return id;
    if (m->len == m->cap && !grow_keys(m)) return STRMAP_NONE;
    char *key = arena_strndup(&m->strings, s, len);
    if (!key) return STRMAP_NONE;
    id = (uint32_t)m->len++;
    m->keys[id] = key;
    m->key_lens[id] = (uint32_t)len;
    m->slots[slot] = (strmap_slot){id + 1, slot_check(h, len)};
    if (added) *added = true;
    return id;
}

void strmap_free(strmap *m)
{
    free(m->slots);
    free(m->keys);
    free(m->key_lens);
    arena_free(&m->strings);
    memset(m, 0, sizeof *m);
}

/* strmap.c — string interning with an open-addressing hash table (linear probing). A key of up to
 * 8 bytes (most words) is packed into one 64-bit word kept in its slot, so looking it up costs a
 * couple of loads, one multiply and a compare, and never reads the stored key; longer keys are
 * hashed 16 bytes a step and compared in full only when length and hash match. */
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

/* Hash of a key, and in *word what its slot holds besides its id: the packed bytes of a short
 * key, the hash of a longer one. */
static inline uint64_t key_hash(const char *s, size_t len, uint64_t *word)
{
    if (len <= 8) {
        *word = bytes_pack(s, len);
        return bytes_hash_packed(*word, len);
    }
    return *word = hash_long((const unsigned char *)s, len);
}

/* Id of the key (len bytes at s, hash h, slot word `word`), or STRMAP_NONE with *slot set to the
 * empty place where it would go. Inline: on the path of every token. */
static inline uint32_t lookup(const strmap *m, const char *s, size_t len, uint64_t h, uint64_t word, size_t *slot)
{
    size_t mask = m->n_slots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const strmap_slot *v = &m->slots[i];
        if (v->id == 0) {
            *slot = i;
            return STRMAP_NONE;
        }
        if (v->word == word && v->len == len && (len <= 8 || memcmp(m->keys[v->id - 1], s, len) == 0)) {
            *slot = i;
            return v->id - 1;
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
        const char *key = m->keys[id];
        uint32_t len = m->key_lens[id];
        uint64_t word, h = key_hash(key, len, &word);
        size_t i = h & (n_slots - 1);
        while (slots[i].id) i = (i + 1) & (n_slots - 1);
        slots[i] = (strmap_slot){word, len, (uint32_t)id + 1};
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
    uint64_t word, h = key_hash(s, len, &word);
    return lookup(m, s, len, h, word, &slot);
}

uint32_t strmap_intern(strmap *m, const char *s, size_t len, bool *added)
{
    if (added) *added = false;
    if (len >= UINT32_MAX || m->len >= UINT32_MAX - 1) return STRMAP_NONE;
    if ((m->len + 1) * 2 > m->n_slots && !rehash(m, m->n_slots ? m->n_slots * 2 : 1024))
        return STRMAP_NONE;
    uint64_t word, h = key_hash(s, len, &word);
    size_t slot;
    uint32_t id = lookup(m, s, len, h, word, &slot);
    if (id != STRMAP_NONE) return id;
    if (m->len == m->cap && !grow_keys(m)) return STRMAP_NONE;
    char *key = arena_strndup(&m->strings, s, len);
    if (!key) return STRMAP_NONE;
    id = (uint32_t)m->len++;
    m->keys[id] = key;
    m->key_lens[id] = (uint32_t)len;
    m->slots[slot] = (strmap_slot){word, (uint32_t)len, id + 1};
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

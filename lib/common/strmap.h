/* strmap.h — interns byte strings: each distinct string gets a dense id 0, 1, 2, … in first-seen order.
 * Keys are copied into the map's own arena; ids stay valid until strmap_free(). */
#ifndef TD_STRMAP_H
#define TD_STRMAP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/arena.h"

#define STRMAP_NONE UINT32_MAX

/* One place of the hash table: 8 bytes, so the table stays small (cache, page faults). */
typedef struct strmap_slot {
    uint32_t id;    /* id + 1, 0 when empty */
    uint32_t check; /* 24 bits of the key's hash and its length (255 for 255 and more): a probe
                       reads the stored key only when both match, which is almost only on a hit */
} strmap_slot;

typedef struct strmap {
    strmap_slot *slots; /* open-addressing table (linear probing) */
    size_t n_slots;     /* power of two */
    const char **keys;  /* id -> key (NUL-terminated copy) */
    uint32_t *key_lens; /* id -> key length */
    size_t len;         /* number of ids handed out */
    size_t cap;         /* capacity of keys/key_lens */
    arena strings;      /* storage of the keys */
} strmap;

void strmap_init(strmap *m);
/* Id of the string, adding it when absent; STRMAP_NONE when out of memory. *added tells which (may be NULL). */
uint32_t strmap_intern(strmap *m, const char *s, size_t len, bool *added);
/* Id of the string, or STRMAP_NONE when absent. */
uint32_t strmap_find(const strmap *m, const char *s, size_t len);
void strmap_free(strmap *m);

/* 64-bit hash of a byte string, all bits usable (low ones as a table index too). */
uint64_t hash_bytes(const void *data, size_t len);

#endif

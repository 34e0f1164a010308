/* strmap.h — interns byte strings: each distinct string gets a dense id 0, 1, 2, … in first-seen order.
 * Keys are copied into the map's own arena; ids stay valid until strmap_free(). */
#ifndef TD_STRMAP_H
#define TD_STRMAP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/arena.h"

#define STRMAP_NONE UINT32_MAX

typedef struct strmap {
    uint32_t *slots;    /* open-addressing table of id+1, 0 when empty */
    size_t n_slots;     /* power of two */
    const char **keys;  /* id -> key (NUL-terminated copy) */
    uint32_t *key_lens; /* id -> key length */
    uint64_t *hashes;   /* id -> hash of the key */
    size_t len;         /* number of ids handed out */
    size_t cap;         /* capacity of keys/key_lens/hashes */
    arena strings;      /* storage of the keys */
} strmap;

void strmap_init(strmap *m);
/* Id of the string, adding it when absent; STRMAP_NONE when out of memory. *added tells which (may be NULL). */
uint32_t strmap_intern(strmap *m, const char *s, size_t len, bool *added);
/* Id of the string, or STRMAP_NONE when absent. */
uint32_t strmap_find(const strmap *m, const char *s, size_t len);
void strmap_free(strmap *m);

uint64_t hash_bytes(const void *data, size_t len);

#endif

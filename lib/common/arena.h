/* arena.h — bump allocator for the many small strings and arrays of one document or cluster.
 * Everything allocated from an arena is freed at once by arena_free(). */
#ifndef TD_ARENA_H
#define TD_ARENA_H
#include <stddef.h>

typedef struct arena_block arena_block;
typedef struct arena {
    arena_block *head; /* newest block first */
    size_t used;       /* bytes used in head */
    size_t cap;        /* capacity of head */
} arena;

void arena_init(arena *a);
/* Returns zeroed memory aligned for any type, or NULL when out of memory. */
void *arena_alloc(arena *a, size_t size);
/* Copies len bytes and adds a NUL; NULL when out of memory. */
char *arena_strndup(arena *a, const char *s, size_t len);
char *arena_strdup(arena *a, const char *s);
void arena_free(arena *a);

#endif

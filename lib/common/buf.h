/* buf.h — growable byte string (always NUL-terminated) for building output and text. */
#ifndef TD_BUF_H
#define TD_BUF_H
#include <stdbool.h>
#include <stddef.h>

typedef struct buf {
    char *data; /* NUL-terminated once anything was added; may be NULL when empty */
    size_t len; /* bytes used, not counting the NUL */
    size_t cap; /* bytes allocated */
} buf;

/* All return false when out of memory, leaving the buffer as it was. */
bool buf_reserve(buf *b, size_t extra);
bool buf_append(buf *b, const char *s, size_t len);
bool buf_puts(buf *b, const char *s);
bool buf_putc(buf *b, char c);
bool buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends the decimal digits of v (faster than buf_printf on hot paths). */
bool buf_put_size(buf *b, size_t v);
/* Appends v as buf_printf(b, "%.6g", v) would, most values without printf's cost. */
bool buf_put_g6(buf *b, double v);
/* Appends s as the inside of a JSON string (quotes not included). */
bool buf_json_escape(buf *b, const char *s, size_t len);
/* Hands the string to the caller (free() it); the buffer is left empty. Never NULL unless OOM. */
char *buf_take(buf *b);
void buf_clear(buf *b);
void buf_free(buf *b);

#endif

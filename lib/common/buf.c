/* buf.c — growable byte string. */
#include "common/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool buf_reserve(buf *b, size_t extra)
{
    if (b->cap - b->len > extra) return true;
    size_t cap = b->cap ? b->cap : 64;
    while (cap - b->len <= extra) {
        if (cap > ((size_t)-1) / 2) return false;
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) return false;
    b->data = p;
    b->cap = cap;
    return true;
}

bool buf_append(buf *b, const char *s, size_t len)
{
    if (!buf_reserve(b, len)) return false;
    if (len) memcpy(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
    return true;
}

bool buf_puts(buf *b, const char *s) { return buf_append(b, s, strlen(s)); }

bool buf_putc(buf *b, char c) { return buf_append(b, &c, 1); }

bool buf_printf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !buf_reserve(b, (size_t)n)) return false;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return true;
}

bool buf_put_size(buf *b, size_t v)
{
    char digits[24];
    size_t n = sizeof digits;
    do {
        digits[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return buf_append(b, digits + n, sizeof digits - n);
}

bool buf_json_escape(buf *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    size_t run = 0; /* start of the bytes that need no escape */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        if (!buf_append(b, s + run, i - run)) return false;
        run = i + 1;
        bool ok;
        switch (c) {
        case '"': ok = buf_append(b, "\\\"", 2); break;
        case '\\': ok = buf_append(b, "\\\\", 2); break;
        case '\n': ok = buf_append(b, "\\n", 2); break;
        case '\r': ok = buf_append(b, "\\r", 2); break;
        case '\t': ok = buf_append(b, "\\t", 2); break;
        default: {
            char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            ok = buf_append(b, esc, 6);
        }
        }
        if (!ok) return false;
    }
    return buf_append(b, s + run, len - run);
}

char *buf_take(buf *b)
{
    char *p = b->data;
    if (!p) p = calloc(1, 1);
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void buf_clear(buf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

void buf_free(buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

/* buf.c — growable byte string. */
#include "common/buf.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/bytes.h"

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

bool buf_put_g6(buf *b, double v)
{
    /* v = d × 10^(e-5) with six digits d: found by scaling with an exact power of ten. The product
     * is off by less than 1e-9 (v < 1e6), so d is printf's unless the product is that near a
     * half, where only v's exact expansion decides: that, and all else, goes to snprintf. */
    static const double scale[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    static const double decade[] = {1e-4, 1e-3, 1e-2, 1e-1, 1e0, 1e1, 1e2, 1e3, 1e4, 1e5}; /* 10^e at e + 4 */
    if (!(v >= 1e-4 && v < 1e6)) return buf_printf(b, "%.6g", v);
    int e = 5;
    while (e > -4 && v < decade[e + 4]) e--;
    double p = v * scale[5 - e];
    double whole = floor(p), frac = p - whole;
    uint32_t d = (uint32_t)whole + (frac > 0.5);
    if (fabs(frac - 0.5) < 1e-6 || d < 100000 || d > 999999) return buf_printf(b, "%.6g", v);
    char digits[6], out[16];
    for (int k = 5; k >= 0; k--, d /= 10) digits[k] = (char)('0' + d % 10);
    int n_digits = 6;
    while (digits[n_digits - 1] == '0') n_digits--; /* %g drops trailing zeros */
    size_t o = 0;
    if (e < 0) {
        out[o++] = '0';
        out[o++] = '.';
        for (int k = -1; k > e; k--) out[o++] = '0';
        for (int k = 0; k < n_digits; k++) out[o++] = digits[k];
    } else {
        for (int k = 0; k <= e; k++) out[o++] = digits[k];
        if (n_digits > e + 1) out[o++] = '.';
        for (int k = e + 1; k < n_digits; k++) out[o++] = digits[k];
    }
    return buf_append(b, out, o);
}

bool buf_json_escape(buf *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    size_t run = 0; /* start of the bytes that need no escape */
    for (size_t i = 0; i < len; i++) {
        /* eight bytes at once while none is a control, '"' or '\\' (nearly all of a text) */
        for (uint64_t x; len - i >= 8 && !bytes_any_below(x = bytes_load64(s + i), 0x20) && !bytes_any_equal(x, '"') &&
                         !bytes_any_equal(x, '\\');)
            i += 8;
        if (i == len) break;
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

/* respond.c — the small pieces every route uses: responses and JSON errors, the query string and
 * percent-decoding. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve/serve.h"

bool serve_reply(td_http_response *out, int status, const char *content_type, const char *text, size_t len)
{
    char *body = malloc(len + 1);
    if (!body) return false;
    memcpy(body, text, len);
    body[len] = '\0';
    free(out->body);
    *out = (td_http_response){status, content_type, body, len};
    return true;
}

bool serve_json_string(buf *b, const char *s, size_t len)
{
    return buf_putc(b, '"') && buf_json_escape(b, s, len) && buf_putc(b, '"');
}

bool serve_error(td_http_response *out, int status, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    buf b = {0};
    bool ok = buf_puts(&b, "{\"error\":") && serve_json_string(&b, msg, strlen(msg)) && buf_puts(&b, "}\n") &&
              serve_reply(out, status, "application/json", b.data, b.len);
    buf_free(&b);
    return ok;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool serve_decode(const char *s, size_t len, bool plus_space, buf *out)
{
    buf_clear(out);
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '%') {
            int hi = i + 2 < len ? hex_value(s[i + 1]) : -1;
            int lo = hi >= 0 ? hex_value(s[i + 2]) : -1;
            if (lo < 0) return false;
            c = (char)(hi * 16 + lo);
            i += 2;
        } else if (c == '+' && plus_space) {
            c = ' ';
        }
        if (c == '\0' || !buf_putc(out, c)) return false;
    }
    if (!buf_reserve(out, 1)) return false;
    out->data[out->len] = '\0'; /* an empty value is "" too */
    return true;
}

bool serve_query(const char *query, const char *name, buf *value)
{
    size_t name_len = strlen(name);
    for (const char *p = query; p && *p;) {
        size_t len = strcspn(p, "&");
        if (len > name_len && !strncmp(p, name, name_len) && p[name_len] == '=')
            return serve_decode(p + name_len + 1, len - name_len - 1, true, value);
        if (len == name_len && !strncmp(p, name, name_len)) return serve_decode("", 0, true, value);
        p += len + (p[len] == '&');
    }
    return false;
}

/* strings.c — white-space helpers shared by the parsers of the input formats. */
#include <string.h>

#include "ingest/ingest.h"

bool ingest_collapse(buf *out, const char *s, size_t len)
{
    size_t i = 0;
    bool first = true;
    while (i < len) {
        while (i < len && ingest_space(s[i])) i++;
        size_t start = i;
        while (i < len && !ingest_space(s[i])) i++;
        if (i == start) break;
        if (!first && !buf_putc(out, ' ')) return false;
        if (!buf_append(out, s + start, i - start)) return false;
        first = false;
    }
    return true;
}

void ingest_trim_text(const char *s, size_t *start, size_t *end)
{
    size_t a = *start, b = *end;
    while (b > a && ingest_space(s[b - 1])) b--;
    /* Drop whole blank lines at the start, not the first line's indentation. */
    for (size_t i = a; i < b && ingest_space(s[i]); i++)
        if (s[i] == '\n') a = i + 1;
    *start = a;
    *end = b;
}

size_t ingest_line_of(const char *s, size_t at)
{
    size_t line = 1;
    const char *p = s, *end = s + at;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        line++;
        p++;
    }
    return line;
}

const char *ingest_find(const char *s, size_t len, const char *needle, size_t n)
{
    if (n == 0 || n > len) return NULL;
    const char *p = s, *last = s + (len - n);
    while (p <= last && (p = memchr(p, needle[0], (size_t)(last - p) + 1)) != NULL) {
        if (memcmp(p, needle, n) == 0) return p;
        p++;
    }
    return NULL;
}

/* check.c — the checks every input goes through before it is parsed: not empty, not binary,
 * valid UTF-8, no absurdly long line. A bad file is refused whole, with a message that names it. */
#include <string.h>

#include "common/bytes.h"
#include "common/error.h"
#include "ingest/ingest.h"

td_status ingest_check_content(const ingest_file *f, td_error *err)
{
    const unsigned char *p = (const unsigned char *)f->text;
    size_t n = f->len;
    if (n >= 2 && ((p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe && p[1] == 0xff)))
        return error_set(err, TD_ERR_INPUT, "%s: UTF-16 text, not UTF-8", f->path);
    size_t blank = 0;
    while (blank < n && ingest_space((char)p[blank])) blank++;
    if (blank == n) return error_set(err, TD_ERR_INPUT, "%s: empty file", f->path);
    if (memchr(p, '\0', n)) return error_set(err, TD_ERR_INPUT, "%s: binary data, not text", f->path);
    /* Text has at most a few stray control characters; data has many. */
    size_t controls = 0;
    for (size_t i = 0; i < n; i++) {
        /* Sixteen, then eight bytes at once while none is a control or DEL (nearly all of a text). */
        for (; n - i >= 16; i += 16) {
            uint64_t x = bytes_load64(p + i), y = bytes_load64(p + i + 8);
            uint64_t dx = x ^ (BYTES_ONES * 0x7f), dy = y ^ (BYTES_ONES * 0x7f);
            uint64_t low = ((x - BYTES_ONES * 0x20) & ~x) | ((y - BYTES_ONES * 0x20) & ~y);
            uint64_t del = ((dx - BYTES_ONES) & ~dx) | ((dy - BYTES_ONES) & ~dy);
            if ((low | del) & BYTES_HIGHS) break;
        }
        for (uint64_t x; n - i >= 8 && !bytes_any_below(x = bytes_load64(p + i), 0x20) && !bytes_any_equal(x, 0x7f);)
            i += 8;
        if (i == n) break;
        unsigned char c = p[i];
        if ((c < 0x20 && !ingest_space((char)c)) || c == 0x7f) controls++;
    }
    if (controls >= 4 && controls * 100 > n)
        return error_set(err, TD_ERR_INPUT, "%s: binary data, not text", f->path);
    return TD_OK;
}

/* Turns CR LF and lone CR into LF, in place. */
static void normalise_line_ends(ingest_file *f)
{
    char *cr = memchr(f->text, '\r', f->len);
    if (!cr) return;
    char *w = cr, *r = cr, *end = f->text + f->len;
    while (r < end) {
        if (*r == '\r') {
            *w++ = '\n';
            r += (r + 1 < end && r[1] == '\n') ? 2 : 1;
        } else {
            *w++ = *r++;
        }
    }
    *w = '\0';
    f->len = (size_t)(w - f->text);
}

td_status ingest_check_text(ingest_file *f, td_format format, td_error *err)
{
    size_t bad;
    if (!td_utf8_valid(f->text, f->len, &bad)) {
        size_t at = f->base + bad;
        if (format == TD_FORMAT_MULTINEWS)
            return error_set(err, TD_ERR_INPUT, "%s: line %zu, article %zu: invalid UTF-8 at byte %zu", f->path,
                             ingest_line_of(f->text, bad), multinews_article_at(f->text, bad), at);
        if (format == TD_FORMAT_JSONL)
            return error_set(err, TD_ERR_INPUT, "%s: line %zu: invalid UTF-8 at byte %zu", f->path,
                             ingest_line_of(f->text, bad), at);
        return error_set(err, TD_ERR_INPUT, "%s: invalid UTF-8 at byte %zu", f->path, at);
    }
    normalise_line_ends(f);
    const char *s = f->text, *end = s + f->len;
    for (size_t line = 1; s < end; line++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *stop = nl ? nl : end;
        if ((size_t)(stop - s) > INGEST_MAX_LINE)
            return error_set(err, TD_ERR_INPUT, "%s: line %zu is longer than 1 MiB", f->path, line);
        if (!nl) break;
        s = nl + 1;
    }
    return TD_OK;
}

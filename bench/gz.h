/* gz.h — a gzip-compressed file read whole, for the bench programs that read the extraction set's
 * pages (zlib reads an uncompressed file as it is). */
#ifndef TD_BENCH_GZ_H
#define TD_BENCH_GZ_H
#include <stdbool.h>
#include <zlib.h>

#include "common/buf.h"

/* The bytes of the file at path, decompressed and NUL-terminated ("" when it is empty), their count
 * in *len; NULL when it cannot be opened or memory runs out. The caller frees them. */
static inline char *bench_read_gz(const char *path, size_t *len)
{
    gzFile g = gzopen(path, "rb");
    if (!g) return NULL;
    buf b = {0};
    char chunk[65536];
    int got;
    bool ok = true;
    while (ok && (got = gzread(g, chunk, sizeof chunk)) > 0) ok = buf_append(&b, chunk, (size_t)got);
    gzclose(g);
    if (!ok) {
        buf_free(&b);
        return NULL;
    }
    *len = b.len;
    return buf_take(&b);
}

#endif

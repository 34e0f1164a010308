/* gunzip.c — inputs compressed with gzip (saved web pages often are) are decompressed in memory
 * as they are loaded, with a ceiling on the size so that a small bomb cannot eat the machine. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "common/error.h"
#include "ingest/ingest.h"

/* Largest decompressed input accepted. */
#define GUNZIP_MAX ((size_t)256 << 20)

bool ingest_is_gzip(const ingest_file *f)
{
    return f->size >= 2 && (unsigned char)f->data[0] == 0x1f && (unsigned char)f->data[1] == 0x8b;
}

td_status ingest_gunzip(ingest_file *f, td_error *err)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 15 + 16) != Z_OK) return error_nomem(err); /* 15 + 16: gzip wrapper */
    size_t cap = f->size * 4 + 4096, len = 0;
    char *out = malloc(cap);
    if (!out) {
        inflateEnd(&z);
        return error_nomem(err);
    }
    z.next_in = (unsigned char *)f->data;
    z.avail_in = (uInt)(f->size > UINT32_MAX ? UINT32_MAX : f->size);
    int rc = Z_OK;
    td_status st = TD_OK;
    while (rc != Z_STREAM_END) {
        if (cap - len < 2) {
            if (cap >= GUNZIP_MAX) {
                st = error_set(err, TD_ERR_INPUT, "%s: decompresses to more than %zu MiB", f->path, GUNZIP_MAX >> 20);
                break;
            }
            size_t bigger = cap * 2 > GUNZIP_MAX ? GUNZIP_MAX : cap * 2;
            char *p = realloc(out, bigger);
            if (!p) {
                st = error_nomem(err);
                break;
            }
            out = p;
            cap = bigger;
        }
        z.next_out = (unsigned char *)out + len;
        z.avail_out = (uInt)(cap - len - 1 > UINT32_MAX ? UINT32_MAX : cap - len - 1);
        rc = inflate(&z, Z_NO_FLUSH);
        len = (size_t)((char *)z.next_out - out);
        if (rc == Z_MEM_ERROR) {
            st = error_nomem(err);
            break;
        }
        if (rc != Z_OK && rc != Z_STREAM_END && !(rc == Z_BUF_ERROR && z.avail_out == 0)) {
            st = error_set(err, TD_ERR_INPUT, "%s: corrupt or truncated gzip data", f->path);
            break;
        }
    }
    inflateEnd(&z);
    if (st != TD_OK) {
        free(out);
        return st;
    }
    out[len] = '\0';
    free(f->data);
    f->data = f->text = out;
    f->size = f->len = len;
    f->base = 0;
    return TD_OK;
}

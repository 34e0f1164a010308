/* rouge_file.c — reading a summary file whole, with errors that name the file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/error.h"
#include "tidings.h"

td_status td_rouge_read_file(const char *path, char **text, size_t *len, td_error *err)
{
    *text = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f) return error_set(err, TD_ERR_IO, "%s: %s", path, strerror(errno));
    buf b = {0};
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (!buf_append(&b, chunk, got)) {
            fclose(f);
            buf_free(&b);
            return error_nomem(err);
        }
    }
    int failed = ferror(f) ? errno : 0;
    fclose(f);
    if (failed) {
        buf_free(&b);
        return error_set(err, TD_ERR_IO, "%s: %s", path, strerror(failed));
    }
    size_t bad;
    if (!td_utf8_valid(b.data ? b.data : "", b.len, &bad)) {
        buf_free(&b);
        return error_set(err, TD_ERR_INPUT, "%s: invalid UTF-8 at byte %zu", path, bad);
    }
    *len = b.len;
    *text = b.data ? buf_take(&b) : calloc(1, 1);
    if (!*text) return error_nomem(err);
    return TD_OK;
}

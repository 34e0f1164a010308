/* rouge_file.c — reading a summary file whole (through ingest's reader, bytes as they are), with
 * errors that name the file. */
#include "common/error.h"
#include "ingest/ingest.h"
#include "tidings.h"

td_status td_rouge_read_file(const char *path, char **text, size_t *len, td_error *err)
{
    *text = NULL;
    *len = 0;
    ingest_file f;
    td_status st = ingest_read(path, false, &f, err);
    if (st != TD_OK) return st;
    size_t bad;
    if (!td_utf8_valid(f.data, f.size, &bad)) {
        ingest_file_free(&f);
        return error_set(err, TD_ERR_INPUT, "%s: invalid UTF-8 at byte %zu", path, bad);
    }
    *text = f.data; /* the file's bytes, NUL-terminated, are the caller's now */
    *len = f.size;
    return TD_OK;
}

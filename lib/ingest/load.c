/* load.c — reads an input file or stdin whole into memory with one read loop (the size from
 * fstat when it has one, so a regular file is read into a buffer of the right size). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/error.h"
#include "ingest/ingest.h"

/* Reads fd to its end into *data (NUL-terminated); errno is kept on failure. */
static td_status read_all(int fd, char **data, size_t *size)
{
    struct stat st;
    size_t cap = 64 * 1024;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) cap = (size_t)st.st_size + 1;
    char *p = malloc(cap);
    if (!p) return TD_ERR_NOMEM;
    size_t len = 0;
    for (;;) {
        if (cap - len < 2) {
            char *q = cap > ((size_t)-1) / 2 ? NULL : realloc(p, cap * 2);
            if (!q) {
                free(p);
                return TD_ERR_NOMEM;
            }
            p = q;
            cap *= 2;
        }
        ssize_t n = read(fd, p + len, cap - len - 1);
        if (n < 0) {
            if (errno == EINTR) continue;
            int saved = errno;
            free(p);
            errno = saved;
            return TD_ERR_IO;
        }
        if (n == 0) break;
        len += (size_t)n;
    }
    p[len] = '\0';
    *data = p;
    *size = len;
    return TD_OK;
}

td_status ingest_read(const char *path, bool is_stdin, ingest_file *f, td_error *err)
{
    memset(f, 0, sizeof *f);
    f->path = path;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return error_set(err, TD_ERR_IO, "%s: %s", path, strerror(errno));
    td_status st = read_all(fd, &f->data, &f->size);
    int saved = errno;
    if (!is_stdin) close(fd);
    if (st == TD_ERR_NOMEM) return error_nomem(err);
    if (st != TD_OK) return error_set(err, st, "%s: %s", path, strerror(saved));
    f->text = f->data;
    f->len = f->size;
    return TD_OK;
}

td_status ingest_load(const char *path, bool is_stdin, ingest_file *f, td_error *err)
{
    td_status st = ingest_read(path, is_stdin, f, err);
    if (st != TD_OK) return st;
    if (ingest_is_gzip(f) && (st = ingest_gunzip(f, err)) != TD_OK) {
        ingest_file_free(f);
        return st;
    }
    if (f->len >= 3 && memcmp(f->text, "\xef\xbb\xbf", 3) == 0) {
        f->text += 3;
        f->len -= 3;
        f->base = 3;
    }
    return TD_OK;
}

void ingest_file_free(ingest_file *f)
{
    free(f->data);
    memset(f, 0, sizeof *f);
}

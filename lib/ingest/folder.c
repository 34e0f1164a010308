/* folder.c — the entries of an input folder: its regular files and its sub-folders, each sorted
 * by name, hidden entries (".name") skipped. Nothing deeper is looked at. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common/error.h"
#include "ingest/folder.h"

char *folder_join(const char *dir, const char *name)
{
    size_t n = strlen(dir), m = strlen(name);
    bool slash = n && dir[n - 1] == '/';
    char *p = malloc(n + m + 2);
    if (!p) return NULL;
    memcpy(p, dir, n);
    if (!slash) p[n++] = '/';
    memcpy(p + n, name, m + 1);
    return p;
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void free_names(name_vec *v)
{
    for (size_t i = 0; i < v->len; i++) free(v->items[i]);
    vec_free(v);
}

void folder_free(folder *f)
{
    free_names(&f->files);
    free_names(&f->dirs);
}

td_status folder_read(const char *path, folder *out, td_error *err)
{
    memset(out, 0, sizeof *out);
    DIR *d = opendir(path);
    if (!d) return error_set(err, TD_ERR_IO, "%s: %s", path, strerror(errno));
    td_status st = TD_OK;
    struct dirent *e;
    errno = 0;
    while (st == TD_OK && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        char *full = folder_join(path, e->d_name);
        char *name = strdup(e->d_name);
        struct stat sb;
        name_vec *into = NULL;
        if (full && name && stat(full, &sb) == 0) {
            if (S_ISREG(sb.st_mode)) into = &out->files;
            else if (S_ISDIR(sb.st_mode)) into = &out->dirs;
        }
        if (!full || !name || (into && !vec_push(into, name))) st = error_nomem(err);
        else if (into) name = NULL;
        free(full);
        free(name);
        errno = 0;
    }
    if (st == TD_OK && errno) st = error_set(err, TD_ERR_IO, "%s: %s", path, strerror(errno));
    closedir(d);
    if (st != TD_OK) {
        folder_free(out);
        return st;
    }
    if (out->files.len) qsort(out->files.items, out->files.len, sizeof *out->files.items, by_name);
    if (out->dirs.len) qsort(out->dirs.items, out->dirs.len, sizeof *out->dirs.items, by_name);
    return TD_OK;
}

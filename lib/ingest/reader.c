/* reader.c — td_reader: turns the command's inputs (files, folders, "-") into a list of files in
 * groups, then reads them one at a time. Articles of single-article formats (text, SGML,
 * article-a-line JSONL) are pooled into their group's cluster, handed out when the group is
 * done; Multi-News and cluster-a-line JSONL files hand out one cluster a line once the whole
 * file was checked. Group 0 is the command itself (id "1"); each sub-folder of a folder of
 * folders is a group of its own, named after the sub-folder. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common/arena.h"
#include "common/error.h"
#include "common/vec.h"
#include "ingest/folder.h"
#include "ingest/ingest.h"

/* One file to read. */
typedef struct source {
    const char *path; /* as given, or joined from the folder's path; "<stdin>" for - */
    size_t group;     /* index in td_reader.groups */
    bool is_stdin;
} source;

/* Where pooled articles go. */
typedef struct group {
    const char *id;   /* id of its cluster */
    size_t last;      /* index of its last source (group 0: handed out after all sources) */
    td_cluster *pool; /* its articles so far, NULL before the first */
} group;

struct td_reader {
    td_format format;      /* TD_FORMAT_AUTO or the format forced on every input */
    arena strings;         /* paths and group ids */
    VEC(source) sources;   /* every file, in reading order */
    VEC(group) groups;     /* group 0 is the command's own inputs */
    size_t next;           /* index of the next source to open */
    ingest_file file;      /* the file being handed out line by line, when `active` */
    bool active;           /* file holds clusters still to hand out */
    td_format file_format; /* TD_FORMAT_MULTINEWS or TD_FORMAT_JSONL, when active */
    size_t current;        /* index of the source in `file` */
    multinews_iter mn;     /* position in a Multi-News file */
    jsonl_iter jl;         /* position in a cluster-a-line JSONL file */
    bool done;             /* group 0 was handed out: nothing more */
    td_error error;        /* the error that stopped the reader, when error.code != TD_OK */
};

static td_status add_source(td_reader *r, const char *path, size_t grp, bool is_stdin, td_error *err)
{
    source s = {.path = path, .group = grp, .is_stdin = is_stdin};
    if (!vec_push(&r->sources, s)) return error_nomem(err);
    r->groups.items[grp].last = r->sources.len - 1;
    return TD_OK;
}

static td_status add_group(td_reader *r, const char *id, td_error *err)
{
    group g = {.id = arena_strdup(&r->strings, id)};
    if (!g.id || !vec_push(&r->groups, g)) return error_nomem(err);
    return TD_OK;
}

/* Adds the files of folder `dir` (a copy of its path ending in "/") to group grp. */
static td_status add_files(td_reader *r, const char *dir, const name_vec *files, size_t grp, td_error *err)
{
    for (size_t i = 0; i < files->len; i++) {
        char *full = folder_join(dir, files->items[i]);
        char *path = full ? arena_strdup(&r->strings, full) : NULL;
        free(full);
        if (!path) return error_nomem(err);
        td_status st = add_source(r, path, grp, false, err);
        if (st != TD_OK) return st;
    }
    return TD_OK;
}

/* A folder: its files join group 0; without files, each sub-folder becomes a group. */
static td_status add_folder(td_reader *r, const char *path, td_error *err)
{
    folder top;
    td_status st = folder_read(path, &top, err);
    if (st != TD_OK) return st;
    char *shown = folder_join(path, "");
    if (!shown) st = error_nomem(err);
    else if (top.files.len) st = add_files(r, shown, &top.files, 0, err);
    else if (!top.dirs.len) st = error_set(err, TD_ERR_INPUT, "%s: no text files", shown);
    for (size_t i = 0; st == TD_OK && !top.files.len && i < top.dirs.len; i++) {
        char *sub = folder_join(shown, top.dirs.items[i]);
        folder inner;
        if (!sub) {
            st = error_nomem(err);
            break;
        }
        char *sub_shown = folder_join(sub, "");
        st = sub_shown ? folder_read(sub, &inner, err) : error_nomem(err);
        if (st == TD_OK) {
            if (!inner.files.len) st = error_set(err, TD_ERR_INPUT, "%s: no text files", sub_shown);
            else if ((st = add_group(r, top.dirs.items[i], err)) == TD_OK)
                st = add_files(r, sub_shown, &inner.files, r->groups.len - 1, err);
            folder_free(&inner);
        }
        free(sub);
        free(sub_shown);
    }
    free(shown);
    folder_free(&top);
    return st;
}

td_reader *td_reader_open(const char *const *inputs, size_t n_inputs, td_format format, td_error *err)
{
    if (n_inputs == 0) {
        error_set(err, TD_ERR_USAGE, "no input given");
        return NULL;
    }
    td_reader *r = calloc(1, sizeof *r);
    if (!r) {
        error_nomem(err);
        return NULL;
    }
    r->format = format;
    arena_init(&r->strings);
    td_status st = add_group(r, "1", err);
    bool seen_stdin = false;
    for (size_t i = 0; st == TD_OK && i < n_inputs; i++) {
        const char *in = inputs[i];
        struct stat sb;
        if (strcmp(in, "-") == 0) {
            if (seen_stdin) st = error_set(err, TD_ERR_USAGE, "-: standard input can be read only once");
            else st = add_source(r, "<stdin>", 0, true, err);
            seen_stdin = true;
        } else if (stat(in, &sb) != 0) {
            st = error_set(err, TD_ERR_IO, "%s: %s", in, strerror(errno));
        } else if (S_ISDIR(sb.st_mode)) {
            st = add_folder(r, in, err);
        } else {
            st = add_source(r, in, 0, false, err);
        }
    }
    if (st != TD_OK) {
        td_reader_close(r);
        return NULL;
    }
    return r;
}

/* Stops the reader with the error in err, kept for later calls. */
static int fail(td_reader *r, const td_error *err)
{
    r->error = *err;
    return -1;
}

/* Hands out the pool of group g, if any. */
static bool take_pool(td_reader *r, size_t g, td_cluster **out)
{
    *out = r->groups.items[g].pool;
    r->groups.items[g].pool = NULL;
    return *out != NULL;
}

/* Opens, checks and reads source i: pooled formats go into their group, the others start being
 * handed out (after a check of the whole file). */
static td_status read_source(td_reader *r, size_t i, td_error *err)
{
    const source *s = &r->sources.items[i];
    ingest_file f;
    td_status st = ingest_load(s->path, s->is_stdin, &f, err);
    td_format fmt = r->format;
    bool utf16_page = st == TD_OK && (fmt == TD_FORMAT_AUTO || fmt == TD_FORMAT_HTML) && ingest_utf16_page(f.text, f.len);
    if (utf16_page) fmt = TD_FORMAT_HTML;
    else if (st == TD_OK) st = ingest_check_content(&f, err);
    if (st == TD_OK && fmt == TD_FORMAT_AUTO) fmt = ingest_detect(f.text, f.len);
    /* a page's bytes may be in any charset: the HTML stage converts them */
    if (st == TD_OK && fmt != TD_FORMAT_HTML) st = ingest_check_text(&f, fmt, err);
    bool clusters =
        fmt == TD_FORMAT_MULTINEWS || (fmt == TD_FORMAT_JSONL && st == TD_OK && jsonl_is_clusters(&f));
    if (st == TD_OK && clusters) {
        if (fmt == TD_FORMAT_JSONL) st = jsonl_check_clusters(&f, err);
        if (st == TD_OK) {
            r->file = f;
            r->active = true;
            r->file_format = fmt;
            r->current = i;
            multinews_start(&r->file, &r->mn);
            r->jl = (jsonl_iter){.pos = 0, .line = 1};
            return TD_OK;
        }
    }
    if (st == TD_OK) {
        group *g = &r->groups.items[s->group];
        if (!g->pool && !(g->pool = td_cluster_new(g->id))) st = error_nomem(err);
        else if (fmt == TD_FORMAT_SGML) st = sgml_read(&f, g->pool, err);
        else if (fmt == TD_FORMAT_HTML) st = html_read(&f, g->pool, err);
        else if (fmt == TD_FORMAT_JSONL) st = jsonl_read_articles(&f, g->pool, err);
        else st = text_read(&f, g->pool, err);
    }
    ingest_file_free(&f);
    return st;
}

int td_reader_next(td_reader *r, td_cluster **out, td_error *err)
{
    td_error local;
    if (!err) err = &local;
    *out = NULL;
    if (r->error.code != TD_OK) {
        *err = r->error;
        return -1;
    }
    for (;;) {
        if (r->active) {
            int got = r->file_format == TD_FORMAT_MULTINEWS ? multinews_next(&r->file, &r->mn, out, err)
                                                            : jsonl_next_cluster(&r->file, &r->jl, out, err);
            if (got < 0) return fail(r, err);
            if (got > 0) return 1;
            ingest_file_free(&r->file);
            r->active = false;
            size_t g = r->sources.items[r->current].group;
            if (g && r->groups.items[g].last == r->current && take_pool(r, g, out)) return 1;
            continue;
        }
        if (r->next == r->sources.len) {
            if (r->done) return 0;
            r->done = true;
            return take_pool(r, 0, out) ? 1 : 0;
        }
        size_t i = r->next++;
        if (read_source(r, i, err) != TD_OK) return fail(r, err);
        size_t g = r->sources.items[i].group;
        if (!r->active && g && r->groups.items[g].last == i && take_pool(r, g, out)) return 1;
    }
}

void td_reader_close(td_reader *r)
{
    if (!r) return;
    if (r->active) ingest_file_free(&r->file);
    for (size_t i = 0; i < r->groups.len; i++) td_cluster_free(r->groups.items[i].pool);
    vec_free(&r->groups);
    vec_free(&r->sources);
    arena_free(&r->strings);
    free(r);
}

double td_reader_progress(const td_reader *r)
{
    if (!r || r->sources.len == 0) return 1.0;
    double files = r->active ? (double)r->current : (double)r->next;
    if (r->active && r->file.len > 0) {
        size_t pos = r->file_format == TD_FORMAT_MULTINEWS ? r->mn.pos : r->jl.pos;
        files += (double)pos / (double)r->file.len;
    }
    double p = files / (double)r->sources.len;
    return p < 0 ? 0 : p > 1 ? 1 : p;
}

/* jsonl.c — JSON Lines input (parsed with jansson): an article a line {id, source, url, date,
 * title, text}, or a cluster a line {id, documents: [article...]}. Blank lines are skipped. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "common/error.h"
#include "ingest/ingest.h"

/* Finds the next line that is not blank from *pos: its bytes [*a, *b) and number *num. */
static bool next_line(const ingest_file *f, size_t *pos, size_t *line, size_t *a, size_t *b, size_t *num)
{
    while (*pos < f->len) {
        size_t start = *pos;
        const char *nl = memchr(f->text + start, '\n', f->len - start);
        size_t end = nl ? (size_t)(nl - f->text) : f->len;
        *pos = nl ? end + 1 : f->len;
        *num = (*line)++;
        for (size_t i = start; i < end; i++) {
            if (!ingest_space(f->text[i])) {
                *a = start;
                *b = end;
                return true;
            }
        }
    }
    return false;
}

/* Parses one line into a JSON object (the caller's reference), or NULL with err set. */
static json_t *parse_object(const ingest_file *f, size_t num, size_t a, size_t b, td_error *err)
{
    json_error_t jerr;
    json_t *v = json_loadb(f->text + a, b - a, 0, &jerr);
    if (!v) {
        error_set(err, TD_ERR_INPUT, "%s: line %zu, column %d: %s", f->path, num, jerr.column, jerr.text);
        return NULL;
    }
    if (!json_is_object(v)) {
        json_decref(v);
        error_set(err, TD_ERR_INPUT, "%s: line %zu: not a JSON object", f->path, num);
        return NULL;
    }
    return v;
}

/* Where a problem is, for messages: "line 3" or "line 3, document 2". */
static void place(char *out, size_t size, size_t num, size_t doc)
{
    if (doc) snprintf(out, size, "line %zu, document %zu", num, doc);
    else snprintf(out, size, "line %zu", num);
}

/* Reads the optional string member `key` (absent or null gives NULL). */
static td_status opt_string(const ingest_file *f, const char *where, json_t *obj, const char *key, char **out,
                            td_error *err)
{
    json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (!v || json_is_null(v)) return TD_OK;
    if (!json_is_string(v))
        return error_set(err, TD_ERR_INPUT, "%s: %s: \"%s\" is not a string", f->path, where, key);
    *out = (char *)json_string_value(v);
    return TD_OK;
}

/* Reads an "id" that is a string or an integer into idbuf (size 32) or *out; NULL when absent. An
 * empty string is refused: it would name nothing in the output. */
static td_status read_id(const ingest_file *f, const char *where, json_t *obj, char *idbuf, char **out,
                         td_error *err)
{
    json_t *v = json_object_get(obj, "id");
    *out = NULL;
    if (!v || json_is_null(v)) return TD_OK;
    if (json_is_integer(v)) {
        snprintf(idbuf, 32, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        *out = idbuf;
        return TD_OK;
    }
    if (!json_is_string(v))
        return error_set(err, TD_ERR_INPUT, "%s: %s: \"id\" is not a string or integer", f->path, where);
    if (json_string_length(v) == 0) return error_set(err, TD_ERR_INPUT, "%s: %s: empty \"id\"", f->path, where);
    *out = (char *)json_string_value(v);
    return TD_OK;
}

/* Adds the article object obj to c; `fallback` names it when it has no id. doc is its 1-based
 * index in a cluster line, 0 for an article line. */
static td_status add_article(const ingest_file *f, size_t num, size_t doc, json_t *obj, const char *fallback,
                             td_cluster *c, td_error *err)
{
    char where[64], idbuf[32];
    place(where, sizeof where, num, doc);
    if (!json_is_object(obj)) return error_set(err, TD_ERR_INPUT, "%s: %s: not a JSON object", f->path, where);
    td_document d = {0};
    td_status st;
    if ((st = read_id(f, where, obj, idbuf, &d.name, err)) != TD_OK ||
        (st = opt_string(f, where, obj, "source", &d.source, err)) != TD_OK ||
        (st = opt_string(f, where, obj, "url", &d.url, err)) != TD_OK ||
        (st = opt_string(f, where, obj, "date", &d.date, err)) != TD_OK ||
        (st = opt_string(f, where, obj, "title", &d.title, err)) != TD_OK ||
        (st = opt_string(f, where, obj, "text", &d.text, err)) != TD_OK)
        return st;
    if (!d.text) return error_set(err, TD_ERR_INPUT, "%s: %s: no \"text\"", f->path, where);
    d.text_len = json_string_length(json_object_get(obj, "text"));
    size_t i = 0;
    while (i < d.text_len && ingest_space(d.text[i])) i++;
    if (i == d.text_len) return error_set(err, TD_ERR_INPUT, "%s: %s: empty \"text\"", f->path, where);
    if (!d.name) d.name = (char *)fallback;
    return td_cluster_add(c, &d) == TD_OK ? TD_OK : error_nomem(err);
}

bool jsonl_is_clusters(const ingest_file *f)
{
    size_t pos = 0, line = 1, a, b, num;
    if (!next_line(f, &pos, &line, &a, &b, &num)) return false;
    json_t *v = json_loadb(f->text + a, b - a, 0, NULL);
    bool clusters = json_is_object(v) && json_object_get(v, "documents") != NULL;
    json_decref(v);
    return clusters;
}

td_status jsonl_read_articles(const ingest_file *f, td_cluster *c, td_error *err)
{
    size_t pos = 0, line = 1, a, b, num;
    buf name = {0};
    td_status st = TD_OK;
    while (st == TD_OK && next_line(f, &pos, &line, &a, &b, &num)) {
        json_t *obj = parse_object(f, num, a, b, err);
        if (!obj) {
            st = TD_ERR_INPUT;
            break;
        }
        buf_clear(&name);
        if (json_object_get(obj, "documents"))
            st = error_set(err, TD_ERR_INPUT, "%s: line %zu: a cluster (\"documents\") among articles", f->path,
                           num);
        else if (!buf_printf(&name, "%s:%zu", f->path, num))
            st = error_nomem(err);
        else
            st = add_article(f, num, 0, obj, name.data, c, err);
        json_decref(obj);
    }
    buf_free(&name);
    return st;
}

/* Makes the cluster of the line [a, b), number num. */
static td_status build_cluster(const ingest_file *f, size_t num, size_t a, size_t b, td_cluster **out,
                               td_error *err)
{
    *out = NULL;
    json_t *obj = parse_object(f, num, a, b, err);
    if (!obj) return TD_ERR_INPUT;
    char where[64], idbuf[32];
    buf name = {0};
    place(where, sizeof where, num, 0);
    char *id;
    td_status st = read_id(f, where, obj, idbuf, &id, err);
    json_t *docs = json_object_get(obj, "documents");
    if (st == TD_OK && !json_is_array(docs))
        st = error_set(err, TD_ERR_INPUT, "%s: %s: \"documents\" is not an array", f->path, where);
    if (st == TD_OK && !id) {
        snprintf(idbuf, sizeof idbuf, "%zu", num);
        id = idbuf;
    }
    td_cluster *c = st == TD_OK ? td_cluster_new(id) : NULL;
    if (st == TD_OK && !c) st = error_nomem(err);
    for (size_t k = 0; st == TD_OK && k < json_array_size(docs); k++) {
        buf_clear(&name);
        if (!buf_printf(&name, "%s.%zu", id, k + 1)) st = error_nomem(err);
        else st = add_article(f, num, k + 1, json_array_get(docs, k), name.data, c, err);
    }
    buf_free(&name);
    json_decref(obj);
    if (st != TD_OK) {
        td_cluster_free(c);
        return st;
    }
    *out = c;
    return TD_OK;
}

td_status jsonl_check_clusters(const ingest_file *f, td_error *err)
{
    size_t pos = 0, line = 1, a, b, num;
    while (next_line(f, &pos, &line, &a, &b, &num)) {
        td_cluster *c;
        td_status st = build_cluster(f, num, a, b, &c, err);
        if (st != TD_OK) return st;
        td_cluster_free(c);
    }
    return TD_OK;
}

int jsonl_next_cluster(const ingest_file *f, jsonl_iter *it, td_cluster **out, td_error *err)
{
    size_t a, b, num;
    *out = NULL;
    if (!next_line(f, &it->pos, &it->line, &a, &b, &num)) return 0;
    return build_cluster(f, num, a, b, out, err) == TD_OK ? 1 : -1;
}

/* lookup.c — one story or one article of a store by its id, the stories that match a search, and a
 * store opened for reading only: what the server answers GET /stories… and GET /articles/{id} with. */
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "common/vec.h"
#include "store/store.h"

td_store *td_store_open_reader(const char *path, td_error *err)
{
    td_store *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        error_nomem(err);
        return NULL;
    }
    long long app = 0;
    sqlite3_stmt *q = NULL;
    int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READONLY, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(s->db, 2000);
        rc = sqlite3_prepare_v2(s->db, "PRAGMA application_id", -1, &q, NULL);
    }
    if (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) app = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    td_status st = rc == SQLITE_ROW ? TD_OK : store_error(s, rc, "cannot open", err);
    if (st == TD_OK && app != STORE_APPLICATION)
        st = error_set(err, TD_ERR_INPUT, "%s: not a tidings store", path);
    if (st != TD_OK) {
        td_store_close(s);
        return NULL;
    }
    return s;
}

td_status td_store_story(td_store *s, const char *id, td_story **out, td_error *err)
{
    static const char *const sql[3] = {
        "SELECT key, id, headline, updated FROM stories WHERE id = ?1",
        "SELECT id, source, title, date, copy_of FROM articles WHERE story = ?1 ORDER BY seq",
        "SELECT text, sources FROM summary_sentences WHERE story = ?1 ORDER BY pos",
    };
    *out = NULL;
    sqlite3_stmt *q[3] = {0};
    int rc = SQLITE_OK;
    for (int i = 0; i < 3 && rc == SQLITE_OK; i++) rc = sqlite3_prepare_v2(s->db, sql[i], -1, &q[i], NULL);
    td_status status = rc == SQLITE_OK ? TD_OK : store_error(s, rc, "cannot read", err);
    if (status == TD_OK) {
        sqlite3_bind_text(q[0], 1, id, -1, SQLITE_STATIC);
        rc = sqlite3_step(q[0]);
        if (rc == SQLITE_ROW) {
            td_story *st = calloc(1, sizeof *st);
            const char *headline = (const char *)sqlite3_column_text(q[0], 2);
            const char *updated = (const char *)sqlite3_column_text(q[0], 3);
            if (!st || !(st->id = strdup(id)) || (headline && !(st->headline = strdup(headline))) ||
                (updated && !(st->updated = strdup(updated))))
                status = error_nomem(err);
            else
                status = store_read_story(s, q + 1, sqlite3_column_int64(q[0], 0), st, err);
            if (st && status != TD_OK) td_stories_free(st, 1);
            else *out = st;
        } else if (rc != SQLITE_DONE) {
            status = store_error(s, rc, "cannot read", err);
        }
    }
    for (int i = 0; i < 3; i++) sqlite3_finalize(q[i]);
    return status;
}

/* Runs q (story id first column, then id, title, source, url, date, text) into a cluster. */
static td_status read_cluster(td_store *s, sqlite3_stmt *q, td_cluster **out, td_error *err)
{
    td_cluster *c = NULL;
    td_status status = TD_OK;
    int rc;
    while (status == TD_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (!c && !(c = td_cluster_new((const char *)sqlite3_column_text(q, 0)))) {
            status = error_nomem(err);
            break;
        }
        td_document d = {
            .name = (char *)sqlite3_column_text(q, 1),
            .title = (char *)sqlite3_column_text(q, 2),
            .source = (char *)sqlite3_column_text(q, 3),
            .url = (char *)sqlite3_column_text(q, 4),
            .date = (char *)sqlite3_column_text(q, 5),
            .text = (char *)sqlite3_column_text(q, 6),
            .text_len = (size_t)sqlite3_column_bytes(q, 6),
        };
        if (!d.text_len) continue; /* td_cluster_add reads 0 as strlen: an empty text is skipped */
        if (td_cluster_add(c, &d) != TD_OK) status = error_nomem(err);
    }
    if (status == TD_OK && rc != SQLITE_DONE) status = store_error(s, rc, "cannot read", err);
    if (status != TD_OK) {
        td_cluster_free(c);
        c = NULL;
    }
    *out = c;
    return status;
}

/* Runs sql with the id as ?1 (and its hash as ?2) into a cluster. */
static td_status lookup(td_store *s, const char *sql, const char *id, td_cluster **out, td_error *err)
{
    *out = NULL;
    sqlite3_stmt *q;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &q, NULL);
    if (rc != SQLITE_OK) return store_error(s, rc, "cannot read", err);
    sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
    if (sqlite3_bind_parameter_count(q) > 1) sqlite3_bind_int64(q, 2, store_hash(id, strlen(id)));
    td_status status = read_cluster(s, q, out, err);
    sqlite3_finalize(q);
    return status;
}

td_status td_store_story_cluster(td_store *s, const char *id, td_cluster **out, td_error *err)
{
    return lookup(s,
                  "SELECT s.id, a.id, a.title, a.source, a.url, a.date, t.text FROM stories s"
                  " JOIN articles a ON a.story = s.key JOIN texts t ON t.key = a.text_key"
                  " WHERE s.id = ?1 AND a.copy_of IS NULL ORDER BY a.seq",
                  id, out, err);
}

/* The article whose id is ?1 among those under its hash ?2 in an id table (ids.c). */
#define ARTICLE_BY_ID(table)                                                                        \
    "SELECT s.id, a.id, a.title, a.source, a.url, a.date, t.text FROM " table " i"                  \
    " JOIN articles a ON a.seq = i.seq JOIN stories s ON s.key = a.story JOIN texts t ON t.key = a.text_key" \
    " WHERE i.hash = ?2 AND a.id = ?1"

td_status td_store_article(td_store *s, const char *id, td_cluster **out, td_error *err)
{
    return lookup(s, ARTICLE_BY_ID("article_ids") " UNION ALL " ARTICLE_BY_ID("recent_ids"), id, out, err);
}

/* The query for FTS5: each word of the text quoted (so that no character is an operator), a
 * trailing '*' kept as a prefix search; the words are joined by spaces (all must match). */
static bool fts_query(const char *text, buf *out)
{
    bool ok = true;
    for (const char *p = text; ok && *p;) {
        p += strspn(p, " \t\r\n");
        size_t len = strcspn(p, " \t\r\n");
        if (!len) break;
        bool prefix = len > 1 && p[len - 1] == '*';
        ok = buf_puts(out, out->len ? " \"" : "\"");
        for (size_t i = 0; ok && i < len - prefix; i++) ok = p[i] == '"' ? buf_puts(out, "\"\"") : buf_putc(out, p[i]);
        ok = ok && buf_puts(out, prefix ? "\"*" : "\"");
        p += len;
    }
    return ok;
}

td_status td_store_latest(td_store *s, const char *since, const char *query, size_t limit, td_story **out,
                          size_t *n, td_error *err)
{
    static const char *const sql[3] = {
        "SELECT key, id, headline, updated FROM stories WHERE (?1 IS NULL OR updated_ts >= ?1)"
        " AND (?2 IS NULL OR key IN (SELECT a.story FROM articles_fts f JOIN articles a ON a.seq = f.rowid"
        " WHERE articles_fts MATCH ?2))"
        " ORDER BY updated_ts IS NULL, updated_ts DESC, last_seq DESC LIMIT ?3",
        "SELECT id, source, title, date, copy_of FROM articles WHERE story = ?1 ORDER BY seq",
        "SELECT text, sources FROM summary_sentences WHERE story = ?1 ORDER BY pos",
    };
    *out = NULL;
    *n = 0;
    long long from = 0;
    if (since && !td_date_parse(since, &from))
        return error_set(err, TD_ERR_USAGE, "date \"%.40s\" is not YYYY-MM-DD or ISO 8601", since);
    buf q = {0};
    if (query && !fts_query(query, &q)) return error_nomem(err);
    if (query && !q.len) return TD_OK; /* no word: nothing matches */
    td_status indexed = query && s->in_batch ? store_index_added(s, err) : TD_OK; /* the open batch's articles too */
    if (indexed != TD_OK) {
        buf_free(&q);
        return indexed;
    }
    sqlite3_stmt *st[3] = {0};
    int rc = SQLITE_OK;
    for (int i = 0; i < 3 && rc == SQLITE_OK; i++) rc = sqlite3_prepare_v2(s->db, sql[i], -1, &st[i], NULL);
    td_status status = rc == SQLITE_OK ? TD_OK : store_error(s, rc, "cannot read", err);
    VEC(td_story) list = {0};
    if (status == TD_OK) {
        if (since) sqlite3_bind_int64(st[0], 1, from);
        if (query) sqlite3_bind_text(st[0], 2, q.data, (int)q.len, SQLITE_STATIC);
        sqlite3_bind_int64(st[0], 3, (sqlite3_int64)limit);
    }
    while (status == TD_OK && (rc = sqlite3_step(st[0])) == SQLITE_ROW) {
        if (!vec_reserve(&list, 1)) {
            status = error_nomem(err);
            break;
        }
        td_story story = {0};
        const char *id = (const char *)sqlite3_column_text(st[0], 1);
        const char *headline = (const char *)sqlite3_column_text(st[0], 2);
        const char *updated = (const char *)sqlite3_column_text(st[0], 3);
        if (!id || !(story.id = strdup(id)) || (headline && !(story.headline = strdup(headline))) ||
            (updated && !(story.updated = strdup(updated))))
            status = error_nomem(err);
        else
            status = store_read_story(s, st + 1, sqlite3_column_int64(st[0], 0), &story, err);
        list.items[list.len++] = story; /* room was made above; freed with the list on error */
    }
    if (status == TD_OK && rc != SQLITE_DONE) status = store_error(s, rc, "cannot search", err);
    for (int i = 0; i < 3; i++) sqlite3_finalize(st[i]);
    buf_free(&q);
    if (status != TD_OK) {
        td_stories_free(list.items, list.len);
        return status;
    }
    *out = list.items;
    *n = list.len;
    return TD_OK;
}

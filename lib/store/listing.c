/* listing.c — reading the stored stories back, newest first, with their articles and summaries. */
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "common/vec.h"
#include "store/store.h"

/* A copy of column i (NULL stays NULL); *ok false when out of memory. */
static char *dup_column(sqlite3_stmt *st, int i, bool *ok)
{
    const char *v = (const char *)sqlite3_column_text(st, i);
    if (!v) return NULL;
    char *c = strdup(v);
    if (!c) *ok = false;
    return c;
}

static void story_free(td_story *s)
{
    free(s->id);
    free(s->headline);
    free(s->updated);
    for (size_t i = 0; i < s->n_articles; i++) {
        td_story_article *a = &s->articles[i];
        free(a->id);
        free(a->source);
        free(a->title);
        free(a->date);
        free(a->copy_of);
    }
    free(s->articles);
    store_sentences_free(s->summary, s->n_summary);
}

void store_sentences_free(td_story_sentence *k, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < k[i].n_sources; j++) free(k[i].sources[j]);
        free(k[i].sources);
        free(k[i].text);
    }
    free(k);
}

void td_stories_free(td_story *stories, size_t n)
{
    for (size_t i = 0; i < n; i++) story_free(&stories[i]);
    free(stories);
}

/* Splits the stored outlets of a sentence. */
static bool split_sources(const char *joined, td_story_sentence *out)
{
    size_t n = 1;
    for (const char *p = joined; *p; p++) n += *p == '\x1f';
    if (!*joined) n = 0;
    out->sources = calloc(n ? n : 1, sizeof *out->sources);
    if (!out->sources) return false;
    const char *p = joined;
    for (size_t i = 0; i < n; i++) {
        size_t len = strcspn(p, "\x1f");
        if (!(out->sources[i] = strndup(p, len))) return false;
        out->n_sources++;
        p += len + (p[len] != '\0');
    }
    return true;
}

/* Reads the articles (q[0]) and summary (q[1]) of story key into st. */
td_status store_read_story(td_store *s, sqlite3_stmt *const q[2], long long key, td_story *st, td_error *err)
{
    VEC(td_story_article) arts = {0};
    VEC(td_story_sentence) sents = {0};
    bool ok = true;
    int rc;
    sqlite3_bind_int64(q[0], 1, key);
    while (ok && (rc = sqlite3_step(q[0])) == SQLITE_ROW) {
        td_story_article a = {dup_column(q[0], 0, &ok), dup_column(q[0], 1, &ok), dup_column(q[0], 2, &ok),
                              dup_column(q[0], 3, &ok), dup_column(q[0], 4, &ok)};
        if (!vec_push(&arts, a)) ok = false;
    }
    sqlite3_reset(q[0]);
    if (ok && rc == SQLITE_DONE) {
        sqlite3_bind_int64(q[1], 1, key);
        while (ok && (rc = sqlite3_step(q[1])) == SQLITE_ROW) {
            td_story_sentence k = {dup_column(q[1], 0, &ok), NULL, 0};
            const char *joined = (const char *)sqlite3_column_text(q[1], 1);
            if (!vec_push(&sents, k)) {
                free(k.text);
                ok = false;
            } else if (!split_sources(joined ? joined : "", &sents.items[sents.len - 1])) {
                ok = false;
            }
        }
    }
    sqlite3_reset(q[1]);
    st->articles = arts.items;
    st->n_articles = arts.len;
    st->summary = sents.items;
    st->n_summary = sents.len;
    if (!ok) return error_nomem(err);
    return rc == SQLITE_DONE ? TD_OK : store_error(s, rc, "cannot read", err);
}

td_status td_store_stories(td_store *s, const char *since, size_t min_articles, td_story **out, size_t *n,
                           td_error *err)
{
    static const char list_sql[] =
        "SELECT key, id, headline, updated FROM stories WHERE n_articles >= ?1 AND (?2 IS NULL OR updated_ts >= ?2)"
        " ORDER BY updated_ts IS NULL, updated_ts DESC, last_seq DESC";
    static const char *const sql[3] = {
        list_sql,
        "SELECT id, source, title, date, copy_of FROM articles WHERE story = ?1 ORDER BY seq",
        "SELECT text, sources FROM summary_sentences WHERE story = ?1 ORDER BY pos",
    };
    *out = NULL;
    *n = 0;
    long long from = 0;
    if (since && !td_date_parse(since, &from))
        return error_set(err, TD_ERR_USAGE, "date \"%.40s\" is not YYYY-MM-DD or ISO 8601", since);
    td_status flushed = s->in_batch ? store_flush_stories(s, err) : TD_OK; /* the open batch's stories, as they are */
    if (flushed != TD_OK) return flushed;
    sqlite3_stmt *q[3] = {0};
    int rc = SQLITE_OK;
    for (int i = 0; i < 3 && rc == SQLITE_OK; i++) rc = sqlite3_prepare_v2(s->db, sql[i], -1, &q[i], NULL);
    td_status status = rc == SQLITE_OK ? TD_OK : store_error(s, rc, "cannot read", err);
    VEC(td_story) list = {0};
    if (status == TD_OK) {
        sqlite3_bind_int64(q[0], 1, (sqlite3_int64)min_articles);
        if (since) sqlite3_bind_int64(q[0], 2, from);
    }
    while (status == TD_OK && (rc = sqlite3_step(q[0])) == SQLITE_ROW) {
        bool ok = true;
        td_story st = {dup_column(q[0], 1, &ok), dup_column(q[0], 2, &ok), dup_column(q[0], 3, &ok), NULL, 0, NULL, 0};
        if (ok && st.id) status = store_read_story(s, q + 1, sqlite3_column_int64(q[0], 0), &st, err);
        else status = st.id ? error_nomem(err) : error_set(err, TD_ERR_INPUT, "%s: the store is damaged (a story without id)", s->path);
        if (!vec_push(&list, st)) {
            story_free(&st);
            if (status == TD_OK) status = error_nomem(err);
        }
    }
    if (status == TD_OK && rc != SQLITE_DONE) status = store_error(s, rc, "cannot read", err);
    for (int i = 0; i < 3; i++) sqlite3_finalize(q[i]);
    if (status != TD_OK) {
        td_stories_free(list.items, list.len);
        return status;
    }
    *out = list.items;
    *n = list.len;
    return TD_OK;
}

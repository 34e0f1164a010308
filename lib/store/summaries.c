/* summaries.c — keeping each stored story's summary current: the stories marked stale (they got an
 * article or an update) are summarised again, the others keep theirs. Copies are left out of the
 * summariser's input; each summary sentence is credited to every outlet that carries it: the
 * outlets of the articles the summariser found it in, and of their copies. */
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "common/strmap.h"
#include "common/vec.h"
#include "store/store.h"

#define SOURCE_SEPARATOR '\x1f' /* between the outlets of a sentence in summary_sentences.sources */

/* The articles of one story, as read for its summary. */
typedef struct story_articles {
    td_cluster *originals;    /* the articles that copy nothing (summarised) */
    strmap ids;               /* article id -> index in root (all articles of the story) */
    VEC(uint32_t) root;       /* article -> index of the original it copies (itself when none) */
    VEC(uint32_t) original_of; /* article -> its index in originals, or UINT32_MAX */
    VEC(char *) outlet;       /* article -> its source, else its id (owned) */
} story_articles;

static void articles_free(story_articles *a)
{
    td_cluster_free(a->originals);
    strmap_free(&a->ids);
    vec_free(&a->root);
    vec_free(&a->original_of);
    for (size_t i = 0; i < a->outlet.len; i++) free(a->outlet.items[i]);
    vec_free(&a->outlet);
}

static const char *column(sqlite3_stmt *st, int i) { return (const char *)sqlite3_column_text(st, i); }

/* Reads the articles of story key, in arrival order. */
static td_status read_articles(td_store *s, sqlite3_stmt *st, long long key, story_articles *a, td_error *err)
{
    sqlite3_bind_int64(st, 1, key);
    int rc;
    td_status status = TD_OK;
    a->originals = td_cluster_new("story");
    strmap_init(&a->ids);
    if (!a->originals) status = error_nomem(err);
    while (status == TD_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *id = column(st, 0), *text = column(st, 4), *copy_of = column(st, 5);
        if (!id || !text) {
            status = error_set(err, TD_ERR_INPUT, "%s: the store is damaged (an article without id or text)", s->path);
            break;
        }
        uint32_t self = (uint32_t)a->root.len, root = self;
        uint32_t copied = copy_of ? strmap_find(&a->ids, copy_of, strlen(copy_of)) : STRMAP_NONE;
        if (copied != STRMAP_NONE) root = a->root.items[copied];
        char *outlet = strdup(column(st, 1) ? column(st, 1) : id);
        uint32_t in_originals = root == self ? (uint32_t)a->originals->n_docs : UINT32_MAX;
        td_document d = {.name = (char *)id, .source = (char *)column(st, 1), .title = (char *)column(st, 2),
                         .date = (char *)column(st, 3), .text = (char *)text,
                         .text_len = (size_t)sqlite3_column_bytes(st, 4)};
        if (!outlet || strmap_intern(&a->ids, id, strlen(id), NULL) == STRMAP_NONE || !vec_push(&a->root, root) ||
            !vec_push(&a->original_of, in_originals) || !vec_push(&a->outlet, outlet) ||
            (root == self && td_cluster_add(a->originals, &d) != TD_OK)) {
            if (!a->outlet.len || a->outlet.items[a->outlet.len - 1] != outlet) free(outlet);
            status = error_nomem(err);
        }
    }
    if (status == TD_OK && rc != SQLITE_DONE) status = store_error(s, rc, "cannot read", err);
    sqlite3_reset(st);
    return status;
}

/* The outlets carrying sentence k: of its source articles and of their copies, each once, joined
 * by SOURCE_SEPARATOR. */
static bool sentence_outlets(const story_articles *a, const td_summary_sentence *k, buf *out)
{
    strmap seen;
    strmap_init(&seen);
    buf_clear(out);
    bool ok = buf_puts(out, "");
    for (size_t i = 0; ok && i < a->root.len; i++) {
        uint32_t o = a->original_of.items[a->root.items[i]];
        bool carries = false;
        for (size_t j = 0; j < k->n_sources && !carries; j++) carries = k->sources[j] == o;
        if (!carries) continue;
        const char *name = a->outlet.items[i];
        bool added;
        if (strmap_intern(&seen, name, strlen(name), &added) == STRMAP_NONE) ok = false;
        else if (added) ok = (!out->len || buf_putc(out, SOURCE_SEPARATOR)) && buf_puts(out, name);
    }
    strmap_free(&seen);
    return ok;
}

/* Summarises story key and writes its sentences and headline. */
static td_status summarize_story(td_store *s, td_summarizer *sum, sqlite3_stmt *const q[4], long long key,
                                 td_error *err)
{
    story_articles a = {0};
    td_status status = read_articles(s, q[0], key, &a, err);
    td_summary *summary = NULL;
    if (status == TD_OK && a.originals->n_docs) {
        summary = td_summarize(sum, a.originals, err);
        if (!summary) status = err->code;
    }
    sqlite3_bind_int64(q[1], 1, key);
    int rc = sqlite3_step(q[1]);
    sqlite3_reset(q[1]);
    if (status == TD_OK && rc != SQLITE_DONE) status = store_error(s, rc, "cannot write", err);
    buf outlets = {0};
    for (size_t i = 0; status == TD_OK && summary && i < summary->n_sentences; i++) {
        if (!sentence_outlets(&a, &summary->sentences[i], &outlets)) {
            status = error_nomem(err);
            break;
        }
        sqlite3_bind_int64(q[2], 1, key);
        sqlite3_bind_int64(q[2], 2, (sqlite3_int64)i);
        sqlite3_bind_text(q[2], 3, summary->sentences[i].text, -1, SQLITE_STATIC);
        sqlite3_bind_text(q[2], 4, outlets.data, (int)outlets.len, SQLITE_STATIC);
        rc = sqlite3_step(q[2]);
        sqlite3_reset(q[2]);
        if (rc != SQLITE_DONE) status = store_error(s, rc, "cannot write", err);
    }
    if (status == TD_OK) {
        const char *headline = NULL;
        for (size_t i = 0; i < a.originals->n_docs && !headline; i++) headline = a.originals->docs[i].title;
        if (!headline && summary && summary->n_sentences) headline = summary->sentences[0].text;
        sqlite3_bind_int64(q[3], 1, key);
        if (headline) sqlite3_bind_text(q[3], 2, headline, -1, SQLITE_STATIC);
        else sqlite3_bind_null(q[3], 2);
        rc = sqlite3_step(q[3]);
        sqlite3_reset(q[3]);
        if (rc != SQLITE_DONE) status = store_error(s, rc, "cannot write", err);
    }
    buf_free(&outlets);
    td_summary_free(summary);
    articles_free(&a);
    return status;
}

td_status td_store_summarize(td_store *s, td_summarizer *summarizer, td_error *err)
{
    static const char *const sql[5] = {
        "SELECT key FROM stories WHERE stale ORDER BY key",
        "SELECT id, source, title, date, text, copy_of FROM articles WHERE story = ?1 ORDER BY seq",
        "DELETE FROM summary_sentences WHERE story = ?1",
        "INSERT INTO summary_sentences (story, pos, text, sources) VALUES (?1, ?2, ?3, ?4)",
        "UPDATE stories SET stale = 0, headline = ?2 WHERE key = ?1",
    };
    td_status status = td_store_commit(s, err);
    if (status != TD_OK || (status = store_exec(s, "BEGIN IMMEDIATE", err)) != TD_OK) return status;
    sqlite3_stmt *q[5] = {0};
    int rc = SQLITE_OK;
    for (int i = 0; i < 5 && rc == SQLITE_OK; i++) rc = sqlite3_prepare_v2(s->db, sql[i], -1, &q[i], NULL);
    if (rc != SQLITE_OK) status = store_error(s, rc, "cannot read", err);
    while (status == TD_OK && (rc = sqlite3_step(q[0])) == SQLITE_ROW)
        status = summarize_story(s, summarizer, q + 1, sqlite3_column_int64(q[0], 0), err);
    if (status == TD_OK && rc != SQLITE_DONE) status = store_error(s, rc, "cannot read", err);
    for (int i = 0; i < 5; i++) sqlite3_finalize(q[i]);
    if (status == TD_OK) status = store_exec(s, "COMMIT", err);
    else sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return status;
}

/* summaries.c — keeping each stored story's summary current: the stories marked stale (they got an
 * article or an update) are summarised again, the others keep theirs. Copies are left out of the
 * summariser's input; each summary sentence is credited to every outlet that carries it: the
 * outlets of the articles the summariser found it in, and of their copies. A summary can be made
 * apart from its writing (on a read-only handle, while another handle adds batches): it is written
 * only when the story's stale mark, a count of the changes since its last summary, is still the
 * one it was made from; and readers can have the summaries of stale stories made for them. */
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

/* A story's summary as made from the articles committed when its stale mark was `stale`. */
typedef struct made_summary {
    long long key, stale;
    char *headline;               /* its first original's title, else the first sentence; NULL: none */
    td_story_sentence *sentences; /* each with its outlets */
    size_t n;
} made_summary;

struct td_store_summaries {
    VEC(made_summary) made;
};

static void articles_free(story_articles *a)
{
    td_cluster_free(a->originals);
    strmap_free(&a->ids);
    vec_free(&a->root);
    vec_free(&a->original_of);
    for (size_t i = 0; i < a->outlet.len; i++) free(a->outlet.items[i]);
    vec_free(&a->outlet);
}

static void made_free(made_summary *m)
{
    free(m->headline);
    store_sentences_free(m->sentences, m->n);
    *m = (made_summary){0};
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

/* The outlets carrying sentence k, each once: of its source articles and of their copies. */
static bool sentence_outlets(const story_articles *a, const td_summary_sentence *k, td_story_sentence *out)
{
    strmap seen;
    strmap_init(&seen);
    VEC(char *) names = {0};
    bool ok = true;
    for (size_t i = 0; ok && i < a->root.len; i++) {
        uint32_t o = a->original_of.items[a->root.items[i]];
        bool carries = false;
        for (size_t j = 0; j < k->n_sources && !carries; j++) carries = k->sources[j] == o;
        if (!carries) continue;
        const char *name = a->outlet.items[i];
        bool added;
        char *copy = NULL;
        if (strmap_intern(&seen, name, strlen(name), &added) == STRMAP_NONE) ok = false;
        else if (added && (!(copy = strdup(name)) || !vec_push(&names, copy))) ok = false, free(copy);
    }
    strmap_free(&seen);
    out->sources = names.items;
    out->n_sources = names.len;
    return ok;
}

/* Summarises story key (its articles read by q) into m, whose key and stale are set. */
static td_status make_summary(td_store *s, td_summarizer *sum, sqlite3_stmt *q, made_summary *m, td_error *err)
{
    story_articles a = {0};
    td_status status = read_articles(s, q, m->key, &a, err);
    td_summary *summary = NULL;
    if (status == TD_OK && a.originals->n_docs) {
        summary = td_summarize(sum, a.originals, err);
        if (!summary) status = err->code;
    }
    if (status == TD_OK && summary && summary->n_sentences &&
        !(m->sentences = calloc(summary->n_sentences, sizeof *m->sentences)))
        status = error_nomem(err);
    for (size_t i = 0; status == TD_OK && summary && i < summary->n_sentences; i++) {
        td_story_sentence *k = &m->sentences[m->n++];
        if (!(k->text = strdup(summary->sentences[i].text)) || !sentence_outlets(&a, &summary->sentences[i], k))
            status = error_nomem(err);
    }
    if (status == TD_OK) {
        const char *headline = NULL;
        for (size_t i = 0; i < a.originals->n_docs && !headline; i++) headline = a.originals->docs[i].title;
        if (!headline && m->n) headline = m->sentences[0].text;
        if (headline && !(m->headline = strdup(headline))) status = error_nomem(err);
    }
    td_summary_free(summary);
    articles_free(&a);
    return status;
}

/* Writes m (q: mark it current, delete the old sentences, insert one) when the story's stale mark is
 * still the one m was made from; else the story stays stale and m is dropped. */
static td_status write_summary(td_store *s, sqlite3_stmt *const q[3], const made_summary *m, td_error *err)
{
    sqlite3_bind_int64(q[0], 1, m->key);
    if (m->headline) sqlite3_bind_text(q[0], 2, m->headline, -1, SQLITE_STATIC);
    else sqlite3_bind_null(q[0], 2);
    sqlite3_bind_int64(q[0], 3, m->stale);
    int rc = sqlite3_step(q[0]);
    sqlite3_reset(q[0]);
    if (rc != SQLITE_DONE) return store_error(s, rc, "cannot write", err);
    if (!sqlite3_changes(s->db)) return TD_OK; /* the story changed since */
    sqlite3_bind_int64(q[1], 1, m->key);
    rc = sqlite3_step(q[1]);
    sqlite3_reset(q[1]);
    buf outlets = {0};
    td_status status = rc == SQLITE_DONE ? TD_OK : store_error(s, rc, "cannot write", err);
    for (size_t i = 0; status == TD_OK && i < m->n; i++) {
        const td_story_sentence *k = &m->sentences[i];
        buf_clear(&outlets);
        bool ok = buf_puts(&outlets, "");
        for (size_t j = 0; ok && j < k->n_sources; j++)
            ok = (!j || buf_putc(&outlets, SOURCE_SEPARATOR)) && buf_puts(&outlets, k->sources[j]);
        if (!ok) {
            status = error_nomem(err);
            break;
        }
        sqlite3_bind_int64(q[2], 1, m->key);
        sqlite3_bind_int64(q[2], 2, (sqlite3_int64)i);
        sqlite3_bind_text(q[2], 3, k->text, -1, SQLITE_STATIC);
        sqlite3_bind_text(q[2], 4, outlets.data, (int)outlets.len, SQLITE_STATIC);
        rc = sqlite3_step(q[2]);
        sqlite3_reset(q[2]);
        if (rc != SQLITE_DONE) status = store_error(s, rc, "cannot write", err);
    }
    buf_free(&outlets);
    return status;
}

static const char articles_sql[] = "SELECT a.id, a.source, a.title, a.date, t.text, a.copy_of FROM articles a"
                                   " JOIN texts t ON t.key = a.text_key WHERE a.story = ?1 ORDER BY a.seq";
static const char *const write_sql[3] = {
    "UPDATE stories SET stale = 0, headline = ?2 WHERE key = ?1 AND stale = ?3",
    "DELETE FROM summary_sentences WHERE story = ?1",
    "INSERT INTO summary_sentences (story, pos, text, sources) VALUES (?1, ?2, ?3, ?4)",
};

/* Prepares n statements into q; finalize them with finalize_all either way. */
static td_status prepare_all(td_store *s, const char *const *sql, int n, sqlite3_stmt **q, td_error *err)
{
    int rc = SQLITE_OK;
    for (int i = 0; i < n && rc == SQLITE_OK; i++) rc = sqlite3_prepare_v2(s->db, sql[i], -1, &q[i], NULL);
    return rc == SQLITE_OK ? TD_OK : store_error(s, rc, "cannot read", err);
}

static void finalize_all(sqlite3_stmt **q, int n)
{
    for (int i = 0; i < n; i++) sqlite3_finalize(q[i]);
}

/* Ends the transaction begun for a summary step: COMMIT when status is TD_OK, else ROLLBACK. */
static td_status end(td_store *s, td_status status, td_error *err)
{
    if (status == TD_OK) return store_exec(s, "COMMIT", err);
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return status;
}

td_status td_store_summarize(td_store *s, td_summarizer *summarizer, td_error *err)
{
    const char *const sql[5] = {"SELECT key, stale FROM stories WHERE stale ORDER BY key", articles_sql, write_sql[0],
                                write_sql[1], write_sql[2]};
    td_status status = td_store_commit(s, err);
    if (status != TD_OK || (status = store_exec(s, "BEGIN IMMEDIATE", err)) != TD_OK) return status;
    sqlite3_stmt *q[5] = {0};
    status = prepare_all(s, sql, 5, q, err);
    int rc = SQLITE_OK;
    while (status == TD_OK && (rc = sqlite3_step(q[0])) == SQLITE_ROW) {
        made_summary m = {.key = sqlite3_column_int64(q[0], 0), .stale = sqlite3_column_int64(q[0], 1)};
        status = make_summary(s, summarizer, q[1], &m, err);
        if (status == TD_OK) status = write_summary(s, q + 2, &m, err);
        made_free(&m);
    }
    if (status == TD_OK && rc != SQLITE_DONE) status = store_error(s, rc, "cannot read", err);
    finalize_all(q, 5);
    return end(s, status, err);
}

td_status td_store_summaries_make(td_store *s, td_summarizer *summarizer, size_t max, td_store_summaries **out,
                                  size_t *n, td_error *err)
{
    const char *const sql[2] = {"SELECT key, stale FROM stories WHERE stale ORDER BY last_seq LIMIT ?1", articles_sql};
    *out = NULL;
    *n = 0;
    td_store_summaries *made = calloc(1, sizeof *made);
    if (!made) return error_nomem(err);
    /* one read transaction: each summary is of the articles the stale mark read with it counts */
    td_status status = s->in_batch ? TD_OK : store_exec(s, "BEGIN", err);
    if (status != TD_OK) {
        free(made);
        return status;
    }
    sqlite3_stmt *q[2] = {0};
    status = prepare_all(s, sql, 2, q, err);
    if (status == TD_OK) sqlite3_bind_int64(q[0], 1, max ? (sqlite3_int64)max : -1);
    int rc = SQLITE_OK;
    while (status == TD_OK && (rc = sqlite3_step(q[0])) == SQLITE_ROW) {
        made_summary m = {.key = sqlite3_column_int64(q[0], 0), .stale = sqlite3_column_int64(q[0], 1)};
        status = make_summary(s, summarizer, q[1], &m, err);
        if (status == TD_OK && !vec_push(&made->made, m)) status = error_nomem(err);
        if (status != TD_OK) made_free(&m);
    }
    if (status == TD_OK && rc != SQLITE_DONE) status = store_error(s, rc, "cannot read", err);
    finalize_all(q, 2);
    if (!s->in_batch) status = end(s, status, err);
    if (status != TD_OK) {
        td_store_summaries_free(made);
        return status;
    }
    *out = made;
    *n = made->made.len;
    return TD_OK;
}

td_status td_store_summaries_write(td_store *s, const td_store_summaries *made, td_error *err)
{
    td_status status = td_store_commit(s, err);
    if (status != TD_OK || !made->made.len || (status = store_exec(s, "BEGIN IMMEDIATE", err)) != TD_OK) return status;
    sqlite3_stmt *q[3] = {0};
    status = prepare_all(s, write_sql, 3, q, err);
    for (size_t i = 0; status == TD_OK && i < made->made.len; i++) status = write_summary(s, q, &made->made.items[i], err);
    finalize_all(q, 3);
    return end(s, status, err);
}

void td_store_summaries_free(td_store_summaries *made)
{
    if (!made) return;
    for (size_t i = 0; i < made->made.len; i++) made_free(&made->made.items[i]);
    vec_free(&made->made);
    free(made);
}

/* A copy of m's sentences and headline for a story read (its own ones freed). */
static bool give_story(td_story *st, const made_summary *m)
{
    td_story_sentence *k = m->n ? calloc(m->n, sizeof *k) : NULL;
    char *headline = m->headline ? strdup(m->headline) : NULL;
    bool ok = (!m->n || k) && (!m->headline || headline);
    size_t n = 0;
    for (; ok && n < m->n; n++) {
        const td_story_sentence *from = &m->sentences[n];
        k[n].text = strdup(from->text);
        k[n].sources = calloc(from->n_sources ? from->n_sources : 1, sizeof *k[n].sources);
        ok = k[n].text && k[n].sources;
        for (size_t j = 0; ok && j < from->n_sources; j++)
            ok = (k[n].sources[k[n].n_sources++] = strdup(from->sources[j])) != NULL;
    }
    if (!ok) {
        store_sentences_free(k, n);
        free(headline);
        return false;
    }
    store_sentences_free(st->summary, st->n_summary);
    free(st->headline);
    st->summary = k;
    st->n_summary = m->n;
    st->headline = headline;
    return true;
}

td_status td_store_fresh_summaries(td_store *s, td_summarizer *summarizer, td_story *stories, size_t n,
                                   td_store_summaries **made, td_error *err)
{
    const char *const sql[2] = {"SELECT key, stale FROM stories WHERE id = ?1", articles_sql};
    if (made && !(*made = calloc(1, sizeof **made))) return error_nomem(err);
    sqlite3_stmt *q[2] = {0};
    td_status status = prepare_all(s, sql, 2, q, err);
    for (size_t i = 0; status == TD_OK && i < n; i++) {
        sqlite3_bind_text(q[0], 1, stories[i].id, -1, SQLITE_STATIC);
        int rc = sqlite3_step(q[0]);
        made_summary m = {0};
        if (rc == SQLITE_ROW) m = (made_summary){.key = sqlite3_column_int64(q[0], 0), .stale = sqlite3_column_int64(q[0], 1)};
        sqlite3_reset(q[0]);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) status = store_error(s, rc, "cannot read", err);
        if (status != TD_OK || !m.stale) continue;
        status = make_summary(s, summarizer, q[1], &m, err);
        if (status == TD_OK && !give_story(&stories[i], &m)) status = error_nomem(err);
        if (status == TD_OK && made && vec_push(&(*made)->made, m)) m = (made_summary){0};
        made_free(&m);
    }
    finalize_all(q, 2);
    if (status != TD_OK && made) {
        td_store_summaries_free(*made);
        *made = NULL;
    }
    return status;
}

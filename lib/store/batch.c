/* batch.c — adding articles to a store, a batch (one transaction) at a time: an id seen before is
 * ignored (same text) or updated (another text); a new one is placed by the clusterer and written
 * with its story; a commit writes the stories the batch touched, indexes its new articles for
 * search in one statement (search.c) and, every STORE_STATE_EVERY articles (and at the close), saves the clusterer's state in the same transaction: the articles
 * committed after the saved state are placed again from their rows when the store is opened. Ids
 * are found by their hash (ids.c); every STORE_MERGE_EVERY new ids, a commit merges them. An
 * article's text is stored once for all the articles that have the same bytes (texts.c). */
#include <string.h>

#include "common/error.h"
#include "story/story.h"
#include "store/store.h"

static void bind_opt(sqlite3_stmt *st, int i, const char *s)
{
    if (s) sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
    else sqlite3_bind_null(st, i);
}

/* Runs a statement whose one parameter is an article's arrival number. */
static td_status run_on_seq(td_store *s, sqlite3_stmt *st, long long seq, td_error *err)
{
    sqlite3_bind_int64(st, 1, seq);
    return store_run(s, st, err);
}

/* A story got n new articles (0 for an update) at arrival seq, with the date given (or none):
 * noted for the commit, which writes each story touched once. */
static td_status touch_story(td_store *s, unsigned long long key, int n, long long seq, const char *date,
                             td_error *err)
{
    uint32_t i = u64map_intern(&s->touched_keys, key);
    if (i == U64MAP_NONE || (i == s->touched.len && !vec_push(&s->touched, ((story_touch){.key = key}))))
        return error_nomem(err);
    story_touch *t = &s->touched.items[i];
    t->n_articles += n;
    if (seq > t->last_seq) t->last_seq = seq;
    long long when;
    if (date && td_date_parse(date, &when) && (!t->dated || when > t->when)) {
        t->dated = true;
        t->when = when;
        t->date = s->touch_dates.len;
        if (!buf_append(&s->touch_dates, date, strlen(date) + 1)) return error_nomem(err);
    }
    return TD_OK;
}

td_status store_flush_stories(td_store *s, td_error *err)
{
    sqlite3_stmt *st = s->q[Q_TOUCH_STORY];
    td_status status = TD_OK;
    for (size_t i = 0; status == TD_OK && i < s->touched.len; i++) {
        const story_touch *t = &s->touched.items[i];
        sqlite3_bind_int64(st, 1, (sqlite3_int64)t->key);
        sqlite3_bind_int64(st, 2, t->n_articles);
        sqlite3_bind_int64(st, 3, t->last_seq);
        if (t->dated) {
            sqlite3_bind_int64(st, 4, t->when);
            sqlite3_bind_text(st, 5, s->touch_dates.data + t->date, -1, SQLITE_STATIC);
        }
        status = store_run(s, st, err);
    }
    u64map_clear(&s->touched_keys);
    s->touched.len = 0;
    buf_clear(&s->touch_dates);
    return status;
}

/* Copies a string into a buffer of the store (valid until the next add); NULL stays NULL. */
static const char *keep(buf *b, const char *s, td_error *err, bool *ok)
{
    if (!s) return NULL;
    buf_clear(b);
    if (!buf_puts(b, s)) {
        *ok = false;
        error_nomem(err);
    }
    return b->data ? b->data : "";
}

/* An id already stored (id_hash its store_hash, len the text's length): *found false when it is not. */
static td_status known(td_store *s, const td_document *doc, long long id_hash, size_t len, td_placement *out,
                       td_store_action *action, bool *found, td_error *err)
{
    sqlite3_stmt *st = s->q[Q_FIND_ARTICLE];
    sqlite3_bind_int64(st, 1, id_hash);
    sqlite3_bind_text(st, 2, doc->name, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    *found = rc == SQLITE_ROW;
    if (!*found) {
        sqlite3_reset(st);
        return rc == SQLITE_DONE ? TD_OK : store_error(s, rc, "cannot read", err);
    }
    bool same = (size_t)sqlite3_column_bytes(st, 2) == len && !memcmp(sqlite3_column_blob(st, 2), doc->text, len);
    bool ok = true;
    long long seq = sqlite3_column_int64(st, 0), old_key = sqlite3_column_int64(st, 6);
    long long old_hash = same ? 0 : store_hash(sqlite3_column_blob(st, 2), (size_t)sqlite3_column_bytes(st, 2));
    *out = (td_placement){
        .story_key = (unsigned long long)sqlite3_column_int64(st, 1),
        .confidence = sqlite3_column_double(st, 3),
        .copy_of = keep(&s->copy_of, (const char *)sqlite3_column_text(st, 4), err, &ok),
        .story = keep(&s->story_id, (const char *)sqlite3_column_text(st, 5), err, &ok),
    };
    sqlite3_reset(st);
    if (!ok) return TD_ERR_NOMEM;
    *action = same ? TD_STORE_SAME : TD_STORE_UPDATED;
    if (same) return TD_OK;
    s->must_save = true; /* re-placing the articles after the saved state would read the new text */
    /* the old values out of the search index (the batch's articles go in first: this one may be
       among them), the new ones in */
    td_status status = store_index_added(s, err);
    long long key;
    if (status == TD_OK) status = run_on_seq(s, s->q[Q_UNINDEX_ARTICLE], seq, err);
    if (status == TD_OK) status = store_text_add(s, doc->text, len, &key, err);
    if (status != TD_OK) return status;
    st = s->q[Q_UPDATE_ARTICLE];
    sqlite3_bind_int64(st, 1, seq);
    bind_opt(st, 2, doc->source);
    bind_opt(st, 3, doc->title);
    bind_opt(st, 4, doc->url);
    bind_opt(st, 5, doc->date);
    sqlite3_bind_int64(st, 6, key);
    status = store_run(s, st, err);
    if (status == TD_OK) status = run_on_seq(s, s->q[Q_INDEX_ARTICLE], seq, err);
    if (status == TD_OK) status = store_text_release(s, old_hash, old_key, err);
    return status == TD_OK ? touch_story(s, out->story_key, 0, s->next_seq - 1, doc->date, err) : status;
}

td_status td_store_add(td_store *s, const td_document *doc, td_placement *out, td_store_action *action,
                       td_error *err)
{
    td_status status;
    if (!s->in_batch) {
        if ((status = store_exec(s, "BEGIN IMMEDIATE", err)) != TD_OK) return status;
        s->in_batch = true;
        s->unindexed_seq = s->next_seq;
    }
    long long when;
    if (doc->date && !td_date_parse(doc->date, &when))
        return error_set(err, TD_ERR_INPUT, "%s: date \"%.40s\" is not YYYY-MM-DD or ISO 8601", doc->name, doc->date);
    long long id_hash = store_hash(doc->name, strlen(doc->name));
    size_t len = doc->text_len ? doc->text_len : strlen(doc->text);
    bool found;
    if ((status = known(s, doc, id_hash, len, out, action, &found, err)) != TD_OK || found) return status;
    *action = TD_STORE_ADDED;
    if ((status = td_clusterer_add(s->clusterer, doc, out, err)) != TD_OK) return status;
    long long text_key;
    if ((status = store_text_add(s, doc->text, len, &text_key, err)) != TD_OK) return status;
    long long seq = s->next_seq++;
    if (out->new_story) {
        sqlite3_stmt *st = s->q[Q_INSERT_STORY];
        sqlite3_bind_int64(st, 1, (sqlite3_int64)out->story_key);
        sqlite3_bind_text(st, 2, out->story, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, seq);
        if ((status = store_run(s, st, err)) != TD_OK) return status;
    }
    sqlite3_stmt *st = s->q[Q_INSERT_ARTICLE];
    sqlite3_bind_int64(st, 1, seq);
    sqlite3_bind_text(st, 2, doc->name, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)out->story_key);
    bind_opt(st, 4, doc->source);
    bind_opt(st, 5, doc->title);
    bind_opt(st, 6, doc->url);
    bind_opt(st, 7, doc->date);
    sqlite3_bind_int64(st, 8, text_key);
    bind_opt(st, 9, out->copy_of);
    sqlite3_bind_double(st, 10, out->confidence);
    if ((status = store_run(s, st, err)) != TD_OK) return status;
    st = s->q[Q_INSERT_ID];
    sqlite3_bind_int64(st, 1, id_hash);
    sqlite3_bind_int64(st, 2, seq);
    if ((status = store_run(s, st, err)) != TD_OK) return status;
    s->recent_ids++;
    return touch_story(s, out->story_key, 1, seq, doc->date, err);
}

td_status store_index_added(td_store *s, td_error *err)
{
    if (s->unindexed_seq == s->next_seq) return TD_OK;
    sqlite3_stmt *st = s->q[Q_INDEX_ADDED];
    sqlite3_bind_int64(st, 1, s->unindexed_seq);
    td_status status = store_run(s, st, err);
    if (status == TD_OK) s->unindexed_seq = s->next_seq;
    return status;
}

td_status store_save_state(td_store *s, td_error *err)
{
    buf_clear(&s->state);
    if (!story_state_save(s->clusterer, &s->state)) return error_nomem(err);
    sqlite3_stmt *st = s->q[Q_SAVE_STATE];
    sqlite3_bind_blob64(st, 1, s->state.data, s->state.len, SQLITE_STATIC);
    return store_run(s, st, err);
}

td_status td_store_commit(td_store *s, td_error *err)
{
    if (!s->in_batch) return TD_OK;
    td_status status = store_flush_stories(s, err);
    if (status == TD_OK) status = store_index_added(s, err);
    uint64_t placed = story_state_placed(s->clusterer);
    bool save = s->must_save || placed - s->saved_placed >= STORE_STATE_EVERY;
    bool merge = s->recent_ids >= STORE_MERGE_EVERY || s->recent_texts >= STORE_MERGE_EVERY;
    if (status == TD_OK && save) status = store_save_state(s, err);
    if (status == TD_OK && merge) status = store_merge_ids(s, err);
    if (status == TD_OK && merge) status = store_merge_texts(s, err);
    if (status == TD_OK) status = store_exec(s, "COMMIT", err);
    if (status != TD_OK) return status;
    s->in_batch = false;
    s->must_save = false;
    if (save) s->saved_placed = placed;
    if (merge) s->recent_ids = s->recent_texts = 0;
    return TD_OK;
}

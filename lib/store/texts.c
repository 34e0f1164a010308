/* texts.c — each distinct article text stored once (schema 6): `texts` holds a row a distinct text,
 * appended as texts first arrive, and articles name theirs by key. A text is found by its 64-bit
 * hash (store_hash) in two WITHOUT ROWID tables of (hash, key, refs), as ids are (ids.c): new ones
 * go into the small `recent_text_hashes`, merged into `text_hashes` in hash order with the ids. A
 * hash names candidates only: the stored text is compared byte for byte. `refs` counts the
 * articles holding the text; a text no article holds any more (after updates) is deleted. */
#include "common/error.h"
#include "store/store.h"

/* Runs the statements first..last (of parameters hash, key and, when not 0, refs) in order. */
static td_status run_text(td_store *s, int first, int last, long long hash, long long key, int refs, td_error *err)
{
    td_status status = TD_OK;
    for (int q = first; status == TD_OK && q <= last; q++) {
        sqlite3_stmt *st = s->q[q];
        sqlite3_bind_int64(st, 1, hash);
        sqlite3_bind_int64(st, 2, key);
        if (refs) sqlite3_bind_int(st, 3, refs);
        status = store_run(s, st, err);
    }
    return status;
}

td_status store_text_add(td_store *s, const char *text, size_t len, long long *key, td_error *err)
{
    long long hash = store_hash(text, len);
    sqlite3_stmt *st = s->q[Q_FIND_TEXT];
    sqlite3_bind_int64(st, 1, hash);
    sqlite3_bind_text(st, 2, text, (int)len, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    bool recent = false;
    if (rc == SQLITE_ROW) {
        *key = sqlite3_column_int64(st, 0);
        recent = sqlite3_column_int(st, 1);
    }
    sqlite3_reset(st);
    if (rc == SQLITE_ROW) {
        int q = recent ? Q_REF_RECENT_TEXT : Q_REF_TEXT;
        return run_text(s, q, q, hash, *key, 1, err);
    }
    if (rc != SQLITE_DONE) return store_error(s, rc, "cannot read", err);
    st = s->q[Q_INSERT_TEXT];
    sqlite3_bind_text(st, 1, text, (int)len, SQLITE_STATIC);
    td_status status = store_run(s, st, err);
    if (status != TD_OK) return status;
    *key = sqlite3_last_insert_rowid(s->db);
    if ((status = run_text(s, Q_INSERT_TEXT_HASH, Q_INSERT_TEXT_HASH, hash, *key, 0, err)) == TD_OK) s->recent_texts++;
    return status;
}

td_status store_text_release(td_store *s, long long hash, long long key, td_error *err)
{
    /* one fewer in whichever table holds its hash; when none holds it any more, the hash and the
       text out */
    td_status status = run_text(s, Q_REF_TEXT, Q_REF_RECENT_TEXT, hash, key, -1, err);
    return status == TD_OK ? run_text(s, Q_DROP_TEXT_HASH, Q_DROP_TEXT, hash, key, 0, err) : status;
}

td_status store_merge_texts(td_store *s, td_error *err)
{
    return store_exec(s,
                      "INSERT INTO text_hashes (hash, key, refs) SELECT hash, key, refs FROM recent_text_hashes"
                      " ORDER BY hash, key; DELETE FROM recent_text_hashes;",
                      err);
}

/* ids.c — finding an article by its id (schema 5): the id's 64-bit hash (XXH3, a fixed function,
 * as stores keep it; texts.c finds texts by it too) keys two small WITHOUT ROWID tables of (hash,
 * seq) instead of a unique index on the text. A new id goes into `recent_ids`, which stays small,
 * so that a batch's random inserts change few pages; every STORE_MERGE_EVERY ids they are merged into `article_ids` in
 * one pass in hash order, which changes each of its pages at most once. A hash names candidates
 * only: the row's id is compared, so two ids of one hash are two articles. */
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "store/store.h"

long long store_hash(const char *bytes, size_t len)
{
    return (long long)XXH3_64bits(bytes, len);
}

/* store_hash(text): in SQL, for the upgrades of older stores. */
static void hash_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *text = (const char *)sqlite3_value_text(argv[0]);
    if (text) sqlite3_result_int64(ctx, store_hash(text, (size_t)sqlite3_value_bytes(argv[0])));
    else sqlite3_result_null(ctx);
}

td_status store_hash_function(td_store *s, td_error *err)
{
    int rc = sqlite3_create_function_v2(s->db, "store_hash", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                                        NULL, hash_text, NULL, NULL, NULL);
    return rc == SQLITE_OK ? TD_OK : store_error(s, rc, "cannot open", err);
}

td_status store_merge_ids(td_store *s, td_error *err)
{
    return store_exec(s,
                      "INSERT INTO article_ids (hash, seq) SELECT hash, seq FROM recent_ids ORDER BY hash, seq;"
                      "DELETE FROM recent_ids;",
                      err);
}

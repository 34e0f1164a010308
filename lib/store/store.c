/* store.c — opening a store: the file, its checks (a SQLite file, a tidings store, a schema this
 * code reads, writable, not locked), the schema of a new one, the clusterer's state and settings
 * read back, and the last articles replayed into copy detection; closing it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "story/story.h"
#include "store/store.h"

/* Full-text search: an FTS5 index of the articles' titles and leads (search.c), contentless (it
 * keeps no text; columnsize=0: no row of sizes an article, as nothing is ranked). A batch's new
 * articles are indexed by one statement at its commit (Q_INDEX_ADDED; a statement an article makes
 * FTS5 write a segment each); an update takes the old values out and puts the new ones in
 * (Q_UNINDEX_ARTICLE, Q_INDEX_ARTICLE). SEARCHED is what is indexed of a row of articles. */
#define SEARCH_SCHEMA "CREATE VIRTUAL TABLE articles_fts USING fts5(title, lead, content='', columnsize=0);"
#define SEARCHED                                                                                           \
    "a.seq, a.title, CASE WHEN a.copy_of IS NULL THEN search_lead((SELECT text FROM texts WHERE key = a.text_key))" \
    " END FROM articles a"
#define SEARCHED_BEFORE_6 "seq, title, CASE WHEN copy_of IS NULL THEN search_lead(text) END FROM articles"

/* The articles (schema 5: their ids are not indexed here but in ID_TABLES, by hash, ids.c; schema
 * 6: their texts are in TEXT_TABLES, each distinct text once, texts.c), and their index by story. */
#define ARTICLE_COLUMNS                                                                                  \
    " (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, story INTEGER NOT NULL, source TEXT, title TEXT, url TEXT," \
    " date TEXT, text_key INTEGER NOT NULL, copy_of TEXT, confidence REAL NOT NULL);"
#define ARTICLE_COLUMNS_5                                                                                \
    " (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, story INTEGER NOT NULL, source TEXT, title TEXT, url TEXT," \
    " date TEXT, text TEXT NOT NULL, copy_of TEXT, confidence REAL NOT NULL);"
#define ARTICLES_BY_STORY "CREATE INDEX articles_by_story ON articles (story, seq);"
#define ID_TABLES                                                                                          \
    "CREATE TABLE article_ids (hash INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (hash, seq)) WITHOUT ROWID;" \
    "CREATE TABLE recent_ids (hash INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (hash, seq)) WITHOUT ROWID;"
#define TEXT_HASHES(table)                                                                                \
    "CREATE TABLE " table " (hash INTEGER NOT NULL, key INTEGER NOT NULL, refs INTEGER NOT NULL,"          \
    " PRIMARY KEY (hash, key)) WITHOUT ROWID;"
#define TEXT_TABLES                                                                                       \
    "CREATE TABLE texts (key INTEGER PRIMARY KEY, text TEXT NOT NULL);" TEXT_HASHES("text_hashes")        \
    TEXT_HASHES("recent_text_hashes")

static const char schema[] =
    "CREATE TABLE state (id INTEGER PRIMARY KEY CHECK (id = 1), settings TEXT NOT NULL, clusterer BLOB NOT NULL);"
    "CREATE TABLE articles" ARTICLE_COLUMNS ARTICLES_BY_STORY ID_TABLES TEXT_TABLES
    "CREATE TABLE stories (key INTEGER PRIMARY KEY, id TEXT NOT NULL, headline TEXT, updated TEXT,"
    " updated_ts INTEGER, last_seq INTEGER NOT NULL, n_articles INTEGER NOT NULL, stale INTEGER NOT NULL);"
    "CREATE INDEX stories_by_date ON stories (updated_ts, last_seq);"
    "CREATE INDEX stories_stale ON stories (stale) WHERE stale;"
    "CREATE TABLE summary_sentences (story INTEGER NOT NULL, pos INTEGER NOT NULL, text TEXT NOT NULL,"
    " sources TEXT NOT NULL, PRIMARY KEY (story, pos));" SEARCH_SCHEMA;

/* The article whose id is ?2 among those under its hash ?1 in the id table given (a compound
 * SELECT of two of these reads both tables without materialising a list, as `seq IN (…)` would). */
#define FIND_ARTICLE(table)                                                                           \
    "SELECT a.seq, a.story, t.text, a.confidence, a.copy_of, s.id, a.text_key FROM " table " i"       \
    " JOIN articles a ON a.seq = i.seq JOIN stories s ON s.key = a.story JOIN texts t ON t.key = a.text_key" \
    " WHERE i.hash = ?1 AND a.id = ?2"
/* The key of the text ?2 among those under its hash ?1 in the hash table given, and whether it is
 * the recent one. */
#define FIND_TEXT(table, recent)                                                                      \
    "SELECT h.key, " recent " FROM " table " h JOIN texts t ON t.key = h.key WHERE h.hash = ?1 AND t.text = ?2"

static const char *const statements[Q_COUNT] = {
    [Q_FIND_ARTICLE] = FIND_ARTICLE("article_ids") " UNION ALL " FIND_ARTICLE("recent_ids"),
    [Q_INSERT_ARTICLE] = "INSERT INTO articles (seq, id, story, source, title, url, date, text_key, copy_of, confidence)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    [Q_INSERT_ID] = "INSERT INTO recent_ids (hash, seq) VALUES (?1, ?2)",
    [Q_UPDATE_ARTICLE] = "UPDATE articles SET source = ?2, title = ?3, url = ?4, date = ?5, text_key = ?6 WHERE seq = ?1",
    [Q_INSERT_STORY] = "INSERT INTO stories (key, id, last_seq, n_articles, stale) VALUES (?1, ?2, ?3, 0, 1)",
    [Q_TOUCH_STORY] = "UPDATE stories SET n_articles = n_articles + ?2, last_seq = MAX(last_seq, ?3), stale = stale + 1,"
                      " updated = CASE WHEN ?4 IS NOT NULL AND (updated_ts IS NULL OR ?4 > updated_ts)"
                      " THEN ?5 ELSE updated END,"
                      " updated_ts = CASE WHEN ?4 IS NOT NULL AND (updated_ts IS NULL OR ?4 > updated_ts)"
                      " THEN ?4 ELSE updated_ts END WHERE key = ?1",
    [Q_SAVE_STATE] = "UPDATE state SET clusterer = ?1 WHERE id = 1",
    [Q_INDEX_ADDED] = "INSERT INTO articles_fts (rowid, title, lead) SELECT " SEARCHED " WHERE seq >= ?1",
    [Q_UNINDEX_ARTICLE] = "INSERT INTO articles_fts (articles_fts, rowid, title, lead) SELECT 'delete', " SEARCHED
                          " WHERE seq = ?1",
    [Q_INDEX_ARTICLE] = "INSERT INTO articles_fts (rowid, title, lead) SELECT " SEARCHED " WHERE seq = ?1",
    [Q_FIND_TEXT] = FIND_TEXT("text_hashes", "0") " UNION ALL " FIND_TEXT("recent_text_hashes", "1"),
    [Q_INSERT_TEXT] = "INSERT INTO texts (text) VALUES (?1)",
    [Q_INSERT_TEXT_HASH] = "INSERT INTO recent_text_hashes (hash, key, refs) VALUES (?1, ?2, 1)",
    [Q_REF_TEXT] = "UPDATE text_hashes SET refs = refs + ?3 WHERE hash = ?1 AND key = ?2",
    [Q_REF_RECENT_TEXT] = "UPDATE recent_text_hashes SET refs = refs + ?3 WHERE hash = ?1 AND key = ?2",
    [Q_DROP_TEXT_HASH] = "DELETE FROM text_hashes WHERE hash = ?1 AND key = ?2 AND refs <= 0",
    [Q_DROP_RECENT_TEXT_HASH] = "DELETE FROM recent_text_hashes WHERE hash = ?1 AND key = ?2 AND refs <= 0",
    [Q_DROP_TEXT] = "DELETE FROM texts WHERE key = ?2 AND NOT EXISTS (SELECT 1 FROM text_hashes WHERE hash = ?1"
                    " AND key = ?2) AND NOT EXISTS (SELECT 1 FROM recent_text_hashes WHERE hash = ?1 AND key = ?2)",
};

td_status store_error(td_store *s, int rc, const char *what, td_error *err)
{
    int code = rc & 0xff;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        return error_set(err, TD_ERR_IO, "%s: the store is locked by another process (%s)", s->path, what);
    if (code == SQLITE_READONLY || code == SQLITE_CANTOPEN)
        return error_set(err, TD_ERR_IO, "%s: the store cannot be written (read-only file or folder) (%s)", s->path,
                         what);
    if (code == SQLITE_NOTADB) return error_set(err, TD_ERR_INPUT, "%s: not a tidings store (not a SQLite file)", s->path);
    if (code == SQLITE_NOMEM) return error_nomem(err);
    if (code == SQLITE_CORRUPT)
        return error_set(err, TD_ERR_INPUT, "%s: the store is damaged (%s: %s)", s->path, what, sqlite3_errmsg(s->db));
    return error_set(err, TD_ERR_IO, "%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
}

td_status store_exec(td_store *s, const char *sql, td_error *err)
{
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? TD_OK : store_error(s, rc, "cannot update", err);
}

td_status store_run(td_store *s, sqlite3_stmt *st, td_error *err)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? TD_OK : store_error(s, rc, "cannot write", err);
}

/* One integer from a PRAGMA or query. */
static td_status query_int(td_store *s, const char *sql, long long *out, td_error *err)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) *out = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? TD_OK : store_error(s, rc, "cannot read", err);
}

static void settings_text(const td_story_opts *o, char *out, size_t size)
{
    snprintf(out, size,
             "threshold=%.17g decay_days=%.17g idle_days=%.17g max_live=%zu features=%u copy_window=%zu min_words=%zu",
             o->threshold, o->decay_days, o->idle_days, o->max_live, o->features, o->copy_window, o->min_words);
}

/* A store made before min_words existed places every article (min_words 0), as it always did, so
 * that its articles land again where they were placed. */
static bool settings_parse(const char *text, td_story_opts *o)
{
    int end = 0, more = 0;
    if (sscanf(text, "threshold=%lf decay_days=%lf idle_days=%lf max_live=%zu features=%u copy_window=%zu%n",
               &o->threshold, &o->decay_days, &o->idle_days, &o->max_live, &o->features, &o->copy_window,
               &end) != 6)
        return false;
    o->min_words = 0;
    return text[end] == '\0' || (sscanf(text + end, " min_words=%zu%n", &o->min_words, &more) == 1 && !text[end + more]);
}

/* Makes the tables of a new store, with an empty state. */
static td_status create(td_store *s, const td_story_opts *opts, td_error *err)
{
    td_status st;
    if ((st = store_exec(s, "BEGIN IMMEDIATE", err)) != TD_OK) return st;
    char settings[256], pragmas[128];
    settings_text(opts, settings, sizeof settings);
    snprintf(pragmas, sizeof pragmas, "PRAGMA application_id = %d; PRAGMA user_version = %d;", STORE_APPLICATION,
             STORE_SCHEMA);
    td_clusterer *c = td_clusterer_new(opts, err);
    if (!c) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return err->code;
    }
    bool saved = story_state_save(c, &s->state);
    td_clusterer_free(c);
    if (!saved) return error_nomem(err);
    sqlite3_stmt *ins = NULL;
    int rc = SQLITE_OK;
    if ((st = store_exec(s, schema, err)) == TD_OK && (st = store_exec(s, pragmas, err)) == TD_OK) {
        rc = sqlite3_prepare_v2(s->db, "INSERT INTO state (id, settings, clusterer) VALUES (1, ?1, ?2)", -1, &ins, NULL);
        if (rc == SQLITE_OK) {
            sqlite3_bind_text(ins, 1, settings, -1, SQLITE_TRANSIENT);
            sqlite3_bind_blob(ins, 2, s->state.data, (int)s->state.len, SQLITE_STATIC);
            rc = sqlite3_step(ins);
        }
        sqlite3_finalize(ins);
        st = rc == SQLITE_DONE ? store_exec(s, "COMMIT", err) : store_error(s, rc, "cannot create", err);
    }
    if (st != TD_OK) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return st;
}

/* Brings the clusterer from its saved state to the last article committed: the articles before
 * the state's (as many as copy detection remembers) go back into copy detection, and those after
 * it are placed again, in order, each where it was placed before (else the store is damaged). */
static td_status replay(td_store *s, td_error *err)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT a.seq, a.id, t.text, a.story, a.title, a.date FROM articles a"
                                " JOIN texts t ON t.key = a.text_key WHERE a.seq >= ?1 ORDER BY a.seq",
                                -1, &st, NULL);
    if (rc != SQLITE_OK) return store_error(s, rc, "cannot read", err);
    size_t window = story_copy_window(s->clusterer);
    long long placed = (long long)s->saved_placed;
    if (placed >= s->next_seq) {
        sqlite3_finalize(st);
        return error_set(err, TD_ERR_INPUT, "%s: the store is damaged (the state is ahead of the articles)", s->path);
    }
    sqlite3_bind_int64(st, 1, placed + 1 - (long long)window);
    td_status status = TD_OK;
    while (status == TD_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        long long seq = sqlite3_column_int64(st, 0);
        const char *id = (const char *)sqlite3_column_text(st, 1), *text = (const char *)sqlite3_column_text(st, 2);
        uint64_t story_key = (uint64_t)sqlite3_column_int64(st, 3);
        if (!id || !text) {
            status = error_set(err, TD_ERR_INPUT, "%s: the store is damaged (an article without id or text)", s->path);
            break;
        }
        size_t len = (size_t)sqlite3_column_bytes(st, 2);
        td_dedup_match m;
        if (seq <= placed) {
            status = clusterer_remember(s->clusterer, text, len, id, story_key, &m, err);
            continue;
        }
        td_document doc = {.name = (char *)id, .text = (char *)text, .text_len = len,
                           .title = (char *)sqlite3_column_text(st, 4), .date = (char *)sqlite3_column_text(st, 5)};
        td_placement p;
        status = td_clusterer_add(s->clusterer, &doc, &p, err);
        if (status == TD_OK && p.story_key != story_key)
            status = error_set(err, TD_ERR_INPUT, "%s: the store is damaged (article %s placed again elsewhere)", s->path,
                               id);
    }
    if (status == TD_OK && rc != SQLITE_DONE) status = store_error(s, rc, "cannot read", err);
    sqlite3_finalize(st);
    return status;
}

/* Reads the settings and the clusterer's state, and makes the clusterer from them. */
static td_status load(td_store *s, td_error *err)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "SELECT settings, clusterer FROM state WHERE id = 1", -1, &st, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        td_status e = rc == SQLITE_DONE ? error_set(err, TD_ERR_INPUT, "%s: the store is damaged (no state)", s->path)
                                        : store_error(s, rc, "cannot read", err);
        sqlite3_finalize(st);
        return e;
    }
    td_story_opts o;
    td_story_opts_defaults(&o);
    const char *settings = (const char *)sqlite3_column_text(st, 0);
    td_status status = TD_OK;
    if (!settings || !settings_parse(settings, &o))
        status = error_set(err, TD_ERR_INPUT, "%s: the store is damaged (settings)", s->path);
    else if (!(s->clusterer = td_clusterer_new(&o, err)))
        status = err->code == TD_ERR_USAGE ? error_set(err, TD_ERR_INPUT, "%s: the store is damaged (settings)", s->path)
                                           : err->code;
    else if ((status = story_state_load(s->clusterer, sqlite3_column_blob(st, 1), (size_t)sqlite3_column_bytes(st, 1),
                                        err)) != TD_OK) {
        char msg[sizeof err->message];
        snprintf(msg, sizeof msg, "%s", err->message);
        error_set(err, status, "%s: %s", s->path, msg);
    }
    sqlite3_finalize(st);
    if (status != TD_OK) return status;
    long long max_seq;
    if ((status = query_int(s, "SELECT COALESCE(MAX(seq), 0) FROM articles", &max_seq, err)) != TD_OK) return status;
    s->next_seq = max_seq + 1;
    if ((status = query_int(s, "SELECT count(*) FROM recent_ids", &s->recent_ids, err)) != TD_OK ||
        (status = query_int(s, "SELECT count(*) FROM recent_text_hashes", &s->recent_texts, err)) != TD_OK)
        return status;
    s->saved_placed = story_state_placed(s->clusterer);
    return replay(s, err);
}

/* One step of a schema upgrade: its SQL (a whole transaction) run, or rolled back if it fails. */
static td_status upgrade(td_store *s, const char *sql, td_error *err)
{
    td_status st = store_exec(s, sql, err);
    if (st != TD_OK) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return st;
}

/* Checks what the file is, makes the schema of a new store, then turns WAL on. */
static td_status check(td_store *s, const td_story_opts *opts, td_error *err)
{
    long long app, version, tables;
    td_status st;
    if ((st = query_int(s, "PRAGMA application_id", &app, err)) != TD_OK ||
        (st = query_int(s, "PRAGMA user_version", &version, err)) != TD_OK ||
        (st = query_int(s, "SELECT count(*) FROM sqlite_master", &tables, err)) != TD_OK)
        return st;
    if (sqlite3_db_readonly(s->db, "main") == 1)
        return error_set(err, TD_ERR_IO, "%s: the store cannot be written (read-only file)", s->path);
    if (app == 0 && version == 0 && tables == 0) {
        /* pages of 16 KB: an article's text (3.6 KB on average in the generated stream) fits in its
           page without overflow pages (bench/RESULTS.md); stores made before keep 4 KB */
        if ((st = store_exec(s, "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL", err)) != TD_OK) return st;
        return create(s, opts, err);
    }
    if (app != STORE_APPLICATION)
        return error_set(err, TD_ERR_INPUT, "%s: not a tidings store (a SQLite file of another program)", s->path);
    if (version > STORE_SCHEMA)
        return error_set(err, TD_ERR_INPUT,
                         "%s: the store was made by a newer tidings (schema %lld; this one reads up to %d)", s->path,
                         version, STORE_SCHEMA);
    if (version < 1) return error_set(err, TD_ERR_INPUT, "%s: the store is damaged (no schema version)", s->path);
    if ((st = store_exec(s, "PRAGMA journal_mode = WAL", err)) != TD_OK) return st;
    /* schemas 1 to 3 to 4: the search index (schema 1 had none; 2 and 3 indexed whole texts, 2 by
     * triggers) made again from the stored articles */
    if (version < 4 &&
        (st = upgrade(s,
                      "BEGIN IMMEDIATE; DROP TRIGGER IF EXISTS articles_fts_insert;"
                      " DROP TRIGGER IF EXISTS articles_fts_update; DROP TABLE IF EXISTS articles_fts;"
                      SEARCH_SCHEMA "INSERT INTO articles_fts (rowid, title, lead) SELECT "
                      SEARCHED_BEFORE_6 ";"
                      "PRAGMA user_version = 4; COMMIT;",
                      err)) != TD_OK)
        return st;
    /* 4 to 5: the articles copied, in order, into a table without the unique index on their ids,
     * and the ids' hashes into article_ids */
    if (version < 5 &&
        (st = upgrade(s,
                      "BEGIN IMMEDIATE; CREATE TABLE articles_5" ARTICLE_COLUMNS_5
                      "INSERT INTO articles_5 SELECT seq, id, story, source, title, url, date, text, copy_of,"
                      " confidence FROM articles ORDER BY seq;"
                      "DROP TABLE articles; ALTER TABLE articles_5 RENAME TO articles;" ARTICLES_BY_STORY ID_TABLES
                      "INSERT INTO article_ids (hash, seq) SELECT store_hash(id), seq FROM articles ORDER BY 1, 2;"
                      "PRAGMA user_version = 5; COMMIT;",
                      err)) != TD_OK)
        return st;
    /* 5 to 6: each distinct text once in texts (its key the arrival number of its first article,
     * its refs the articles holding it), the articles copied, in order, with their text's key */
    if (version < 6 &&
        (st = upgrade(s,
                      "BEGIN IMMEDIATE;" TEXT_TABLES
                      "CREATE TEMP TABLE distinct_texts AS SELECT min(seq) AS key, count(*) AS refs,"
                      " store_hash(text) AS hash, text FROM articles GROUP BY text;"
                      "INSERT INTO texts (key, text) SELECT key, text FROM distinct_texts ORDER BY key;"
                      "INSERT INTO text_hashes (hash, key, refs) SELECT hash, key, refs FROM distinct_texts"
                      " ORDER BY hash, key;"
                      "DROP TABLE distinct_texts; CREATE TABLE articles_6" ARTICLE_COLUMNS
                      "INSERT INTO articles_6 SELECT a.seq, a.id, a.story, a.source, a.title, a.url, a.date,"
                      " (SELECT h.key FROM text_hashes h JOIN texts t ON t.key = h.key"
                      " WHERE h.hash = store_hash(a.text) AND t.text = a.text), a.copy_of, a.confidence"
                      " FROM articles a ORDER BY a.seq;"
                      "DROP TABLE articles; ALTER TABLE articles_6 RENAME TO articles;" ARTICLES_BY_STORY
                      "PRAGMA user_version = 6; COMMIT;",
                      err)) != TD_OK)
        return st;
    return TD_OK;
}

td_store *td_store_open(const char *path, const td_story_opts *opts, td_error *err)
{
    td_story_opts defaults;
    if (!opts) {
        td_story_opts_defaults(&defaults);
        opts = &defaults;
    }
    td_store *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        error_nomem(err);
        return NULL;
    }
    int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    td_status st = rc == SQLITE_OK ? TD_OK : store_error(s, rc, "cannot open", err);
    if (st == TD_OK) {
        sqlite3_busy_timeout(s->db, 2000);
        st = store_search_functions(s, err);
    }
    if (st == TD_OK) st = store_hash_function(s, err);
    if (st == TD_OK) {
        st = check(s, opts, err);
    }
    /* a page cache of 64 MB: a batch's new pages (texts, and a page of each index an article lands
       in) stay in it until the commit; with SQLite's 2 MB they were written out in the middle of
       the batch, again each time a page was changed again, and the random pages of the id index
       read back (bench/RESULTS.md) */
    if (st == TD_OK)
        st = store_exec(s, "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 16384; PRAGMA cache_size = -65536",
                        err);
    for (int i = 0; st == TD_OK && i < Q_COUNT; i++) {
        rc = sqlite3_prepare_v3(s->db, statements[i], -1, SQLITE_PREPARE_PERSISTENT, &s->q[i], NULL);
        if (rc != SQLITE_OK) st = store_error(s, rc, "not a tidings store of this schema", err);
    }
    if (st == TD_OK) st = load(s, err);
    if (st != TD_OK) {
        td_store_close(s);
        return NULL;
    }
    s->loaded = true;
    return s;
}

void td_store_close(td_store *s)
{
    if (!s) return;
    td_error ignored;
    if (s->in_batch) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    else if (s->loaded && story_state_placed(s->clusterer) != s->saved_placed &&
             store_exec(s, "BEGIN IMMEDIATE", &ignored) == TD_OK) {
        /* a state of all that is committed, so that the next open has nothing to place again; not
           when another process added articles meanwhile; when it cannot be written, the next open
           places those articles again */
        long long max_seq;
        if (query_int(s, "SELECT COALESCE(MAX(seq), 0) FROM articles", &max_seq, &ignored) == TD_OK &&
            (uint64_t)max_seq == story_state_placed(s->clusterer) && store_save_state(s, &ignored) == TD_OK)
            store_exec(s, "COMMIT", &ignored);
        else sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    }
    for (int i = 0; i < Q_COUNT; i++) sqlite3_finalize(s->q[i]);
    sqlite3_close(s->db);
    td_clusterer_free(s->clusterer);
    buf_free(&s->story_id);
    buf_free(&s->copy_of);
    buf_free(&s->state);
    u64map_free(&s->touched_keys);
    vec_free(&s->touched);
    buf_free(&s->touch_dates);
    free(s->path);
    free(s);
}

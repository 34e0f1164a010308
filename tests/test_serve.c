/* test_serve.c — the server's request handler without sockets (td_server_handle) and the store's
 * full-text search it answers ?q= with (schema 4: titles and leads; stores of schemas 1 to 3 upgraded
 * on open). */
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

static char path[64];

static int setup(void **state)
{
    (void)state;
    temp_store_path(path, sizeof path, "test_serve");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    remove_store_files(path);
    return 0;
}

static const char ferry[] = "The ferry Marisol caught fire off Dunmore Head. All 212 passengers were taken off by lifeboats.";
static const char museum[] = "Three paintings were stolen from the Kestrel Museum overnight, the police said on Monday.";

static void add(td_store *s, const char *id, const char *text)
{
    td_error err = {0};
    td_placement p;
    td_store_action a;
    td_document d = {.name = (char *)id, .text = (char *)text, .text_len = strlen(text)};
    assert_int_equal(td_store_add(s, &d, &p, &a, &err), TD_OK);
}

/* The story ids a search finds, joined by spaces, into out. */
static void search(td_store *s, const char *q, char *out, size_t size)
{
    td_error err = {0};
    td_story *list;
    size_t n;
    assert_int_equal(td_store_latest(s, NULL, q, 10, &list, &n, &err), TD_OK);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) snprintf(out + strlen(out), size - strlen(out), "%s%s", i ? " " : "", list[i].id);
    td_stories_free(list, n);
}

/* Turns the store at path into one of an older schema (1: no search index; 2: whole texts indexed
 * by triggers on insert and update; 3: by a trigger on update and at the commit). */
static void make_older(int version)
{
    char sql[2048];
    snprintf(sql, sizeof sql,
             STORE_BACK_TO_SCHEMA_4 "DROP TABLE articles_fts;%s%s PRAGMA user_version = %d;",
             version >= 2 ? "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq');"
                            "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');"
                            "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN"
                            " INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);"
                            " INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text); END;"
                          : "",
             version == 2 ? "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
                            " INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text); END;"
                          : "",
             version);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

/* The store at path is of schema 5, without triggers, and its search index is sound. */
static void assert_schema_5(void)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')", NULL, NULL,
                                  NULL),
                     SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'trigger') * 10"
                                            " + (SELECT user_version FROM pragma_user_version)",
                                        -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 5); /* no trigger, schema 5 */
    sqlite3_finalize(st);
    sqlite3_close(db);
}

static void test_search(void **state)
{
    (void)state;
    td_error err = {0};
    td_store *s = td_store_open(path, NULL, &err);
    assert_non_null(s);
    add(s, "ferry-1", ferry);
    add(s, "museum-1", museum);
    assert_int_equal(td_store_commit(s, &err), TD_OK);
    char found[256];
    search(s, "lifeboats", found, sizeof found);
    assert_string_equal(found, "ferry-1");
    search(s, "PAINTINGS police", found, sizeof found);
    assert_string_equal(found, "museum-1");
    search(s, "paint*", found, sizeof found);
    assert_string_equal(found, "museum-1");
    search(s, "paintings lifeboats", found, sizeof found); /* every word must match */
    assert_string_equal(found, "");
    search(s, "\"OR\" NEAR( -- *", found, sizeof found);    /* operators are words, not syntax */
    assert_string_equal(found, "");
    search(s, "   ", found, sizeof found);
    assert_string_equal(found, "");
    td_story *list;
    size_t n;
    assert_int_equal(td_store_latest(s, NULL, NULL, 1, &list, &n, &err), TD_OK); /* newest first, limited */
    assert_int_equal(n, 1);
    assert_string_equal(list[0].id, "museum-1");
    td_stories_free(list, n);
    td_store_close(s);

    /* a store of schema 2 indexed each new article by a trigger: it is dropped when opened, and a
     * batch's articles are indexed at its commit, once, even one updated in the batch it came in */
    make_older(2);
    assert_non_null(s = td_store_open(path, NULL, &err));
    add(s, "bridge-1", "The old swing bridge at Carrow was closed for repairs after a barge struck it.");
    search(s, "barge", found, sizeof found); /* the open batch's articles are searched too */
    assert_string_equal(found, "bridge-1");
    add(s, "bridge-1", "The old swing bridge at Carrow was closed for repairs after a lorry struck it.");
    add(s, "ferry-2", "Divers inspected the hull of the Marisol in Dunmore harbour on Tuesday.");
    assert_int_equal(td_store_commit(s, &err), TD_OK);
    search(s, "barge", found, sizeof found);
    assert_string_equal(found, "");
    search(s, "lorry Carrow", found, sizeof found);
    assert_string_equal(found, "bridge-1");
    search(s, "divers", found, sizeof found);
    assert_string_equal(found, "ferry-1");
    search(s, "Dunmore", found, sizeof found); /* indexed again from the stored articles */
    assert_string_equal(found, "ferry-1");
    td_store_close(s);
    assert_schema_5();

    /* stores of schemas 1 (no index) and 3 (whole texts indexed) get the index of schema 4 */
    for (int version = 1; version <= 3; version += 2) {
        make_older(version);
        assert_non_null(s = td_store_open(path, NULL, &err));
        search(s, "Dunmore", found, sizeof found);
        assert_string_equal(found, "ferry-1");
        search(s, "PAINTINGS police", found, sizeof found);
        assert_string_equal(found, "museum-1");
        td_store_close(s);
        assert_schema_5();
    }
}

/* An article's title and the first SEARCH_LEAD_WORDS (60) words of its text are searched, not the
 * rest; a copy is found by its title (its text is that of its original, in the same story). */
static void test_search_lead(void **state)
{
    (void)state;
    char text[2048] = "Flood barriers were raised along the Wendle river as water rose.";
    for (int i = 0; i < 4; i++) /* 11 + 4 * 12 words: the last sentence starts at word 60 */
        strcat(text, " The council said the barriers would stay up for the whole weekend.");
    strcat(text, " Kayakers were told to keep off.");
    td_error err = {0};
    td_store *s = td_store_open(path, NULL, &err);
    assert_non_null(s);
    td_placement p;
    td_store_action a;
    td_document d = {.name = "flood-1", .title = "Wendle river barriers raised", .text = text,
                     .text_len = strlen(text)};
    assert_int_equal(td_store_add(s, &d, &p, &a, &err), TD_OK);
    d = (td_document){.name = "flood-2", .title = "Sandbags handed out in Ostby", .text = text, .text_len = strlen(text)};
    assert_int_equal(td_store_add(s, &d, &p, &a, &err), TD_OK);
    assert_string_equal(p.copy_of, "flood-1");
    assert_int_equal(td_store_commit(s, &err), TD_OK);
    char found[256];
    search(s, "wendle weekend", found, sizeof found); /* title and lead */
    assert_string_equal(found, "flood-1");
    search(s, "kayakers", found, sizeof found); /* word 60: the last of the lead */
    assert_string_equal(found, "flood-1");
    search(s, "keep", found, sizeof found);     /* word 64: past the lead */
    assert_string_equal(found, "");
    search(s, "sandbags ostby", found, sizeof found); /* the copy's own title */
    assert_string_equal(found, "flood-1");
    search(s, "sandbags council", found, sizeof found); /* its title, its original's lead: not one article */
    assert_string_equal(found, "");
    td_store_close(s);
}

/* Handles one request; returns the status, the body into body (free()). */
static int handle(td_server *srv, const char *method, const char *url, const char *type, const char *auth,
                  const char *body, char **out)
{
    td_http_response r;
    assert_int_equal(td_server_handle(srv, method, url, type, auth, body, body ? strlen(body) : 0, &r), TD_OK);
    *out = r.body;
    if (r.status >= 400) assert_true(!strncmp(r.body, "{\"error\":\"", 10)); /* every error is JSON */
    return r.status;
}

static void test_handler(void **state)
{
    (void)state;
    td_serve_opts opts;
    td_serve_opts_defaults(&opts);
    opts.store = path;
    opts.token = "s3cret";
    opts.max_articles = 2;
    td_error err = {0};
    td_server *srv = td_server_new(&opts, &err);
    assert_non_null(srv);
    char *body;
    assert_int_equal(handle(srv, "GET", "/health", NULL, NULL, NULL, &body), 200);
    free(body);
    char json[512];
    snprintf(json, sizeof json, "[{\"id\":\"f1\",\"text\":\"%s\"},{\"id\":\"m1\",\"text\":\"%s\"}]", ferry, museum);
    assert_int_equal(handle(srv, "POST", "/articles", "application/json", NULL, json, &body), 401);
    free(body);
    assert_int_equal(handle(srv, "POST", "/articles", "application/json", "Bearer s3cret", json, &body), 200);
    assert_non_null(strstr(body, "\"accepted\":2"));
    free(body);
    assert_int_equal(handle(srv, "GET", "/stories?q=marisol", NULL, NULL, NULL, &body), 200);
    assert_non_null(strstr(body, "\"id\":\"f1\""));
    assert_null(strstr(body, "\"id\":\"m1\""));
    free(body);
    assert_int_equal(handle(srv, "GET", "/stories/f1", NULL, NULL, NULL, &body), 200);
    assert_non_null(strstr(body, "lifeboats"));
    free(body);
    assert_int_equal(handle(srv, "GET", "/stories/f1", NULL, NULL, NULL, &body), 200); /* from the cache */
    assert_non_null(strstr(body, "lifeboats"));
    free(body);
    /* a batch that adds to the story replaces what was kept of it */
    snprintf(json, sizeof json, "{\"id\":\"f2\",\"text\":\"%s Divers checked the hull on Monday.\"}", ferry);
    assert_int_equal(handle(srv, "POST", "/articles", "application/json", "Bearer s3cret", json, &body), 200);
    assert_non_null(strstr(body, "\"story\":\"f1\""));
    free(body);
    assert_int_equal(handle(srv, "GET", "/stories/f1", NULL, NULL, NULL, &body), 200);
    assert_non_null(strstr(body, "\"id\":\"f2\""));
    free(body);
    assert_int_equal(handle(srv, "GET", "/articles/m%31", NULL, NULL, NULL, &body), 200);
    assert_non_null(strstr(body, "Kestrel"));
    free(body);
    snprintf(json, sizeof json, "[{\"id\":\"a\",\"text\":\"x\"},{\"id\":\"b\",\"text\":\"y\"},{\"id\":\"c\",\"text\":\"z\"}]");
    assert_int_equal(handle(srv, "POST", "/articles", "application/json", "Bearer s3cret", json, &body), 413);
    free(body);
    assert_int_equal(handle(srv, "POST", "/articles", "text/csv", "Bearer s3cret", "id,text", &body), 415);
    free(body);
    assert_int_equal(handle(srv, "PUT", "/stories", NULL, NULL, NULL, &body), 405);
    free(body);
    assert_int_equal(handle(srv, "GET", "/stories/f1/report/x", NULL, NULL, NULL, &body), 404);
    free(body);
    assert_int_equal(handle(srv, "GET", "/", NULL, NULL, NULL, &body), 200);
    assert_non_null(strstr(body, "<!doctype html>"));
    free(body);
    td_server_free(srv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_search, setup, teardown),
        cmocka_unit_test_setup_teardown(test_search_lead, setup, teardown),
        cmocka_unit_test_setup_teardown(test_handler, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

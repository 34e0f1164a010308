/* test_serve.c — the server's request handler without sockets (td_server_handle), the store's
 * full-text search it answers ?q= with (schema 4 and later: titles and leads; older stores upgraded
 * on open), and the summaries it makes apart from its writer. */
#include <pthread.h>
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
    char sql[4096];
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

/* The store at path is of schema 6, without triggers, and its search index is sound. */
static void assert_schema_6(void)
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
    assert_int_equal(sqlite3_column_int(st, 0), 6); /* no trigger, schema 6 */
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
    assert_schema_6();

    /* stores of schemas 1 (no index) and 3 (whole texts indexed) get the index of schema 4 */
    for (int version = 1; version <= 3; version += 2) {
        make_older(version);
        assert_non_null(s = td_store_open(path, NULL, &err));
        search(s, "Dunmore", found, sizeof found);
        assert_string_equal(found, "ferry-1");
        search(s, "PAINTINGS police", found, sizeof found);
        assert_string_equal(found, "museum-1");
        td_store_close(s);
        assert_schema_6();
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

/* The ids of the stale stories of the store at path, joined by spaces. */
static void stale_stories(char *out, size_t size)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT id FROM stories WHERE stale ORDER BY key", -1, &st, NULL), SQLITE_OK);
    out[0] = '\0';
    while (sqlite3_step(st) == SQLITE_ROW)
        snprintf(out + strlen(out), size - strlen(out), "%s%s", *out ? " " : "", sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
}

/* Whether the summary of the story read has a sentence carried by outlet. */
static bool credits(const td_story *st, const char *outlet)
{
    for (size_t i = 0; i < st->n_summary; i++)
        for (size_t j = 0; j < st->summary[i].n_sources; j++)
            if (!strcmp(st->summary[i].sources[j], outlet)) return true;
    return false;
}

/* Summaries made on a reader while the writer goes on: written only for the stories that did not
 * change meanwhile; a reader gets the summary of a stale story made for it. */
static void test_summaries_apart(void **state)
{
    (void)state;
    td_error err = {0};
    td_store *w = td_store_open(path, NULL, &err);
    assert_non_null(w);
    add(w, "ferry-1", ferry);
    add(w, "museum-1", museum);
    assert_int_equal(td_store_commit(w, &err), TD_OK);
    td_store *r = td_store_open_reader(path, &err);
    assert_non_null(r);
    td_summary_opts o;
    td_summary_opts_defaults(&o);
    td_summarizer *sum = td_summarizer_new(&o, &err);
    assert_non_null(sum);

    /* nothing summarised yet: the stored stories have no summary; fresh ones are made on demand */
    td_story *list;
    size_t n;
    assert_int_equal(td_store_latest(r, NULL, NULL, 10, &list, &n, &err), TD_OK);
    assert_int_equal(n, 2);
    assert_int_equal(list[0].n_summary + list[1].n_summary, 0);
    assert_int_equal(td_store_fresh_summaries(r, sum, list, n, NULL, &err), TD_OK);
    for (size_t i = 0; i < n; i++) {
        assert_true(list[i].n_summary > 0);
        assert_non_null(list[i].headline);
        assert_true(credits(&list[i], list[i].id)); /* no source: the article's id is its outlet */
    }
    td_stories_free(list, n);
    char stale[128];
    stale_stories(stale, sizeof stale);
    assert_string_equal(stale, "ferry-1 museum-1"); /* nothing was written */

    /* made on the reader; then the ferry story gets an article before they are written */
    td_store_summaries *made;
    assert_int_equal(td_store_summaries_make(r, sum, 0, &made, &n, &err), TD_OK);
    assert_int_equal(n, 2);
    td_document d = {.name = "ferry-2", .source = "Harbour Times", .text = "The ferry Marisol caught fire off Dunmore "
                     "Head. All 212 passengers were taken off by lifeboats. Divers checked the hull on Monday."};
    td_placement p;
    td_store_action a;
    assert_int_equal(td_store_add(w, &d, &p, &a, &err), TD_OK);
    assert_string_equal(p.story, "ferry-1");
    assert_int_equal(td_store_commit(w, &err), TD_OK);
    assert_int_equal(td_store_summaries_write(w, made, &err), TD_OK);
    td_store_summaries_free(made);
    stale_stories(stale, sizeof stale);
    assert_string_equal(stale, "ferry-1"); /* its summary predates ferry-2: not written */

    td_story *st;
    assert_int_equal(td_store_story(r, "ferry-1", &st, &err), TD_OK);
    assert_int_equal(st->n_summary, 0);
    assert_int_equal(td_store_fresh_summaries(r, sum, st, 1, &made, &err), TD_OK);
    assert_true(credits(st, "Harbour Times")); /* made now: ferry-2 is in it */
    td_stories_free(st, 1);
    stale_stories(stale, sizeof stale);
    assert_string_equal(stale, "ferry-1"); /* still nothing written */
    assert_int_equal(td_store_story(r, "museum-1", &st, &err), TD_OK);
    assert_true(st->n_summary > 0); /* written */
    assert_non_null(st->headline);
    td_stories_free(st, 1);

    /* the summary made for the read can be written as it is; then nothing is left to make */
    assert_int_equal(td_store_summaries_write(w, made, &err), TD_OK);
    td_store_summaries_free(made);
    stale_stories(stale, sizeof stale);
    assert_string_equal(stale, "");
    assert_int_equal(td_store_summaries_make(r, sum, 0, &made, &n, &err), TD_OK);
    assert_int_equal(n, 0);
    td_store_summaries_free(made);
    assert_int_equal(td_store_story(r, "ferry-1", &st, &err), TD_OK);
    assert_true(credits(st, "Harbour Times"));
    td_stories_free(st, 1);
    td_summarizer_free(sum);
    td_store_close(r);
    td_store_close(w);
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
    /* read right after the POST, the story's summary is of its articles now, whether the background
     * summariser has written it yet or it is made for the read */
    snprintf(json, sizeof json, "{\"id\":\"f3\",\"source\":\"Harbour Times\",\"text\":\"%s Tugs stood by.\"}", ferry);
    assert_int_equal(handle(srv, "POST", "/articles", "application/json", "Bearer s3cret", json, &body), 200);
    assert_non_null(strstr(body, "\"story\":\"f1\""));
    free(body);
    assert_int_equal(handle(srv, "GET", "/stories/f1", NULL, NULL, NULL, &body), 200);
    assert_non_null(strstr(body, "\"sources\":[\"f1\",\"f2\",\"Harbour Times\"]"));
    free(body);
    assert_int_equal(handle(srv, "GET", "/stories?limit=1", NULL, NULL, NULL, &body), 200);
    assert_non_null(strstr(body, "\"sources\":[\"f1\",\"f2\"")); /* stored, or already made again */
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

/* One of the threads of test_concurrent_posts: its POSTs of two articles each, every answer kept. */
typedef struct poster {
    td_server *srv;
    int thread, ok;
} poster;

#define POSTS_A_THREAD 25

static void *post_many(void *arg)
{
    poster *p = arg;
    for (int i = 0; i < POSTS_A_THREAD; i++) {
        char json[512], want[64];
        snprintf(json, sizeof json,
                 "[{\"id\":\"t%d-%d-a\",\"text\":\"Crew %d of the Kestrel yard repaired hull %d on day %d.\"},"
                 "{\"id\":\"t%d-%d-b\",\"text\":\"Inspectors %d and %d signed off berth %d.\"}]",
                 p->thread, i, p->thread, i, i, p->thread, i, p->thread, i, p->thread * 100 + i);
        snprintf(want, sizeof want, "\"id\":\"t%d-%d-b\"", p->thread, i);
        td_http_response r;
        if (td_server_handle(p->srv, "POST", "/articles", "application/json", NULL, json, strlen(json), &r) == TD_OK &&
            r.status == 200 && strstr(r.body, "\"accepted\":2") && strstr(r.body, want))
            p->ok++;
        if (r.body) free(r.body);
    }
    return NULL;
}

/* POSTs from many threads at once share commits: each is answered with its own articles, all stored. */
static void test_concurrent_posts(void **state)
{
    (void)state;
    td_serve_opts opts;
    td_serve_opts_defaults(&opts);
    opts.store = path;
    td_error err = {0};
    td_server *srv = td_server_new(&opts, &err);
    assert_non_null(srv);
    enum { THREADS = 8 };
    pthread_t t[THREADS];
    poster p[THREADS];
    for (int i = 0; i < THREADS; i++) {
        p[i] = (poster){srv, i, 0};
        assert_int_equal(pthread_create(&t[i], NULL, post_many, &p[i]), 0);
    }
    for (int i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(p[i].ok, POSTS_A_THREAD);
    }
    char *body, url[64];
    for (int i = 0; i < THREADS; i++)
        for (int j = 0; j < POSTS_A_THREAD; j++) {
            snprintf(url, sizeof url, "/articles/t%d-%d-a", i, j);
            assert_int_equal(handle(srv, "GET", url, NULL, NULL, NULL, &body), 200);
            free(body);
        }
    td_server_free(srv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_search, setup, teardown),
        cmocka_unit_test_setup_teardown(test_search_lead, setup, teardown),
        cmocka_unit_test_setup_teardown(test_summaries_apart, setup, teardown),
        cmocka_unit_test_setup_teardown(test_handler, setup, teardown),
        cmocka_unit_test_setup_teardown(test_concurrent_posts, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

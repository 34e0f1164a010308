/* test_store.c — the story store: batches, ids seen again, continuing in a later run, rollback of a
 * batch not committed, a saved state behind the last articles caught up on open, stores of older
 * schemas upgraded, two ids of one hash told apart, exact copies' texts stored once, and the files
 * it refuses (damaged state, newer schema, not a store). */
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

static char path[64];

static int setup(void **state)
{
    (void)state;
    temp_store_path(path, sizeof path, "test_store");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    remove_store_files(path);
    return 0;
}

static const td_document ferry1 = {.name = "ferry-1", .source = "Coastal Herald", .date = "2025-03-02",
                                   .text = "A fire broke out in the engine room of the ferry Aldous Grey off Kelmsley "
                                           "harbour, and all 212 passengers were taken off by lifeboats."};
/* ferry-1's text as a later edit has it (the crew added) */
static char ferry1_edited[] = "A fire broke out in the engine room of the ferry Aldous Grey off Kelmsley harbour; "
                              "all 212 passengers and 14 crew were taken off by lifeboats.";
static const td_document ferry2 = {.name = "ferry-2", .source = "North Shore Post", .date = "2025-03-02",
                                   .text = "The ferry Aldous Grey was evacuated after an engine room fire off "
                                           "Kelmsley; lifeboats carried the 212 passengers ashore."};
static const td_document vote1 = {.name = "vote-1", .source = "Fenmoor Gazette", .date = "2025-05-09",
                                  .text = "Councillor Marguerite Dace was elected mayor of Fenmoor, beating the "
                                          "incumbent Oskar Pelling by 612 votes after a recount."};

/* Runs SQL on the store file from outside. */
static void poke(const char *sql)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

/* One integer from a query on the store file from outside. */
static long long peek(const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long long v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

static size_t count_stories(td_store *s)
{
    td_story *list;
    size_t n;
    td_error err;
    assert_int_equal(td_store_stories(s, NULL, 1, &list, &n, &err), TD_OK);
    td_stories_free(list, n);
    return n;
}

static void test_batches_and_runs(void **state)
{
    (void)state;
    td_error err = {0};
    td_store *s = td_store_open(path, NULL, &err);
    assert_non_null(s);
    td_placement p;
    td_store_action act;
    assert_int_equal(td_store_add(s, &ferry1, &p, &act, &err), TD_OK);
    assert_int_equal(act, TD_STORE_ADDED);
    assert_true(p.new_story);
    assert_int_equal(td_store_add(s, &ferry2, &p, &act, &err), TD_OK);
    assert_string_equal(p.story, "ferry-1");
    assert_int_equal(td_store_commit(s, &err), TD_OK);
    /* a batch not committed is rolled back when the store closes */
    assert_int_equal(td_store_add(s, &vote1, &p, &act, &err), TD_OK);
    td_store_close(s);
    assert_int_equal(peek("PRAGMA page_size"), 16384); /* a new store's pages */

    s = td_store_open(path, NULL, &err);
    assert_non_null(s);
    assert_int_equal(count_stories(s), 1);
    /* the same id and text: nothing changes; the story is told */
    assert_int_equal(td_store_add(s, &ferry2, &p, &act, &err), TD_OK);
    assert_int_equal(act, TD_STORE_SAME);
    assert_string_equal(p.story, "ferry-1");
    /* the same id, another text: an update in the same story */
    td_document changed = ferry2;
    changed.text = "The ferry Aldous Grey was evacuated after an engine room fire off Kelmsley; lifeboats and "
                   "fishing boats carried the 212 passengers ashore.";
    assert_int_equal(td_store_add(s, &changed, &p, &act, &err), TD_OK);
    assert_int_equal(act, TD_STORE_UPDATED);
    assert_string_equal(p.story, "ferry-1");
    /* a new article continues from the saved state: a new story, numbered after the first */
    assert_int_equal(td_store_add(s, &vote1, &p, &act, &err), TD_OK);
    assert_int_equal(act, TD_STORE_ADDED);
    assert_true(p.new_story);
    assert_int_equal(p.story_key, 2);
    assert_int_equal(td_store_commit(s, &err), TD_OK);

    td_summary_opts o;
    td_summary_opts_defaults(&o);
    td_summarizer *sum = td_summarizer_new(&o, &err);
    assert_non_null(sum);
    assert_int_equal(td_store_summarize(s, sum, &err), TD_OK);
    td_story *list;
    size_t n;
    assert_int_equal(td_store_stories(s, NULL, 2, &list, &n, &err), TD_OK);
    assert_int_equal(n, 1);
    assert_string_equal(list[0].id, "ferry-1");
    assert_int_equal(list[0].n_articles, 2);
    assert_string_equal(list[0].updated, "2025-03-02");
    assert_true(list[0].n_summary > 0);
    td_stories_free(list, n);
    assert_int_equal(td_store_stories(s, "2025-04-01", 1, &list, &n, &err), TD_OK);
    assert_int_equal(n, 1);
    assert_string_equal(list[0].id, "vote-1");
    td_stories_free(list, n);
    assert_int_equal(td_store_stories(s, "soon", 1, &list, &n, &err), TD_ERR_USAGE);
    td_summarizer_free(sum);

    td_document bad = vote1;
    bad.name = "vote-2";
    bad.date = "2025-02-30";
    assert_int_equal(td_store_add(s, &bad, &p, &act, &err), TD_ERR_INPUT);
    assert_non_null(strstr(err.message, "vote-2"));
    td_store_close(s);
}

/* The state is saved every STORE_STATE_EVERY articles and at the close: a store whose state is
 * older than its last articles (a run killed after a commit) places them again on open, to the
 * same state; an article that lands elsewhere then is a damaged store. */
static void test_state_behind(void **state)
{
    (void)state;
    td_error err = {0};
    td_store *s = td_store_open(path, NULL, &err);
    assert_non_null(s);
    td_store_close(s);
    poke("CREATE TABLE early AS SELECT clusterer FROM state");
    s = td_store_open(path, NULL, &err);
    assert_non_null(s);
    td_placement p;
    td_store_action act;
    assert_int_equal(td_store_add(s, &ferry1, &p, &act, &err), TD_OK);
    assert_int_equal(td_store_add(s, &ferry2, &p, &act, &err), TD_OK);
    assert_int_equal(td_store_add(s, &vote1, &p, &act, &err), TD_OK);
    assert_int_equal(td_store_commit(s, &err), TD_OK);
    assert_int_equal(peek("SELECT (SELECT clusterer FROM state) = (SELECT clusterer FROM early)"), 1);
    td_store_close(s);
    assert_int_equal(peek("SELECT (SELECT clusterer FROM state) = (SELECT clusterer FROM early)"), 0);
    poke("CREATE TABLE late AS SELECT clusterer FROM state");

    poke("UPDATE state SET clusterer = (SELECT clusterer FROM early)");
    s = td_store_open(path, NULL, &err);
    assert_non_null(s);
    assert_int_equal(count_stories(s), 2);
    td_store_close(s);
    assert_int_equal(peek("SELECT (SELECT clusterer FROM state) = (SELECT clusterer FROM late)"), 1);

    poke("UPDATE state SET clusterer = (SELECT clusterer FROM early); UPDATE articles SET story = 1 WHERE id = 'vote-1'");
    assert_null(td_store_open(path, NULL, &err));
    assert_non_null(strstr(err.message, "placed again elsewhere"));
    teardown(NULL);
}

/* Adds doc, an update of a stored article (another text), and commits. */
static void update_and_commit(td_store *s, const td_document *doc)
{
    td_error err = {0};
    td_placement p;
    td_store_action act;
    assert_int_equal(td_store_add(s, doc, &p, &act, &err), TD_OK);
    assert_int_equal(act, TD_STORE_UPDATED);
    assert_int_equal(td_store_commit(s, &err), TD_OK);
}

/* The article id's text as the reader finds it (td_store_article), "" when there is none. */
static void expect_article(const char *id, const char *text)
{
    td_error err = {0};
    td_store *r = td_store_open_reader(path, &err);
    assert_non_null(r);
    td_cluster *c;
    assert_int_equal(td_store_article(r, id, &c, &err), TD_OK);
    if (!*text) assert_null(c);
    else {
        assert_non_null(c);
        assert_int_equal(c->n_docs, 1);
        assert_string_equal(c->docs[0].name, id);
        assert_string_equal(c->docs[0].text, text);
    }
    td_cluster_free(c);
    td_store_close(r);
}

/* A store with ferry-1, ferry-2 (one story) and vote-1, committed and closed. */
static void make_store(void)
{
    td_error err = {0};
    td_store *s = td_store_open(path, NULL, &err);
    assert_non_null(s);
    td_placement p;
    td_store_action act;
    assert_int_equal(td_store_add(s, &ferry1, &p, &act, &err), TD_OK);
    assert_int_equal(td_store_add(s, &ferry2, &p, &act, &err), TD_OK);
    assert_int_equal(td_store_add(s, &vote1, &p, &act, &err), TD_OK);
    assert_int_equal(td_store_commit(s, &err), TD_OK);
    td_store_close(s);
}

/* Adds ferry-1b, an exact copy of ferry-1's text, to the store made by make_store. */
static void add_copy_of_ferry1(void)
{
    td_error err = {0};
    td_store *s = td_store_open(path, NULL, &err);
    assert_non_null(s);
    td_document copy = ferry1;
    copy.name = "ferry-1b";
    td_placement p;
    td_store_action act;
    assert_int_equal(td_store_add(s, &copy, &p, &act, &err), TD_OK);
    assert_int_equal(act, TD_STORE_ADDED);
    assert_string_equal(p.copy_of, "ferry-1");
    assert_int_equal(td_store_commit(s, &err), TD_OK);
    td_store_close(s);
}

/* The articles' ids, texts and stories in one number, to compare a store before and after an upgrade. */
#define ARTICLES_DIGEST                                                                                  \
    "SELECT sum(length(a.id) * a.seq + length(t.text) * unicode(substr(t.text, a.seq)) + a.story)"         \
    " FROM articles a JOIN texts t ON t.key = a.text_key"

/* A store of schema 5 (texts in the articles' rows), of schema 4 (ids under a unique index, no id
 * tables either), or of schema 1 (no search index either) is upgraded when opened: the same
 * articles, ids found by hash, each distinct text once, search working. */
static void test_upgrade(void **state)
{
    (void)state;
    static const int schemas[] = {5, 4, 1};
    for (size_t i = 0; i < sizeof schemas / sizeof *schemas; i++) {
        int schema = schemas[i];
        make_store();
        add_copy_of_ferry1();
        long long digest = peek(ARTICLES_DIGEST);
        poke(schema == 5 ? STORE_BACK_TO_SCHEMA_5 : STORE_BACK_TO_SCHEMA_4);
        if (schema == 1) poke("DROP TABLE articles_fts; PRAGMA user_version = 1;");
        assert_int_equal(peek("SELECT count(*) FROM sqlite_master WHERE name LIKE 'sqlite_autoindex_articles%'"),
                         schema < 5);

        td_error err = {0};
        td_store *s = td_store_open(path, NULL, &err);
        assert_non_null(s);
        assert_int_equal(peek("PRAGMA user_version"), 6);
        assert_int_equal(peek("SELECT count(*) FROM sqlite_master WHERE name LIKE 'sqlite_autoindex_articles%'"), 0);
        assert_int_equal(peek(ARTICLES_DIGEST), digest);
        assert_int_equal(peek("SELECT count(*) FROM article_ids") + peek("SELECT count(*) FROM recent_ids"), 4);
        /* ferry-1 and its exact copy share a text */
        assert_int_equal(peek("SELECT count(*) FROM texts"), 3);
        assert_int_equal(peek("SELECT count(DISTINCT text_key) FROM articles WHERE id IN ('ferry-1', 'ferry-1b')"), 1);
        assert_int_equal(peek("SELECT h.refs FROM text_hashes h JOIN articles a ON a.text_key = h.key"
                              " WHERE a.id = 'ferry-1b'"),
                         2);
        assert_int_equal(peek("SELECT sum(refs) FROM text_hashes"), 4);
        td_placement p;
        td_store_action act;
        assert_int_equal(td_store_add(s, &ferry2, &p, &act, &err), TD_OK);
        assert_int_equal(act, TD_STORE_SAME);
        assert_string_equal(p.story, "ferry-1");
        td_story *found;
        size_t n;
        assert_int_equal(td_store_latest(s, NULL, "Kelmsley", 10, &found, &n, &err), TD_OK);
        assert_int_equal(n, 1);
        assert_string_equal(found[0].id, "ferry-1");
        td_stories_free(found, n);
        td_store_close(s);
        expect_article("vote-1", vote1.text);
        expect_article("ferry-1b", ferry1.text);
        teardown(NULL);
    }
}

/* An exact copy's text is stored once, for all the articles that have it; an update moves an
 * article to the row of its new text (a stored one when the bytes are the same), and a text no
 * article holds any more is deleted, with its hash (merged or recent). */
static void test_shared_texts(void **state)
{
    (void)state;
    make_store();
    add_copy_of_ferry1();
    assert_int_equal(peek("SELECT count(*) FROM texts"), 3);
    assert_int_equal(peek("SELECT count(*) FROM recent_text_hashes"), 3);
    /* the hashes of the first three texts merged, as a commit does every STORE_MERGE_EVERY */
    poke("INSERT INTO text_hashes SELECT * FROM recent_text_hashes; DELETE FROM recent_text_hashes;");
    td_error err = {0};
    td_store *s = td_store_open(path, NULL, &err);
    assert_non_null(s);
    td_document changed = ferry1;
    changed.text = ferry1_edited;
    update_and_commit(s, &changed);
    /* ferry-1b still holds the first text: four texts */
    assert_int_equal(peek("SELECT count(*) FROM texts"), 4);
    expect_article("ferry-1", changed.text);
    expect_article("ferry-1b", ferry1.text);
    /* ferry-1b takes ferry-2's text: the first text is held by no article, and goes */
    td_document copy = ferry2;
    copy.name = "ferry-1b";
    update_and_commit(s, &copy);
    assert_int_equal(peek("SELECT count(*) FROM texts"), 3);
    assert_int_equal(peek("SELECT count(*) FROM text_hashes") + peek("SELECT count(*) FROM recent_text_hashes"), 3);
    assert_int_equal(peek("SELECT count(*) FROM texts WHERE text LIKE '%all 212 passengers were%'"), 0);
    assert_int_equal(peek("SELECT count(DISTINCT text_key) FROM articles WHERE id IN ('ferry-2', 'ferry-1b')"), 1);
    assert_int_equal(peek("SELECT sum(refs) FROM text_hashes") + peek("SELECT sum(refs) FROM recent_text_hashes"), 4);
    expect_article("ferry-1b", ferry2.text);
    expect_article("ferry-2", ferry2.text);
    expect_article("vote-1", vote1.text);
    /* ferry-1 takes vote-1's text: its own, whose hash is still recent, goes */
    assert_int_equal(peek("SELECT count(*) FROM recent_text_hashes"), 1);
    td_document vote_text = vote1;
    vote_text.name = "ferry-1";
    update_and_commit(s, &vote_text);
    td_store_close(s);
    assert_int_equal(peek("SELECT count(*) FROM texts"), 2);
    assert_int_equal(peek("SELECT count(*) FROM recent_text_hashes"), 0);
    assert_int_equal(peek("SELECT sum(refs) FROM text_hashes"), 4);
    expect_article("ferry-1", vote1.text);
    expect_article("vote-1", vote1.text);
    teardown(NULL);
}

/* Two ids of one 64-bit hash cannot be found by search, so the store is made to hold one: an
 * article's id is changed from outside, its hash left as it was. The row under ferry-1's hash is
 * then not ferry-1: ferry-1 is a new article, and the two rows under one hash are told apart by
 * their ids, in article_ids (merged) and recent_ids. */
static void test_id_collision(void **state)
{
    (void)state;
    make_store();
    poke("UPDATE articles SET id = 'ferry-1 (renamed)' WHERE id = 'ferry-1';"
         "INSERT INTO article_ids SELECT hash, seq FROM recent_ids; DELETE FROM recent_ids;");
    td_error err = {0};
    td_store *s = td_store_open(path, NULL, &err);
    assert_non_null(s);
    td_placement p;
    td_store_action act;
    assert_int_equal(td_store_add(s, &ferry1, &p, &act, &err), TD_OK);
    assert_int_equal(act, TD_STORE_ADDED);
    assert_int_equal(td_store_commit(s, &err), TD_OK);
    assert_int_equal(peek("SELECT count(DISTINCT hash) FROM (SELECT hash FROM article_ids UNION ALL"
                          " SELECT hash FROM recent_ids)"),
                     3);
    assert_int_equal(peek("SELECT count(*) FROM articles"), 4);
    assert_int_equal(td_store_add(s, &ferry1, &p, &act, &err), TD_OK);
    assert_int_equal(act, TD_STORE_SAME);
    td_document changed = ferry1;
    changed.text = ferry1_edited;
    update_and_commit(s, &changed);
    td_store_close(s);
    expect_article("ferry-1", changed.text);
    expect_article("ferry-1 (renamed)", "");
    expect_article("ferry-2", ferry2.text);
    assert_int_equal(peek("SELECT count(*) FROM articles a JOIN texts t ON t.key = a.text_key"
                          " WHERE a.id = 'ferry-1 (renamed)' AND t.text LIKE '%all 212 passengers were%'"),
                     1);
    teardown(NULL);
}

static void test_refused(void **state)
{
    (void)state;
    td_error err = {0};
    td_store *s = td_store_open(path, NULL, &err);
    assert_non_null(s);
    td_store_close(s);

    poke("UPDATE state SET clusterer = x'00010203'");
    assert_null(td_store_open(path, NULL, &err));
    assert_non_null(strstr(err.message, path));
    assert_non_null(strstr(err.message, "damaged"));

    poke("PRAGMA user_version = 7");
    assert_null(td_store_open(path, NULL, &err));
    assert_non_null(strstr(err.message, "newer tidings"));

    teardown(NULL);
    poke("CREATE TABLE notes (x)");
    assert_null(td_store_open(path, NULL, &err));
    assert_non_null(strstr(err.message, "not a tidings store"));
    teardown(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_batches_and_runs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_state_behind, setup, teardown),
        cmocka_unit_test_setup_teardown(test_upgrade, setup, teardown),
        cmocka_unit_test_setup_teardown(test_shared_texts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_id_collision, setup, teardown),
        cmocka_unit_test_setup_teardown(test_refused, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

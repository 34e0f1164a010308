/* test_story.c — dates, the article stream and the online story clusterer on invented events
 * (tests/data/stories/events.jsonl) and the bundled harbour-bridge story. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "story/story.h"
#include "testutil.h"

static void test_dates(void **state)
{
    (void)state;
    long long t;
    assert_true(td_date_parse("1970-01-02", &t));
    assert_int_equal(t, 86400);
    assert_true(td_date_parse("2000-03-01", &t));
    assert_int_equal(t, 951868800);
    assert_true(td_date_parse("2025-02-11T04:55:00Z", &t));
    long long z = t;
    assert_true(td_date_parse("2025-02-11T06:55:00+02:00", &t));
    assert_int_equal(t, z);
    assert_true(td_date_parse("2025-02-11T04:55:00.250Z", &t));
    assert_true(td_date_parse("2024-02-29", &t));
    assert_false(td_date_parse("2023-02-29", &t));
    assert_false(td_date_parse("2025-13-01", &t));
    assert_false(td_date_parse("2025-1-01", &t));
    assert_false(td_date_parse("March 3, 2025", &t));
    assert_false(td_date_parse("2025-02-11T25:00", &t));
    assert_false(td_date_parse("2025-02-11 trailing", &t));
    assert_false(td_date_parse("", &t));
}

/* Places every article of the inputs; fills ids[i] / stories[i] (copies). Returns how many. */
static size_t place_all(const char *const *inputs, size_t n_inputs, const td_story_opts *opts, char ids[][64],
                        char stories[][64], size_t max)
{
    td_error err = {0};
    td_clusterer *c = td_clusterer_new(opts, &err);
    assert_non_null(c);
    td_article_stream *s = td_article_stream_open(inputs, n_inputs, TD_FORMAT_AUTO, &err);
    assert_non_null(s);
    td_document doc;
    size_t n = 0;
    int got;
    while ((got = td_article_stream_next(s, &doc, &err)) > 0) {
        assert_true(n < max);
        td_placement p;
        assert_int_equal(td_clusterer_add(c, &doc, &p, &err), TD_OK);
        assert_true(p.confidence >= 0 && p.confidence <= 1);
        assert_true(p.new_story == !strcmp(p.story, doc.name));
        snprintf(ids[n], 64, "%s", doc.name);
        snprintf(stories[n], 64, "%s", p.story);
        n++;
    }
    assert_int_equal(got, 0);
    td_article_stream_close(s);
    td_clusterer_free(c);
    return n;
}

/* The story of the article whose id starts with prefix must be the same for all of them and
 * differ from every other article's. */
static void assert_event(char ids[][64], char stories[][64], size_t n, const char *prefix)
{
    const char *story = NULL;
    for (size_t i = 0; i < n; i++) {
        bool in = !strncmp(ids[i], prefix, strlen(prefix));
        if (in && !story) story = stories[i];
        if (in) assert_string_equal(stories[i], story);
    }
    assert_non_null(story);
    for (size_t i = 0; i < n; i++)
        if (strncmp(ids[i], prefix, strlen(prefix))) assert_string_not_equal(stories[i], story);
}

static void test_events(void **state)
{
    (void)state;
    const char *inputs[] = {"tests/data/stories/events.jsonl", "examples/harbour-bridge"};
    char ids[32][64], stories[32][64];
    size_t n = place_all(inputs, 2, NULL, ids, stories, 32);
    assert_int_equal(n, 14);
    assert_event(ids, stories, n, "ferry-");
    assert_event(ids, stories, n, "museum-");
    assert_event(ids, stories, n, "vote-");
    assert_event(ids, stories, n, "examples/harbour-bridge/");
    /* each kind of feature alone still tells these events apart */
    static const unsigned kinds[] = {TD_FEATURE_TERMS, TD_FEATURE_ENTITIES, TD_FEATURE_TERMS | TD_FEATURE_BIGRAMS};
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        td_story_opts o;
        td_story_opts_defaults(&o);
        o.features = kinds[k];
        n = place_all(inputs, 1, &o, ids, stories, 32);
        assert_event(ids, stories, n, "ferry-");
        assert_event(ids, stories, n, "museum-");
        assert_event(ids, stories, n, "vote-");
    }
}

static void test_decay_and_window(void **state)
{
    (void)state;
    td_error err = {0};
    td_story_opts o;
    td_story_opts_defaults(&o);
    o.decay_days = 1;
    o.idle_days = 30;
    o.copy_window = 0; /* b and far are copies of each other: here only their dates should count */
    td_clusterer *c = td_clusterer_new(&o, &err);
    assert_non_null(c);
    td_document a = {.name = "a", .date = "2025-03-02", .text = "Ferry Aldous Grey fire off Kelmsley, 212 passengers rescued by lifeboats."};
    td_document b = {.name = "b", .date = "2025-03-02", .text = "Ferry Aldous Grey fire off Kelmsley: lifeboats rescued 212 passengers."};
    td_document far = {.name = "far", .date = "2027-03-02", .text = "Ferry Aldous Grey fire off Kelmsley: lifeboats rescued 212 passengers."};
    td_placement p;
    assert_int_equal(td_clusterer_add(c, &a, &p, &err), TD_OK);
    assert_true(p.new_story);
    assert_int_equal(td_clusterer_add(c, &b, &p, &err), TD_OK);
    assert_false(p.new_story);
    assert_string_equal(p.story, "a");
    /* the same words two years later: the decay puts it in a story of its own */
    assert_int_equal(td_clusterer_add(c, &far, &p, &err), TD_OK);
    assert_true(p.new_story);
    assert_int_equal(td_clusterer_live(c), 2);
    td_document bad = {.name = "bad", .date = "yesterday", .text = "Words."};
    assert_int_equal(td_clusterer_add(c, &bad, &p, &err), TD_ERR_INPUT);
    assert_non_null(strstr(err.message, "bad: date"));
    td_clusterer_free(c);

    o.threshold = 1.5;
    assert_null(td_clusterer_new(&o, &err));
    assert_int_equal(err.code, TD_ERR_USAGE);
}

/* A bounded window: with max_live 2, a stream of many distinct events keeps at most a few live. */
static void test_max_live(void **state)
{
    (void)state;
    td_error err = {0};
    td_story_opts o;
    td_story_opts_defaults(&o);
    o.max_live = 2;
    td_clusterer *c = td_clusterer_new(&o, &err);
    assert_non_null(c);
    char id[32], text[128];
    for (int i = 0; i < 3000; i++) {
        snprintf(id, sizeof id, "n%d", i);
        snprintf(text, sizeof text, "Zorblat%d Quexton%d announced Vimbly%d results.", i, i * 7, i * 13);
        td_document d = {.name = id, .text = text};
        td_placement p;
        assert_int_equal(td_clusterer_add(c, &d, &p, &err), TD_OK);
        assert_true(td_clusterer_live(c) <= 2 + 1024);
    }
    assert_true(td_clusterer_live(c) < 3000);
    td_clusterer_free(c);
}

/* A syndicated copy joins its original's story, names it, and does not weigh in the centroid. */
static void test_copies(void **state)
{
    (void)state;
    td_error err = {0};
    td_clusterer *c = td_clusterer_new(NULL, &err);
    assert_non_null(c);
    const char *inputs[] = {"tests/data/stories/events.jsonl", "tests/data/stories/copies.jsonl"};
    td_article_stream *s = td_article_stream_open(inputs, 2, TD_FORMAT_AUTO, &err);
    assert_non_null(s);
    td_document doc;
    size_t copies = 0;
    char ferry_story[64] = "";
    while (td_article_stream_next(s, &doc, &err) > 0) {
        td_placement p;
        assert_int_equal(td_clusterer_add(c, &doc, &p, &err), TD_OK);
        if (!strcmp(doc.name, "ferry-1")) snprintf(ferry_story, sizeof ferry_story, "%s", p.story);
        if (!strcmp(doc.name, "ferry-2-wire")) {
            assert_non_null(p.copy_of);
            assert_string_equal(p.copy_of, "ferry-2");
            assert_string_equal(p.story, ferry_story);
            assert_true(p.confidence > 0.5 && p.confidence <= 1);
            copies++;
        } else if (!strcmp(doc.name, "museum-3-wire")) {
            assert_non_null(p.copy_of);
            assert_string_equal(p.copy_of, "museum-3"); /* a shortened copy: containment */
            copies++;
        } else {
            assert_null(p.copy_of);
        }
    }
    assert_int_equal(copies, 2);
    td_article_stream_close(s);
    td_clusterer_free(c);
}

/* The text of an article of tests/data/stories/events.jsonl (malloc'd). */
static char *event_text(const char *id)
{
    td_error err = {0};
    const char *inputs[] = {"tests/data/stories/events.jsonl"};
    td_article_stream *s = td_article_stream_open(inputs, 1, TD_FORMAT_AUTO, &err);
    assert_non_null(s);
    td_document doc;
    char *text = NULL;
    while (!text && td_article_stream_next(s, &doc, &err) > 0)
        if (!strcmp(doc.name, id)) text = strdup(doc.text);
    td_article_stream_close(s);
    assert_non_null(text);
    return text;
}

/* How an article is scored against a story: a·C / √(|C| n), the geometric mean of the cosine with
 * the centroid and the average link with the n members. A story of two reports of a ferry fire
 * meets the first report again: the score lies between the two (the weights have moved a little
 * with the document frequencies, so the first report is a little less than identical to itself). */
static void test_story_score(void **state)
{
    (void)state;
    td_error err = {0};
    td_story_opts o;
    td_story_opts_defaults(&o);
    o.copy_window = 0; /* the first report comes twice: here not as a copy */
    td_clusterer *c = td_clusterer_new(&o, &err);
    assert_non_null(c);
    char *ferry = event_text("ferry-1"), *other = event_text("ferry-2");
    td_document a = {.name = "ferry", .text = ferry}, b = {.name = "ferry-2", .text = other},
                again = {.name = "ferry-again", .text = ferry};
    td_placement p;
    assert_int_equal(td_clusterer_add(c, &a, &p, &err), TD_OK);
    assert_int_equal(td_clusterer_add(c, &b, &p, &err), TD_OK);
    assert_false(p.new_story);
    double x = p.confidence; /* one member: the score is the cosine */
    assert_true(x > 0.2 && x < 0.6);
    assert_int_equal(td_clusterer_add(c, &again, &p, &err), TD_OK);
    assert_string_equal(p.story, "ferry");
    /* with x the cosine of the two reports, |C| = √(2 + 2x) and n = 2 */
    assert_true(p.confidence > (1 + x) / 2 + 0.01);                /* above the average link */
    assert_true(p.confidence < (1 + x) / sqrt(2 + 2 * x) - 0.05); /* below the cosine */
    assert_true(fabs(p.confidence - (1 + x) / sqrt(2 * sqrt(2 + 2 * x))) < 0.05);
    td_clusterer_free(c);
    free(ferry);
    free(other);
}

/* Copies do not make a story bigger: the next article of the story scores the same after the
 * original's twenty copies as without them. */
static void test_copies_do_not_count(void **state)
{
    (void)state;
    char *ferry1 = event_text("ferry-1"), *ferry3 = event_text("ferry-3");
    double confidence[2];
    for (int with_copies = 0; with_copies < 2; with_copies++) {
        td_error err = {0};
        td_clusterer *c = td_clusterer_new(NULL, &err);
        assert_non_null(c);
        td_document a = {.name = "ferry-1", .text = ferry1}, b = {.name = "ferry-3", .text = ferry3};
        td_placement p;
        assert_int_equal(td_clusterer_add(c, &a, &p, &err), TD_OK);
        for (int k = 0; with_copies && k < 20; k++) {
            char id[32];
            snprintf(id, sizeof id, "ferry-1-outlet-%d", k);
            td_document copy = {.name = id, .text = ferry1};
            assert_int_equal(td_clusterer_add(c, &copy, &p, &err), TD_OK);
            assert_string_equal(p.copy_of, "ferry-1");
        }
        assert_int_equal(td_clusterer_add(c, &b, &p, &err), TD_OK);
        assert_string_equal(p.story, "ferry-1");
        confidence[with_copies] = p.confidence;
        td_clusterer_free(c);
    }
    assert_true(confidence[0] > 0.1);
    assert_true(confidence[1] == confidence[0]);
    free(ferry1);
    free(ferry3);
}

/* A saved state of the first format (tests/data/stories/state/events.bin: the stories of events.jsonl,
 * saved before stories counted their centroid's vectors) loads, places the next article as the
 * stories it holds allow, and is saved back in the current format, which loads again. */
static void test_state_formats(void **state)
{
    (void)state;
    size_t len = 0;
    char *old = read_test_file("tests/data/stories/state/events.bin", &len);
    assert_non_null(old);
    assert_memory_equal(old, "TST1", 4);
    td_error err = {0};
    td_clusterer *c = td_clusterer_new(NULL, &err);
    assert_non_null(c);
    assert_int_equal(story_state_load(c, old, len, &err), TD_OK);
    size_t live = td_clusterer_live(c);
    assert_true(live >= 3);
    char *ferry3 = event_text("ferry-3");
    td_document doc = {.name = "ferry-3-again", .text = ferry3};
    td_placement p;
    assert_int_equal(td_clusterer_add(c, &doc, &p, &err), TD_OK);
    assert_false(p.new_story);
    assert_true(p.confidence > 0.3);
    buf saved = {0};
    assert_true(story_state_save(c, &saved));
    assert_memory_equal(saved.data, "TST2", 4);
    td_clusterer *again = td_clusterer_new(NULL, &err);
    assert_non_null(again);
    assert_int_equal(story_state_load(again, saved.data, saved.len, &err), TD_OK);
    assert_int_equal(td_clusterer_live(again), live);
    saved.len = 3; /* cut short: refused */
    td_clusterer *cut = td_clusterer_new(NULL, &err);
    assert_int_not_equal(story_state_load(cut, saved.data, saved.len, &err), TD_OK);
    td_clusterer_free(cut);
    td_clusterer_free(again);
    td_clusterer_free(c);
    buf_free(&saved);
    free(ferry3);
    free(old);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_events),
        cmocka_unit_test(test_decay_and_window),
        cmocka_unit_test(test_max_live),
        cmocka_unit_test(test_copies),
        cmocka_unit_test(test_story_score),
        cmocka_unit_test(test_copies_do_not_count),
        cmocka_unit_test(test_state_formats),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

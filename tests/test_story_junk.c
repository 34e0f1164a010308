/* test_story_junk.c — articles with no news in them (failed extractions, invented here in the
 * manner of web-archive notices, video pages and share prompts) are not placed: each is a story of
 * its own with confidence 0, never a copy nor copied, and the real stories are placed as without
 * them; short real news is placed (lib/story/content.c). */
#include <string.h>

#include "testutil.h"

static const char *const junk[] = {
    "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive. Flowing in "
    "every day, these data are added to the Wayback Machine after an embargo period.",
    "The interactive transcript could not be loaded. Rating is available when the video has been rented. This "
    "feature is not available right now. Please try again later.",
    "Tweet with a location\n\nYou can add location information to your Tweets, such as your city or precise "
    "location, from the web and via third-party applications. You always have the option to delete your Tweet "
    "location history. Learn more",
    "Share this article\n\nFollow us on Facebook and Twitter. Sign up for our newsletter. Advertisement",
};

static const char *const news[] = {
    /* a three-sentence brief */
    "The Kelmsley council voted 7-2 on Tuesday to close Harbour Street to cars on weekends from June. Shop "
    "owners had asked for the change after a trial last summer. The first closure is on June 7.",
    /* one sentence */
    "A magnitude 6.1 earthquake struck off northern Japan on Friday; no tsunami warning was issued.",
    /* a byline and a share prompt around two sentences */
    "By Ann Merrow, Staff Writer\n\nShare this story\n\nBRANNOCK \u2014 The island's only bakery reopened on "
    "Saturday after a fire in January. Owner Tomas Reyes said the village had raised 40,000 pounds to rebuild it.",
};

static td_document doc_of(const char *id, const char *text)
{
    return (td_document){.name = (char *)id, .text = (char *)text, .text_len = strlen(text)};
}

static void test_junk_alone(void **state)
{
    (void)state;
    td_error err = {0};
    td_clusterer *c = td_clusterer_new(NULL, &err);
    assert_non_null(c);
    td_placement p;
    td_document d = doc_of("news-0", news[0]);
    assert_int_equal(td_clusterer_add(c, &d, &p, &err), TD_OK);
    assert_false(p.unplaced);
    char id[32];
    for (size_t round = 0; round < 2; round++) /* the second round: exact copies of the first */
        for (size_t i = 0; i < sizeof junk / sizeof *junk; i++) {
            snprintf(id, sizeof id, "junk-%zu-%zu", round, i);
            d = doc_of(id, junk[i]);
            assert_int_equal(td_clusterer_add(c, &d, &p, &err), TD_OK);
            assert_true(p.unplaced);
            assert_true(p.new_story);
            assert_string_equal(p.story, id);
            assert_null(p.copy_of);
            assert_true(p.confidence == 0);
        }
    assert_int_equal(td_clusterer_live(c), 1); /* no live story for the junk */
    /* a copy of the real article still finds it */
    d = doc_of("news-0-copy", news[0]);
    assert_int_equal(td_clusterer_add(c, &d, &p, &err), TD_OK);
    assert_string_equal(p.story, "news-0");
    assert_string_equal(p.copy_of, "news-0");
    td_clusterer_free(c);
}

static void test_short_news_placed(void **state)
{
    (void)state;
    td_error err = {0};
    td_clusterer *c = td_clusterer_new(NULL, &err);
    assert_non_null(c);
    for (size_t i = 0; i < sizeof news / sizeof *news; i++) {
        td_placement p;
        td_document d = doc_of("news", news[i]);
        assert_int_equal(td_clusterer_add(c, &d, &p, &err), TD_OK);
        assert_false(p.unplaced);
    }
    td_clusterer_free(c);
}

/* A clusterer with the default options, and the stream of tests/data/stories/events.jsonl into *s. */
static td_clusterer *open_events(td_article_stream **s)
{
    td_error err = {0};
    td_clusterer *c = td_clusterer_new(NULL, &err);
    assert_non_null(c);
    const char *input = "tests/data/stories/events.jsonl";
    *s = td_article_stream_open(&input, 1, TD_FORMAT_JSONL, &err);
    assert_non_null(*s);
    return c;
}

/* Places the events of tests/data/stories/events.jsonl, with a junk article after each when
 * with_junk; the real articles' stories and confidences into stories[] / conf[]. */
static size_t place_events(bool with_junk, char stories[][64], double conf[], size_t max)
{
    td_error err = {0};
    td_article_stream *s;
    td_clusterer *c = open_events(&s);
    td_document doc;
    td_placement p;
    size_t n = 0;
    while (td_article_stream_next(s, &doc, &err) > 0) {
        assert_true(n < max);
        assert_int_equal(td_clusterer_add(c, &doc, &p, &err), TD_OK);
        assert_false(p.unplaced);
        snprintf(stories[n], 64, "%s", p.story);
        conf[n] = p.confidence;
        if (with_junk) {
            td_document d = doc_of("junk", junk[n % (sizeof junk / sizeof *junk)]);
            assert_int_equal(td_clusterer_add(c, &d, &p, &err), TD_OK);
            assert_true(p.unplaced);
        }
        n++;
    }
    td_article_stream_close(s);
    td_clusterer_free(c);
    return n;
}

static void test_junk_changes_no_story(void **state)
{
    (void)state;
    char with[16][64], without[16][64];
    double conf_with[16], conf_without[16];
    size_t n = place_events(true, with, conf_with, 16);
    assert_int_equal(place_events(false, without, conf_without, 16), n);
    assert_true(n >= 9);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(with[i], without[i]);
        assert_true(conf_with[i] == conf_without[i]); /* the same centroids and document frequencies */
    }
}

static void test_min_words_option(void **state)
{
    (void)state;
    td_story_opts o;
    td_story_opts_defaults(&o);
    assert_int_equal(o.min_words, 5);
    td_error err = {0};
    o.min_words = 51;
    assert_null(td_clusterer_new(&o, &err));
    assert_int_equal(err.code, TD_ERR_USAGE);
    o.min_words = 0; /* every article placed: the second notice is a copy of the first */
    td_clusterer *c = td_clusterer_new(&o, &err);
    assert_non_null(c);
    td_placement p;
    td_document a = doc_of("junk-a", junk[0]), b = doc_of("junk-b", junk[0]);
    assert_int_equal(td_clusterer_add(c, &a, &p, &err), TD_OK);
    assert_false(p.unplaced);
    assert_int_equal(td_clusterer_add(c, &b, &p, &err), TD_OK);
    assert_false(p.unplaced);
    assert_string_equal(p.copy_of, "junk-a");
    td_clusterer_free(c);
}

/* An outlet's line under every article is a large part of a short one: copy detection finds the
 * short one contained in any article carrying the line; it is not filed as that article's copy. A
 * real shortened copy (the first paragraph) still is. */
static void test_copy_by_debris_alone(void **state)
{
    (void)state;
    static const char tail[] = "\n\nFollow the Daily Ledger on Twitter and Facebook for the latest local news, sport "
                               "and weather updates from across the county.";
    td_error err = {0};
    td_article_stream *s;
    td_clusterer *c = open_events(&s);
    td_document doc;
    td_placement p;
    char text[4096], ferry[4096] = "";
    while (td_article_stream_next(s, &doc, &err) > 0) {
        snprintf(text, sizeof text, "%s%s", doc.text, tail);
        if (!strcmp(doc.name, "ferry-1")) snprintf(ferry, sizeof ferry, "%s", doc.text);
        doc.text = text;
        doc.text_len = strlen(text);
        assert_int_equal(td_clusterer_add(c, &doc, &p, &err), TD_OK);
    }
    td_article_stream_close(s);
    snprintf(text, sizeof text, "Harbour Street will close to cars on weekends from June, the Ashby council "
                                "decided on Tuesday.%s", tail);
    td_document brief = doc_of("brief", text);
    assert_int_equal(td_clusterer_add(c, &brief, &p, &err), TD_OK);
    assert_null(p.copy_of);
    char *end = strstr(ferry, "\n\n"); /* the ferry fire's first paragraph */
    assert_non_null(end);
    snprintf(text, sizeof text, "%.*s%s", (int)(end - ferry), ferry, tail);
    td_document teaser = doc_of("teaser", text);
    assert_int_equal(td_clusterer_add(c, &teaser, &p, &err), TD_OK);
    assert_non_null(p.copy_of);
    assert_string_equal(p.story, "ferry-1");
    assert_true(p.confidence < 0.5); /* found by containment */
    td_clusterer_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_junk_alone),
        cmocka_unit_test(test_short_news_placed),
        cmocka_unit_test(test_junk_changes_no_story),
        cmocka_unit_test(test_min_words_option),
        cmocka_unit_test(test_copy_by_debris_alone),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

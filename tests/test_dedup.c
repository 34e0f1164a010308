/* test_dedup.c — copy detection (lib/dedup) on an invented flood story in tests/data/dedup/: a
 * syndicated copy (other headline, byline, boilerplate, US spellings and number styles), a trimmed
 * copy, a teaser holding only the first paragraphs, and a rival article about the same flood with
 * the same names and quotes, which must not be taken for a copy. Also the copy-edit normalisation,
 * the window of an endless stream, articles without words and bad options. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "tidings.h"

enum { ORIGINAL, SYNDICATED, TRIMMED, TEASER, RIVAL, N_TEXTS };
static const char *const files[N_TEXTS] = {"original.txt", "syndicated.txt", "trimmed.txt", "teaser.txt", "rival.txt"};

static char *texts[N_TEXTS];
static size_t lens[N_TEXTS];

static int load_texts(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_TEXTS; i++) {
        char path[256];
        snprintf(path, sizeof path, "tests/data/dedup/%s", files[i]);
        texts[i] = read_test_file(path, &lens[i]);
        if (!texts[i]) return -1;
    }
    return 0;
}

static int free_texts(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_TEXTS; i++) free(texts[i]);
    return 0;
}

static td_dedup_match add(td_dedup *d, const char *text, size_t len)
{
    td_dedup_match m;
    td_error err;
    assert_int_equal(td_dedup_add(d, text, len, &m, &err), TD_OK);
    return m;
}

/* The overlap of two texts as the detector measures it, whatever the thresholds. */
static td_dedup_match overlap_of(size_t a, size_t b)
{
    td_dedup_opts o;
    td_dedup_opts_defaults(&o);
    o.threshold = o.containment = 1e-9;
    td_error err;
    td_dedup *d = td_dedup_new(&o, &err);
    assert_non_null(d);
    add(d, texts[a], lens[a]);
    td_dedup_match m = add(d, texts[b], lens[b]);
    td_dedup_free(d);
    return m;
}

static void test_stream_of_copies(void **state)
{
    (void)state;
    td_error err;
    td_dedup *d = td_dedup_new(NULL, &err);
    assert_non_null(d);
    td_dedup_match m[N_TEXTS];
    for (size_t i = 0; i < N_TEXTS; i++) m[i] = add(d, texts[i], lens[i]);
    assert_int_equal(td_dedup_count(d), N_TEXTS);

    assert_int_equal(m[ORIGINAL].copy_of, -1);
    assert_int_equal(m[ORIGINAL].original, ORIGINAL);
    /* Another headline, a byline, boilerplate lines, "says", "meters", 1200, 40%, curly quotes. */
    assert_int_equal(m[SYNDICATED].copy_of, ORIGINAL);
    assert_true(m[SYNDICATED].similarity > 0.7);
    /* Two paragraphs and the last sentences dropped. */
    assert_int_equal(m[TRIMMED].original, ORIGINAL);
    assert_true(m[TRIMMED].containment > 0.9);
    /* The first three paragraphs under another headline: contained, though its Jaccard is low. */
    assert_int_equal(m[TEASER].original, ORIGINAL);
    assert_true(m[TEASER].containment > 0.75); /* its own headline and last line are not shared */
    assert_true(m[TEASER].similarity < 0.5);
    /* The same flood, mayor, engineer, baker and quotes, written by someone else. */
    assert_int_equal(m[RIVAL].copy_of, -1);
    assert_int_equal(m[RIVAL].original, RIVAL);

    td_dedup_member g[N_TEXTS];
    assert_int_equal(td_dedup_groups(d, g, &err), TD_OK);
    /* The fullest version, the syndicated copy with its byline and boilerplate, represents them. */
    for (size_t i = ORIGINAL; i <= TEASER; i++) assert_int_equal(g[i].group, SYNDICATED);
    assert_true(g[SYNDICATED].similarity == 1.0);
    assert_true(g[TEASER].containment > 0.75);
    assert_int_equal(g[RIVAL].group, RIVAL);
    td_dedup_free(d);
}

static void test_rival_shares_little(void **state)
{
    (void)state;
    /* Shared names and quotes give a few shared shingles, far from any copy. */
    for (size_t i = ORIGINAL; i <= TEASER; i++) {
        td_dedup_match m = overlap_of(i, RIVAL);
        assert_true(m.similarity < 0.1);
        assert_true(m.containment < 0.2);
    }
}

static void test_copy_edits(void **state)
{
    (void)state;
    const char *a = "The U.S. Treasury said on January 5 that 1,200 jobs, about 40 per cent of the office, would go "
                    "and that the plan would cost $3 million. \"It's a hard day,\" the minister said - and left.";
    const char *b = "The US treasury says on Jan. 5 that 1200 jobs, about 40% of the office, would go "
                    "and that the plan would cost $3m. “It’s a hard day,” the minister says — and left.";
    td_error err;
    td_dedup *d = td_dedup_new(NULL, &err);
    add(d, a, strlen(a));
    td_dedup_match m = add(d, b, strlen(b));
    assert_int_equal(m.copy_of, 0);
    assert_true(m.similarity == 1.0);
    td_dedup_free(d);

    /* Compared as written, the same edits cost most shingles. */
    td_dedup_opts o;
    td_dedup_opts_defaults(&o);
    o.exact_words = true;
    o.threshold = o.containment = 1e-9;
    d = td_dedup_new(&o, &err);
    add(d, a, strlen(a));
    m = add(d, b, strlen(b));
    assert_true(m.similarity < 0.5);
    td_dedup_free(d);
}

static void test_word_boundaries(void **state)
{
    (void)state;
    /* The same words, short and long, at the end of the text, before spaces, line breaks,
     * punctuation, in capitals: one word each way (the scanner reads words eight bytes at a time
     * and takes a shortcut for short words between plain separators). */
    const char *a = "Harbour pilots boarded the container vessel overnight while administrators "
                    "watched the breakwater and its extraordinarily unusual lighthouse";
    const char *b = "HARBOUR pilots, boarded the\ncontainer (vessel) overnight; while Administrators "
                    "watched \"the breakwater\" and its extraordinarily-unusual lighthouse.";
    td_error err;
    td_dedup *d = td_dedup_new(NULL, &err);
    add(d, a, strlen(a));
    td_dedup_match m = add(d, b, strlen(b));
    assert_int_equal(m.copy_of, 0);
    assert_true(m.similarity == 1.0);
    /* One changed letter in a long word costs shingles. */
    const char *c = "Harbour pilots boarded the container vessel overnight while administrators "
                    "watched the breakwater and its extraordinarily unusual lightHOUSA";
    m = add(d, c, strlen(c));
    assert_true(m.similarity < 1.0);
    td_dedup_free(d);

    /* Words of 8 to 17 bytes ended by a space, a comma, a dot or an apostrophe, read whole in one
     * or two blocks, are the same words as between curly quotes, read byte by byte. */
    const char *plain = "Shipyard engineers, longshoremen. Stevedores' representatives, electromagnetics. "
                        "telecommunication and more shipyard engineers said nothing at all today";
    const char *quoted = "“Shipyard” “engineers” “longshoremen” “Stevedores” “representatives” “electromagnetics” "
                         "“telecommunication” “and” “more” “shipyard” “engineers” “said” “nothing” “at” “all” “today”";
    d = td_dedup_new(NULL, &err);
    add(d, plain, strlen(plain));
    m = add(d, quoted, strlen(quoted));
    assert_int_equal(m.copy_of, 0);
    assert_true(m.similarity == 1.0);
    td_dedup_free(d);
}

static void test_window(void **state)
{
    (void)state;
    td_dedup_opts o;
    td_dedup_opts_defaults(&o);
    o.window = 2;
    td_error err;
    td_dedup *d = td_dedup_new(&o, &err);
    assert_non_null(d);
    add(d, texts[ORIGINAL], lens[ORIGINAL]);
    add(d, texts[RIVAL], lens[RIVAL]);
    const char *other = "A quite different story about a chess tournament in a small mountain village, "
                        "won by a schoolgirl who had learned the game from her grandfather.";
    add(d, other, strlen(other)); /* the original is forgotten now */
    td_dedup_match m = add(d, texts[SYNDICATED], lens[SYNDICATED]);
    assert_int_equal(m.copy_of, -1);
    m = add(d, texts[TRIMMED], lens[TRIMMED]); /* the syndicated copy is still kept */
    assert_int_equal(m.copy_of, 3);
    assert_int_equal(m.original, 3);
    assert_int_equal(td_dedup_count(d), 5);
    td_dedup_member g[5];
    assert_int_equal(td_dedup_groups(d, g, &err), TD_ERR_USAGE);
    assert_non_null(strstr(err.message, "window"));
    td_dedup_free(d);
}

/* Exact copies, again and again, in a window of 3: an exact copy of a kept article takes the
 * candidates that article had (find_candidates), less those forgotten since, and must find what a
 * walk of every band's chain would: the earliest kept article of the most bands first. */
static void test_exact_copies_in_window(void **state)
{
    (void)state;
    td_dedup_opts o;
    td_dedup_opts_defaults(&o);
    o.window = 3;
    td_error err;
    td_dedup *d = td_dedup_new(&o, &err);
    assert_non_null(d);
    const char *other = "A quite different story about a chess tournament in a small mountain village, "
                        "won by a schoolgirl who had learned the game from her grandfather.";
    add(d, texts[ORIGINAL], lens[ORIGINAL]);                       /* 0 */
    td_dedup_match m = add(d, texts[TRIMMED], lens[TRIMMED]);      /* 1 */
    assert_int_equal(m.copy_of, 0);
    add(d, other, strlen(other));                                  /* 2 */
    m = add(d, texts[ORIGINAL], lens[ORIGINAL]);                   /* 3: 0 is still kept */
    assert_int_equal(m.copy_of, 0);
    assert_true(m.similarity == 1.0);
    m = add(d, texts[ORIGINAL], lens[ORIGINAL]);                   /* 4: 0 forgotten; 1 and 3 kept */
    assert_int_equal(m.copy_of, 3);
    assert_int_equal(m.original, 0);
    assert_true(m.similarity == 1.0);
    m = add(d, texts[TRIMMED], lens[TRIMMED]);                     /* 5: 1 forgotten; 3 and 4 kept */
    assert_int_equal(m.copy_of, 3);
    assert_int_equal(m.original, 0);
    m = add(d, texts[ORIGINAL], lens[ORIGINAL]);                   /* 6: 3 and 4 (all bands), 5 */
    assert_int_equal(m.copy_of, 3);
    assert_true(m.similarity == 1.0);
    add(d, other, strlen(other));                                  /* 7 */
    add(d, other, strlen(other));                                  /* 8 */
    add(d, other, strlen(other));                                  /* 9 */
    m = add(d, texts[ORIGINAL], lens[ORIGINAL]);                   /* 10: 6 forgotten: no copy kept */
    assert_int_equal(m.copy_of, -1);
    assert_int_equal(m.original, 10);
    m = add(d, other, strlen(other));                              /* 11: the earliest of 8 and 9 */
    assert_int_equal(m.copy_of, 8);
    assert_int_equal(m.original, 7);                              /* 2 was forgotten when 7 came */
    td_dedup_free(d);
}

static void test_many_articles(void **state)
{
    (void)state;
    /* Enough articles to grow the tables several times; every fifth is a copy of the flood story. */
    td_error err;
    td_dedup *d = td_dedup_new(NULL, &err);
    char text[256];
    size_t n = 3000;
    for (size_t i = 0; i < n; i++) {
        td_dedup_match m;
        if (i % 5 == 4) {
            m = add(d, texts[SYNDICATED], lens[SYNDICATED]);
            assert_int_equal(m.original, 4);
        } else {
            snprintf(text, sizeof text, "Report number %zu from the county: the council met %zu times, spent %zu "
                     "pounds on roads and %zu on schools, and will meet again in week %zu.", i, i * 7, i * 13, i * 17, i % 52);
            m = add(d, text, strlen(text));
            assert_int_equal(m.copy_of, -1);
        }
    }
    td_dedup_member *g = malloc(n * sizeof *g);
    assert_int_equal(td_dedup_groups(d, g, &err), TD_OK);
    for (size_t i = 0; i < n; i++) assert_int_equal(g[i].group, i % 5 == 4 ? 4 : i);
    free(g);
    td_dedup_free(d);
}

static void test_no_words(void **state)
{
    (void)state;
    td_error err;
    td_dedup *d = td_dedup_new(NULL, &err);
    td_dedup_match m = add(d, " ... -- ", 8);
    assert_int_equal(m.copy_of, -1);
    m = add(d, "", 0);
    assert_int_equal(m.copy_of, -1);
    m = add(d, "Short.", 6); /* fewer words than a shingle: one shingle */
    assert_int_equal(m.copy_of, -1);
    m = add(d, "short", 5);
    assert_int_equal(m.copy_of, 2);
    td_dedup_member g[4];
    assert_int_equal(td_dedup_groups(d, g, &err), TD_OK);
    assert_int_equal(g[0].group, 0);
    assert_int_equal(g[1].group, 1);
    assert_int_equal(g[3].group, 2);
    td_dedup_free(d);
}

static void test_bad_options(void **state)
{
    (void)state;
    td_dedup_opts o;
    td_error err;
    td_dedup_opts_defaults(&o);
    o.threshold = 0;
    assert_null(td_dedup_new(&o, &err));
    assert_int_equal(err.code, TD_ERR_USAGE);
    td_dedup_opts_defaults(&o);
    o.containment = 1.5;
    assert_null(td_dedup_new(&o, &err));
    td_dedup_opts_defaults(&o);
    o.shingle_words = 0;
    assert_null(td_dedup_new(&o, &err));
    assert_int_equal(err.code, TD_ERR_USAGE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stream_of_copies), cmocka_unit_test(test_rival_shares_little),
        cmocka_unit_test(test_copy_edits),       cmocka_unit_test(test_word_boundaries),
        cmocka_unit_test(test_window),
        cmocka_unit_test(test_exact_copies_in_window),
        cmocka_unit_test(test_many_articles),    cmocka_unit_test(test_no_words),
        cmocka_unit_test(test_bad_options),
    };
    return cmocka_run_group_tests(tests, load_texts, free_texts);
}

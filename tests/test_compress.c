/* test_compress.c — the shorter forms of sentences (lib/summary/compress.c) on news sentences
 * written for the test and on the bundled example story: what each rule cuts, that quotes are
 * never cut into, and that kept ranges rebuild the printed text. */
#include <stdlib.h>
#include <string.h>

#include "summary/compress.h"
#include "testutil.h"

/* The compressed form of the whole of text under the rules, or NULL when none. */
static char *compressed(const char *text, unsigned rules)
{
    compression c;
    td_span all = {0, strlen(text)};
    if (!compress_sentence(text, all, rules, &c)) return NULL;
    assert_true(c.n_kept >= 1 && c.n_kept <= COMPRESS_MAX_KEPT);
    for (size_t k = 0; k < c.n_kept; k++) {
        assert_true(c.kept[k].start < c.kept[k].end && c.kept[k].end <= all.end);
        if (k) assert_true(c.kept[k].start > c.kept[k - 1].end); /* something is cut between */
    }
    char *out = compress_text(text, &c);
    assert_non_null(out);
    return out;
}

static void expect(const char *text, unsigned rules, const char *want)
{
    char *got = compressed(text, rules);
    if (!want) {
        if (got) fail_msg("'%s' was compressed to '%s'", text, got);
        return;
    }
    if (!got) fail_msg("'%s' was not compressed", text);
    assert_string_equal(got, want);
    free(got);
}

static void test_parentheses_go(void **state)
{
    (void)state;
    expect("The National Transportation Safety Board (NTSB) opened an inquiry into the crash on Monday.",
           COMPRESS_PARENTHESIS, "The National Transportation Safety Board opened an inquiry into the crash on Monday.");
    expect("A charred car lay several meters (yards) away, near the quay (Quay St.).", COMPRESS_PARENTHESIS,
           "A charred car lay several meters away, near the quay.");
    /* long parentheses carry content: they stay */
    expect("The ferry (which the city has leased from a private operator for the next three winters at a cost "
           "nobody will state) runs every 15 minutes.",
           COMPRESS_PARENTHESIS, NULL);
    /* the rule is off: nothing is cut */
    expect("The National Transportation Safety Board (NTSB) opened an inquiry.", COMPRESS_ASIDE, NULL);
}

static void test_asides_between_commas_go(void **state)
{
    (void)state;
    expect("Mayor Helen Strand, who took office in 2019, said the ferry would run every 15 minutes.", COMPRESS_ASIDE,
           "Mayor Helen Strand said the ferry would run every 15 minutes.");
    expect("Crews closed the Tamsin Harbour Bridge, which opened in 1932.", COMPRESS_ASIDE,
           "Crews closed the Tamsin Harbour Bridge.");
    /* an age and a relative clause in a row go together, commas and all */
    expect("Pinochet, 82, who underwent surgery a week ago, was reported to have left the hospital.", COMPRESS_ASIDE,
           "Pinochet was reported to have left the hospital.");
    /* an age before another aside keeps the comma that opens that one */
    expect("Pinochet, 82, in London for surgery, was held on Friday night.", COMPRESS_ASIDE,
           "Pinochet, in London for surgery, was held on Friday night.");
    expect("Pinochet, 82, was held on Friday night in London.", COMPRESS_ASIDE,
           "Pinochet was held on Friday night in London.");
    /* a comma inside a number does not end the aside */
    expect("The repairs, which cost 1,000,000 dollars, will start soon.", COMPRESS_ASIDE, "The repairs will start soon.");
    /* an aside too long to be an aside stays */
    expect("The authority, which has spent the last eleven years arguing with the council about who should pay for "
           "the upkeep of the anchorages, closed the bridge.",
           COMPRESS_ASIDE, NULL);
    /* a number after a comma that follows no name is not an age */
    expect("Traffic fell in 2019, 12, and 2020.", COMPRESS_ASIDE, NULL);
}

static void test_quotes_are_never_cut_into(void **state)
{
    (void)state;
    /* the parenthesis and the relative clause inside the quote stay; the aside outside goes */
    expect("\"The bridge (the old one) is safe, which we know,\" said Ms. Okafor, who leads the inspection team.",
           COMPRESS_ALL, "\"The bridge (the old one) is safe, which we know,\" said Ms. Okafor.");
    expect("\xE2\x80\x9CThe anchorage (No. 4) is cracked, which worries us,\xE2\x80\x9D said Dr. Okafor (the chief "
           "engineer).",
           COMPRESS_ALL,
           "\xE2\x80\x9CThe anchorage (No. 4) is cracked, which worries us,\xE2\x80\x9D said Dr. Okafor.");
    expect("``It will hold (for now), which is enough,'' the inspector said, who asked not to be named.", COMPRESS_ALL,
           "``It will hold (for now), which is enough,'' the inspector said.");
    /* an aside that would reach into a quote stays */
    expect("Strand, who called it \"a disgrace, frankly,\" left.", COMPRESS_ALL, NULL);
    /* marks that do not pair up (a sentence out of a longer quote): nothing is cut at all */
    expect("He said the cracks were deep (about 4 cm) and \"growing.", COMPRESS_ALL, NULL);
    expect("The bridge (the old one) will hold,\xE2\x80\x9D she said.", COMPRESS_ALL, NULL);
    /* apostrophes and letters beyond ASCII before a mark are no marks: the quote is found all the same */
    expect("The caf\xC3\xA9 owner's son, 12, said \"it's a disgrace (frankly), isn't it\" to the council.",
           COMPRESS_ALL, "The caf\xC3\xA9 owner's son said \"it's a disgrace (frankly), isn't it\" to the council.");
    expect("Zo\xC3\xAB\xE2\x80\x99s crew (all six of them) said the town\xE2\x80\x99s \"bridge, which we own,\" is safe.",
           COMPRESS_ALL, "Zo\xC3\xAB\xE2\x80\x99s crew said the town\xE2\x80\x99s \"bridge, which we own,\" is safe.");
}

/* On the bundled story: every sentence's compressed form rebuilds from its kept ranges, inside the
 * sentence, shorter, with every quote of the sentence still in it whole. */
static void test_example_story(void **state)
{
    (void)state;
    td_cluster *c = read_story("examples/harbour-bridge");
    size_t found = 0;
    for (size_t d = 0; d < c->n_docs; d++) {
        td_span *spans;
        size_t n;
        assert_int_equal(td_split_sentences(c->docs[d].text, c->docs[d].text_len, &spans, &n), TD_OK);
        for (size_t i = 0; i < n; i++) {
            compression comp;
            if (!compress_sentence(c->docs[d].text, spans[i], COMPRESS_ALL, &comp)) continue;
            found++;
            char *full = td_sentence_text(c->docs[d].text, spans[i]);
            char *shorter = compress_text(c->docs[d].text, &comp);
            assert_true(strlen(shorter) < strlen(full));
            assert_true(comp.kept[0].start >= spans[i].start && comp.kept[comp.n_kept - 1].end <= spans[i].end);
            /* a quotation in curly marks survives whole */
            const char *open = strstr(full, "\xE2\x80\x9C"), *close = open ? strstr(open, "\xE2\x80\x9D") : NULL;
            if (open && close) {
                size_t len = (size_t)(close - open) + 3;
                char *quote = strndup(open, len);
                assert_non_null(strstr(shorter, quote));
                free(quote);
            }
            free(full);
            free(shorter);
        }
        free(spans);
    }
    assert_true(found > 0); /* the story has parentheses and asides to cut */
    td_cluster_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parentheses_go),
        cmocka_unit_test(test_asides_between_commas_go),
        cmocka_unit_test(test_quotes_are_never_cut_into),
        cmocka_unit_test(test_example_story),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

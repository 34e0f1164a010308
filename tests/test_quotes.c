/* test_quotes.c — quotes and speakers (lib/compare): marks, split and multi-paragraph quotes, partial and
 * nested quotes, what is not speech (titles, nicknames, scare quotes), speakers named before or after,
 * roles, pronouns and "the spokesman", organisations, unknown speakers; offsets; the same quote across
 * articles; the bundled example story and, when ../shared is present, the Sony articles. */
#include <string.h>

#include "testutil.h"

/* The quotes of a text (asserting success). */
static td_quotes *find(const char *text)
{
    td_error err = {0};
    td_quotes *q = td_find_quotes(text, strlen(text), &err);
    assert_non_null(q);
    return q;
}

/* Asserts that quote i of q has this text, speaker and role (NULL: none). */
static void expect(const td_quotes *q, size_t i, const char *text, const char *speaker, const char *role)
{
    assert_true(i < q->n);
    const td_quote *x = &q->items[i];
    assert_string_equal(x->text, text);
    if (speaker) assert_string_equal(x->speaker ? x->speaker : "(null)", speaker);
    else assert_null(x->speaker);
    if (role) assert_string_equal(x->role ? x->role : "(null)", role);
    else assert_null(x->role);
}

static void test_split_quote_is_one(void **state)
{
    (void)state;
    const char *text = "\"We will rebuild,\" the mayor, Jane Doe, said. \"Every bridge will open again.\"";
    td_quotes *q = find(text);
    assert_int_equal(q->n, 1);
    expect(q, 0, "We will rebuild Every bridge will open again.", "Jane Doe", "mayor");
    assert_int_equal(q->items[0].n_pieces, 2);
    assert_int_equal(q->items[0].start, 1);
    assert_int_equal(q->items[0].end, strlen(text) - 1);
    assert_memory_equal(text + q->items[0].speaker_at.start, "Jane Doe", 8);
    td_quotes_free(q);
}

static void test_said_after_name_with_role(void **state)
{
    (void)state;
    td_quotes *q = find("\xe2\x80\x9cPrices will rise before they fall,\xe2\x80\x9d said Tom Baker, an economist at the "
                        "central bank.");
    assert_int_equal(q->n, 1);
    expect(q, 0, "Prices will rise before they fall", "Tom Baker", "economist at the central bank");
    td_quotes_free(q);
}

static void test_pronoun_takes_named_speaker(void **state)
{
    (void)state;
    td_quotes *q = find("Senator Ana Ruiz spoke to farmers in Lisle on Monday.\n\n"
                        "\"We have the votes to pass it,\" she said.");
    assert_int_equal(q->n, 1);
    expect(q, 0, "We have the votes to pass it", "Ana Ruiz", "Senator");
    td_quotes_free(q);
}

static void test_according_to_and_told_reporters(void **state)
{
    (void)state;
    td_quotes *q = find("According to Port Authority spokesman Ian Cole, \"the bridge is safe for trucks.\"\n\n"
                        "Mr. Cole told reporters on Friday: \"We will check it again next month.\"");
    assert_int_equal(q->n, 2);
    expect(q, 0, "the bridge is safe for trucks.", "Ian Cole", "Port Authority spokesman");
    expect(q, 1, "We will check it again next month.", "Cole", NULL);
    td_quotes_free(q);
}

static void test_organisation_speaks(void **state)
{
    (void)state;
    td_quotes *q = find("The White House said in a statement: \"We condemn the test in the strongest terms.\"");
    assert_int_equal(q->n, 1);
    expect(q, 0, "We condemn the test in the strongest terms.", "White House", NULL);
    assert_false(q->items[0].described);
    td_quotes_free(q);
}

static void test_the_spokesman_refers_back(void **state)
{
    (void)state;
    td_quotes *q = find("\"We are looking into the claims,\" said a North Korean spokesman, speaking in Pyongyang.\n\n"
                        "Officials in Seoul were not available.\n\n"
                        "\"The claims are false and we will prove it,\" the spokesman added.");
    assert_int_equal(q->n, 2);
    expect(q, 0, "We are looking into the claims", "North Korean spokesman", NULL);
    expect(q, 1, "The claims are false and we will prove it", "North Korean spokesman", NULL);
    assert_true(q->items[0].described && q->items[1].described);
    td_quotes_free(q);
}

static void test_wire_style(void **state)
{
    (void)state;
    td_quotes *q = find("\"We are not going anywhere,\" Smith, 45, said on Tuesday.\n\n"
                        "Finance Minister Olaf Brandt met lawmakers on Monday. The minister told them: \"We will act "
                        "within days.\"\n\n"
                        "\"The situation is dire,\" according to a statement from the ministry.\n\n"
                        "\"The president's rationales do not hold,\" said 9/11 widow Terry Strada.\n\n"
                        "WASHINGTON -- According to Mark Stroh, spokesman for the National Security Council, \"the "
                        "claims are false.\"");
    assert_int_equal(q->n, 5);
    expect(q, 0, "We are not going anywhere", "Smith", NULL); /* an age is no role */
    expect(q, 1, "We will act within days.", "Olaf Brandt", "Finance Minister");
    expect(q, 2, "The situation is dire", "statement from the ministry", NULL);
    assert_true(q->items[2].described);
    expect(q, 3, "The president's rationales do not hold", "Terry Strada", "9/11 widow");
    expect(q, 4, "the claims are false.", "Mark Stroh", "spokesman for the National Security Council");
    td_quotes_free(q);
}

static void test_not_speech(void **state)
{
    (void)state;
    td_quotes *q = find("The film \"The Last Ferry Home\" opened on Friday. Dwayne \"The Rock\" Johnson was there.\n\n"
                        "The so-called \"experts\" had predicted a flop.");
    assert_int_equal(q->n, 0);
    td_quotes_free(q);
}

static void test_partial_and_nested(void **state)
{
    (void)state;
    td_quotes *q = find("Okafor said the cracks were \"hairline, but deep enough to matter.\"\n\n"
                        "\"He told me 'do not worry about it,' and I believed him,\" Ms. Lee said.");
    assert_int_equal(q->n, 2);
    expect(q, 0, "hairline, but deep enough to matter.", "Okafor", NULL);
    assert_true(q->items[0].partial);
    expect(q, 1, "He told me 'do not worry about it,' and I believed him", "Lee", NULL);
    assert_false(q->items[1].partial);
    td_quotes_free(q);
}

static void test_paragraphs_and_standing_alone(void **state)
{
    (void)state;
    td_quotes *q = find("Mayor Helen Strand said the city would pay for the repairs.\n\n"
                        "\"We will not wait for the insurers. The work starts now.\n\n"
                        "\"Nobody will cross that bridge until it is safe.\"\n\n"
                        "The council meets on Monday.\n\n"
                        "\"It is a disgrace.\"");
    assert_int_equal(q->n, 2);
    expect(q, 0, "We will not wait for the insurers. The work starts now. Nobody will cross that bridge until it is safe.",
           "Helen Strand", "Mayor");
    assert_int_equal(q->items[0].n_pieces, 2);
    expect(q, 1, "It is a disgrace.", NULL, NULL); /* two paragraphs from any speaker: unknown */
    td_quotes_free(q);
}

static void test_marks_and_offsets(void **state)
{
    (void)state;
    const char *text = "''We will see what the engineers find,'' Mr. Cole said. "
                       "\xc2\xab Nous verrons bien ce qui arrive \xc2\xbb, a-t-il dit.";
    td_quotes *q = find(text);
    assert_int_equal(q->n, 2);
    expect(q, 0, "We will see what the engineers find", "Cole", NULL);
    for (size_t i = 0; i < q->n; i++) {
        const td_quote *x = &q->items[i];
        assert_int_equal(x->end - x->start, strlen(x->text));
        assert_memory_equal(text + x->start, x->text, x->end - x->start);
    }
    td_quotes_free(q);
}

static void test_empty_and_unbalanced(void **state)
{
    (void)state;
    td_quotes *q = find("");
    assert_int_equal(q->n, 0);
    td_quotes_free(q);
    q = find("\"\" \" \xe2\x80\x9d \xe2\x80\x9c");
    assert_int_equal(q->n, 0);
    td_quotes_free(q);
}

static void test_same_quote_across_articles(void **state)
{
    (void)state;
    td_quotes *docs[3] = {
        find("\"My country has nothing to do with the hacking. We want evidence,\" An Myong Hun said."),
        find("North Korea's deputy U.N. ambassador, An Myong Hun, said: \"My country has nothing to do with hacking.\""),
        find("\"The talks will go on next week,\" a diplomat said."),
    };
    td_error err = {0};
    td_quote_groups *g = td_group_quotes((const td_quotes *const *)docs, 3, &err);
    assert_non_null(g);
    assert_int_equal(g->n, 2);
    assert_int_equal(g->items[0].n_refs, 2);
    assert_int_equal(g->items[0].n_docs, 2);
    assert_int_equal(g->items[0].longest.doc, 0);
    assert_string_equal(g->items[0].speaker, "An Myong Hun");
    assert_string_equal(g->items[0].role, "North Korea's deputy U.N. ambassador");
    assert_int_equal(g->items[1].n_refs, 1);
    assert_int_equal(g->items[1].refs[0].doc, 2);
    td_quote_groups_free(g);
    for (size_t i = 0; i < 3; i++) td_quotes_free(docs[i]);
}

/* The quotes of every article of a story, grouped. */
static td_quote_groups *story_groups(const td_cluster *c, td_quotes **docs)
{
    for (size_t d = 0; d < c->n_docs; d++) docs[d] = find(c->docs[d].text);
    td_quote_groups *g = td_group_quotes((const td_quotes *const *)docs, c->n_docs, NULL);
    assert_non_null(g);
    return g;
}

/* The group whose longest member contains `words`, or NULL. */
static const td_quote_group *group_with(const td_quote_groups *g, td_quotes *const *docs, const char *words)
{
    for (size_t i = 0; i < g->n; i++) {
        const td_quote_ref r = g->items[i].longest;
        if (strstr(docs[r.doc]->items[r.quote].text, words)) return &g->items[i];
    }
    return NULL;
}

static void test_example_story(void **state)
{
    (void)state;
    td_cluster *c = read_story("examples/harbour-bridge");
    td_quotes *docs[16];
    assert_true(c->n_docs <= 16);
    td_quote_groups *g = story_groups(c, docs);
    const td_quote_group *okafor = group_with(g, docs, "not going to fall down");
    assert_non_null(okafor);
    assert_int_equal(okafor->n_docs, 2); /* "those cracks" and "these cracks": one quote */
    assert_string_equal(okafor->speaker, "Maria T. Okafor");
    assert_non_null(okafor->role);
    assert_non_null(strstr(okafor->role, "engineer"));
    const td_quote_group *mayor = group_with(g, docs, "gamble with anybody");
    assert_non_null(mayor);
    assert_string_equal(mayor->speaker, "Helen Strand");
    td_quote_groups_free(g);
    for (size_t d = 0; d < c->n_docs; d++) td_quotes_free(docs[d]);
    td_cluster_free(c);
}

static void test_sony_articles(void **state)
{
    (void)state;
    td_cluster *c = read_shared_story("examples/sony-hack");
    if (!c) return;
    td_quotes *docs[16];
    assert_true(c->n_docs <= 16);
    td_quote_groups *g = story_groups(c, docs);
    const td_quote_group *an = group_with(g, docs, "nothing to do with");
    assert_non_null(an);
    assert_true(an->n_docs >= 2);
    assert_string_equal(an->speaker, "An Myong Hun");
    const td_quote_group *grave = group_with(g, docs, "grave consequences");
    assert_non_null(grave);
    assert_true(grave->n_docs >= 2);
    assert_non_null(grave->speaker);
    assert_true(strstr(grave->speaker, "spokes") || strstr(grave->speaker, "ministry"));
    /* the film's title is no quote */
    for (size_t d = 0; d < c->n_docs; d++)
        for (size_t i = 0; i < docs[d]->n; i++) assert_string_not_equal(docs[d]->items[i].text, "The Interview");
    td_quote_groups_free(g);
    for (size_t d = 0; d < c->n_docs; d++) td_quotes_free(docs[d]);
    td_cluster_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_split_quote_is_one),
        cmocka_unit_test(test_said_after_name_with_role),
        cmocka_unit_test(test_pronoun_takes_named_speaker),
        cmocka_unit_test(test_according_to_and_told_reporters),
        cmocka_unit_test(test_organisation_speaks),
        cmocka_unit_test(test_the_spokesman_refers_back),
        cmocka_unit_test(test_wire_style),
        cmocka_unit_test(test_not_speech),
        cmocka_unit_test(test_partial_and_nested),
        cmocka_unit_test(test_paragraphs_and_standing_alone),
        cmocka_unit_test(test_marks_and_offsets),
        cmocka_unit_test(test_empty_and_unbalanced),
        cmocka_unit_test(test_same_quote_across_articles),
        cmocka_unit_test(test_example_story),
        cmocka_unit_test(test_sony_articles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

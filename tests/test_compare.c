/* test_compare.c — comparing the articles of a story: content units with their sources, the
 * repair-cost disagreement of the bundled example, opposite statements (denied / admitted, rejected /
 * has yet to respond) and their hedged look-alikes, counts that differ, who said a quote; the Sony
 * articles of ../shared when present. */
#include <string.h>

#include "testutil.h"

static td_cluster *story_of(const char *const *texts, size_t n)
{
    td_cluster *c = td_cluster_new("t");
    assert_non_null(c);
    for (size_t i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, "%zu.txt", i + 1);
        td_document d = {.name = name, .text = (char *)texts[i]};
        assert_int_equal(td_cluster_add(c, &d), TD_OK);
    }
    return c;
}

static td_comparison *compare(const td_cluster *c)
{
    td_error err = {0};
    td_comparison *cmp = td_compare(c, &err);
    assert_non_null(cmp);
    return cmp;
}

/* The first disagreement of a kind with a claim whose value contains v1 and one with v2, or NULL. */
static const td_disagreement *find(const td_comparison *cmp, td_disagreement_kind kind, const char *v1, const char *v2)
{
    for (size_t i = 0; i < cmp->n_disagreements; i++) {
        const td_disagreement *d = &cmp->disagreements[i];
        bool a = false, b = false;
        for (size_t k = 0; k < d->n_claims; k++) {
            a |= strstr(d->claims[k].value, v1) != NULL;
            b |= strstr(d->claims[k].value, v2) != NULL;
        }
        if (d->kind == kind && a && b) return d;
    }
    return NULL;
}

/* Every claim points at its sentence: the value is inside the span of the article's text. */
static void claims_point_at_sentences(const td_cluster *c, const td_disagreement *d)
{
    for (size_t k = 0; k < d->n_claims; k++) {
        const td_claim *cl = &d->claims[k];
        assert_true(cl->doc < c->n_docs);
        assert_true(cl->span.start < cl->span.end && cl->span.end <= c->docs[cl->doc].text_len);
        if (d->kind != TD_DISAGREE_SPEAKER) {
            char *sentence = td_sentence_text(c->docs[cl->doc].text, cl->span);
            assert_non_null(strstr(sentence, cl->value));
            free(sentence);
        }
    }
}

static void test_harbour_bridge_cost(void **state)
{
    (void)state;
    td_cluster *c = read_story("examples/harbour-bridge");
    td_comparison *cmp = compare(c);
    const td_disagreement *d = find(cmp, TD_DISAGREE_AMOUNT, "$48 million", "$52 million");
    assert_non_null(d);
    assert_non_null(strstr(d->about, "money"));
    claims_point_at_sentences(c, d);
    /* one claim per article, and no article on both sides */
    for (size_t k = 1; k < d->n_claims; k++) assert_true(d->claims[k].doc > d->claims[k - 1].doc);
    /* the reopening: March 3 in one article, mid-March in others */
    const td_disagreement *when = find(cmp, TD_DISAGREE_AMOUNT, "March 3", "mid-March");
    assert_non_null(when);
    assert_non_null(strstr(when->about, "reopen"));
    /* the units told with those figures are marked disputed */
    bool disputed = false;
    for (size_t i = 0; i < cmp->n_units; i++) disputed |= cmp->units[i].disputed && strstr(cmp->units[i].first.text, "million");
    assert_true(disputed);
    /* the $4.5 million grant that every article giving it agrees on is no disagreement */
    assert_null(find(cmp, TD_DISAGREE_AMOUNT, "$4.5 million", "million"));
    /* consensus: most articles, before the unique details */
    assert_true(cmp->n_consensus >= 3);
    for (size_t i = 0; i < cmp->n_consensus; i++) assert_true(2 * cmp->units[i].n_sources > c->n_docs);
    assert_true(cmp->n_unique >= 5);
    for (size_t i = cmp->n_units - cmp->n_unique; i < cmp->n_units; i++) assert_int_equal(cmp->units[i].n_sources, 1);
    /* the detour sentence is told by every article */
    bool detour = false;
    for (size_t i = 0; i < cmp->n_consensus; i++) detour |= strstr(cmp->units[i].first.text, "Coldwater Road") != NULL;
    assert_true(detour);
    /* kept sentences and the timeline */
    assert_true(cmp->n_sentences[0] > 5);
    assert_true(cmp->n_timeline >= 1);
    td_comparison_free(cmp);
    td_cluster_free(c);
}

static void test_denied_and_admitted(void **state)
{
    (void)state;
    const char *texts[] = {
        "Carver Foods denied a data breach at its Ohio plant on Monday, after customers reported stolen card numbers.\n\n"
        "The company said its systems were secure and that it would cooperate with the police.\n",
        "Carver Foods admitted a data breach at its Ohio plant on Monday and offered customers free credit monitoring.\n\n"
        "The company said it had hired an outside firm to find out how the attackers got in.\n",
        "If Carver Foods admitted a data breach at its Ohio plant, it would owe customers compensation, lawyers said.\n",
    };
    td_cluster *c = story_of(texts, 3);
    td_comparison *cmp = compare(c);
    const td_disagreement *d = find(cmp, TD_DISAGREE_STANCE, "denied", "admitted");
    assert_non_null(d);
    assert_int_equal(d->n_claims, 2);
    assert_int_equal(d->claims[0].doc, 0);
    assert_int_equal(d->claims[1].doc, 1); /* the hedged "If … admitted" of article 3 is no statement */
    claims_point_at_sentences(c, d);
    td_comparison_free(cmp);
    td_cluster_free(c);
}

static void test_counts_differ(void **state)
{
    (void)state;
    const char *texts[] = {
        "The warehouse fire in Dunmore killed 12 workers and injured dozens more, the county fire chief said on Friday.\n",
        "The warehouse fire in Dunmore killed 15 workers and injured dozens more, according to the county fire chief.\n",
        "The warehouse fire in Dunmore killed 12 workers, the county fire chief said, and more than 40 were hurt.\n",
    };
    td_cluster *c = story_of(texts, 3);
    td_comparison *cmp = compare(c);
    const td_disagreement *d = find(cmp, TD_DISAGREE_AMOUNT, "12 workers", "15 workers");
    assert_non_null(d);
    assert_int_equal(d->n_claims, 3);
    claims_point_at_sentences(c, d);
    /* the same event told three times is one unit reported by all */
    assert_true(cmp->n_units >= 1);
    assert_int_equal(cmp->units[0].n_sources, 3);
    td_comparison_free(cmp);
    td_cluster_free(c);
}

static void test_rounding_and_clock(void **state)
{
    (void)state;
    const char *texts[] = {
        "A vigil for the boy will be held at 6 p.m. Thursday at the Bernie Ward Community Center, with about $973,000 raised.\n",
        "The family will hold a vigil for the boy Thursday at 6:00 at the Bernie Ward Community Center, with $972,814 raised.\n",
    };
    td_cluster *c = story_of(texts, 2);
    td_comparison *cmp = compare(c);
    assert_int_equal(cmp->n_disagreements, 0); /* 6:00 may be 6 p.m.; a rounded sum is the same sum */
    td_comparison_free(cmp);
    td_cluster_free(c);
}

static void test_phrase_in_circulation(void **state)
{
    (void)state;
    /* the same catchphrase in three articles, each from someone else: no dispute about who said it */
    const char *texts[] = {
        "Senator Jane Holt said the reports were \"a witch hunt against the mayor\" at a rally in Dover on Monday.\n",
        "Governor Tom Reyes called the inquiry \"a witch hunt against the mayor\" during a radio interview on Tuesday.\n",
        "Councilman Ed Park told reporters that the audit was \"a witch hunt against the mayor\" and should end.\n",
    };
    td_cluster *c = story_of(texts, 3);
    td_comparison *cmp = compare(c);
    for (size_t i = 0; i < cmp->n_disagreements; i++) assert_int_not_equal(cmp->disagreements[i].kind, TD_DISAGREE_SPEAKER);
    td_comparison_free(cmp);
    td_cluster_free(c);
}

static void test_agreeing_articles(void **state)
{
    (void)state;
    const char *texts[] = {
        "The city council approved a budget of $3.2 billion for next year after a long debate on Tuesday night.\n",
        "After a long debate on Tuesday night, the city council approved a $3.2 billion budget for next year.\n",
    };
    td_cluster *c = story_of(texts, 2);
    td_comparison *cmp = compare(c);
    assert_int_equal(cmp->n_disagreements, 0);
    assert_int_equal(cmp->n_consensus, 1);
    assert_int_equal(cmp->n_unique, 0);
    td_comparison_free(cmp);
    td_cluster_free(c);
}

static void test_sony(void **state)
{
    (void)state;
    td_cluster *c = read_shared_story("examples/sony-hack");
    if (!c) return;
    td_comparison *cmp = compare(c);
    const td_disagreement *stance = find(cmp, TD_DISAGREE_STANCE, "rejected", "yet to respond");
    assert_non_null(stance);
    claims_point_at_sentences(c, stance);
    const td_disagreement *who = NULL;
    for (size_t i = 0; i < cmp->n_disagreements && !who; i++)
        if (cmp->disagreements[i].kind == TD_DISAGREE_SPEAKER) who = &cmp->disagreements[i];
    assert_non_null(who);
    bool spokes = false, ministry = false;
    for (size_t k = 0; k < who->n_claims; k++) {
        spokes |= strstr(who->claims[k].value, "spokes") != NULL;
        ministry |= strstr(who->claims[k].value, "ministry") != NULL;
        assert_non_null(strstr(who->claims[k].text, "grave consequences"));
    }
    assert_true(spokes && ministry);
    bool torrent = false;
    for (size_t i = cmp->n_units - cmp->n_unique; i < cmp->n_units; i++)
        torrent |= strstr(cmp->units[i].first.text, "BitTorrent") != NULL;
    assert_true(torrent);
    td_comparison_free(cmp);
    td_cluster_free(c);
}

static void test_render(void **state)
{
    (void)state;
    const char *texts[] = {
        "Mayor <script>alert(1)</script> said the bridge repairs will cost $10 million after the storm last week.\n",
        "Mayor <img src=x onerror=alert(2)> said the bridge repairs will cost $12 million after the storm last week.\n",
    };
    td_cluster *c = story_of(texts, 2);
    td_comparison *cmp = compare(c);
    td_error err = {0};
    td_summary_opts opts;
    td_summary_opts_defaults(&opts);
    td_summarizer *sz = td_summarizer_new(&opts, &err);
    td_summary *sum = td_summarize(sz, c, &err);
    assert_non_null(sum);
    char *html = td_render_report(cmp, sum, c, TD_REPORT_HTML);
    assert_non_null(html);
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "<img"));
    assert_non_null(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_non_null(strstr(html, "Content-Security-Policy"));
    assert_non_null(strstr(html, "$12 million"));
    char *md = td_render_report(cmp, sum, c, TD_REPORT_MARKDOWN);
    assert_non_null(md);
    assert_null(strstr(md, "<script"));
    char *json = td_render_comparison(cmp, c, TD_OUTPUT_JSON);
    assert_non_null(strstr(json, "\"disagreements\":[{\"about\":"));
    free(html);
    free(md);
    free(json);
    td_summary_free(sum);
    td_summarizer_free(sz);
    td_comparison_free(cmp);
    td_cluster_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_harbour_bridge_cost), cmocka_unit_test(test_denied_and_admitted),
        cmocka_unit_test(test_counts_differ),       cmocka_unit_test(test_agreeing_articles),
        cmocka_unit_test(test_sony),                cmocka_unit_test(test_render),
        cmocka_unit_test(test_rounding_and_clock),  cmocka_unit_test(test_phrase_in_circulation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

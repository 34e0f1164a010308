/* test_debris.c — the cleaner's paragraph rules (lib/clean/rules.c, successor of the first debris
 * filter) on lines seen on real news pages, each judged on its own. */
#include <string.h>

#include "clean/phrases.h"
#include "clean/rules.h"
#include "testutil.h"

/* What the rules make of one paragraph in the first half of an article with no known title. */
static td_clean_reason judge(const char *s)
{
    view v;
    view_make(&v, s, strlen(s));
    rules_place at = {NULL, false};
    return rules_paragraph(s, strlen(s), &v, &at);
}

static td_clean_reason judge_late(const char *s)
{
    view v;
    view_make(&v, s, strlen(s));
    rules_place at = {NULL, true};
    return rules_paragraph(s, strlen(s), &v, &at);
}

static void test_prompts_and_furniture(void **state)
{
    (void)state;
    assert_int_equal(judge("Share this article: Bridge closed after cracks found"), TD_CLEAN_SHARE);
    assert_int_equal(judge("Listen Live"), TD_CLEAN_NAVIGATION);
    assert_int_equal(judge("Get short URL"), TD_CLEAN_NAVIGATION);
    assert_int_equal(judge("Your email address will not be published."), TD_CLEAN_COMMENT);
    assert_int_equal(judge("Copyright 2016 The Associated Press. All rights reserved."), TD_CLEAN_COPYRIGHT);
    assert_int_equal(judge("Like and Follow our Facebook page for more stories."), TD_CLEAN_SHARE);
    assert_int_equal(judge("Community standardsDiscussion"), TD_CLEAN_COMMENT);
}

static void test_questions_bios_credits_and_headlines(void **state)
{
    (void)state;
    assert_int_equal(judge("Do you think the city should have closed the bridge sooner?"), TD_CLEAN_READER_QUESTION);
    assert_int_equal(judge("Joel is an experienced blogger who covers all kinds of news relating to tech."),
                     TD_CLEAN_BIO);
    assert_int_equal(judge("[Image via the Port Varrow Ledger]"), TD_CLEAN_CREDIT);
    assert_int_equal(judge("Cracks in anchorage close Tamsin Harbour Bridge"), TD_CLEAN_HEADLINE);
    assert_int_equal(judge("Feb. 11, 2025 at 4:55 p.m."), TD_CLEAN_TIMESTAMP);
    assert_int_equal(judge("Updated 02:33 GMT, 02 March 2021."), TD_CLEAN_TIMESTAMP);
    assert_int_equal(judge("The bridge reopened on March 3."), TD_CLEAN_CONTENT);
    assert_int_equal(judge("The cost of the repairs was put at $48 million."), TD_CLEAN_CONTENT);
    assert_int_equal(judge("\xe2\x80\x9cWe will not put a single car on it,\xe2\x80\x9d she said."), TD_CLEAN_CONTENT);
    assert_int_equal(judge("\"Nobody will be asked to cross it.\""), TD_CLEAN_CONTENT);
}

static void test_more_page_furniture(void **state)
{
    (void)state;
    assert_int_equal(judge("Jane Roe, Staff Writer"), TD_CLEAN_BYLINE);
    assert_int_equal(judge("Posted by Jane Roe on March 3, 2024"), TD_CLEAN_BYLINE);
    assert_int_equal(judge("We use cookies to improve your experience on our site."), TD_CLEAN_NAVIGATION);
    assert_int_equal(judge("5 min read"), TD_CLEAN_NAVIGATION);
    assert_int_equal(judge("Loading comments..."), TD_CLEAN_NAVIGATION);
    assert_int_equal(judge("Already a subscriber? Log in to keep reading."), TD_CLEAN_SHARE);
    assert_int_equal(judge("Photo: Jane Roe/Example Wire"), TD_CLEAN_CREDIT);
    assert_int_equal(judge("REUTERS/Jane Roe"), TD_CLEAN_CREDIT);
    assert_int_equal(judge("1 of 12"), TD_CLEAN_CREDIT); /* a gallery's position */
    assert_int_equal(judge("Last updated 2 hours ago"), TD_CLEAN_TIMESTAMP);
    /* the same words in news prose stay */
    assert_int_equal(judge("The ferry operator said it would sign up 40 new crew members by June."), TD_CLEAN_CONTENT);
    assert_int_equal(judge("Subscribers to the ferry pass will get a refund, the council said."), TD_CLEAN_CONTENT);
    assert_int_equal(judge("So who is the engineer that found the cracks?"), TD_CLEAN_CONTENT);
}

static void test_quoted_questions_are_not_put_to_the_reader(void **state)
{
    (void)state;
    /* asked by someone in the story, in the three quoting styles of news text */
    assert_int_equal(judge("\"Do you regard him as a truthful man?\" the lawyer asked."), TD_CLEAN_CONTENT);
    assert_int_equal(judge("Warden asked Clark, ``Do you regard him as a truthful man?''"), TD_CLEAN_CONTENT);
    assert_int_equal(judge("Host: Do you worry about your daughters?"), TD_CLEAN_CONTENT);
    /* a question without "you" is a question, not an appeal to the reader */
    assert_int_equal(judge("Will the bridge reopen before the summer?"), TD_CLEAN_CONTENT);
}

static void test_late_bios_need_the_end_of_the_page(void **state)
{
    (void)state;
    const char *bio = "Dana Whitlock has written about roads, rail and ferries around Port Varrow for eleven years.";
    assert_int_equal(judge_late(bio), TD_CLEAN_BIO);
    assert_int_equal(judge(bio), TD_CLEAN_CONTENT);
}

/* The phrase tables keep the order and the lengths that the lookups rely on. */
static void test_phrase_tables_are_ordered(void **state)
{
    (void)state;
    size_t n = 0;
    for (const phrase *p = phrases_start; p->text; p++, n++) {
        assert_int_equal(p->len, strlen(p->text));
        if (n) assert_true(strcmp(p[-1].text, p->text) <= 0);
    }
    assert_int_equal(n, phrases_start_count);
    unsigned last_max = 0;
    for (const phrase *p = phrases_anywhere; p->text; p++) {
        assert_int_equal(p->len, strlen(p->text));
        assert_true(p->len >= VIEW_KEY_LEN);
        assert_int_equal(p->key, VIEW_KEY(p->text));
        if (p != phrases_anywhere && p->max_words) assert_true(last_max == 0 || p->max_words <= last_max);
        if (p != phrases_anywhere && !p->max_words) assert_int_equal(last_max, 0);
        last_max = p->max_words;
    }
    for (const phrase *p = phrases_line; p->text; p++) assert_int_equal(p->len, strlen(p->text));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_prompts_and_furniture),
        cmocka_unit_test(test_questions_bios_credits_and_headlines),
        cmocka_unit_test(test_more_page_furniture),
        cmocka_unit_test(test_quoted_questions_are_not_put_to_the_reader),
        cmocka_unit_test(test_late_bios_need_the_end_of_the_page),
        cmocka_unit_test(test_phrase_tables_are_ordered),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

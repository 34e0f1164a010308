/* test_debris.c — the first debris filter on lines seen on real news pages. */
#include <string.h>

#include "clean/debris.h"
#include "testutil.h"

/* Marks one sentence standing alone in the middle of an article; returns its reason. */
static int mark_one(const char *s)
{
    td_span sp[3] = {{0, 0}, {0, strlen(s)}, {0, 0}};
    uint8_t reason[3];
    debris_mark(s, NULL, sp + 1, 1, reason + 1);
    return reason[1];
}

static void test_prompts_and_furniture(void **state)
{
    (void)state;
    assert_int_equal(mark_one("Share this article: Bridge closed after cracks found"), DEBRIS_PROMPT);
    assert_int_equal(mark_one("Listen Live"), DEBRIS_PROMPT);
    assert_int_equal(mark_one("Get short URL"), DEBRIS_PROMPT);
    assert_int_equal(mark_one("Your email address will not be published."), DEBRIS_PROMPT);
    assert_int_equal(mark_one("Copyright 2016 The Associated Press. All rights reserved."), DEBRIS_PROMPT);
    assert_int_equal(mark_one("Like and Follow our Facebook page for more stories."), DEBRIS_PROMPT);
}

static void test_questions_bios_credits_and_headlines(void **state)
{
    (void)state;
    assert_int_equal(mark_one("Do you think the city should have closed the bridge sooner?"), DEBRIS_QUESTION);
    assert_int_equal(mark_one("Joel is an experienced blogger who covers all kinds of news relating to tech."),
                     DEBRIS_BIO);
    assert_int_equal(mark_one("[Image via the Port Varrow Ledger]"), DEBRIS_CREDIT);
    assert_int_equal(mark_one("Cracks in anchorage close Tamsin Harbour Bridge"), DEBRIS_NO_END);
    assert_int_equal(mark_one("Feb. 11, 2025 at 4:55 p.m."), DEBRIS_DATELINE);
    assert_int_equal(mark_one("Updated 02:33 GMT, 02 March 2021."), DEBRIS_DATELINE);
    assert_int_equal(mark_one("The bridge reopened on March 3."), DEBRIS_NONE);
    assert_int_equal(mark_one("The cost of the repairs was put at $48 million."), DEBRIS_NONE);
    assert_int_equal(mark_one("\xe2\x80\x9cWe will not put a single car on it,\xe2\x80\x9d she said."), DEBRIS_NONE);
    assert_int_equal(mark_one("\"Nobody will be asked to cross it.\""), DEBRIS_NONE);
}

static void test_glued_title_and_leading_credit_are_trimmed(void **state)
{
    (void)state;
    const char *text = "Bridge shut for repair aheadCommuters from the peninsula faced long queues.";
    td_span sp = {0, strlen(text)};
    uint8_t reason;
    debris_mark(text, "Bridge shut for repair ahead", &sp, 1, &reason);
    assert_int_equal(reason, DEBRIS_NONE);
    assert_int_equal(strncmp(text + sp.start, "Commuters from", 14), 0);

    const char *credit = "(Jane Roe / Staff Photographer) About 100 commuters waited at the ferry pier.";
    td_span sc = {0, strlen(credit)};
    debris_mark(credit, NULL, &sc, 1, &reason);
    assert_int_equal(reason, DEBRIS_NONE);
    assert_int_equal(strncmp(credit + sc.start, "About 100", 9), 0);
}

static void test_everything_after_about_the_author_is_debris(void **state)
{
    (void)state;
    const char *text = "The bridge closed. Crews arrived. Ferries ran. About the author Sam writes plays.";
    /* on real pages "About the author" is a line of its own, so it is a sentence of its own */
    td_span sp[5] = {{0, 18}, {19, 33}, {34, 46}, {47, 63}, {64, strlen(text)}};
    uint8_t reason[5];
    debris_mark(text, NULL, sp, 5, reason);
    assert_int_equal(reason[0], DEBRIS_NONE);
    assert_int_equal(reason[2], DEBRIS_NONE);
    assert_int_equal(reason[3], DEBRIS_TAIL);
    assert_int_equal(reason[4], DEBRIS_TAIL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_prompts_and_furniture),
        cmocka_unit_test(test_questions_bios_credits_and_headlines),
        cmocka_unit_test(test_glued_title_and_leading_credit_are_trimmed),
        cmocka_unit_test(test_everything_after_about_the_author_is_debris),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

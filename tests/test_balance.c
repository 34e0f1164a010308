/* test_balance.c — quotation marks of a sentence cut out of a multi-sentence quotation are balanced
 * (text_balance_quotes), as summaries show them. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "text/text.h"

/* Balances a copy of `in`; checks the result against `want`. */
static void check(const char *in, bool may_grow, const char *want)
{
    char *t = strdup(in);
    assert_non_null(t);
    assert_true(text_balance_quotes(&t, may_grow));
    assert_string_equal(t, want);
    free(t);
}

static void test_opening_mark_left_open(void **state)
{
    (void)state;
    /* the first sentence of a quotation of two */
    check("\xe2\x80\x9cMy country has nothing to do with the hacking.", true,
          "\xe2\x80\x9cMy country has nothing to do with the hacking.\xe2\x80\x9d");
    check("\"The roads are closed.", true, "\"The roads are closed.\"");
    check("\xc2\xab" "Nous refusons.", true, "\xc2\xab" "Nous refusons.\xc2\xbb");
    /* under a byte limit the mark goes instead */
    check("\xe2\x80\x9cMy country has nothing to do with the hacking.", false, "My country has nothing to do with the hacking.");
    check("He said: \"The roads are closed.", false, "He said: The roads are closed.");
}

static void test_closing_mark_without_opening(void **state)
{
    (void)state;
    /* the last sentence of a quotation of two */
    check("We even requested a joint investigation.\xe2\x80\x9d", true,
          "\xe2\x80\x9cWe even requested a joint investigation.\xe2\x80\x9d");
    check("Stay home,\" the governor said.", true, "\"Stay home,\" the governor said.");
    check("Stay home,\" the governor said.", false, "Stay home, the governor said.");
    /* a quotation closed, then another opened and left open */
    check("Stay home.\" Then she said: \"Wait.", false, "Stay home. Then she said: Wait.");
}

static void test_balanced_marks_kept(void **state)
{
    (void)state;
    const char *same[] = {
        "\xe2\x80\x9cWhy?\xe2\x80\x9d she asked.",
        "He called it \"a giveaway\" and left.",
        "No quotation at all, and an apostrophe: the council\xe2\x80\x99s vote.",
        "\"One,\" he said, \"two.\"",
        "They laid a 6\" pipe under the road.",
        "",
    };
    for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
        check(same[i], true, same[i]);
        check(same[i], false, same[i]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_opening_mark_left_open),
        cmocka_unit_test(test_closing_mark_without_opening),
        cmocka_unit_test(test_balanced_marks_kept),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

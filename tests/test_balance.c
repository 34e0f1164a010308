/* test_balance.c — quotation marks of a sentence cut out of a multi-sentence quotation are balanced
 * (text_balance_quotes), as summaries show them; the words a sentence quotes are counted
 * (text_quoted_words). */
#include <stdlib.h>
#include <stdio.h>
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

static size_t quoted(const char *s, size_t min_words) { return text_quoted_words(s, strlen(s), min_words); }

static void test_quoted_words(void **state)
{
    (void)state;
    /* a quotation with its attribution: 11 of 14 words */
    assert_int_equal(quoted("\xe2\x80\x9cWe will not pay a cent until the bridge is safe,\xe2\x80\x9d the mayor said.", 3), 11);
    assert_int_equal(quoted("\"We will not pay a cent until the bridge is safe,\" the mayor said.", 3), 11);
    /* two quotations, the second too short to count under 3 */
    assert_int_equal(quoted("\"One lane opens Monday,\" he said, \"maybe.\"", 3), 4);
    assert_int_equal(quoted("\"One lane opens Monday,\" he said, \"maybe.\"", 1), 5);
    /* scare quotes around a name or a word are not speech */
    assert_int_equal(quoted("Residents call the old span \"the Rattler\" and avoid it at night.", 3), 0);
    /* the last sentence of a quotation of several: what comes before the closing mark */
    assert_int_equal(quoted("We even asked for a joint inspection,\xe2\x80\x9d she added.", 3), 7);
    /* the first sentence of a quotation of several: what comes after the opening mark */
    assert_int_equal(quoted("The engineer warned: \"The cables have rusted through in places.", 3), 7);
    /* tokenised newswire marks (the comma is a word of its own there), and an inch mark that quotes nothing */
    assert_int_equal(quoted("`` The cables are gone , '' he said .", 3), 5);
    assert_int_equal(quoted("They laid a 6\" pipe under the road.", 1), 0);
    assert_int_equal(quoted("No quotation at all: the council\xe2\x80\x99s vote.", 1), 0);
    assert_int_equal(quoted("", 1), 0);
    /* apostrophes and letters beyond ASCII before, inside and after a quotation are no marks */
    assert_int_equal(quoted("Zo\xc3\xab\xe2\x80\x99s crew's chief said: \"It's the council's bridge, not ours,\" and left.", 3), 6);
    assert_int_equal(quoted("The caf\xc3\xa9 owner's view: it's the council's bridge, not ours, and they'll pay.", 1), 0);
    assert_int_equal(quoted("They won't say `` which lane opens first '' yet.", 3), 4);
    /* words are counted eight ASCII bytes at a time between marks: any white space, long words across
     * the eight-byte steps, at every offset */
    static const char *const gaps[] = {" ", "\t", "\n", "  ", "\r\n", "\v", "\f", " \t "};
    static const char *const words[] = {"internationally", "a", "bridge", "of", "steel", "x", "reconstructions", "on"};
    for (size_t shift = 0; shift < 9; shift++) {
        for (size_t n = 1; n <= 8; n++) {
            char text[512];
            size_t len = 0;
            for (size_t k = 0; k < shift; k++) text[len++] = k % 2 ? 'w' : ' ';
            text[len++] = ' ';
            text[len++] = '"';
            for (size_t w = 0; w < n; w++) {
                if (w) len += (size_t)sprintf(text + len, "%s", gaps[(w + shift) % 8]);
                len += (size_t)sprintf(text + len, "%s", words[(w * 3 + shift) % 8]);
            }
            len += (size_t)sprintf(text + len, ",\" the %s engineer said.", words[shift % 8]);
            assert_int_equal(text_quoted_words(text, len, 1), n);
            assert_int_equal(text_quoted_words(text, len, n + 1), 0);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_opening_mark_left_open),
        cmocka_unit_test(test_closing_mark_without_opening),
        cmocka_unit_test(test_balanced_marks_kept),
        cmocka_unit_test(test_quoted_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_frequencies.c — the clusterer's document frequencies stay bounded on a stream whose
 * vocabulary keeps growing: past DF_MAX features the rarest are forgotten, the common kept with
 * their counts. The stream: invented articles over 3,000 invented words in changing orders, so
 * that nearly every pair of adjacent words (a bigram feature) is new. */
#include <string.h>

#include "story/clusterer.h"
#include "testutil.h"

enum { WORDS = 3000, ARTICLE_WORDS = 3000, ARTICLES = 420 };

/* An invented lower-case word for a number: "z" and five letters. */
static void word(unsigned n, char out[8])
{
    out[0] = 'z';
    for (int i = 1; i < 6; i++, n /= 26) out[i] = (char)('a' + n % 26);
    out[6] = ' ';
    out[7] = '\0';
}

static void test_bounded(void **state)
{
    (void)state;
    td_story_opts o;
    td_story_opts_defaults(&o);
    o.copy_window = 0;
    td_error err = {0};
    td_clusterer *c = td_clusterer_new(&o, &err);
    assert_non_null(c);
    char *text = malloc(ARTICLE_WORDS * 7 + 64);
    assert_non_null(text);
    uint64_t rng = 42;
    size_t most = 0;
    bool forgot = false;
    for (unsigned a = 0; a < ARTICLES; a++) {
        strcpy(text, "harbour ");
        size_t len = strlen(text);
        for (unsigned i = 0; i < ARTICLE_WORDS; i++, len += 7) {
            rng = rng * 6364136223846793005u + 1442695040888963407u;
            word((unsigned)(rng >> 33) % WORDS, text + len);
        }
        char id[16];
        snprintf(id, sizeof id, "a%u", a);
        td_document doc = {.name = id, .text = text, .text_len = len};
        td_placement p;
        size_t before = c->df.len;
        assert_int_equal(td_clusterer_add(c, &doc, &p, &err), TD_OK);
        if (c->df.len < before) forgot = true;
        if (c->df.len > most) most = c->df.len;
        assert_true(c->df.len <= DF_MAX);
    }
    assert_true(forgot);              /* the stream went past the bound */
    assert_true(most > DF_MAX / 2);
    uint32_t top = 0; /* "harbour" opens every article: its count survives every forgetting */
    for (size_t i = 0; i < c->df.len; i++)
        if (c->df.items[i] > top) top = c->df.items[i];
    assert_int_equal(top, ARTICLES);
    free(text);
    td_clusterer_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

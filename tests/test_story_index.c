/* test_story_index.c — the clusterer's index of live stories stays bounded on a stream whose
 * vocabulary keeps growing (every article its own names): features whose stories have all closed
 * leave the index at its compaction, so a server running for days does not grow with them. */
#include <stdio.h>

#include "story/clusterer.h"
#include "testutil.h"

static void test_growing_vocabulary(void **state)
{
    (void)state;
    td_error err = {0};
    td_story_opts o;
    td_story_opts_defaults(&o);
    o.max_live = 16;
    td_clusterer *c = td_clusterer_new(&o, &err);
    assert_non_null(c);
    enum { ARTICLES = 12000, WORDS = 30 };
    size_t most = 0;
    for (int i = 0; i < ARTICLES; i++) {
        char id[32], text[WORDS * 16];
        size_t at = 0;
        snprintf(id, sizeof id, "n%d", i);
        for (int w = 0; w < WORDS; w++)
            at += (size_t)snprintf(text + at, sizeof text - at, "Zorb%dq%d ", i, w);
        td_document d = {.name = id, .text = text};
        td_placement p;
        assert_int_equal(td_clusterer_add(c, &d, &p, &err), TD_OK);
        assert_int_equal(c->postings.len, c->index_keys.len);
        if (c->index_keys.len > most) most = c->index_keys.len;
    }
    /* every article posts its heaviest features, all new: without the compaction dropping the
     * features of closed stories, the index would hold about INDEX_FEATURES keys an article */
    size_t bound = 4 * INDEX_FEATURES * (o.max_live + 1024) + INDEX_FEATURES * MAINTAIN_EVERY;
    assert_true(most <= bound);
    assert_true(most < (size_t)INDEX_FEATURES * ARTICLES / 2);
    td_clusterer_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_growing_vocabulary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

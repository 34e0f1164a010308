/* test_story_index.c — the clusterer's memory stays bounded on a stream whose vocabulary keeps
 * growing (every article its own names): features whose stories have all closed leave the index
 * at its compaction, the lists' room stays near what they hold, and the featurizer's lexicon is
 * forgotten past its bound without changing a feature; so a server running for days does not grow
 * with them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
        if (i % 100 == 0) { /* a list of one entry takes the smallest heap block; emptied ones none */
            size_t room = 0, entries = 0;
            for (size_t k = 0; k < c->postings.len; k++) {
                room += c->postings.items[k].cap;
                entries += c->postings.items[k].len;
            }
            assert_true(room <= POSTINGS_FIRST * entries);
        }
    }
    /* every article posts its heaviest features, all new: without the compaction dropping the
     * features of closed stories, the index would hold about INDEX_FEATURES keys an article */
    size_t bound = 4 * INDEX_FEATURES * (o.max_live + 1024) + INDEX_FEATURES * MAINTAIN_EVERY;
    assert_true(most <= bound);
    assert_true(most < (size_t)INDEX_FEATURES * ARTICLES / 2);
    td_clusterer_free(c);
}

/* An invented word for a number that the stemmer leaves whole: "k" and five consonants. */
static size_t consonant_word(unsigned n, char *out)
{
    static const char letters[] = "bcdfghjkmnpqrtvwxz";
    out[0] = 'k';
    for (int i = 1; i < 6; i++, n /= sizeof letters - 1) out[i] = letters[n % (sizeof letters - 1)];
    out[6] = ' ';
    return 7;
}

static void test_lexicon_forgotten(void **state)
{
    (void)state;
    featurizer fz;
    assert_true(featurizer_init(&fz, TD_FEATURE_ALL));
    td_document article = {.name = "a", .title = "Harbour Bridge closed after the storm",
                           .text = "Wellington's harbour bridge was closed on Tuesday after 3,000 tonnes of "
                                   "debris struck it. Mayor Anna Ruatapu said repairs would take weeks."};
    assert_true(featurize(&fz, &article));
    feature_vec first = {0};
    assert_true(vec_reserve(&first, fz.counts.len));
    memcpy(first.items, fz.counts.items, fz.counts.len * sizeof *first.items);
    first.len = fz.counts.len;
    /* a stream of new names takes the lexicon past its bound */
    enum { NAMES = LEXICON_TERMS_MAX + 1000 };
    char *names = malloc(NAMES * 7 + 1);
    assert_non_null(names);
    size_t len = 0;
    for (unsigned n = 0; n < NAMES; n++) len += consonant_word(n * 7919u, names + len);
    names[len] = '\0';
    td_document stream = {.name = "names", .text = names, .text_len = len};
    assert_true(featurize(&fz, &stream));
    assert_true(lexicon_n_terms(fz.lx) > LEXICON_TERMS_MAX);
    /* forgotten at the next article, whose features are what they were */
    assert_true(featurize(&fz, &article));
    assert_true(lexicon_n_terms(fz.lx) < 100);
    assert_int_equal(fz.counts.len, first.len);
    for (size_t i = 0; i < first.len; i++) {
        assert_true(fz.counts.items[i].key == first.items[i].key);
        assert_true(fz.counts.items[i].weight == first.items[i].weight);
    }
    free(names);
    vec_free(&first);
    featurizer_free(&fz);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_growing_vocabulary),
        cmocka_unit_test(test_lexicon_forgotten),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

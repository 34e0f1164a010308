/* test_summary.c — the summariser on the bundled example story (and on the Sony articles in
 * ../shared when present): budgets, debris, sources, reading order, methods. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "summary/attribution.h"
#include "summary/compress.h"
#include "summary/coverage_ilp.h"
#include "summary/dateline.h"
#include "summary/methods.h"
#include "summary/model.h"
#include "text/text.h"
#include "testutil.h"

static td_summary *summarize(const td_cluster *c, td_method method, size_t words, size_t bytes, size_t sentences)
{
    td_summary_opts o;
    td_summary_opts_defaults(&o);
    o.method = method;
    o.max_words = words;
    o.max_bytes = bytes;
    o.max_sentences = sentences;
    td_error err = {0};
    td_summarizer *s = td_summarizer_new(&o, &err);
    assert_non_null(s);
    td_summary *sum = td_summarize(s, c, &err);
    assert_non_null(sum);
    td_summarizer_free(s);
    return sum;
}

static const char *const debris_marks[] = {
    "Share this", "Listen Live", "Get short URL", "Leave a Reply", "will not be published", "More from",
    "About the author", "Like and Follow", "Do you think", "[Image", "All rights reserved", NULL,
};

/* Every property a summary must have whatever the method and budget. */
static void check_summary(const td_cluster *c, const td_summary *sum, size_t words, size_t bytes, size_t sentences)
{
    assert_true(sum->n_sentences > 0);
    size_t total_words = 0, total_bytes = 0;
    for (size_t i = 0; i < sum->n_sentences; i++) {
        const td_summary_sentence *s = &sum->sentences[i];
        assert_true(s->doc < c->n_docs);
        /* the text is its span's, with quotation marks balanced (closed, or dropped under a byte limit) */
        char *again = td_sentence_text(c->docs[s->doc].text, s->span);
        if (!s->n_kept) {
            assert_null(s->kept);
            assert_true(text_balance_quotes(&again, !bytes));
            assert_string_equal(again, s->text);
        } else { /* compressed: kept ranges of the span, in order, that make the text */
            assert_true(s->kept[0].start >= s->span.start && s->kept[s->n_kept - 1].end <= s->span.end);
            buf joined = {0};
            for (size_t k = 0; k < s->n_kept; k++) {
                if (k) assert_true(s->kept[k].start > s->kept[k - 1].end);
                assert_true(buf_append(&joined, c->docs[s->doc].text + s->kept[k].start, s->kept[k].end - s->kept[k].start));
            }
            char *rebuilt = td_sentence_text(joined.data ? joined.data : "", (td_span){0, joined.len});
            assert_true(text_balance_quotes(&rebuilt, !bytes));
            assert_string_equal(rebuilt, s->text);
            assert_true(strlen(s->text) < strlen(again));
            free(rebuilt);
            buf_free(&joined);
        }
        free(again);
        for (const char *const *d = debris_marks; *d; d++) assert_null(strstr(s->text, *d));
        bool has_own = false;
        for (size_t k = 0; k < s->n_sources; k++) {
            assert_true(s->sources[k] < c->n_docs);
            if (k) assert_true(s->sources[k] > s->sources[k - 1]);
            has_own |= s->sources[k] == s->doc;
        }
        assert_true(has_own);
        total_words += s->words;
        total_bytes += (i ? 1 : 0) + strlen(s->text);
    }
    assert_int_equal(total_words, sum->words);
    assert_int_equal(total_bytes, sum->bytes);
    if (words) assert_true(sum->words <= words);
    if (bytes) assert_true(sum->bytes <= bytes);
    if (sentences) assert_true(sum->n_sentences <= sentences);
}

static void test_every_method_keeps_every_budget(void **state)
{
    (void)state;
    td_cluster *c = read_story("examples/harbour-bridge");
    static const td_method methods[] = {TD_METHOD_CONCEPTS, TD_METHOD_LEAD, TD_METHOD_CENTROID, TD_METHOD_LEXRANK,
                                        TD_METHOD_TEXTRANK};
    static const size_t budgets[][3] = {{250, 0, 0}, {60, 0, 0}, {0, 400, 0}, {0, 0, 3}, {400, 0, 0}, {100, 700, 4}};
    for (size_t m = 0; m < sizeof methods / sizeof *methods; m++) {
        for (size_t b = 0; b < sizeof budgets / sizeof *budgets; b++) {
            td_summary *sum = summarize(c, methods[m], budgets[b][0], budgets[b][1], budgets[b][2]);
            assert_int_equal(sum->method, methods[m]);
            check_summary(c, sum, budgets[b][0], budgets[b][1], budgets[b][2]);
            td_summary_free(sum);
        }
    }
    td_cluster_free(c);
}

static void test_summary_is_in_reading_order(void **state)
{
    (void)state;
    td_cluster *c = read_story("examples/harbour-bridge");
    td_summary *sum = summarize(c, TD_METHOD_CONCEPTS, 250, 0, 0);
    /* reading order puts earlier source positions first: offsets within one article grow */
    for (size_t i = 0; i < sum->n_sentences; i++)
        for (size_t j = i + 1; j < sum->n_sentences; j++)
            if (sum->sentences[i].doc == sum->sentences[j].doc)
                assert_true(sum->sentences[i].span.start < sum->sentences[j].span.start);
    td_summary_free(sum);
    td_cluster_free(c);
}

static void test_lead_takes_each_article_first_sentence(void **state)
{
    (void)state;
    td_cluster *c = read_story("examples/harbour-bridge");
    td_summary *sum = summarize(c, TD_METHOD_LEAD, 0, 0, c->n_docs);
    assert_int_equal(sum->n_sentences, c->n_docs);
    bool seen[16] = {false};
    for (size_t i = 0; i < sum->n_sentences; i++) {
        assert_false(seen[sum->sentences[i].doc]);
        seen[sum->sentences[i].doc] = true;
    }
    td_summary_free(sum);
    td_cluster_free(c);
}

/* The sentence of article doc that contains needle, in a model of the cluster. */
static const sentence *find_sentence(const model *m, size_t doc, const char *needle)
{
    for (size_t i = 0; i < m->sents.len; i++) {
        const sentence *s = &m->sents.items[i];
        if (s->doc != doc) continue;
        const char *text = m->cluster->docs[doc].text;
        const char *hit = strstr(text + s->span.start, needle);
        if (hit && (size_t)(hit - text) < s->span.end) return s;
    }
    fail_msg("no sentence of article %zu contains '%s'", doc, needle);
    return NULL;
}

/* Builds the model of cluster c with a lexicon of its own (returned: free it after the model). */
static lexicon *build_model(const td_cluster *c, model *m)
{
    lexicon *lx = lexicon_new();
    assert_non_null(lx);
    td_error err = {0};
    *m = (model){0};
    assert_int_equal(model_build(m, lx, c, &err), TD_OK);
    return lx;
}

static void test_sources_are_every_article_that_reports_it(void **state)
{
    (void)state;
    td_cluster *c = read_story("examples/harbour-bridge");
    model m;
    lexicon *lx = build_model(c, &m);
    attribution a;
    assert_true(attribution_init(&a, &m));
    /* one attribution serves sentence after sentence: each is judged on its own words alone */
    for (int round = 0; round < 2; round++) {
        size_t n;
        /* Dr. Okafor's quote is told nearly verbatim by 01 and 03 */
        size_t *src = attribute_sources(&a, find_sentence(&m, 0, "not going to fall down"), &n);
        assert_int_equal(n, 2);
        assert_int_equal(src[0], 0);
        assert_int_equal(src[1], 2);
        free(src);
        /* the 1994 retrofit is only in 05 */
        src = attribute_sources(&a, find_sentence(&m, 4, "1994"), &n);
        assert_int_equal(n, 1);
        assert_int_equal(src[0], 4);
        free(src);
    }
    for (size_t t = 0; t < m.n_terms; t++) assert_false(a.term[t]); /* all clear again */
    for (size_t k = 0; k < m.n_concepts; k++) assert_false(a.concept[k]);
    attribution_free(&a);
    model_free(&m);
    lexicon_free(lx);
    td_cluster_free(c);
}

static int cmp_id(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Every sentence of the model holds what reading its text token by token gives: its content terms
 * (local ids, repeats kept) sorted, and its bigram concepts sorted and distinct; the model keeps the
 * ids a sentence gave out apart from older ones while it reads, and this checks they come together. */
static void test_model_terms_and_concepts_are_the_tokens(void **state)
{
    (void)state;
    td_cluster *c = read_story("examples/harbour-bridge");
    lexicon *lx = lexicon_new();
    model m = {.compress = COMPRESS_ALL};
    td_error err = {0};
    for (int build = 0; build < 2; build++) { /* the second build reuses the model's memory and lexicon */
        assert_int_equal(model_build(&m, lx, c, &err), TD_OK);
        assert_true(m.variants.len > 0);
        for (size_t i = 0; i < m.sents.len; i++) {
            const sentence *s = &m.sents.items[i];
            const char *text = c->docs[s->doc].text;
            uint32_t terms[512], concepts[512];
            size_t n_terms = 0, n_concepts = 0, pos = s->span.start;
            uint32_t prev = UINT32_MAX;
            bool prev_stop = true;
            token t;
            while (token_next(text, s->span.end, &pos, &t)) {
                lex_word w;
                assert_true(lexicon_word(lx, text + t.start, t.end - t.start, t.kind, &w));
                if (w.flags & LEX_PUNCT) {
                    prev = UINT32_MAX;
                    continue;
                }
                bool stop = (w.flags & LEX_STOP) != 0;
                uint32_t term = model_local_term(&m, w.term);
                assert_true(term < m.n_terms);
                assert_true(n_terms < 512 && n_concepts < 512);
                if (!stop) terms[n_terms++] = term;
                if (prev != UINT32_MAX && !(stop && prev_stop)) {
                    uint32_t id = u64map_find(&m.concept_ids, (uint64_t)prev << 32 | term);
                    assert_true(id < m.n_concepts);
                    concepts[n_concepts++] = id;
                }
                prev = term;
                prev_stop = stop;
            }
            qsort(terms, n_terms, sizeof *terms, cmp_id);
            qsort(concepts, n_concepts, sizeof *concepts, cmp_id);
            size_t distinct = 0;
            for (size_t k = 0; k < n_concepts; k++)
                if (!k || concepts[k] != concepts[k - 1]) concepts[distinct++] = concepts[k];
            assert_int_equal(s->n_terms, n_terms);
            if (n_terms) assert_memory_equal(sentence_terms(&m, s), terms, n_terms * sizeof *terms);
            assert_int_equal(s->n_concepts, distinct);
            if (distinct) assert_memory_equal(sentence_concepts(&m, s), concepts, distinct * sizeof *concepts);
        }
        for (size_t v = 0; v < m.variants.len; v++) { /* compressed forms: sorted too */
            const sentence *s = &m.variants.items[v];
            const uint32_t *t = sentence_terms(&m, s), *k = sentence_concepts(&m, s);
            for (size_t i = 1; i < s->n_terms; i++) assert_true(t[i - 1] <= t[i]);
            for (size_t i = 1; i < s->n_concepts; i++) assert_true(k[i - 1] < k[i]);
        }
    }
    model_free(&m);
    lexicon_free(lx);
    td_cluster_free(c);
}

static void test_sony_quote_is_attributed_to_both_outlets(void **state)
{
    (void)state;
    td_cluster *c = read_shared_story("examples/sony-hack");
    if (!c) skip();
    model m;
    lexicon *lx = build_model(c, &m);
    /* An Myong Hun's words, told by 01 ("the Sony hacking") and 02 ("Sony hacking", no-break spaces) */
    attribution a;
    assert_true(attribution_init(&a, &m));
    size_t n;
    size_t *src = attribute_sources(&a, find_sentence(&m, 0, "nothing to do with the Sony hacking"), &n);
    assert_int_equal(n, 2);
    assert_int_equal(src[0], 0);
    assert_int_equal(src[1], 1);
    free(src);
    src = attribute_sources(&a, find_sentence(&m, 1, "Sony hacking."), &n);
    assert_int_equal(n, 2);
    free(src);
    attribution_free(&a);
    model_free(&m);
    lexicon_free(lx);
    /* and whatever the method chooses keeps every summary property */
    td_summary *sum = summarize(c, TD_METHOD_CONCEPTS, 400, 0, 0);
    check_summary(c, sum, 400, 0, 0);
    td_summary_free(sum);
    td_cluster_free(c);
}

static void test_one_summarizer_serves_many_clusters(void **state)
{
    (void)state;
    td_cluster *c = read_story("examples/harbour-bridge");
    td_summary_opts o;
    td_summary_opts_defaults(&o);
    td_error err = {0};
    td_summarizer *s = td_summarizer_new(&o, &err);
    td_summary *a = td_summarize(s, c, &err), *b = td_summarize(s, c, &err);
    assert_int_equal(a->n_sentences, b->n_sentences);
    for (size_t i = 0; i < a->n_sentences; i++) assert_string_equal(a->sentences[i].text, b->sentences[i].text);
    td_summary_free(a);
    td_summary_free(b);
    td_summarizer_free(s);
    td_cluster_free(c);
}

/* A summariser kept for a stream forgets its lexicon past LEXICON_TERMS_MAX terms (a server's
 * would grow with the news' names): the summary of a story is the same after it. */
static void test_summaries_survive_a_forgotten_lexicon(void **state)
{
    (void)state;
    td_cluster *c = read_story("examples/harbour-bridge");
    td_summary_opts o;
    td_summary_opts_defaults(&o);
    td_error err = {0};
    td_summarizer *s = td_summarizer_new(&o, &err);
    td_summary *before = td_summarize(s, c, &err);
    assert_non_null(before);
    /* stories of invented names ("k" and five consonants, which the stemmer leaves whole), 5,000
       new ones each, until the lexicon has seen more than its bound */
    enum { NAMES = 5000, SENTENCE = 10 };
    static const char letters[] = "bcdfghjkmnpqrtvwxz";
    char *text = malloc(NAMES * 8 + 1);
    assert_non_null(text);
    for (unsigned story = 0; story * NAMES <= LEXICON_TERMS_MAX; story++) {
        size_t len = 0;
        for (unsigned i = 0; i < NAMES; i++) {
            unsigned n = (story * NAMES + i) * 7919u;
            text[len++] = i % SENTENCE ? 'k' : 'K';
            for (int k = 0; k < 5; k++, n /= sizeof letters - 1) text[len++] = letters[n % (sizeof letters - 1)];
            if (i % SENTENCE == SENTENCE - 1) text[len++] = '.';
            text[len++] = ' ';
        }
        text[len] = '\0';
        td_cluster *names = td_cluster_new("names");
        assert_int_equal(td_cluster_add(names, &(td_document){.name = "n", .text = text}), TD_OK);
        td_summary *sum = td_summarize(s, names, &err);
        assert_non_null(sum);
        td_summary_free(sum);
        td_cluster_free(names);
    }
    td_summary *after = td_summarize(s, c, &err);
    assert_non_null(after);
    assert_int_equal(after->n_sentences, before->n_sentences);
    for (size_t i = 0; i < before->n_sentences; i++) {
        assert_string_equal(after->sentences[i].text, before->sentences[i].text);
        assert_int_equal(after->sentences[i].n_sources, before->sentences[i].n_sources);
    }
    free(text);
    td_summary_free(before);
    td_summary_free(after);
    td_summarizer_free(s);
    td_cluster_free(c);
}

/* Found by fuzzing: a cluster without a single bigram concept must not offset a null pointer. */
static void test_text_without_concepts(void **state)
{
    (void)state;
    td_cluster *c = td_cluster_new("x");
    td_document d = {.name = "odd", .text = "P/arHarb:urow\"Harbar\"BMi ?!", .text_len = 28};
    assert_int_equal(td_cluster_add(c, &d), TD_OK);
    td_summary *sum = summarize(c, TD_METHOD_CONCEPTS, 50, 0, 0);
    assert_int_equal(sum->n_sentences, 0);
    td_summary_free(sum);
    td_cluster_free(c);
}

/* Three sentences without a shared concept. The first covers the most weight per word, so the
 * greedy takes it, and then neither of the other two fits 24 words; together those two cover
 * more (their 22 concepts against its 12, at weights (1 + e^(-p/4))^3 of 5.6 and 4.1 against 8). */
static char three_sentences[] =
    "Harbour engineers inspected seventeen corroded anchor cables beneath Tamsin bridge during freezing weather. "
    "City council members approved emergency funding for ferry services across Ness Point. "
    "Local shopkeepers reported falling weekday sales while commuters endured detours around downtown.";

static td_summary *summarize_raw(const td_cluster *c, td_method method, size_t words)
{
    td_summary_opts o;
    td_summary_opts_defaults(&o);
    o.method = method;
    o.max_words = words;
    o.no_clean = true;
    td_error err = {0};
    td_summarizer *s = td_summarizer_new(&o, &err);
    assert_non_null(s);
    td_summary *sum = td_summarize(s, c, &err);
    assert_non_null(sum);
    td_summarizer_free(s);
    return sum;
}

static void test_ilp_covers_more_than_the_greedy(void **state)
{
    (void)state;
    td_cluster *c = td_cluster_new("three");
    td_document d = {.name = "one", .text = three_sentences, .text_len = sizeof three_sentences - 1};
    assert_int_equal(td_cluster_add(c, &d), TD_OK);
    td_summary *greedy = summarize_raw(c, TD_METHOD_CONCEPTS, 24);
    assert_int_equal(greedy->n_sentences, 1);
    assert_int_equal(greedy->words, 13);
    assert_non_null(strstr(greedy->sentences[0].text, "Harbour engineers"));
    td_summary *exact = summarize_raw(c, TD_METHOD_ILP, 24);
    assert_int_equal(exact->n_sentences, 2);
    assert_int_equal(exact->words, 24); /* the budget, filled exactly */
    assert_non_null(strstr(exact->sentences[0].text, "City council"));
    assert_non_null(strstr(exact->sentences[1].text, "Local shopkeepers"));
    check_summary(c, exact, 24, 0, 0);
    /* one word less and the pair no longer fits: the exact method keeps the greedy's choice */
    td_summary *tight = summarize_raw(c, TD_METHOD_ILP, 23);
    assert_int_equal(tight->n_sentences, 1);
    assert_non_null(strstr(tight->sentences[0].text, "Harbour engineers"));
    td_summary_free(greedy);
    td_summary_free(exact);
    td_summary_free(tight);
    td_cluster_free(c);
}

/* Weight of the distinct concepts a choice covers, every concept weighing 1. */
static size_t concepts_covered(const model *m, const index_list *chosen)
{
    bool *seen = calloc(m->n_concepts + 1, sizeof *seen);
    size_t n = 0;
    for (size_t k = 0; k < chosen->len; k++) {
        const sentence *s = &m->sents.items[chosen->items[k]];
        const uint32_t *cs = sentence_concepts(m, s);
        for (size_t j = 0; j < s->n_concepts; j++) n += !seen[cs[j]], seen[cs[j]] = true;
    }
    free(seen);
    return n;
}

/* On the bundled story with every concept weighing 1: the solver keeps every budget, never
 * covers less than its start, and with no node to explore falls back to the start unchanged. */
static void test_ilp_keeps_the_budget_and_falls_back(void **state)
{
    (void)state;
    td_cluster *c = read_story("examples/harbour-bridge");
    model m;
    lexicon *lx = build_model(c, &m);
    double *unit = malloc(m.n_concepts * sizeof *unit);
    for (size_t i = 0; i < m.n_concepts; i++) unit[i] = 1;
    uint32_t *cand = malloc(m.sents.len * sizeof *cand);
    const budget limits[] = {{60, 0, 0}, {0, 400, 0}, {0, 0, 2}, {90, 500, 3}};
    size_t improvements = 0;
    for (size_t b = 0; b < sizeof limits / sizeof limits[0]; b++) {
        const budget *limit = &limits[b];
        const budget none = {0};
        size_t n_cand = 0;
        for (size_t i = 0; i < m.sents.len && n_cand < 24; i++)
            if (m.sents.items[i].usable && budget_fits(limit, &none, &m.sents.items[i])) cand[n_cand++] = (uint32_t)i;
        /* start: the candidates in order while they fit */
        index_list start = {0};
        budget used = {0};
        for (size_t k = 0; k < n_cand; k++) {
            const sentence *s = &m.sents.items[cand[k]];
            if (!budget_fits(limit, &used, s)) continue;
            budget_take(&used, s);
            assert_true(vec_push(&start, cand[k]));
        }
        index_list chosen = {0};
        bool improved;
        for (size_t k = 0; k < start.len; k++) assert_true(vec_push(&chosen, start.items[k]));
        assert_true(coverage_ilp(&m, unit, limit, cand, n_cand, 0, &chosen, &improved));
        assert_false(improved);
        assert_int_equal(chosen.len, start.len);
        assert_memory_equal(chosen.items, start.items, start.len * sizeof *start.items);
        assert_true(coverage_ilp(&m, unit, limit, cand, n_cand, 1000, &chosen, &improved));
        size_t before = concepts_covered(&m, &start), after = concepts_covered(&m, &chosen);
        assert_true(after >= before);
        assert_true(improved == (after > before));
        improvements += improved;
        used = (budget){0};
        for (size_t k = 0; k < chosen.len; k++) {
            assert_true(budget_fits(limit, &used, &m.sents.items[chosen.items[k]]));
            budget_take(&used, &m.sents.items[chosen.items[k]]);
        }
        vec_free(&start);
        vec_free(&chosen);
    }
    assert_true(improvements >= 3); /* reading order is a poor choice: the solver mostly finds better */
    free(unit);
    free(cand);
    model_free(&m);
    lexicon_free(lx);
    td_cluster_free(c);
}

/* What is left of a sentence once its dateline is skipped. */
static const char *after_dateline(const char *line)
{
    td_span sp = dateline_skip(line, (td_span){0, strlen(line)});
    return line + sp.start;
}

static void test_datelines_are_skipped(void **state)
{
    (void)state;
    assert_string_equal(after_dateline("LONDON (AP) _ Former Chilean dictator Augusto Pinochet was arrested."),
                        "Former Chilean dictator Augusto Pinochet was arrested.");
    assert_string_equal(after_dateline("SAN FRANCISCO, Calif. (Reuters) - Shares rose on Monday."), "Shares rose on Monday.");
    assert_string_equal(after_dateline("OPORTO, Portugal (AP) -- \"We disagree,\" Castro said."), "\"We disagree,\" Castro said.");
    assert_string_equal(after_dateline("WASHINGTON \xE2\x80\x94 The Senate voted 52 to 48."), "The Senate voted 52 to 48.");
    assert_string_equal(after_dateline("  NEW YORK _ 12 people were hurt."), "12 people were hurt.");
    assert_string_equal(after_dateline("PORT VARROW, Feb. 11 (Tidewater Wire) - Port Varrow closed its bridge."),
                        "Port Varrow closed its bridge.");
    assert_string_equal(after_dateline("U.S. _ Stocks fell."), "Stocks fell."); /* capitals and dots */
    /* not datelines: a sentence that opens with a capitalised word, a dash inside prose, no separator */
    const char *kept[] = {
        "London - the capital - was calm on Sunday.",
        "NATO - the alliance - met today.",
        "The mayor _ a Democrat _ said no.",
        "WASHINGTON is quiet in August.",
        "UNITED STATES VIRGIN ISLANDS AND PUERTO RICO AND GUAM _ Storms hit.",
        "-- Storms hit the coast.",
        "F16 - Jets flew over.",
        "iPhone - sales rose.",
        "  Apple _ Sales rose.",
    };
    for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) assert_string_equal(after_dateline(kept[i]), kept[i]);
}

/* The bundled story opens "PORT VARROW — The Tamsin Harbour Bridge was closed...": the summary
 * quotes the sentence without its dateline, and its span starts where the quote does. */
static void test_summary_sentences_leave_the_dateline_out(void **state)
{
    (void)state;
    td_cluster *c = read_story("examples/harbour-bridge");
    td_summary *sum = summarize(c, TD_METHOD_LEAD, 0, 0, c->n_docs);
    bool seen = false;
    for (size_t i = 0; i < sum->n_sentences; i++) {
        const td_summary_sentence *s = &sum->sentences[i];
        assert_null(strstr(s->text, "PORT VARROW \xE2\x80\x94"));
        if (!strncmp(s->text, "The Tamsin Harbour Bridge was closed", 36)) {
            seen = true;
            assert_memory_equal(c->docs[s->doc].text + s->span.start, "The Tamsin", 10);
        }
    }
    assert_true(seen);
    check_summary(c, sum, 0, 0, c->n_docs);
    td_summary_free(sum);
    td_cluster_free(c);
}

/* A sentence too long for the budget whole fits once its aside is left out: the summary prints it
 * compressed, with its whole span and the kept ranges, and credits the article that tells the
 * same without the aside; --no-compress (no_compress) leaves it out instead. */
static void test_compressed_sentence_in_a_summary(void **state)
{
    (void)state;
    td_cluster *c = td_cluster_new("ferry");
    td_document a = {.name = "a", .text = "Mayor Helen Strand, who took office in 2019 after two terms on the city "
                                          "council, said the harbour ferry would run every 15 minutes until the "
                                          "Tamsin bridge reopens."};
    td_document b = {.name = "b", .text = "Commuters lined up at dawn on Tuesday at the Quay St. terminal, where "
                                          "Mayor Helen Strand said the harbour ferry would run every 15 minutes until "
                                          "the Tamsin bridge reopens in March, officials confirmed."};
    a.text_len = strlen(a.text);
    b.text_len = strlen(b.text);
    assert_int_equal(td_cluster_add(c, &a), TD_OK);
    assert_int_equal(td_cluster_add(c, &b), TD_OK);
    td_summary *sum = summarize_raw(c, TD_METHOD_CONCEPTS, 20);
    check_summary(c, sum, 20, 0, 0);
    assert_int_equal(sum->n_sentences, 1);
    const td_summary_sentence *s = &sum->sentences[0];
    assert_string_equal(s->text, "Mayor Helen Strand said the harbour ferry would run every 15 minutes until the "
                                 "Tamsin bridge reopens.");
    assert_int_equal(s->doc, 0);
    assert_int_equal(s->span.start, 0);
    assert_int_equal(s->span.end, a.text_len);
    assert_int_equal(s->n_kept, 2);
    assert_int_equal(s->n_sources, 2); /* b tells it too */
    td_summary_free(sum);

    td_summary_opts o;
    td_summary_opts_defaults(&o);
    o.max_words = 20;
    o.no_clean = o.no_compress = true;
    td_error err = {0};
    td_summarizer *whole = td_summarizer_new(&o, &err);
    sum = td_summarize(whole, c, &err);
    assert_non_null(sum);
    assert_int_equal(sum->n_sentences, 0); /* neither sentence fits whole */
    td_summary_free(sum);
    td_summarizer_free(whole);
    td_cluster_free(c);
}

/* Content terms count: of two sentences of one article, the later one names what a second article
 * names too, in other word pairs. On bigram concepts alone (the ilp method) the first sentence's
 * position wins; the default method, which also covers single terms, takes the later one. The
 * second article's sentence is too long for the budget. */
static void test_shared_terms_outweigh_position(void **state)
{
    (void)state;
    td_cluster *c = td_cluster_new("terms");
    td_document a = {.name = "a", .text = "Harbour pilots reported heavy fog near the northern breakwater yesterday. "
                                          "Engineers found deep cracks inside anchorage four beneath the bridge."};
    td_document b = {.name = "b", .text = "Inspectors say the cracks run deep, engineers are worried, and anchorage "
                                          "number four sits far beneath an old steel bridge carrying commuters."};
    a.text_len = strlen(a.text);
    b.text_len = strlen(b.text);
    assert_int_equal(td_cluster_add(c, &a), TD_OK);
    assert_int_equal(td_cluster_add(c, &b), TD_OK);
    td_summary *sum = summarize_raw(c, TD_METHOD_CONCEPTS, 12);
    assert_int_equal(sum->n_sentences, 1);
    assert_string_equal(sum->sentences[0].text, "Engineers found deep cracks inside anchorage four beneath the bridge.");
    assert_int_equal(sum->sentences[0].n_sources, 1); /* b shares words, not the sentence's word pairs */
    td_summary_free(sum);
    sum = summarize_raw(c, TD_METHOD_ILP, 12);
    assert_int_equal(sum->n_sentences, 1);
    assert_string_equal(sum->sentences[0].text, "Harbour pilots reported heavy fog near the northern breakwater yesterday.");
    td_summary_free(sum);
    td_cluster_free(c);
}

/* Once a summary has told the facts (100 words), quoted speech gains: after five shared sentences
 * (113 words), the mayor's words are taken over a sentence of the same article that covers a
 * little more. Under a budget that ends before the facts are told, and for the ilp method, which
 * covers concepts only, the covering sentence stays ahead. */
static void test_quotes_gain_after_the_facts(void **state)
{
    (void)state;
    static const char facts[] =
        "The city council voted on Monday to close the old harbour bridge to all traffic for at least six months "
        "while engineers repair its corroded steel cables. Inspectors found last week that two of the main "
        "suspension cables had lost nearly a third of their strength since the last survey in 2019. Commuters "
        "will have to use the ferry service or a detour through the northern tunnel that adds about twenty "
        "minutes to each journey. The repair work is expected to cost around forty million dollars and will be "
        "paid from the regional infrastructure fund. Ferry operators said they would add extra crossings during "
        "the morning and evening rush hours starting next week.";
    static const char covering[] = "Council engineers estimate that the rusted cables now carry most of the deck "
                                   "load at the busiest span near the eastern tower.";
    static const char quote[] = "\"We cannot take any risk with the lives of people who cross this bridge every "
                                "day,\" the mayor told reporters.";
    char *long_text = malloc(sizeof facts + sizeof covering + sizeof quote + 2);
    assert_non_null(long_text);
    sprintf(long_text, "%s %s %s", facts, covering, quote);
    td_cluster *c = td_cluster_new("quotes");
    td_document a = {.name = "a", .text = long_text, .text_len = strlen(long_text)};
    char *facts_only = strdup(facts);
    assert_non_null(facts_only);
    td_document b = {.name = "b", .text = facts_only, .text_len = strlen(facts_only)};
    assert_int_equal(td_cluster_add(c, &a), TD_OK);
    assert_int_equal(td_cluster_add(c, &b), TD_OK);
    size_t words = 113 + 22; /* the facts and one of the two */
    td_summary *sum = summarize_raw(c, TD_METHOD_CONCEPTS, words);
    assert_int_equal(sum->n_sentences, 6);
    assert_string_equal(sum->sentences[5].text, quote);
    td_summary_free(sum);
    sum = summarize_raw(c, TD_METHOD_ILP, words);
    assert_int_equal(sum->n_sentences, 6);
    assert_string_equal(sum->sentences[5].text, covering);
    td_summary_free(sum);
    td_cluster_free(c);

    /* the first fact and one of the two: 27 words told, the covering sentence wins */
    sprintf(long_text, "%.*s %s %s", 153, facts, covering, quote);
    c = td_cluster_new("quotes, short");
    a.text_len = strlen(long_text);
    assert_int_equal(td_cluster_add(c, &a), TD_OK);
    sum = summarize_raw(c, TD_METHOD_CONCEPTS, 27 + 22);
    assert_int_equal(sum->n_sentences, 2);
    assert_string_equal(sum->sentences[1].text, covering);
    td_summary_free(sum);
    td_cluster_free(c);
    free(long_text);
    free(facts_only);
}

/* Words of a span and its bytes once white space is collapsed, one byte at a time: what the model's
 * counts must be. */
static void count_words(const char *text, td_span sp, uint32_t *words, uint32_t *bytes)
{
    uint32_t w = 0, b = 0;
    bool in_word = false;
    for (size_t i = sp.start; i < sp.end;) {
        size_t space = text_space_len(text, sp.end, i);
        if (space) {
            in_word = false;
            i += space;
            continue;
        }
        w += !in_word;
        in_word = true;
        b++;
        i++;
    }
    *words = w;
    *bytes = b + (w ? w - 1 : 0);
}

/* Words and bytes are counted eight ASCII bytes at a time, and chunk by chunk as the model reads
 * the words: white space of every kind (tab, line feed, vertical tab, form feed, carriage return,
 * no-break and other Unicode spaces) and control characters that are not white space (inside a
 * word, or between two), at every offset, count as the bytes one at a time would. */
static void test_words_and_bytes_under_any_white_space(void **state)
{
    (void)state;
    static const char *const gaps[] = {" ", "\t", "\n", "\v", "\f", "\r\n", "  \t ", "\xc2\xa0", "\xe2\x80\x83",
                                       " \xe3\x80\x80 ", " \x7f ", "\x1f"};
    static const char *const words[] = {"Harbour", "bridge", "reopened", "on", "Tuesday", "after", "engineers",
                                        "\x01fixed", "cables", "na\xc3\xafve", "x", "inspections", "ended", "early",
                                        "quay\x7fside", "\xc2\xa0", "long\xc2\xa0stretch\xe2\x80\x83of\xc2\xa0pier",
                                        "\xe2\x80\x9cquoted\xe2\x80\x9d", "caf\xc3\xa9\xe2\x80\xaf" "bar",
                                        "\xe2\x80\x98Z\xc3\xbcrich\xe2\x80\x99s\xe2\x80\x99"};
    enum { N_GAPS = sizeof gaps / sizeof *gaps, N_WORDS = sizeof words / sizeof *words };
    buf text = {0};
    for (size_t sent = 0; sent < 24; sent++) {
        for (size_t w = 0; w < N_WORDS; w++) {
            if (w) assert_true(buf_puts(&text, gaps[(sent * 7 + w * (sent % 5 + 1)) % N_GAPS]));
            assert_true(buf_puts(&text, words[(w + sent) % N_WORDS]));
        }
        assert_true(buf_puts(&text, ".\n\n"));
    }
    td_cluster *c = td_cluster_new("spaces");
    td_document d = {.name = "odd spaces", .text = text.data, .text_len = text.len};
    assert_int_equal(td_cluster_add(c, &d), TD_OK);
    model m;
    lexicon *lx = build_model(c, &m);
    assert_true(m.sents.len >= 12);
    for (size_t i = 0; i < m.sents.len; i++) {
        const sentence *s = &m.sents.items[i];
        uint32_t words_want, bytes_want;
        count_words(text.data, s->span, &words_want, &bytes_want);
        assert_int_equal(s->words, words_want);
        assert_int_equal(s->bytes, bytes_want);
    }
    model_free(&m);
    lexicon_free(lx);
    td_summary *sum = summarize(c, TD_METHOD_LEAD, 0, 0, 24);
    assert_true(sum->n_sentences >= 12); /* a line break may end a sentence early, or a gap start one */
    check_summary(c, sum, 0, 0, 24);
    td_summary_free(sum);
    td_cluster_free(c);
    buf_free(&text);
}

/* The walk over the dense matrix, as the ranks were first computed: the sparse walk of graph_rank
 * must give the very same bits. */
static void dense_rank(const double *w, size_t n, double damping, double *rank)
{
    double row_sum[64], next[64];
    for (size_t i = 0; i < n; i++) {
        row_sum[i] = 0;
        for (size_t j = 0; j < n; j++) row_sum[i] += w[i * n + j];
        rank[i] = 1.0 / (double)n;
    }
    for (int it = 0; it < 200; it++) {
        double dangling = 0, delta = 0;
        for (size_t i = 0; i < n; i++)
            if (row_sum[i] <= 0) dangling += rank[i];
        for (size_t j = 0; j < n; j++) next[j] = (1 - damping) / (double)n + damping * dangling / (double)n;
        for (size_t i = 0; i < n; i++) {
            if (row_sum[i] <= 0) continue;
            double share = damping * rank[i] / row_sum[i];
            for (size_t j = 0; j < n; j++) next[j] += share * w[i * n + j];
        }
        for (size_t i = 0; i < n; i++) {
            delta += fabs(next[i] - rank[i]);
            rank[i] = next[i];
        }
        if (delta < 1e-7) break;
    }
}

static void test_sparse_walk_ranks_as_the_dense_one(void **state)
{
    (void)state;
    enum { N = 64 };
    static double w[N * N];
    double sparse_ranks[N], dense_ranks[N];
    uint32_t x = 12345; /* a fixed pseudo-random graph: about one edge in eight, some rows empty */
    for (size_t i = 0; i < N; i++) {
        for (size_t j = i + 1; j < N; j++) {
            x = x * 1103515245u + 12345u;
            double v = (x >> 16) % 8 == 0 && i % 9 != 4 && j % 9 != 4 ? 0.1 + (double)((x >> 8) % 97) / 31.0 : 0;
            w[i * N + j] = w[j * N + i] = v;
        }
    }
    assert_true(graph_rank(w, N, 0.85, sparse_ranks));
    dense_rank(w, N, 0.85, dense_ranks);
    assert_memory_equal(sparse_ranks, dense_ranks, sizeof dense_ranks);
    for (size_t k = 0; k < N * N; k++) w[k] = w[k] != 0; /* LexRank's 0/1 graph */
    assert_true(graph_rank(w, N, 0.85, sparse_ranks));
    dense_rank(w, N, 0.85, dense_ranks);
    assert_memory_equal(sparse_ranks, dense_ranks, sizeof dense_ranks);
    assert_true(sparse_ranks[4] < sparse_ranks[0]); /* an article without edges ranks low */
}

/* The graphs of LexRank and TextRank from all pairs, as they were first built (every pair by
 * sentence_cosine or sentence_shared, an n×n matrix): the scores of the methods, which visit only
 * pairs sharing a term and walk the edges, are the same bits. */
static void test_graph_methods_score_as_all_pairs(void **state)
{
    (void)state;
    td_cluster *c = read_story("examples/harbour-bridge");
    model m;
    lexicon *lx = build_model(c, &m);
    size_t n = m.sents.len;
    assert_true(n > 20);
    double *isf = term_isf(&m), *lex = calloc(n * n, sizeof *lex), *text = calloc(n * n, sizeof *text);
    double *want = malloc(n * sizeof *want), *got = malloc(n * sizeof *got);
    size_t edges = 0;
    for (size_t i = 0; i < n; i++) {
        const sentence *a = &m.sents.items[i];
        for (size_t j = i + 1; j < n; j++) {
            const sentence *b = &m.sents.items[j];
            if (sentence_cosine(&m, a, b, isf) >= 0.1) lex[i * n + j] = lex[j * n + i] = 1, edges++;
            if (a->n_terms < 2 || b->n_terms < 2) continue;
            double norm = log((double)a->n_terms) + log((double)b->n_terms);
            text[i * n + j] = text[j * n + i] = (double)sentence_shared(&m, a, b, NULL, NULL) / norm;
        }
    }
    assert_true(edges > n / 2);
    budget limit = {.words = 100};
    index_list chosen = {0};
    assert_true(graph_rank(lex, n, 0.85, want));
    assert_true(method_lexrank(&m, &limit, got, &chosen));
    assert_memory_equal(got, want, n * sizeof *want);
    assert_true(chosen.len > 0);
    chosen.len = 0;
    assert_true(graph_rank(text, n, 0.85, want));
    assert_true(method_textrank(&m, &limit, got, &chosen));
    assert_memory_equal(got, want, n * sizeof *want);
    assert_true(chosen.len > 0);
    vec_free(&chosen);
    free(isf);
    free(lex);
    free(text);
    free(want);
    free(got);
    model_free(&m);
    lexicon_free(lx);
    td_cluster_free(c);
}

static void test_options_are_checked(void **state)
{
    (void)state;
    td_summary_opts o;
    td_summary_opts_defaults(&o);
    o.max_words = 0;
    td_error err = {0};
    assert_null(td_summarizer_new(&o, &err));
    assert_int_equal(err.code, TD_ERR_USAGE);
    td_method m;
    assert_true(td_method_parse("lexrank", &m));
    assert_int_equal(m, TD_METHOD_LEXRANK);
    assert_false(td_method_parse("magic", &m));
    assert_string_equal(td_method_name(TD_METHOD_TEXTRANK), "textrank");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_method_keeps_every_budget),
        cmocka_unit_test(test_summary_is_in_reading_order),
        cmocka_unit_test(test_lead_takes_each_article_first_sentence),
        cmocka_unit_test(test_sources_are_every_article_that_reports_it),
        cmocka_unit_test(test_model_terms_and_concepts_are_the_tokens),
        cmocka_unit_test(test_sony_quote_is_attributed_to_both_outlets),
        cmocka_unit_test(test_one_summarizer_serves_many_clusters),
        cmocka_unit_test(test_summaries_survive_a_forgotten_lexicon),
        cmocka_unit_test(test_text_without_concepts),
        cmocka_unit_test(test_ilp_covers_more_than_the_greedy),
        cmocka_unit_test(test_ilp_keeps_the_budget_and_falls_back),
        cmocka_unit_test(test_datelines_are_skipped),
        cmocka_unit_test(test_summary_sentences_leave_the_dateline_out),
        cmocka_unit_test(test_compressed_sentence_in_a_summary),
        cmocka_unit_test(test_shared_terms_outweigh_position),
        cmocka_unit_test(test_quotes_gain_after_the_facts),
        cmocka_unit_test(test_words_and_bytes_under_any_white_space),
        cmocka_unit_test(test_sparse_walk_ranks_as_the_dense_one),
        cmocka_unit_test(test_graph_methods_score_as_all_pairs),
        cmocka_unit_test(test_options_are_checked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* compare.c — td_compare: builds the model of a cluster and its quotes, then runs the steps that
 * find content units, disagreements and dates; and the helpers those steps share. */
#include "compare/compare.h"

#include <stdlib.h>
#include <string.h>

#include "common/error.h"

const char *td_disagreement_kind_name(td_disagreement_kind kind)
{
    switch (kind) {
    case TD_DISAGREE_AMOUNT: return "amount";
    case TD_DISAGREE_SPEAKER: return "speaker";
    case TD_DISAGREE_STANCE: return "stance";
    }
    return "unknown";
}

size_t compare_distinct_terms(const model *m, const sentence *s)
{
    const uint32_t *t = sentence_terms(m, s);
    size_t n = 0;
    for (size_t i = 0; i < s->n_terms; i++) n += i == 0 || t[i] != t[i - 1];
    return n;
}

size_t compare_shared_terms(const model *m, const sentence *a, const sentence *b)
{
    const uint32_t *x = sentence_terms(m, a), *y = sentence_terms(m, b);
    size_t i = 0, j = 0, shared = 0;
    while (i < a->n_terms && j < b->n_terms) {
        if (x[i] < y[j]) i++;
        else if (x[i] > y[j]) j++;
        else {
            uint32_t t = x[i];
            shared++;
            while (i < a->n_terms && x[i] == t) i++;
            while (j < b->n_terms && y[j] == t) j++;
        }
    }
    return shared;
}

const sentence *compare_sentence_at(const model *m, size_t doc, size_t at)
{
    for (size_t i = 0; i < m->sents.len; i++) {
        const sentence *s = &m->sents.items[i];
        if (s->doc == doc && s->span.start <= at && at < s->span.end) return s;
    }
    return NULL;
}

bool compare_claim_span(compare_ctx *cx, size_t doc, td_span span, const char *value, td_claim *out)
{
    char *text = td_sentence_text(cx->cluster->docs[doc].text, span);
    if (!text) return false;
    out->doc = doc;
    out->span = span;
    out->text = arena_strdup(cx->pool, text);
    out->value = value ? arena_strdup(cx->pool, value) : NULL;
    free(text);
    return out->text && (!value || out->value);
}

bool compare_claim(compare_ctx *cx, const sentence *s, const char *value, size_t value_len, td_claim *out)
{
    char *v = value ? arena_strndup(cx->pool, value, value_len) : NULL;
    if (value && !v) return false;
    if (!compare_claim_span(cx, s->doc, s->span, NULL, out)) return false;
    out->value = v;
    return true;
}

static int claim_order(const void *a, const void *b)
{
    const td_claim *x = a, *y = b;
    if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
    return x->span.start < y->span.start ? -1 : x->span.start > y->span.start;
}

bool compare_add_disagreement(compare_ctx *cx, td_disagreement_kind kind, const char *about, td_claim *claims,
                              size_t n_claims)
{
    td_disagreement d = {.kind = kind, .n_claims = n_claims};
    d.about = arena_strdup(cx->pool, about);
    d.claims = arena_alloc(cx->pool, n_claims * sizeof *d.claims);
    if (!d.about || !d.claims) return false;
    memcpy(d.claims, claims, n_claims * sizeof *claims);
    qsort(d.claims, n_claims, sizeof *d.claims, claim_order);
    return vec_push(&cx->found, d);
}

/* The quotes of every article and their groups across articles. */
static td_status find_quotes(compare_ctx *cx, td_error *err)
{
    td_comparison *out = cx->out;
    out->quotes = arena_alloc(cx->pool, (out->n_docs ? out->n_docs : 1) * sizeof *out->quotes);
    if (!out->quotes) return error_nomem(err);
    for (size_t d = 0; d < out->n_docs; d++) {
        out->quotes[d] = td_find_quotes(cx->cluster->docs[d].text, cx->cluster->docs[d].text_len, err);
        if (!out->quotes[d]) return error_nomem(err); /* the only way it fails */
    }
    out->quote_groups = td_group_quotes((const td_quotes *const *)out->quotes, out->n_docs, err);
    return out->quote_groups ? TD_OK : error_nomem(err);
}

/* The sentences the cleaner kept of each article, for readers of the comparison. */
static td_status keep_sentences(compare_ctx *cx, td_error *err)
{
    td_comparison *out = cx->out;
    size_t n = out->n_docs ? out->n_docs : 1;
    out->sentences = arena_alloc(cx->pool, n * sizeof *out->sentences);
    out->n_sentences = arena_alloc(cx->pool, n * sizeof *out->n_sentences);
    if (!out->sentences || !out->n_sentences) return error_nomem(err);
    memset(out->n_sentences, 0, n * sizeof *out->n_sentences);
    for (size_t i = 0; i < cx->m.sents.len; i++) out->n_sentences[cx->m.sents.items[i].doc]++;
    for (size_t d = 0; d < out->n_docs; d++) {
        out->sentences[d] = arena_alloc(cx->pool, (out->n_sentences[d] ? out->n_sentences[d] : 1) * sizeof(td_span));
        if (!out->sentences[d]) return error_nomem(err);
        out->n_sentences[d] = 0;
    }
    for (size_t i = 0; i < cx->m.sents.len; i++) {
        const sentence *s = &cx->m.sents.items[i];
        out->sentences[s->doc][out->n_sentences[s->doc]++] = s->span;
    }
    return TD_OK;
}

/* Marks the units that hold a claim of a disagreement about an amount: what they stand for is disputed. */
static void mark_disputed(compare_ctx *cx)
{
    td_comparison *out = cx->out;
    for (size_t i = 0; i < cx->found.len; i++) {
        const td_disagreement *d = &cx->found.items[i];
        if (d->kind != TD_DISAGREE_AMOUNT) continue;
        for (size_t k = 0; k < d->n_claims; k++)
            for (size_t u = 0; u < out->n_units; u++)
                for (size_t j = 0; j < out->units[u].n_members; j++)
                    if (out->units[u].members[j].doc == d->claims[k].doc &&
                        out->units[u].members[j].span.start == d->claims[k].span.start)
                        out->units[u].disputed = true;
    }
}

td_comparison *td_compare(const td_cluster *cluster, td_error *err)
{
    compare_ctx cx = {.cluster = cluster};
    td_comparison *out = calloc(1, sizeof *out);
    arena *pool = malloc(sizeof *pool);
    cx.lx = lexicon_new();
    if (!out || !pool || !cx.lx) {
        free(out);
        free(pool);
        lexicon_free(cx.lx);
        error_nomem(err);
        return NULL;
    }
    arena_init(pool);
    out->pool_ = pool;
    out->n_docs = cluster->n_docs;
    cx.pool = pool;
    cx.out = out;
    td_status st = model_build(&cx.m, cx.lx, cluster, err);
    if (st == TD_OK) st = find_quotes(&cx, err);
    if (st == TD_OK) st = keep_sentences(&cx, err);
    if (st == TD_OK) st = units_find(&cx, err);
    if (st == TD_OK) st = amounts_compare(&cx, err);
    if (st == TD_OK) st = stances_compare(&cx, err);
    if (st == TD_OK) st = attributions_compare(&cx, err);
    if (st == TD_OK) mark_disputed(&cx);
    if (st == TD_OK && cx.found.len) {
        out->disagreements = arena_alloc(pool, cx.found.len * sizeof *out->disagreements);
        if (!out->disagreements) st = error_nomem(err);
        else {
            memcpy(out->disagreements, cx.found.items, cx.found.len * sizeof *out->disagreements);
            out->n_disagreements = cx.found.len;
        }
    }
    vec_free(&cx.found);
    model_free(&cx.m);
    lexicon_free(cx.lx);
    if (st != TD_OK) {
        td_comparison_free(out);
        return NULL;
    }
    return out;
}

void td_comparison_free(td_comparison *cmp)
{
    if (!cmp) return;
    if (cmp->quotes)
        for (size_t d = 0; d < cmp->n_docs; d++) td_quotes_free(cmp->quotes[d]);
    td_quote_groups_free(cmp->quote_groups);
    arena_free(cmp->pool_);
    free(cmp->pool_);
    free(cmp);
}

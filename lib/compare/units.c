/* units.c — content units: the sentences of different articles that say the same thing, found by
 * near-same matching on the summary model's content terms and bigram concepts. Each sentence joins
 * the unit whose member it resembles most, or starts a unit of its own. */
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "compare/compare.h"

static const double TERM_SHARE = 0.5;    /* shared distinct terms over the smaller sentence's */
static const double CONCEPT_SHARE = 0.25; /* shared bigram concepts over the smaller sentence's */
enum { MIN_SHARED_TERMS = 3 };

static size_t shared_concepts(const model *m, const sentence *a, const sentence *b)
{
    const uint32_t *x = sentence_concepts(m, a), *y = sentence_concepts(m, b);
    size_t n = 0;
    for (size_t i = 0; i < a->n_concepts; i++)
        for (size_t j = 0; j < b->n_concepts; j++) n += x[i] == y[j];
    return n;
}

/* How much a and b say the same thing, from 0 (not at all) to 1; 0 below the thresholds. */
static double sameness(const model *m, const sentence *a, const sentence *b, const size_t *distinct)
{
    size_t da = distinct[a - m->sents.items], db = distinct[b - m->sents.items];
    size_t small = da < db ? da : db;
    size_t shared = compare_shared_terms(m, a, b);
    if (shared < MIN_SHARED_TERMS || (double)shared < TERM_SHARE * (double)small) return 0;
    size_t small_c = a->n_concepts < b->n_concepts ? a->n_concepts : b->n_concepts;
    if ((double)shared_concepts(m, a, b) < CONCEPT_SHARE * (double)small_c) return 0;
    return (double)shared / (double)(da > db ? da : db);
}

typedef struct unit_build {
    VEC(uint32_t) members; /* sentence indexes */
    size_t n_sources;
} unit_build;

static int by_support(const void *a, const void *b)
{
    const td_unit *x = a, *y = b;
    if (x->n_sources != y->n_sources) return x->n_sources > y->n_sources ? -1 : 1;
    if (x->first.doc != y->first.doc) return x->first.doc < y->first.doc ? -1 : 1;
    return x->first.span.start < y->first.span.start ? -1 : x->first.span.start > y->first.span.start;
}

/* Copies the units out into the comparison, most sources first. */
static td_status publish(compare_ctx *cx, unit_build *b, size_t n, td_error *err)
{
    const model *m = &cx->m;
    td_comparison *out = cx->out;
    out->units = arena_alloc(cx->pool, (n ? n : 1) * sizeof *out->units);
    if (!out->units) return error_nomem(err);
    for (size_t u = 0; u < n; u++) {
        td_unit *t = &out->units[u];
        const sentence *first = &m->sents.items[b[u].members.items[0]];
        t->sources = arena_alloc(cx->pool, b[u].members.len * sizeof *t->sources);
        t->members = arena_alloc(cx->pool, b[u].members.len * sizeof *t->members);
        if (!t->sources || !t->members || !compare_claim(cx, first, NULL, 0, &t->first)) return error_nomem(err);
        t->n_members = b[u].members.len;
        for (size_t i = 0; i < b[u].members.len; i++) {
            if (!compare_claim(cx, &m->sents.items[b[u].members.items[i]], NULL, 0, &t->members[i])) return error_nomem(err);
            size_t doc = m->sents.items[b[u].members.items[i]].doc;
            size_t k = t->n_sources;
            while (k > 0 && t->sources[k - 1] > doc) k--;
            if (k > 0 && t->sources[k - 1] == doc) continue;
            memmove(t->sources + k + 1, t->sources + k, (t->n_sources - k) * sizeof *t->sources);
            t->sources[k] = doc;
            t->n_sources++;
        }
    }
    qsort(out->units, n, sizeof *out->units, by_support);
    out->n_units = n;
    for (size_t u = 0; u < n; u++) {
        size_t s = out->units[u].n_sources;
        if (s >= 2 && 2 * s > out->n_docs) out->n_consensus++;
        if (s == 1) out->n_unique++;
    }
    return TD_OK;
}

td_status units_find(compare_ctx *cx, td_error *err)
{
    const model *m = &cx->m;
    size_t n = m->sents.len;
    size_t *distinct = malloc((n ? n : 1) * sizeof *distinct);
    uint32_t *unit_of = malloc((n ? n : 1) * sizeof *unit_of);
    VEC(unit_build) units = {0};
    td_status st = distinct && unit_of ? TD_OK : error_nomem(err);
    for (size_t i = 0; st == TD_OK && i < n; i++) distinct[i] = compare_distinct_terms(m, &m->sents.items[i]);
    for (size_t i = 0; st == TD_OK && i < n; i++) {
        const sentence *s = &m->sents.items[i];
        unit_of[i] = UINT32_MAX;
        if (!s->usable) continue;
        double best = 0;
        for (size_t j = 0; j < i; j++) {
            const sentence *t = &m->sents.items[j];
            if (unit_of[j] == UINT32_MAX || t->doc == s->doc) continue;
            double x = sameness(m, s, t, distinct);
            if (x > best) {
                best = x;
                unit_of[i] = unit_of[j];
            }
        }
        if (unit_of[i] == UINT32_MAX) {
            unit_build fresh = {0};
            if (!vec_push(&units, fresh)) st = error_nomem(err);
            else unit_of[i] = (uint32_t)(units.len - 1);
        }
        if (st == TD_OK && !vec_push(&units.items[unit_of[i]].members, (uint32_t)i)) st = error_nomem(err);
    }
    if (st == TD_OK) st = publish(cx, units.items, units.len, err);
    for (size_t u = 0; u < units.len; u++) vec_free(&units.items[u].members);
    vec_free(&units);
    free(distinct);
    free(unit_of);
    return st;
}

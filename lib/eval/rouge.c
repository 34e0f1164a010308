/* rouge.c — the ROUGE scorer: scores one system summary ("peer") against its references ("models")
 * on every measure the options ask for, pooling the references as ROUGE-1.5.5.pl does (-f A: hits
 * and counts summed over the references, the peer counted once per reference; -f B: the counts of
 * the reference with the best recall) and rounding as it does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "eval/rouge.h"

struct td_rouge_scorer {
    td_rouge_opts opts;
    td_rouge_measure *measures; /* what is computed, in output order */
    size_t n_measures;
    rouge_exceptions exceptions; /* WordNet's irregular forms, read when stemming (-m) */
    rouge_lexicon lx;
    rouge_doc peer;
    rouge_doc *models; /* read references, reused between calls */
    size_t models_cap;
    rouge_gram_table table;
    rouge_ids peer_pairs; /* skip-bigrams of the peer and of one model */
    rouge_ids model_pairs;
    rouge_lcs_work lcs;
};

double rouge_round5(double x)
{
    char s[64];
    snprintf(s, sizeof s, "%7.5f", x);
    return strtod(s, NULL);
}

td_rouge_scorer *td_rouge_scorer_new(const td_rouge_opts *opts, td_error *err)
{
    if (rouge_opts_check(opts, err)) return NULL;
    td_rouge_scorer *s = calloc(1, sizeof *s);
    if (s) s->measures = calloc((size_t)opts->max_n + 2, sizeof *s->measures);
    if (!s || !s->measures) {
        free(s);
        error_nomem(err);
        return NULL;
    }
    s->opts = *opts;
    s->opts.wordnet_dir = NULL; /* only read here: the caller's string need not outlive the scorer */
    s->n_measures = rouge_list_measures(opts, s->measures);
    rouge_exceptions_init(&s->exceptions);
    rouge_lexicon_init(&s->lx, opts->stem ? &s->exceptions : NULL, opts->remove_stopwords);
    if (opts->stem && rouge_exceptions_load(&s->exceptions, opts->wordnet_dir, err)) {
        td_rouge_scorer_free(s);
        return NULL;
    }
    return s;
}

size_t td_rouge_scorer_measures(const td_rouge_scorer *s, const td_rouge_measure **measures)
{
    if (measures) *measures = s->measures;
    return s->n_measures;
}

void td_rouge_scorer_free(td_rouge_scorer *s)
{
    if (!s) return;
    for (size_t i = 0; i < s->models_cap; i++) rouge_doc_free(&s->models[i]);
    free(s->models);
    rouge_doc_free(&s->peer);
    rouge_lexicon_free(&s->lx);
    rouge_exceptions_free(&s->exceptions);
    rouge_grams_free(&s->table);
    vec_free(&s->peer_pairs);
    vec_free(&s->model_pairs);
    rouge_lcs_free(&s->lcs);
    free(s->measures);
    free(s);
}

/* Hits and counts pooled over the references. */
typedef struct pool {
    size_t hits, model, peer;
    double best; /* -f B: recall of the reference kept so far */
} pool;

/* Adds one reference's result; score is what -f B compares (ROUGE-N/S: the recall rounded to 5
 * decimals, ROUGE-L: unrounded). */
static void pool_add(pool *p, bool best_model, size_t hits, size_t model, size_t peer, double score)
{
    if (!best_model) {
        p->hits += hits;
        p->model += model;
        p->peer += peer;
    } else if (score > p->best) {
        *p = (pool){hits, model, peer, score};
    }
}

static td_rouge_score finish(const pool *p, double alpha)
{
    td_rouge_score r = {0};
    r.hits = p->hits;
    r.model_count = p->model;
    r.peer_count = p->peer;
    r.recall = rouge_round5(p->model ? (double)p->hits / (double)p->model : 0);
    r.precision = rouge_round5(p->peer ? (double)p->hits / (double)p->peer : 0);
    double d = (1 - alpha) * r.precision + alpha * r.recall;
    r.f = rouge_round5(d > 0 ? (r.precision * r.recall) / d : 0);
    return r;
}

/* ROUGE-N or ROUGE-S of the peer against the n references. */
static bool score_grams(td_rouge_scorer *s, const td_rouge_measure *m, size_t n, td_rouge_score *out)
{
    const td_rouge_opts *o = &s->opts;
    rouge_grams pg;
    if (m->kind == TD_ROUGE_N) pg = rouge_ngrams(s->peer.words.items, s->peer.words.len, (size_t)m->n);
    else if (!rouge_skip_bigrams(s->peer.words.items, s->peer.words.len, m->n, o->skip_unigrams, &s->peer_pairs, &pg))
        return false;
    if (!rouge_grams_load(&s->table, &pg)) return false;
    pool p = {0, 0, 0, -1};
    for (size_t i = 0; i < n; i++) {
        const rouge_doc *d = &s->models[i];
        rouge_grams mg;
        if (m->kind == TD_ROUGE_N) mg = rouge_ngrams(d->words.items, d->words.len, (size_t)m->n);
        else if (!rouge_skip_bigrams(d->words.items, d->words.len, m->n, o->skip_unigrams, &s->model_pairs, &mg))
            return false;
        size_t hits = rouge_grams_hits(&s->table, &mg);
        double score = mg.count ? rouge_round5((double)hits / (double)mg.count) : 0;
        pool_add(&p, o->best_model, hits, mg.count, pg.count, score);
    }
    *out = finish(&p, o->alpha);
    return true;
}

/* ROUGE-L: the peer is counted by its (length-limited) words. */
static bool score_lcs(td_rouge_scorer *s, size_t n, td_rouge_score *out)
{
    pool p = {0, 0, 0, -1};
    for (size_t i = 0; i < n; i++) {
        size_t hits, base;
        if (!rouge_lcs_hits(&s->lcs, &s->models[i], &s->peer, s->lx.terms.len, &hits, &base)) return false;
        double score = base ? (double)hits / (double)base : 0;
        pool_add(&p, s->opts.best_model, hits, base, s->peer.words.len, score);
    }
    *out = finish(&p, s->opts.alpha);
    return true;
}

td_status td_rouge_score_texts(td_rouge_scorer *s, const char *system, size_t system_len,
                               const char *const *refs, const size_t *ref_lens, size_t n_refs,
                               td_rouge_score *scores, td_error *err)
{
    if (n_refs == 0) return error_set(err, TD_ERR_USAGE, "ROUGE needs at least one reference summary");
    if (n_refs > s->models_cap) {
        rouge_doc *m = realloc(s->models, n_refs * sizeof *m);
        if (!m) return error_nomem(err);
        memset(m + s->models_cap, 0, (n_refs - s->models_cap) * sizeof *m);
        s->models = m;
        s->models_cap = n_refs;
    }
    const td_rouge_opts *o = &s->opts;
    if (!rouge_doc_read(&s->peer, &s->lx, system, system_len, o->word_limit, o->byte_limit))
        return error_nomem(err);
    for (size_t i = 0; i < n_refs; i++)
        if (!rouge_doc_read(&s->models[i], &s->lx, refs[i], ref_lens[i], o->word_limit, o->byte_limit))
            return error_nomem(err);
    for (size_t k = 0; k < s->n_measures; k++) {
        const td_rouge_measure *m = &s->measures[k];
        bool ok = m->kind == TD_ROUGE_L ? score_lcs(s, n_refs, &scores[k]) : score_grams(s, m, n_refs, &scores[k]);
        if (!ok) return error_nomem(err);
    }
    return TD_OK;
}

/* summarizer.c — the public summary API: options, methods by name, running a method on a cluster
 * under the budget, reading order, sources of each sentence. */
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "summary/attribution.h"
#include "summary/compress.h"
#include "summary/methods.h"
#include "text/text.h"

struct td_summarizer {
    td_summary_opts opts; /* as given, checked */
    lexicon *lx;          /* stems and word classes, kept across clusters */
    model m;              /* the current cluster's model, memory reused */
};

static const struct {
    const char *name;
    td_method method;
    method_fn run;
} methods[] = {
    {"concepts", TD_METHOD_CONCEPTS, method_concepts}, {"lead", TD_METHOD_LEAD, method_lead},
    {"centroid", TD_METHOD_CENTROID, method_centroid}, {"lexrank", TD_METHOD_LEXRANK, method_lexrank},
    {"textrank", TD_METHOD_TEXTRANK, method_textrank}, {"ilp", TD_METHOD_ILP, method_ilp},
};
enum { N_METHODS = sizeof methods / sizeof methods[0] };

bool td_method_parse(const char *name, td_method *out)
{
    for (size_t i = 0; i < N_METHODS; i++) {
        if (!strcmp(name, methods[i].name)) {
            *out = methods[i].method;
            return true;
        }
    }
    return false;
}

const char *td_method_name(td_method method)
{
    for (size_t i = 0; i < N_METHODS; i++)
        if (methods[i].method == method) return methods[i].name;
    return "unknown";
}

void td_summary_opts_defaults(td_summary_opts *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->method = TD_METHOD_CONCEPTS;
    opts->max_words = 250;
}

td_summarizer *td_summarizer_new(const td_summary_opts *opts, td_error *err)
{
    if ((unsigned)opts->method >= N_METHODS) {
        error_set(err, TD_ERR_USAGE, "unknown summary method %d", (int)opts->method);
        return NULL;
    }
    if (!opts->max_words && !opts->max_bytes && !opts->max_sentences) {
        error_set(err, TD_ERR_USAGE, "a length budget (words, bytes or sentences) is required");
        return NULL;
    }
    td_summarizer *s = calloc(1, sizeof *s);
    if (!s || !(s->lx = lexicon_new())) {
        free(s);
        error_nomem(err);
        return NULL;
    }
    s->opts = *opts;
    s->m.no_clean = opts->no_clean;
    /* compressed variants for the greedy default; the exact program and the baselines take whole sentences */
    s->m.compress = opts->method == TD_METHOD_CONCEPTS && !opts->no_compress ? COMPRESS_ALL : 0;
    return s;
}

void td_summarizer_free(td_summarizer *s)
{
    if (!s) return;
    lexicon_free(s->lx);
    model_free(&s->m);
    free(s);
}

/* Reading order: position in the source, then the article's date when known, then input order. */
typedef struct reading_key {
    uint32_t index;   /* position in its article */
    uint32_t doc;     /* article */
    const char *date; /* the article's date or NULL */
    uint32_t sent;    /* the sentence in the model */
} reading_key;

static int cmp_reading(const void *a, const void *b)
{
    const reading_key *x = a, *y = b;
    if (x->index != y->index) return x->index < y->index ? -1 : 1;
    if (x->date && y->date) {
        int c = strcmp(x->date, y->date);
        if (c) return c;
    }
    return (x->doc > y->doc) - (x->doc < y->doc);
}

static bool reading_order(const model *m, index_list *chosen)
{
    reading_key *keys = malloc((chosen->len ? chosen->len : 1) * sizeof *keys);
    if (!keys) return false;
    for (size_t k = 0; k < chosen->len; k++) {
        const sentence *s = model_sentence(m, chosen->items[k]);
        keys[k] = (reading_key){s->index, s->doc, m->cluster->docs[s->doc].date, chosen->items[k]};
    }
    qsort(keys, chosen->len, sizeof *keys, cmp_reading);
    for (size_t k = 0; k < chosen->len; k++) chosen->items[k] = keys[k].sent;
    free(keys);
    return true;
}

/* The summary of the chosen sentences. A sentence cut from a quotation of several keeps balanced
 * quotation marks (text_balance_quotes): closed when the budget has no byte limit, else dropped so
 * that the byte count never grows past what the method chose. */
static td_summary *build_summary(const model *m, td_method method, const index_list *chosen, const double *score,
                                 const budget *limit)
{
    td_summary *out = calloc(1, sizeof *out);
    if (!out) return NULL;
    out->method = method;
    out->sentences = calloc(chosen->len ? chosen->len : 1, sizeof *out->sentences);
    attribution sources;
    if (!out->sentences || !attribution_init(&sources, m)) {
        free(out->sentences);
        free(out);
        return NULL;
    }
    for (size_t k = 0; k < chosen->len; k++) {
        const sentence *s = model_sentence(m, chosen->items[k]);
        const char *text = m->cluster->docs[s->doc].text;
        td_summary_sentence *o = &out->sentences[out->n_sentences++];
        o->doc = s->doc;
        o->span = s->span;
        o->words = s->words;
        o->score = score[chosen->items[k]];
        if (s->n_kept) {
            compression c = {.n_kept = s->n_kept};
            memcpy(c.kept, m->kept.items + s->kept, s->n_kept * sizeof *c.kept);
            o->text = compress_text(text, &c);
            o->kept = malloc(s->n_kept * sizeof *o->kept);
            if (o->kept) memcpy(o->kept, c.kept, s->n_kept * sizeof *o->kept);
            o->n_kept = o->kept ? s->n_kept : 0;
        } else {
            o->text = td_sentence_text(text, s->span);
        }
        o->sources = attribute_sources(&sources, s, &o->n_sources);
        if (!o->text || !o->sources || (s->n_kept && !o->kept) || !text_balance_quotes(&o->text, !limit->bytes)) {
            attribution_free(&sources);
            td_summary_free(out);
            return NULL;
        }
        out->words += s->words;
        out->bytes += (k ? 1 : 0) + strlen(o->text);
    }
    attribution_free(&sources);
    return out;
}

td_summary *td_summarize(td_summarizer *s, const td_cluster *cluster, td_error *err)
{
    /* a summariser kept for a stream (a server's) would grow with its vocabulary: past the bound
       its lexicon is emptied; the model numbers terms per cluster, so no summary changes */
    if (lexicon_n_terms(s->lx) > LEXICON_TERMS_MAX && !lexicon_forget(s->lx)) return error_nomem(err), NULL;
    if (model_build(&s->m, s->lx, cluster, err) != TD_OK) return NULL;
    const model *m = &s->m;
    budget limit = {s->opts.max_words, s->opts.max_bytes, s->opts.max_sentences};
    double *score = calloc(model_count(m) ? model_count(m) : 1, sizeof *score);
    index_list chosen = {0};
    td_summary *out = NULL;
    if (score && methods[s->opts.method].run(m, &limit, score, &chosen) && reading_order(m, &chosen))
        out = build_summary(m, s->opts.method, &chosen, score, &limit);
    if (!out) error_nomem(err);
    free(score);
    vec_free(&chosen);
    return out;
}

void td_summary_free(td_summary *summary)
{
    if (!summary) return;
    for (size_t i = 0; i < summary->n_sentences; i++) {
        free(summary->sentences[i].text);
        free(summary->sentences[i].sources);
        free(summary->sentences[i].kept);
    }
    free(summary->sentences);
    free(summary);
}

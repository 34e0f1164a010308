/* concepts.c — the default method: choose the sentences that cover the most important bigram
 * concepts per word of budget (in the spirit of Gillick & Favre 2009, solved greedily), and its
 * exact variant `ilp`, which improves the greedy choice with an integer program over the best
 * candidates (coverage_ilp.c).
 * A concept (two adjacent stems, not both stopwords) weighs more the more articles report it and
 * the earlier they do: each article that has it adds 1 + POSITION_BONUS * decay(first position),
 * and the sum is cubed, so that what several outlets agree on outweighs many details told by one. Covering a concept twice earns nothing, which keeps repeats out.
 * The default method also counts single content terms (stems) the same way at a tenth of the
 * weight, so that a sentence that names what the articles name, in other word pairs, gains too.
 * Once the summary has told the facts (QUOTES_AFTER_WORDS words chosen), the default method values
 * quoted speech more: a sentence's value grows with the share of its words inside quotation marks.
 * `ilp` covers concepts only, with no quote rule. */
#include "summary/coverage_ilp.h"
#include "summary/methods.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const double POSITION_BONUS = 1.0;  /* extra weight of a concept in an article's first sentence */
static const double POSITION_DECAY = 4.0;  /* sentences over which that extra weight falls by 1/e */
static const double LENGTH_EXPONENT = 0.6; /* gain per words^x: below 1 so that long sentences can win */
static const double TERM_SHARE = 0.1;      /* a content term weighs this share of a concept of the same support */
static const double QUOTE_BONUS = 2.0;     /* after the facts, a sentence's value times 1 + this * quoted share */
enum {
    QUOTES_AFTER_WORDS = 100, /* words of summary (a lead paragraph) before quoted speech gains */
    QUOTE_MIN_WORDS = 3,      /* shorter quotations ("scare quotes", a name) are not speech */
    ILP_CANDIDATES = 20, /* the exact program chooses among this many best-scored sentences, plus the greedy's */
    ILP_MAX_NODES = 1000, /* branch-and-bound nodes before the best solution so far is taken */
    SMALL = 128           /* positions and lengths below this have their exp and pow worked out once */
};

/* Weight of every concept (terms false) or content term (terms true), from the articles'
 * non-debris sentences: (sum over articles of 1 + bonus at its first position)^3, times scale. */
static double *support_weights(const model *m, bool terms, double scale)
{
    size_t n = terms ? m->n_terms : m->n_concepts;
    double *weight = calloc(n ? n : 1, sizeof *weight);
    uint32_t *last_doc = malloc((n ? n : 1) * sizeof *last_doc);
    if (!weight || !last_doc) {
        free(weight);
        free(last_doc);
        return NULL;
    }
    memset(last_doc, 0xff, (n ? n : 1) * sizeof *last_doc);
    double first_at[SMALL]; /* the bonus of the first positions, worked out once (0: not yet) */
    memset(first_at, 0, sizeof first_at);
    for (size_t i = 0; i < m->sents.len; i++) {
        const sentence *s = &m->sents.items[i];
        if (s->debris) continue;
        double first = s->index < SMALL ? first_at[s->index] : 0;
        if (first == 0) {
            first = 1.0 + POSITION_BONUS * exp(-(double)s->index / POSITION_DECAY);
            if (s->index < SMALL) first_at[s->index] = first;
        }
        const uint32_t *c = terms ? sentence_terms(m, s) : sentence_concepts(m, s);
        size_t n_c = terms ? s->n_terms : s->n_concepts;
        for (size_t k = 0; k < n_c; k++) {
            if (last_doc[c[k]] != s->doc) {
                last_doc[c[k]] = s->doc;
                weight[c[k]] += first;
            }
        }
    }
    free(last_doc);
    for (size_t c = 0; c < n; c++) weight[c] = scale * weight[c] * weight[c] * weight[c];
    return weight;
}

/* What the greedy covers: concepts, and content terms when they weigh. */
typedef struct coverage {
    const double *concept_weight;
    const double *term_weight; /* NULL: terms count nothing */
    bool *concept_covered;
    bool *term_covered;
} coverage;

/* The gain of a sentence while nothing is covered yet: what uncovered_gain gives then, with no
 * look-up of what is covered (the greedy's first pass, over every sentence). */
static double whole_gain(const model *m, const sentence *s, const coverage *cov)
{
    const uint32_t *c = sentence_concepts(m, s);
    double gain = 0;
    for (size_t k = 0; k < s->n_concepts; k++) gain += cov->concept_weight[c[k]];
    if (cov->term_weight) {
        const uint32_t *t = sentence_terms(m, s); /* sorted, repeats kept: each term once */
        for (size_t k = 0; k < s->n_terms; k++)
            if (k == 0 || t[k] != t[k - 1]) gain += cov->term_weight[t[k]];
    }
    return gain;
}

static double uncovered_gain(const model *m, const sentence *s, const coverage *cov)
{
    const uint32_t *c = sentence_concepts(m, s);
    double gain = 0;
    for (size_t k = 0; k < s->n_concepts; k++)
        if (!cov->concept_covered[c[k]]) gain += cov->concept_weight[c[k]];
    if (cov->term_weight) {
        const uint32_t *t = sentence_terms(m, s); /* sorted, repeats kept: each term once */
        for (size_t k = 0; k < s->n_terms; k++)
            if (!cov->term_covered[t[k]] && (k == 0 || t[k] != t[k - 1])) gain += cov->term_weight[t[k]];
    }
    return gain;
}

static void cover(const model *m, const sentence *s, coverage *cov)
{
    const uint32_t *c = sentence_concepts(m, s);
    for (size_t k = 0; k < s->n_concepts; k++) cov->concept_covered[c[k]] = true;
    const uint32_t *t = sentence_terms(m, s);
    for (size_t k = 0; k < s->n_terms; k++) cov->term_covered[t[k]] = true;
}

/* 1 + QUOTE_BONUS times the share of the sentence's words that it quotes. A variant's quotations
 * are its full sentence's (compression never cuts into one), over the variant's own words. */
static double quote_factor(const model *m, const sentence *s)
{
    const char *text = m->cluster->docs[s->doc].text + s->span.start;
    size_t quoted = text_quoted_words(text, s->span.end - s->span.start, QUOTE_MIN_WORDS);
    if (quoted > s->words) quoted = s->words;
    return s->words ? 1.0 + QUOTE_BONUS * (double)quoted / s->words : 1.0;
}

/* The lazy greedy's candidates: a binary heap of sentence indexes, the highest key first and, among
 * equal keys, the lowest index, which is the sentence a scan in model order takes first. */
typedef struct queue {
    uint32_t *at;      /* the heap */
    size_t len;
    const double *key; /* by sentence index */
} queue;

static inline bool queue_before(const queue *q, uint32_t a, uint32_t b)
{
    return q->key[a] > q->key[b] || (q->key[a] == q->key[b] && a < b);
}

static void queue_sift_down(queue *q, size_t i)
{
    uint32_t x = q->at[i];
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= q->len) break;
        if (c + 1 < q->len && queue_before(q, q->at[c + 1], q->at[c])) c++;
        if (!queue_before(q, q->at[c], x)) break;
        q->at[i] = q->at[c];
        i = c;
    }
    q->at[i] = x;
}

static void queue_heapify(queue *q)
{
    for (size_t i = q->len / 2; i-- > 0;) queue_sift_down(q, i);
}

/* Takes the top off (the queue is not empty). */
static void queue_pop(queue *q)
{
    q->at[0] = q->at[--q->len];
    if (q->len) queue_sift_down(q, 0);
}

/* The top's key changed (it fell): moves it down to its place. */
static void queue_fell(queue *q) { queue_sift_down(q, 0); }

/* The greedy choice under the concept weights, among sentences and their compressed variants (one
 * form of each at most); score[i] gets each one's first value. With quotes, quoted speech gains
 * once QUOTES_AFTER_WORDS words are chosen (quote_factor). */
static bool choose_greedily(const model *m, const budget *limit, const double *weight, const double *term_weight,
                            bool quotes, double *score, index_list *chosen)
{
    size_t n = model_count(m); /* sentences and their compressed variants */
    coverage cov = {weight, term_weight, calloc(m->n_concepts ? m->n_concepts : 1, sizeof(bool)),
                    calloc(m->n_terms ? m->n_terms : 1, sizeof(bool))};
    double *per_length = malloc((n ? n : 1) * sizeof *per_length); /* 1 / words^LENGTH_EXPONENT */
    double *value = malloc((n ? n : 1) * sizeof *value);           /* last computed value */
    double *key = malloc((n ? n : 1) * sizeof *key);               /* in the queue: value, or its bound */
    bool *out = calloc(n ? n : 1, sizeof *out);                    /* chosen, or its twin was */
    bool *unquoted = calloc(n ? n : 1, sizeof *unquoted);          /* the quote factor is still to apply */
    queue q = {malloc((n ? n : 1) * sizeof *q.at), 0, key};
    bool ok = cov.concept_covered && cov.term_covered && per_length && value && key && out && unquoted && q.at;
    double per_words[SMALL]; /* 1 / words^LENGTH_EXPONENT of the usual lengths, worked out once (0: not yet) */
    memset(per_words, 0, sizeof per_words);
    for (size_t i = 0; ok && i < n; i++) {
        const sentence *s = model_sentence(m, i);
        double per = s->words < SMALL ? per_words[s->words] : 0;
        if (per == 0 && s->words) {
            per = 1.0 / pow(s->words, LENGTH_EXPONENT);
            if (s->words < SMALL) per_words[s->words] = per;
        }
        per_length[i] = per;
        score[i] = whole_gain(m, s, &cov) * per_length[i];
        value[i] = key[i] = score[i];
        if (s->usable && value[i] > 0) q.at[q.len++] = (uint32_t)i;
    }
    queue_heapify(&q);
    /* Lazy greedy: a sentence's value can only fall as concepts get covered, so its last computed
     * value bounds the current one; only the leader is recomputed until it stays the leader. A
     * sentence that no longer fits, is worth nothing or is out leaves the queue for good. */
    budget used = {0};
    while (ok) {
        size_t best = n;
        while (q.len) {
            uint32_t i = q.at[0];
            if (out[i] || !budget_fits(limit, &used, model_sentence(m, i))) { /* what does not fit now never will */
                queue_pop(&q);
                continue;
            }
            if (unquoted[i]) { /* its bound led: the factor makes it exact, and it goes back in */
                unquoted[i] = false;
                double factor = quote_factor(m, model_sentence(m, i));
                per_length[i] *= factor;
                value[i] *= factor;
                key[i] = value[i];
                queue_fell(&q);
                continue;
            }
            double fresh = uncovered_gain(m, model_sentence(m, i), &cov) * per_length[i];
            bool still_leads = fresh >= value[i];
            value[i] = key[i] = fresh;
            if (still_leads && fresh > 0) {
                best = i;
                queue_pop(&q);
                break;
            }
            if (fresh > 0) queue_fell(&q);
            else queue_pop(&q);
        }
        if (best == n) break;
        const sentence *s = model_sentence(m, best);
        out[best] = true;
        size_t twin = model_twin(m, best); /* a sentence is taken in one form only */
        if (twin != SIZE_MAX) out[twin] = true;
        cover(m, s, &cov);
        budget_take(&used, s);
        if (!(ok = vec_push(chosen, (uint32_t)best))) break;
        if (quotes && used.words >= QUOTES_AFTER_WORDS) {
            /* once: every value grows by its sentence's factor, so the bounds of the lazy step hold.
             * The factor (a scan of the text) is worked out when the sentence comes to the top:
             * until then it is queued by its highest possible value, 1 + QUOTE_BONUS times its own,
             * and the first sentence at the top with its factor applied leads them all. */
            quotes = false;
            for (size_t k = 0; k < q.len; k++) {
                uint32_t i = q.at[k];
                unquoted[i] = true;
                key[i] = value[i] * (1.0 + QUOTE_BONUS);
            }
            queue_heapify(&q);
        }
    }
    free(cov.concept_covered);
    free(cov.term_covered);
    free(per_length);
    free(value);
    free(key);
    free(out);
    free(unquoted);
    free(q.at);
    return ok;
}

bool method_concepts(const model *m, const budget *limit, double *score, index_list *chosen)
{
    double *weight = support_weights(m, false, 1.0);
    double *term_weight = support_weights(m, true, TERM_SHARE);
    bool ok = weight && term_weight && choose_greedily(m, limit, weight, term_weight, true, score, chosen);
    free(weight);
    free(term_weight);
    return ok;
}

/* The candidates of the exact program: the ILP_CANDIDATES usable sentences of highest first
 * score that fit the budget alone, and the greedy's choice, in model order. */
static uint32_t *ilp_candidates(const model *m, const budget *limit, const double *score, const index_list *greedy,
                                size_t *n_cand)
{
    size_t n = m->sents.len;
    bool *in = calloc(n ? n : 1, sizeof *in);
    uint32_t *cand = malloc((n ? n : 1) * sizeof *cand);
    if (!in || !cand) {
        free(in);
        free(cand);
        return NULL;
    }
    const budget none = {0};
    for (size_t r = 0; r < ILP_CANDIDATES; r++) {
        size_t best = n; /* the next best sentence not yet taken */
        for (size_t i = 0; i < n; i++) {
            const sentence *s = &m->sents.items[i];
            if (in[i] || !s->usable || score[i] <= 0 || !budget_fits(limit, &none, s)) continue;
            if (best == n || score[i] > score[best]) best = i;
        }
        if (best == n) break;
        in[best] = true;
    }
    for (size_t k = 0; k < greedy->len; k++) in[greedy->items[k]] = true;
    *n_cand = 0;
    for (size_t i = 0; i < n; i++)
        if (in[i]) cand[(*n_cand)++] = (uint32_t)i;
    free(in);
    return cand;
}

bool method_ilp(const model *m, const budget *limit, double *score, index_list *chosen)
{
    double *weight = support_weights(m, false, 1.0);
    bool ok = weight && choose_greedily(m, limit, weight, NULL, false, score, chosen);
    size_t n_cand = 0;
    uint32_t *cand = ok ? ilp_candidates(m, limit, score, chosen, &n_cand) : NULL;
    bool improved;
    ok = cand && coverage_ilp(m, weight, limit, cand, n_cand, ILP_MAX_NODES, chosen, &improved);
    free(cand);
    free(weight);
    return ok;
}

/* rouge_average.c — averages over cases as ROUGE-1.5.5.pl reports them. Its Average_R/P/F are not
 * the plain means but the means of a bootstrap: resample i is drawn after Perl's srand(i), each draw
 * int(rand(N)) over the cases sorted by test id, and the confidence interval is read off the sorted
 * resample means. Perl's rand is drand48 (48-bit LCG, seeded with 0x330E + (seed << 16)), so the
 * same draws, and thus the same numbers, are reproduced here. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "eval/rouge.h"

/* Perl's drand48. */
typedef struct perl_rand {
    uint64_t x;
} perl_rand;

static void perl_srand(perl_rand *r, uint64_t seed) { r->x = (0x330EULL + ((seed & 0xffffffffULL) << 16)) & 0xffffffffffffULL; }

static double perl_rand_next(perl_rand *r)
{
    r->x = (r->x * 0x5DEECE66DULL + 0xBULL) & 0xffffffffffffULL;
    return ldexp((double)r->x, -48);
}

/* A case in the order of the bootstrap. */
typedef struct ranked {
    const char *id;
    size_t index;
} ranked;

static int by_id(const void *a, const void *b)
{
    return strcmp(((const ranked *)a)->id, ((const ranked *)b)->id);
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The three values a case contributes to a resample. */
static void case_values(const td_rouge_score *s, td_rouge_unit unit, double v[3])
{
    if (unit == TD_ROUGE_UNIT_SUMMARY) {
        v[0] = s->recall, v[1] = s->precision, v[2] = s->f;
    } else {
        v[0] = (double)s->model_count, v[1] = (double)s->peer_count, v[2] = (double)s->hits;
    }
}

/* One resample: the mean scores (-t 0) or the scores of the pooled counts (-t 1). */
static void resample(const td_rouge_opts *o, const td_rouge_score *scores, const ranked *order, size_t n,
                     uint64_t seed, double out[3])
{
    perl_rand r;
    perl_srand(&r, seed);
    double sum[3] = {0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        size_t k = (size_t)((double)n * perl_rand_next(&r));
        double v[3];
        case_values(&scores[order[k].index], o->unit, v);
        for (int j = 0; j < 3; j++) sum[j] += v[j];
    }
    if (o->unit == TD_ROUGE_UNIT_SUMMARY) {
        for (int j = 0; j < 3; j++) out[j] = sum[j] / (double)n;
        return;
    }
    double rec = sum[0] > 0 ? sum[2] / sum[0] : 0;
    double prec = sum[1] > 0 ? sum[2] / sum[1] : 0;
    double d = (1 - o->alpha) * prec + o->alpha * rec;
    out[0] = rec, out[1] = prec, out[2] = d > 0 ? (rec * prec) / d : 0;
}

/* Perl reads an index past the array as undef, that is 0. */
static double at(const double *a, size_t n, size_t i) { return i < n ? a[i] : 0; }

/* Mean and interval of one sorted column of resample means. */
static void summarise(const td_rouge_opts *o, double *col, double *mean, double *low, double *high)
{
    size_t n = o->resamples;
    qsort(col, n, sizeof *col, by_value);
    double sum = 0;
    for (size_t i = 0; i < n; i++) sum += col[i];
    *mean = rouge_round5(sum / (double)n);
    double delta = (double)n * ((100 - o->confidence) / 2.0) / 100.0;
    double upper = (double)n - delta - 1;
    size_t ua = upper > 0 ? (size_t)upper : 0, la = (size_t)delta;
    double ratio = upper - (double)ua;
    *low = rouge_round5(at(col, n, la) + (at(col, n, la + 1) - at(col, n, la)) * ratio);
    *high = rouge_round5(at(col, n, ua) + (at(col, n, ua + 1) - at(col, n, ua)) * ratio);
}

td_status td_rouge_average_scores(const td_rouge_opts *opts, const char *const *ids,
                                  const td_rouge_score *scores, size_t n, td_rouge_average *out,
                                  td_error *err)
{
    memset(out, 0, sizeof *out);
    if (rouge_opts_check(opts, err)) return TD_ERR_USAGE;
    if (n == 0) return error_set(err, TD_ERR_USAGE, "no cases to average");
    for (size_t i = 0; i < n; i++) {
        out->model_count += scores[i].model_count;
        out->peer_count += scores[i].peer_count;
        out->hits += scores[i].hits;
    }
    if (opts->unit == TD_ROUGE_UNIT_COUNTS) return TD_OK;

    ranked *order = malloc(n * sizeof *order);
    double *cols = malloc(3 * opts->resamples * sizeof *cols);
    if (!order || !cols) {
        free(order);
        free(cols);
        return error_nomem(err);
    }
    for (size_t i = 0; i < n; i++) order[i] = (ranked){ids[i], i};
    qsort(order, n, sizeof *order, by_id);
    size_t r = opts->resamples;
    for (size_t i = 0; i < r; i++) {
        double v[3];
        resample(opts, scores, order, n, i, v);
        cols[i] = v[0], cols[r + i] = v[1], cols[2 * r + i] = v[2];
    }
    summarise(opts, cols, &out->recall, &out->recall_low, &out->recall_high);
    summarise(opts, cols + r, &out->precision, &out->precision_low, &out->precision_high);
    summarise(opts, cols + 2 * r, &out->f, &out->f_low, &out->f_high);
    free(order);
    free(cols);
    return TD_OK;
}

/* Compares two runs of digits as numbers. */
static int compare_numbers(const char *a, size_t na, const char *b, size_t nb)
{
    while (na > 1 && *a == '0') a++, na--;
    while (nb > 1 && *b == '0') b++, nb--;
    if (na != nb) return na < nb ? -1 : 1;
    return memcmp(a, b, na);
}

int td_rouge_id_compare(const char *a, const char *b)
{
    size_t na = strspn(a, "0123456789"), nb = strspn(b, "0123456789");
    if (na && nb) {
        int c = compare_numbers(a, na, b, nb);
        if (c) return c;
    }
    /* Equal numbers leave Perl's order to its hash; byte order makes it deterministic. */
    return strcmp(a, b);
}

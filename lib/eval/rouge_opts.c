/* rouge_opts.c — the options of ROUGE-1.5.5.pl: defaults, setting one by its flag letter (so the
 * command line and the tests read the same options), checking, and the list of measures. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "eval/rouge.h"

void td_rouge_opts_defaults(td_rouge_opts *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->max_n = 0;
    opts->lcs = true;
    opts->skip_distance = 4;
    opts->alpha = 0.5;
    opts->unit = TD_ROUGE_UNIT_SUMMARY;
    opts->confidence = 95;
    opts->resamples = 1000;
}

static bool parse_long(const char *s, long lo, long hi, long *out)
{
    if (!s || !*s) return false;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < lo || v > hi) return false;
    *out = v;
    return true;
}

static bool parse_double(const char *s, double lo, double hi, double *out)
{
    if (!s || !*s) return false;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end || !(v >= lo && v <= hi)) return false;
    *out = v;
    return true;
}

static td_status bad(td_error *err, char flag, const char *value, const char *want)
{
    return error_set(err, TD_ERR_USAGE, "option -%c: '%s' is not %s", flag, value ? value : "", want);
}

td_status td_rouge_opts_set(td_rouge_opts *opts, char flag, const char *value, td_error *err)
{
    long v;
    switch (flag) {
    case 'n':
        if (!parse_long(value, 0, 64, &v)) return bad(err, flag, value, "an n-gram size from 0 to 64");
        opts->max_n = (int)v;
        return TD_OK;
    case '2':
        if (!parse_long(value, INT_MIN, INT_MAX, &v)) return bad(err, flag, value, "a skip distance");
        opts->skip = true;
        opts->skip_distance = (int)v;
        return TD_OK;
    case 'l':
    case 'b':
    case 'r':
        if (!parse_long(value, flag == 'r' ? 1 : 0, LONG_MAX, &v))
            return bad(err, flag, value, flag == 'r' ? "a number of resamples (1 or more)" : "a length (0 or more)");
        if (flag == 'l') opts->word_limit = (size_t)v;
        else if (flag == 'b') opts->byte_limit = (size_t)v;
        else opts->resamples = (size_t)v;
        return TD_OK;
    case 'f':
        if (!value || (strcmp(value, "A") && strcmp(value, "B")))
            return bad(err, flag, value, "A (average of the references) or B (best reference)");
        opts->best_model = (value[0] == 'B');
        return TD_OK;
    case 'p':
        if (!parse_double(value, 0, 1, &opts->alpha)) return bad(err, flag, value, "an alpha from 0 to 1");
        return TD_OK;
    case 'c':
        if (!parse_double(value, 0, 100, &opts->confidence)) return bad(err, flag, value, "a confidence level from 0 to 100");
        return TD_OK;
    case 't':
        if (!parse_long(value, 0, 2, &v)) return bad(err, flag, value, "a counting unit 0, 1 or 2");
        opts->unit = (td_rouge_unit)v;
        return TD_OK;
    case 'x': opts->lcs = false; return TD_OK;
    case 'u': opts->skip_unigrams = true; return TD_OK;
    case 'm': opts->stem = true; return TD_OK;
    case 's': opts->remove_stopwords = true; return TD_OK;
    case 'a': /* evaluate all systems: every system given is evaluated anyway */
    case 'd': /* per-case scores: a matter of output */
    case 'e': /* the data folder: the stopwords are built in */
        return TD_OK;
    default:
        return error_set(err, TD_ERR_USAGE, "option -%c is not supported", flag);
    }
}

td_status rouge_opts_check(const td_rouge_opts *opts, td_error *err)
{
    if (opts->word_limit && opts->byte_limit)
        return error_set(err, TD_ERR_USAGE, "a length limit in words (-l) or in bytes (-b), not both");
    if (opts->max_n < 0 || opts->max_n > 64) return error_set(err, TD_ERR_USAGE, "-n must be from 0 to 64");
    if (!(opts->alpha >= 0 && opts->alpha <= 1)) return error_set(err, TD_ERR_USAGE, "-p must be from 0 to 1");
    if (!(opts->confidence >= 0 && opts->confidence <= 100))
        return error_set(err, TD_ERR_USAGE, "-c must be from 0 to 100");
    if (opts->resamples < 1) return error_set(err, TD_ERR_USAGE, "-r must be 1 or more");
    if (opts->unit > TD_ROUGE_UNIT_COUNTS) return error_set(err, TD_ERR_USAGE, "-t must be 0, 1 or 2");
    return TD_OK;
}

size_t rouge_list_measures(const td_rouge_opts *opts, td_rouge_measure *out)
{
    size_t k = 0;
    for (int n = 1; n <= opts->max_n; n++, k++) {
        out[k] = (td_rouge_measure){.kind = TD_ROUGE_N, .n = n};
        snprintf(out[k].name, sizeof out[k].name, "ROUGE-%d", n);
    }
    if (opts->lcs) {
        out[k] = (td_rouge_measure){.kind = TD_ROUGE_L, .n = 0};
        snprintf(out[k].name, sizeof out[k].name, "ROUGE-L");
        k++;
    }
    if (opts->skip) {
        out[k] = (td_rouge_measure){.kind = TD_ROUGE_S, .n = opts->skip_distance};
        const char *s = opts->skip_unigrams ? "SU" : "S";
        if (opts->skip_distance < 0) snprintf(out[k].name, sizeof out[k].name, "ROUGE-%s*", s);
        else snprintf(out[k].name, sizeof out[k].name, "ROUGE-%s%d", s, opts->skip_distance);
        k++;
    }
    return k;
}

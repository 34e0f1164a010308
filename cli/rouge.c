/* rouge.c — `tidings rouge`: scores system summaries against reference summaries with the
 * ROUGE-1.5.5.pl options and prints what that script prints (or JSON Lines with --json). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "json.h"
#include "tidings.h"

static const char usage[] =
    "NAME\n"
    "    tidings rouge - score summaries with ROUGE, as ROUGE-1.5.5.pl does\n"
    "\n"
    "SYNOPSIS\n"
    "    tidings rouge [options] SYSTEM REFERENCE...\n"
    "    tidings rouge [options] --pairs FILE\n"
    "    tidings rouge [options] --system-dir DIR --reference-dir DIR\n"
    "\n"
    "DESCRIPTION\n"
    "    Scores each system summary against its reference summaries (files of one sentence a\n"
    "    line) and prints the scores in the format of ROUGE-1.5.5.pl, with the same numbers:\n"
    "    the per-case recall, precision and F, and the averages with their bootstrap confidence\n"
    "    intervals. The options are those of ROUGE-1.5.5.pl. Without -n no ROUGE-N is computed,\n"
    "    as with the script; the usual protocol is -n 2 -2 4 -u -m -a -c 95 -r 1000 -f A -p 0.5 -t 0.\n"
    "\n"
    "INPUT\n"
    "    SYSTEM REFERENCE...   one case; its id is the system file name without .txt\n"
    "    --pairs FILE          a case a line: ID<TAB>SYSTEM<TAB>REFERENCE[<TAB>REFERENCE...];\n"
    "                          paths as given (relative to the current folder); empty lines\n"
    "                          and lines starting with # are skipped\n"
    "    --system-dir DIR --reference-dir DIR\n"
    "                          every DIR/ID.txt of the system folder is a case, scored against\n"
    "                          every ID.*.txt of the reference folder (e.g. ID.A.txt, ID.B.txt)\n"
    "\n"
    "OPTIONS (ROUGE-1.5.5.pl)\n"
    "    -n N     compute ROUGE-1 ... ROUGE-N\n"
    "    -x       do not compute ROUGE-L\n"
    "    -2 N     compute ROUGE-S with at most N words between the two of a pair (N < 0: no limit)\n"
    "    -u       with -2, count unigrams too (ROUGE-SU)\n"
    "    -m       stem words with ROUGE's Porter stemmer, irregular forms first replaced by\n"
    "             their base form from WordNet's exception lists (package wordnet-base)\n"
    "    -s       remove ROUGE's stopwords (the SMART list)\n"
    "    -l N     use only the first N words of each summary (references too)\n"
    "    -b N     use only the first N bytes of each summary (references too)\n"
    "    -f A|B   A: pool all references (default); B: use the best reference\n"
    "    -p A     F = 1/(A/P + (1-A)/R) (default 0.5)\n"
    "    -t 0|1|2 0: average the per-case scores (default); 1: score the pooled counts;\n"
    "             2: print the pooled counts\n"
    "    -c C     confidence level of the intervals, in percent (default 95)\n"
    "    -r N     bootstrap resamples (default 1000)\n"
    "    -d       print the score of every case\n"
    "    -a, -e D accepted for compatibility (every system given is evaluated; the stopwords\n"
    "             are built in, WordNet's lists are read as said under ENVIRONMENT)\n"
    "\n"
    "OTHER OPTIONS\n"
    "    --system-id ID   the system name printed before every line (default S)\n"
    "    --json           JSON Lines instead: one object a measure, with the average, its\n"
    "                     interval, the pooled counts and the score of every case\n"
    "    -h, --help       show this help\n"
    "\n"
    "ENVIRONMENT\n"
    "    TIDINGS_WORDNET_DIR   folder of WordNet's adv.exc, noun.exc, verb.exc and adj.exc,\n"
    "                          read with -m (default /usr/share/wordnet, from wordnet-base)\n"
    "\n"
    "EXIT STATUS\n"
    "    0 on success, 1 when a file (a summary, or a WordNet list with -m) is missing,\n"
    "    unreadable or not UTF-8, 2 on a usage error.\n"
    "\n"
    "EXAMPLES\n"
    "    tidings rouge -n 2 -2 4 -u -m -a -c 95 -r 1000 -f A -p 0.5 -t 0 -d \\\n"
    "        --system-dir ../shared/data/rouge-compat/duc2003/system \\\n"
    "        --reference-dir ../shared/data/rouge-compat/duc2003/reference\n"
    "    tidings rouge -n 2 -m summary.txt reference1.txt reference2.txt\n"
    "    tidings rouge -n 1 -m -b 665 --json --pairs cases.tsv\n";

static int fail(const char *msg, const char *what)
{
    fprintf(stderr, "tidings rouge: %s%s%s\n", what ? what : "", what ? ": " : "", msg);
    return EXIT_INPUT;
}

static int usage_error(const char *msg)
{
    fprintf(stderr, "tidings rouge: %s (see tidings rouge --help)\n", msg);
    return EXIT_USAGE;
}

/* What the command was asked to do, besides the ROUGE options. */
typedef struct run {
    td_rouge_opts opts;
    const char *system_id; /* printed before every line, and the second half of each test id */
    bool per_case;         /* -d */
    bool json;
} run;

/* Scores every case: scores[m * n + c] is measure m of case c. */
static int score_cases(td_rouge_scorer *scorer, const td_rouge_cases *cs, size_t n_measures,
                       td_rouge_score *scores)
{
    td_rouge_score *one = calloc(n_measures ? n_measures : 1, sizeof *one);
    if (!one) return fail("out of memory", NULL);
    int rc = EXIT_OK;
    for (size_t c = 0; rc == EXIT_OK && c < cs->n; c++) {
        td_error err = {0};
        if (td_rouge_score_case(scorer, &cs->items[c], one, &err)) rc = fail(err.message, NULL);
        for (size_t m = 0; rc == EXIT_OK && m < n_measures; m++) scores[m * cs->n + c] = one[m];
    }
    free(one);
    return rc;
}

/* The test ids "<case>.<system>" that ROUGE-1.5.5 sorts and prints. */
static char **test_ids(const td_rouge_cases *cs, const char *system_id)
{
    char **ids = calloc(cs->n ? cs->n : 1, sizeof *ids);
    for (size_t c = 0; ids && c < cs->n; c++) {
        size_t size = strlen(cs->items[c].id) + strlen(system_id) + 2;
        if (!(ids[c] = malloc(size))) {
            for (size_t i = 0; i < c; i++) free(ids[i]);
            free(ids);
            return NULL;
        }
        snprintf(ids[c], size, "%s.%s", cs->items[c].id, system_id);
    }
    return ids;
}

/* A case in printing order. */
typedef struct ranked {
    const char *id;
    size_t index;
} ranked;

static int by_test_id(const void *a, const void *b)
{
    return td_rouge_id_compare(((const ranked *)a)->id, ((const ranked *)b)->id);
}

static void print_text(const run *r, const td_rouge_measure *m, const td_rouge_average *avg,
                       const td_rouge_score *scores, const ranked *sorted, size_t n)
{
    const char *sys = r->system_id;
    printf("---------------------------------------------\n");
    if (r->opts.unit == TD_ROUGE_UNIT_COUNTS) {
        printf("%s %s M_count: %zu P_count: %zu H_count: %zu\n", sys, m->name, avg->model_count, avg->peer_count,
               avg->hits);
    } else {
        printf("%s %s Average_R: %7.5f (%g%%-conf.int. %7.5f - %7.5f)\n", sys, m->name, avg->recall,
               r->opts.confidence, avg->recall_low, avg->recall_high);
        printf("%s %s Average_P: %7.5f (%g%%-conf.int. %7.5f - %7.5f)\n", sys, m->name, avg->precision,
               r->opts.confidence, avg->precision_low, avg->precision_high);
        printf("%s %s Average_F: %7.5f (%g%%-conf.int. %7.5f - %7.5f)\n", sys, m->name, avg->f, r->opts.confidence,
               avg->f_low, avg->f_high);
    }
    if (!r->per_case) return;
    printf(".............................................\n");
    for (size_t i = 0; i < n; i++) {
        const td_rouge_score *s = &scores[sorted[i].index];
        const char *id = sorted[i].id;
        if (r->opts.unit == TD_ROUGE_UNIT_SUMMARY)
            printf("%s %s Eval %s R:%7.5f P:%7.5f F:%7.5f\n", sys, m->name, id, s->recall, s->precision, s->f);
        else
            printf("%s %s Eval %s R:%zu P:%zu F:%zu\n", sys, m->name, id, s->model_count, s->peer_count, s->hits);
    }
}

/* One line of JSON: the measure's average (unless -t 2), pooled counts and the score of every case. */
static bool print_json(const run *r, const td_rouge_measure *m, const td_rouge_average *a, const td_rouge_cases *cs,
                       const td_rouge_score *scores)
{
    json_t *average = NULL, *cases = json_array();
    bool ok = cases != NULL;
    if (ok && r->opts.unit != TD_ROUGE_UNIT_COUNTS)
        ok = (average = json_pack("{s:f,s:f,s:f,s:f,s:[f,f],s:[f,f],s:[f,f]}", "recall", a->recall, "precision",
                                  a->precision, "f", a->f, "confidence", r->opts.confidence, "recall_ci",
                                  a->recall_low, a->recall_high, "precision_ci", a->precision_low,
                                  a->precision_high, "f_ci", a->f_low, a->f_high)) != NULL;
    for (size_t c = 0; ok && c < cs->n; c++) {
        const td_rouge_score *s = &scores[c];
        json_t *one = json_pack("{s:o,s:f,s:f,s:f,s:I,s:I,s:I}", "id", cli_json_name(cs->items[c].id), "recall",
                                s->recall, "precision", s->precision, "f", s->f, "model", (json_int_t)s->model_count,
                                "peer", (json_int_t)s->peer_count, "hits", (json_int_t)s->hits);
        ok = !json_array_append_new(cases, one);
    }
    json_t *o = ok ? json_pack("{s:o,s:s,s:O*,s:{s:I,s:I,s:I},s:O}", "system", cli_json_name(r->system_id),
                               "measure", m->name, "average", average, "counts", "model", (json_int_t)a->model_count,
                               "peer", (json_int_t)a->peer_count, "hits", (json_int_t)a->hits, "cases", cases)
                   : NULL;
    json_decref(average);
    json_decref(cases);
    /* Precision 6 prints the scores (rounded to 5 decimals) as they are, and the confidence as %g. */
    char *line = o ? json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(6)) : NULL;
    json_decref(o);
    if (line) printf("%s\n", line);
    free(line);
    return line != NULL;
}

/* Scores the cases and prints every measure. */
static int evaluate(const run *r, const td_rouge_cases *cs)
{
    td_error err = {0};
    td_rouge_scorer *scorer = td_rouge_scorer_new(&r->opts, &err);
    if (!scorer) return err.code == TD_ERR_USAGE ? usage_error(err.message) : fail(err.message, NULL);
    const td_rouge_measure *measures;
    size_t n_measures = td_rouge_scorer_measures(scorer, &measures);
    size_t n = cs->n;
    td_rouge_score *scores = calloc(n_measures * n + 1, sizeof *scores);
    char **ids = test_ids(cs, r->system_id);
    ranked *sorted = malloc(n * sizeof *sorted);
    int rc = (!scores || !ids || !sorted) ? fail("out of memory", NULL) : score_cases(scorer, cs, n_measures, scores);
    if (rc == EXIT_OK) {
        for (size_t c = 0; c < n; c++) sorted[c] = (ranked){ids[c], c};
        qsort(sorted, n, sizeof *sorted, by_test_id);
    }
    for (size_t m = 0; rc == EXIT_OK && m < n_measures; m++) {
        td_rouge_average avg;
        const td_rouge_score *col = scores + m * n;
        if (td_rouge_average_scores(&r->opts, (const char *const *)ids, col, n, &avg, &err)) {
            rc = fail(err.message, NULL);
        } else if (r->json) {
            if (!print_json(r, &measures[m], &avg, cs, col)) rc = fail("out of memory", NULL);
        } else {
            print_text(r, &measures[m], &avg, col, sorted, n);
        }
    }
    for (size_t c = 0; ids && c < n; c++) free(ids[c]);
    free(ids);
    free(sorted);
    free(scores);
    td_rouge_scorer_free(scorer);
    if (rc == EXIT_OK && fflush(stdout)) rc = fail(strerror(errno), "standard output");
    return rc;
}

enum { OPT_PAIRS = 256, OPT_SYSTEM_DIR, OPT_REFERENCE_DIR, OPT_SYSTEM_ID, OPT_JSON, OPT_HELP };

int cmd_rouge(int argc, char **argv)
{
    static const struct option longs[] = {
        {"pairs", required_argument, NULL, OPT_PAIRS},
        {"system-dir", required_argument, NULL, OPT_SYSTEM_DIR},
        {"reference-dir", required_argument, NULL, OPT_REFERENCE_DIR},
        {"system-id", required_argument, NULL, OPT_SYSTEM_ID},
        {"json", no_argument, NULL, OPT_JSON},
        {"help", no_argument, NULL, OPT_HELP},
        {NULL, 0, NULL, 0},
    };
    run r = {.system_id = "S"};
    td_rouge_opts_defaults(&r.opts);
    const char *pairs = NULL, *sys_dir = NULL, *ref_dir = NULL;
    optind = 1;
    opterr = 0;
    int ch;
    /* The script's flags: those it has and this command does not (-w, -U, -3, -z, -M, -v) are
     * parsed so that td_rouge_opts_set can say they are not supported. */
    while ((ch = getopt_long(argc, argv, "+:ab:c:de:f:hl:mn:p:r:st:uxw:U3:z:Mv2:", longs, NULL)) != -1) {
        td_error err = {0};
        switch (ch) {
        case OPT_PAIRS: pairs = optarg; break;
        case OPT_SYSTEM_DIR: sys_dir = optarg; break;
        case OPT_REFERENCE_DIR: ref_dir = optarg; break;
        case OPT_SYSTEM_ID: r.system_id = optarg; break;
        case OPT_JSON: r.json = true; break;
        case 'h':
        case OPT_HELP: fputs(usage, stdout); return EXIT_OK;
        case 'd': r.per_case = true; break;
        case ':':
            fprintf(stderr, "tidings rouge: option %s needs a value (see tidings rouge --help)\n", argv[optind - 1]);
            return EXIT_USAGE;
        case '?':
            if (optopt) fprintf(stderr, "tidings rouge: unknown option -%c (see tidings rouge --help)\n", optopt);
            else fprintf(stderr, "tidings rouge: unknown option %s (see tidings rouge --help)\n", argv[optind - 1]);
            return EXIT_USAGE;
        default:
            if (td_rouge_opts_set(&r.opts, (char)ch, optarg, &err)) return usage_error(err.message);
        }
    }
    if (r.system_id[0] == '\0') return usage_error("--system-id must not be empty");
    int rest = argc - optind;
    td_error err = {0};
    td_rouge_cases *cs;
    if (pairs) {
        if (sys_dir || ref_dir || rest) return usage_error("--pairs takes no other input");
        cs = td_rouge_cases_from_pairs(pairs, &err);
    } else if (sys_dir || ref_dir) {
        if (!sys_dir || !ref_dir || rest) return usage_error("give both --system-dir and --reference-dir, and no files");
        cs = td_rouge_cases_from_dirs(sys_dir, ref_dir, &err);
    } else {
        if (rest < 2) return usage_error("give a system summary and at least one reference");
        cs = td_rouge_cases_from_files(argv[optind], (const char *const *)argv + optind + 1, (size_t)rest - 1, &err);
    }
    int rc = cs ? evaluate(&r, cs) : fail(err.message, NULL);
    td_rouge_cases_free(cs);
    return rc;
}

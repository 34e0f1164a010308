/* rouge.c — `tidings rouge`: scores system summaries against reference summaries with the
 * ROUGE-1.5.5.pl options and prints what that script prints (or JSON Lines with --json). */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "common/buf.h"
#include "common/vec.h"
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

/* One case: a system summary and its references (paths). */
typedef struct rcase {
    char *id;
    char *system;
    char **refs;
    size_t n_refs;
} rcase;

typedef VEC(rcase) rcases;
typedef VEC(char *) names;

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

static void free_case(rcase *c)
{
    free(c->id);
    free(c->system);
    for (size_t j = 0; c->refs && j < c->n_refs; j++) free(c->refs[j]);
    free(c->refs);
}

static void free_cases(rcases *cs)
{
    for (size_t i = 0; i < cs->len; i++) free_case(&cs->items[i]);
    vec_free(cs);
}

static void free_names(names *v)
{
    for (size_t i = 0; i < v->len; i++) free(v->items[i]);
    vec_free(v);
}

static char *dup_range(const char *s, size_t len)
{
    char *p = malloc(len + 1);
    if (p) {
        memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

static char *join_path(const char *dir, const char *name)
{
    buf b = {0};
    size_t n = strlen(dir);
    if (!buf_puts(&b, dir) || ((n == 0 || dir[n - 1] != '/') && !buf_putc(&b, '/')) || !buf_puts(&b, name)) {
        buf_free(&b);
        return NULL;
    }
    return buf_take(&b);
}

/* Adds a case; the strings are copied. False when out of memory. */
static bool add_case(rcases *cs, const char *id, size_t id_len, const char *system, char **refs, size_t n_refs)
{
    rcase c = {dup_range(id, id_len), strdup(system), calloc(n_refs ? n_refs : 1, sizeof(char *)), n_refs};
    bool ok = c.id && c.system && c.refs;
    for (size_t i = 0; ok && i < n_refs; i++) ok = (c.refs[i] = strdup(refs[i])) != NULL;
    if (ok && vec_push(cs, c)) return true;
    free_case(&c);
    return false;
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The names of the *.txt files of a folder, sorted. */
static int list_txt(const char *dir, names *out)
{
    DIR *d = opendir(dir);
    if (!d) return fail(strerror(errno), dir);
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n <= 4 || strcmp(e->d_name + n - 4, ".txt") || e->d_name[0] == '.') continue;
        char *name = strdup(e->d_name);
        if (!name || !vec_push(out, name)) {
            free(name);
            closedir(d);
            return fail("out of memory", NULL);
        }
    }
    closedir(d);
    if (out->len) qsort(out->items, out->len, sizeof *out->items, by_name);
    return EXIT_OK;
}

/* Cases from a system folder and a reference folder: ID.txt against ID.*.txt. */
static int cases_from_dirs(const char *sys_dir, const char *ref_dir, rcases *cs)
{
    names sys = {0}, refs = {0};
    int rc = list_txt(sys_dir, &sys);
    if (rc == EXIT_OK) rc = list_txt(ref_dir, &refs);
    if (rc == EXIT_OK && !sys.len) rc = fail("no .txt files", sys_dir);
    for (size_t i = 0; rc == EXIT_OK && i < sys.len; i++) {
        size_t id_len = strlen(sys.items[i]) - 4;
        names paths = {0};
        for (size_t j = 0; rc == EXIT_OK && j < refs.len; j++) {
            const char *r = refs.items[j];
            if (strncmp(r, sys.items[i], id_len) || r[id_len] != '.' || strlen(r) <= id_len + 5) continue;
            char *p = join_path(ref_dir, r);
            if (!p || !vec_push(&paths, p)) {
                free(p);
                rc = fail("out of memory", NULL);
            }
        }
        char *system = join_path(sys_dir, sys.items[i]);
        if (rc == EXIT_OK && !system) rc = fail("out of memory", NULL);
        if (rc == EXIT_OK && !paths.len) {
            fprintf(stderr, "tidings rouge: %s: no reference %.*s.*.txt for %s\n", ref_dir, (int)id_len,
                    sys.items[i], system);
            rc = EXIT_INPUT;
        }
        if (rc == EXIT_OK && !add_case(cs, sys.items[i], id_len, system, paths.items, paths.len))
            rc = fail("out of memory", NULL);
        free(system);
        free_names(&paths);
    }
    free_names(&sys);
    free_names(&refs);
    return rc;
}

/* Cases from a file of lines ID<TAB>SYSTEM<TAB>REFERENCE... */
static int cases_from_pairs(const char *path, rcases *cs)
{
    char *text;
    size_t len;
    td_error err = {0};
    if (td_rouge_read_file(path, &text, &len, &err)) return fail(err.message, NULL);
    int rc = EXIT_OK;
    size_t line_no = 0;
    for (char *line = text; rc == EXIT_OK && line && *line;) {
        char *next = strchr(line, '\n');
        if (next) *next++ = '\0';
        line_no++;
        size_t n = strlen(line);
        if (n && line[n - 1] == '\r') line[--n] = '\0';
        if (n && line[0] != '#') {
            names fields = {0};
            for (char *f = line; f && rc == EXIT_OK;) {
                char *tab = strchr(f, '\t');
                if (tab) *tab++ = '\0';
                if (!vec_push(&fields, f)) rc = fail("out of memory", NULL);
                f = tab;
            }
            if (rc == EXIT_OK && (fields.len < 3 || !*fields.items[0])) {
                fprintf(stderr, "tidings rouge: %s: line %zu: expected ID<TAB>SYSTEM<TAB>REFERENCE...\n", path, line_no);
                rc = EXIT_INPUT;
            }
            if (rc == EXIT_OK && !add_case(cs, fields.items[0], strlen(fields.items[0]), fields.items[1],
                                           fields.items + 2, fields.len - 2))
                rc = fail("out of memory", NULL);
            vec_free(&fields);
        }
        line = next;
    }
    if (rc == EXIT_OK && !cs->len) rc = fail("no cases", path);
    free(text);
    return rc;
}

/* The id of a single case: the system file's name without its folder and .txt. */
static int case_from_args(char **argv, int argc, rcases *cs)
{
    const char *system = argv[0];
    const char *base = strrchr(system, '/');
    base = base ? base + 1 : system;
    size_t n = strlen(base);
    if (n > 4 && !strcmp(base + n - 4, ".txt")) n -= 4;
    if (!add_case(cs, base, n, system, argv + 1, (size_t)argc - 1)) return fail("out of memory", NULL);
    return EXIT_OK;
}

/* What the command was asked to do, besides the ROUGE options. */
typedef struct run {
    td_rouge_opts opts;
    const char *system_id; /* printed before every line, and the second half of each test id */
    bool per_case;         /* -d */
    bool json;
} run;

/* Scores every case: scores[m * n + c] is measure m of case c. */
static int score_cases(td_rouge_scorer *scorer, const rcases *cs, size_t n_measures,
                       td_rouge_score *scores)
{
    td_rouge_score *one = calloc(n_measures ? n_measures : 1, sizeof *one);
    if (!one) return fail("out of memory", NULL);
    int rc = EXIT_OK;
    for (size_t c = 0; rc == EXIT_OK && c < cs->len; c++) {
        const rcase *k = &cs->items[c];
        char **texts = calloc(k->n_refs + 1, sizeof *texts);
        size_t *lens = calloc(k->n_refs + 1, sizeof *lens);
        td_error err = {0};
        if (!texts || !lens) rc = fail("out of memory", NULL);
        if (rc == EXIT_OK && td_rouge_read_file(k->system, &texts[0], &lens[0], &err)) rc = fail(err.message, NULL);
        for (size_t i = 0; rc == EXIT_OK && i < k->n_refs; i++)
            if (td_rouge_read_file(k->refs[i], &texts[i + 1], &lens[i + 1], &err)) rc = fail(err.message, NULL);
        if (rc == EXIT_OK && td_rouge_score_texts(scorer, texts[0], lens[0], (const char *const *)texts + 1, lens + 1,
                                                  k->n_refs, one, &err))
            rc = fail(err.message, NULL);
        for (size_t m = 0; rc == EXIT_OK && m < n_measures; m++) scores[m * cs->len + c] = one[m];
        for (size_t i = 0; texts && i <= k->n_refs; i++) free(texts[i]);
        free(texts);
        free(lens);
    }
    free(one);
    return rc;
}

/* The test ids "<case>.<system>" that ROUGE-1.5.5 sorts and prints. */
static char **test_ids(const rcases *cs, const char *system_id)
{
    char **ids = calloc(cs->len, sizeof *ids);
    for (size_t c = 0; ids && c < cs->len; c++) {
        buf b = {0};
        if (!buf_printf(&b, "%s.%s", cs->items[c].id, system_id)) {
            for (size_t i = 0; i < c; i++) free(ids[i]);
            free(ids);
            return NULL;
        }
        ids[c] = buf_take(&b);
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

static bool json_string(buf *b, const char *s)
{
    return buf_putc(b, '"') && buf_json_escape(b, s, strlen(s)) && buf_putc(b, '"');
}

static bool print_json(const run *r, const td_rouge_measure *m, const td_rouge_average *a, const rcases *cs,
                       const td_rouge_score *scores)
{
    buf b = {0};
    bool ok = buf_puts(&b, "{\"system\":") && json_string(&b, r->system_id) && buf_puts(&b, ",\"measure\":") &&
              json_string(&b, m->name);
    if (ok && r->opts.unit != TD_ROUGE_UNIT_COUNTS)
        ok = buf_printf(&b,
                        ",\"average\":{\"recall\":%.5f,\"precision\":%.5f,\"f\":%.5f,\"confidence\":%g,"
                        "\"recall_ci\":[%.5f,%.5f],\"precision_ci\":[%.5f,%.5f],\"f_ci\":[%.5f,%.5f]}",
                        a->recall, a->precision, a->f, r->opts.confidence, a->recall_low, a->recall_high,
                        a->precision_low, a->precision_high, a->f_low, a->f_high);
    ok = ok && buf_printf(&b, ",\"counts\":{\"model\":%zu,\"peer\":%zu,\"hits\":%zu},\"cases\":[", a->model_count,
                          a->peer_count, a->hits);
    for (size_t c = 0; ok && c < cs->len; c++) {
        const td_rouge_score *s = &scores[c];
        ok = buf_puts(&b, c ? ",{\"id\":" : "{\"id\":") && json_string(&b, cs->items[c].id) &&
             buf_printf(&b, ",\"recall\":%.5f,\"precision\":%.5f,\"f\":%.5f,\"model\":%zu,\"peer\":%zu,\"hits\":%zu}",
                        s->recall, s->precision, s->f, s->model_count, s->peer_count, s->hits);
    }
    ok = ok && buf_puts(&b, "]}\n");
    if (ok) fputs(b.data, stdout);
    buf_free(&b);
    return ok;
}

/* Scores the cases and prints every measure. */
static int evaluate(const run *r, const rcases *cs)
{
    td_error err = {0};
    td_rouge_scorer *scorer = td_rouge_scorer_new(&r->opts, &err);
    if (!scorer) return err.code == TD_ERR_USAGE ? usage_error(err.message) : fail(err.message, NULL);
    const td_rouge_measure *measures;
    size_t n_measures = td_rouge_scorer_measures(scorer, &measures);
    size_t n = cs->len;
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
    rcases cs = {0};
    int rc;
    if (pairs) {
        if (sys_dir || ref_dir || rest) return usage_error("--pairs takes no other input");
        rc = cases_from_pairs(pairs, &cs);
    } else if (sys_dir || ref_dir) {
        if (!sys_dir || !ref_dir || rest) return usage_error("give both --system-dir and --reference-dir, and no files");
        rc = cases_from_dirs(sys_dir, ref_dir, &cs);
    } else {
        if (rest < 2) return usage_error("give a system summary and at least one reference");
        rc = case_from_args(argv + optind, rest, &cs);
    }
    if (rc == EXIT_OK) rc = evaluate(&r, &cs);
    free_cases(&cs);
    return rc;
}

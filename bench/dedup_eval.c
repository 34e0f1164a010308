/* dedup_eval.c — scores copy detection on the dedup-dev set (bench/dedup builds and runs it), by the
 * set's protocol: pairwise precision/recall/F1 over copy pairs, B-cubed over articles, recall on pairs
 * with a containment copy, false-positive rate on hard-negative pairs (same story, other group; also
 * between source articles only), recall per kind of edit, and speed on one core.
 * The system sees only each article's id and text (articles.jsonl); the answers come from meta.jsonl.
 *   dedup_eval run ARTICLES META [RUNS]   the library with default options: scores and speed
 *   dedup_eval score PRED ARTICLES META   scores a {"id", "group"} JSON Lines output (the CLI's, a peer's)
 *   dedup_eval sweep ARTICLES META        thresholds and ablations, one row each
 *   dedup_eval pairs ARTICLES META        exact Jaccard and containment of copy pairs and hard negatives
 *                                         (through the library's internal shingler, lib/dedup/dedup.h) */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dedup/dedup.h"
#include "tidings.h"

enum { MAX_EDITS = 32 };

typedef struct article {
    char *id;
    char *text; /* NULL for gold-only entries */
    size_t len;
    /* gold, from meta.jsonl */
    char *group, *story, *role, *profile;
    unsigned edits; /* bit e: edit kind e */
} article;

static article *arts;
static size_t n_arts;
static char *edit_names[MAX_EDITS];
static size_t n_edit_names;

static double clock_seconds(clockid_t id)
{
    struct timespec t;
    clock_gettime(id, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static double now(void) { return clock_seconds(CLOCK_MONOTONIC); }
static double cpu_now(void) { return clock_seconds(CLOCK_THREAD_CPUTIME_ID); }

static void die(const char *what)
{
    fprintf(stderr, "dedup_eval: %s\n", what);
    exit(1);
}

static char *dup_str(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? strdup(s) : NULL;
}

static size_t find_article(const char *id)
{
    for (size_t i = 0; i < n_arts; i++)
        if (strcmp(arts[i].id, id) == 0) return i;
    return SIZE_MAX;
}

/* Reads a JSON Lines file, calling fn on each object. */
static void each_line(const char *path, void (*fn)(json_t *))
{
    FILE *f = fopen(path, "r");
    if (!f) die(path);
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        json_error_t e;
        json_t *o = json_loads(line, 0, &e);
        if (!o) die("malformed JSON line");
        fn(o);
        json_decref(o);
    }
    free(line);
    fclose(f);
}

/* The system's input: only id and text are read. */
static void read_article(json_t *o)
{
    arts = realloc(arts, (n_arts + 1) * sizeof *arts);
    article *a = &arts[n_arts++];
    memset(a, 0, sizeof *a);
    a->id = dup_str(o, "id");
    a->text = dup_str(o, "text");
    if (!a->id || !a->text) die("article without id or text");
    a->len = strlen(a->text);
}

static void read_meta(json_t *o)
{
    const char *id = json_string_value(json_object_get(o, "id"));
    size_t i = id ? find_article(id) : SIZE_MAX;
    if (i == SIZE_MAX) die("meta.jsonl: an id not in the articles");
    article *a = &arts[i];
    a->group = dup_str(o, "group");
    a->story = dup_str(o, "story");
    a->role = dup_str(o, "role");
    a->profile = dup_str(o, "profile");
    size_t k;
    json_t *e;
    json_array_foreach(json_object_get(o, "edits"), k, e) {
        const char *name = json_string_value(e);
        size_t x = 0;
        while (x < n_edit_names && strcmp(edit_names[x], name) != 0) x++;
        if (x == n_edit_names) {
            if (n_edit_names == MAX_EDITS) die("too many kinds of edit");
            edit_names[n_edit_names++] = strdup(name);
        }
        a->edits |= 1u << x;
    }
}

static void load(const char *articles, const char *meta)
{
    each_line(articles, read_article);
    each_line(meta, read_meta);
    for (size_t i = 0; i < n_arts; i++)
        if (!arts[i].group) die("an article without its meta.jsonl line");
}

typedef struct scores {
    double p, r, f;          /* pairwise */
    double bp, br, bf;       /* B-cubed */
    size_t gold_pairs, pred_pairs, tp;
    size_t cont_pairs, cont_found;
    size_t hard_pairs, hard_fp, hard_src_pairs, hard_src_fp;
    size_t edit_pairs[MAX_EDITS], edit_found[MAX_EDITS];
    size_t pred_groups;
} scores;

static bool is_source(const article *a) { return strcmp(a->role, "copy") != 0; }
static bool is_containment(const article *a) { return a->profile && strcmp(a->profile, "containment") == 0; }

/* pred[i]: any label; articles with equal labels are in one predicted group. */
static scores score(const size_t *pred)
{
    scores s;
    memset(&s, 0, sizeof s);
    double bp = 0, br = 0;
    for (size_t i = 0; i < n_arts; i++) {
        size_t in_pred = 0, in_gold = 0, both = 0;
        for (size_t j = 0; j < n_arts; j++) {
            bool g = strcmp(arts[i].group, arts[j].group) == 0, p = pred[i] == pred[j];
            in_pred += p;
            in_gold += g;
            both += p && g;
            if (j <= i) continue;
            s.gold_pairs += g;
            s.pred_pairs += p;
            s.tp += g && p;
            if (g && (is_containment(&arts[i]) || is_containment(&arts[j]))) {
                s.cont_pairs++;
                s.cont_found += p;
            }
            if (g) {
                unsigned edits = arts[i].edits | arts[j].edits;
                for (size_t e = 0; e < n_edit_names; e++)
                    if (edits & (1u << e)) {
                        s.edit_pairs[e]++;
                        s.edit_found[e] += p;
                    }
            }
            if (!g && strcmp(arts[i].story, arts[j].story) == 0) {
                s.hard_pairs++;
                s.hard_fp += p;
                if (is_source(&arts[i]) && is_source(&arts[j])) {
                    s.hard_src_pairs++;
                    s.hard_src_fp += p;
                }
            }
        }
        bp += (double)both / (double)in_pred;
        br += (double)both / (double)in_gold;
        if (in_pred && pred[i] == i) s.pred_groups++;
    }
    s.p = s.pred_pairs ? (double)s.tp / (double)s.pred_pairs : 1;
    s.r = s.gold_pairs ? (double)s.tp / (double)s.gold_pairs : 1;
    s.f = s.p + s.r > 0 ? 2 * s.p * s.r / (s.p + s.r) : 0;
    s.bp = bp / (double)n_arts;
    s.br = br / (double)n_arts;
    s.bf = 2 * s.bp * s.br / (s.bp + s.br);
    return s;
}

/* Runs the detector over every article; pred gets each one's group (the representative's index).
 * Returns the wall time; *cpu (when not NULL) gets the thread's CPU time. */
static double run(const td_dedup_opts *opts, size_t *pred, double *cpu)
{
    td_error err;
    double t0 = now(), c0 = cpu_now();
    td_dedup *d = td_dedup_new(opts, &err);
    if (!d) die(err.message);
    td_dedup_match m;
    for (size_t i = 0; i < n_arts; i++)
        if (td_dedup_add(d, arts[i].text, arts[i].len, &m, &err) != TD_OK) die(err.message);
    td_dedup_member *members = malloc(n_arts * sizeof *members);
    if (td_dedup_groups(d, members, &err) != TD_OK) die(err.message);
    double t = now() - t0;
    if (cpu) *cpu = cpu_now() - c0;
    for (size_t i = 0; i < n_arts; i++) pred[i] = members[i].group;
    free(members);
    td_dedup_free(d);
    return t;
}

static void print_scores(const scores *s)
{
    printf("| measure | result |\n|---|---|\n");
    printf("| pairwise precision / recall / F1 | %.4f / %.4f / **%.4f** |\n", s->p, s->r, s->f);
    printf("| B-cubed precision / recall / F1 | %.4f / %.4f / %.4f |\n", s->bp, s->br, s->bf);
    printf("| containment recall | **%.4f** (%zu of %zu pairs) |\n", (double)s->cont_found / (double)s->cont_pairs,
           s->cont_found, s->cont_pairs);
    printf("| hard-negative false positives | **%.4f%%** (%zu of %zu pairs) |\n",
           100.0 * (double)s->hard_fp / (double)s->hard_pairs, s->hard_fp, s->hard_pairs);
    printf("| hard negatives between source articles | %.4f%% (%zu of %zu pairs) |\n",
           100.0 * (double)s->hard_src_fp / (double)s->hard_src_pairs, s->hard_src_fp, s->hard_src_pairs);
    printf("| pairs: gold / predicted / correct | %zu / %zu / %zu |\n", s->gold_pairs, s->pred_pairs, s->tp);
    printf("\n| kind of edit | copy pairs | recall |\n|---|---|---|\n");
    for (size_t e = 0; e < n_edit_names; e++)
        printf("| %s | %zu | %.4f |\n", edit_names[e], s->edit_pairs[e],
               (double)s->edit_found[e] / (double)s->edit_pairs[e]);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void cmd_run(size_t runs)
{
    td_dedup_opts opts;
    td_dedup_opts_defaults(&opts);
    size_t *pred = malloc(n_arts * sizeof *pred);
    double *times = malloc(runs * sizeof *times), *cpus = malloc(runs * sizeof *cpus);
    for (size_t r = 0; r < runs; r++) times[r] = run(&opts, pred, &cpus[r]);
    qsort(times, runs, sizeof *times, cmp_double);
    qsort(cpus, runs, sizeof *cpus, cmp_double);
    scores s = score(pred);
    print_scores(&s);
    size_t bytes = 0;
    for (size_t i = 0; i < n_arts; i++) bytes += arts[i].len;
    printf("\n| speed (library, reading excluded, %zu runs) | result |\n|---|---|\n", runs);
    printf("| articles | %zu (%.1f MB of text) |\n", n_arts, (double)bytes / 1e6);
    printf("| fastest run | %.1f ms: **%.0f articles/s** |\n", times[0] * 1e3, (double)n_arts / times[0]);
    printf("| median run | %.1f ms: %.0f articles/s |\n", times[runs / 2] * 1e3, (double)n_arts / times[runs / 2]);
    printf("| CPU time of the fastest / median run | %.1f ms: %.0f articles/s / %.1f ms: %.0f articles/s |\n",
           cpus[0] * 1e3, (double)n_arts / cpus[0], cpus[runs / 2] * 1e3, (double)n_arts / cpus[runs / 2]);
    /* For the script: the fastest rate, alone on the last line of stderr. */
    fprintf(stderr, "%.0f\n", (double)n_arts / times[0]);
    free(times);
    free(cpus);
    free(pred);
}

static size_t *pred_labels;

static void read_pred(json_t *o)
{
    const char *id = json_string_value(json_object_get(o, "id"));
    const char *group = json_string_value(json_object_get(o, "group"));
    if (!id || !group) die("prediction line without id or group");
    size_t i = find_article(id), g = find_article(group);
    if (i == SIZE_MAX || g == SIZE_MAX) die("prediction with an unknown id");
    pred_labels[i] = g;
}

static void cmd_score(const char *pred_path)
{
    pred_labels = malloc(n_arts * sizeof *pred_labels);
    for (size_t i = 0; i < n_arts; i++) pred_labels[i] = i; /* missing: a group of its own */
    each_line(pred_path, read_pred);
    scores s = score(pred_labels);
    print_scores(&s);
    free(pred_labels);
}

static void sweep_row(const char *label, const td_dedup_opts *opts, size_t *pred)
{
    double cpu;
    run(opts, pred, &cpu);
    scores s = score(pred);
    printf("| %s | %.4f | %.4f | %.4f | %.4f | %.4f | %.3f%% | %.0f |\n", label, s.p, s.r, s.f, s.bf,
           (double)s.cont_found / (double)s.cont_pairs, 100.0 * (double)s.hard_fp / (double)s.hard_pairs,
           (double)n_arts / cpu);
    fflush(stdout);
}

static void cmd_sweep(void)
{
    size_t *pred = malloc(n_arts * sizeof *pred);
    td_dedup_opts o;
    char label[128];
    printf("| setting | pair P | pair R | pair F1 | B³ F1 | containment R | hard-neg FP | articles/s (CPU time) |\n"
           "|---|---|---|---|---|---|---|---|\n");
    static const double shares[] = {0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    td_dedup_opts_defaults(&o);
    snprintf(label, sizeof label, "**defaults: Jaccard ≥ %.1f or containment ≥ %.1f**", o.threshold, o.containment);
    sweep_row(label, &o, pred);
    for (size_t i = 0; i < sizeof shares / sizeof *shares; i++) {
        td_dedup_opts_defaults(&o);
        o.threshold = shares[i];
        o.containment = 1.0;
        snprintf(label, sizeof label, "Jaccard ≥ %.1f alone", o.threshold);
        sweep_row(label, &o, pred);
    }
    for (size_t i = 0; i < sizeof shares / sizeof *shares; i++) {
        td_dedup_opts_defaults(&o);
        o.threshold = 1.0;
        o.containment = shares[i];
        snprintf(label, sizeof label, "containment ≥ %.1f alone", o.containment);
        sweep_row(label, &o, pred);
    }
    for (size_t k = 2; k <= 8; k++) {
        td_dedup_opts_defaults(&o);
        o.shingle_words = k;
        snprintf(label, sizeof label, "defaults, shingles of %zu words", k);
        sweep_row(label, &o, pred);
    }
    td_dedup_opts_defaults(&o);
    o.exact_words = true;
    sweep_row("defaults, words as written (no normalisation)", &o, pred);
    free(pred);
}

/* The exact overlap of two articles' shingle sets, whatever LSH would propose (the library's
 * internal shingler: this analysis is the only part of the bench that looks inside). */
static overlap pair_overlap(const article *a, const article *b)
{
    td_dedup_opts o;
    td_dedup_opts_defaults(&o);
    shingler sh;
    shingler_init(&sh, o.shingle_words, o.exact_words);
    if (!shingler_run(&sh, a->text, strlen(a->text))) die("out of memory");
    size_t n = sh.ids.len;
    uint32_t *ids = malloc((n + 1) * sizeof *ids);
    memcpy(ids, sh.ids.items, n * sizeof *ids);
    if (!shingler_run(&sh, b->text, strlen(b->text))) die("out of memory");
    overlap ov = overlap_with_current(&sh, ids, n, 0);
    free(ids);
    shingler_free(&sh);
    return ov;
}

static void quantiles(const char *label, double *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_double);
    printf("| %s | %zu | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |\n", label, n, v[0], v[n / 100],
           v[n / 20], v[n / 2], v[n - 1 - n / 20], v[n - 1 - n / 100], v[n - 1]);
}

/* Quantiles of the exact Jaccard similarity and containment of three kinds of pairs: a copy and
 * its source, any two articles of one gold group, and hard negatives (same story, other group). */
static void cmd_pairs(void)
{
    enum { DIRECT, GROUP, HARD, KINDS };
    static const char *const names[KINDS] = {"copy and its source", "any two of a group", "hard negatives"};
    size_t cap = 1 << 16, n[KINDS] = {0};
    double *j[KINDS], *c[KINDS];
    for (int k = 0; k < KINDS; k++) {
        j[k] = malloc(cap * sizeof(double));
        c[k] = malloc(cap * sizeof(double));
    }
    for (size_t x = 0; x < n_arts; x++)
        for (size_t y = x + 1; y < n_arts; y++) {
            bool g = strcmp(arts[x].group, arts[y].group) == 0;
            bool hard = !g && strcmp(arts[x].story, arts[y].story) == 0;
            if (!g && !hard) continue;
            bool direct = g && (strcmp(arts[x].id, arts[x].group) == 0 || strcmp(arts[y].id, arts[y].group) == 0);
            overlap o = pair_overlap(&arts[x], &arts[y]);
            int kinds[2] = {hard ? HARD : GROUP, direct ? DIRECT : -1};
            for (int i = 0; i < 2; i++) {
                int k = kinds[i];
                if (k < 0 || n[k] == cap) continue;
                j[k][n[k]] = o.jaccard;
                c[k][n[k]++] = o.containment;
            }
        }
    printf("| pairs (exact overlap of the shingle sets) | n | min | 1%% | 5%% | median | 95%% | 99%% | max |\n"
           "|---|---|---|---|---|---|---|---|---|\n");
    char label[96];
    for (int k = 0; k < KINDS; k++) {
        snprintf(label, sizeof label, "%s: Jaccard", names[k]);
        quantiles(label, j[k], n[k]);
        snprintf(label, sizeof label, "%s: containment", names[k]);
        quantiles(label, c[k], n[k]);
        free(j[k]);
        free(c[k]);
    }
}

int main(int argc, char **argv)
{
    const char *usage = "usage: dedup_eval run ARTICLES META [RUNS] | score PRED ARTICLES META | sweep ARTICLES META | pairs ARTICLES META";
    if (argc < 4) die(usage);
    const char *cmd = argv[1];
    if (strcmp(cmd, "score") == 0) {
        if (argc < 5) die(usage);
        load(argv[3], argv[4]);
        cmd_score(argv[2]);
    } else {
        load(argv[2], argv[3]);
        if (strcmp(cmd, "run") == 0) cmd_run(argc > 4 ? (size_t)atoi(argv[4]) : 5);
        else if (strcmp(cmd, "sweep") == 0) cmd_sweep();
        else if (strcmp(cmd, "pairs") == 0) cmd_pairs();
        else die(usage);
    }
    return 0;
}

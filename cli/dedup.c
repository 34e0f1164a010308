/* dedup.c — `tidings dedup [FILE…]`: finds the copies among articles (syndicated republications,
 * cut-down versions) and prints their groups: for people, each group with its representative and
 * its members' similarity; with --json, one {"id", "group", "similarity"} a line in input order. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "options.h"
#include "tidings.h"

static const char help[] =
    "Usage: tidings dedup [options] [FILE...]\n"
    "\n"
    "Finds the copies among news articles: the same article republished with another headline,\n"
    "byline or boilerplate, copy edits, a trimmed or extended ending, dropped or merged paragraphs,\n"
    "or cut down to its first part. Different articles about the same event are not copies, even\n"
    "when they share names and quotes. Each group of copies is represented by its fullest version.\n"
    "\n"
    "Input: JSON Lines, an article a line: \"id\" and \"text\" (\"title\", \"source\", \"url\",\n"
    "\"date\" may be there and are not used); or text files, folders, web pages as elsewhere, each\n"
    "file an article named by its path. Reads standard input when no FILE (or '-') is given. A JSON\n"
    "line without \"id\" is named FILE:LINE; an empty or repeated id is an error.\n"
    "\n"
    "Output: the groups with copies, each with its representative and every member's similarity\n"
    "(Jaccard similarity of their word shingles with the representative's, and the share of the\n"
    "smaller one's shingles found in the other), then the number of articles without copies.\n"
    "\n"
    "Options:\n"
    "  --json              one line an article, in input order: {\"id\", \"group\", \"similarity\"};\n"
    "                      group is the id of its group's representative (its own id when it has\n"
    "                      no copy), similarity its Jaccard similarity with it (1 for itself)\n"
    "  --threshold J       a copy shares at least this Jaccard similarity (default 0.5)...\n"
    "  --containment C     ...or this share of the smaller article's shingles (default 0.4)\n"
    "  -f, --format NAME   input format: auto (default), text, multinews, sgml, jsonl, html\n"
    "  -h, --help          show this help\n"
    "\n"
    "Examples:\n"
    "  tidings dedup articles.jsonl\n"
    "  tidings dedup --json articles.jsonl > groups.jsonl\n"
    "  cat today/*.jsonl | tidings dedup --json --threshold 0.6 -\n"
    "  tidings dedup pages/\n"
    "\n"
    "Exit status: 0 on success, 1 when an input is missing, empty, unreadable, not UTF-8 or\n"
    "malformed (the message names it), 2 on a usage error.\n";

/* The articles of all inputs, in order: ids and texts borrowed from the clusters kept here. */
typedef struct articles {
    td_cluster **clusters;
    size_t n_clusters;
    const td_document **docs;
    size_t n;
} articles;

static void articles_free(articles *a)
{
    for (size_t i = 0; i < a->n_clusters; i++) td_cluster_free(a->clusters[i]);
    free(a->clusters);
    free(a->docs);
}

static bool articles_add(articles *a, td_cluster *c)
{
    td_cluster **cs = realloc(a->clusters, (a->n_clusters + 1) * sizeof *cs);
    if (!cs) return false;
    a->clusters = cs;
    a->clusters[a->n_clusters++] = c;
    const td_document **docs = realloc(a->docs, (a->n + c->n_docs + 1) * sizeof *docs);
    if (!docs) return false;
    a->docs = docs;
    for (size_t d = 0; d < c->n_docs; d++) a->docs[a->n++] = &c->docs[d];
    return true;
}

static int compare_names(const void *x, const void *y)
{
    const td_document *a = *(const td_document *const *)x, *b = *(const td_document *const *)y;
    return strcmp(a->name, b->name);
}

/* A repeated id makes the output ambiguous: the one-line error names it (the reader refuses an
 * empty one). */
static bool check_ids(const articles *a, char *msg, size_t size)
{
    const td_document **sorted = malloc((a->n + 1) * sizeof *sorted);
    if (!sorted) {
        snprintf(msg, size, "out of memory");
        return false;
    }
    memcpy(sorted, a->docs, a->n * sizeof *sorted);
    qsort(sorted, a->n, sizeof *sorted, compare_names);
    bool ok = true;
    for (size_t i = 1; i < a->n && ok; i++)
        if (!strcmp(sorted[i - 1]->name, sorted[i]->name)) {
            snprintf(msg, size, "the id \"%.200s\" is given to more than one article", sorted[i]->name);
            ok = false;
        }
    free(sorted);
    return ok;
}

static void print_json_string(const char *s)
{
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') printf("\\%c", *p);
        else if (*p < 0x20) printf("\\u%04x", *p);
        else putchar(*p);
    }
    putchar('"');
}

static void print_json(const articles *a, const td_dedup_member *m)
{
    for (size_t i = 0; i < a->n; i++) {
        fputs("{\"id\": ", stdout);
        print_json_string(a->docs[i]->name);
        fputs(", \"group\": ", stdout);
        print_json_string(a->docs[m[i].group]->name);
        printf(", \"similarity\": %.4f}\n", m[i].similarity);
    }
}

static void print_text(const articles *a, const td_dedup_member *m)
{
    size_t *size = calloc(a->n, sizeof *size); /* per representative: its group's size */
    if (!size) return;
    for (size_t i = 0; i < a->n; i++) size[m[i].group]++;
    size_t groups = 0, alone = 0;
    for (size_t rep = 0; rep < a->n; rep++) {
        if (size[rep] == 0) continue;
        if (size[rep] == 1) {
            alone++;
            continue;
        }
        printf("%sgroup %zu: %zu articles\n", groups ? "\n" : "", groups + 1, size[rep]);
        printf("  %s  (representative, the fullest version)\n", a->docs[rep]->name);
        for (size_t i = 0; i < a->n; i++)
            if (m[i].group == rep && i != rep)
                printf("  %s  similarity %.2f, containment %.2f\n", a->docs[i]->name, m[i].similarity,
                       m[i].containment);
        groups++;
    }
    printf("%s%zu article%s in %zu group%s of copies; %zu article%s without copies\n", groups ? "\n" : "",
           a->n - alone, a->n - alone == 1 ? "" : "s", groups, groups == 1 ? "" : "s", alone,
           alone == 1 ? "" : "s");
    free(size);
}

/* Parses a number in (0, 1]. */
static bool parse_share(const char *s, double *out)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end || !(v > 0 && v <= 1)) return false;
    *out = v;
    return true;
}

int cmd_dedup(int argc, char **argv)
{
    enum { OPT_JSON = 256, OPT_THRESHOLD, OPT_CONTAINMENT };
    static const struct option longopts[] = {
        {"json", no_argument, NULL, OPT_JSON},
        {"threshold", required_argument, NULL, OPT_THRESHOLD},
        {"containment", required_argument, NULL, OPT_CONTAINMENT},
        {"format", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    bool json = false;
    td_format format = TD_FORMAT_AUTO;
    td_dedup_opts opts;
    td_dedup_opts_defaults(&opts);
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":f:h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_JSON: json = true; break;
        case OPT_THRESHOLD:
        case OPT_CONTAINMENT:
            if (!parse_share(optarg, c == OPT_THRESHOLD ? &opts.threshold : &opts.containment)) {
                cli_error("dedup", "--%s needs a number above 0 and at most 1, not '%s'",
                          c == OPT_THRESHOLD ? "threshold" : "containment", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'f':
            if (!cli_format("dedup", optarg, &format)) return EXIT_USAGE;
            break;
        case 'h': fputs(help, stdout); return EXIT_OK;
        default: return cli_bad_option("dedup", c, argv);
        }
    }
    const char *const *inputs;
    size_t n_inputs;
    cli_inputs(argc, argv, optind, &inputs, &n_inputs);

    /* Everything is read and checked before anything is printed. */
    td_error err = {0};
    articles a = {0};
    td_reader *r = td_reader_open(inputs, n_inputs, format, &err);
    td_cluster *cluster = NULL;
    int got = r ? td_reader_next(r, &cluster, &err) : -1;
    for (; got == 1; got = td_reader_next(r, &cluster, &err)) {
        if (!articles_add(&a, cluster)) {
            td_cluster_free(cluster);
            snprintf(err.message, sizeof err.message, "out of memory");
            got = -1;
        }
        if (got < 0) break;
    }
    td_reader_close(r);
    int rc = EXIT_OK;
    if (got < 0 || !check_ids(&a, err.message, sizeof err.message)) {
        cli_error("dedup", "%s", err.message);
        articles_free(&a);
        return EXIT_INPUT;
    }

    td_dedup *d = td_dedup_new(&opts, &err);
    td_dedup_member *members = malloc((a.n + 1) * sizeof *members);
    td_dedup_match match;
    bool ok = d && members;
    if (d && !members) snprintf(err.message, sizeof err.message, "out of memory");
    for (size_t i = 0; ok && i < a.n; i++) ok = td_dedup_add(d, a.docs[i]->text, a.docs[i]->text_len, &match, &err) == TD_OK;
    if (ok) ok = td_dedup_groups(d, members, &err) == TD_OK;
    if (!ok) {
        cli_error("dedup", "%s", err.message);
        rc = EXIT_INPUT;
    } else if (json) {
        print_json(&a, members);
    } else {
        print_text(&a, members);
    }
    free(members);
    td_dedup_free(d);
    articles_free(&a);
    return cli_flush("dedup", rc);
}

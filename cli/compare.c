/* compare.c — `tidings compare` (what the articles of a story share, what one alone says, where they
 * disagree) and `tidings report` (the story report: HTML, Markdown or JSON). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "options.h"
#include "tidings.h"

static const char compare_usage[] =
    "Usage: tidings compare [options] FILE...|DIR|-\n"
    "\n"
    "Compares the articles of a story: the content most of them report (consensus), details\n"
    "only one reports, where they disagree (different numbers, money or dates in the same place,\n"
    "the same quote given to different speakers, opposite statements such as rejected / has yet\n"
    "to respond), and the quotes with their speakers. Inputs are read as by tidings summarize.\n"
    "\n"
    "Options:\n"
    "  -f, --format NAME  input format: auto (default), text, multinews, sgml, jsonl, html\n"
    "      --json         JSON Lines: one object per story (id, documents, quotes, consensus,\n"
    "                     unique, disagreements; article indexes from 0)\n"
    "  -h, --help         show this help\n"
    "\n"
    "Examples:\n"
    "  tidings compare examples/harbour-bridge/\n"
    "  tidings compare --json a.txt b.txt c.txt | jq '.disagreements'\n"
    "\n"
    "Exit status: 0 on success, 1 when an input is bad or unreadable, 2 on a usage error.\n";

static const char report_usage[] =
    "Usage: tidings report [options] FILE...|DIR|-\n"
    "\n"
    "Writes the report of a story: the headline, the summary with its sources, the quotes by\n"
    "speaker, which article reports what (a heat map), the disagreements side by side, a\n"
    "timeline of the dates mentioned, and the cleaned articles with the summary's sentences\n"
    "marked. The HTML page is self-contained: no scripts, fonts or other files are loaded.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE  write to FILE (through a temporary file) instead of standard output;\n"
    "                     with several stories, FILE gets each story's id before its extension\n"
    "                     (on standard output the reports of several stories follow each other)\n"
    "      --markdown     Markdown instead of HTML\n"
    "      --json         one JSON object per story instead of HTML\n"
    "  -f, --format NAME  input format: auto (default), text, multinews, sgml, jsonl, html\n"
    "  -h, --help         show this help\n"
    "\n"
    "Examples:\n"
    "  tidings report -o build/harbour-bridge.html examples/harbour-bridge/\n"
    "  tidings report --markdown a.txt b.txt > story.md\n"
    "\n"
    "Exit status: 0 on success, 1 when an input is bad or unreadable, 2 on a usage error.\n";

typedef struct compare_args {
    bool report;            /* tidings report, else tidings compare */
    td_format format;       /* input format */
    bool json, markdown;    /* output forms */
    const char *output;     /* report: a file, or NULL for standard output */
} compare_args;

static int parse_args(int argc, char **argv, const char *cmd, compare_args *a, int *first)
{
    enum { OPT_JSON = 256, OPT_MARKDOWN };
    static const struct option compare_opts[] = {
        {"format", required_argument, NULL, 'f'}, {"json", no_argument, NULL, OPT_JSON},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0},
    };
    static const struct option report_opts[] = {
        {"format", required_argument, NULL, 'f'}, {"json", no_argument, NULL, OPT_JSON},
        {"markdown", no_argument, NULL, OPT_MARKDOWN}, {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0},
    };
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, a->report ? ":f:o:h" : ":f:h", a->report ? report_opts : compare_opts,
                            NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!cli_format(cmd, optarg, &a->format)) return EXIT_USAGE;
            break;
        case OPT_JSON: a->json = true; break;
        case OPT_MARKDOWN: a->markdown = true; break;
        case 'o': a->output = optarg; break;
        case 'h': fputs(a->report ? report_usage : compare_usage, stdout); return EXIT_OK;
        default: return cli_bad_option(cmd, c, argv);
        }
    }
    if (a->json && a->markdown) {
        cli_error(cmd, "--json and --markdown exclude each other");
        return EXIT_USAGE;
    }
    *first = optind;
    return -1;
}

/* The output file of one story: FILE itself, or with several stories FILE with "-ID" before its extension. */
static void story_path(const char *output, const char *id, bool many, char *path, size_t size)
{
    if (!many) {
        snprintf(path, size, "%s", output);
        return;
    }
    char safe[200];
    cli_file_name(id, safe, sizeof safe);
    const char *dot = strrchr(output, '.'), *slash = strrchr(output, '/');
    if (!dot || (slash && dot < slash)) dot = output + strlen(output);
    snprintf(path, size, "%.*s-%s%s", (int)(dot - output), output, safe, dot);
}

/* Compares (and for a report, summarises) one story and writes it; false with err set on failure. */
static bool emit(td_summarizer *sz, const td_cluster *c, const compare_args *a, bool many, td_error *err)
{
    td_comparison *cmp = td_compare(c, err);
    if (!cmp) return false;
    char *out = NULL;
    if (!a->report) {
        out = td_render_comparison(cmp, c, a->json ? TD_OUTPUT_JSON : TD_OUTPUT_TEXT);
    } else {
        td_summary *sum = td_summarize(sz, c, err);
        if (!sum) {
            td_comparison_free(cmp);
            return false;
        }
        out = td_render_report(cmp, sum, c, a->json ? TD_REPORT_JSON : a->markdown ? TD_REPORT_MARKDOWN : TD_REPORT_HTML);
        td_summary_free(sum);
    }
    td_comparison_free(cmp);
    if (!out) {
        err->code = TD_ERR_NOMEM;
        snprintf(err->message, sizeof err->message, "out of memory");
        return false;
    }
    bool ok = true;
    if (a->output) {
        char path[4096];
        story_path(a->output, c->id, many, path, sizeof path);
        ok = cli_write_file(path, out, err);
        if (ok) fprintf(stderr, "tidings report: wrote %s\n", path);
    } else {
        if (many && !a->json && !a->report) putchar('\n');
        fputs(out, stdout);
        ok = !ferror(stdout);
    }
    free(out);
    return ok;
}

static int run(int argc, char **argv, bool report)
{
    const char *cmd = report ? "report" : "compare";
    compare_args a = {.report = report, .format = TD_FORMAT_AUTO};
    int first = 0;
    int rc = parse_args(argc, argv, cmd, &a, &first);
    if (rc >= 0) return rc;
    const char *const *inputs;
    size_t n_inputs;
    cli_inputs(argc, argv, first, &inputs, &n_inputs);
    td_error err = {0};
    td_summary_opts opts;
    td_summary_opts_defaults(&opts);
    opts.max_words = 120;
    td_reader *r = td_reader_open(inputs, n_inputs, a.format, &err);
    td_summarizer *sz = r && report ? td_summarizer_new(&opts, &err) : NULL;
    rc = EXIT_OK;
    if (!r || (report && !sz)) {
        rc = EXIT_INPUT;
    } else {
        /* one cluster ahead, to know whether the input holds several stories */
        td_cluster *cur = NULL, *next = NULL;
        int got = td_reader_next(r, &cur, &err);
        size_t done = 0;
        while (got == 1) {
            got = td_reader_next(r, &next, &err);
            bool ok = emit(sz, cur, &a, done > 0 || got == 1, &err);
            td_cluster_free(cur);
            cur = next;
            next = NULL;
            if (!ok) {
                got = -1;
                break;
            }
            done++;
        }
        td_cluster_free(cur);
        if (got < 0) rc = EXIT_INPUT;
    }
    if (rc != EXIT_OK) cli_error(cmd, "%s", err.message);
    td_summarizer_free(sz);
    td_reader_close(r);
    return cli_flush(cmd, rc);
}

int cmd_compare(int argc, char **argv)
{
    return run(argc, argv, false);
}

int cmd_report(int argc, char **argv)
{
    return run(argc, argv, true);
}

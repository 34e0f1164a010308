/* summarize.c — `tidings summarize`: read articles, print a summary per story with its sources. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "options.h"
#include "tidings.h"

static const char usage[] =
    "Usage: tidings summarize [options] FILE...|DIR|-\n"
    "\n"
    "Summarises the articles of a story: the sentences that tell it best, in reading order,\n"
    "each followed by the articles that report it, then the numbered list of articles.\n"
    "Files together make one story; a folder of folders, a Multi-News file or a JSON Lines\n"
    "file of clusters gives one summary per story, streamed in input order. With no input,\n"
    "or '-', reads standard input.\n"
    "\n"
    "Options:\n"
    "  -m, --method NAME    concepts (default), lead, centroid, lexrank, textrank, ilp\n"
    "  -w, --words N        at most N words (default 250 when no other limit is given)\n"
    "  -b, --bytes N        at most N bytes (sentences joined by one space)\n"
    "  -n, --sentences N    at most N sentences\n"
    "  -f, --format NAME    input format: auto (default), text, multinews, sgml, jsonl,\n"
    "                       html (web pages; any input may be gzip-compressed)\n"
    "      --json           JSON Lines: one object per story (sentences, offsets, sources, scores)\n"
    "      --markdown       Markdown: a heading, the sentences as a list, the sources\n"
    "  -o, --output-dir DIR write each story's summary to DIR/ID.txt, one sentence a line\n"
    "                       (the layout ROUGE scorers read) instead of standard output\n"
    "      --no-clean       summarise the raw text: skip the cleaner that drops web debris\n"
    "                       (prompts, bylines, credits, link lists, …; see tidings clean)\n"
    "      --no-compress    print whole sentences: the default method otherwise leaves out\n"
    "                       short parentheses and asides (\", who ...,\", \", 82,\")\n"
    "  -q, --quiet          no progress line on standard error\n"
    "  -h, --help           show this help\n"
    "\n"
    "Examples:\n"
    "  tidings summarize examples/harbour-bridge/\n"
    "  tidings summarize --words 100 --json a.txt b.txt c.txt\n"
    "  tidings summarize --format multinews --method lexrank dev.src > summaries.jsonl\n"
    "\n"
    "Exit status: 0 on success, 1 when an input is bad or unreadable, 2 on a usage error.\n";

typedef struct summarize_args {
    td_summary_opts opts;   /* method and budget */
    td_format format;       /* input format */
    td_output_format output; /* text, JSON or Markdown */
    bool quiet;             /* no progress line */
    const char *output_dir; /* one file a story, or NULL for standard output */
} summarize_args;

/* Parses the options; returns -1 to go on, else the exit code. *first gets the first input's index. */
static int parse_args(int argc, char **argv, summarize_args *a, int *first)
{
    enum { OPT_JSON = 256, OPT_MARKDOWN, OPT_NO_CLEAN, OPT_NO_COMPRESS };
    static const struct option longopts[] = {
        {"method", required_argument, NULL, 'm'}, {"words", required_argument, NULL, 'w'},
        {"bytes", required_argument, NULL, 'b'},  {"sentences", required_argument, NULL, 'n'},
        {"format", required_argument, NULL, 'f'}, {"json", no_argument, NULL, OPT_JSON},
        {"markdown", no_argument, NULL, OPT_MARKDOWN}, {"quiet", no_argument, NULL, 'q'},
        {"output-dir", required_argument, NULL, 'o'}, {"no-clean", no_argument, NULL, OPT_NO_CLEAN},
        {"no-compress", no_argument, NULL, OPT_NO_COMPRESS},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0},
    };
    td_summary_opts_defaults(&a->opts);
    a->format = TD_FORMAT_AUTO;
    a->output = TD_OUTPUT_TEXT;
    a->quiet = false;
    a->output_dir = NULL;
    size_t words = 0, bytes = 0, sentences = 0;
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":m:w:b:n:f:o:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'm':
            if (!td_method_parse(optarg, &a->opts.method)) {
                cli_error("summarize", "unknown method '%s' (concepts, lead, centroid, lexrank, textrank, ilp)", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'w':
        case 'b':
        case 'n': {
            size_t *slot = c == 'w' ? &words : c == 'b' ? &bytes : &sentences;
            if (!parse_count(optarg, slot)) {
                cli_error("summarize", "%s needs a positive whole number, not '%s'", argv[optind - 1], optarg);
                return EXIT_USAGE;
            }
            break;
        }
        case 'f':
            if (!cli_format("summarize", optarg, &a->format)) return EXIT_USAGE;
            break;
        case OPT_JSON: a->output = TD_OUTPUT_JSON; break;
        case OPT_MARKDOWN: a->output = TD_OUTPUT_MARKDOWN; break;
        case OPT_NO_CLEAN: a->opts.no_clean = true; break;
        case OPT_NO_COMPRESS: a->opts.no_compress = true; break;
        case 'q': a->quiet = true; break;
        case 'o': a->output_dir = optarg; break;
        case 'h': fputs(usage, stdout); return EXIT_OK;
        default: return cli_bad_option("summarize", c, argv);
        }
    }
    if (words || bytes || sentences) {
        a->opts.max_words = words;
        a->opts.max_bytes = bytes;
        a->opts.max_sentences = sentences;
    }
    *first = optind;
    return -1;
}

/* Writes the summary's sentences, one a line, to DIR/ID.txt (cli_write_file: nothing half-written). */
static bool write_story_file(const char *dir, const td_cluster *c, const td_summary *sum, td_error *err)
{
    char id[256], path[4096];
    cli_file_name(c->id, id, sizeof id);
    snprintf(path, sizeof path, "%s/%s.txt", dir, id);
    size_t len = 1;
    for (size_t i = 0; i < sum->n_sentences; i++) len += strlen(sum->sentences[i].text) + 1;
    char *text = malloc(len), *end = text;
    if (!text) {
        err->code = TD_ERR_NOMEM;
        snprintf(err->message, sizeof err->message, "%.400s: out of memory", path);
        return false;
    }
    *end = '\0';
    for (size_t i = 0; i < sum->n_sentences; i++) {
        size_t n = strlen(sum->sentences[i].text);
        memcpy(end, sum->sentences[i].text, n);
        end += n;
        *end++ = '\n';
        *end = '\0';
    }
    bool ok = cli_write_file(path, text, err);
    free(text);
    return ok;
}

/* Summarises and prints one cluster; false (with err set) on failure. */
static bool emit(td_summarizer *sz, const td_cluster *c, const summarize_args *a, bool many, td_error *err)
{
    td_summary *sum = td_summarize(sz, c, err);
    if (!sum) return false;
    if (a->output_dir) {
        bool ok = write_story_file(a->output_dir, c, sum, err);
        td_summary_free(sum);
        return ok;
    }
    char *out = td_render_summary(sum, c, &a->opts, a->output);
    td_summary_free(sum);
    if (!out) {
        err->code = TD_ERR_NOMEM;
        snprintf(err->message, sizeof err->message, "out of memory");
        return false;
    }
    if (many && a->output == TD_OUTPUT_TEXT) printf("== story %s ==\n", c->id);
    fputs(out, stdout);
    if (many && a->output != TD_OUTPUT_JSON) putchar('\n');
    free(out);
    return !ferror(stdout);
}

/* A progress bar on standard error (only when it is a terminal): "[#####-----]  48%  37 stories". */
static void show_progress(double fraction, size_t stories)
{
    enum { WIDTH = 30 };
    int filled = (int)(fraction * WIDTH + 0.5);
    fputs("\r[", stderr);
    for (int i = 0; i < WIDTH; i++) fputc(i < filled ? '#' : '-', stderr);
    fprintf(stderr, "] %3d%%  %zu stories", (int)(fraction * 100 + 0.5), stories);
}

int cmd_summarize(int argc, char **argv)
{
    summarize_args a;
    int first = 0;
    int rc = parse_args(argc, argv, &a, &first);
    if (rc >= 0) return rc;
    const char *const *inputs;
    size_t n_inputs;
    cli_inputs(argc, argv, first, &inputs, &n_inputs);

    td_error err = {0};
    struct stat st;
    if (a.output_dir && (stat(a.output_dir, &st) != 0 || !S_ISDIR(st.st_mode))) {
        cli_error("summarize", "%s: not a folder", a.output_dir);
        return EXIT_INPUT;
    }
    td_reader *r = td_reader_open(inputs, n_inputs, a.format, &err);
    td_summarizer *sz = r ? td_summarizer_new(&a.opts, &err) : NULL;
    bool progress = !a.quiet && isatty(STDERR_FILENO);
    rc = EXIT_OK;
    if (!sz) {
        rc = err.code == TD_ERR_USAGE ? EXIT_USAGE : EXIT_INPUT;
    } else {
        /* Read one cluster ahead, to know whether the input holds one story or many. */
        td_cluster *cur = NULL, *next = NULL;
        int got = td_reader_next(r, &cur, &err);
        size_t done = 0;
        while (got == 1) {
            got = td_reader_next(r, &next, &err);
            bool many = done > 0 || got == 1;
            bool ok = emit(sz, cur, &a, many, &err);
            td_cluster_free(cur);
            cur = next;
            next = NULL;
            if (!ok) {
                got = -1;
                break;
            }
            done++;
            if (progress && many) show_progress(td_reader_progress(r), done);
        }
        td_cluster_free(cur);
        if (progress && done > 1) fputs("\r\033[K", stderr); /* the bar goes away when done */
        if (got < 0) rc = EXIT_INPUT;
    }
    if (rc != EXIT_OK) cli_error("summarize", "%s", err.message);
    td_summarizer_free(sz);
    td_reader_close(r);
    return cli_flush("summarize", rc);
}

/* summarize.c — `tidings summarize`: read articles, print a summary per story with its sources.
 * Many stories are summarised in batches by several threads, each with its own summariser, and
 * printed in input order: the output is that of one thread. */
#include <getopt.h>
#include <pthread.h>
#include <stdatomic.h>
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
    "  -j, --jobs N         summarise N stories at once, on N threads (default: one a core, at\n"
    "                       most 8; ilp uses one); the output is the same\n"
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
    size_t jobs;            /* threads for many stories, 1 to JOBS_MAX */
} summarize_args;

enum { JOBS_MAX = 64, JOBS_DEFAULT_MAX = 8, BATCH_PER_JOB = 16 };

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
        {"no-compress", no_argument, NULL, OPT_NO_COMPRESS}, {"jobs", required_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0},
    };
    td_summary_opts_defaults(&a->opts);
    a->format = TD_FORMAT_AUTO;
    a->output = TD_OUTPUT_TEXT;
    a->quiet = false;
    a->output_dir = NULL;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    a->jobs = cores < 1 ? 1 : cores > JOBS_DEFAULT_MAX ? JOBS_DEFAULT_MAX : (size_t)cores;
    size_t words = 0, bytes = 0, sentences = 0;
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":m:w:b:n:f:o:j:qh", longopts, NULL)) != -1) {
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
        case 'j':
            if (!parse_count(optarg, &a->jobs) || a->jobs > JOBS_MAX) {
                cli_error("summarize", "--jobs needs a whole number from 1 to %d, not '%s'", JOBS_MAX, optarg);
                return EXIT_USAGE;
            }
            break;
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
    if (a->opts.method == TD_METHOD_ILP) a->jobs = 1; /* GLPK keeps an environment per thread */
    *first = optind;
    return -1;
}

/* The summary's sentences, one a line (what --output-dir writes); NULL when out of memory. */
static char *story_file_text(const td_summary *sum)
{
    size_t len = 1;
    for (size_t i = 0; i < sum->n_sentences; i++) len += strlen(sum->sentences[i].text) + 1;
    char *text = malloc(len), *end = text;
    if (!text) return NULL;
    *end = '\0';
    for (size_t i = 0; i < sum->n_sentences; i++) {
        size_t n = strlen(sum->sentences[i].text);
        memcpy(end, sum->sentences[i].text, n);
        end += n;
        *end++ = '\n';
        *end = '\0';
    }
    return text;
}

/* One story of a batch: its cluster, and what is printed (or written) for it. */
typedef struct story_job {
    td_cluster *cluster;
    char *text;   /* the rendered summary, or the text of its file with --output-dir; NULL on error */
    td_error err; /* why text is NULL */
} story_job;

/* The stories of a batch, taken one at a time by the threads. */
typedef struct batch {
    story_job *jobs;
    size_t n;
    atomic_size_t next;       /* the next story to take */
    td_summarizer **sz;       /* one summariser a thread */
    const summarize_args *a;
} batch;

/* One thread of a batch: which summariser it uses. */
typedef struct worker {
    batch *b;
    size_t index;
} worker;

/* Summarises one story and renders what is printed for it. */
static void summarize_job(td_summarizer *sz, story_job *j, const summarize_args *a)
{
    td_summary *sum = td_summarize(sz, j->cluster, &j->err);
    if (!sum) return;
    j->text = a->output_dir ? story_file_text(sum) : td_render_summary(sum, j->cluster, &a->opts, a->output);
    td_summary_free(sum);
    if (!j->text) {
        j->err.code = TD_ERR_NOMEM;
        snprintf(j->err.message, sizeof j->err.message, "out of memory");
    }
}

static void *work(void *arg)
{
    const worker *w = arg;
    batch *b = w->b;
    for (size_t i; (i = atomic_fetch_add(&b->next, 1)) < b->n;) summarize_job(b->sz[w->index], &b->jobs[i], b->a);
    return NULL;
}

/* Summarises the stories of b on n_threads threads, this one included (fewer when a thread
 * cannot be started). */
static void run_batch(batch *b, size_t n_threads)
{
    pthread_t threads[JOBS_MAX];
    worker workers[JOBS_MAX];
    size_t started = 1;
    atomic_store(&b->next, 0);
    for (size_t t = 0; t < n_threads; t++) workers[t] = (worker){b, t};
    for (; started < n_threads; started++)
        if (pthread_create(&threads[started], NULL, work, &workers[started]) != 0) break;
    work(&workers[0]);
    for (size_t t = 1; t < started; t++) pthread_join(threads[t], NULL);
}

/* Prints (or writes to its file) one summarised story; false (with err set) on failure. */
static bool print_story(const story_job *j, const summarize_args *a, bool many, td_error *err)
{
    if (a->output_dir) {
        char id[256], path[4096];
        cli_file_name(j->cluster->id, id, sizeof id);
        snprintf(path, sizeof path, "%s/%s.txt", a->output_dir, id);
        return cli_write_file(path, j->text, err); /* nothing half-written */
    }
    if (many && a->output == TD_OUTPUT_TEXT) printf("== story %s ==\n", j->cluster->id);
    fputs(j->text, stdout);
    if (many && a->output != TD_OUTPUT_JSON) putchar('\n');
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
    td_summarizer *sz[JOBS_MAX] = {r ? td_summarizer_new(&a.opts, &err) : NULL};
    size_t n_sz = 1, cap = a.jobs == 1 ? 1 : a.jobs * BATCH_PER_JOB;
    story_job *jobs = sz[0] ? malloc(cap * sizeof *jobs) : NULL;
    bool progress = !a.quiet && isatty(STDERR_FILENO);
    rc = EXIT_OK;
    if (!jobs) {
        if (sz[0]) snprintf(err.message, sizeof err.message, "out of memory");
        rc = err.code == TD_ERR_USAGE ? EXIT_USAGE : EXIT_INPUT;
    } else {
        /* Read one cluster ahead, to know whether the input holds one story or many; a read
         * error is reported after the stories before it. */
        td_error read_err = {0};
        td_cluster *ahead = NULL;
        int got = td_reader_next(r, &ahead, &read_err);
        size_t done = 0;
        bool ok = true;
        while (got == 1 && ok) {
            batch b = {.jobs = jobs, .n = 0, .sz = sz, .a = &a};
            while (got == 1 && b.n < cap) {
                jobs[b.n++] = (story_job){.cluster = ahead};
                ahead = NULL;
                got = td_reader_next(r, &ahead, &read_err);
            }
            bool many = done > 0 || b.n > 1 || got == 1;
            size_t n_threads = b.n < a.jobs ? b.n : a.jobs;
            for (; n_sz < n_threads; n_sz++)
                if (!(sz[n_sz] = td_summarizer_new(&a.opts, &err))) break;
            run_batch(&b, n_sz < n_threads ? n_sz : n_threads);
            for (size_t i = 0; i < b.n; i++) {
                story_job *j = &jobs[i];
                if (ok && !j->text) err = j->err;
                ok = ok && j->text && print_story(j, &a, many, &err);
                done += ok;
                if (ok && progress && many) show_progress(td_reader_progress(r), done);
                td_cluster_free(j->cluster);
                free(j->text);
            }
        }
        td_cluster_free(ahead);
        if (progress && done > 1) fputs("\r\033[K", stderr); /* the bar goes away when done */
        if (ok && got < 0) err = read_err;
        if (!ok || got < 0) rc = EXIT_INPUT;
    }
    if (rc != EXIT_OK) cli_error("summarize", "%s", err.message);
    for (size_t t = 0; t < n_sz; t++) td_summarizer_free(sz[t]);
    free(jobs);
    td_reader_close(r);
    return cli_flush("summarize", rc);
}

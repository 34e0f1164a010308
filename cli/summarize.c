/* summarize.c — `tidings summarize`: read articles, print a summary per story with its sources.
 * Many stories are summarised by several threads, each with its own summariser, while the main
 * thread reads the next ones; they are printed in input order: the output is that of one thread. */
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */
#include <errno.h>
#include <getopt.h>
#include <malloc.h>
#include <pthread.h>
#include <sched.h>
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

enum { JOBS_MAX = 64, JOBS_DEFAULT_MAX = 8, WINDOW_PER_JOB = 16 };

/* The cores this process may run on (its CPU affinity): one system call, where
 * sysconf(_SC_NPROCESSORS_ONLN) opens and reads a file of /sys, 12-22 us of every run here. */
static size_t usable_cores(void)
{
    cpu_set_t set;
    return sched_getaffinity(0, sizeof set, &set) == 0 ? (size_t)CPU_COUNT(&set) : 1;
}

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
    size_t cores = usable_cores();
    a->jobs = cores < 1 ? 1 : cores > JOBS_DEFAULT_MAX ? JOBS_DEFAULT_MAX : cores;
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

/* One story on its way: its cluster, and what is printed (or written) for it. */
typedef struct story_job {
    td_cluster *cluster;
    char *text;   /* the rendered summary, or the text of its file with --output-dir; NULL on error */
    td_error err; /* why text is NULL */
    bool done;    /* text or err is set (under queue.lock) */
} story_job;

/* The stories read and not yet printed, in input order (story k in slots[k % window]). The main
 * thread reads them in and prints them; the workers, and the main thread when it cannot read,
 * take them in order and summarise them. */
typedef struct queue {
    pthread_mutex_t lock;
    pthread_cond_t added;    /* a story was added, or stop or quit set: for the workers */
    pthread_cond_t finished; /* a story was summarised: for the main thread */
    story_job *slots;
    size_t window;  /* slots: how far reading may run ahead of printing */
    size_t n_read;  /* stories added (written by the main thread under lock) */
    size_t n_taken; /* stories taken to be summarised (under lock) */
    bool stop;      /* no more stories come: workers leave when none is left to take */
    bool quit;      /* the output ended with an error: workers leave after their story */
    const summarize_args *a;
} queue;

/* A worker thread's queue and summariser. */
typedef struct worker {
    queue *q;
    td_summarizer *sz;
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

/* With q->lock held: takes the next story to summarise and summarises it (the lock released
 * meanwhile); false when there is none to take. */
static bool take_story(queue *q, td_summarizer *sz)
{
    if (q->quit || q->n_taken == q->n_read) return false;
    story_job *j = &q->slots[q->n_taken++ % q->window];
    pthread_mutex_unlock(&q->lock);
    summarize_job(sz, j, q->a);
    pthread_mutex_lock(&q->lock);
    j->done = true;
    pthread_cond_signal(&q->finished);
    return true;
}

static void *work(void *arg)
{
    const worker *w = arg;
    queue *q = w->q;
    pthread_mutex_lock(&q->lock);
    while (take_story(q, w->sz) || (!q->stop && !q->quit)) {
        if (q->n_taken == q->n_read && !q->stop && !q->quit) pthread_cond_wait(&q->added, &q->lock);
    }
    pthread_mutex_unlock(&q->lock);
    return NULL;
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
    if (!ferror(stdout)) return true;
    err->code = TD_ERR_IO;
    snprintf(err->message, sizeof err->message, "cannot write the output: %s", strerror(errno));
    return false;
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

/* Starts the worker threads (a->jobs - 1 of them, fewer when a summariser or thread cannot be
 * made), each with a summariser of its own (sz[1..]); their number. */
static size_t start_workers(queue *q, td_summarizer **sz, worker *workers, pthread_t *threads)
{
    size_t n = 0;
    td_error err = {0};
    /* each thread's malloc arena otherwise grows and gives memory back a few pages at a time: the
     * mprotect and munmap calls of a process with threads make every core flush its TLB, and two
     * threads took 83 ms of CPU for what one does in 50 (bench/RESULTS.md); with 4 MB of slack
     * kept at the top of each heap they take 51 */
    if (q->a->jobs > 1) {
        mallopt(M_TOP_PAD, 4 << 20);
        mallopt(M_MMAP_THRESHOLD, 4 << 20);
    }
    while (n + 1 < q->a->jobs && (sz[n + 1] = td_summarizer_new(&q->a->opts, &err))) {
        workers[n] = (worker){q, sz[n + 1]};
        if (pthread_create(&threads[n], NULL, work, &workers[n]) != 0) break;
        n++;
    }
    return n;
}

/* Reads the stories, has them summarised (on a->jobs threads once there are two) and prints them
 * in input order. A story is printed once the next one is read or the input has ended, so that
 * the first knows whether it is one of many; reading runs up to q->window stories ahead. Returns
 * the exit code, with err set when it is not EXIT_OK. */
static int run_stories(queue *q, td_reader *r, td_summarizer **sz, td_error *err)
{
    const summarize_args *a = q->a;
    pthread_t threads[JOBS_MAX];
    worker workers[JOBS_MAX];
    size_t n_workers = 0, printed = 0;
    bool more = true, ok = true, progress = !a->quiet && isatty(STDERR_FILENO);
    int got = 0;
    td_error read_err = {0};
    pthread_mutex_lock(&q->lock);
    while (ok && (more || printed < q->n_read)) {
        bool room = more && q->n_read - printed < q->window;
        if (room) {
            pthread_mutex_unlock(&q->lock);
            td_cluster *c = NULL;
            got = td_reader_next(r, &c, &read_err);
            pthread_mutex_lock(&q->lock);
            more = got == 1;
            if (more) {
                q->slots[q->n_read++ % q->window] = (story_job){.cluster = c};
                pthread_cond_signal(&q->added);
                if (q->n_read == 2) n_workers = start_workers(q, sz, workers, threads);
            }
            room = more && q->n_read - printed < q->window;
        }
        story_job *head = printed < q->n_read ? &q->slots[printed % q->window] : NULL;
        if (head && head->done && (!more || q->n_read > printed + 1)) {
            bool many = printed > 0 || q->n_read > 1;
            pthread_mutex_unlock(&q->lock);
            if (!head->text) *err = head->err;
            ok = head->text && print_story(head, a, many, err);
            td_cluster_free(head->cluster);
            free(head->text);
            printed += ok;
            if (ok && progress && many) show_progress(td_reader_progress(r), printed);
            pthread_mutex_lock(&q->lock);
        } else if (!room && !take_story(q, sz[0]) && head) {
            pthread_cond_wait(&q->finished, &q->lock);
        }
    }
    q->stop = true;
    q->quit = !ok;
    pthread_cond_broadcast(&q->added);
    pthread_mutex_unlock(&q->lock);
    for (size_t t = 0; t < n_workers; t++) pthread_join(threads[t], NULL);
    for (size_t k = printed + !ok; k < q->n_read; k++) { /* the stories after a failed one */
        td_cluster_free(q->slots[k % q->window].cluster);
        free(q->slots[k % q->window].text);
    }
    if (progress && printed > 1) fputs("\r\033[K", stderr); /* the bar goes away when done */
    if (ok && got < 0) *err = read_err;
    return ok && got >= 0 ? EXIT_OK : EXIT_INPUT;
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
    queue q = {.window = a.jobs == 1 ? 2 : a.jobs * WINDOW_PER_JOB, .a = &a};
    q.slots = sz[0] ? malloc(q.window * sizeof *q.slots) : NULL;
    if (!q.slots) {
        if (sz[0]) snprintf(err.message, sizeof err.message, "out of memory");
        rc = err.code == TD_ERR_USAGE ? EXIT_USAGE : EXIT_INPUT;
    } else {
        pthread_mutex_init(&q.lock, NULL);
        pthread_cond_init(&q.added, NULL);
        pthread_cond_init(&q.finished, NULL);
        rc = run_stories(&q, r, sz, &err);
        pthread_cond_destroy(&q.finished);
        pthread_cond_destroy(&q.added);
        pthread_mutex_destroy(&q.lock);
    }
    if (rc != EXIT_OK) cli_error("summarize", "%s", err.message);
    for (size_t t = 0; t < JOBS_MAX && sz[t]; t++) td_summarizer_free(sz[t]);
    free(q.slots);
    td_reader_close(r);
    return cli_flush("summarize", rc);
}

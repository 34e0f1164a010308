/* stream_scale.c — speed and memory of the story pipeline at scale: the dev stream repeated with
 * new ids and dates moving forward (each round 5 years later), every article through copy
 * detection, clustering and the store (a commit every BATCH articles; summaries excluded). Prints
 * articles/s and memory for every 100,000 articles. Built and run by bench/stream_scale. With
 * DISTINCT 1, each round's texts end with a line naming the round, so that no text is an exact
 * copy of another round's (the store's cost when texts do not repeat byte for byte). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "tidings.h"

typedef struct article {
    td_document doc; /* name, date, text: malloc'd copies */
    long long when;  /* the date in seconds, when dated */
} article;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Resident memory now, in MB (from /proc/self/statm). */
static double rss_mb(void)
{
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f && fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    if (f) fclose(f);
    return resident * 4096.0 / 1e6;
}

/* CPU seconds used so far: user, and system (the kernel's: mostly the store's file writes). */
static double user_cpu(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6;
}

static double system_cpu(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static double cpu(void) { return user_cpu() + system_cpu(); }

/* The store's I/O so far, in MB, from /proc/self/io: bytes read and written through system calls
 * (the store's pages, the log and its checkpoints; what the machine's load does not change), and
 * of those what reached the storage device or the page cache as dirty pages (read_bytes,
 * write_bytes: a page read from the kernel's cache is not a read of the device). */
typedef struct io_mb {
    double read, written, disk_read, disk_written;
} io_mb;

static io_mb io_now(void)
{
    long long v[4] = {0};
    static const char *const keys[4] = {"rchar: %lld", "wchar: %lld", "read_bytes: %lld", "write_bytes: %lld"};
    char line[128];
    FILE *f = fopen("/proc/self/io", "r");
    while (f && fgets(line, sizeof line, f))
        for (int i = 0; i < 4; i++) sscanf(line, keys[i], &v[i]);
    if (f) fclose(f);
    return (io_mb){v[0] / 1e6, v[1] / 1e6, v[2] / 1e6, v[3] / 1e6};
}

static char *dup(const char *s) { return s ? strdup(s) : NULL; }

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: stream_scale DEV.jsonl STORE [ARTICLES [BATCH [COPY_WINDOW [DISTINCT]]]]\n");
        return 2;
    }
    size_t total = argc > 3 ? strtoul(argv[3], NULL, 10) : 1000000, batch = argc > 4 ? strtoul(argv[4], NULL, 10) : 10000;
    td_error err = {0};
    const char *inputs[] = {argv[1]};
    td_article_stream *s = td_article_stream_open(inputs, 1, TD_FORMAT_JSONL, &err);
    article *arts = NULL;
    size_t n = 0, cap = 0;
    td_document d;
    while (s && td_article_stream_next(s, &d, &err) > 0) {
        if (n == cap && !(arts = realloc(arts, (cap = cap ? 2 * cap : 1024) * sizeof *arts))) return 1;
        article *a = &arts[n++];
        a->doc = (td_document){.name = dup(d.name), .text = dup(d.text), .text_len = d.text_len,
                               .source = dup(d.source), .title = dup(d.title)};
        a->doc.date = d.date ? dup(d.date) : NULL;
        if (d.date) td_date_parse(d.date, &a->when);
    }
    td_article_stream_close(s);
    if (!n) {
        fprintf(stderr, "stream_scale: %s: %s\n", argv[1], err.message);
        return 1;
    }
    td_story_opts opts;
    td_story_opts_defaults(&opts);
    if (argc > 5) opts.copy_window = strtoul(argv[5], NULL, 10); /* 0: clustering without copy detection */
    bool distinct = argc > 6 && strcmp(argv[6], "1") == 0;
    char *text = NULL;
    size_t text_cap = 0;
    td_store *store = td_store_open(argv[2], &opts, &err);
    if (!store) {
        fprintf(stderr, "stream_scale: %s\n", err.message);
        return 1;
    }
    printf("| articles | articles/s wall (last 100k) | articles per CPU s (last 100k) | user s / system s (last 100k) |"
           " MB read / written (last 100k) | of which device (last 100k) | RSS MB | peak RSS MB |\n");
    printf("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    char id[160], date[40];
    double start = now(), last = start, cpu_start = cpu(), cpu_last = cpu_start, sys_start = system_cpu(),
           sys_last = sys_start;
    io_mb io_last = io_now();
    size_t bytes = 0;
    for (size_t i = 0; i < total; i++) {
        const article *a = &arts[i % n];
        size_t round = i / n;
        td_document doc = a->doc;
        snprintf(id, sizeof id, "%s#%zu", a->doc.name, round);
        doc.name = id;
        if (a->doc.date) {
            time_t t = (time_t)(a->when + (long long)round * 5 * 365 * 86400);
            struct tm tm;
            gmtime_r(&t, &tm);
            strftime(date, sizeof date, "%Y-%m-%d", &tm);
            doc.date = date;
        }
        if (distinct) {
            size_t need = a->doc.text_len + 64;
            if (need > text_cap && !(text = realloc(text, text_cap = 2 * need))) return 1;
            doc.text_len = (size_t)snprintf(text, text_cap, "%s\n\n(Round %zu.)", a->doc.text, round);
            doc.text = text;
        }
        td_placement p;
        td_store_action act;
        if (td_store_add(store, &doc, &p, &act, &err) != TD_OK ||
            ((i + 1) % batch == 0 && td_store_commit(store, &err) != TD_OK)) {
            fprintf(stderr, "stream_scale: article %zu: %s\n", i, err.message);
            return 1;
        }
        bytes += doc.text_len;
        if ((i + 1) % 100000 == 0) {
            double t = now(), c = cpu(), sys = system_cpu();
            io_mb io = io_now();
            struct rusage ru;
            getrusage(RUSAGE_SELF, &ru);
            printf("| %zu | %.0f | %.0f | %.1f / %.1f | %.0f / %.0f | %.0f / %.0f | %.0f | %.0f |\n", i + 1,
                   100000 / (t - last), 100000 / (c - cpu_last), c - cpu_last - (sys - sys_last), sys - sys_last,
                   io.read - io_last.read, io.written - io_last.written, io.disk_read - io_last.disk_read,
                   io.disk_written - io_last.disk_written, rss_mb(), ru.ru_maxrss / 1e3);
            io_last = io;
            fflush(stdout);
            last = t;
            cpu_last = c;
            sys_last = sys;
        }
    }
    if (td_store_commit(store, &err) != TD_OK) {
        fprintf(stderr, "stream_scale: %s\n", err.message);
        return 1;
    }
    double t = now(), c = cpu();
    printf("\n%zu articles (%.0f MB of text) in %.1f s wall, %.1f s CPU (%.1f s system): %.0f articles/s wall, %.0f per"
           " CPU second\n",
           total, bytes / 1e6, t - start, c - cpu_start, system_cpu() - sys_start, total / (t - start),
           total / (c - cpu_start));
    td_store_close(store);
    for (size_t i = 0; i < n; i++) {
        free(arts[i].doc.name);
        free(arts[i].doc.text);
        free(arts[i].doc.source);
        free(arts[i].doc.title);
        free(arts[i].doc.date);
    }
    free(arts);
    free(text);
    return 0;
}

/* serve.c — `tidings serve [--store FILE] [--bind ADDR] [--port N] [--token TOKEN]`: the HTTP API and
 * the web page over a store, until SIGTERM or SIGINT. A program of its own, tidings-serve, which
 * `tidings serve` runs (cli/main.c): it alone links the HTTP library and, through it, GnuTLS. */
#include <getopt.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "commands.h"
#include "options.h"
#include "tidings.h"

static const char help[] =
    "Usage: tidings serve [options]\n"
    "\n"
    "Serves a store over HTTP: articles come in with POST /articles (JSON, JSON Lines, plain\n"
    "text or a web page) and are acknowledged once committed; GET /stories lists the stories,\n"
    "newest first, GET /stories/ID gives one with its summary, quotes and disagreements,\n"
    "GET /stories/ID/report its report, and GET / a web page for people (docs/serve.md).\n"
    "One line per request goes to stderr. SIGTERM or SIGINT (Ctrl-C) stop it cleanly.\n"
    "\n"
    "Options:\n"
    "  --store FILE       the store (tidings.db in the working folder; made when absent)\n"
    "  --bind ADDR        the address to listen on (127.0.0.1: this machine only)\n"
    "  --port N           the port (8080; 0: any free port, printed on stderr)\n"
    "  --token TOKEN      writes need `Authorization: Bearer TOKEN` (default: $TIDINGS_TOKEN)\n"
    "  --max-body BYTES   the largest request body (33554432); larger ones get 413\n"
    "  --max-articles N   the most articles in one request (1000)\n"
    "  -h, --help         show this help\n"
    "\n"
    "Examples:\n"
    "  tidings serve --store news.db\n"
    "  curl -H 'Content-Type: application/x-ndjson' --data-binary @feed.jsonl localhost:8080/articles\n"
    "  TIDINGS_TOKEN=s3cret tidings serve --bind 0.0.0.0 --port 9000\n"
    "\n"
    "Exit status: 0 when stopped by a signal, 1 when the store cannot be opened or the address\n"
    "cannot be bound, 2 on a usage error.\n";

static void log_line(void *ctx, const char *line)
{
    (void)ctx;
    time_t now = time(NULL);
    struct tm tm;
    char when[32];
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&now, &tm));
    fprintf(stderr, "%s %s\n", when, line);
}

int main(int argc, char **argv)
{
    static const struct option longs[] = {
        {"store", required_argument, NULL, 's'},     {"bind", required_argument, NULL, 'b'},
        {"port", required_argument, NULL, 'p'},      {"token", required_argument, NULL, 't'},
        {"max-body", required_argument, NULL, 'B'},  {"max-articles", required_argument, NULL, 'A'},
        {"help", no_argument, NULL, 'h'},            {NULL, 0, NULL, 0},
    };
    td_serve_opts opts;
    td_serve_opts_defaults(&opts);
    opts.token = getenv("TIDINGS_TOKEN");
    if (opts.token && !*opts.token) opts.token = NULL;
    opts.log = log_line;
    int c;
    size_t n;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", longs, NULL)) != -1) {
        switch (c) {
        case 's': opts.store = optarg; break;
        case 'b': opts.bind = optarg; break;
        case 't': opts.token = *optarg ? optarg : NULL; break;
        case 'p':
            if (!parse_whole(optarg, &n) || n > 65535) {
                cli_error("serve", "--port %s: not a port number (0 to 65535)", optarg);
                return EXIT_USAGE;
            }
            opts.port = (unsigned)n;
            break;
        case 'B':
        case 'A':
            if (!parse_count(optarg, &n)) {
                cli_error("serve", "%s %s: not a positive number", c == 'B' ? "--max-body" : "--max-articles", optarg);
                return EXIT_USAGE;
            }
            if (c == 'B') opts.max_body = n;
            else opts.max_articles = n;
            break;
        case 'h': fputs(help, stdout); return EXIT_OK;
        default: return cli_bad_option("serve", c, argv);
        }
    }
    if (optind < argc) {
        cli_error("serve", "unexpected argument '%s' (see tidings serve --help)", argv[optind]);
        return EXIT_USAGE;
    }
    /* the signals are taken by sigwait below, not by the server's threads */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);
    /* a thread a connection would otherwise get up to 8 malloc arenas a core, each keeping what
     * its threads freed: the server's memory grew under a mixed load; with two it stays flat */
    mallopt(M_ARENA_MAX, 2);
    /* blocks of 1 MB and more (the stories engine's tables, SQLite's copy of a saved state) are
     * mapped on their own and given back when freed: glibc's threshold otherwise moves up to the
     * size of the largest such block freed (32 MB), later ones come from the heap, and the holes
     * they leave when freed kept the server's RSS rising under the mixed load (bench/RESULTS.md) */
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    td_error err = {0};
    td_server *s = td_server_new(&opts, &err);
    if (!s || td_server_listen(s, &err) != TD_OK) {
        cli_error("serve", "%s", err.message);
        td_server_free(s);
        return err.code == TD_ERR_USAGE ? EXIT_USAGE : EXIT_INPUT;
    }
    fprintf(stderr, "tidings serve: %s on http://%s%s%s:%u/\n", opts.store, strchr(opts.bind, ':') ? "[" : "",
            opts.bind, strchr(opts.bind, ':') ? "]" : "", td_server_port(s));
    int sig = 0;
    sigwait(&stop, &sig);
    fprintf(stderr, "tidings serve: stopping (%s)\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    td_server_free(s);
    return EXIT_OK;
}

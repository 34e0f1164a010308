/* cluster.c — `tidings cluster [--store FILE] [--json] [FILE…]`: places each article of a stream in
 * a story as it arrives and prints where it went, one line an article, flushed at once. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "options.h"
#include "tidings.h"

static const char help[] =
    "Usage: tidings cluster [options] [FILE...]\n"
    "\n"
    "Groups a stream of articles into stories in one pass: each article is placed as it\n"
    "arrives (joining the closest live story, or starting one) and its line is printed at once.\n"
    "Input: JSON Lines, an article a line: \"id\" and \"text\" required; \"title\", \"source\",\n"
    "\"url\", \"date\" (YYYY-MM-DD or ISO 8601) optional. Dates need not be in order. Folders,\n"
    "web pages and text files are read too (their file names are the ids).\n"
    "Reads standard input (JSON Lines) when no FILE (or '-') is given.\n"
    "\n"
    "Options:\n"
    "  --store FILE       keep the stories in this SQLite file and continue from it (see\n"
    "                     `tidings stories`); without it everything stays in memory\n"
    "  --batch N          with --store: commit every N articles (1000); a bad line undoes its batch\n"
    "  --json             JSON Lines: {\"id\", \"story\", \"confidence\"}; else ID TAB STORY TAB CONFIDENCE\n"
    "  --threshold X      least similarity to join a story, 0 to 1 (0.11)\n"
    "  --decay-days D     scale similarity by 1/(1 + days apart / D) (0: no decay)\n"
    "  --features LIST    comma-separated: terms, bigrams, entities, numbers (all)\n"
    "  --min-words N      an article whose text keeps fewer than N content words once cleaned\n"
    "                     of web debris is not placed: a story of its own, confidence 0 (5;\n"
    "                     0 to 50; 0: every article placed, every copy filed)\n"
    "  -f, --format NAME  input format: auto (default), jsonl, text, sgml, html, multinews\n"
    "  -h, --help         show this help\n"
    "\n"
    "A story's id is the id of its first article; confidence is the similarity to the story\n"
    "joined, or for a new story 1 - the best similarity to any other; 0 for an article with\n"
    "no news left once cleaned (a failed extraction such as a web-archive notice).\n"
    "\n"
    "Examples:\n"
    "  tidings cluster --json articles.jsonl\n"
    "  tail -f feed.jsonl | tidings cluster --store news.db --json -\n"
    "\n"
    "Exit status: 0 on success, 1 when an input is bad (the message names the line; with\n"
    "--store the batch holding it is not committed), 2 on a usage error.\n";

static bool parse_features(const char *list, unsigned *out)
{
    static const char *const names[] = {"terms", "bigrams", "entities", "numbers"};
    *out = 0;
    const char *p = list;
    while (*p) {
        size_t len = strcspn(p, ",");
        size_t i = 0;
        while (i < 4 && !(strlen(names[i]) == len && !strncmp(names[i], p, len))) i++;
        if (i == 4) return false;
        *out |= 1u << i;
        p += len + (p[len] == ',');
    }
    return *out != 0;
}

static bool parse_fraction(const char *s, double *out)
{
    char *end;
    *out = strtod(s, &end);
    return end != s && !*end && *out >= 0;
}

/* Prints one placement; false when a write fails. */
static bool print_placement(const char *id, const td_placement *p, bool json)
{
    if (json) {
        json_t *o = json_pack("{s:s,s:s,s:f}", "id", id, "story", p->story, "confidence",
                              (double)(long)(p->confidence * 1000 + 0.5) / 1000);
        char *line = o ? json_dumps(o, JSON_COMPACT) : NULL;
        json_decref(o);
        if (!line) return false;
        puts(line);
        free(line);
    } else {
        printf("%s\t%s\t%.3f\n", id, p->story, p->confidence);
    }
    return fflush(stdout) == 0;
}

int cmd_cluster(int argc, char **argv)
{
    enum { OPT_JSON = 256, OPT_STORE, OPT_BATCH, OPT_THRESHOLD, OPT_DECAY, OPT_FEATURES, OPT_MIN_WORDS };
    static const struct option longopts[] = {
        {"json", no_argument, NULL, OPT_JSON},           {"store", required_argument, NULL, OPT_STORE},
        {"batch", required_argument, NULL, OPT_BATCH},   {"threshold", required_argument, NULL, OPT_THRESHOLD},
        {"decay-days", required_argument, NULL, OPT_DECAY}, {"features", required_argument, NULL, OPT_FEATURES},
        {"min-words", required_argument, NULL, OPT_MIN_WORDS},
        {"format", required_argument, NULL, 'f'},        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    bool json = false;
    const char *store_path = NULL;
    size_t batch = 1000;
    td_format format = TD_FORMAT_AUTO;
    td_story_opts opts;
    td_story_opts_defaults(&opts);
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":f:h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_JSON: json = true; break;
        case OPT_STORE: store_path = optarg; break;
        case OPT_BATCH:
            if (!parse_count(optarg, &batch)) {
                cli_error("cluster", "--batch needs a positive whole number, not '%s'", optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_THRESHOLD:
            if (!parse_fraction(optarg, &opts.threshold) || opts.threshold > 1) {
                cli_error("cluster", "--threshold needs a number from 0 to 1, not '%s'", optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_DECAY:
            if (!parse_fraction(optarg, &opts.decay_days)) {
                cli_error("cluster", "--decay-days needs a number of days, not '%s'", optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_FEATURES:
            if (!parse_features(optarg, &opts.features)) {
                cli_error("cluster", "--features: '%s' is not a list of terms, bigrams, entities, numbers", optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_MIN_WORDS:
            if (!parse_whole(optarg, &opts.min_words) || opts.min_words > 50) {
                cli_error("cluster", "--min-words needs a whole number from 0 to 50, not '%s'", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'f':
            if (!cli_format("cluster", optarg, &format)) return EXIT_USAGE;
            break;
        case 'h': fputs(help, stdout); return EXIT_OK;
        default: return cli_bad_option("cluster", c, argv);
        }
    }
    const char *const *inputs;
    size_t n_inputs;
    cli_inputs(argc, argv, optind, &inputs, &n_inputs);
    td_error err = {0};
    td_store *store = store_path ? td_store_open(store_path, &opts, &err) : NULL;
    td_clusterer *cl = store || store_path ? NULL : td_clusterer_new(&opts, &err);
    td_article_stream *s = store || cl ? td_article_stream_open(inputs, n_inputs, format, &err) : NULL;
    int rc = s ? EXIT_OK : EXIT_INPUT;
    td_document doc;
    size_t in_batch = 0;
    int got = 0;
    while (rc == EXIT_OK && (got = td_article_stream_next(s, &doc, &err)) > 0) {
        td_placement p;
        td_store_action action;
        td_status st = store ? td_store_add(store, &doc, &p, &action, &err) : td_clusterer_add(cl, &doc, &p, &err);
        if (st == TD_OK && store && ++in_batch == batch) {
            st = td_store_commit(store, &err);
            in_batch = 0;
        }
        if (st != TD_OK) rc = EXIT_INPUT;
        else if (!print_placement(doc.name, &p, json)) rc = cli_flush("cluster", EXIT_INPUT);
    }
    if (got < 0) rc = EXIT_INPUT;
    if (rc == EXIT_OK && store && td_store_commit(store, &err) != TD_OK) rc = EXIT_INPUT;
    if (err.code != TD_OK) cli_error("cluster", "%s", err.message);
    td_article_stream_close(s);
    td_clusterer_free(cl);
    td_store_close(store); /* a batch not committed (after an error) is rolled back */
    return cli_flush("cluster", rc);
}

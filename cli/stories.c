/* stories.c — `tidings stories [--store FILE] [--json|--markdown]`: lists the stories of a store,
 * newest first, each with its articles and its current summary (stories that changed since their
 * last summary are summarised again first). */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "options.h"
#include "tidings.h"

static const char help[] =
    "Usage: tidings stories [options]\n"
    "\n"
    "Lists the stories kept in a store by `tidings cluster --store`, newest first (by the\n"
    "latest date of their articles; undated stories last), each with its articles and its\n"
    "summary, every sentence credited to all the outlets that carry it (copies included).\n"
    "Stories that changed since their last summary are summarised again first.\n"
    "\n"
    "Options:\n"
    "  --store FILE       the store (tidings.db in the working folder)\n"
    "  --json             JSON Lines, a story a line: {\"id\", \"headline\", \"updated\", \"articles\":\n"
    "                     [{\"id\", \"source\", \"title\", \"date\", \"copy_of\"}], \"summary\": [{\"text\", \"sources\"}]}\n"
    "  --markdown         a section a story\n"
    "  --since DATE       only stories updated on or after DATE (YYYY-MM-DD or ISO 8601)\n"
    "  --min-articles N   only stories of at least N articles (1)\n"
    "  -h, --help         show this help\n"
    "\n"
    "Examples:\n"
    "  tidings cluster --store news.db feed.jsonl && tidings stories --store news.db\n"
    "  tidings stories --store news.db --json --since 2025-03-01 --min-articles 3\n"
    "\n"
    "Exit status: 0 on success, 1 when the store cannot be read (missing, locked, read-only,\n"
    "not a tidings store, newer schema), 2 on a usage error.\n";

static json_t *opt_string(const char *s) { return s ? json_string(s) : json_null(); }

static bool print_json(const td_story *st)
{
    json_t *arts = json_array(), *sum = json_array();
    for (size_t i = 0; arts && i < st->n_articles; i++) {
        const td_story_article *a = &st->articles[i];
        json_array_append_new(arts, json_pack("{s:s,s:o,s:o,s:o,s:o}", "id", a->id, "source", opt_string(a->source),
                                              "title", opt_string(a->title), "date", opt_string(a->date), "copy_of",
                                              opt_string(a->copy_of)));
    }
    for (size_t i = 0; sum && i < st->n_summary; i++) {
        json_t *sources = json_array();
        for (size_t j = 0; sources && j < st->summary[i].n_sources; j++)
            json_array_append_new(sources, json_string(st->summary[i].sources[j]));
        json_array_append_new(sum, json_pack("{s:s,s:o}", "text", st->summary[i].text, "sources", sources));
    }
    json_t *o = json_pack("{s:s,s:o,s:o,s:o,s:o}", "id", st->id, "headline", opt_string(st->headline), "updated",
                          opt_string(st->updated), "articles", arts, "summary", sum);
    char *line = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    if (!line) return false;
    puts(line);
    free(line);
    return true;
}

static void print_text(const td_story *st, bool markdown)
{
    const char *headline = st->headline ? st->headline : st->id;
    if (markdown) printf("## %s\n\n", headline);
    else printf("%s\n", headline);
    printf(markdown ? "*%zu articles%s%s; story %s*\n\n" : "  %zu articles%s%s; story %s\n", st->n_articles,
           st->updated ? ", updated " : "", st->updated ? st->updated : "", st->id);
    for (size_t i = 0; i < st->n_summary; i++) {
        printf(markdown ? "- %s (" : "  - %s [", st->summary[i].text);
        for (size_t j = 0; j < st->summary[i].n_sources; j++)
            printf("%s%s", j ? ", " : "", st->summary[i].sources[j]);
        puts(markdown ? ")" : "]");
    }
    putchar('\n');
}

int cmd_stories(int argc, char **argv)
{
    enum { OPT_JSON = 256, OPT_MARKDOWN, OPT_STORE, OPT_SINCE, OPT_MIN };
    static const struct option longopts[] = {
        {"json", no_argument, NULL, OPT_JSON},          {"markdown", no_argument, NULL, OPT_MARKDOWN},
        {"store", required_argument, NULL, OPT_STORE},  {"since", required_argument, NULL, OPT_SINCE},
        {"min-articles", required_argument, NULL, OPT_MIN}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    bool json = false, markdown = false;
    const char *store_path = "tidings.db", *since = NULL;
    size_t min_articles = 1;
    long long ignored;
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_JSON: json = true; break;
        case OPT_MARKDOWN: markdown = true; break;
        case OPT_STORE: store_path = optarg; break;
        case OPT_SINCE:
            if (!td_date_parse(optarg, &ignored)) {
                cli_error("stories", "--since needs a date (YYYY-MM-DD or ISO 8601), not '%s'", optarg);
                return EXIT_USAGE;
            }
            since = optarg;
            break;
        case OPT_MIN:
            if (!parse_count(optarg, &min_articles)) {
                cli_error("stories", "--min-articles needs a positive whole number, not '%s'", optarg);
                return EXIT_USAGE;
            }
            break;
        case ':': cli_error("stories", "option %s needs a value", argv[optind - 1]); return EXIT_USAGE;
        case 'h': fputs(help, stdout); return EXIT_OK;
        default:
            cli_error("stories", "unknown option '%s' (see tidings stories --help)", argv[optind - 1]);
            return EXIT_USAGE;
        }
    }
    if (optind < argc) {
        cli_error("stories", "takes no inputs ('%s'); give the store with --store", argv[optind]);
        return EXIT_USAGE;
    }
    if (json && markdown) {
        cli_error("stories", "--json and --markdown cannot be used together");
        return EXIT_USAGE;
    }
    FILE *exists = fopen(store_path, "rb");
    if (!exists) {
        cli_error("stories", "%s: no such store (make one with tidings cluster --store %s)", store_path, store_path);
        return EXIT_INPUT;
    }
    fclose(exists);
    td_error err = {0};
    td_store *store = td_store_open(store_path, NULL, &err);
    td_summary_opts sopts;
    td_summary_opts_defaults(&sopts);
    sopts.max_words = 100;
    td_summarizer *sum = store ? td_summarizer_new(&sopts, &err) : NULL;
    td_story *list = NULL;
    size_t n = 0;
    int rc = EXIT_OK;
    if (!sum || td_store_summarize(store, sum, &err) != TD_OK ||
        td_store_stories(store, since, min_articles, &list, &n, &err) != TD_OK)
        rc = EXIT_INPUT;
    for (size_t i = 0; i < n && rc == EXIT_OK; i++) {
        if (json) {
            if (!print_json(&list[i])) {
                cli_error("stories", "out of memory");
                rc = EXIT_INPUT;
            }
        } else {
            print_text(&list[i], markdown);
        }
    }
    if (err.code != TD_OK) cli_error("stories", "%s", err.message);
    td_stories_free(list, n);
    td_summarizer_free(sum);
    td_store_close(store);
    return cli_flush("stories", rc);
}

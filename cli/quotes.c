/* quotes.c — `tidings quotes [--json] FILE…`: the direct quotes of each article with their speakers
 * and roles, as text or as JSON Lines (one object an article, in input order). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "json.h"
#include "options.h"
#include "tidings.h"

static const char help[] =
    "Usage: tidings quotes [options] [FILE...]\n"
    "\n"
    "Finds the direct quotes of each article and who said them: the quoted words (without the\n"
    "marks; a quote broken by \"he said\" is one quote), the speaker as the article names them\n"
    "(\"he\" and \"the spokesman\" resolved to the speaker named before) and the speaker's role.\n"
    "Titles, nicknames and scare quotes are not quotes. A speaker the text does not give is\n"
    "unknown. Reads standard input when no FILE (or '-') is given; a folder stands for its files.\n"
    "Inputs: plain text (one article a file), JSON Lines (id, text, optional title and date), web\n"
    "pages and the other formats of `tidings summarize`. Every input is checked before anything\n"
    "is printed.\n"
    "\n"
    "Options:\n"
    "  --json             JSON Lines: one object an article, in input order:\n"
    "                     {\"id\", \"quotes\": [{\"text\", \"speaker\", \"role\", \"start\", \"end\"}]}\n"
    "                     (start, end: byte offsets in the article's text from the first quoted\n"
    "                     character to the last, so a split quote's range holds its attribution;\n"
    "                     speaker and role null when unknown)\n"
    "  -f, --format NAME  input format: auto (default), text, multinews, sgml, jsonl, html\n"
    "  -h, --help         show this help\n"
    "\n"
    "Examples:\n"
    "  tidings quotes examples/harbour-bridge/\n"
    "  tidings quotes --json articles.jsonl > quotes.jsonl\n"
    "  echo '{\"id\": \"a\", \"text\": \"\\\"We will rebuild,\\\" the mayor said.\"}' | tidings quotes --json\n"
    "\n"
    "Exit status: 0 on success, 1 when an input is missing, empty, unreadable or malformed,\n"
    "2 on a usage error.\n";

/* One JSON line: the article's id and its quotes. False when out of memory. */
static bool render_json(FILE *o, const td_document *doc, const td_quotes *q)
{
    json_t *quotes = json_array();
    for (size_t i = 0; quotes && i < q->n; i++) {
        const td_quote *x = &q->items[i];
        if (json_array_append_new(quotes, json_pack("{s:s,s:s?,s:s?,s:I,s:I}", "text", x->text, "speaker", x->speaker,
                                                    "role", x->role, "start", (json_int_t)x->start, "end",
                                                    (json_int_t)x->end))) {
            json_decref(quotes);
            quotes = NULL;
        }
    }
    json_t *line = json_pack("{s:o,s:o}", "id", cli_json_name(doc->name), "quotes", quotes);
    bool ok = line && json_dumpf(line, o, JSON_COMPACT) == 0 && fputc('\n', o) != EOF;
    json_decref(line);
    return ok;
}

static bool render_text(FILE *o, const td_document *doc, const td_quotes *q, bool first)
{
    bool ok = (first || fputc('\n', o) != EOF) &&
              fprintf(o, "== %s (%zu quote%s)\n", doc->name, q->n, q->n == 1 ? "" : "s") >= 0;
    for (size_t i = 0; ok && i < q->n; i++) {
        const td_quote *x = &q->items[i];
        ok = fprintf(o, "%s", x->speaker ? x->speaker : "(unknown)") >= 0 &&
             (!x->role || fprintf(o, " (%s)", x->role) >= 0) &&
             fprintf(o, ": \xe2\x80\x9c%s\xe2\x80\x9d [%zu-%zu]\n", x->text, x->start, x->end) >= 0;
    }
    return ok;
}

int cmd_quotes(int argc, char **argv)
{
    enum { OPT_JSON = 256 };
    static const struct option longopts[] = {{"json", no_argument, NULL, OPT_JSON},
                                             {"format", required_argument, NULL, 'f'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    bool json = false;
    td_format format = TD_FORMAT_AUTO;
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":f:h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_JSON: json = true; break;
        case 'f':
            if (!cli_format("quotes", optarg, &format)) return EXIT_USAGE;
            break;
        case 'h': fputs(help, stdout); return EXIT_OK;
        default: return cli_bad_option("quotes", c, argv);
        }
    }
    const char *const *inputs;
    size_t n_inputs;
    cli_inputs(argc, argv, optind, &inputs, &n_inputs);

    td_error err = {0};
    td_reader *r = td_reader_open(inputs, n_inputs, format, &err);
    /* Everything is written to memory first: an input that fails late leaves nothing printed. */
    char *out = NULL;
    size_t out_len = 0;
    FILE *o = open_memstream(&out, &out_len);
    size_t articles = 0;
    td_cluster *cluster = NULL;
    bool failed = r == NULL;
    if (!failed && !o) {
        failed = true;
        snprintf(err.message, sizeof err.message, "out of memory");
    }
    int got = 0;
    while (!failed && (got = td_reader_next(r, &cluster, &err)) == 1) {
        for (size_t d = 0; !failed && d < cluster->n_docs; d++) {
            const td_document *doc = &cluster->docs[d];
            td_quotes *q = td_find_quotes(doc->text, doc->text_len, &err);
            failed = !q || !(json ? render_json(o, doc, q) : render_text(o, doc, q, articles == 0));
            if (failed && q) snprintf(err.message, sizeof err.message, "out of memory");
            td_quotes_free(q);
            articles++;
        }
        td_cluster_free(cluster);
    }
    failed |= got < 0;
    td_reader_close(r);
    if (o && fclose(o) && !failed) {
        failed = true;
        snprintf(err.message, sizeof err.message, "out of memory");
    }
    if (failed) {
        cli_error("quotes", "%s", err.message);
        free(out);
        return EXIT_INPUT;
    }
    if (out_len) fwrite(out, 1, out_len, stdout);
    free(out);
    return cli_flush("quotes", EXIT_OK);
}

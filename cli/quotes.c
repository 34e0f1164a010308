/* quotes.c — `tidings quotes [--json] FILE…`: the direct quotes of each article with their speakers
 * and roles, as text or as JSON Lines (one object an article, in input order). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "common/buf.h"
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

static bool json_string(buf *o, const char *name, const char *value)
{
    bool ok = buf_printf(o, ",\"%s\":", name);
    if (!value) return ok && buf_puts(o, "null");
    return ok && buf_putc(o, '"') && buf_json_escape(o, value, strlen(value)) && buf_putc(o, '"');
}

static bool render_json(buf *o, const td_document *doc, const td_quotes *q)
{
    bool ok = buf_puts(o, "{\"id\":\"") && buf_json_escape(o, doc->name, strlen(doc->name)) &&
              buf_puts(o, "\",\"quotes\":[");
    for (size_t i = 0; ok && i < q->n; i++) {
        const td_quote *x = &q->items[i];
        ok = buf_puts(o, i ? ",{\"text\":\"" : "{\"text\":\"") && buf_json_escape(o, x->text, strlen(x->text)) &&
             buf_putc(o, '"') && json_string(o, "speaker", x->speaker) && json_string(o, "role", x->role) &&
             buf_printf(o, ",\"start\":%zu,\"end\":%zu}", x->start, x->end);
    }
    return ok && buf_puts(o, "]}\n");
}

static bool render_text(buf *o, const td_document *doc, const td_quotes *q, bool first)
{
    bool ok = (first || buf_putc(o, '\n')) && buf_printf(o, "== %s (%zu quote%s)\n", doc->name, q->n, q->n == 1 ? "" : "s");
    for (size_t i = 0; ok && i < q->n; i++) {
        const td_quote *x = &q->items[i];
        ok = buf_printf(o, "%s", x->speaker ? x->speaker : "(unknown)") &&
             (!x->role || buf_printf(o, " (%s)", x->role)) &&
             buf_printf(o, ": \xe2\x80\x9c%s\xe2\x80\x9d [%zu-%zu]\n", x->text, x->start, x->end);
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
        case ':': cli_error("quotes", "option %s needs a value", argv[optind - 1]); return EXIT_USAGE;
        case 'h': fputs(help, stdout); return EXIT_OK;
        default:
            cli_error("quotes", "unknown option '%s' (see tidings quotes --help)", argv[optind - 1]);
            return EXIT_USAGE;
        }
    }
    const char *const *inputs;
    size_t n_inputs;
    cli_inputs(argc, argv, optind, &inputs, &n_inputs);

    td_error err = {0};
    td_reader *r = td_reader_open(inputs, n_inputs, format, &err);
    buf o = {0};
    size_t articles = 0;
    td_cluster *cluster = NULL;
    bool failed = r == NULL;
    int got = 0;
    while (!failed && (got = td_reader_next(r, &cluster, &err)) == 1) {
        for (size_t d = 0; !failed && d < cluster->n_docs; d++) {
            const td_document *doc = &cluster->docs[d];
            td_quotes *q = td_find_quotes(doc->text, doc->text_len, &err);
            failed = !q || !(json ? render_json(&o, doc, q) : render_text(&o, doc, q, articles == 0));
            if (failed && q) snprintf(err.message, sizeof err.message, "out of memory");
            td_quotes_free(q);
            articles++;
        }
        td_cluster_free(cluster);
    }
    failed |= got < 0;
    td_reader_close(r);
    if (failed) {
        cli_error("quotes", "%s", err.message);
        buf_free(&o);
        return EXIT_INPUT;
    }
    if (o.len) fwrite(o.data, 1, o.len, stdout);
    buf_free(&o);
    return cli_flush("quotes", EXIT_OK);
}

/* sentences.c — `tidings sentences [FILE…]`: prints the sentences of each text, one a line, with
 * white space collapsed (or, with --spans, prefixed by their byte range in the text). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "options.h"
#include "tidings.h"

static const char help[] =
    "Usage: tidings sentences [options] [FILE...]\n"
    "\n"
    "Splits news text into sentences and prints them one a line, white space collapsed.\n"
    "Reads standard input when no FILE (or '-') is given; a folder stands for its files.\n"
    "Headlines, bylines and list items are sentences of their own; hard-wrapped lines inside\n"
    "a paragraph are joined. Every input is checked before anything is printed.\n"
    "\n"
    "Options:\n"
    "  --spans            prefix each sentence with its byte range in the text: START END<TAB>\n"
    "                     (offsets after a byte-order mark is dropped and CR LF made LF)\n"
    "  -f, --format NAME  input format: text (default), auto, multinews, sgml, jsonl, html\n"
    "  -h, --help         show this help\n"
    "\n"
    "Examples:\n"
    "  tidings sentences article.txt\n"
    "  tidings sentences --spans < article.txt\n"
    "\n"
    "Exit status: 0 on success, 1 when an input is missing, empty, unreadable or not UTF-8\n"
    "text, 2 on a usage error.\n";

/* Prints the sentences of every article of the cluster; false when out of memory. */
static bool print_sentences(const td_cluster *c, bool spans)
{
    for (size_t d = 0; d < c->n_docs; d++) {
        const td_document *doc = &c->docs[d];
        td_span *sp;
        size_t n;
        if (td_split_sentences(doc->text, doc->text_len, &sp, &n) != TD_OK) return false;
        for (size_t i = 0; i < n; i++) {
            char *s = td_sentence_text(doc->text, sp[i]);
            if (!s) {
                free(sp);
                return false;
            }
            if (spans) printf("%zu %zu\t", sp[i].start, sp[i].end);
            puts(s);
            free(s);
        }
        free(sp);
    }
    return true;
}

int cmd_sentences(int argc, char **argv)
{
    enum { OPT_SPANS = 256 };
    static const struct option longopts[] = {
        {"spans", no_argument, NULL, OPT_SPANS}, {"format", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},        {NULL, 0, NULL, 0}};
    bool spans = false;
    td_format format = TD_FORMAT_TEXT;
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":f:h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_SPANS: spans = true; break;
        case 'f':
            if (!cli_format("sentences", optarg, &format)) return EXIT_USAGE;
            break;
        case 'h': fputs(help, stdout); return EXIT_OK;
        default: return cli_bad_option("sentences", c, argv);
        }
    }
    const char *const *inputs;
    size_t n_inputs;
    cli_inputs(argc, argv, optind, &inputs, &n_inputs);

    td_error err = {0};
    td_reader *r = td_reader_open(inputs, n_inputs, format, &err);
    int rc = EXIT_OK;
    td_cluster *cluster = NULL;
    int got = r ? td_reader_next(r, &cluster, &err) : -1;
    for (; got == 1; got = td_reader_next(r, &cluster, &err)) {
        bool ok = print_sentences(cluster, spans);
        td_cluster_free(cluster);
        if (!ok) {
            snprintf(err.message, sizeof err.message, "out of memory");
            got = -1;
            break;
        }
    }
    if (got < 0) {
        cli_error("sentences", "%s", err.message);
        rc = EXIT_INPUT;
    }
    td_reader_close(r);
    return cli_flush("sentences", rc);
}

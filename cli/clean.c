/* clean.c — `tidings clean [--explain] [--json] [FILE…]`: prints the cleaned text of articles (web
 * debris dropped), or every line with what the cleaner made of it and why. */
#include <getopt.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "options.h"
#include "tidings.h"

static const char help[] =
    "Usage: tidings clean [options] [FILE...]\n"
    "\n"
    "Cleans news articles of web debris and prints what is left of each: paragraphs separated by\n"
    "a blank line, white space inside them collapsed. Dropped: navigation, share and comment\n"
    "prompts, bylines and author bios, related-article lists, image credits, reader questions,\n"
    "copyright lines, time stamps, tag lists, counters, lines that other articles of the same\n"
    "source repeat, a title glued to the first sentence and a cut-off last sentence.\n"
    "All inputs make one story (lines are compared across its articles). Reads standard input\n"
    "when no FILE (or '-') is given; a folder stands for its files. With several articles, each\n"
    "starts with a line '== NAME =='.\n"
    "\n"
    "Options:\n"
    "  --explain          every line with keep or drop and the reason, e.g.\n"
    "                     'drop  share-prompt     | Share this article: ...'\n"
    "                     (a line the cleaner split shows one row per part)\n"
    "  --json             JSON Lines: per article its name, cleaned text and pieces\n"
    "                     (start and end: byte offsets into the text as read, after a\n"
    "                     byte-order mark is dropped and CR LF made LF; keep; reason)\n"
    "  -f, --format NAME  input format: text (default), auto, multinews, sgml, jsonl, html\n"
    "  -h, --help         show this help\n"
    "\n"
    "Examples:\n"
    "  tidings clean article.txt\n"
    "  tidings clean --explain examples/harbour-bridge/\n"
    "  tidings clean --json --format jsonl articles.jsonl\n"
    "\n"
    "Exit status: 0 on success, 1 when an input is missing, empty, unreadable or not UTF-8\n"
    "text, 2 on a usage error.\n";

typedef enum clean_output { OUT_TEXT, OUT_EXPLAIN, OUT_JSON } clean_output;

/* The separator between two kept pieces, from the original text between them: a blank line
 * ends a paragraph, a line break a line, anything else joins them with a space. */
static const char *separator(const char *text, size_t from, size_t to)
{
    const char *nl = memchr(text + from, '\n', to - from);
    if (!nl) return " ";
    for (const char *p = nl + 1; p < text + to; p++) {
        if (*p == '\n') return "\n\n";
        if (*p != ' ' && *p != '\t' && *p != '\r') break;
    }
    return "\n";
}

/* The cleaned text of one article (free() it), NULL when out of memory. */
static char *cleaned_text(const char *text, const td_clean_piece *p, size_t n)
{
    size_t cap = 1, len = 0;
    for (size_t i = 0; i < n; i++) cap += p[i].span.end - p[i].span.start + 2;
    char *out = malloc(cap);
    if (!out) return NULL;
    size_t prev = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        if (!td_clean_keeps(p[i].reason)) continue;
        char *s = td_sentence_text(text, p[i].span);
        if (!s) {
            free(out);
            return NULL;
        }
        if (prev != SIZE_MAX) {
            const char *sep = separator(text, prev, p[i].span.start);
            memcpy(out + len, sep, strlen(sep));
            len += strlen(sep);
        }
        size_t sl = strlen(s);
        memcpy(out + len, s, sl);
        len += sl;
        free(s);
        prev = p[i].span.end;
    }
    out[len] = '\0';
    return out;
}

/* Prints one row of --explain: the verdict, the reason and the text of bytes [a, b). */
static bool explain_row(const char *text, size_t a, size_t b, td_clean_reason r)
{
    char *s = td_sentence_text(text, (td_span){a, b});
    if (!s) return false;
    printf("%s  %-16s| %s\n", td_clean_keeps(r) ? "keep" : "drop", td_clean_reason_name(r), s);
    free(s);
    return true;
}

/* Every line of the article: pieces split at line breaks, neighbours on one line with the same
 * reason merged into one row. */
static bool explain(const char *text, const td_clean_piece *p, size_t n)
{
    size_t row_a = 0, row_b = 0;
    td_clean_reason row_r = TD_CLEAN_CONTENT;
    bool open = false;
    for (size_t i = 0; i < n; i++) {
        for (size_t a = p[i].span.start; a < p[i].span.end;) {
            const char *nl = memchr(text + a, '\n', p[i].span.end - a);
            size_t b = nl ? (size_t)(nl - text) : p[i].span.end;
            size_t e = b;
            while (e > a && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r')) e--;
            if (e > a) {
                bool same_line = open && row_r == p[i].reason && !memchr(text + row_b, '\n', a - row_b);
                if (same_line) {
                    row_b = e;
                } else {
                    if (open && !explain_row(text, row_a, row_b, row_r)) return false;
                    row_a = a, row_b = e, row_r = p[i].reason, open = true;
                }
            }
            a = b + 1;
            while (a < p[i].span.end && (text[a] == ' ' || text[a] == '\t')) a++;
        }
    }
    return !open || explain_row(text, row_a, row_b, row_r);
}

/* One JSON line for the article. */
static bool print_json(const td_cluster *c, const td_document *doc, const td_clean_piece *p, size_t n)
{
    char *clean = cleaned_text(doc->text, p, n);
    json_t *o = json_object(), *pieces = json_array();
    bool ok = clean && o && pieces;
    ok = ok && !json_object_set_new(o, "cluster", json_string(c->id));
    ok = ok && !json_object_set_new(o, "doc", json_string(doc->name));
    ok = ok && !json_object_set_new(o, "text", json_string(clean));
    for (size_t i = 0; ok && i < n; i++) {
        char *s = td_sentence_text(doc->text, p[i].span);
        json_t *piece = s ? json_pack("{s:I,s:I,s:b,s:s,s:s}", "start", (json_int_t)p[i].span.start, "end",
                                      (json_int_t)p[i].span.end, "keep", td_clean_keeps(p[i].reason), "reason",
                                      td_clean_reason_name(p[i].reason), "text", s)
                          : NULL;
        free(s);
        ok = piece && !json_array_append_new(pieces, piece);
    }
    ok = ok && !json_object_set(o, "pieces", pieces);
    char *line = ok ? json_dumps(o, JSON_COMPACT) : NULL;
    if (line) puts(line);
    free(line);
    json_decref(pieces);
    json_decref(o);
    free(clean);
    return line != NULL;
}

static bool print_cluster(const td_cluster *c, const td_cleaner *cl, clean_output out, bool headers)
{
    for (size_t d = 0; d < c->n_docs; d++) {
        const td_document *doc = &c->docs[d];
        size_t n;
        const td_clean_piece *p = td_clean_pieces(cl, d, &n);
        if (out == OUT_JSON) {
            if (!print_json(c, doc, p, n)) return false;
            continue;
        }
        if (headers) printf("%s== %s ==\n", d ? "\n" : "", doc->name);
        if (out == OUT_EXPLAIN) {
            if (!explain(doc->text, p, n)) return false;
            continue;
        }
        char *text = cleaned_text(doc->text, p, n);
        if (!text) return false;
        if (*text) puts(text);
        free(text);
    }
    return true;
}

int cmd_clean(int argc, char **argv)
{
    enum { OPT_EXPLAIN = 256, OPT_JSON };
    static const struct option longopts[] = {{"explain", no_argument, NULL, OPT_EXPLAIN},
                                             {"json", no_argument, NULL, OPT_JSON},
                                             {"format", required_argument, NULL, 'f'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    clean_output out = OUT_TEXT;
    td_format format = TD_FORMAT_TEXT;
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":f:h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_EXPLAIN: out = OUT_EXPLAIN; break;
        case OPT_JSON: out = OUT_JSON; break;
        case 'f':
            if (!cli_format("clean", optarg, &format)) return EXIT_USAGE;
            break;
        case 'h': fputs(help, stdout); return EXIT_OK;
        default: return cli_bad_option("clean", c, argv);
        }
    }
    const char *const *inputs;
    size_t n_inputs;
    cli_inputs(argc, argv, optind, &inputs, &n_inputs);

    td_error err = {0};
    td_reader *r = td_reader_open(inputs, n_inputs, format, &err);
    td_cleaner *cl = r ? td_cleaner_new() : NULL;
    int got = -1;
    if (r && !cl) snprintf(err.message, sizeof err.message, "out of memory");
    td_cluster *cluster = NULL, *next = NULL;
    if (cl) got = td_reader_next(r, &cluster, &err);
    /* one cluster ahead, to know whether headers are needed */
    int more = got == 1 ? td_reader_next(r, &next, &err) : 0;
    bool headers = more == 1 || (got == 1 && cluster->n_docs > 1);
    while (got == 1) {
        bool ok = td_clean_cluster(cl, cluster, &err) == TD_OK && print_cluster(cluster, cl, out, headers);
        if (ok && headers && out != OUT_JSON && more == 1) putchar('\n');
        td_cluster_free(cluster);
        cluster = next;
        next = NULL;
        got = more;
        if (!ok) {
            snprintf(err.message, sizeof err.message, "out of memory");
            got = -1;
        } else if (got == 1) {
            more = td_reader_next(r, &next, &err);
        }
    }
    td_cluster_free(cluster);
    td_cluster_free(next);
    int rc = EXIT_OK;
    if (got < 0 || more < 0) {
        cli_error("clean", "%s", err.message);
        rc = EXIT_INPUT;
    }
    td_cleaner_free(cl);
    td_reader_close(r);
    return cli_flush("clean", rc);
}

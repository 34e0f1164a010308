/* extract.c — `tidings extract [--json|--markdown] FILE…`: the main text of web pages (plain or
 * gzip-compressed HTML), as plain text, Markdown or JSON Lines. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "json.h"
#include "options.h"
#include "tidings.h"

static const char help[] =
    "NAME\n"
    "    tidings extract - the main text of web pages\n"
    "\n"
    "SYNOPSIS\n"
    "    tidings extract [--json | --markdown] [FILE...]\n"
    "\n"
    "DESCRIPTION\n"
    "    Reads each HTML page, finds its article and prints its main text: paragraphs, headings,\n"
    "    lists and tables of the article, without menus, sidebars, related links, sharing\n"
    "    buttons, comments, cookie notices or footers. Pages may be in any character encoding\n"
    "    (byte-order mark, <meta charset> or http-equiv; else UTF-8, falling back to\n"
    "    Windows-1252); the output is UTF-8. Gzip-compressed pages (FILE.gz) are read as they\n"
    "    are. With no FILE, or when FILE is -, standard input is read.\n"
    "\n"
    "    Image captions (figcaption, caption and credit classes, photo credits) are left out:\n"
    "    they describe pictures the text does not show. Title, authors, date, site, canonical\n"
    "    URL and language come from the page's metadata (JSON-LD, OpenGraph, <meta>, <link\n"
    "    rel=canonical>, <html lang>) and, where that is silent, from its <h1>, <title>,\n"
    "    <time> and byline.\n"
    "\n"
    "OPTIONS\n"
    "    --json       JSON Lines: one object a page, in input order, with the fields file,\n"
    "                 url, title, authors (an array), date (YYYY-MM-DD), site, language and\n"
    "                 text; fields the page does not give are null. A page with nothing to\n"
    "                 extract gives {\"file\": ..., \"error\": ...} instead.\n"
    "    --markdown   Markdown: the title as a heading, a line with authors, date and site,\n"
    "                 the URL, then the paragraphs (characters Markdown reads as markup are\n"
    "                 escaped); pages are separated by a horizontal rule (---).\n"
    "    -h, --help   show this help\n"
    "\n"
    "OUTPUT\n"
    "    Plain text by default: paragraphs separated by one blank line, white space within a\n"
    "    paragraph collapsed, the cells of a table row joined by \" | \". When several pages are\n"
    "    given, their texts are separated by a line holding a single form feed (\\f).\n"
    "\n"
    "EXIT STATUS\n"
    "    0 when every page gave text; 1 when a page could not be read or had no main text (the\n"
    "    error is printed on standard error, and the other pages are still extracted); 2 on a\n"
    "    usage error.\n"
    "\n"
    "EXAMPLES\n"
    "    tidings extract page.html\n"
    "    tidings extract --json pages/*.html.gz > articles.jsonl\n"
    "    curl -s https://example.org/news/1 | tidings extract -\n";

enum mode { MODE_TEXT, MODE_JSON, MODE_MARKDOWN };

/* A JSON line: the page's file and article, or its file and error when a is NULL. NULL when out of
 * memory. */
static char *json_line(const char *file, const td_article *a, const char *error)
{
    json_t *o;
    if (!a) {
        o = json_pack("{s:o,s:o}", "file", cli_json_name(file), "error", cli_json_name(error));
    } else {
        json_t *authors = json_array();
        for (size_t i = 0; authors && i < a->n_authors; i++) {
            if (json_array_append_new(authors, json_string(a->authors[i]))) {
                json_decref(authors);
                authors = NULL;
            }
        }
        o = json_pack("{s:o,s:s?,s:s?,s:o,s:s?,s:s?,s:s?,s:s}", "file", cli_json_name(file), "url", a->url,
                      "title", a->title, "authors", authors, "date", a->date, "site", a->site, "language",
                      a->language, "text", a->text);
    }
    char *line = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    return line;
}

int cmd_extract(int argc, char **argv)
{
    enum { OPT_JSON = 256, OPT_MARKDOWN };
    static const struct option longopts[] = {{"json", no_argument, NULL, OPT_JSON},
                                             {"markdown", no_argument, NULL, OPT_MARKDOWN},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    enum mode mode = MODE_TEXT;
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_JSON: mode = MODE_JSON; break;
        case OPT_MARKDOWN: mode = MODE_MARKDOWN; break;
        case 'h': fputs(help, stdout); return EXIT_OK;
        default: return cli_bad_option("extract", c, argv);
        }
    }
    const char *const *inputs;
    size_t n_inputs;
    cli_inputs(argc, argv, optind, &inputs, &n_inputs);

    int rc = EXIT_OK;
    size_t printed = 0;
    for (size_t i = 0; i < n_inputs; i++) {
        const char *file = inputs[i];
        td_error err = {0};
        td_article *a = td_extract_html_file(file, &err);
        if (!a) {
            cli_error("extract", "%s", err.message);
            rc = EXIT_INPUT;
        }
        char *out = NULL;
        if (mode == MODE_JSON) out = json_line(file, a, err.message);
        else if (a && mode == MODE_MARKDOWN) out = td_render_article_markdown(a);
        if (!out && (mode == MODE_JSON || (a && mode == MODE_MARKDOWN))) {
            td_article_free(a);
            cli_error("extract", "out of memory");
            return EXIT_INPUT;
        }
        if (mode == MODE_JSON) printf("%s\n", out);
        else if (a && mode == MODE_MARKDOWN) printf("%s%s", printed ? "\n---\n\n" : "", out);
        else if (a) printf("%s%s\n", printed ? "\f\n" : "", a->text);
        if (a) printed++;
        free(out);
        td_article_free(a);
    }
    return cli_flush("extract", rc);
}

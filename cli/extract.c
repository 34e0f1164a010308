/* extract.c — `tidings extract [--json|--markdown] FILE…`: the main text of web pages (plain or
 * gzip-compressed HTML), as plain text, Markdown or JSON Lines. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "commands.h"
#include "common/buf.h"
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

/* Reads a whole file, gunzipping it when it is compressed ("-": standard input). NULL with a
 * message in err when it cannot be read. */
static char *read_page(const char *path, size_t *len, td_error *err)
{
    bool is_stdin = !strcmp(path, "-");
    int fd = is_stdin ? dup(STDIN_FILENO) : -1;
    gzFile g = is_stdin ? (fd >= 0 ? gzdopen(fd, "rb") : NULL) : gzopen(path, "rb");
    if (!g) {
        if (fd >= 0) close(fd);
        snprintf(err->message, sizeof err->message, "%s: %s", path, errno ? strerror(errno) : "cannot open");
        return NULL;
    }
    gzbuffer(g, 1 << 17);
    buf b = {0};
    for (;;) {
        if (!buf_reserve(&b, 1 << 16)) {
            snprintf(err->message, sizeof err->message, "%s: out of memory", path);
            break;
        }
        int got = gzread(g, b.data + b.len, 1 << 16);
        if (got < 0) {
            int zerr;
            const char *msg = gzerror(g, &zerr);
            snprintf(err->message, sizeof err->message, "%s: %s", path,
                     zerr == Z_ERRNO ? strerror(errno) : msg);
            break;
        }
        if (got == 0) {
            gzclose(g);
            b.data[b.len] = '\0';
            *len = b.len;
            return buf_take(&b);
        }
        b.len += (size_t)got;
    }
    gzclose(g);
    buf_free(&b);
    return NULL;
}

static bool json_field(buf *o, const char *name, const char *value)
{
    bool ok = buf_printf(o, ",\"%s\":", name);
    if (!value) return ok && buf_puts(o, "null");
    return ok && buf_putc(o, '"') && buf_json_escape(o, value, strlen(value)) && buf_putc(o, '"');
}

static bool render_json(buf *o, const char *file, const td_article *a, const char *error)
{
    bool ok = buf_puts(o, "{\"file\":\"") && buf_json_escape(o, file, strlen(file)) && buf_putc(o, '"');
    if (error) return ok && json_field(o, "error", error) && buf_puts(o, "}\n");
    ok = ok && json_field(o, "url", a->url) && json_field(o, "title", a->title) && buf_puts(o, ",\"authors\":[");
    for (size_t i = 0; ok && i < a->n_authors; i++)
        ok = (i == 0 || buf_putc(o, ',')) && buf_putc(o, '"') &&
             buf_json_escape(o, a->authors[i], strlen(a->authors[i])) && buf_putc(o, '"');
    return ok && buf_putc(o, ']') && json_field(o, "date", a->date) && json_field(o, "site", a->site) &&
           json_field(o, "language", a->language) && json_field(o, "text", a->text) && buf_puts(o, "}\n");
}

/* Appends text with the characters Markdown would read as markup escaped by a backslash: emphasis,
 * links, code, inline HTML everywhere, and heading or list marks at the start of a line. */
static bool markdown_escape(buf *o, const char *s)
{
    bool line_start = true;
    for (; *s; s++) {
        char c = *s;
        bool special = strchr("\\*_[]<>`", c) != NULL || (line_start && strchr("#+-", c) != NULL);
        if ((special && !buf_putc(o, '\\')) || !buf_putc(o, c)) return false;
        line_start = c == '\n';
    }
    return true;
}

static bool render_markdown(buf *o, const td_article *a, bool first)
{
    bool ok = first || buf_puts(o, "\n---\n\n");
    if (a->title) ok = ok && buf_puts(o, "# ") && markdown_escape(o, a->title) && buf_puts(o, "\n\n");
    bool meta = a->site || a->date || a->n_authors;
    if (meta) {
        ok = ok && buf_putc(o, '*');
        const char *sep = "";
        for (size_t i = 0; ok && i < a->n_authors; i++, sep = ", ")
            ok = buf_puts(o, sep) && markdown_escape(o, a->authors[i]);
        if (a->date) ok = ok && buf_puts(o, *sep ? " \xc2\xb7 " : "") && markdown_escape(o, a->date), sep = " ";
        if (a->site) ok = ok && buf_puts(o, *sep ? " \xc2\xb7 " : "") && markdown_escape(o, a->site);
        ok = ok && buf_puts(o, "*\n\n");
    }
    if (a->url) ok = ok && buf_printf(o, "<%s>\n\n", a->url);
    return ok && markdown_escape(o, a->text) && buf_putc(o, '\n');
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
    buf o = {0};
    for (size_t i = 0; i < n_inputs; i++) {
        const char *file = inputs[i];
        td_error err = {0};
        size_t len = 0;
        char *page = read_page(file, &len, &err);
        td_article *a = page ? td_extract_html(page, len, file, &err) : NULL;
        free(page);
        buf_clear(&o);
        bool ok = true;
        if (!a) {
            cli_error("extract", "%s", err.message);
            rc = EXIT_INPUT;
            if (mode == MODE_JSON) ok = render_json(&o, file, NULL, err.message);
        } else if (mode == MODE_JSON) {
            ok = render_json(&o, file, a, NULL);
        } else if (mode == MODE_MARKDOWN) {
            ok = render_markdown(&o, a, printed == 0);
        } else {
            ok = (printed == 0 || buf_puts(&o, "\f\n")) && buf_printf(&o, "%s\n", a->text);
        }
        if (a) printed++;
        td_article_free(a);
        if (!ok) {
            cli_error("extract", "out of memory");
            buf_free(&o);
            return EXIT_INPUT;
        }
        if (o.len) fwrite(o.data, 1, o.len, stdout);
    }
    buf_free(&o);
    return cli_flush("extract", rc);
}

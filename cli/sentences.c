/* sentences.c — `tidings sentences [FILE…]`: prints the sentences of each text, one a line, with
 * white space collapsed (or, with --spans, prefixed by their byte range in the input). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "tidings.h"

static const char help[] =
    "Usage: tidings sentences [options] [FILE...]\n"
    "\n"
    "Splits news text into sentences and prints them one a line, white space collapsed.\n"
    "Reads standard input when no FILE (or '-') is given. Headlines, bylines and list items\n"
    "are sentences of their own; hard-wrapped lines inside a paragraph are joined.\n"
    "\n"
    "Options:\n"
    "  --spans     prefix each sentence with its byte range in the input: START END<TAB>\n"
    "  -h, --help  show this help\n"
    "\n"
    "Examples:\n"
    "  tidings sentences article.txt\n"
    "  curl -s https://example.com/story.txt | tidings sentences --spans\n"
    "\n"
    "Exit status: 0 on success, 1 when an input is missing, unreadable or not UTF-8 text, 2 on a\n"
    "usage error.\n";

/* Reads the whole stream into a NUL-terminated buffer; NULL on a read error or out of memory. */
static char *slurp(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *data = malloc(cap);
    if (!data) return NULL;
    for (;;) {
        if (cap - n < 2) {
            char *bigger = cap > ((size_t)-1) / 2 ? NULL : realloc(data, cap * 2);
            if (!bigger) {
                free(data);
                errno = ENOMEM;
                return NULL;
            }
            data = bigger;
            cap *= 2;
        }
        size_t got = fread(data + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) break;
    }
    if (ferror(f)) {
        free(data);
        return NULL;
    }
    data[n] = '\0';
    *len = n;
    return data;
}

/* Prints the sentences of one input; returns an exit code. */
static int print_file(const char *path, bool spans)
{
    bool is_stdin = !strcmp(path, "-");
    const char *name = is_stdin ? "<stdin>" : path;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "tidings: %s: %s\n", name, strerror(errno));
        return EXIT_INPUT;
    }
    size_t len = 0;
    errno = 0;
    char *text = slurp(f, &len);
    int saved = errno;
    if (!is_stdin) fclose(f);
    if (!text) {
        fprintf(stderr, "tidings: %s: %s\n", name, saved ? strerror(saved) : "read error");
        return EXIT_INPUT;
    }
    size_t bad;
    if (!td_utf8_valid(text, len, &bad)) {
        if (text[bad] == '\0')
            fprintf(stderr, "tidings: %s: binary data (NUL byte at byte %zu)\n", name, bad);
        else
            fprintf(stderr, "tidings: %s: invalid UTF-8 at byte %zu\n", name, bad);
        free(text);
        return EXIT_INPUT;
    }
    td_span *sp;
    size_t n;
    if (td_split_sentences(text, len, &sp, &n) != TD_OK) {
        fprintf(stderr, "tidings: %s: out of memory\n", name);
        free(text);
        return EXIT_INPUT;
    }
    int rc = EXIT_OK;
    for (size_t i = 0; i < n; i++) {
        char *s = td_sentence_text(text, sp[i]);
        if (!s) {
            fprintf(stderr, "tidings: %s: out of memory\n", name);
            rc = EXIT_INPUT;
            break;
        }
        if (spans) printf("%zu %zu\t", sp[i].start, sp[i].end);
        puts(s);
        free(s);
    }
    free(sp);
    free(text);
    return rc;
}

/* Whether argv[i] is an input rather than an option (everything after "--" is an input). */
static bool is_input(const char *a, bool after_dashes) { return after_dashes || a[0] != '-' || a[1] == '\0'; }

int cmd_sentences(int argc, char **argv)
{
    bool spans = false, dashes = false;
    int n_inputs = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (is_input(a, dashes)) {
            n_inputs++;
        } else if (!strcmp(a, "--")) {
            dashes = true;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(help, stdout);
            return EXIT_OK;
        } else if (!strcmp(a, "--spans")) {
            spans = true;
        } else {
            fprintf(stderr, "tidings: sentences: unknown option '%s' (see tidings sentences --help)\n", a);
            return EXIT_USAGE;
        }
    }
    if (n_inputs == 0) return print_file("-", spans);
    int rc = EXIT_OK;
    dashes = false;
    for (int i = 1; i < argc; i++) {
        if (!dashes && !strcmp(argv[i], "--")) {
            dashes = true;
            continue;
        }
        if (!is_input(argv[i], dashes)) continue;
        if (print_file(argv[i], spans) != EXIT_OK) rc = EXIT_INPUT;
    }
    if (fflush(stdout) != 0) {
        fprintf(stderr, "tidings: sentences: cannot write the output: %s\n", strerror(errno));
        return EXIT_INPUT;
    }
    return rc;
}

/* options.c — what every command does alike: numbers, --format, inputs, one-line errors, flushing. */
#include "options.h"

#include "commands.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool parse_whole(const char *s, size_t *out)
{
    if (!s || *s < '0' || *s > '9') return false;
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v > (size_t)-1 / 2) return false;
    *out = (size_t)v;
    return true;
}

bool parse_count(const char *s, size_t *out)
{
    size_t v;
    if (!parse_whole(s, &v) || v == 0) return false;
    *out = v;
    return true;
}

void cli_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "tidings %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_bad_option(const char *cmd, int c, char **argv)
{
    if (c == ':') cli_error(cmd, "option %s needs a value", argv[optind - 1]);
    else cli_error(cmd, "unknown option '%s' (see tidings %s --help)", argv[optind - 1], cmd);
    return EXIT_USAGE;
}

bool cli_format(const char *cmd, const char *name, td_format *out)
{
    if (td_format_parse(name, out)) return true;
    cli_error(cmd, "unknown format '%s' (auto, text, multinews, sgml, jsonl, html)", name);
    return false;
}

void cli_inputs(int argc, char **argv, int first, const char *const **inputs, size_t *n_inputs)
{
    static const char *const stdin_only[] = {"-"};
    *inputs = first < argc ? (const char *const *)argv + first : stdin_only;
    *n_inputs = first < argc ? (size_t)(argc - first) : 1;
}

void cli_file_name(const char *id, char *out, size_t size)
{
    snprintf(out, size, "%s", id);
    for (char *p = out; *p; p++)
        if (*p == '/' || *p == '\\') *p = '_';
}

bool cli_write_file(const char *path, const char *text, td_error *err)
{
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    bool ok = f && fputs(text, f) >= 0;
    if (f && fclose(f) != 0) ok = false;
    if (ok && rename(tmp, path) != 0) ok = false;
    if (!ok) {
        if (f) remove(tmp);
        err->code = TD_ERR_IO;
        snprintf(err->message, sizeof err->message, "%.400s: cannot write (%.80s)", path, strerror(errno));
    }
    return ok;
}

int cli_flush(const char *cmd, int rc)
{
    if (fflush(stdout) != 0 && rc == 0) {
        cli_error(cmd, "cannot write the output: %s", strerror(errno));
        return 1;
    }
    return rc;
}

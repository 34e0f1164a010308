/* stream.c — a stream of articles, one at a time: JSON Lines (an article a line) is read line by
 * line as it arrives, so that a pipe can be processed while it is written, and checked strictly
 * (id and text required, dates must parse); other inputs (folders, web pages, plain text, SGML)
 * go through the reader and give their articles in order. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "ingest/ingest.h"

struct td_article_stream {
    const char *const *inputs; /* the inputs, not owned */
    size_t n_inputs;
    size_t next_input;         /* index of the next input to open */
    td_format format;          /* as asked (TD_FORMAT_AUTO: from each input's first byte) */
    FILE *fp;                  /* the JSON Lines input being read, else NULL */
    const char *path;          /* its name in messages */
    size_t line;               /* number of the last line read */
    char *text;                /* the last line read (getline's buffer) */
    size_t text_cap;
    json_t *obj;               /* the object of the last line: holds the strings handed out */
    td_reader *reader;         /* another format being read, else NULL */
    td_cluster *cluster;       /* its current cluster */
    size_t doc;                /* next article of that cluster */
    td_error failure;          /* the error that stopped the stream (code TD_OK while none) */
};

td_article_stream *td_article_stream_open(const char *const *inputs, size_t n_inputs, td_format format,
                                          td_error *err)
{
    td_article_stream *s = calloc(1, sizeof *s);
    if (!s) {
        error_nomem(err);
        return NULL;
    }
    s->inputs = inputs;
    s->n_inputs = n_inputs;
    s->format = format;
    return s;
}

/* Reads an optional string member (absent or null: NULL). */
static td_status member(td_article_stream *s, const char *key, char **out, size_t *len, td_error *err)
{
    json_t *v = json_object_get(s->obj, key);
    *out = NULL;
    if (len) *len = 0;
    if (!v || json_is_null(v)) return TD_OK;
    if (!json_is_string(v))
        return error_set(err, TD_ERR_INPUT, "%s: line %zu: \"%s\" is not a string", s->path, s->line, key);
    *out = (char *)json_string_value(v);
    if (len) *len = json_string_length(v);
    return TD_OK;
}

static bool blank(const char *t, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!ingest_space(t[i])) return false;
    return true;
}

/* Parses the line in s->text into *doc. */
static td_status parse_line(td_article_stream *s, size_t len, td_document *doc, td_error *err)
{
    size_t bad;
    if (len > INGEST_MAX_LINE)
        return error_set(err, TD_ERR_INPUT, "%s: line %zu: longer than %zu bytes", s->path, s->line,
                         (size_t)INGEST_MAX_LINE);
    if (!td_utf8_valid(s->text, len, &bad))
        return error_set(err, TD_ERR_INPUT, "%s: line %zu: invalid UTF-8 at byte %zu", s->path, s->line, bad + 1);
    json_error_t jerr;
    json_decref(s->obj);
    s->obj = json_loadb(s->text, len, 0, &jerr);
    if (!s->obj)
        return error_set(err, TD_ERR_INPUT, "%s: line %zu, column %d: %s", s->path, s->line, jerr.column, jerr.text);
    if (!json_is_object(s->obj)) return error_set(err, TD_ERR_INPUT, "%s: line %zu: not a JSON object", s->path, s->line);
    memset(doc, 0, sizeof *doc);
    size_t id_len;
    td_status st;
    if ((st = member(s, "id", &doc->name, &id_len, err)) != TD_OK ||
        (st = member(s, "text", &doc->text, &doc->text_len, err)) != TD_OK ||
        (st = member(s, "title", &doc->title, NULL, err)) != TD_OK ||
        (st = member(s, "source", &doc->source, NULL, err)) != TD_OK ||
        (st = member(s, "url", &doc->url, NULL, err)) != TD_OK ||
        (st = member(s, "date", &doc->date, NULL, err)) != TD_OK)
        return st;
    if (!doc->name || blank(doc->name, id_len))
        return error_set(err, TD_ERR_INPUT, "%s: line %zu: no \"id\" (a non-empty string is required)", s->path,
                         s->line);
    if (!doc->text || blank(doc->text, doc->text_len))
        return error_set(err, TD_ERR_INPUT, "%s: line %zu: no \"text\" (a non-empty string is required)", s->path,
                         s->line);
    if (strlen(doc->text) != doc->text_len || strlen(doc->name) != id_len)
        return error_set(err, TD_ERR_INPUT, "%s: line %zu: a NUL character in \"id\" or \"text\"", s->path, s->line);
    long long when;
    if (doc->date && !td_date_parse(doc->date, &when))
        return error_set(err, TD_ERR_INPUT, "%s: line %zu: date \"%.40s\" is not YYYY-MM-DD or ISO 8601", s->path,
                         s->line, doc->date);
    return TD_OK;
}

/* Opens the next input: JSON Lines for reading by line, anything else through the reader. */
static td_status open_next(td_article_stream *s, td_error *err)
{
    const char *in = s->inputs[s->next_input++];
    bool is_stdin = !strcmp(in, "-");
    s->path = is_stdin ? "<stdin>" : in;
    s->line = 0;
    if (s->format == TD_FORMAT_AUTO || s->format == TD_FORMAT_JSONL) {
        FILE *fp = is_stdin ? stdin : fopen(in, "rb");
        if (!fp) {
            /* folders and missing files: the reader says what is wrong with them */
            if (s->format == TD_FORMAT_JSONL)
                return error_set(err, TD_ERR_IO, "%s: cannot open", in);
        } else {
            int c;
            while ((c = getc(fp)) != EOF && ingest_space((char)c))
                if (c == '\n') s->line++;
            if (c != EOF) ungetc(c, fp);
            if (c == '{' || s->format == TD_FORMAT_JSONL) {
                s->fp = fp;
                return TD_OK;
            }
            if (is_stdin)
                return error_set(err, TD_ERR_INPUT, "%s: %s", s->path,
                                 c == EOF ? "empty input" : "not JSON Lines (give other formats as files)");
            fclose(fp);
        }
    }
    s->reader = td_reader_open(&s->inputs[s->next_input - 1], 1, s->format, err);
    return s->reader ? TD_OK : err->code;
}

static void close_input(td_article_stream *s)
{
    if (s->fp && s->fp != stdin) fclose(s->fp);
    s->fp = NULL;
    td_reader_close(s->reader);
    s->reader = NULL;
    td_cluster_free(s->cluster);
    s->cluster = NULL;
}

/* The next article of the current input: 1, 0 when the input is done, -1 on error. */
static int next_of_input(td_article_stream *s, td_document *doc, td_error *err)
{
    if (s->fp) {
        ssize_t got;
        while ((got = getline(&s->text, &s->text_cap, s->fp)) > 0) {
            s->line++;
            size_t len = (size_t)got;
            while (len && (s->text[len - 1] == '\n' || s->text[len - 1] == '\r')) len--;
            if (blank(s->text, len)) continue;
            return parse_line(s, len, doc, err) == TD_OK ? 1 : -1;
        }
        if (ferror(s->fp)) {
            error_set(err, TD_ERR_IO, "%s: read error after line %zu", s->path, s->line);
            return -1;
        }
        return 0;
    }
    while (!s->cluster || s->doc == s->cluster->n_docs) {
        td_cluster_free(s->cluster);
        s->cluster = NULL;
        s->doc = 0;
        int r = td_reader_next(s->reader, &s->cluster, err);
        if (r <= 0) return r;
    }
    *doc = s->cluster->docs[s->doc++];
    long long when;
    if (doc->date && !td_date_parse(doc->date, &when)) doc->date = NULL; /* metadata we cannot read: undated */
    return 1;
}

int td_article_stream_next(td_article_stream *s, td_document *doc, td_error *err)
{
    if (s->failure.code != TD_OK) {
        if (err) *err = s->failure;
        return -1;
    }
    for (;;) {
        if (!s->fp && !s->reader) {
            if (s->next_input == s->n_inputs) return 0;
            if (open_next(s, &s->failure) != TD_OK) break;
        }
        int r = next_of_input(s, doc, &s->failure);
        if (r > 0) return 1;
        if (r < 0) break;
        close_input(s);
    }
    if (err) *err = s->failure;
    return -1;
}

void td_article_stream_close(td_article_stream *s)
{
    if (!s) return;
    close_input(s);
    json_decref(s->obj);
    free(s->text);
    free(s);
}

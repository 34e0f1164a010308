/* multinews.c — Multi-News input: one cluster a line, articles ending in "|||||", line breaks
 * written as the token NEWLINE_CHAR. Cluster ids are line numbers, so the clusters stay aligned
 * with the reference summaries (a line without articles still gives an empty cluster). */
#include <stdio.h>
#include <string.h>

#include "common/error.h"
#include "ingest/ingest.h"

#define SEPARATOR "|||||"
#define NEWLINE_TOKEN "NEWLINE_CHAR"

void multinews_start(const ingest_file *f, multinews_iter *it)
{
    size_t end = f->len;
    while (end && ingest_space(f->text[end - 1])) end--;
    it->pos = 0;
    it->end = end; /* blank lines at the very end are no clusters */
    it->line = 1;
}

/* Puts the article in [a, b) into out: NEWLINE_CHAR tokens become line breaks (with the spaces
 * around them dropped), the whole is trimmed. */
static bool article(const char *s, size_t a, size_t b, buf *out)
{
    const size_t tok_len = sizeof NEWLINE_TOKEN - 1;
    buf_clear(out);
    while (a < b && ingest_space(s[a])) a++;
    if (!buf_reserve(out, b - a)) return false; /* the article never grows: room for it at once */
    while (a < b) {
        const char *tok = ingest_find(s + a, b - a, NEWLINE_TOKEN, tok_len);
        size_t t = tok ? (size_t)(tok - s) : b;
        memcpy(out->data + out->len, s + a, t - a);
        out->len += t - a;
        if (!tok) break;
        while (out->len && (out->data[out->len - 1] == ' ' || out->data[out->len - 1] == '\t')) out->len--;
        out->data[out->len++] = '\n';
        a = t + tok_len;
        while (a < b && (s[a] == ' ' || s[a] == '\t')) a++;
    }
    while (out->len && ingest_space(out->data[out->len - 1])) out->len--;
    size_t lead = 0;
    while (lead < out->len && ingest_space(out->data[lead])) lead++;
    if (lead) {
        memmove(out->data, out->data + lead, out->len - lead);
        out->len -= lead;
    }
    if (out->data) out->data[out->len] = '\0';
    return true;
}

int multinews_next(const ingest_file *f, multinews_iter *it, td_cluster **out, td_error *err)
{
    *out = NULL;
    if (it->pos >= it->end) return 0;
    const char *s = f->text;
    const char *nl = memchr(s + it->pos, '\n', f->len - it->pos);
    size_t line_end = nl ? (size_t)(nl - s) : f->len;
    char id[32], name[64];
    snprintf(id, sizeof id, "%zu", it->line);
    td_cluster *c = td_cluster_new(id);
    buf text = {0};
    bool ok = c != NULL;
    size_t k = 0;
    for (size_t p = it->pos; ok && p < line_end;) {
        const char *sep = ingest_find(s + p, line_end - p, SEPARATOR, sizeof SEPARATOR - 1);
        size_t piece_end = sep ? (size_t)(sep - s) : line_end;
        ok = article(s, p, piece_end, &text);
        if (ok && text.len) {
            snprintf(name, sizeof name, "%s.%zu", id, ++k);
            td_document d = {.name = name, .text = text.data, .text_len = text.len};
            ok = td_cluster_add(c, &d) == TD_OK;
        }
        p = sep ? piece_end + sizeof SEPARATOR - 1 : line_end;
    }
    buf_free(&text);
    if (!ok) {
        td_cluster_free(c);
        error_nomem(err);
        return -1;
    }
    it->pos = line_end + 1;
    it->line++;
    *out = c;
    return 1;
}

size_t multinews_article_at(const char *s, size_t at)
{
    size_t start = at;
    while (start && s[start - 1] != '\n') start--;
    size_t k = 1;
    const char *p = s + start, *end = s + at;
    while ((p = ingest_find(p, (size_t)(end - p), SEPARATOR, sizeof SEPARATOR - 1)) != NULL) {
        k++;
        p += sizeof SEPARATOR - 1;
    }
    return k;
}

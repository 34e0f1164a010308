/* articles.c — POST /articles: a JSON article, a JSON array, JSON Lines, one plain-text article or
 * one web page, checked whole before anything is stored (without a lock: requests are parsed while
 * another is stored), then added to the store in one batch with the other POSTs waiting for the
 * writer (a group commit) and acknowledged only after that batch is committed. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve/serve.h"

/* An id for an article sent without one: the text's FNV-1a hash, so that sending it again is
 * recognised as the same article. */
static void text_id(const char *text, size_t len, char out[32])
{
    unsigned long long h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)text[i]) * 1099511628211ULL;
    snprintf(out, 32, "text-%016llx", h);
}

/* A request refused: false, and *nomem when even the refusal could not be made. */
static bool reject(bool *nomem, bool made)
{
    if (!made) *nomem = true;
    return false;
}

/* A string field of a JSON article: NULL when absent or null; *bad set when it is another type. */
static const char *field(json_t *o, const char *name, bool *bad)
{
    json_t *v = json_object_get(o, name);
    if (!v || json_is_null(v)) return NULL;
    if (!json_is_string(v)) {
        *bad = true;
        return NULL;
    }
    return json_string_value(v);
}

/* Checks one JSON article (where names it in messages) and adds it to c. */
static bool add_json(td_cluster *c, json_t *o, const char *where, td_http_response *out, bool *nomem)
{
    if (!json_is_object(o)) return reject(nomem, serve_error(out, 400, "%s: an article must be a JSON object", where));
    bool bad = false;
    td_document d = {
        .name = (char *)field(o, "id", &bad),
        .text = (char *)field(o, "text", &bad),
        .title = (char *)field(o, "title", &bad),
        .source = (char *)field(o, "source", &bad),
        .url = (char *)field(o, "url", &bad),
        .date = (char *)field(o, "date", &bad),
    };
    long long when;
    if (bad) return reject(nomem, serve_error(out, 400, "%s: id, text, title, source, url and date must be strings", where));
    if (!d.name || !*d.name) return reject(nomem, serve_error(out, 400, "%s: missing \"id\"", where));
    if (!d.text || !*d.text) return reject(nomem, serve_error(out, 400, "%s: missing \"text\" (article %.80s)", where, d.name));
    if (d.date && !td_date_parse(d.date, &when))
        return reject(nomem, serve_error(out, 400, "%s: date \"%.40s\" is not YYYY-MM-DD or ISO 8601", where, d.date));
    if (td_cluster_add(c, &d) != TD_OK) return *nomem = true, false;
    return true;
}

static bool parse_json(td_cluster *c, const char *body, size_t len, size_t max, td_http_response *out, bool *nomem)
{
    json_error_t jerr;
    json_t *root = json_loadb(body, len, 0, &jerr);
    if (!root) return reject(nomem, serve_error(out, 400, "malformed JSON at byte %d: %s", jerr.position, jerr.text));
    bool ok = true;
    if (json_is_array(root)) {
        if (json_array_size(root) > max)
            ok = reject(nomem, serve_error(out, 413, "%zu articles in one request; at most %zu", json_array_size(root), max));
        for (size_t i = 0; ok && i < json_array_size(root); i++) {
            char where[48];
            snprintf(where, sizeof where, "article %zu", i + 1);
            ok = add_json(c, json_array_get(root, i), where, out, nomem);
        }
    } else {
        ok = add_json(c, root, "the article", out, nomem);
    }
    json_decref(root);
    return ok;
}

static bool parse_ndjson(td_cluster *c, const char *body, size_t len, size_t max, td_http_response *out, bool *nomem)
{
    size_t line = 0;
    for (size_t at = 0; at < len;) {
        const char *nl = memchr(body + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - body) : len;
        line++;
        size_t from = at;
        while (from < end && (body[from] == ' ' || body[from] == '\t' || body[from] == '\r')) from++;
        if (from < end) {
            if (c->n_docs >= max) return reject(nomem, serve_error(out, 413, "more than %zu articles in one request", max));
            char where[48];
            snprintf(where, sizeof where, "line %zu", line);
            json_error_t jerr;
            json_t *o = json_loadb(body + from, end - from, 0, &jerr);
            if (!o) return reject(nomem, serve_error(out, 400, "line %zu: malformed JSON: %s", line, jerr.text));
            bool ok = add_json(c, o, where, out, nomem);
            json_decref(o);
            if (!ok) return false;
        }
        at = end + 1;
    }
    return true;
}

/* One article from plain text or a web page; id, title, source, date may come in the query. */
static bool parse_one(td_cluster *c, bool html, const char *query, const char *body, size_t len,
                      td_http_response *out, bool *nomem)
{
    buf q[4] = {{0}};
    static const char *const names[4] = {"id", "title", "source", "date"};
    const char *v[4] = {0};
    bool ok = true;
    for (int i = 0; ok && i < 4; i++)
        if (serve_query(query, names[i], &q[i])) v[i] = q[i].data;
    td_article *page = NULL;
    td_error err = {0};
    td_document d = {.name = (char *)v[0], .title = (char *)v[1], .source = (char *)v[2], .date = (char *)v[3],
                     .text = (char *)body, .text_len = len};
    if (html) {
        if (!(page = td_extract_html(body, len, v[0] ? v[0] : "the page", &err))) {
            if (err.code == TD_ERR_NOMEM) *nomem = true;
            else reject(nomem, serve_error(out, 400, "%s", err.message));
            ok = false;
        } else {
            d.text = page->text;
            d.text_len = page->text ? strlen(page->text) : 0;
            if (!d.title) d.title = page->title;
            if (!d.source) d.source = page->site;
            if (!d.date) d.date = page->date;
            d.url = page->url;
            if (!d.name) d.name = page->url;
        }
    }
    char id[32];
    long long when;
    if (ok && !d.text_len) ok = reject(nomem, serve_error(out, 400, html ? "the page has no main text" : "empty article"));
    if (ok && !d.name) {
        text_id(d.text, d.text_len, id);
        d.name = id;
    }
    if (ok && d.date && !td_date_parse(d.date, &when))
        ok = reject(nomem, serve_error(out, 400, "date \"%.40s\" is not YYYY-MM-DD or ISO 8601", d.date));
    if (ok && td_cluster_add(c, &d) != TD_OK) ok = false, *nomem = true;
    td_article_free(page);
    for (int i = 0; i < 4; i++) buf_free(&q[i]);
    return ok;
}

/* Adds the articles of the POSTs from first up to end (not included) as one batch (the write lock
 * is held) and commits it, each POST's answer listing where its articles went; then wakes the
 * summariser and drops what the cache kept of the stories changed. On failure nothing of the batch
 * is kept (the store is opened again, which rolls it back) and the status is returned. */
static td_status store_batch(td_server *s, serve_post *first, serve_post *end, td_error *err)
{
    buf stories = {0}; /* the ids of the stories changed, each ended by a NUL */
    td_status st = TD_OK;
    bool ok = true;
    for (serve_post *p = first; ok && st == TD_OK && p != end; p = p->next) {
        const td_cluster *c = p->articles;
        buf_clear(&p->answer);
        ok = buf_puts(&p->answer, "{\"accepted\":") && buf_put_size(&p->answer, c->n_docs) &&
             buf_puts(&p->answer, ",\"articles\":[");
        for (size_t i = 0; ok && st == TD_OK && i < c->n_docs; i++) {
            td_placement pl;
            td_store_action action;
            st = td_store_add(s->store, &c->docs[i], &pl, &action, err);
            if (st == TD_OK)
                ok = buf_puts(&p->answer, i ? ",{\"id\":" : "{\"id\":") &&
                     serve_json_string(&p->answer, c->docs[i].name, strlen(c->docs[i].name)) &&
                     buf_puts(&p->answer, ",\"story\":") && serve_json_string(&p->answer, pl.story, strlen(pl.story)) &&
                     buf_putc(&p->answer, '}') && buf_append(&stories, pl.story, strlen(pl.story) + 1);
        }
    }
    if (!ok) st = TD_ERR_NOMEM;
    if (st == TD_OK) st = td_store_commit(s->store, err);
    if (st == TD_OK) {
        /* the batch is in: its answers can go; its stories' summaries are made in the background */
        serve_summaries_due(s);
        pthread_mutex_lock(&s->read_lock);
        for (size_t at = 0; at < stories.len; at += strlen(stories.data + at) + 1)
            serve_cache_forget(s, stories.data + at);
        pthread_mutex_unlock(&s->read_lock);
        for (serve_post *p = first; p != end; p = p->next) {
            p->nomem = !buf_puts(&p->answer, "]}\n") ||
                       !serve_reply(p->out, 200, "application/json", p->answer.data, p->answer.len);
            p->done = true;
        }
    } else {
        td_store_close(s->store);
        td_error oerr = {0};
        s->store = td_store_open(s->opts.store, NULL, &oerr);
        pthread_mutex_lock(&s->read_lock);
        s->cache_epoch++;
        pthread_mutex_unlock(&s->read_lock);
    }
    buf_free(&stories);
    return st;
}

/* Stores the POSTs waiting (the write lock is held) as one batch, a group commit: each is answered
 * only after the commit of the batch it is in. When that batch fails, each is stored again alone,
 * so that only the one at fault is refused. */
static void store_group(td_server *s, serve_post *group)
{
    td_error err = {0};
    if (s->store && group->next && store_batch(s, group, NULL, &err) == TD_OK) return;
    for (serve_post *p = group; p; p = p->next) {
        td_status st = TD_OK;
        if (!s->store) p->nomem = !serve_error(p->out, 503, "the store could not be opened again");
        else if ((st = store_batch(s, p, p->next, &err)) == TD_ERR_NOMEM) p->nomem = true;
        else if (st != TD_OK) p->nomem = !serve_error(p->out, st == TD_ERR_INPUT ? 400 : 500, "%s", err.message);
        p->done = true;
    }
}

/* Queues the checked articles for the writer and returns once they are committed (or refused):
 * the POST that gets the write lock first stores every one waiting. */
static bool store_articles(td_server *s, const td_cluster *c, td_http_response *out)
{
    serve_post me = {.articles = c, .out = out};
    serve_summaries_post(s, 1);
    pthread_mutex_lock(&s->queue_lock);
    *s->queue_end = &me;
    s->queue_end = &me.next;
    pthread_mutex_unlock(&s->queue_lock);
    pthread_mutex_lock(&s->write_lock);
    pthread_mutex_lock(&s->queue_lock);
    serve_post *group = NULL;
    if (!me.done) { /* else another POST stored it, and those queued since are not ours to take */
        group = s->queue;
        s->queue = NULL;
        s->queue_end = &s->queue;
    }
    pthread_mutex_unlock(&s->queue_lock);
    if (group) store_group(s, group);
    pthread_mutex_unlock(&s->write_lock);
    serve_summaries_post(s, -1);
    buf_free(&me.answer);
    return !me.nomem;
}

bool serve_post_articles(td_server *s, const char *media_type, const char *query, const char *body, size_t len,
                         td_http_response *out)
{
    bool json = !strcmp(media_type, "application/json"), ndjson = !strcmp(media_type, "application/x-ndjson");
    bool text = !strcmp(media_type, "text/plain"), html = !strcmp(media_type, "text/html");
    if (!json && !ndjson && !text && !html)
        return serve_error(out, 415, "send application/json, application/x-ndjson, text/plain or text/html, not %.80s",
                           *media_type ? media_type : "no Content-Type");
    size_t bad;
    if (!html && !td_utf8_valid(body, len, &bad)) return serve_error(out, 400, "invalid UTF-8 at byte %zu", bad);
    td_cluster *c = td_cluster_new("request");
    if (!c) return false;
    bool nomem = false, ok;
    if (json) ok = parse_json(c, body, len, s->opts.max_articles, out, &nomem);
    else if (ndjson) ok = parse_ndjson(c, body, len, s->opts.max_articles, out, &nomem);
    else ok = parse_one(c, html, query, body, len, out, &nomem);
    if (ok && !c->n_docs) nomem = !serve_error(out, 400, "no article in the request");
    else if (ok) {
        nomem = !store_articles(s, c, out);
    }
    td_cluster_free(c);
    return !nomem; /* every other failure made its own response */
}

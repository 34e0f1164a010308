/* routes.c — one request to one response, without sockets: the routes, their checks (method, token,
 * media type) and the GET answers, rendered stories kept until the store changes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve/serve.h"

#define DEFAULT_LIMIT 50
#define MAX_LIMIT 1000

/* The cached response of key, copied into out. */
static bool cache_get(td_server *s, const char *key, td_http_response *out, bool *hit)
{
    *hit = false;
    for (size_t i = 0; i < SERVE_CACHE_SLOTS; i++) {
        serve_cached *e = &s->cache[i];
        if (e->key && e->epoch == s->cache_epoch && !strcmp(e->key, key)) {
            *hit = true;
            return serve_reply(out, 200, e->content_type, e->body, e->len);
        }
    }
    return true;
}

static void cache_clear(serve_cached *e)
{
    free(e->key);
    free(e->story);
    free(e->body);
    *e = (serve_cached){0};
}

void serve_cache_forget(td_server *s, const char *story)
{
    for (size_t i = 0; i < SERVE_CACHE_SLOTS; i++)
        if (s->cache[i].key && !strcmp(s->cache[i].story, story)) cache_clear(&s->cache[i]);
}

static void cache_put(td_server *s, const char *key, const char *story, const td_http_response *r)
{
    serve_cached *slot = NULL;
    for (size_t i = 0; i < SERVE_CACHE_SLOTS && !slot; i++)
        if (!s->cache[i].key || s->cache[i].epoch != s->cache_epoch) slot = &s->cache[i];
    if (!slot) slot = &s->cache[s->cache_next++ % SERVE_CACHE_SLOTS];
    cache_clear(slot);
    *slot = (serve_cached){strdup(key), strdup(story), s->cache_epoch, r->content_type, malloc(r->len + 1), r->len};
    if (!slot->key || !slot->story || !slot->body) {
        cache_clear(slot);
        return;
    }
    memcpy(slot->body, r->body, r->len + 1);
}

/* The outlets of a story: each distinct source (an article without one counts under its id). */
static bool json_outlets(buf *b, const td_story *st)
{
    bool ok = buf_putc(b, '[');
    size_t n = 0;
    for (size_t i = 0; ok && i < st->n_articles; i++) {
        const td_story_article *a = &st->articles[i];
        if (a->copy_of) continue;
        const char *name = a->source ? a->source : a->id;
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++) {
            const td_story_article *o = &st->articles[j];
            seen = !o->copy_of && !strcmp(o->source ? o->source : o->id, name);
        }
        if (!seen) ok = (!n++ || buf_putc(b, ',')) && serve_json_string(b, name, strlen(name));
    }
    return ok && buf_putc(b, ']');
}

static bool json_str_or_null(buf *b, const char *s)
{
    return s ? serve_json_string(b, s, strlen(s)) : buf_puts(b, "null");
}

/* id, headline, updated, articles (a count), outlets, summary [{"text", "sources"}]. */
static bool json_story_head(buf *b, const td_story *st)
{
    bool ok = buf_puts(b, "{\"id\":") && json_str_or_null(b, st->id) && buf_puts(b, ",\"headline\":") &&
              json_str_or_null(b, st->headline) && buf_puts(b, ",\"updated\":") && json_str_or_null(b, st->updated) &&
              buf_puts(b, ",\"articles\":") && buf_put_size(b, st->n_articles) && buf_puts(b, ",\"outlets\":") &&
              json_outlets(b, st) && buf_puts(b, ",\"summary\":[");
    for (size_t i = 0; ok && i < st->n_summary; i++) {
        ok = buf_puts(b, i ? ",{\"text\":" : "{\"text\":") && json_str_or_null(b, st->summary[i].text) &&
             buf_puts(b, ",\"sources\":[");
        for (size_t j = 0; ok && j < st->summary[i].n_sources; j++)
            ok = (!j || buf_putc(b, ',')) && json_str_or_null(b, st->summary[i].sources[j]);
        ok = ok && buf_puts(b, "]}");
    }
    return ok && buf_putc(b, ']');
}

static bool get_stories(td_server *s, const char *query, td_http_response *out)
{
    buf v = {0};
    size_t limit = DEFAULT_LIMIT;
    if (serve_query(query, "limit", &v)) {
        char *end;
        unsigned long n = strtoul(v.data, &end, 10);
        if (!*v.data || *end || n < 1 || n > MAX_LIMIT) {
            buf_free(&v);
            return serve_error(out, 400, "limit must be a number from 1 to %d", MAX_LIMIT);
        }
        limit = n;
    }
    buf since = {0}, q = {0};
    bool has_since = serve_query(query, "since", &since), has_q = serve_query(query, "q", &q);
    long long when;
    bool ok;
    if (has_since && !td_date_parse(since.data, &when)) {
        ok = serve_error(out, 400, "since: \"%.40s\" is not YYYY-MM-DD or ISO 8601", since.data);
    } else {
        td_story *list = NULL;
        size_t n = 0;
        td_error err = {0};
        bool read = td_store_latest(s->reader, has_since ? since.data : NULL, has_q ? q.data : NULL, limit, &list, &n,
                                    &err) == TD_OK;
        /* the list shows the summaries stored (the summariser follows the batches by a moment, longer
         * while POSTs stream in); a story not summarised yet gets one made for it */
        for (size_t i = 0; read && i < n; i++) {
            td_store_summaries *made = NULL;
            if (!list[i].n_summary)
                read = td_store_fresh_summaries(s->reader, s->reader_summarizer, &list[i], 1, &made, &err) == TD_OK;
            serve_summaries_keep(s, made);
        }
        if (!read) {
            ok = err.code == TD_ERR_NOMEM ? false : serve_error(out, 500, "%s", err.message);
        } else {
            buf b = {0};
            ok = buf_puts(&b, "{\"stories\":[");
            for (size_t i = 0; ok && i < n; i++)
                ok = (!i || buf_putc(&b, ',')) && json_story_head(&b, &list[i]) && buf_putc(&b, '}');
            ok = ok && buf_puts(&b, "]}\n") && serve_reply(out, 200, "application/json", b.data, b.len);
            buf_free(&b);
        }
        td_stories_free(list, n);
    }
    buf_free(&v);
    buf_free(&since);
    buf_free(&q);
    return ok;
}

/* The story's report made from its stored articles: HTML, or JSON for the story route. */
static char *render_report(td_server *s, const td_cluster *c, td_report_format format, td_error *err)
{
    td_comparison *cmp = td_compare(c, err);
    td_summary *sum = cmp ? td_summarize(s->reader_summarizer, c, err) : NULL;
    char *r = sum ? td_render_report(cmp, sum, c, format) : NULL;
    td_summary_free(sum);
    td_comparison_free(cmp);
    return r;
}

/* Copies the member "name" of a one-line JSON object (a value that starts at "name":) into b. */
static bool copy_member(buf *b, const char *json, const char *name)
{
    char key[32];
    snprintf(key, sizeof key, "\"%s\":", name);
    const char *p = strstr(json, key);
    if (!p) return buf_puts(b, "[]");
    p += strlen(key);
    /* the value is an array: find its end, skipping strings */
    int depth = 0;
    const char *q = p;
    bool in_string = false;
    for (; *q; q++) {
        if (in_string) {
            if (*q == '\\' && q[1]) q++;
            else if (*q == '"') in_string = false;
        } else if (*q == '"') {
            in_string = true;
        } else if (*q == '[' || *q == '{') {
            depth++;
        } else if ((*q == ']' || *q == '}') && --depth == 0) {
            q++;
            break;
        }
    }
    return buf_append(b, p, (size_t)(q - p));
}

static bool get_story(td_server *s, const char *id, bool report, td_http_response *out)
{
    td_error err = {0};
    td_story *st = NULL;
    td_cluster *c = NULL;
    td_store_summaries *made = NULL;
    bool read = td_store_story(s->reader, id, &st, &err) == TD_OK &&
                (!st || td_store_fresh_summaries(s->reader, s->reader_summarizer, st, 1, &made, &err) == TD_OK);
    serve_summaries_keep(s, made);
    if (!read || (st && td_store_story_cluster(s->reader, id, &c, &err) != TD_OK)) {
        td_stories_free(st, st ? 1 : 0);
        return err.code == TD_ERR_NOMEM ? false : serve_error(out, 500, "%s", err.message);
    }
    if (!st || !c) {
        td_stories_free(st, st ? 1 : 0);
        td_cluster_free(c);
        return serve_error(out, 404, "no story %.200s", id);
    }
    char *r = render_report(s, c, report ? TD_REPORT_HTML : TD_REPORT_JSON, &err);
    bool ok = r != NULL;
    if (ok && report) {
        ok = serve_reply(out, 200, "text/html; charset=utf-8", r, strlen(r));
    } else if (ok) {
        buf b = {0};
        ok = json_story_head(&b, st) && buf_puts(&b, ",\"documents\":[");
        for (size_t i = 0; ok && i < st->n_articles; i++) {
            const td_story_article *a = &st->articles[i];
            ok = buf_puts(&b, i ? ",{\"id\":" : "{\"id\":") && json_str_or_null(&b, a->id) &&
                 buf_puts(&b, ",\"source\":") && json_str_or_null(&b, a->source) && buf_puts(&b, ",\"title\":") &&
                 json_str_or_null(&b, a->title) && buf_puts(&b, ",\"date\":") && json_str_or_null(&b, a->date) &&
                 buf_puts(&b, ",\"copy_of\":") && json_str_or_null(&b, a->copy_of) && buf_putc(&b, '}');
        }
        ok = ok && buf_puts(&b, "],\"quotes\":") && copy_member(&b, r, "quotes") &&
             buf_puts(&b, ",\"disagreements\":") && copy_member(&b, r, "disagreements") && buf_puts(&b, "}\n") &&
             serve_reply(out, 200, "application/json", b.data, b.len);
        buf_free(&b);
    } else if (err.code != TD_ERR_NOMEM) {
        ok = serve_error(out, 500, "story %.200s: %s", id, err.message);
    }
    free(r);
    td_cluster_free(c);
    td_stories_free(st, 1);
    return ok;
}

static bool get_article(td_server *s, const char *id, td_http_response *out)
{
    td_error err = {0};
    td_cluster *c = NULL;
    if (td_store_article(s->reader, id, &c, &err) != TD_OK)
        return err.code == TD_ERR_NOMEM ? false : serve_error(out, 500, "%s", err.message);
    if (!c) return serve_error(out, 404, "no article %.200s", id);
    const td_document *d = &c->docs[0];
    buf b = {0};
    bool ok = buf_puts(&b, "{\"id\":") && json_str_or_null(&b, d->name) && buf_puts(&b, ",\"story\":") &&
              json_str_or_null(&b, c->id) && buf_puts(&b, ",\"title\":") && json_str_or_null(&b, d->title) &&
              buf_puts(&b, ",\"source\":") && json_str_or_null(&b, d->source) && buf_puts(&b, ",\"url\":") &&
              json_str_or_null(&b, d->url) && buf_puts(&b, ",\"date\":") && json_str_or_null(&b, d->date) &&
              buf_puts(&b, ",\"text\":") && serve_json_string(&b, d->text, d->text_len) && buf_puts(&b, "}\n") &&
              serve_reply(out, 200, "application/json", b.data, b.len);
    buf_free(&b);
    td_cluster_free(c);
    return ok;
}

/* Compares the token in constant time. */
static bool authorized(const td_server *s, const char *authorization)
{
    if (!s->token) return true;
    if (!authorization || strncmp(authorization, "Bearer ", 7)) return false;
    const char *given = authorization + 7;
    size_t n = strlen(s->token), m = strlen(given);
    unsigned char diff = n != m;
    for (size_t i = 0; i < n; i++) diff |= (unsigned char)(s->token[i] ^ given[i < m ? i : 0]);
    return !diff;
}

/* The media type without parameters, lower-cased, into out. */
static void media_type(const char *content_type, char out[64])
{
    size_t n = 0;
    for (const char *p = content_type ? content_type : ""; *p && *p != ';' && n < 63; p++)
        if (*p != ' ' && *p != '\t') out[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    out[n] = '\0';
}

/* Routes a decoded path; `id` gets the story or article id of the routes that have one. */
static bool route(td_server *s, const char *method, const char *path, const char *query, const char *content_type,
                  const char *authorization, const char *body, size_t len, td_http_response *out)
{
    bool get = !strcmp(method, "GET") || !strcmp(method, "HEAD"), post = !strcmp(method, "POST");
    if (!strcmp(path, "/") || !strcmp(path, "/health") || !strcmp(path, "/stories")) {
        if (!get) return serve_error(out, 405, "%s allows GET only", path);
        if (!strcmp(path, "/"))
            return serve_reply(out, 200, "text/html; charset=utf-8", serve_page, (size_t)(serve_page_end - serve_page));
        if (!strcmp(path, "/health")) return serve_reply(out, 200, "application/json", "{\"status\":\"ok\"}\n", 16);
        return get_stories(s, query, out);
    }
    if (!strcmp(path, "/favicon.ico") && get) return serve_reply(out, 204, "image/x-icon", "", 0); /* no icon */
    if (!strcmp(path, "/articles")) {
        if (!post) return serve_error(out, 405, "/articles allows POST only");
        if (!authorized(s, authorization)) return serve_error(out, 401, "a valid Authorization: Bearer token is needed");
        char type[64];
        media_type(content_type, type);
        return serve_post_articles(s, type, query, body, len, out);
    }
    const char *rest = NULL;
    bool story = !strncmp(path, "/stories/", 9), article = !strncmp(path, "/articles/", 10);
    if (story) rest = path + 9;
    if (article) rest = path + 10;
    if (!rest || !*rest) return serve_error(out, 404, "no such page: %.200s", path);
    size_t id_len = strcspn(rest, "/");
    bool report = story && !strcmp(rest + id_len, "/report");
    if (rest[id_len] && !report) return serve_error(out, 404, "no such page: %.200s", path);
    if (!get) return serve_error(out, 405, "%s allows GET only", path);
    buf id = {0};
    bool ok;
    if (!serve_decode(rest, id_len, false, &id) || !td_utf8_valid(id.data, id.len, NULL))
        ok = serve_error(out, 400, "a bad id in %.200s", path);
    else
        ok = story ? get_story(s, id.data, report, out) : get_article(s, id.data, out);
    buf_free(&id);
    return ok;
}

td_status td_server_handle(td_server *s, const char *method, const char *url, const char *content_type,
                           const char *authorization, const char *body, size_t len, td_http_response *out)
{
    *out = (td_http_response){0};
    const char *q = strchr(url, '?');
    size_t path_len = q ? (size_t)(q - url) : strlen(url);
    char *path = strndup(url, path_len);
    if (!path) return TD_ERR_NOMEM;
    /* a story and its report are kept, under the story's id */
    buf story = {0};
    bool cacheable = (!strcmp(method, "GET") || !strcmp(method, "HEAD")) && !strncmp(path, "/stories/", 9) &&
                     serve_decode(path + 9, strcspn(path + 9, "/"), false, &story);
    /* a read takes the reader's lock, so reads go on during a write; a write parses its body
     * unlocked and takes the writer's lock to store it (serve_post_articles) */
    pthread_mutex_t *lock = !strcmp(method, "POST") && !strcmp(path, "/articles") ? NULL : &s->read_lock;
    if (lock) pthread_mutex_lock(lock);
    bool hit = false, ok = !cacheable || cache_get(s, path, out, &hit);
    if (ok && !hit) {
        if (len > s->opts.max_body)
            ok = serve_error(out, 413, "the request body is over %zu bytes", s->opts.max_body);
        else
            ok = route(s, method, path, q ? q + 1 : "", content_type, authorization, body ? body : "", len, out);
        if (ok && out->body && cacheable && out->status == 200) cache_put(s, path, story.data, out);
    }
    if (lock) pthread_mutex_unlock(lock);
    buf_free(&story);
    free(path);
    if (!ok || !out->body) {
        free(out->body);
        *out = (td_http_response){0};
        return TD_ERR_NOMEM;
    }
    return TD_OK;
}

/* server.c — the server's life and its sockets: options, the store handles and summarisers it keeps, the
 * libmicrohttpd daemon (a thread per connection, limits on connections, time and body size), the headers
 * every answer carries (a Content-Security-Policy among them) and one log line per request. */
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "common/error.h"
#include "serve/serve.h"

/* The page and the reports need nothing from elsewhere: scripts and styles of the page itself only. */
static const char csp[] = "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; "
                          "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
                          "frame-ancestors 'none'";

void td_serve_opts_defaults(td_serve_opts *opts)
{
    *opts = (td_serve_opts){
        .store = "tidings.db",
        .bind = "127.0.0.1",
        .port = 8080,
        .max_body = 32u << 20,
        .max_articles = 1000,
        .max_connections = 256,
        .timeout = 30,
    };
}

td_server *td_server_new(const td_serve_opts *opts, td_error *err)
{
    td_server *s = calloc(1, sizeof *s);
    if (!s) return error_nomem(err), NULL;
    s->opts = *opts;
    pthread_mutex_init(&s->write_lock, NULL);
    pthread_mutex_init(&s->read_lock, NULL);
    pthread_mutex_init(&s->queue_lock, NULL);
    pthread_mutex_init(&s->summary_lock, NULL);
    pthread_cond_init(&s->summary_wake, NULL);
    s->queue_end = &s->queue;
    if (!(s->store_path = strdup(opts->store)) || !(s->bind = strdup(opts->bind)) ||
        (opts->token && !(s->token = strdup(opts->token)))) {
        td_server_free(s);
        return error_nomem(err), NULL;
    }
    s->opts.store = s->store_path;
    s->opts.bind = s->bind;
    s->opts.token = s->token;
    td_summary_opts sopts;
    td_summary_opts_defaults(&sopts);
    sopts.max_words = 100;
    if (!(s->store = td_store_open(s->store_path, NULL, err)) || !(s->summarizer = td_summarizer_new(&sopts, err)) ||
        !(s->summary_reader = td_store_open_reader(s->store_path, err)) ||
        !(s->reader = td_store_open_reader(s->store_path, err)) ||
        !(s->reader_summarizer = td_summarizer_new(&sopts, err))) {
        td_server_free(s);
        return NULL;
    }
    if (!serve_summaries_start(s)) {
        td_server_free(s);
        return error_set(err, TD_ERR_NOMEM, "the summariser's thread cannot be started"), NULL;
    }
    return s;
}

/* What a connection collects before it is answered. */
typedef struct request {
    buf body;
    bool too_large; /* the body went over the limit: the rest is read and dropped */
} request;

static enum MHD_Result add_header(struct MHD_Response *r, const char *name, const char *value)
{
    return MHD_add_response_header(r, name, value);
}

static enum MHD_Result answer(struct MHD_Connection *conn, td_server *s, const char *method, const char *url,
                              request *req)
{
    td_http_response res;
    const char *ctype = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
    const char *auth = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
    td_status st;
    if (req->too_large) {
        res = (td_http_response){0};
        st = serve_error(&res, 413, "the request body is over %zu bytes", s->opts.max_body) ? TD_OK : TD_ERR_NOMEM;
    } else {
        st = td_server_handle(s, method, url, ctype, auth, req->body.data, req->body.len, &res);
    }
    if (st != TD_OK) return MHD_NO;
    struct MHD_Response *r = MHD_create_response_from_buffer(res.len, res.body, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(res.body);
        return MHD_NO;
    }
    add_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, res.content_type);
    add_header(r, "Content-Security-Policy", csp);
    add_header(r, "X-Content-Type-Options", "nosniff");
    add_header(r, "Referrer-Policy", "no-referrer");
    add_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    if (res.status == 405) add_header(r, MHD_HTTP_HEADER_ALLOW, strcmp(url, "/articles") ? "GET, HEAD" : "POST");
    if (res.status == 401) add_header(r, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer");
    enum MHD_Result ok = MHD_queue_response(conn, (unsigned)res.status, r);
    MHD_destroy_response(r);
    if (s->opts.log) {
        char line[600];
        const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
        char addr[INET6_ADDRSTRLEN] = "-";
        if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET)
            inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)ci->client_addr)->sin_addr, addr, sizeof addr);
        else if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET6)
            inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)ci->client_addr)->sin6_addr, addr, sizeof addr);
        snprintf(line, sizeof line, "%s %s %.300s %d %zu", addr, method, url, res.status, res.len);
        s->opts.log(s->opts.log_ctx, line);
    }
    return ok;
}

/* libmicrohttpd calls this several times a request: first to start it, then with pieces of the
 * body, then with none to answer. */
static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                                  const char *version, const char *data, size_t *size, void **state)
{
    (void)version;
    td_server *s = cls;
    request *req = *state;
    if (!req) {
        if (!(req = calloc(1, sizeof *req))) return MHD_NO;
        *state = req;
        return MHD_YES;
    }
    if (*size) {
        if (req->too_large || req->body.len + *size > s->opts.max_body) {
            req->too_large = true;
            buf_free(&req->body);
        } else if (!buf_append(&req->body, data, *size)) {
            return MHD_NO;
        }
        *size = 0;
        return MHD_YES;
    }
    return answer(conn, s, method, url, req);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **state, enum MHD_RequestTerminationCode code)
{
    (void)cls, (void)conn, (void)code;
    request *req = *state;
    if (!req) return;
    buf_free(&req->body);
    free(req);
    *state = NULL;
}

/* The path and query left as sent: the routes decode them themselves (td_server_handle). */
static size_t keep_escapes(void *cls, struct MHD_Connection *conn, char *s)
{
    (void)cls, (void)conn;
    return strlen(s);
}

/* Puts the query back together after libmicrohttpd has taken it apart. */
static enum MHD_Result add_argument(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    buf *b = cls;
    return (b->len && !buf_putc(b, '&')) || !buf_puts(b, key) || (value && (!buf_putc(b, '=') || !buf_puts(b, value)))
               ? MHD_NO
               : MHD_YES;
}

/* The routes need the query: wraps on_request to pass the URL with it. */
static enum MHD_Result on_request_with_query(void *cls, struct MHD_Connection *conn, const char *url,
                                             const char *method, const char *version, const char *data, size_t *size,
                                             void **state)
{
    if (*state && !*size) {
        buf full = {0};
        bool ok = buf_puts(&full, url);
        buf query = {0};
        MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, add_argument, &query);
        if (ok && query.len) ok = buf_putc(&full, '?') && buf_append(&full, query.data, query.len);
        buf_free(&query);
        enum MHD_Result r = ok ? on_request(cls, conn, full.data, method, version, data, size, state) : MHD_NO;
        buf_free(&full);
        return r;
    }
    return on_request(cls, conn, url, method, version, data, size, state);
}

td_status td_server_listen(td_server *s, td_error *err)
{
    struct sockaddr_storage addr = {0};
    struct sockaddr_in *v4 = (struct sockaddr_in *)&addr;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&addr;
    /* a thread per connection: a long write blocks its own connection only, never the readers' */
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION | MHD_USE_POLL;
    if (inet_pton(AF_INET, s->bind, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons((uint16_t)s->opts.port);
    } else if (inet_pton(AF_INET6, s->bind, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((uint16_t)s->opts.port);
        flags |= MHD_USE_IPv6;
    } else {
        return error_set(err, TD_ERR_USAGE, "--bind %s: not an IPv4 or IPv6 address", s->bind);
    }
    s->daemon = MHD_start_daemon(flags, (uint16_t)s->opts.port, NULL, NULL, on_request_with_query, s,
                                 MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
                                 MHD_OPTION_CONNECTION_LIMIT, s->opts.max_connections,
                                 MHD_OPTION_CONNECTION_TIMEOUT, s->opts.timeout,
                                 MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
                                 MHD_OPTION_UNESCAPE_CALLBACK, keep_escapes, s,
                                 MHD_OPTION_END);
    if (!s->daemon) return error_set(err, TD_ERR_IO, "cannot listen on %s port %u (in use, or not an address of this machine)",
                                     s->bind, s->opts.port);
    return TD_OK;
}

unsigned td_server_port(const td_server *s)
{
    const union MHD_DaemonInfo *i = s->daemon ? MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT) : NULL;
    return i ? i->port : 0;
}

void td_server_free(td_server *s)
{
    if (!s) return;
    if (s->daemon) MHD_stop_daemon(s->daemon);
    serve_summaries_stop(s);
    td_summarizer_free(s->summarizer);
    td_summarizer_free(s->reader_summarizer);
    td_store_close(s->store);
    td_store_close(s->reader);
    td_store_close(s->summary_reader);
    for (size_t i = 0; i < SERVE_CACHE_SLOTS; i++) serve_cache_forget(s, s->cache[i].story ? s->cache[i].story : "");
    pthread_mutex_destroy(&s->write_lock);
    pthread_mutex_destroy(&s->read_lock);
    pthread_mutex_destroy(&s->queue_lock);
    pthread_mutex_destroy(&s->summary_lock);
    pthread_cond_destroy(&s->summary_wake);
    free(s->store_path);
    free(s->bind);
    free(s->token);
    free(s);
}

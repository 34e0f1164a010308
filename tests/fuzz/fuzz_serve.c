/* fuzz_serve.c — libFuzzer target for the server's request handler, without sockets: the input's first
 * line is "METHOD URL", the next two the Content-Type and Authorization headers (empty: absent), the rest
 * the body. Every answer must be a status from 200 to 599 with a body; every 4xx/5xx a JSON object with
 * "error". The store is a file in /tmp kept across inputs. Built by `make fuzz`; seeds in tests/data/serve. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tidings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static td_server *server;
static char path[64];

static void cleanup(void)
{
    td_server_free(server);
    char p[80];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
}

/* The next line of data from *at (without its newline), as a new string. */
static char *next_line(const char *data, size_t size, size_t *at)
{
    const char *nl = *at < size ? memchr(data + *at, '\n', size - *at) : NULL;
    size_t end = nl ? (size_t)(nl - data) : size;
    char *line = strndup(data + *at, end - *at);
    *at = end < size ? end + 1 : size;
    return line;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!server) {
        td_serve_opts opts;
        td_serve_opts_defaults(&opts);
        snprintf(path, sizeof path, "/tmp/fuzz_serve_%ld.db", (long)getpid());
        unlink(path);
        opts.store = path;
        opts.max_body = 1 << 16;
        td_error err = {0};
        if (!(server = td_server_new(&opts, &err))) abort();
        atexit(cleanup);
    }
    const char *text = (const char *)data;
    size_t at = 0;
    char *request = next_line(text, size, &at), *ctype = next_line(text, size, &at), *auth = next_line(text, size, &at);
    char *url = request ? strchr(request, ' ') : NULL;
    if (url && ctype && auth) {
        *url++ = '\0';
        td_http_response r;
        if (td_server_handle(server, request, url, *ctype ? ctype : NULL, *auth ? auth : NULL, text + at, size - at, &r) ==
            TD_OK) {
            if (r.status < 200 || r.status > 599 || !r.body || !r.content_type) abort();
            if (r.status >= 400 && (strncmp(r.body, "{\"error\":\"", 10) || !strstr(r.content_type, "json"))) abort();
            free(r.body);
        }
    }
    free(request);
    free(ctype);
    free(auth);
    return 0;
}

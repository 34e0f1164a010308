/* serve.h — the insides of the server, shared by its files: a writing and a reading handle on the
 * store, each behind its lock, the POSTs waiting for the writer, the background summariser, the cache
 * of rendered stories, the request handler's pieces. The public side is in tidings.h. */
#ifndef TD_SERVE_H
#define TD_SERVE_H
#include <pthread.h>

#include "common/buf.h"
#include "tidings.h"

#define SERVE_CACHE_SLOTS 64

/* A rendered story kept until a batch adds to that story (or the store is opened again). */
typedef struct serve_cached {
    char *key;                /* the request path, NULL when the slot is free */
    char *story;              /* the story's id */
    unsigned long epoch;      /* the cache's epoch it was made in */
    const char *content_type;
    char *body;
    size_t len;
} serve_cached;

/* A POST waiting for the writer: its checked articles and, once the batch it went into is
 * committed (or refused), its answer. */
typedef struct serve_post {
    const td_cluster *articles;
    td_http_response *out;
    buf answer;               /* the answer's JSON while its batch is stored */
    bool done;                /* answered (out made, or nomem) */
    bool nomem;               /* not even an error could be made */
    struct serve_post *next;  /* the next one waiting */
} serve_post;

struct td_server {
    td_serve_opts opts;          /* strings point into the copies below */
    char *store_path, *bind, *token;
    pthread_mutex_t write_lock;  /* held by the writer: a batch of POSTs stored, or summaries written */
    td_store *store;             /* adds, commits, summaries written */
    pthread_mutex_t queue_lock;  /* the POSTs waiting for the writer */
    serve_post *queue, **queue_end;
    pthread_mutex_t summary_lock; /* the summariser's wake-up and the POSTs it gives way to */
    pthread_cond_t summary_wake;
    bool summary_due;            /* a commit made stories stale since the summariser last looked */
    bool stopping;               /* the summariser is to end */
    int posts;                   /* POSTs queued or being stored: the summariser gives way to them */
    bool summary_thread_started;
    pthread_t summary_thread;    /* makes the summaries of stale stories, writes them under write_lock */
    td_store *summary_reader;    /* its handle for reading the stale stories */
    td_summarizer *summarizer;   /* its summariser */
    pthread_mutex_t read_lock;   /* held by a read: the reader, its summariser and the cache */
    td_store *reader;            /* the same file read only: reads never wait for a write (WAL) */
    td_summarizer *reader_summarizer; /* for reports, and the summaries of stories read while stale */
    unsigned long cache_epoch;   /* moves on when the whole cache is void (the store opened again) */
    serve_cached cache[SERVE_CACHE_SLOTS];
    size_t cache_next;           /* the slot the next entry replaces when none is free */
    struct MHD_Daemon *daemon;   /* NULL until td_server_listen */
};

/* A response with a body copied from text (len bytes). False when out of memory. */
bool serve_reply(td_http_response *out, int status, const char *content_type, const char *text, size_t len);
/* A JSON error {"error": message} with the status. False when out of memory. */
bool serve_error(td_http_response *out, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* s[0..len) as a JSON string, quotes included. */
bool serve_json_string(buf *b, const char *s, size_t len);
/* The value of query parameter name, percent-decoded, into value; false when absent. */
bool serve_query(const char *query, const char *name, buf *value);
/* Percent-decodes s[0..len) into out ('+' is a space when plus_space); false on a bad escape or NUL. */
bool serve_decode(const char *s, size_t len, bool plus_space, buf *out);

/* The background summariser (summaries.c): started with the server (false when it cannot be),
 * woken after each commit that made stories stale, stopped before the store is closed. */
bool serve_summaries_start(td_server *s);
void serve_summaries_due(td_server *s);
/* A POST starts (change 1) or ends (-1) waiting for the writer. */
void serve_summaries_post(td_server *s, int change);
void serve_summaries_stop(td_server *s);
/* Writes the summaries a read made for stale stories (the read lock is held), so that the next read
 * need not make them again: only when the writer is free at once (else they are dropped); frees made. */
void serve_summaries_keep(td_server *s, td_store_summaries *made);

/* Drops the cached renderings of a story (a batch added to it); the read lock must be held. */
void serve_cache_forget(td_server *s, const char *story);

/* POST /articles: the body (of the media type given) checked, then, under the write lock, stored. */
bool serve_post_articles(td_server *s, const char *media_type, const char *query, const char *body, size_t len,
                         td_http_response *out);

/* The web page (web/index.html, assembled into the library by page.c). */
extern const char serve_page[];
extern const char serve_page_end[];

#endif

/* summaries.c — the server's background summariser: after a commit it makes the summaries of the
 * stories left stale from what is committed, without any of the server's locks, and writes them in
 * a short transaction under the writer's lock, so that a POST is answered without waiting for
 * summaries; while POSTs are in progress it gives way to them (a round every GIVE_WAY_MS at most).
 * A story read while stale gets a summary made on demand (routes.c), which is written too when the
 * writer is free, so that the next read need not make it again. */
#include <errno.h>
#include <stdio.h>
#include <time.h>

#include "serve/serve.h"

#define SUMMARY_ROUND 16 /* stories summarised between two writes: keeps each write short */
#define GIVE_WAY_MS 500  /* the longest a round waits for the POSTs in progress */

/* Waits while POSTs are in progress, at most GIVE_WAY_MS: answering them comes first, and under a
 * steady stream of them the summaries go on a round at a time. False when the server is stopping. */
static bool give_way(td_server *s)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += GIVE_WAY_MS * 1000000L;
    until.tv_sec += until.tv_nsec / 1000000000L;
    until.tv_nsec %= 1000000000L;
    pthread_mutex_lock(&s->summary_lock);
    while (s->posts && !s->stopping && pthread_cond_timedwait(&s->summary_wake, &s->summary_lock, &until) != ETIMEDOUT)
        ;
    bool go = !s->stopping;
    pthread_mutex_unlock(&s->summary_lock);
    return go;
}

/* Brings the summaries of the stale stories up to date, a round at a time; a story that gets an
 * article while it is summarised stays stale for the next round. */
static void summarize_stale(td_server *s)
{
    size_t n = 0;
    td_status st = TD_OK;
    while (give_way(s)) {
        td_store_summaries *made = NULL;
        td_error err = {0};
        st = td_store_summaries_make(s->summary_reader, s->summarizer, SUMMARY_ROUND, &made, &n, &err);
        bool written = false;
        if (st == TD_OK && n) {
            pthread_mutex_lock(&s->write_lock);
            if ((written = s->store != NULL)) st = td_store_summaries_write(s->store, made, &err);
            pthread_mutex_unlock(&s->write_lock);
        }
        td_store_summaries_free(made);
        if (st != TD_OK && s->opts.log) {
            char line[600];
            snprintf(line, sizeof line, "summaries left stale until the next commit: %s", err.message);
            s->opts.log(s->opts.log_ctx, line);
        }
        if (st != TD_OK || n < SUMMARY_ROUND || !written) break; /* no store: the POSTs get 503 */
    }
}

static void *summarize_loop(void *arg)
{
    td_server *s = arg;
    pthread_mutex_lock(&s->summary_lock);
    for (;;) {
        while (!s->summary_due && !s->stopping) pthread_cond_wait(&s->summary_wake, &s->summary_lock);
        if (s->stopping) break;
        s->summary_due = false;
        pthread_mutex_unlock(&s->summary_lock);
        summarize_stale(s);
        pthread_mutex_lock(&s->summary_lock);
    }
    pthread_mutex_unlock(&s->summary_lock);
    return NULL;
}

void serve_summaries_due(td_server *s)
{
    pthread_mutex_lock(&s->summary_lock);
    s->summary_due = true;
    pthread_cond_signal(&s->summary_wake);
    pthread_mutex_unlock(&s->summary_lock);
}

void serve_summaries_post(td_server *s, int change)
{
    pthread_mutex_lock(&s->summary_lock);
    s->posts += change;
    if (!s->posts) pthread_cond_signal(&s->summary_wake);
    pthread_mutex_unlock(&s->summary_lock);
}

bool serve_summaries_start(td_server *s)
{
    s->summary_due = true; /* stories an earlier run left stale */
    return (s->summary_thread_started = !pthread_create(&s->summary_thread, NULL, summarize_loop, s));
}

void serve_summaries_stop(td_server *s)
{
    if (!s->summary_thread_started) return;
    pthread_mutex_lock(&s->summary_lock);
    s->stopping = true;
    pthread_cond_signal(&s->summary_wake);
    pthread_mutex_unlock(&s->summary_lock);
    pthread_join(s->summary_thread, NULL);
    s->summary_thread_started = false;
}

void serve_summaries_keep(td_server *s, td_store_summaries *made)
{
    if (made && !pthread_mutex_trylock(&s->write_lock)) {
        td_error err = {0};
        if (s->store) td_store_summaries_write(s->store, made, &err); /* else the summariser makes them */
        pthread_mutex_unlock(&s->write_lock);
    }
    td_store_summaries_free(made);
}

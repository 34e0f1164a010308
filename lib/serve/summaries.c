/* summaries.c — the server's background summariser: after a commit it makes the summaries of the
 * stories left stale from what is committed, without any of the server's locks, and writes them in
 * a short transaction under the writer's lock, so that a POST is answered without waiting for
 * summaries. A story read while stale gets a summary made on demand (routes.c). */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "serve/serve.h"

#define SUMMARY_ROUND 64 /* stories summarised between two writes: keeps each write short */

static bool stopping(td_server *s)
{
    pthread_mutex_lock(&s->summary_lock);
    bool stop = s->stopping;
    pthread_mutex_unlock(&s->summary_lock);
    return stop;
}

/* Brings the summaries of the stale stories up to date, a round at a time; a story that gets an
 * article while it is summarised stays stale for the next round. */
static void summarize_stale(td_server *s)
{
    size_t n = 0;
    td_status st;
    do {
        td_store_summaries *made = NULL;
        td_error err = {0};
        st = td_store_summaries_make(s->summary_reader, s->summarizer, SUMMARY_ROUND, &made, &n, &err);
        if (st == TD_OK && n) {
            pthread_mutex_lock(&s->write_lock);
            if (s->store) st = td_store_summaries_write(s->store, made, &err);
            pthread_mutex_unlock(&s->write_lock);
        }
        td_store_summaries_free(made);
        if (st != TD_OK && s->opts.log) {
            char line[600];
            snprintf(line, sizeof line, "summaries left stale until the next commit: %s", err.message);
            s->opts.log(s->opts.log_ctx, line);
        }
    } while (st == TD_OK && n == SUMMARY_ROUND && !stopping(s));
}

static void *summarize_loop(void *arg)
{
    td_server *s = arg;
    /* the lowest priority (Linux gives each thread its own nice value): answering requests comes
     * first, the summaries catch up when the CPU has time; reads never wait for them */
    setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 19);
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

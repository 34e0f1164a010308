/* cluster.c — td_cluster: a set of articles whose strings live in one arena per cluster, so a
 * cluster is freed in three calls however many articles it holds. */
#include <stdlib.h>
#include <string.h>

#include "common/arena.h"
#include "common/vec.h"
#include "tidings.h"

/* The cluster with its private parts; td_cluster first so that the two pointers convert. */
typedef struct cluster_store {
    td_cluster pub; /* what callers see */
    arena strings;  /* every string of the cluster; pub.pool_ points here */
    size_t cap;     /* capacity of pub.docs */
} cluster_store;

td_cluster *td_cluster_new(const char *id)
{
    cluster_store *st = calloc(1, sizeof *st);
    if (!st) return NULL;
    arena_init(&st->strings);
    st->pub.pool_ = &st->strings;
    st->pub.id = arena_strdup(&st->strings, id ? id : "");
    if (!st->pub.id) {
        arena_free(&st->strings);
        free(st);
        return NULL;
    }
    return &st->pub;
}

/* Copy of an optional string into the arena; false only when out of memory. */
static bool copy_opt(arena *a, const char *s, char **out)
{
    *out = NULL;
    if (!s) return true;
    *out = arena_strdup(a, s);
    return *out != NULL;
}

td_status td_cluster_add(td_cluster *c, const td_document *doc)
{
    if (!c || !doc || !doc->name || !doc->text) return TD_ERR_USAGE;
    cluster_store *st = (cluster_store *)c;
    if (c->n_docs == st->cap && !vec_grow_((void **)&c->docs, &st->cap, c->n_docs + 1, sizeof *c->docs))
        return TD_ERR_NOMEM;
    size_t len = doc->text_len ? doc->text_len : strlen(doc->text);
    td_document d = {.text_len = len};
    d.text = arena_strndup(&st->strings, doc->text, len);
    if (!d.text || !copy_opt(&st->strings, doc->name, &d.name) || !copy_opt(&st->strings, doc->title, &d.title) ||
        !copy_opt(&st->strings, doc->source, &d.source) || !copy_opt(&st->strings, doc->url, &d.url) ||
        !copy_opt(&st->strings, doc->date, &d.date))
        return TD_ERR_NOMEM;
    c->docs[c->n_docs++] = d;
    return TD_OK;
}

void td_cluster_free(td_cluster *c)
{
    if (!c) return;
    cluster_store *st = (cluster_store *)c;
    arena_free(&st->strings);
    free(c->docs);
    free(st);
}

/* state.c — the clusterer's state as a portable byte string, so that a store can stop and a later
 * run continue exactly where it was: the story slots (centroids in their own order, so sums come
 * out the same), free slots, document frequencies, the inverted index and the counters. Numbers
 * are little-endian. Loading checks every count and index against what is left: a damaged blob is
 * an error. */
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "story/clusterer.h"

#define STATE_MAGIC 0x32545354u    /* "TST2": stories count the vectors summed in their centroid */
#define STATE_MAGIC_V1 0x31545354u /* "TST1": without that count (read as the story's article count) */

static bool put_u64(buf *b, uint64_t v)
{
    unsigned char x[8];
    for (int i = 0; i < 8; i++) x[i] = (unsigned char)(v >> (8 * i));
    return buf_append(b, (const char *)x, 8);
}

static bool put_u32(buf *b, uint32_t v)
{
    unsigned char x[4];
    for (int i = 0; i < 4; i++) x[i] = (unsigned char)(v >> (8 * i));
    return buf_append(b, (const char *)x, 4);
}

static bool put_f32(buf *b, float f)
{
    uint32_t v;
    memcpy(&v, &f, 4);
    return put_u32(b, v);
}

/* The keys of a u64map in id order. */
static uint64_t *keys_by_id(const u64map *m)
{
    uint64_t *keys = malloc((m->len ? m->len : 1) * sizeof *keys);
    if (!keys) return NULL;
    uint64_t key;
    uint32_t id;
    for (size_t i = 0; i < m->n_slots; i++)
        if (u64map_entry(m, i, &key, &id)) keys[id] = key;
    return keys;
}

static bool save_story(const story *s, buf *out)
{
    bool ok = put_u32(out, s->gen) && put_u32(out, s->live);
    if (!ok || !s->live) return ok;
    size_t id_len = strlen(s->id);
    uint64_t *keys = keys_by_id(&s->keys);
    ok = keys && put_u64(out, s->key) && put_u32(out, s->n_articles) && put_u32(out, s->n_vectors) &&
         put_u32(out, s->dated) &&
         put_u64(out, (uint64_t)s->last_time) && put_u64(out, s->last_seq) &&
         put_u32(out, (uint32_t)id_len) && buf_append(out, s->id, id_len) && put_u32(out, (uint32_t)s->weights.len);
    for (size_t i = 0; ok && i < s->weights.len; i++) ok = put_u64(out, keys[i]) && put_f32(out, s->weights.items[i]);
    free(keys);
    return ok;
}

bool story_state_save(const td_clusterer *c, buf *out)
{
    bool ok = put_u32(out, STATE_MAGIC) && put_u64(out, c->n_docs) && put_u64(out, c->seq) &&
              put_u64(out, c->next_key) && put_u64(out, (uint64_t)c->now) && put_u32(out, c->have_now) &&
              put_u32(out, (uint32_t)c->stories.len);
    for (size_t i = 0; ok && i < c->stories.len; i++) ok = save_story(&c->stories.items[i], out);
    ok = ok && put_u32(out, (uint32_t)c->free_slots.len);
    for (size_t i = 0; ok && i < c->free_slots.len; i++) ok = put_u32(out, c->free_slots.items[i]);
    uint64_t *keys = ok ? keys_by_id(&c->df_keys) : NULL;
    ok = keys && put_u32(out, (uint32_t)c->df.len);
    for (size_t i = 0; ok && i < c->df.len; i++) ok = put_u64(out, keys[i]) && put_u32(out, c->df.items[i]);
    free(keys);
    keys = ok ? keys_by_id(&c->index_keys) : NULL;
    ok = keys && put_u32(out, (uint32_t)c->postings.len);
    for (size_t i = 0; ok && i < c->postings.len; i++) {
        const posting_list *p = &c->postings.items[i];
        ok = put_u64(out, keys[i]) && put_u32(out, (uint32_t)p->len);
        for (size_t j = 0; ok && j < p->len; j++) ok = put_u64(out, p->items[j]);
    }
    free(keys);
    return ok;
}

uint64_t story_state_placed(const td_clusterer *c) { return c->seq; }

/* ---------------------------------------------------------------- loading */

typedef struct reader {
    const unsigned char *p;
    size_t left;
    bool bad; /* ran past the end */
} reader;

static uint64_t get(reader *r, int bytes)
{
    if (r->left < (size_t)bytes) {
        r->bad = true;
        r->left = 0;
        return 0;
    }
    uint64_t v = 0;
    for (int i = 0; i < bytes; i++) v |= (uint64_t)r->p[i] << (8 * i);
    r->p += bytes;
    r->left -= (size_t)bytes;
    return v;
}

static uint32_t get_u32(reader *r) { return (uint32_t)get(r, 4); }
static uint64_t get_u64(reader *r) { return get(r, 8); }

/* A count of items of at least `size` bytes each that the rest of the blob can hold. */
static bool get_count(reader *r, size_t size, uint32_t *n)
{
    *n = get_u32(r);
    return !r->bad && *n <= r->left / size;
}

static td_status damaged(td_error *err, const char *what)
{
    return error_set(err, TD_ERR_INPUT, "the stored story state is damaged (%s)", what);
}

static td_status load_story(td_clusterer *c, reader *r, uint32_t slot, uint32_t magic, td_error *err)
{
    story *s = &c->stories.items[slot];
    *s = (story){0};
    s->gen = get_u32(r);
    uint32_t live = get_u32(r);
    if (r->bad || live > 1) return damaged(err, "story slot");
    if (!live) return TD_OK;
    s->live = true;
    c->n_live++;
    s->key = get_u64(r);
    s->n_articles = get_u32(r);
    s->n_vectors = magic == STATE_MAGIC_V1 ? s->n_articles : get_u32(r);
    uint32_t dated = get_u32(r);
    s->last_time = (long long)get_u64(r);
    s->last_seq = get_u64(r);
    uint32_t id_len, n;
    if (r->bad || dated > 1 || !s->key || s->key >= c->next_key || s->n_vectors > s->n_articles ||
        !get_count(r, 1, &id_len) || !id_len)
        return damaged(err, "story");
    s->dated = dated;
    if (!(s->id = malloc(id_len + 1))) return error_nomem(err);
    memcpy(s->id, r->p, id_len);
    s->id[id_len] = '\0';
    r->p += id_len;
    r->left -= id_len;
    if (strlen(s->id) != id_len) return damaged(err, "story id");
    if (!get_count(r, 12, &n)) return damaged(err, "centroid");
    if (!vec_reserve(&s->weights, n)) return error_nomem(err);
    for (uint32_t i = 0; i < n; i++) {
        uint64_t key = get_u64(r);
        uint32_t bits = get_u32(r);
        float w;
        memcpy(&w, &bits, 4);
        if (!(w >= 0 && w < 1e9f)) return damaged(err, "centroid weight");
        if (u64map_intern(&s->keys, key) != s->weights.len) return damaged(err, "centroid key");
        s->weights.items[s->weights.len++] = w;
    }
    story_norm(s);
    uint32_t kid = u64map_intern(&c->key_ids, s->key);
    if (kid != c->key_slots.len) return damaged(err, "story key repeated");
    if (!vec_push(&c->key_slots, slot)) return error_nomem(err);
    return TD_OK;
}

/* Loads into a clusterer that has placed nothing yet. */
static td_status load(td_clusterer *c, reader *r, td_error *err)
{
    uint32_t magic = get_u32(r);
    if (magic != STATE_MAGIC && magic != STATE_MAGIC_V1) return damaged(err, "not a story state");
    c->n_docs = get_u64(r);
    c->seq = get_u64(r);
    c->next_key = get_u64(r);
    c->now = (long long)get_u64(r);
    uint32_t have_now = get_u32(r), n;
    if (r->bad || have_now > 1 || !c->next_key || !get_count(r, 8, &n)) return damaged(err, "counters");
    c->have_now = have_now;
    if (!vec_reserve(&c->stories, n) || !vec_reserve(&c->free_slots, n)) return error_nomem(err);
    for (uint32_t i = 0; i < n; i++) {
        c->stories.items[c->stories.len++] = (story){0};
        td_status st = load_story(c, r, i, magic, err);
        if (st != TD_OK) return st;
    }
    uint32_t n_free;
    if (!get_count(r, 4, &n_free) || n_free > n) return damaged(err, "free slots");
    for (uint32_t i = 0; i < n_free; i++) {
        uint32_t slot = get_u32(r);
        if (r->bad || slot >= n || c->stories.items[slot].live || c->stories.items[slot].n_articles)
            return damaged(err, "free slot");
        c->stories.items[slot].n_articles = 1; /* marks it listed until the end of the list */
        c->free_slots.items[c->free_slots.len++] = slot;
    }
    for (uint32_t i = 0; i < n_free; i++) c->stories.items[c->free_slots.items[i]].n_articles = 0;
    if (!get_count(r, 12, &n)) return damaged(err, "document frequencies");
    if (!vec_reserve(&c->df, n)) return error_nomem(err);
    for (uint32_t i = 0; i < n; i++) {
        uint64_t key = get_u64(r);
        uint32_t df = get_u32(r);
        if (u64map_intern(&c->df_keys, key) != c->df.len || df == 0 || df > c->n_docs)
            return damaged(err, "document frequency");
        c->df.items[c->df.len++] = df;
    }
    if (!get_count(r, 12, &n)) return damaged(err, "index");
    if (!vec_reserve(&c->postings, n)) return error_nomem(err);
    for (uint32_t i = 0; i < n; i++) {
        uint64_t key = get_u64(r);
        uint32_t len;
        if (!get_count(r, 8, &len) || len > POSTINGS_MAX) return damaged(err, "index list");
        if (u64map_intern(&c->index_keys, key) != c->postings.len) return damaged(err, "index key");
        posting_list *p = &c->postings.items[c->postings.len++];
        *p = (posting_list){0};
        if (!vec_reserve(p, len)) return error_nomem(err);
        for (uint32_t j = 0; j < len; j++) {
            uint64_t entry = get_u64(r);
            if ((entry >> 32) >= c->stories.len) return damaged(err, "index entry");
            p->items[p->len++] = entry;
        }
        c->n_postings += len;
    }
    if (r->bad || r->left) return damaged(err, "length");
    return TD_OK;
}

td_status story_state_load(td_clusterer *c, const void *data, size_t len, td_error *err)
{
    if (c->seq || c->stories.len) return error_set(err, TD_ERR_USAGE, "story state loaded into a used clusterer");
    reader r = {data, len, false};
    return load(c, &r, err);
}

/* clusterer.c — online story clustering in one pass. Each article becomes a unit vector of its
 * strongest features (tf-idf, idf from the stream so far); the live stories that share its
 * strongest features are found through an inverted index, and the article joins the one whose
 * centroid is the most similar (cosine, scaled down by time distance when asked), when that
 * similarity reaches the threshold; else it starts a story. A bounded set of live stories keeps
 * memory flat: idle stories and, beyond max_live, the least recently updated are closed. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "story/clusterer.h"

void td_story_opts_defaults(td_story_opts *opts)
{
    *opts = (td_story_opts){
        .threshold = 0.11,
        .decay_days = 0,
        .idle_days = 730,
        .max_live = 4096,
        .features = TD_FEATURE_ALL,
        .copy_window = 20000,
        .min_words = 5,
    };
}

td_clusterer *td_clusterer_new(const td_story_opts *opts, td_error *err)
{
    td_story_opts o;
    if (opts) o = *opts;
    else td_story_opts_defaults(&o);
    if (!(o.threshold >= 0 && o.threshold <= 1) || !(o.decay_days >= 0) || !(o.idle_days >= 0) || o.max_live < 1 ||
        !(o.features & TD_FEATURE_ALL) || (o.features & ~(unsigned)TD_FEATURE_ALL) || o.max_live > 1u << 24 ||
        o.copy_window > 1u << 24 || o.min_words > 50) {
        error_set(err, TD_ERR_USAGE, "story options: threshold must be in [0, 1], days >= 0, max_live from 1 "
                                     "and copy_window up to 16M, min_words up to 50, some features");
        return NULL;
    }
    td_clusterer *c = calloc(1, sizeof *c);
    if (!c || !featurizer_init(&c->fz, o.features)) {
        free(c);
        error_nomem(err);
        return NULL;
    }
    c->opts = o;
    c->next_key = 1;
    if (o.copy_window) {
        td_dedup_opts d;
        td_dedup_opts_defaults(&d);
        d.window = o.copy_window;
        c->copy_jaccard = d.threshold;
        c->dedup = td_dedup_new(&d, err);
        c->recent = calloc(o.copy_window, sizeof *c->recent);
        if (!c->dedup || !c->recent) {
            if (c->dedup) error_nomem(err);
            td_clusterer_free(c);
            return NULL;
        }
    }
    return c;
}

static void story_clear(story *s)
{
    u64map_free(&s->keys);
    vec_free(&s->weights);
    free(s->id);
    s->id = NULL;
}

void td_clusterer_free(td_clusterer *c)
{
    if (!c) return;
    featurizer_free(&c->fz);
    u64map_free(&c->df_keys);
    vec_free(&c->df);
    for (size_t i = 0; i < c->stories.len; i++) story_clear(&c->stories.items[i]);
    vec_free(&c->stories);
    vec_free(&c->free_slots);
    u64map_free(&c->index_keys);
    for (size_t i = 0; i < c->postings.len; i++) vec_free(&c->postings.items[i]);
    vec_free(&c->postings);
    vec_free(&c->vec);
    vec_free(&c->scratch);
    vec_free(&c->cands);
    vec_free(&c->stamp);
    u64map_free(&c->key_ids);
    vec_free(&c->key_slots);
    td_dedup_free(c->dedup);
    td_cleaner_free(c->cleaner);
    free(c->alone_id);
    for (size_t i = 0; c->recent && i < c->opts.copy_window; i++) free(c->recent[i].id);
    free(c->recent);
    free(c);
}

size_t td_clusterer_live(const td_clusterer *c) { return c->n_live; }

size_t story_copy_window(const td_clusterer *c) { return c->dedup ? c->opts.copy_window : 0; }

/* ---------------------------------------------------------------- article vectors */

/* a before b: heavier first, then by key, so that the order never depends on the input order. */
static inline bool heavier(const feature *a, const feature *b)
{
    return a->weight > b->weight || (a->weight == b->weight && a->key < b->key);
}

/* Rearranges a[0..n) so that its k heaviest come first (in no particular order). */
static void select_heaviest(feature *a, size_t n, size_t k)
{
    size_t lo = 0, hi = n;
    while (hi - lo > 1 && k > lo && k < hi) {
        feature pivot = a[lo + (hi - lo) / 2];
        size_t i = lo, j = hi - 1;
        while (i <= j) {
            while (heavier(&a[i], &pivot)) i++;
            while (heavier(&pivot, &a[j])) j--;
            if (i <= j) {
                feature t = a[i];
                a[i] = a[j];
                a[j] = t;
                i++;
                if (j == 0) break;
                j--;
            }
        }
        if (k <= j + 1) hi = j + 1;
        else if (k >= i) lo = i;
        else break;
    }
}

/* The document frequency a feature would have with the article counted, without counting it. */
static uint32_t df_with_article(const td_clusterer *c, uint64_t key)
{
    uint32_t id = u64map_find(&c->df_keys, key);
    return (id == U64MAP_NONE ? 0 : c->df.items[id]) + 1;
}

/* Makes c->vec the article's unit vector of at most ARTICLE_FEATURES tf-idf weights, the
 * INDEX_FEATURES heaviest first, its features counted in the document frequencies (count), or
 * weighed as if they were, the frequencies left as they are (!count: a copy being verified). */
static bool weigh(td_clusterer *c, bool count)
{
    const feature_vec *counts = &c->fz.counts;
    c->n_docs++;
    c->vec.len = 0;
    if (!vec_reserve(&c->vec, counts->len) || (count && !story_df_make_room(c, counts->len))) return false;
    for (size_t i = 0; i < counts->len; i++) {
        uint32_t df = count ? story_df_count(c, counts->items[i].key) : df_with_article(c, counts->items[i].key);
        if (!df) return false;
        double idf = story_idf(c, df);
        c->vec.items[c->vec.len++] =
            (feature){counts->items[i].key, (float)((1 + story_log_count(c, counts->items[i].weight)) * idf)};
    }
    if (!count) c->n_docs--;
    size_t n = c->vec.len;
    if (n > ARTICLE_FEATURES) {
        select_heaviest(c->vec.items, n, ARTICLE_FEATURES);
        n = c->vec.len = ARTICLE_FEATURES;
    }
    if (n > INDEX_FEATURES) select_heaviest(c->vec.items, n, INDEX_FEATURES);
    double norm = 0;
    for (size_t i = 0; i < n; i++) norm += (double)c->vec.items[i].weight * c->vec.items[i].weight;
    norm = sqrt(norm);
    for (size_t i = 0; i < n && norm > 0; i++) c->vec.items[i].weight = (float)(c->vec.items[i].weight / norm);
    return true;
}

/* ---------------------------------------------------------------- stories */

/* How well the article fits the story: a·C / √(|C| n), C the sum of the story's n article vectors,
 * the geometric mean of the cosine with the centroid (a·C / |C|) and the average link with the
 * members (a·C / n). The cosine alone lets a large story whose members differ (|C| well below n)
 * absorb its neighbours; the average link alone splits long topics whose members share little
 * pairwise. For one member both are the cosine. */
static double story_similarity(const story *s, const feature_vec *v)
{
    if (s->norm <= 0 || !s->n_vectors) return 0;
    double dot = 0;
    for (size_t i = 0; i < v->len; i++) {
        uint32_t id = u64map_find(&s->keys, v->items[i].key);
        if (id != U64MAP_NONE) dot += (double)v->items[i].weight * s->weights.items[id];
    }
    return dot / sqrt(s->norm * s->n_vectors);
}

/* The similarity scaled by the time between the article and the story (when both have dates). */
static double decayed(const td_clusterer *c, const story *s, double sim, bool dated, long long when)
{
    if (c->opts.decay_days <= 0 || !dated || !s->dated) return sim;
    double days = fabs((double)(when - s->last_time)) / 86400.0;
    return sim / (1 + days / c->opts.decay_days);
}

void story_norm(story *s)
{
    double norm = 0;
    for (size_t i = 0; i < s->weights.len; i++) norm += (double)s->weights.items[i] * s->weights.items[i];
    s->norm = sqrt(norm);
}

/* Keeps the CENTROID_MAX heaviest features of a centroid. */
static bool prune(td_clusterer *c, story *s)
{
    feature_vec *tmp = &c->scratch;
    tmp->len = 0;
    if (!vec_reserve(tmp, s->weights.len)) return false;
    uint64_t key;
    uint32_t id;
    for (size_t i = 0; i < s->keys.n_slots; i++)
        if (u64map_entry(&s->keys, i, &key, &id)) tmp->items[tmp->len++] = (feature){key, s->weights.items[id]};
    select_heaviest(tmp->items, tmp->len, CENTROID_MAX);
    u64map_clear(&s->keys);
    s->weights.len = 0;
    for (size_t i = 0; i < CENTROID_MAX && i < tmp->len; i++) {
        if (u64map_intern(&s->keys, tmp->items[i].key) == U64MAP_NONE) return false;
        s->weights.items[s->weights.len++] = tmp->items[i].weight;
    }
    return true;
}

bool story_add_vector(td_clusterer *c, story *s, const feature *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t id = u64map_intern(&s->keys, v[i].key);
        if (id == U64MAP_NONE || (id == s->weights.len && !vec_push(&s->weights, 0.0f))) return false;
        s->weights.items[id] += v[i].weight;
    }
    if (s->weights.len > CENTROID_MAX + CENTROID_MAX / 2 && !prune(c, s)) return false;
    s->n_vectors++;
    story_norm(s);
    return true;
}

/* A free slot for a new story, its generation bumped so that old postings to the slot are stale. */
story *clusterer_new_story(td_clusterer *c, uint64_t key, uint32_t *slot_out)
{
    uint32_t kid = u64map_intern(&c->key_ids, key);
    if (kid == U64MAP_NONE || (kid == c->key_slots.len && !vec_push(&c->key_slots, 0))) return NULL;
    uint32_t slot;
    if (c->free_slots.len) slot = c->free_slots.items[--c->free_slots.len];
    else {
        if (!vec_push(&c->stories, ((story){0}))) return NULL;
        slot = (uint32_t)(c->stories.len - 1);
    }
    story *s = &c->stories.items[slot];
    uint32_t gen = s->gen + 1;
    *s = (story){.gen = gen, .live = true, .key = key};
    c->key_slots.items[kid] = slot;
    c->n_live++;
    *slot_out = slot;
    return s;
}

static void close_story(td_clusterer *c, uint32_t slot)
{
    story *s = &c->stories.items[slot];
    story_clear(s);
    s->live = false;
    c->n_live--;
    c->free_slots.items[c->free_slots.len++] = slot; /* room reserved by maintain */
}

/* Posts the story under the article's heaviest features. */
static bool post(td_clusterer *c, uint32_t slot, const feature *v, size_t n)
{
    uint64_t entry = (uint64_t)slot << 32 | c->stories.items[slot].gen;
    for (size_t i = 0; i < n; i++) {
        uint32_t id = u64map_intern(&c->index_keys, v[i].key);
        if (id == U64MAP_NONE || (id == c->postings.len && !vec_push(&c->postings, ((posting_list){0}))))
            return false;
        posting_list *p = &c->postings.items[id];
        if (p->len && p->items[p->len - 1] == entry) continue;
        /* most features are posted by one story: a first list of the smallest heap block (not the
           8 entries of a vec's first growth) keeps the index's memory near what it holds */
        if (!p->cap && (p->items = malloc(POSTINGS_FIRST * sizeof *p->items))) p->cap = POSTINGS_FIRST;
        if (p->len == POSTINGS_MAX) { /* a very common feature: keep the newer half */
            memmove(p->items, p->items + POSTINGS_MAX / 2, (POSTINGS_MAX / 2) * sizeof *p->items);
            p->len = POSTINGS_MAX / 2;
            c->n_postings -= POSTINGS_MAX / 2;
        }
        if (!vec_push(p, entry)) return false;
        c->n_postings++;
    }
    return true;
}

static bool live_entry(const td_clusterer *c, uint64_t entry)
{
    const story *s = &c->stories.items[entry >> 32];
    return s->live && s->gen == (uint32_t)entry;
}

/* Drops the postings of closed stories, and the features left without any once they are the most:
 * with a vocabulary that keeps growing (new names every day), the index would otherwise keep a key
 * and a list for every feature ever posted, and a long-running stream's memory would grow with it. */
static bool compact(td_clusterer *c)
{
    size_t kept = 0;
    c->n_postings = 0;
    for (size_t i = 0; i < c->postings.len; i++) {
        posting_list *p = &c->postings.items[i];
        size_t k = 0;
        for (size_t j = 0; j < p->len; j++)
            if (live_entry(c, p->items[j])) p->items[k++] = p->items[j];
        p->len = k;
        if (!k) vec_free(p); /* its room goes to the lists of new features */
        c->n_postings += k;
        kept += k > 0;
    }
    /* while two thirds of the features are still posted, the map stays as it is (the lists are
     * walked at every maintenance when the live stories alone fill the index; a rebuild at each
     * costs a quarter of the placing); else the features still posted get new ids, in a map and an
     * array of their size: a rebuild every kept / 2 new features, whose cost is then a constant
     * per feature, and the empty keys between two stay under a third of the index */
    if (2 * (c->postings.len - kept) <= kept) return true;
    u64map keys = {0};
    posting_list *lists = malloc((kept ? kept : 1) * sizeof *lists);
    uint64_t key;
    uint32_t id;
    bool ok = lists != NULL;
    for (size_t i = 0; ok && i < c->index_keys.n_slots; i++)
        if (u64map_entry(&c->index_keys, i, &key, &id) && c->postings.items[id].len)
            ok = u64map_intern(&keys, key) != U64MAP_NONE;
    if (!ok) {
        u64map_free(&keys);
        free(lists);
        return false;
    }
    for (size_t i = 0; i < c->index_keys.n_slots; i++) {
        if (!u64map_entry(&c->index_keys, i, &key, &id)) continue;
        const posting_list *p = &c->postings.items[id];
        if (p->len) lists[u64map_find(&keys, key)] = *p; /* the emptied ones are freed above */
    }
    free(c->postings.items);
    c->postings.items = lists;
    c->postings.len = c->postings.cap = kept;
    u64map_free(&c->index_keys);
    c->index_keys = keys;
    return true;
}

static int by_last_seq(const void *a, const void *b)
{
    uint64_t x = ((const uint64_t *)a)[0], y = ((const uint64_t *)b)[0];
    return (x > y) - (x < y);
}

/* Closes idle stories, and the least recently updated beyond max_live; compacts the index. */
static bool maintain(td_clusterer *c)
{
    if (!vec_reserve(&c->free_slots, c->stories.len - c->free_slots.len)) return false;
    for (uint32_t i = 0; i < c->stories.len; i++) {
        story *s = &c->stories.items[i];
        if (s->live && s->dated && c->have_now && (double)(c->now - s->last_time) > c->opts.idle_days * 86400.0)
            close_story(c, i);
    }
    if (c->n_live > c->opts.max_live) {
        VEC(uint64_t) order = {0}; /* pairs: last_seq, slot */
        if (!vec_reserve(&order, 2 * c->n_live)) return false;
        for (uint32_t i = 0; i < c->stories.len; i++)
            if (c->stories.items[i].live) {
                order.items[order.len++] = c->stories.items[i].last_seq;
                order.items[order.len++] = i;
            }
        qsort(order.items, order.len / 2, 2 * sizeof *order.items, by_last_seq);
        size_t excess = c->n_live - c->opts.max_live;
        for (size_t k = 0; k < excess; k++) close_story(c, (uint32_t)order.items[2 * k + 1]);
        vec_free(&order);
    }
    if (c->n_postings > 4 * INDEX_FEATURES * (c->n_live + 1024) && !compact(c)) return false;
    if (c->key_ids.len > 2 * c->n_live + 1024) { /* forget the keys of closed stories */
        u64map_clear(&c->key_ids);
        c->key_slots.len = 0;
        for (uint32_t i = 0; i < c->stories.len; i++) {
            if (!c->stories.items[i].live) continue;
            if (u64map_intern(&c->key_ids, c->stories.items[i].key) == U64MAP_NONE || !vec_push(&c->key_slots, i))
                return false;
        }
    }
    return true;
}

/* ---------------------------------------------------------------- placing an article */

/* The live stories sharing the article's heaviest features, the most shared first, in c->cands. */
static bool gather_candidates(td_clusterer *c)
{
    c->cands.len = 0;
    if (!vec_reserve(&c->stamp, c->stories.len - c->stamp.len)) return false;
    while (c->stamp.len < c->stories.len) c->stamp.items[c->stamp.len++] = (candidate){0};
    c->round++;
    size_t n = c->vec.len < INDEX_FEATURES ? c->vec.len : INDEX_FEATURES;
    for (size_t i = 0; i < n; i++) {
        uint32_t id = u64map_find(&c->index_keys, c->vec.items[i].key);
        if (id == U64MAP_NONE) continue;
        const posting_list *p = &c->postings.items[id];
        for (size_t j = 0; j < p->len; j++) {
            if (!live_entry(c, p->items[j])) continue;
            uint32_t slot = (uint32_t)(p->items[j] >> 32);
            candidate *m = &c->stamp.items[slot];
            if (m->round != c->round) {
                *m = (candidate){.round = c->round, .slot = slot, .shared = 0};
                if (!vec_push(&c->cands, slot)) return false;
            }
            m->shared += c->vec.items[i].weight;
        }
    }
    return true;
}

/* Counts the article in story s (last updated now) and tells where it went. */
static void placed(td_clusterer *c, story *s, bool dated, long long when, td_placement *out)
{
    s->n_articles++;
    s->last_seq = c->seq;
    if (dated && (!s->dated || when > s->last_time)) {
        s->last_time = when;
        s->dated = true;
    }
    out->story_key = s->key;
    out->story = s->id;
    if (c->dedup) { /* the article's record in the ring of recent ones */
        recent *r = &c->recent[(td_dedup_count(c->dedup) - 1) % c->opts.copy_window];
        r->story_key = s->key;
        r->slot = (uint32_t)(s - c->stories.items);
        r->gen = s->gen;
    }
}

td_status clusterer_remember(td_clusterer *c, const char *text, size_t len, const char *id, uint64_t story_key,
                             td_dedup_match *match, td_error *err)
{
    td_status st = td_dedup_add(c->dedup, text, len, match, err);
    if (st != TD_OK) return st;
    recent *r = &c->recent[(td_dedup_count(c->dedup) - 1) % c->opts.copy_window];
    free(r->id);
    *r = (recent){.id = strdup(id), .story_key = story_key};
    if (!r->id) return error_nomem(err);
    uint32_t kid = u64map_find(&c->key_ids, story_key);
    if (kid != U64MAP_NONE) {
        r->slot = c->key_slots.items[kid];
        r->gen = c->stories.items[r->slot].gen;
    }
    return TD_OK;
}

/* An article without news: a story of its own that nothing joins. It takes no slot, centroid, index
 * entry or document frequency, and its record among the recent articles names no live story, so
 * that no copy joins it either. */
static td_status place_alone(td_clusterer *c, const td_document *doc, td_placement *out, td_error *err)
{
    free(c->alone_id);
    if (!(c->alone_id = strdup(doc->name))) return error_nomem(err);
    *out = (td_placement){.story = c->alone_id, .story_key = c->next_key++, .new_story = true, .unplaced = true};
    if (c->dedup) c->recent[(td_dedup_count(c->dedup) - 1) % c->opts.copy_window].story_key = out->story_key;
    return TD_OK;
}

td_status td_clusterer_add(td_clusterer *c, const td_document *doc, td_placement *out, td_error *err)
{
    long long when = 0;
    bool dated = doc->date != NULL;
    if (dated && !td_date_parse(doc->date, &when))
        return error_set(err, TD_ERR_INPUT, "%s: date \"%.40s\" is not YYYY-MM-DD or ISO 8601", doc->name, doc->date);
    if (c->seq % MAINTAIN_EVERY == 0 && c->seq && !maintain(c)) return error_nomem(err);
    c->seq++;
    out->copy_of = NULL;
    out->unplaced = false;
    story *original = NULL;
    size_t len = doc->text_len ? doc->text_len : strlen(doc->text);
    if (c->dedup) {
        td_dedup_match m;
        if (clusterer_remember(c, doc->text, len, doc->name, 0, &m, err) != TD_OK) return err->code;
        const recent *r = m.copy_of >= 0 ? &c->recent[(size_t)m.copy_of % c->opts.copy_window] : NULL;
        if (r && r->id && r->gen && c->stories.items[r->slot].live && c->stories.items[r->slot].gen == r->gen) {
            original = &c->stories.items[r->slot];
            out->copy_of = r->id;
            out->confidence = m.similarity;
        }
    }
    /* a copy with the same shingles as a placed article has the news that article had; any other
       short text is checked */
    bool has_news = true;
    if (!(original && out->confidence >= 1) && !story_has_news(c, doc, len, &has_news)) return error_nomem(err);
    if (!has_news) return place_alone(c, doc, out, err);
    /* a copy by containment alone (Jaccard below copy detection's threshold) may share only web
       debris that outlets print under every article ("Follow the … on Twitter for the latest …"),
       a large part of a short text: it joins the story of the article it copies only when its text
       without debris is close enough to that story to join it anyway (min_words 0: as before) */
    if (c->opts.min_words && original && out->confidence < c->copy_jaccard) {
        const td_clean_piece *pieces;
        size_t n_pieces;
        if (!story_clean(c, doc, len, &pieces, &n_pieces) || !featurize_kept(&c->fz, doc, pieces, n_pieces) ||
            !weigh(c, false))
            return error_nomem(err);
        if (decayed(c, original, story_similarity(original, &c->vec), dated, when) < c->opts.threshold) {
            original = NULL;
            out->copy_of = NULL;
        }
    }
    if (original) { /* a copy joins its original's story without adding to its centroid or to the document
                       frequencies: a wire story printed by twenty outlets counts once */
        out->new_story = false;
        placed(c, original, dated, when, out);
        return TD_OK;
    }
    if (!featurize(&c->fz, doc) || !weigh(c, true) || !gather_candidates(c)) return error_nomem(err);
    if (dated && (!c->have_now || when > c->now)) {
        c->now = when;
        c->have_now = true;
    }
    /* the candidates sharing the most weight are scored in full */
    size_t n = c->cands.len;
    for (size_t k = 0; k < n && k < CANDIDATES; k++) {
        size_t best = k;
        for (size_t j = k + 1; j < n; j++) {
            const candidate *a = &c->stamp.items[c->cands.items[j]], *b = &c->stamp.items[c->cands.items[best]];
            if (a->shared > b->shared || (a->shared == b->shared && a->slot < b->slot)) best = j;
        }
        uint32_t t = c->cands.items[k];
        c->cands.items[k] = c->cands.items[best];
        c->cands.items[best] = t;
    }
    double best_sim = 0;
    uint32_t best_slot = UINT32_MAX;
    for (size_t k = 0; k < n && k < CANDIDATES; k++) {
        story *s = &c->stories.items[c->cands.items[k]];
        double sim = decayed(c, s, story_similarity(s, &c->vec), dated, when);
        if (sim > best_sim || (sim == best_sim && best_slot != UINT32_MAX && s->key < c->stories.items[best_slot].key)) {
            best_sim = sim;
            best_slot = c->cands.items[k];
        }
    }
    story *s;
    uint32_t slot = best_slot;
    out->new_story = best_slot == UINT32_MAX || best_sim < c->opts.threshold;
    if (out->new_story) {
        if (!(s = clusterer_new_story(c, c->next_key, &slot)) || !(s->id = strdup(doc->name)))
            return error_nomem(err);
        c->next_key++;
        out->confidence = 1 - best_sim;
    } else {
        s = &c->stories.items[slot];
        out->confidence = best_sim;
    }
    if (!story_add_vector(c, s, c->vec.items, c->vec.len) ||
        !post(c, slot, c->vec.items, c->vec.len < INDEX_FEATURES ? c->vec.len : INDEX_FEATURES))
        return error_nomem(err);
    placed(c, s, dated, when, out);
    return TD_OK;
}

/* rouge_grams.c — n-grams and skip-bigrams of a summary, and their clipped matches: a hash table of
 * the peer's grams, against which each model's grams are matched (ROUGE-1.5.5's ngramScore). */
#include <stdlib.h>
#include <string.h>

#include "eval/rouge.h"

rouge_grams rouge_ngrams(const uint32_t *ids, size_t len, size_t n)
{
    rouge_grams g = {ids, 1, n, len >= n ? len - n + 1 : 0};
    return g;
}

bool rouge_skip_bigrams(const uint32_t *ids, size_t len, int distance, bool unigrams, rouge_ids *pairs,
                        rouge_grams *out)
{
    pairs->len = 0;
    /* As createSkipBigram: every word but the last starts pairs (and, with -u, counts alone; so the
     * last word is never counted alone), each with the words up to distance + 1 after it. */
    for (size_t i = 0; i + 1 < len; i++) {
        if (unigrams && (!vec_push(pairs, ids[i]) || !vec_push(pairs, (uint32_t)ROUGE_NO_WORD))) return false;
        size_t last = len - 1;
        if (distance >= 0 && i + (size_t)distance + 1 < last) last = i + (size_t)distance + 1;
        for (size_t j = i + 1; j <= last; j++)
            if (!vec_push(pairs, ids[i]) || !vec_push(pairs, ids[j])) return false;
    }
    *out = (rouge_grams){pairs->items, 2, 2, pairs->len / 2};
    return true;
}

static uint64_t gram_hash(const uint32_t *key, size_t width)
{
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (size_t i = 0; i < width; i++) {
        h ^= key[i];
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
    }
    return h;
}

/* The entry of the gram, or NULL; *slot gets where it is or would go. */
static struct rouge_gram_entry *find(const rouge_gram_table *t, const uint32_t *key, size_t *slot)
{
    size_t mask = t->n_slots - 1;
    for (size_t i = gram_hash(key, t->width) & mask;; i = (i + 1) & mask) {
        uint32_t v = t->slots[i];
        if (!v) {
            *slot = i;
            return NULL;
        }
        struct rouge_gram_entry *e = &t->entries[v - 1];
        if (!memcmp(e->key, key, t->width * sizeof *key)) {
            *slot = i;
            return e;
        }
    }
}

bool rouge_grams_load(rouge_gram_table *t, const rouge_grams *peer)
{
    size_t need = 16;
    while (need < peer->count * 2) need *= 2;
    if (need > t->n_slots) {
        uint32_t *slots = malloc(need * sizeof *slots);
        if (!slots) return false;
        free(t->slots);
        t->slots = slots;
        t->n_slots = need;
    }
    if (peer->count > t->cap) {
        struct rouge_gram_entry *e = realloc(t->entries, peer->count * sizeof *e);
        if (!e) return false;
        t->entries = e;
        t->cap = peer->count;
    }
    memset(t->slots, 0, t->n_slots * sizeof *t->slots);
    t->n_entries = 0;
    t->width = peer->width;
    for (size_t i = 0; i < peer->count; i++) {
        const uint32_t *key = peer->base + i * peer->stride;
        size_t slot;
        struct rouge_gram_entry *e = find(t, key, &slot);
        if (e) {
            e->count++;
            continue;
        }
        t->entries[t->n_entries] = (struct rouge_gram_entry){key, 1, 0};
        t->slots[slot] = (uint32_t)++t->n_entries;
    }
    return true;
}

size_t rouge_grams_hits(rouge_gram_table *t, const rouge_grams *model)
{
    for (size_t i = 0; i < t->n_entries; i++) t->entries[i].used = 0;
    if (!t->n_entries) return 0;
    /* Each model occurrence of a gram matches one unused peer occurrence: the sum of the minima. */
    size_t hits = 0;
    for (size_t i = 0; i < model->count; i++) {
        size_t slot;
        struct rouge_gram_entry *e = find(t, model->base + i * model->stride, &slot);
        if (e && e->used < e->count) {
            e->used++;
            hits++;
        }
    }
    return hits;
}

void rouge_grams_free(rouge_gram_table *t)
{
    free(t->slots);
    free(t->entries);
    memset(t, 0, sizeof *t);
}

/* group.c — the same quote across articles: quotes whose folded content words mostly overlap (the
 * shorter mostly inside the longer, in any order) are one quote, grouped with a union-find over all pairs. */
#include <stdlib.h>
#include <string.h>

#include "common/arena.h"
#include "common/buf.h"
#include "common/error.h"
#include "common/strmap.h"
#include "common/vec.h"
#include "text/text.h"
#include "tidings.h"

enum {
    SHORT_QUOTE = 4, /* quotes of up to this many distinct words must match whole */
};
/* Share of the shorter quote's distinct words that the longer must hold. */
static const double CONTAINMENT = 0.6;

typedef struct groups_store {
    td_quote_groups pub;
    arena mem; /* groups and their member arrays */
} groups_store;

/* The distinct folded words of a quote, as sorted interned ids. */
typedef struct bag {
    uint32_t *ids;
    size_t n;
} bag;

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Fills *b with the distinct folded words of text, only those that are not stopwords when
 * content_only; false when out of memory. */
static bool make_bag(const char *text, bool content_only, strmap *words, arena *ar, bag *b)
{
    size_t len = strlen(text), pos = 0;
    VEC(uint32_t) ids = {0};
    buf folded = {0};
    token t;
    bool ok = true;
    while (ok && token_next(text, len, &pos, &t)) {
        if (t.kind == TOKEN_PUNCT) continue;
        buf_clear(&folded);
        ok = text_fold(text + t.start, t.end - t.start, &folded);
        if (!ok || (content_only && stopword(folded.data ? folded.data : "", folded.len))) continue;
        uint32_t id = strmap_intern(words, folded.data ? folded.data : "", folded.len, NULL);
        ok = id != STRMAP_NONE && vec_push(&ids, id);
    }
    buf_free(&folded);
    size_t n = 0;
    if (ok && ids.len) {
        qsort(ids.items, ids.len, sizeof *ids.items, cmp_u32);
        n = 1;
        for (size_t i = 1; i < ids.len; i++)
            if (ids.items[i] != ids.items[n - 1]) ids.items[n++] = ids.items[i];
        b->ids = arena_alloc(ar, n * sizeof *b->ids);
        ok = b->ids != NULL;
        if (ok) memcpy(b->ids, ids.items, n * sizeof *ids.items);
    }
    b->n = ok ? n : 0;
    vec_free(&ids);
    return ok;
}

static size_t shared(const bag *a, const bag *b)
{
    size_t i = 0, j = 0, n = 0;
    while (i < a->n && j < b->n) {
        if (a->ids[i] == b->ids[j]) n++, i++, j++;
        else if (a->ids[i] < b->ids[j]) i++;
        else j++;
    }
    return n;
}

/* Whether two quotes are the same: whole match for short ones, else most of the shorter in the longer. */
static bool same_quote(const bag *a, const bag *b)
{
    size_t small = a->n < b->n ? a->n : b->n;
    if (!small) return false;
    size_t n = shared(a, b);
    if (small <= SHORT_QUOTE) return n == small && (small >= 2 || a->n == b->n);
    return (double)n >= CONTAINMENT * (double)small;
}

static size_t find(size_t *parent, size_t x)
{
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
}

td_quote_groups *td_group_quotes(const td_quotes *const *docs, size_t n_docs, td_error *err)
{
    groups_store *st = calloc(1, sizeof *st);
    size_t total = 0;
    for (size_t d = 0; d < n_docs; d++) total += docs[d] ? docs[d]->n : 0;
    td_quote_ref *refs = malloc((total + 1) * sizeof *refs);
    size_t *parent = malloc((total + 1) * sizeof *parent);
    bag *bags = calloc(total + 1, sizeof *bags);
    strmap words;
    strmap_init(&words);
    bool ok = st && refs && parent && bags;
    if (st) arena_init(&st->mem);
    size_t k = 0;
    for (size_t d = 0; ok && d < n_docs; d++)
        for (size_t i = 0; ok && docs[d] && i < docs[d]->n; i++, k++) {
            refs[k] = (td_quote_ref){d, i};
            parent[k] = k;
            /* content words; all words for a quote of stopwords only ("We will.") */
            ok = make_bag(docs[d]->items[i].text, true, &words, &st->mem, &bags[k]) &&
                 (bags[k].n || make_bag(docs[d]->items[i].text, false, &words, &st->mem, &bags[k]));
        }
    for (size_t a = 0; ok && a < total; a++)
        for (size_t b = a + 1; b < total; b++)
            if (find(parent, a) != find(parent, b) && same_quote(&bags[a], &bags[b])) parent[find(parent, b)] = find(parent, a);
    /* groups in order of their first member: a root's group index is given when first met */
    size_t *group_of = ok ? malloc((total + 1) * sizeof *group_of) : NULL;
    ok = ok && group_of;
    size_t n_groups = 0;
    for (size_t i = 0; ok && i < total; i++) group_of[i] = SIZE_MAX;
    for (size_t i = 0; ok && i < total; i++) {
        size_t r = find(parent, i);
        if (group_of[r] == SIZE_MAX) group_of[r] = n_groups++;
    }
    if (ok && n_groups) {
        st->pub.items = arena_alloc(&st->mem, n_groups * sizeof *st->pub.items);
        ok = st->pub.items != NULL;
    }
    for (size_t i = 0; ok && i < total; i++) st->pub.items[group_of[find(parent, i)]].n_refs++;
    for (size_t g = 0; ok && g < n_groups; g++) {
        st->pub.items[g].refs = arena_alloc(&st->mem, st->pub.items[g].n_refs * sizeof *st->pub.items[g].refs);
        ok = st->pub.items[g].refs != NULL;
        st->pub.items[g].n_refs = 0;
    }
    for (size_t i = 0; ok && i < total; i++) {
        td_quote_group *g = &st->pub.items[group_of[find(parent, i)]];
        const td_quote *q = &docs[refs[i].doc]->items[refs[i].quote];
        if (!g->n_refs || g->refs[g->n_refs - 1].doc != refs[i].doc) g->n_docs++;
        if (!g->n_refs || bags[i].n > 0) {
            const td_quote_ref *best = g->n_refs ? &g->longest : NULL;
            if (!best || strlen(q->text) > strlen(docs[best->doc]->items[best->quote].text)) g->longest = refs[i];
        }
        g->refs[g->n_refs++] = refs[i];
    }
    /* the speaker most members name */
    for (size_t g = 0; ok && g < n_groups; g++) {
        td_quote_group *grp = &st->pub.items[g];
        size_t best_votes = 0;
        for (size_t i = 0; i < grp->n_refs; i++) {
            const td_quote *q = &docs[grp->refs[i].doc]->items[grp->refs[i].quote];
            if (!q->speaker) continue;
            size_t votes = 0;
            for (size_t j = 0; j < grp->n_refs; j++) {
                const char *s = docs[grp->refs[j].doc]->items[grp->refs[j].quote].speaker;
                votes += s && !strcmp(s, q->speaker);
            }
            if (votes > best_votes) {
                best_votes = votes;
                grp->speaker = q->speaker;
                grp->role = q->role;
            } else if (votes == best_votes && !grp->role && q->role && !strcmp(q->speaker, grp->speaker)) {
                grp->role = q->role;
            }
        }
    }
    if (ok) st->pub.n = n_groups;
    free(group_of);
    free(refs);
    free(parent);
    free(bags);
    strmap_free(&words);
    if (!ok) {
        td_quote_groups_free(st ? &st->pub : NULL);
        error_nomem(err);
        return NULL;
    }
    return &st->pub;
}

void td_quote_groups_free(td_quote_groups *groups)
{
    if (!groups) return;
    groups_store *st = (groups_store *)groups;
    arena_free(&st->mem);
    free(st);
}

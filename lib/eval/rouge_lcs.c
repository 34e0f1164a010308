/* rouge_lcs.c — ROUGE-L at summary level as ROUGE-1.5.5.pl computes it: each model sentence is
 * aligned with every peer sentence by one LCS (ties broken as its dynamic programme does), the
 * model words on any of those LCSs are hits, and each hit is clipped by the unigram counts of the
 * two texts so that no word is matched more often than it occurs. */
#include <stdlib.h>
#include <string.h>

#include "eval/rouge.h"

/* Makes *p hold need elements of size bytes (vec's growth, without its call when there is room). */
static bool grow(void **p, size_t *cap, size_t need, size_t size)
{
    return need <= *cap || vec_grow_(p, cap, need, size);
}

/* Marks in mask the words of model m[0..mlen) on the LCS with peer p[0..plen), following the
 * script's traceback: diagonal on equal words, else up when the cell above is not smaller. */
static void mark(uint32_t *c, const uint32_t *m, size_t mlen, const uint32_t *p, size_t plen, uint8_t *mask)
{
    size_t w = plen + 1;
    for (size_t j = 0; j <= plen; j++) c[j] = 0;
    for (size_t i = 1; i <= mlen; i++) {
        uint32_t *row = c + i * w, *up = row - w;
        row[0] = 0;
        for (size_t j = 1; j <= plen; j++) {
            if (m[i - 1] == p[j - 1]) row[j] = up[j - 1] + 1;
            else row[j] = up[j] >= row[j - 1] ? up[j] : row[j - 1];
        }
    }
    size_t i = mlen, j = plen;
    while (i && j) {
        if (m[i - 1] == p[j - 1]) {
            i--, j--;
            mask[i] = 1;
        } else if (c[(i - 1) * w + j] >= c[i * w + j - 1]) {
            i--;
        } else {
            j--;
        }
    }
}

/* Makes the count arrays hold n_terms entries; entries are zero between calls. */
static bool grow_counts(rouge_lcs_work *w, size_t n_terms)
{
    if (n_terms <= w->counts_cap) return true;
    size_t n = w->counts_cap ? w->counts_cap : 1024;
    while (n < n_terms) n *= 2;
    int32_t *a = realloc(w->model_left, n * sizeof *a);
    if (!a) return false;
    w->model_left = a;
    int32_t *b = realloc(w->peer_left, n * sizeof *b);
    if (!b) return false;
    w->peer_left = b;
    memset(a + w->counts_cap, 0, (n - w->counts_cap) * sizeof *a);
    memset(b + w->counts_cap, 0, (n - w->counts_cap) * sizeof *b);
    w->counts_cap = n;
    return true;
}

/* The union-LCS hits of every model sentence, clipped by the counts in w. */
static bool union_hits(rouge_lcs_work *w, const rouge_doc *model, const rouge_doc *peer, size_t *hits,
                       size_t *base)
{
    size_t mstart = 0;
    for (size_t u = 0; u < model->unit_ends.len; u++) {
        size_t mend = model->unit_ends.items[u], mlen = mend - mstart;
        const uint32_t *m = model->units.items + mstart;
        mstart = mend;
        *base += mlen;
        if (!mlen) continue;
        if (!grow((void **)&w->mask, &w->mask_cap, mlen, 1)) return false;
        memset(w->mask, 0, mlen);
        size_t pstart = 0;
        for (size_t v = 0; v < peer->unit_ends.len; v++) {
            size_t pend = peer->unit_ends.items[v], plen = pend - pstart;
            const uint32_t *p = peer->units.items + pstart;
            pstart = pend;
            if (!plen) continue;
            if (!grow((void **)&w->table, &w->table_cap, (mlen + 1) * (plen + 1), sizeof(uint32_t))) return false;
            mark(w->table, m, mlen, p, plen, w->mask);
        }
        for (size_t k = 0; k < mlen; k++) {
            if (!w->mask[k] || w->model_left[m[k]] <= 0 || w->peer_left[m[k]] <= 0) continue;
            w->model_left[m[k]]--;
            w->peer_left[m[k]]--;
            (*hits)++;
        }
    }
    return true;
}

bool rouge_lcs_hits(rouge_lcs_work *w, const rouge_doc *model, const rouge_doc *peer, size_t n_terms,
                    size_t *hits, size_t *base)
{
    *hits = *base = 0;
    if (!grow_counts(w, n_terms)) return false;
    /* Unigram counts of the length-limited texts (a word of a sentence beyond the byte limit that
     * readText cut away has no count, so it never hits). */
    for (size_t k = 0; k < model->words.len; k++) w->model_left[model->words.items[k]]++;
    for (size_t k = 0; k < peer->words.len; k++) w->peer_left[peer->words.items[k]]++;
    bool ok = union_hits(w, model, peer, hits, base);
    for (size_t k = 0; k < model->words.len; k++) w->model_left[model->words.items[k]] = 0;
    for (size_t k = 0; k < peer->words.len; k++) w->peer_left[peer->words.items[k]] = 0;
    return ok;
}

void rouge_lcs_free(rouge_lcs_work *w)
{
    free(w->table);
    free(w->mask);
    free(w->model_left);
    free(w->peer_left);
    memset(w, 0, sizeof *w);
}

/* repeat.c — the cluster pass of the cleaner: paragraphs that several articles share.
 *
 * A paragraph an article already had is a duplicate. A paragraph that other articles share is
 * debris when it cannot be news told twice:
 *   - it is a headline or under CLEAN_PROSE_WORDS words: "Advertisement", "More from MarketWatch",
 *     a related link that two pages of one site both carry;
 *   - or it is text off the story's topic: under 40% of its content words (four letters or more,
 *     not stopwords) occur in any other paragraph of the cluster, when an article of the same
 *     source repeats it (a site's standing header or footer: a newsletter pitch, an author's bio, a
 *     call for tips); under 25% when only other sources do (boilerplate that sites share).
 * Prose on the topic that articles share is syndicated news, and agencies' updates repeat their
 * lead and background paragraphs: it is kept, and so is everything two articles share when one is
 * a copy of the other (more than half of the prose paragraphs of the shorter one are in the other): copies
 * are what source attribution needs.
 *
 * The source of an article is td_document.source when known. Else, when the articles come from
 * two folders or more, the folder of the file is its source ("nyt/a.txt", "nyt/b.txt"); else, when
 * the file names begin with two different words or more, that word is ("apw-1.txt", "nyt-2.txt";
 * DUC's "APW19981017.0151"). Else every article is its own source. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clean/clean.h"
#include "common/bytes.h"
#include "common/strmap.h"
#include "text/text.h"

/* A paragraph longer than its view's head is compared by that head, its last KEY_TAIL bytes and
 * its length. */
enum { KEY_TAIL = 160 };

#define FNV_PRIME 1099511628211ULL

/* What a byte adds to a key: an ASCII letter lower-cased, a digit, any other byte of 80..FF itself,
 * or nothing (0); C2 and E2 are 1: they begin a no-break space or a quote, dash or typographic space
 * (E2 80 xx), which add nothing, and otherwise add themselves. */
#define FOLD(c)                                                                                         \
    ((c) >= 0x80 ? ((c) == 0xc2 || (c) == 0xe2 ? 1 : (c))                                              \
     : (c) >= 'A' && (c) <= 'Z' ? (c) | 0x20                                                            \
     : ((c) >= 'a' && (c) <= 'z') || ((c) >= '0' && (c) <= '9') ? (c) : 0)
#define FOLD4(c) FOLD(c), FOLD((c) + 1), FOLD((c) + 2), FOLD((c) + 3)
#define FOLD16(c) FOLD4(c), FOLD4((c) + 4), FOLD4((c) + 8), FOLD4((c) + 12)
#define FOLD64(c) FOLD16(c), FOLD16((c) + 16), FOLD16((c) + 32), FOLD16((c) + 48)
static const unsigned char fold_byte[256] = {FOLD64(0), FOLD64(64), FOLD64(128), FOLD64(192)};

/* FNV-1a of the letters and digits of s[0..len), ASCII lower-cased; *kept counts them. */
static uint64_t fold_hash(uint64_t h, const char *s, size_t len, size_t *kept)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = fold_byte[p[i]];
        if (c <= 1) {
            if (!c) continue;
            if (p[i] == 0xe2 && i + 2 < len && p[i + 1] == 0x80) {
                i += 2; /* quotes, dashes, ellipsis, typographic spaces: U+2000..U+203F */
                continue;
            }
            if (p[i] == 0xc2 && i + 1 < len && p[i + 1] == 0xa0) {
                i++; /* no-break space */
                continue;
            }
            c = p[i];
        }
        h = (h ^ c) * FNV_PRIME;
        n++;
    }
    *kept += n;
    return h;
}

uint64_t repeat_key(const view *v, const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL;
    size_t kept = 0;
    if (!v->alpha && !v->digits) return 0;
    /* the head: lower case, white space collapsed already; eight bytes a step (the head is
     * NUL-padded, so its last word reads zeros past its end: its length is mixed in below) */
    for (size_t i = 0; i < v->len; i += 8) h = bytes_mix(h, bytes_load64(v->low + i));
    kept = v->len;
    if (!v->whole) {
        /* past the head: the end and the length tell a long paragraph from any other */
        size_t tail = len < KEY_TAIL ? len : KEY_TAIL;
        h = fold_hash(h, s + len - tail, tail, &kept);
        h ^= (uint64_t)len << 20;
    }
    h ^= kept;
    return hash_bytes(&h, sizeof h) | 1;
}

/* ---------------------------------------------------------------- sources */

/* The folder part of a path ("a/b/c.txt" -> "a/b"), its length; 0 when there is none. */
static size_t folder_len(const char *name)
{
    const char *slash = strrchr(name, '/');
    return slash ? (size_t)(slash - name) : 0;
}

/* The first word of a file's name: letters up to a digit, '-', '_', '.' or a space. */
static const char *name_word(const char *name, size_t *len)
{
    const char *base = name + folder_len(name);
    if (*base == '/') base++;
    size_t n = 0;
    while (base[n] && !strchr("0123456789-_. ", base[n])) n++;
    *len = n;
    return base;
}

typedef enum source_kind { BY_NOTHING, BY_FOLDER, BY_NAME } source_kind;

/* Whether the articles without a known source come from two folders (or start with two name
 * words) or more. */
static bool differ(const td_cluster *c, source_kind kind)
{
    const char *first = NULL;
    size_t first_len = 0;
    for (size_t d = 0; d < c->n_docs; d++) {
        if (c->docs[d].source && c->docs[d].source[0]) continue;
        size_t n;
        const char *w = kind == BY_FOLDER ? (n = folder_len(c->docs[d].name), c->docs[d].name)
                                          : name_word(c->docs[d].name, &n);
        if (kind == BY_NAME && n < 2) return false;
        if (!first) {
            first = w;
            first_len = n;
        } else if (n != first_len || memcmp(w, first, n) != 0) {
            return true;
        }
    }
    return false;
}

/* The words that name article d's source ('s' for a given source, 'p' for a path's part). */
static bool source_name(const td_document *doc, source_kind kind, buf *out)
{
    out->len = 0;
    if (doc->source && doc->source[0]) {
        if (!buf_putc(out, 's')) return false;
        for (const char *p = doc->source; *p; p++)
            if (!buf_putc(out, (char)(*p >= 'A' && *p <= 'Z' ? *p | 0x20 : *p))) return false;
        return true;
    }
    if (kind == BY_NOTHING) return true; /* empty: a source of its own */
    size_t n;
    const char *w = kind == BY_FOLDER ? (n = folder_len(doc->name), doc->name) : name_word(doc->name, &n);
    return buf_putc(out, 'p') && buf_append(out, w, n);
}

static bool assign_sources(repeat_state *st, const td_cluster *c)
{
    source_kind kind = differ(c, BY_FOLDER) ? BY_FOLDER : differ(c, BY_NAME) ? BY_NAME : BY_NOTHING;
    strmap names;
    strmap_init(&names);
    st->source.len = 0;
    bool ok = vec_reserve(&st->source, c->n_docs);
    for (size_t d = 0; ok && d < c->n_docs; d++) {
        ok = source_name(&c->docs[d], kind, &st->scratch);
        if (!ok) break;
        uint32_t id = STRMAP_NONE;
        if (st->scratch.len == 0) {
            id = (uint32_t)(UINT32_MAX / 2 + d); /* unknown: its own source */
        } else {
            id = strmap_intern(&names, st->scratch.data, st->scratch.len, NULL);
            ok = id != STRMAP_NONE;
        }
        st->source.items[st->source.len++] = id;
    }
    strmap_free(&names);
    return ok;
}

/* ---------------------------------------------------------------- repeats */

/* Entries are sorted by insertion on runs of SORT_RUN, then by merging runs. */
enum { SORT_RUN = 16 };

/* Sorts the entries by key. Equal keys keep their order (article, then paragraph, as they were
 * pushed), so the order is that of (key, article, paragraph). False when out of memory. */
static bool sort_entries(repeat_state *st)
{
    repeat_entry *e = st->entries.items;
    size_t n = st->entries.len;
    for (size_t lo = 0; lo < n; lo += SORT_RUN) {
        size_t hi = n - lo < SORT_RUN ? n : lo + SORT_RUN;
        for (size_t i = lo + 1; i < hi; i++) {
            repeat_entry x = e[i];
            size_t j = i;
            for (; j > lo && e[j - 1].key > x.key; j--) e[j] = e[j - 1];
            e[j] = x;
        }
    }
    if (n <= SORT_RUN) return true;
    st->merged.len = 0;
    if (!vec_reserve(&st->merged, n)) return false;
    repeat_entry *from = e, *to = st->merged.items;
    for (size_t width = SORT_RUN; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = n - lo < width ? n : lo + width, hi = n - mid < width ? n : mid + width;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) to[k++] = from[j].key < from[i].key ? from[j++] : from[i++];
            while (i < mid) to[k++] = from[i++];
            while (j < hi) to[k++] = from[j++];
        }
        repeat_entry *t = from;
        from = to;
        to = t;
    }
    if (from != e) memcpy(e, from, n * sizeof *e);
    return true;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Shared prose with fewer content words found elsewhere in the cluster than this (percent) is off
 * the topic: news told twice scores 50 and more, page boilerplate near 0. */
enum { SAME_SOURCE_TOPIC = 40, OTHER_SOURCE_TOPIC = 25 };

static uint64_t pair_key(uint32_t a, uint32_t b) { return a < b ? (uint64_t)a << 32 | b : (uint64_t)b << 32 | a; }

static bool kept_prose(const block *b) { return b->reason == TD_CLEAN_CONTENT && b->prose; }

static bool is_copy(const repeat_state *st, uint32_t a, uint32_t b)
{
    uint64_t k = pair_key(a, b);
    return st->pairs.len && bsearch(&k, st->pairs.items, st->pairs.len, sizeof k, cmp_u64) != NULL;
}

/* Counts the prose paragraphs each pair of articles shares; keeps the pairs that are copies. */
static bool find_copies(repeat_state *st, const block *blocks)
{
    st->pairs.len = 0;
    const repeat_entry *e = st->entries.items;
    for (size_t g = 0, h; g < st->entries.len; g = h) {
        for (h = g + 1; h < st->entries.len && e[h].key == e[g].key; h++) {}
        if (!kept_prose(&blocks[e[g].block])) continue;
        for (size_t i = g; i < h; i++)
            for (size_t j = i + 1; j < h; j++)
                if (e[j].doc != e[i].doc && !vec_push(&st->pairs, pair_key(e[i].doc, e[j].doc))) return false;
    }
    if (st->pairs.len) qsort(st->pairs.items, st->pairs.len, sizeof *st->pairs.items, cmp_u64);
    size_t out = 0;
    for (size_t i = 0, j; i < st->pairs.len; i = j) {
        for (j = i + 1; j < st->pairs.len && st->pairs.items[j] == st->pairs.items[i]; j++) {}
        uint32_t a = (uint32_t)(st->pairs.items[i] >> 32), b = (uint32_t)st->pairs.items[i];
        uint32_t fewer = st->prose.items[a] < st->prose.items[b] ? st->prose.items[a] : st->prose.items[b];
        size_t shared = j - i;
        if (shared >= 2 && shared * 2 > fewer) st->pairs.items[out++] = st->pairs.items[i];
    }
    st->pairs.len = out;
    return true;
}

/* ---------------------------------------------------------------- topic words */

/* What a byte is in a word: an ASCII letter lower-cased, a byte from 0x80 on itself; 0: no word
 * byte. */
#define WORD(c) ((c) >= 0x80 ? (c) : ((c) | 0x20) >= 'a' && ((c) | 0x20) <= 'z' ? (c) | 0x20 : 0)
#define WORD4(c) WORD(c), WORD((c) + 1), WORD((c) + 2), WORD((c) + 3)
#define WORD16(c) WORD4(c), WORD4((c) + 4), WORD4((c) + 8), WORD4((c) + 12)
#define WORD64(c) WORD16(c), WORD16((c) + 16), WORD16((c) + 32), WORD16((c) + 48)
static const unsigned char word_byte[256] = {WORD64(0), WORD64(64), WORD64(128), WORD64(192)};

/* Words of four letters or more, lower-cased, with their hashes. */
typedef struct word_iter {
    const char *s; /* the text */
    size_t len;    /* its bytes */
    size_t i;      /* where the next word is looked for */
    char fold[32]; /* the word, lower-cased (its first 32 bytes) */
    size_t n;      /* bytes in fold */
    uint64_t hash; /* FNV-1a of fold */
} word_iter;

static bool next_word(word_iter *w)
{
    const unsigned char *p = (const unsigned char *)w->s;
    while (w->i < w->len) {
        unsigned char c = word_byte[p[w->i]];
        if (!c) {
            w->i++;
            continue;
        }
        w->n = 0;
        w->hash = 1469598103934665603ULL;
        do {
            if (w->n < sizeof w->fold) {
                w->fold[w->n++] = (char)c;
                w->hash = (w->hash ^ c) * FNV_PRIME;
            }
        } while (++w->i < w->len && (c = word_byte[p[w->i]]) != 0);
        if (w->n >= 4) return true;
    }
    return false;
}

/* For each word of the cluster's kept paragraphs, in how many distinct paragraphs it occurs
 * (paragraphs with the same words count once): a word that only one paragraph has says nothing
 * about the story. */
static bool build_topic(repeat_state *st, const td_cluster *c, const block *blocks)
{
    u64map_clear(&st->topic);
    st->topic_count.len = st->topic_last.len = 0;
    const repeat_entry *e = st->entries.items;
    for (size_t g = 0; g < st->entries.len; g++) {
        if (g && e[g].key == e[g - 1].key) continue;
        const block *b = &blocks[e[g].block];
        if (b->reason != TD_CLEAN_CONTENT && b->reason != TD_CLEAN_NO_END) continue;
        word_iter w = {.s = c->docs[e[g].doc].text + b->span.start, .len = b->span.end - b->span.start};
        while (next_word(&w)) {
            uint32_t id = u64map_intern(&st->topic, w.hash);
            if (id == U64MAP_NONE) return false;
            if (id == st->topic_count.len) {
                if (!vec_push(&st->topic_count, 0) || !vec_push(&st->topic_last, UINT32_MAX)) return false;
            }
            if (st->topic_last.items[id] != g) {
                st->topic_last.items[id] = (uint32_t)g;
                st->topic_count.items[id]++;
            }
        }
    }
    return true;
}

/* Whether at least `percent` of the paragraph's content words occur in another paragraph too (few
 * words: yes). */
static bool on_topic(const repeat_state *st, const char *s, size_t len, unsigned percent)
{
    word_iter w = {.s = s, .len = len};
    size_t words = 0, found = 0;
    while (next_word(&w)) {
        if (stopword(w.fold, w.n)) continue;
        words++;
        uint32_t id = u64map_find(&st->topic, w.hash);
        found += id != U64MAP_NONE && st->topic_count.items[id] >= 2;
    }
    return words < 3 || found * 100 >= words * percent;
}

/* Decides one group of paragraphs with the same words, each article's first occurrence only. */
static void judge_group(repeat_state *st, const td_cluster *c, block *blocks, const repeat_entry *e, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        block *b = &blocks[e[i].block];
        if (!td_clean_keeps((td_clean_reason)b->reason) && b->reason != TD_CLEAN_HEADLINE) continue;
        bool others = false, same_source = false;
        for (size_t j = 0; j < n; j++) {
            if (j == i || is_copy(st, e[i].doc, e[j].doc)) continue;
            others = true;
            same_source |= st->source.items[e[j].doc] == st->source.items[e[i].doc];
        }
        if (!others) continue;
        /* short lines and headlines are furniture; longer text is judged by its words */
        bool debris = b->reason == TD_CLEAN_HEADLINE || b->words < CLEAN_PROSE_WORDS;
        if (!debris)
            debris = !on_topic(st, c->docs[e[i].doc].text + b->span.start, b->span.end - b->span.start,
                               same_source ? SAME_SOURCE_TOPIC : OTHER_SOURCE_TOPIC);
        if (debris) b->reason = TD_CLEAN_REPEATED;
    }
}

bool repeat_mark(repeat_state *st, const td_cluster *c, block *blocks, const size_t *doc_block)
{
    size_t n_docs = c->n_docs;
    st->entries.len = 0;
    for (size_t d = 0; d < n_docs; d++)
        for (size_t b = doc_block[d]; b < doc_block[d + 1]; b++)
            if (blocks[b].key && !vec_push(&st->entries, ((repeat_entry){blocks[b].key, (uint32_t)d, (uint32_t)b})))
                return false;
    if (!sort_entries(st)) return false;
    /* Duplicates inside an article first; the group then holds each article's first occurrence. */
    repeat_entry *e = st->entries.items;
    size_t kept = 0;
    for (size_t i = 0; i < st->entries.len; i++) {
        if (kept && e[kept - 1].key == e[i].key && e[kept - 1].doc == e[i].doc) {
            block *b = &blocks[e[i].block];
            if (td_clean_keeps((td_clean_reason)b->reason)) b->reason = TD_CLEAN_DUPLICATE;
            continue;
        }
        e[kept++] = e[i];
    }
    st->entries.len = kept;
    for (size_t g = 0, h; g < kept; g = h) {
        for (h = g + 1; h < kept && e[h].key == e[g].key; h++) {}
        for (size_t i = g; i < h; i++) blocks[e[i].block].docs = (uint32_t)(h - g);
    }
    st->prose.len = 0;
    if (!vec_reserve(&st->prose, n_docs) || !assign_sources(st, c)) return false;
    for (size_t d = 0; d < n_docs; d++) {
        uint32_t prose = 0;
        for (size_t b = doc_block[d]; b < doc_block[d + 1]; b++) prose += kept_prose(&blocks[b]);
        st->prose.items[st->prose.len++] = prose;
    }
    if (!find_copies(st, blocks)) return false;
    /* The topic words are counted once, before any group is judged, so that no verdict depends on
     * the order in which the groups come; only clusters with a repeated paragraph need them. */
    bool repeats = false;
    for (size_t g = 1; g < kept && !repeats; g++) repeats = e[g].key == e[g - 1].key;
    if (!repeats) return true;
    if (!build_topic(st, c, blocks)) return false;
    for (size_t g = 0, h; g < kept; g = h) {
        for (h = g + 1; h < kept && e[h].key == e[g].key; h++) {}
        if (h - g > 1) judge_group(st, c, blocks, e + g, h - g);
    }
    return true;
}

void repeat_free(repeat_state *st)
{
    vec_free(&st->entries);
    vec_free(&st->merged);
    vec_free(&st->pairs);
    vec_free(&st->source);
    vec_free(&st->prose);
    u64map_free(&st->topic);
    vec_free(&st->topic_count);
    vec_free(&st->topic_last);
    buf_free(&st->scratch);
}

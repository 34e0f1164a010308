/* clean.h — the cleaner's internal model of an article: paragraphs ("blocks": runs of sentences on
 * the same lines) with what each is, shared by the per-article passes (cleaner.c) and the
 * cluster pass over repeated lines (repeat.c). */
#ifndef TD_CLEAN_CLEAN_H
#define TD_CLEAN_CLEAN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clean/view.h"
#include "common/buf.h"
#include "common/u64map.h"
#include "common/vec.h"
#include "tidings.h"

/* A paragraph counts as prose when it ends like a sentence and has at least this many words. */
enum { CLEAN_PROSE_WORDS = 6 };

typedef struct block {
    td_span span;       /* from its first line's first non-space byte to its last sentence's end */
    size_t cut;         /* bytes at its start that are a glued title or a leading credit (0: none) */
    uint32_t first;     /* its first sentence in the cleaner's sentence array */
    uint32_t n;         /* its sentences */
    uint32_t words;     /* white-space separated words (after the cut) */
    uint32_t docs;      /* articles of the cluster that have a paragraph with the same words */
    uint64_t key;       /* hash of its letters and digits, case folded; 0 when it has none */
    uint8_t reason;     /* a td_clean_reason for the whole paragraph */
    uint8_t cut_reason; /* TD_CLEAN_GLUED_TITLE or TD_CLEAN_CREDIT, for the cut */
    bool prose;         /* ends like a sentence, CLEAN_PROSE_WORDS words or more */
    bool marker;        /* an end-of-article marker ("About the author") */
} block;

typedef VEC(block) block_vec;
typedef VEC(size_t) index_vec;

/* One paragraph's words, for finding repeats: (key, article, paragraph). */
typedef struct repeat_entry {
    uint64_t key;
    uint32_t doc;
    uint32_t block;
} repeat_entry;

/* Scratch memory of the cluster pass, kept across clusters. */
typedef struct repeat_state {
    VEC(repeat_entry) entries; /* every paragraph with words, sorted by key */
    VEC(repeat_entry) merged;  /* room for the entries while they are sorted */
    VEC(uint64_t) pairs;       /* article pairs sharing a prose paragraph, then the copies among them */
    VEC(uint32_t) source;      /* article -> source id: same id, same outlet */
    VEC(uint32_t) prose;       /* article -> prose paragraphs that it keeps */
    u64map topic;              /* hash of a word of a kept paragraph -> its id */
    VEC(uint32_t) topic_count; /* word id -> distinct paragraphs that have it */
    VEC(uint32_t) topic_last;  /* word id -> the last paragraph group counted */
    buf scratch;               /* folded names */
} repeat_state;

/* Hash of the paragraph s[0..len) whose view is v: of the view's head (lower case, white space
 * collapsed, curly quotes made straight), and for a paragraph longer than that, of its last bytes
 * and its length. 0 when it has no letter or digit. */
uint64_t repeat_key(const view *v, const char *s, size_t len);

/* Marks repeated paragraphs of the cluster: later copies inside one article (duplicate), and
 * paragraphs that other articles repeat (see repeat.c for when that makes them debris).
 * blocks[doc_block[d] .. doc_block[d + 1]) are article d's. False when out of memory. */
bool repeat_mark(repeat_state *st, const td_cluster *c, block *blocks, const size_t *doc_block);
void repeat_free(repeat_state *st);

#endif

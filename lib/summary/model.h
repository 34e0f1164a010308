/* model.h — a cluster analysed once for summarising: every sentence of every article with its
 * position, length, content terms (stems of non-stopwords), bigram concepts and cleaner's mark,
 * and, when asked, the compressed form of sentences (compress.h) as variants the selection may
 * take instead of the full sentence. All summary methods, the selection under a budget and the
 * attribution of sources read it. */
#ifndef TD_MODEL_H
#define TD_MODEL_H
#include <stdbool.h>
#include <stdint.h>

#include "common/u64map.h"
#include "common/vec.h"
#include "text/text.h"
#include "tidings.h"

typedef struct sentence {
    uint32_t doc;        /* article index in the cluster */
    uint32_t index;      /* position in the article, 0-based, counting every sentence */
    uint32_t n_in_doc;   /* sentences in that article */
    td_span span;        /* bytes in the article text (a piece the cleaner kept) */
    uint32_t words;      /* white-space separated words */
    uint32_t bytes;      /* bytes once white-space runs are collapsed to one space */
    uint32_t terms;      /* first of n_terms local content term ids in model.terms, sorted ascending */
    uint32_t n_terms;    /* content terms, repeats kept */
    uint32_t concepts;   /* first of n_concepts distinct concept ids in model.concepts */
    uint32_t n_concepts; /* distinct bigram concepts */
    uint8_t debris;      /* a td_clean_reason: 0 for content, else kept text never quoted */
    bool usable;         /* may be chosen: content, long enough */
    uint8_t n_kept;      /* a variant: its kept ranges of the span; 0 for a full sentence */
    uint32_t kept;       /* a variant: first of n_kept ranges in model.kept */
    uint32_t twin;       /* full sentence: index of its variant in model.variants (MODEL_NONE: none);
                          * variant: index of its full sentence in model.sents */
} sentence;

#define MODEL_NONE UINT32_MAX

/* A lexicon term's cluster-local id, valid when build is the model's build number (one entry, so
 * that a look-up reads one place). */
typedef struct model_local {
    uint32_t build;
    uint32_t id;
} model_local;

typedef struct model {
    const td_cluster *cluster;
    VEC(sentence) sents;    /* all sentences, article by article, in text order */
    VEC(uint32_t) terms;    /* pool of content term ids */
    VEC(uint32_t) concepts; /* pool of concept ids */
    VEC(model_local) local_terms; /* lexicon term id -> cluster-local term id (0 .. n_terms-1) */
    uint32_t build;           /* builds so far (wraps to 1, entries then reset) */
    u64map concept_ids;     /* (local term, local term) bigram -> concept id */
    size_t n_terms;         /* distinct terms in the cluster (stopwords included) */
    size_t n_concepts;      /* distinct concepts in the cluster */
    VEC(sentence) variants; /* compressed forms: words, terms and concepts of the kept text, the
                             * full sentence's span, article and position */
    VEC(td_span) kept;      /* pool of the variants' kept ranges */
    VEC(uint32_t) scratch;  /* reused while building: a sentence's bigrams */
    VEC(uint32_t) new_terms;    /* reused while building: the terms a sentence gave ids to ... */
    VEC(uint32_t) new_concepts; /* ... and its concepts that did (kept apart: see analyse_sentence) */
    VEC(char) joined;       /* reused while building: a variant's kept text */
    unsigned compress;      /* set before model_build: compress.h rules for variants (0: none) */
    bool no_clean;          /* set before model_build: read the raw text, not the cleaner's pieces */
    td_cleaner *cleaner;    /* cleans each cluster first; made on first use, freed by model_free */
} model;

/* Sentences shorter than this are never chosen: too little to tell a story. */
enum { MODEL_MIN_WORDS = 6, MODEL_MAX_WORDS = 90 };

/* (Re)builds the model of a cluster, reusing the memory of an earlier build. */
td_status model_build(model *m, lexicon *lx, const td_cluster *c, td_error *err);
void model_free(model *m);

/* The cluster-local id of a lexicon term, or MODEL_NONE when the cluster does not have it. */
static inline uint32_t model_local_term(const model *m, uint32_t term)
{
    return term < m->local_terms.len && m->local_terms.items[term].build == m->build ? m->local_terms.items[term].id
                                                                                    : MODEL_NONE;
}

/* Sentences and variants are numbered together: sentences first, then variants. */
static inline size_t model_count(const model *m) { return m->sents.len + m->variants.len; }
static inline const sentence *model_sentence(const model *m, size_t i)
{
    return i < m->sents.len ? &m->sents.items[i] : &m->variants.items[i - m->sents.len];
}
/* The other form of sentence i in that numbering, or SIZE_MAX. */
static inline size_t model_twin(const model *m, size_t i)
{
    const sentence *s = model_sentence(m, i);
    if (s->twin == MODEL_NONE) return SIZE_MAX;
    return i < m->sents.len ? m->sents.len + s->twin : s->twin;
}

static inline const uint32_t *sentence_terms(const model *m, const sentence *s) { return m->terms.items + s->terms; }
static inline const uint32_t *sentence_concepts(const model *m, const sentence *s)
{
    return m->concepts.items + s->concepts;
}

#endif

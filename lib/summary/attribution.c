/* attribution.c — finds every article that reports a sentence's content: exact copies, syndicated
 * or lightly edited versions, and the same quote told again. */
#include "summary/attribution.h"

#include <stdlib.h>

static const double TERM_CONTAINMENT = 0.6;    /* share of s's distinct content terms t must have */
static const double CONCEPT_CONTAINMENT = 0.3; /* share of s's bigram concepts t must have */
enum { MIN_SHARED_TERMS = 3 };

/* Distinct values of sorted a[] that are in sorted b[], and distinct values of a[]. */
static size_t shared_distinct(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, size_t *distinct_a)
{
    size_t i = 0, j = 0, shared = 0, distinct = 0;
    while (i < na) {
        uint32_t v = a[i];
        distinct++;
        while (j < nb && b[j] < v) j++;
        if (j < nb && b[j] == v) shared++;
        while (i < na && a[i] == v) i++;
    }
    *distinct_a = distinct;
    return shared;
}

bool same_content(const model *m, const sentence *s, const sentence *t)
{
    size_t n_terms;
    size_t shared = shared_distinct(sentence_terms(m, s), s->n_terms, sentence_terms(m, t), t->n_terms, &n_terms);
    if (shared < MIN_SHARED_TERMS || (double)shared < TERM_CONTAINMENT * (double)n_terms) return false;
    size_t n_concepts;
    size_t shared_concepts = shared_distinct(sentence_concepts(m, s), s->n_concepts, sentence_concepts(m, t),
                                             t->n_concepts, &n_concepts);
    return (double)shared_concepts >= CONCEPT_CONTAINMENT * (double)n_concepts;
}

size_t *attribute_sources(const model *m, const sentence *s, size_t *n)
{
    size_t n_docs = m->cluster->n_docs;
    size_t *docs = malloc((n_docs ? n_docs : 1) * sizeof *docs);
    if (!docs) return NULL;
    *n = 0;
    size_t i = 0;
    for (size_t d = 0; d < n_docs; d++) {
        bool reports = d == s->doc;
        /* sentences are stored article by article */
        for (; i < m->sents.len && m->sents.items[i].doc == d; i++)
            if (!reports && m->sents.items[i].debris == 0) reports = same_content(m, s, &m->sents.items[i]);
        if (reports) docs[(*n)++] = d;
    }
    return docs;
}

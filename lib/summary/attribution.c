/* attribution.c — finds every article that reports a sentence's content: exact copies, syndicated
 * or lightly edited versions, and the same quote told again. */
#include "summary/attribution.h"

#include <stdlib.h>

static const double TERM_CONTAINMENT = 0.6;    /* share of s's distinct content terms t must have */
static const double CONCEPT_CONTAINMENT = 0.3; /* share of s's bigram concepts t must have */
enum { MIN_SHARED_TERMS = 3 };

bool attribution_init(attribution *a, const model *m)
{
    a->m = m;
    a->term = calloc(m->n_terms ? m->n_terms : 1, sizeof *a->term);
    a->concept = calloc(m->n_concepts ? m->n_concepts : 1, sizeof *a->concept);
    if (!a->term || !a->concept) {
        attribution_free(a);
        return false;
    }
    return true;
}

void attribution_free(attribution *a)
{
    free(a->term);
    free(a->concept);
    a->term = NULL;
    a->concept = NULL;
}

/* Sets the flags of s's terms and concepts, counting the distinct ones. */
static void mark(attribution *a, const sentence *s)
{
    const uint32_t *t = sentence_terms(a->m, s);
    a->n_terms = 0;
    for (size_t i = 0; i < s->n_terms; i++) {
        if (!a->term[t[i]]) a->n_terms++;
        a->term[t[i]] = true;
    }
    const uint32_t *c = sentence_concepts(a->m, s);
    for (size_t i = 0; i < s->n_concepts; i++) a->concept[c[i]] = true; /* concepts are distinct */
    a->n_concepts = s->n_concepts;
}

/* Clears the flags mark set, for the next sentence. */
static void unmark(attribution *a, const sentence *s)
{
    const uint32_t *t = sentence_terms(a->m, s);
    for (size_t i = 0; i < s->n_terms; i++) a->term[t[i]] = false;
    const uint32_t *c = sentence_concepts(a->m, s);
    for (size_t i = 0; i < s->n_concepts; i++) a->concept[c[i]] = false;
}

/* Whether t reports the marked sentence: it holds most of its content terms and some of its bigrams. */
static bool reports(const attribution *k, const sentence *t)
{
    /* t shares at most its own terms: too few, and the pass over them is not needed */
    if (t->n_terms < MIN_SHARED_TERMS || (double)t->n_terms < TERM_CONTAINMENT * (double)k->n_terms) return false;
    const uint32_t *x = sentence_terms(k->m, t);
    size_t shared = 0;
    for (size_t i = 0; i < t->n_terms; i++)
        if (k->term[x[i]] && (i == 0 || x[i] != x[i - 1])) shared++; /* terms are sorted */
    if (shared < MIN_SHARED_TERMS || (double)shared < TERM_CONTAINMENT * (double)k->n_terms) return false;
    const uint32_t *c = sentence_concepts(k->m, t);
    size_t shared_concepts = 0;
    for (size_t i = 0; i < t->n_concepts; i++) shared_concepts += k->concept[c[i]];
    return (double)shared_concepts >= CONCEPT_CONTAINMENT * (double)k->n_concepts;
}

size_t *attribute_sources(attribution *a, const sentence *s, size_t *n)
{
    const model *m = a->m;
    size_t n_docs = m->cluster->n_docs;
    size_t *docs = malloc((n_docs ? n_docs : 1) * sizeof *docs);
    if (!docs) return NULL;
    mark(a, s);
    *n = 0;
    size_t i = 0;
    for (size_t d = 0; d < n_docs; d++) {
        bool found = d == s->doc;
        /* sentences are stored article by article */
        for (; i < m->sents.len && m->sents.items[i].doc == d; i++)
            if (!found && m->sents.items[i].debris == 0) found = reports(a, &m->sents.items[i]);
        if (found) docs[(*n)++] = d;
    }
    unmark(a, s);
    return docs;
}

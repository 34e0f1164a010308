/* attribution.c — finds every article that reports a sentence's content: exact copies, syndicated
 * or lightly edited versions, and the same quote told again. */
#include "summary/attribution.h"

#include <stdlib.h>

static const double TERM_CONTAINMENT = 0.6;    /* share of s's distinct content terms t must have */
static const double CONCEPT_CONTAINMENT = 0.3; /* share of s's bigram concepts t must have */
enum { MIN_SHARED_TERMS = 3 };

/* Flags of s's distinct terms and concepts, to test other sentences against in one pass each. */
typedef struct marks {
    bool *term;       /* local term id -> in s */
    bool *concept;    /* concept id -> in s */
    size_t n_terms;   /* distinct content terms of s */
    size_t n_concepts; /* distinct concepts of s */
} marks;

static bool marks_make(marks *k, const model *m, const sentence *s)
{
    k->term = calloc(m->n_terms ? m->n_terms : 1, sizeof *k->term);
    k->concept = calloc(m->n_concepts ? m->n_concepts : 1, sizeof *k->concept);
    if (!k->term || !k->concept) {
        free(k->term);
        free(k->concept);
        return false;
    }
    const uint32_t *t = sentence_terms(m, s);
    k->n_terms = 0;
    for (size_t i = 0; i < s->n_terms; i++) {
        if (!k->term[t[i]]) k->n_terms++;
        k->term[t[i]] = true;
    }
    const uint32_t *c = sentence_concepts(m, s);
    for (size_t i = 0; i < s->n_concepts; i++) k->concept[c[i]] = true; /* concepts are distinct */
    k->n_concepts = s->n_concepts;
    return true;
}

static void marks_free(marks *k)
{
    free(k->term);
    free(k->concept);
}

/* Whether t reports the marked sentence: it holds most of its content terms and some of its bigrams. */
static bool reports(const model *m, const marks *k, const sentence *t)
{
    /* t shares at most its own terms: too few, and the pass over them is not needed */
    if (t->n_terms < MIN_SHARED_TERMS || (double)t->n_terms < TERM_CONTAINMENT * (double)k->n_terms) return false;
    const uint32_t *x = sentence_terms(m, t);
    size_t shared = 0;
    for (size_t i = 0; i < t->n_terms; i++)
        if (k->term[x[i]] && (i == 0 || x[i] != x[i - 1])) shared++; /* terms are sorted */
    if (shared < MIN_SHARED_TERMS || (double)shared < TERM_CONTAINMENT * (double)k->n_terms) return false;
    const uint32_t *c = sentence_concepts(m, t);
    size_t shared_concepts = 0;
    for (size_t i = 0; i < t->n_concepts; i++) shared_concepts += k->concept[c[i]];
    return (double)shared_concepts >= CONCEPT_CONTAINMENT * (double)k->n_concepts;
}

size_t *attribute_sources(const model *m, const sentence *s, size_t *n)
{
    size_t n_docs = m->cluster->n_docs;
    size_t *docs = malloc((n_docs ? n_docs : 1) * sizeof *docs);
    marks k;
    if (!docs || !marks_make(&k, m, s)) {
        free(docs);
        return NULL;
    }
    *n = 0;
    size_t i = 0;
    for (size_t d = 0; d < n_docs; d++) {
        bool found = d == s->doc;
        /* sentences are stored article by article */
        for (; i < m->sents.len && m->sents.items[i].doc == d; i++)
            if (!found && m->sents.items[i].debris == 0) found = reports(m, &k, &m->sents.items[i]);
        if (found) docs[(*n)++] = d;
    }
    marks_free(&k);
    return docs;
}

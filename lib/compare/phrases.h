/* phrases.h — internal to lib/compare: the subject phrase of a speech verb split into name and role
 * (phrases.c), and the mentions the speaker finder keeps (speakers.c). */
#ifndef TD_COMPARE_PHRASES_H
#define TD_COMPARE_PHRASES_H
#include "compare/quotes.h"

typedef enum np_kind { NP_NONE, NP_PRONOUN, NP_NAME, NP_DESCRIPTION } np_kind;

/* A subject: the name (or description) and the role, as token ranges. */
typedef struct subject {
    np_kind kind;
    size_t name_a, name_b, role_a, role_b;
    bool definite; /* after "the" or with a possessive: a description may point back to a named speaker,
                      a name is an organisation (the White House) */
    bool plural;   /* a name that looks like a plural noun: not "he" or "she" */
} subject;

/* A speech verb and who it is said of, after resolution. */
typedef struct mention {
    size_t cue;
    subject who;
    bool reported; /* a reporting cue (CNN reported) */
    bool spoke;    /* from a speech verb; else the name a sentence opens with (for pronouns only) */
} mention;

/* What the speaker finder works on: the article, which tokens are quoted, the mentions so far. */
typedef struct qctx {
    qdoc *d;
    bool *inside; /* tokens inside a quote (its marks included) */
    VEC(mention) mentions;
} qctx;

static inline const qtok *tk(const qctx *c, size_t t) { return &c->d->tok.items[t]; }
static inline bool is_word(const qctx *c, size_t t) { return tk(c, t)->kind != TOKEN_PUNCT; }
static inline bool is_cap(const qctx *c, size_t t) { return tk(c, t)->flags & QT_CAP; }
static inline bool is_char(const qctx *c, size_t t, char ch) { return qtok_char(c->d, t, ch); }
static inline bool lower_word(const qctx *c, size_t t) { return tk(c, t)->kind == TOKEN_WORD && !is_cap(c, t); }

/* The phrase [a, b) as a subject: a pronoun, a name with its role, a description, or none. */
subject phrase_analyse(const qctx *c, size_t a, size_t b);
/* The subject of the speech verb at v within [lo, hi): before it, else after it; an -ing form's is its
 * sentence's. */
subject phrase_subject_of(const qctx *c, size_t v, size_t lo, size_t hi);
/* The name or pronoun a sentence [s0, hi) opens with, after an opening prepositional phrase. */
subject phrase_sentence_subject(const qctx *c, size_t s0, size_t hi);
/* First token of the sentence of t (not before its paragraph or a quote), and the token after it. */
size_t phrase_sentence_start(const qctx *c, size_t t);
size_t phrase_sentence_end(const qctx *c, size_t t);
/* A lower-case particle of names (de, van, bin, …); "they" or "we". */
bool phrase_particle(const qdoc *d, size_t t);
bool phrase_plural_pronoun(const qdoc *d, size_t t);

#endif

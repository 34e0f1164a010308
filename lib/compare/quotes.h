/* quotes.h — internal to lib/compare: the tokens of one article with their quote marks, paragraphs
 * and sentences (marks.c), the quoted pieces grouped into quotes, and the speakers found for them
 * (speakers.c). td_find_quotes (quotes.c) runs the two steps and copies the result out. */
#ifndef TD_COMPARE_QUOTES_H
#define TD_COMPARE_QUOTES_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/vec.h"
#include "text/text.h"

enum {
    QT_CAP = 1,   /* a word starting with an upper-case letter */
    QT_OPEN = 2,  /* a double quotation mark that opens (“ „ « ``) */
    QT_CLOSE = 4, /* a double quotation mark that closes (” ») ; " and '' are both */
};

typedef struct qtok {
    size_t start;    /* byte range in the text (a '' mark is one token) */
    size_t end;
    token_kind kind;
    uint8_t flags;   /* QT_* bits */
    uint32_t para;   /* paragraph number (a blank line starts the next) */
    uint32_t sent;   /* sentence number (td_split_sentences) */
} qtok;

/* A quoted piece: the tokens strictly between its marks. */
typedef struct qpiece {
    size_t open;     /* token index of the opening mark */
    size_t close;    /* token index of the closing mark, or the first token after the paragraph when the
                        quote runs to the end of its paragraph */
    bool open_end;   /* no closing mark in its paragraph */
    size_t words;    /* word and number tokens inside */
} qpiece;

/* A quote: one or more consecutive pieces. */
typedef struct qquote {
    size_t first;     /* index of its first piece */
    size_t n;         /* pieces */
    bool partial;     /* inside a sentence of the article's own words */
    /* the speaker, filled by speakers_find: token ranges [a, b) of the name and the role; b == a when none */
    size_t name_a, name_b, role_a, role_b;
    bool described;   /* the name is a description ("a North Korean spokesman"), not a proper name */
} qquote;

typedef struct qdoc {
    const char *text;
    size_t len;
    VEC(qtok) tok;
    VEC(qpiece) pieces;
    VEC(qquote) quotes;
    size_t n_sent;
} qdoc;

/* Tokenises the text, pairs its quotation marks and keeps the pieces that are speech, joined into
 * quotes. False when out of memory. */
bool marks_find(qdoc *d);
/* The token index of the colon after a transcript's label at the start of piece p ("WALLACE: …": one to
 * three upper-case words), 0 when there is none. */
size_t piece_label(const qdoc *d, const qpiece *p);
/* Finds the speaker and role of every quote of d. False when out of memory. */
bool speakers_find(qdoc *d);
void qdoc_free(qdoc *d);

/* True when token t is one of the words of `sorted` in ASCII lower case (the list sorted, lower case). */
bool qtok_is(const qdoc *d, size_t t, const char *const *sorted, size_t n);
#define QTOK_IS(d, t, list) qtok_is((d), (t), (list), sizeof(list) / sizeof *(list))
/* True when token t is a verb of speech (said, told, added, according [to], warned, ...) (cues.c). */
bool speech_verb(const qdoc *d, size_t t);
/* "according"; a verb that may also be a plural noun (claims, states); a medium's verb (reported). */
bool cue_according(const qdoc *d, size_t t);
bool cue_noun(const qdoc *d, size_t t);
bool cue_reporting(const qdoc *d, size_t t);
/* True when token t is the single character c. */
bool qtok_char(const qdoc *d, size_t t, char c);

#endif

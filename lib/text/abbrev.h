/* abbrev.h — word lists used by the sentence splitter (lib/text/sentences.c) to decide whether a
 * period, question or exclamation mark ends a sentence. */
#ifndef TD_ABBREV_H
#define TD_ABBREV_H
#include "text/text.h"

typedef enum abbrev_kind {
    ABBREV_NONE,      /* not a known abbreviation: a period after it ends the sentence */
    ABBREV_TITLE,     /* never ends a sentence: Mr. Dr. Gen. Sen. vs. e.g. */
    ABBREV_NUMBER,    /* does not end one before a number: No. 5, pp. 3 */
    ABBREV_AMBIGUOUS, /* ends one only before a sentence opener: Jr. Jan. */
    ABBREV_STATE,     /* a US state: ends one before any capital after a city ("Erie, Pa. Schools"), else ambiguous */
    ABBREV_COMPANY,   /* ends one before a capital unless a title, day or month follows: Inc. Corp. */
    ABBREV_TIME,      /* ends one before a capital unless a day, month or time zone follows: a.m. p.m. */
    ABBREV_END,       /* ends one before any capital: etc., units (lbs. ft.) */
} abbrev_kind;

/* Kind of the word before a period, given without that period ("Mr", "U.S", "a.m"). Dotted
 * initials and single letters are not listed: the splitter treats them as ambiguous. */
abbrev_kind abbrev_lookup(const char *w, size_t len);
/* A capitalised word that commonly opens a sentence ("The", "He", "But", "In", "Mr"). */
bool abbrev_starter(const char *w, size_t len);
/* A capitalised word that goes on after a company's name: "Sony Corp. Chairman", "Inc. Chief". */
bool abbrev_company_title(const char *w, size_t len);
/* A capitalised word that goes on after a time: "7 a.m. Tuesday", "9 p.m. EST", "10 a.m. Jan. 5". */
bool abbrev_time_follower(const char *w, size_t len);
/* A verb of speech in the past or present tense ("said", "asked", "says"). */
bool abbrev_speech_verb(const char *w, size_t len);

#endif

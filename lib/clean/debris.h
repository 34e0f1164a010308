/* debris.h — a first filter of web debris at sentence level: share and comment prompts, link
 * lists, headlines, truncated last lines, reader questions, author bios, image credits. It marks
 * sentences (and trims a glued title or a leading photo credit off a sentence); the summariser
 * never chooses a marked sentence. The full cleaner of a later stage replaces this module. */
#ifndef TD_DEBRIS_H
#define TD_DEBRIS_H
#include <stddef.h>
#include <stdint.h>

#include "tidings.h"

typedef enum debris_reason {
    DEBRIS_NONE = 0, /* news content */
    DEBRIS_PROMPT,   /* share/subscribe/comment prompts, navigation, copyright */
    DEBRIS_NO_END,   /* no sentence-final punctuation: headline, link list, cut-off line */
    DEBRIS_QUESTION, /* a question, e.g. to the reader */
    DEBRIS_BIO,      /* an author biography */
    DEBRIS_CREDIT,   /* an image or photo credit */
    DEBRIS_TAIL,     /* after an end-of-article marker such as "About the author" */
    DEBRIS_DATELINE, /* only a date or time: "Feb. 11, 2025 at 4:55 p.m." */
} debris_reason;

/* Marks the n sentences of one article (text, its title or NULL). reason[i] gets a debris_reason.
 * May move sents[i].start forward past a title glued to the first sentence or a leading credit. */
void debris_mark(const char *text, const char *title, td_span *sents, size_t n, uint8_t *reason);

const char *debris_reason_name(debris_reason r);

#endif

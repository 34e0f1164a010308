/* dateline.h — the place-and-agency line that opens a wire story ("LONDON (AP) _ "), which a
 * summary sentence leaves out. */
#ifndef TD_DATELINE_H
#define TD_DATELINE_H
#include "tidings.h"

/* The span without a leading dateline: up to 8 words, the first in capitals (a place: "LONDON",
 * "SAN FRANCISCO, Calif.", "OPORTO, Portugal (AP)", "PARIS, Feb. 11 (Reuters)") ended by a dash or underscore standing alone
 * and followed by the sentence proper (capital, digit or quote). Unchanged when there is none. */
td_span dateline_skip(const char *text, td_span span);

#endif

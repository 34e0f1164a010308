/* rules.h — the cleaner's rules for one paragraph (or one sentence) seen on its own: phrases of page
 * furniture, bylines, credits, dates, tag lists, reader questions, headlines. The cluster-level and
 * position rules are in repeat.c and cleaner.c. */
#ifndef TD_CLEAN_RULES_H
#define TD_CLEAN_RULES_H
#include <stdbool.h>
#include <stddef.h>

#include "clean/view.h"
#include "tidings.h"

/* Where a paragraph stands in its article. */
typedef struct rules_place {
    const char *title; /* the article's title, or NULL */
    bool late;         /* in the second half of the article, where bios and end markers live */
} rules_place;

/* What the paragraph s[0..len) (its view v) is: TD_CLEAN_CONTENT, TD_CLEAN_NO_END (prose without
 * final punctuation) or a kind of debris. */
td_clean_reason rules_paragraph(const char *s, size_t len, const view *v, const rules_place *at);

/* What a short sentence inside a kept paragraph is: content, a question, prose without final
 * punctuation, or a prompt, note or credit hiding in a paragraph ("Click here to …"). */
td_clean_reason rules_sentence(const char *s, size_t len);

/* Whether the paragraph is an end-of-article marker ("About the author", "Leave a Reply",
 * "Related articles"): from it on, a page holds no more of the article. */
bool rules_end_marker(const view *v);

/* Whether a and b hold the same letters and digits (ASCII case folded, everything else skipped). */
bool rules_same_words(const char *a, size_t a_len, const char *b, size_t b_len);

/* A credit in brackets at the start of s ("(Jane Doe / Staff Photographer) About 100 …"):
 * the offset just past it, or 0. */
size_t rules_leading_credit(const char *s, size_t len);

#endif

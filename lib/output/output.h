/* output.h — internal to lib/output: pieces the renderings of comparisons and reports share. */
#ifndef TD_OUTPUT_H
#define TD_OUTPUT_H
#include <stdbool.h>

#include "common/buf.h"
#include "tidings.h"

/* A JSON string (escaped, quoted), or null for NULL. */
bool out_json_string(buf *b, const char *s);
/* A JSON array of article indexes. */
bool out_json_sources(buf *b, const size_t *sources, size_t n);
/* The comparison's fields of a JSON object, without braces: "documents":…,"quotes":…,
 * "consensus":…,"unique":…,"disagreements":… */
bool out_json_comparison(buf *b, const td_comparison *cmp, const td_cluster *c);
/* The headline of a story: the first article's title, else its first unit, else its id. */
const char *out_story_title(const td_comparison *cmp, const td_cluster *c);
/* The quote standing for group g: the text of its longest member. */
const td_quote *out_group_quote(const td_comparison *cmp, const td_quote_group *g);
/* Distinct articles of a quote group, ascending, into out (room for cmp->n_docs); returns how many. */
size_t out_group_sources(const td_comparison *cmp, const td_quote_group *g, size_t *out);

#endif

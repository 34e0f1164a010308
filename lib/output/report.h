/* report.h — internal to lib/output: the story report in its three forms (report_html.c,
 * report_md.c, report_json.c), and what they share (report.c). */
#ifndef TD_REPORT_H
#define TD_REPORT_H
#include "output/output.h"

/* Everything one report shows, gathered once. */
typedef struct report {
    const td_comparison *cmp;
    const td_summary *sum;
    const td_cluster *c;
    const char *title;      /* the story's headline */
    size_t *group_sources;  /* scratch: room for n_docs article indexes */
    size_t *speaker_order;  /* quote groups ordered by speaker (unknown last), then first appearance */
} report;

/* Whether sentence span of article doc is (part of) a sentence of the summary. */
bool report_in_summary(const report *r, size_t doc, td_span span);
/* Whether a paragraph break lies between two kept sentences of an article (a blank line, or a line
 * break in text without blank lines). */
bool report_paragraph_break(const char *text, size_t from, size_t to);
/* A short label of article d: its source, else its file name without folders. */
const char *report_doc_label(const td_cluster *c, size_t d);

bool report_html(buf *b, const report *r);
bool report_markdown(buf *b, const report *r);
bool report_json(buf *b, const report *r);

#endif

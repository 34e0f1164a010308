/* report.c — td_render_report: gathers what the story report shows and hands it to the form asked
 * for (HTML, Markdown, JSON). */
#include <stdlib.h>
#include <string.h>

#include "output/report.h"

bool report_in_summary(const report *r, size_t doc, td_span span)
{
    for (size_t i = 0; i < r->sum->n_sentences; i++) {
        const td_summary_sentence *s = &r->sum->sentences[i];
        if (s->doc == doc && s->span.start < span.end && span.start < s->span.end) return true;
    }
    return false;
}

bool report_paragraph_break(const char *text, size_t from, size_t to)
{
    size_t lines = 0;
    for (size_t i = from; i < to; i++) lines += text[i] == '\n';
    return lines >= 2 || (lines == 1 && !strstr(text, "\n\n"));
}

const char *report_doc_label(const td_cluster *c, size_t d)
{
    if (c->docs[d].source && *c->docs[d].source) return c->docs[d].source;
    const char *slash = strrchr(c->docs[d].name, '/');
    return slash && slash[1] ? slash + 1 : c->docs[d].name;
}

static const td_quote_groups *groups_of(const report *r)
{
    return r->cmp->quote_groups;
}

/* Quote groups by speaker: named speakers in order of their first quote, their quotes together,
 * unknown speakers last. */
static bool order_by_speaker(report *r)
{
    const td_quote_groups *g = groups_of(r);
    r->speaker_order = malloc((g->n ? g->n : 1) * sizeof *r->speaker_order);
    if (!r->speaker_order) return false;
    bool *placed = calloc(g->n ? g->n : 1, sizeof *placed);
    if (!placed) return false;
    size_t k = 0;
    for (size_t i = 0; i < g->n; i++) {
        if (placed[i] || !g->items[i].speaker) continue;
        for (size_t j = i; j < g->n; j++)
            if (!placed[j] && g->items[j].speaker && !strcmp(g->items[j].speaker, g->items[i].speaker)) {
                placed[j] = true;
                r->speaker_order[k++] = j;
            }
    }
    for (size_t i = 0; i < g->n; i++)
        if (!placed[i]) r->speaker_order[k++] = i;
    free(placed);
    return true;
}

char *td_render_report(const td_comparison *cmp, const td_summary *summary, const td_cluster *cluster,
                       td_report_format format)
{
    report r = {.cmp = cmp, .sum = summary, .c = cluster, .title = out_story_title(cmp, cluster)};
    r.group_sources = malloc((cmp->n_docs ? cmp->n_docs : 1) * sizeof *r.group_sources);
    buf b = {0};
    bool ok = r.group_sources && order_by_speaker(&r);
    if (ok) {
        switch (format) {
        case TD_REPORT_MARKDOWN: ok = report_markdown(&b, &r); break;
        case TD_REPORT_JSON: ok = report_json(&b, &r); break;
        default: ok = report_html(&b, &r); break;
        }
    }
    free(r.group_sources);
    free(r.speaker_order);
    if (!ok) {
        buf_free(&b);
        return NULL;
    }
    return buf_take(&b);
}

/* report_md.c — the story report in Markdown: the same sections as the HTML page, the coverage as a
 * table. Input text is escaped so that it stays text (HTML specials and Markdown marks). */
#include <stdlib.h>
#include <string.h>

#include "output/report.h"

enum { MAX_COLUMNS = 30 };

static bool md(buf *b, const char *s)
{
    bool ok = true;
    for (; ok && s && *s; s++) {
        switch (*s) {
        case '<': ok = buf_puts(b, "&lt;"); break;
        case '>': ok = buf_puts(b, "&gt;"); break;
        case '&': ok = buf_puts(b, "&amp;"); break;
        case '\n': ok = buf_putc(b, ' '); break;
        case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '|': case '!':
            ok = buf_putc(b, '\\') && buf_putc(b, *s);
            break;
        default: ok = buf_putc(b, *s);
        }
    }
    return ok;
}

static bool refs(buf *b, const size_t *sources, size_t n)
{
    bool ok = buf_puts(b, " [");
    for (size_t i = 0; ok && i < n; i++) ok = (!i || buf_putc(b, ',')) && buf_put_size(b, sources[i] + 1);
    return ok && buf_puts(b, "]\n");
}

static bool units(buf *b, const char *heading, const td_unit *u, size_t n)
{
    bool ok = buf_printf(b, "\n## %s\n\n", heading);
    if (!n) return ok && buf_puts(b, "None.\n");
    for (size_t i = 0; ok && i < n; i++)
        ok = buf_puts(b, "- ") && md(b, u[i].first.text) &&
             (!u[i].disputed || buf_puts(b, " (figures differ between articles)")) && refs(b, u[i].sources, u[i].n_sources);
    return ok;
}

bool report_markdown(buf *b, const report *r)
{
    const td_comparison *cmp = r->cmp;
    const td_cluster *c = r->c;
    bool ok = buf_puts(b, "# ") && md(b, r->title) && buf_puts(b, "\n\n## Summary\n\n");
    for (size_t i = 0; ok && i < r->sum->n_sentences; i++)
        ok = buf_printf(b, "%zu. ", i + 1) && md(b, r->sum->sentences[i].text) &&
             refs(b, r->sum->sentences[i].sources, r->sum->sentences[i].n_sources);
    ok = ok && buf_puts(b, "\n## Where the articles disagree\n\n");
    if (!cmp->n_disagreements) ok = ok && buf_puts(b, "No disagreements found.\n");
    for (size_t i = 0; ok && i < cmp->n_disagreements; i++) {
        const td_disagreement *d = &cmp->disagreements[i];
        ok = buf_puts(b, "### ") && md(b, d->about) && buf_puts(b, "\n\n| article | says | sentence |\n|---|---|---|\n");
        for (size_t k = 0; ok && k < d->n_claims; k++)
            ok = buf_printf(b, "| [%zu] ", d->claims[k].doc + 1) && md(b, report_doc_label(c, d->claims[k].doc)) &&
                 buf_puts(b, " | **") && md(b, d->claims[k].value) && buf_puts(b, "** | ") && md(b, d->claims[k].text) &&
                 buf_puts(b, " |\n");
        ok = ok && buf_putc(b, '\n');
    }
    ok = ok && buf_puts(b, "\n## Who said what\n\n");
    const td_quote_groups *g = cmp->quote_groups;
    if (!g->n) ok = ok && buf_puts(b, "No direct quotes.\n");
    const char *current = "";
    for (size_t i = 0; ok && i < g->n; i++) {
        const td_quote_group *q = &g->items[r->speaker_order[i]];
        const char *speaker = q->speaker ? q->speaker : "Speaker not named";
        if (strcmp(speaker, current)) {
            ok = buf_puts(b, "\n### ") && md(b, speaker) && (!q->role || (buf_puts(b, " (") && md(b, q->role) && buf_putc(b, ')'))) &&
                 buf_puts(b, "\n\n");
            current = speaker;
        }
        size_t n = out_group_sources(cmp, q, r->group_sources);
        ok = ok && buf_puts(b, "> \u201c") && md(b, out_group_quote(cmp, q)->text) && buf_puts(b, "\u201d") &&
             refs(b, r->group_sources, n) && buf_putc(b, '\n');
    }
    size_t cols = cmp->n_units < MAX_COLUMNS ? cmp->n_units : MAX_COLUMNS;
    ok = ok && buf_printf(b, "\n## Who reports what\n\nArticles by content unit, from consensus to unique (%zu of %zu units; "
                             "\u25a0 reports it).\n\n| article |", cols, cmp->n_units);
    for (size_t u = 0; ok && u < cols; u++) ok = buf_printf(b, " %zu |", u + 1);
    ok = ok && buf_puts(b, "\n|---|");
    for (size_t u = 0; ok && u < cols; u++) ok = buf_puts(b, "---|");
    for (size_t d = 0; ok && d < c->n_docs; d++) {
        ok = buf_printf(b, "\n| [%zu] ", d + 1) && md(b, report_doc_label(c, d)) && buf_puts(b, " |");
        for (size_t u = 0; ok && u < cols; u++) {
            bool has = false;
            for (size_t k = 0; k < cmp->units[u].n_sources; k++) has |= cmp->units[u].sources[k] == d;
            ok = buf_puts(b, has ? " \u25a0 |" : "   |");
        }
    }
    ok = ok && buf_putc(b, '\n') && units(b, "What most articles report", cmp->units, cmp->n_consensus) &&
         buf_puts(b, "\n## Only one article reports\n");
    if (!cmp->n_unique) ok = ok && buf_puts(b, "\nNone.\n");
    const td_unit *unique = cmp->units + cmp->n_units - cmp->n_unique;
    for (size_t d = 0; ok && d < c->n_docs; d++) {
        bool heading = false;
        for (size_t i = 0; ok && i < cmp->n_unique; i++) {
            if (unique[i].sources[0] != d) continue;
            if (!heading) ok = buf_printf(b, "\n### [%zu] ", d + 1) && md(b, report_doc_label(c, d)) && buf_puts(b, "\n\n");
            heading = true;
            ok = ok && buf_puts(b, "- ") && md(b, unique[i].first.text) && buf_putc(b, '\n');
        }
    }
    if (cmp->n_timeline) ok = ok && buf_puts(b, "\n## Timeline\n\n");
    for (size_t i = 0; ok && i < cmp->n_timeline; i++)
        ok = buf_puts(b, "- **") && md(b, cmp->timeline[i].when) && buf_puts(b, "**: ") && md(b, cmp->timeline[i].first.text) &&
             refs(b, cmp->timeline[i].sources, cmp->timeline[i].n_sources);
    ok = ok && buf_puts(b, "\n## The articles\n\nSentences of the summary are in **bold**.\n");
    for (size_t d = 0; ok && d < c->n_docs; d++) {
        ok = buf_printf(b, "\n### [%zu] ", d + 1) && md(b, c->docs[d].title ? c->docs[d].title : c->docs[d].name) &&
             buf_puts(b, "\n\n");
        const td_span *spans = cmp->sentences[d];
        for (size_t i = 0; ok && i < cmp->n_sentences[d]; i++) {
            if (i) ok = buf_puts(b, report_paragraph_break(c->docs[d].text, spans[i - 1].end, spans[i].start) ? "\n\n" : " ");
            char *text = td_sentence_text(c->docs[d].text, spans[i]);
            bool marked = report_in_summary(r, d, spans[i]);
            ok = ok && text && (!marked || buf_puts(b, "**")) && md(b, text) && (!marked || buf_puts(b, "**"));
            free(text);
        }
        ok = ok && buf_putc(b, '\n');
    }
    return ok;
}

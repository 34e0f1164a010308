/* report_html.c — the story report as one self-contained HTML page: no scripts, no external
 * resources (a Content-Security-Policy forbids them), inline CSS that reads at 375 px and prints,
 * an inline SVG heat map of which article reports which content. Every piece of input is escaped. */
#include <stdio.h>
#include <string.h>

#include "output/report.h"

/* The heat map fits the text column (about 800 px) with cells of 8 to 14 px; wider maps scroll in their box. */
enum { MAX_COLUMNS = 80, MAX_CELL = 14, MIN_CELL = 8, MAP_WIDTH = 800, LABEL_WIDTH = 120, HEADER = 22 };

static const char style[] =
    ":root{--ink:#1d1d1f;--muted:#5f6368;--line:#d9dce1;--accent:#0b57d0;--mark:#fff3b0;--bg:#fff}"
    "*{box-sizing:border-box}"
    "body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.55 system-ui,-apple-system,'Segoe UI',"
    "Roboto,'Helvetica Neue',Arial,sans-serif;overflow-wrap:anywhere}"
    "main{max-width:52rem;margin:0 auto;padding:1rem 1rem 3rem}"
    "h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 .25rem}"
    "h2{font-size:1.2rem;margin:2rem 0 .5rem;padding-bottom:.25rem;border-bottom:2px solid var(--line)}"
    "h3{font-size:1rem;margin:1rem 0 .25rem}"
    ".meta,.note{color:var(--muted);font-size:.9rem}"
    ".src{display:inline-block;min-width:1.4em;padding:0 .35em;margin-left:.2em;border-radius:.6em;"
    "background:#e8eefc;color:var(--accent);font-size:.75rem;font-weight:600;text-align:center;line-height:1.5}"
    "ol.summary li,ul.units li{margin:.35rem 0}"
    ".disputed{margin-left:.4em;color:#a4262c;font-size:.8rem;font-weight:600}"
    ".claims{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.75rem}"
    ".claim{border:1px solid var(--line);border-radius:.5rem;padding:.6rem .75rem;break-inside:avoid}"
    ".claim .value{font-weight:700;font-size:1.05rem}"
    ".claim p{margin:.3rem 0 0;font-size:.92rem}"
    ".disagreement{margin:1rem 0 1.25rem}"
    "blockquote{margin:.4rem 0;padding:.2rem .8rem;border-left:3px solid var(--line)}"
    "figure{margin:0}.heat{overflow-x:auto}.heat svg{display:block;max-width:none}"
    "figcaption{color:var(--muted);font-size:.85rem;margin-top:.3rem}"
    "ol.timeline{list-style:none;padding:0}ol.timeline li{margin:.4rem 0;padding-left:.8rem;"
    "border-left:3px solid var(--accent)}"
    "ol.timeline b{display:block}"
    "mark{background:var(--mark);color:inherit;padding:0 .1em}"
    "article{border-top:1px solid var(--line);margin-top:1rem}"
    "article p{margin:.5rem 0}"
    "@media print{body{font-size:11pt}main{max-width:none}h2{break-after:avoid}article{break-inside:auto}"
    ".claim,blockquote{break-inside:avoid}}";

static bool esc_n(buf *b, const char *s, size_t n)
{
    bool ok = true;
    size_t from = 0;
    for (size_t i = 0; ok && i < n; i++) {
        const char *rep = NULL;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: continue;
        }
        ok = buf_append(b, s + from, i - from) && buf_puts(b, rep);
        from = i + 1;
    }
    return ok && buf_append(b, s + from, n - from);
}

static bool esc(buf *b, const char *s)
{
    return s ? esc_n(b, s, strlen(s)) : true;
}

/* Source badges: "1 2", each with the article's label as its title. */
static bool badges(buf *b, const report *r, const size_t *sources, size_t n)
{
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++)
        ok = buf_puts(b, "<a class=\"src\" href=\"#doc") && buf_put_size(b, sources[i] + 1) && buf_puts(b, "\" title=\"") &&
             esc(b, report_doc_label(r->c, sources[i])) && buf_puts(b, "\">") && buf_put_size(b, sources[i] + 1) &&
             buf_puts(b, "</a>");
    return ok;
}

static bool summary_section(buf *b, const report *r)
{
    bool ok = buf_puts(b, "<section id=\"summary\"><h2>Summary</h2><ol class=\"summary\">");
    for (size_t i = 0; ok && i < r->sum->n_sentences; i++) {
        const td_summary_sentence *s = &r->sum->sentences[i];
        ok = buf_puts(b, "<li>") && esc(b, s->text) && badges(b, r, s->sources, s->n_sources) && buf_puts(b, "</li>");
    }
    return ok && buf_puts(b, "</ol></section>");
}

static bool disagreements_section(buf *b, const report *r)
{
    const td_comparison *cmp = r->cmp;
    bool ok = buf_puts(b, "<section id=\"disagreements\"><h2>Where the articles disagree</h2>");
    if (!cmp->n_disagreements) ok = ok && buf_puts(b, "<p class=\"note\">No disagreements found.</p>");
    for (size_t i = 0; ok && i < cmp->n_disagreements; i++) {
        const td_disagreement *d = &cmp->disagreements[i];
        ok = buf_puts(b, "<div class=\"disagreement\"><h3>") && esc(b, d->about) && buf_puts(b, "</h3><div class=\"claims\">");
        for (size_t k = 0; ok && k < d->n_claims; k++) {
            const td_claim *c = &d->claims[k];
            ok = buf_puts(b, "<div class=\"claim\"><div class=\"value\">") && esc(b, c->value) && buf_puts(b, "</div>") &&
                 buf_puts(b, "<div class=\"meta\">") && esc(b, report_doc_label(r->c, c->doc)) &&
                 badges(b, r, &c->doc, 1) && buf_puts(b, "</div><p>") && esc(b, c->text) && buf_puts(b, "</p></div>");
        }
        ok = ok && buf_puts(b, "</div></div>");
    }
    return ok && buf_puts(b, "</section>");
}

static bool quotes_section(buf *b, const report *r)
{
    const td_quote_groups *g = r->cmp->quote_groups;
    bool ok = buf_puts(b, "<section id=\"quotes\"><h2>Who said what</h2>");
    if (!g->n) ok = ok && buf_puts(b, "<p class=\"note\">No direct quotes.</p>");
    const char *current = "";
    for (size_t i = 0; ok && i < g->n; i++) {
        const td_quote_group *q = &g->items[r->speaker_order[i]];
        const char *speaker = q->speaker ? q->speaker : "Speaker not named";
        if (strcmp(speaker, current) != 0) {
            ok = buf_puts(b, "<h3>") && esc(b, speaker) &&
                 (!q->role || (buf_puts(b, " <span class=\"meta\">") && esc(b, q->role) && buf_puts(b, "</span>"))) &&
                 buf_puts(b, "</h3>");
            current = speaker;
        }
        size_t n = out_group_sources(r->cmp, q, r->group_sources);
        ok = ok && buf_puts(b, "<blockquote>\u201c") && esc(b, out_group_quote(r->cmp, q)->text) && buf_puts(b, "\u201d") &&
             badges(b, r, r->group_sources, n) && buf_puts(b, "</blockquote>");
    }
    return ok && buf_puts(b, "</section>");
}

/* The heat map: articles as rows, content units as columns from consensus to unique. */
static bool coverage_section(buf *b, const report *r)
{
    const td_comparison *cmp = r->cmp;
    size_t cols = cmp->n_units < MAX_COLUMNS ? cmp->n_units : MAX_COLUMNS;
    size_t cell = cols ? (MAP_WIDTH - LABEL_WIDTH) / cols : MAX_CELL;
    cell = cell > MAX_CELL ? MAX_CELL : cell < MIN_CELL ? MIN_CELL : cell;
    size_t width = LABEL_WIDTH + cols * cell + 4, height = HEADER + cmp->n_docs * cell + 4;
    size_t font = cell < 11 ? cell + 1 : 11;
    bool ok = buf_puts(b, "<section id=\"coverage\"><h2>Who reports what</h2><figure><div class=\"heat\">") &&
              buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %zu %zu\" width=\"%zu\" "
                            "role=\"img\" aria-labelledby=\"cov-title cov-desc\">", width, height, width) &&
              buf_puts(b, "<title id=\"cov-title\">Coverage of the story's content by article</title>") &&
              buf_printf(b, "<desc id=\"cov-desc\">Rows are the %zu articles; columns are %zu content units, from those "
                            "most articles report (left) to details only one reports (right). A filled cell means "
                            "the article reports that unit.</desc>", cmp->n_docs, cols) &&
              buf_printf(b, "<text x=\"%d\" y=\"14\" font-size=\"11\" fill=\"#5f6368\">consensus \u2192 unique</text>",
                         LABEL_WIDTH);
    for (size_t d = 0; ok && d < cmp->n_docs; d++) {
        char label[24];
        snprintf(label, sizeof label, "%.16s", report_doc_label(r->c, d));
        ok = buf_printf(b, "<text x=\"0\" y=\"%zu\" font-size=\"%zu\" fill=\"#1d1d1f\">%zu ", HEADER + d * cell + cell - 3,
                        font, d + 1) &&
             esc(b, label) && buf_puts(b, "<title>") && esc(b, r->c->docs[d].title ? r->c->docs[d].title : r->c->docs[d].name) &&
             buf_puts(b, "</title></text>");
    }
    for (size_t u = 0; ok && u < cols; u++) {
        const td_unit *unit = &cmp->units[u];
        double share = cmp->n_docs ? (double)unit->n_sources / (double)cmp->n_docs : 0;
        for (size_t d = 0; ok && d < cmp->n_docs; d++) {
            bool has = false;
            for (size_t k = 0; k < unit->n_sources; k++) has |= unit->sources[k] == d;
            /* darker blue for content more articles share */
            int light = has ? 80 - (int)(share * 45) : 96;
            ok = buf_printf(b, "<rect x=\"%zu\" y=\"%zu\" width=\"%zu\" height=\"%zu\" rx=\"2\" fill=\"hsl(%d,%d%%,%d%%)\">"
                               "<title>", LABEL_WIDTH + u * cell, HEADER + d * cell, cell - 2, cell - 2,
                            has ? 216 : 220, has ? 70 : 10, light) &&
                 buf_printf(b, "Article %zu %s unit %zu (%zu of %zu articles): ", d + 1, has ? "reports" : "does not report",
                            u + 1, unit->n_sources, cmp->n_docs) &&
                 esc(b, unit->first.text) && buf_puts(b, "</title></rect>");
        }
    }
    ok = ok && buf_puts(b, "</svg></div><figcaption>");
    if (cmp->n_units > cols) ok = ok && buf_printf(b, "The first %zu of %zu content units. ", cols, cmp->n_units);
    return ok && buf_printf(b, "%zu reported by most articles, %zu by one only.", cmp->n_consensus, cmp->n_unique) &&
           buf_puts(b, "</figcaption></figure></section>");
}

static bool units_list(buf *b, const report *r, const char *id, const char *heading, const td_unit *u, size_t n)
{
    bool ok = buf_printf(b, "<section id=\"%s\"><h2>%s</h2>", id, heading);
    if (!n) return ok && buf_puts(b, "<p class=\"note\">None.</p></section>");
    ok = ok && buf_puts(b, "<ul class=\"units\">");
    for (size_t i = 0; ok && i < n; i++)
        ok = buf_puts(b, "<li>") && esc(b, u[i].first.text) && badges(b, r, u[i].sources, u[i].n_sources) &&
             (!u[i].disputed ||
              buf_puts(b, " <a class=\"disputed\" href=\"#disagreements\">figures differ between articles</a>")) &&
             buf_puts(b, "</li>");
    return ok && buf_puts(b, "</ul></section>");
}

/* The details only one article reports, under that article's name. */
static bool unique_section(buf *b, const report *r)
{
    const td_comparison *cmp = r->cmp;
    const td_unit *u = cmp->units + cmp->n_units - cmp->n_unique;
    bool ok = buf_puts(b, "<section id=\"unique\"><h2>Only one article reports</h2>");
    if (!cmp->n_unique) return ok && buf_puts(b, "<p class=\"note\">None.</p></section>");
    for (size_t d = 0; ok && d < cmp->n_docs; d++) {
        size_t n = 0;
        for (size_t i = 0; i < cmp->n_unique; i++) n += u[i].sources[0] == d;
        if (!n) continue;
        ok = buf_puts(b, "<h3>") && esc(b, report_doc_label(r->c, d)) && badges(b, r, &d, 1) &&
             buf_printf(b, " <span class=\"meta\">%zu</span></h3><ul class=\"units\">", n);
        for (size_t i = 0; ok && i < cmp->n_unique; i++)
            if (u[i].sources[0] == d) ok = buf_puts(b, "<li>") && esc(b, u[i].first.text) && buf_puts(b, "</li>");
        ok = ok && buf_puts(b, "</ul>");
    }
    return ok && buf_puts(b, "</section>");
}

static bool timeline_section(buf *b, const report *r)
{
    const td_comparison *cmp = r->cmp;
    if (!cmp->n_timeline) return true;
    bool ok = buf_puts(b, "<section id=\"timeline\"><h2>Timeline</h2><ol class=\"timeline\">");
    for (size_t i = 0; ok && i < cmp->n_timeline; i++) {
        const td_dated *t = &cmp->timeline[i];
        ok = buf_puts(b, "<li><b>") && esc(b, t->when) && buf_puts(b, "</b>") && esc(b, t->first.text) &&
             badges(b, r, t->sources, t->n_sources) && buf_puts(b, "</li>");
    }
    return ok && buf_puts(b, "</ol></section>");
}

static bool articles_section(buf *b, const report *r)
{
    const td_cluster *c = r->c;
    bool ok = buf_puts(b, "<section id=\"articles\"><h2>The articles</h2>"
                          "<p class=\"note\">Cleaned of web debris; <mark>marked</mark> sentences are in the summary.</p>");
    for (size_t d = 0; ok && d < c->n_docs; d++) {
        const td_document *doc = &c->docs[d];
        ok = buf_printf(b, "<article id=\"doc%zu\"><h3>%zu. ", d + 1, d + 1) &&
             esc(b, doc->title ? doc->title : doc->name) && buf_puts(b, "</h3><div class=\"meta\">") &&
             esc(b, doc->name) && (!doc->date || (buf_puts(b, " \u00b7 ") && esc(b, doc->date))) &&
             (!doc->url || (buf_puts(b, " \u00b7 ") && esc(b, doc->url))) && buf_puts(b, "</div><p>");
        const td_span *spans = r->cmp->sentences[d];
        for (size_t i = 0; ok && i < r->cmp->n_sentences[d]; i++) {
            if (i && report_paragraph_break(doc->text, spans[i - 1].end, spans[i].start)) ok = buf_puts(b, "</p><p>");
            else if (i) ok = buf_putc(b, ' ');
            bool marked = report_in_summary(r, d, spans[i]);
            ok = ok && (!marked || buf_puts(b, "<mark>")) &&
                 esc_n(b, doc->text + spans[i].start, spans[i].end - spans[i].start) && (!marked || buf_puts(b, "</mark>"));
        }
        ok = ok && buf_puts(b, "</p></article>");
    }
    return ok && buf_puts(b, "</section>");
}

bool report_html(buf *b, const report *r)
{
    const td_comparison *cmp = r->cmp;
    bool ok = buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                          "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">"
                          "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                          "<meta name=\"generator\" content=\"tidings " TD_VERSION "\"><title>") &&
              esc(b, r->title) && buf_puts(b, "</title><style>") && buf_puts(b, style) &&
              buf_puts(b, "</style></head><body><main><header><h1>") && esc(b, r->title) &&
              buf_printf(b, "</h1><p class=\"meta\">%zu articles: ", cmp->n_docs);
    for (size_t d = 0; ok && d < r->c->n_docs; d++)
        ok = (!d || buf_puts(b, ", ")) && esc(b, report_doc_label(r->c, d)) && badges(b, r, &d, 1);
    ok = ok && buf_puts(b, "</p></header>") && summary_section(b, r) && disagreements_section(b, r) &&
         quotes_section(b, r) && coverage_section(b, r) &&
         units_list(b, r, "consensus", "What most articles report", cmp->units, cmp->n_consensus) &&
         unique_section(b, r) &&
         timeline_section(b, r) && articles_section(b, r) &&
         buf_puts(b, "<footer class=\"note\"><p>Made by tidings " TD_VERSION " from the articles alone; no data left "
                     "this page.</p></footer></main></body></html>\n");
    return ok;
}

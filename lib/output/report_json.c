/* report_json.c — the story report as one JSON line: the comparison's fields (as tidings compare
 * --json), the summary, every content unit, the timeline and the cleaned articles. */
#include <stdlib.h>

#include "output/report.h"

static bool json_unit_list(buf *b, const td_unit *u, size_t n)
{
    bool ok = buf_putc(b, '[');
    for (size_t i = 0; ok && i < n; i++)
        ok = buf_puts(b, i ? ",{\"text\":" : "{\"text\":") && out_json_string(b, u[i].first.text) &&
             buf_puts(b, ",\"sources\":") && out_json_sources(b, u[i].sources, u[i].n_sources) && buf_putc(b, '}');
    return ok && buf_putc(b, ']');
}

bool report_json(buf *b, const report *r)
{
    const td_comparison *cmp = r->cmp;
    bool ok = buf_puts(b, "{\"id\":") && out_json_string(b, r->c->id) && buf_puts(b, ",\"title\":") &&
              out_json_string(b, r->title) && buf_puts(b, ",\"summary\":[");
    for (size_t i = 0; ok && i < r->sum->n_sentences; i++) {
        const td_summary_sentence *s = &r->sum->sentences[i];
        ok = buf_puts(b, i ? ",{\"text\":" : "{\"text\":") && out_json_string(b, s->text) && buf_puts(b, ",\"doc\":") &&
             buf_put_size(b, s->doc) && buf_puts(b, ",\"sources\":") && out_json_sources(b, s->sources, s->n_sources) &&
             buf_putc(b, '}');
    }
    ok = ok && buf_puts(b, "],") && out_json_comparison(b, cmp, r->c) && buf_puts(b, ",\"coverage\":") &&
         json_unit_list(b, cmp->units, cmp->n_units) && buf_puts(b, ",\"timeline\":[");
    for (size_t i = 0; ok && i < cmp->n_timeline; i++)
        ok = buf_puts(b, i ? ",{\"when\":" : "{\"when\":") && out_json_string(b, cmp->timeline[i].when) &&
             buf_puts(b, ",\"text\":") && out_json_string(b, cmp->timeline[i].first.text) && buf_puts(b, ",\"sources\":") &&
             out_json_sources(b, cmp->timeline[i].sources, cmp->timeline[i].n_sources) && buf_putc(b, '}');
    ok = ok && buf_puts(b, "],\"articles\":[");
    for (size_t d = 0; ok && d < r->c->n_docs; d++) {
        ok = buf_puts(b, d ? ",{\"index\":" : "{\"index\":") && buf_put_size(b, d) && buf_puts(b, ",\"sentences\":[");
        for (size_t i = 0; ok && i < cmp->n_sentences[d]; i++) {
            char *text = td_sentence_text(r->c->docs[d].text, cmp->sentences[d][i]);
            ok = text && buf_puts(b, i ? ",{\"text\":" : "{\"text\":") && out_json_string(b, text) &&
                 buf_puts(b, ",\"in_summary\":") &&
                 buf_puts(b, report_in_summary(r, d, cmp->sentences[d][i]) ? "true}" : "false}");
            free(text);
        }
        ok = ok && buf_puts(b, "]}");
    }
    return ok && buf_puts(b, "]}\n");
}

/* compare_render.c — a comparison as readable text or as one JSON line (td_render_comparison),
 * and the JSON fields the report shares. */
#include <stdlib.h>
#include <string.h>

#include "output/output.h"

bool out_json_string(buf *b, const char *s)
{
    if (!s) return buf_puts(b, "null");
    return buf_putc(b, '"') && buf_json_escape(b, s, strlen(s)) && buf_putc(b, '"');
}

bool out_json_sources(buf *b, const size_t *sources, size_t n)
{
    bool ok = buf_putc(b, '[');
    for (size_t i = 0; ok && i < n; i++) ok = (!i || buf_putc(b, ',')) && buf_put_size(b, sources[i]);
    return ok && buf_putc(b, ']');
}

const char *out_story_title(const td_comparison *cmp, const td_cluster *c)
{
    for (size_t d = 0; d < c->n_docs; d++)
        if (c->docs[d].title && *c->docs[d].title) return c->docs[d].title;
    if (cmp->n_units) return cmp->units[0].first.text;
    return c->id;
}

const td_quote *out_group_quote(const td_comparison *cmp, const td_quote_group *g)
{
    return &cmp->quotes[g->longest.doc]->items[g->longest.quote];
}

size_t out_group_sources(const td_comparison *cmp, const td_quote_group *g, size_t *out)
{
    size_t n = 0;
    (void)cmp;
    for (size_t r = 0; r < g->n_refs; r++) {
        size_t d = g->refs[r].doc, k = n;
        while (k > 0 && out[k - 1] > d) k--;
        if (k > 0 && out[k - 1] == d) continue;
        memmove(out + k + 1, out + k, (n - k) * sizeof *out);
        out[k] = d;
        n++;
    }
    return n;
}

static bool json_claim(buf *b, const td_claim *c, const char *source_key)
{
    return buf_puts(b, "{\"") && buf_puts(b, source_key) && buf_puts(b, "\":") && buf_put_size(b, c->doc) &&
           buf_puts(b, ",\"text\":") && out_json_string(b, c->text) && buf_puts(b, ",\"offset\":") &&
           buf_put_size(b, c->span.start) && buf_puts(b, ",\"length\":") &&
           buf_put_size(b, c->span.end - c->span.start);
}

static bool json_units(buf *b, const td_unit *u, size_t n)
{
    bool ok = buf_putc(b, '[');
    for (size_t i = 0; ok && i < n; i++) {
        ok = (!i || buf_putc(b, ',')) && json_claim(b, &u[i].first, "doc") && buf_puts(b, ",\"sources\":") &&
             out_json_sources(b, u[i].sources, u[i].n_sources) && buf_puts(b, ",\"disputed\":") &&
             buf_puts(b, u[i].disputed ? "true" : "false") && buf_puts(b, ",\"members\":[");
        for (size_t k = 0; ok && k < u[i].n_members; k++)
            ok = (!k || buf_putc(b, ',')) && buf_puts(b, "{\"source\":") && buf_put_size(b, u[i].members[k].doc) &&
                 buf_puts(b, ",\"offset\":") && buf_put_size(b, u[i].members[k].span.start) &&
                 buf_puts(b, ",\"length\":") && buf_put_size(b, u[i].members[k].span.end - u[i].members[k].span.start) &&
                 buf_putc(b, '}');
        ok = ok && buf_puts(b, "]}");
    }
    return ok && buf_putc(b, ']');
}

bool out_json_comparison(buf *b, const td_comparison *cmp, const td_cluster *c)
{
    bool ok = buf_puts(b, "\"documents\":[");
    for (size_t d = 0; ok && d < c->n_docs; d++)
        ok = buf_puts(b, d ? ",{\"index\":" : "{\"index\":") && buf_put_size(b, d) && buf_puts(b, ",\"name\":") &&
             out_json_string(b, c->docs[d].name) && buf_puts(b, ",\"title\":") &&
             out_json_string(b, c->docs[d].title) && buf_putc(b, '}');
    ok = ok && buf_puts(b, "],\"quotes\":[");
    size_t *sources = malloc((cmp->n_docs ? cmp->n_docs : 1) * sizeof *sources);
    ok = ok && sources;
    for (size_t i = 0; ok && i < cmp->quote_groups->n; i++) {
        const td_quote_group *g = &cmp->quote_groups->items[i];
        size_t n = out_group_sources(cmp, g, sources);
        ok = buf_puts(b, i ? ",{\"text\":" : "{\"text\":") && out_json_string(b, out_group_quote(cmp, g)->text) &&
             buf_puts(b, ",\"speaker\":") && out_json_string(b, g->speaker) && buf_puts(b, ",\"role\":") &&
             out_json_string(b, g->role) && buf_puts(b, ",\"sources\":") && out_json_sources(b, sources, n) &&
             buf_putc(b, '}');
    }
    free(sources);
    ok = ok && buf_puts(b, "],\"consensus\":") && json_units(b, cmp->units, cmp->n_consensus) &&
         buf_puts(b, ",\"unique\":") && json_units(b, cmp->units + cmp->n_units - cmp->n_unique, cmp->n_unique) &&
         buf_puts(b, ",\"disagreements\":[");
    for (size_t i = 0; ok && i < cmp->n_disagreements; i++) {
        const td_disagreement *d = &cmp->disagreements[i];
        ok = buf_puts(b, i ? ",{\"about\":" : "{\"about\":") && out_json_string(b, d->about) &&
             buf_puts(b, ",\"kind\":") && out_json_string(b, td_disagreement_kind_name(d->kind)) &&
             buf_puts(b, ",\"claims\":[");
        for (size_t k = 0; ok && k < d->n_claims; k++)
            ok = (!k || buf_putc(b, ',')) && json_claim(b, &d->claims[k], "source") && buf_puts(b, ",\"value\":") &&
                 out_json_string(b, d->claims[k].value) && buf_putc(b, '}');
        ok = ok && buf_puts(b, "]}");
    }
    return ok && buf_putc(b, ']');
}

static bool text_sources(buf *b, const size_t *sources, size_t n)
{
    bool ok = buf_puts(b, " [");
    for (size_t i = 0; ok && i < n; i++) ok = (!i || buf_putc(b, ',')) && buf_put_size(b, sources[i] + 1);
    return ok && buf_puts(b, "]\n");
}

static bool text_units(buf *b, const char *heading, const td_unit *u, size_t n)
{
    if (!n) return true;
    bool ok = buf_printf(b, "\n%s\n", heading);
    for (size_t i = 0; ok && i < n; i++)
        ok = buf_puts(b, "  - ") && buf_puts(b, u[i].first.text) &&
             (!u[i].disputed || buf_puts(b, " (figures differ, see Disagreements)")) &&
             text_sources(b, u[i].sources, u[i].n_sources);
    return ok;
}

static bool render_text(buf *b, const td_comparison *cmp, const td_cluster *c)
{
    bool ok = buf_printf(b, "Story %s: %s\n", c->id, out_story_title(cmp, c));
    if (cmp->n_disagreements) ok = ok && buf_puts(b, "\nDisagreements\n");
    for (size_t i = 0; ok && i < cmp->n_disagreements; i++) {
        const td_disagreement *d = &cmp->disagreements[i];
        ok = buf_printf(b, "  * %s\n", d->about);
        for (size_t k = 0; ok && k < d->n_claims; k++)
            ok = buf_printf(b, "    [%zu] %s: %s\n", d->claims[k].doc + 1, d->claims[k].value, d->claims[k].text);
    }
    ok = ok && text_units(b, "Consensus (most articles report it)", cmp->units, cmp->n_consensus) &&
         text_units(b, "Unique details (one article only)", cmp->units + cmp->n_units - cmp->n_unique, cmp->n_unique);
    size_t *sources = malloc((cmp->n_docs ? cmp->n_docs : 1) * sizeof *sources);
    ok = ok && sources && (!cmp->quote_groups->n || buf_puts(b, "\nQuotes\n"));
    for (size_t i = 0; ok && i < cmp->quote_groups->n; i++) {
        const td_quote_group *g = &cmp->quote_groups->items[i];
        size_t n = out_group_sources(cmp, g, sources);
        ok = buf_printf(b, "  %s%s%s%s: \u201c%s\u201d", g->speaker ? g->speaker : "(unknown)", g->role ? " (" : "",
                        g->role ? g->role : "", g->role ? ")" : "", out_group_quote(cmp, g)->text) &&
             text_sources(b, sources, n);
    }
    free(sources);
    ok = ok && buf_puts(b, "\nArticles\n");
    for (size_t d = 0; ok && d < c->n_docs; d++)
        ok = buf_printf(b, "  [%zu] %s%s%s\n", d + 1, c->docs[d].name, c->docs[d].title ? " — " : "",
                        c->docs[d].title ? c->docs[d].title : "");
    return ok;
}

char *td_render_comparison(const td_comparison *cmp, const td_cluster *cluster, td_output_format format)
{
    buf b = {0};
    bool ok;
    if (format == TD_OUTPUT_JSON)
        ok = buf_puts(&b, "{\"id\":") && out_json_string(&b, cluster->id) && buf_putc(&b, ',') &&
             out_json_comparison(&b, cmp, cluster) && buf_puts(&b, "}\n");
    else
        ok = render_text(&b, cmp, cluster);
    if (!ok) {
        buf_free(&b);
        return NULL;
    }
    return buf_take(&b);
}

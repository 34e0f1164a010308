/* render.c — a summary as text, JSON Lines or Markdown (td_render_summary). */
#include "output/output.h"

/* The headline of the story: the first article title there is. */
static const char *story_title(const td_cluster *c)
{
    for (size_t i = 0; i < c->n_docs; i++)
        if (c->docs[i].title && c->docs[i].title[0]) return c->docs[i].title;
    return NULL;
}

/* "[1,2]": 1-based source numbers. */
static bool put_sources(buf *b, const td_summary_sentence *s, const char *sep)
{
    bool ok = buf_putc(b, '[');
    for (size_t k = 0; k < s->n_sources && ok; k++) ok = buf_printf(b, "%s%zu", k ? sep : "", s->sources[k] + 1);
    return ok && buf_putc(b, ']');
}

static bool render_text(buf *b, const td_summary *sum, const td_cluster *c)
{
    bool ok = true;
    for (size_t i = 0; i < sum->n_sentences && ok; i++) {
        ok = buf_puts(b, sum->sentences[i].text) && buf_putc(b, ' ') && put_sources(b, &sum->sentences[i], ",") &&
             buf_putc(b, '\n');
    }
    ok = ok && buf_putc(b, '\n');
    for (size_t d = 0; d < c->n_docs && ok; d++) {
        const td_document *doc = &c->docs[d];
        ok = buf_printf(b, "[%zu] %s", d + 1, doc->name);
        if (ok && doc->title) ok = buf_printf(b, " \xe2\x80\x94 %s", doc->title);
        ok = ok && buf_putc(b, '\n');
    }
    return ok;
}

static bool json_string_field(buf *b, const char *key, const char *value)
{
    return buf_putc(b, '"') && buf_puts(b, key) && buf_puts(b, "\":") && out_json_string(b, value);
}

static bool render_json(buf *b, const td_summary *sum, const td_cluster *c, const td_summary_opts *opts)
{
    bool ok = buf_putc(b, '{') && json_string_field(b, "id", c->id) && buf_putc(b, ',') &&
              json_string_field(b, "method", td_method_name(sum->method)) &&
              buf_puts(b, ",\"words\":") && buf_put_size(b, sum->words) && buf_puts(b, ",\"bytes\":") &&
              buf_put_size(b, sum->bytes) && buf_puts(b, ",\"budget\":{\"words\":") && buf_put_size(b, opts->max_words) &&
              buf_puts(b, ",\"bytes\":") && buf_put_size(b, opts->max_bytes) && buf_puts(b, ",\"sentences\":") &&
              buf_put_size(b, opts->max_sentences) && buf_putc(b, '}') &&
              buf_puts(b, ",\"sentences\":[");
    for (size_t i = 0; i < sum->n_sentences && ok; i++) {
        const td_summary_sentence *s = &sum->sentences[i];
        ok = buf_puts(b, i ? ",{" : "{") && json_string_field(b, "text", s->text) && buf_puts(b, ",\"doc\":") &&
             buf_put_size(b, s->doc) && buf_puts(b, ",\"offset\":") && buf_put_size(b, s->span.start) &&
             buf_puts(b, ",\"length\":") && buf_put_size(b, s->span.end - s->span.start) &&
             buf_puts(b, ",\"words\":") && buf_put_size(b, s->words) &&
             buf_puts(b, ",\"score\":") && buf_put_g6(b, s->score) && buf_putc(b, ',');
        if (s->n_kept) { /* compressed: the [offset, length] pieces of the source sentence text is made of */
            ok = ok && buf_puts(b, "\"kept\":[");
            for (size_t k = 0; k < s->n_kept && ok; k++)
                ok = buf_puts(b, k ? ",[" : "[") && buf_put_size(b, s->kept[k].start) && buf_putc(b, ',') &&
                     buf_put_size(b, s->kept[k].end - s->kept[k].start) && buf_putc(b, ']');
            ok = ok && buf_puts(b, "],");
        }
        ok = ok && buf_puts(b, "\"sources\":[");
        for (size_t k = 0; k < s->n_sources && ok; k++)
            ok = (k == 0 || buf_putc(b, ',')) && buf_put_size(b, s->sources[k]);
        ok = ok && buf_puts(b, "]}");
    }
    ok = ok && buf_puts(b, "],\"documents\":[");
    for (size_t d = 0; d < c->n_docs && ok; d++) {
        const td_document *doc = &c->docs[d];
        ok = buf_puts(b, d ? ",{\"index\":" : "{\"index\":") && buf_put_size(b, d) && buf_putc(b, ',') &&
             json_string_field(b, "name", doc->name) &&
             buf_putc(b, ',') && json_string_field(b, "title", doc->title) && buf_putc(b, ',') &&
             json_string_field(b, "source", doc->source) && buf_putc(b, ',') && json_string_field(b, "url", doc->url) &&
             buf_putc(b, ',') && json_string_field(b, "date", doc->date) && buf_putc(b, '}');
    }
    return ok && buf_puts(b, "]}\n");
}

static bool render_markdown(buf *b, const td_summary *sum, const td_cluster *c)
{
    const char *title = story_title(c);
    bool ok = title ? buf_printf(b, "## %s\n\n", title) : buf_printf(b, "## Story %s\n\n", c->id);
    for (size_t i = 0; i < sum->n_sentences && ok; i++) {
        ok = buf_printf(b, "- %s ", sum->sentences[i].text) && put_sources(b, &sum->sentences[i], ", ") &&
             buf_putc(b, '\n');
    }
    ok = ok && buf_puts(b, "\n**Sources**\n\n");
    for (size_t d = 0; d < c->n_docs && ok; d++) {
        const td_document *doc = &c->docs[d];
        ok = buf_printf(b, "%zu. `%s`", d + 1, doc->name);
        if (ok && doc->title) ok = buf_printf(b, " \xe2\x80\x94 %s", doc->title);
        if (ok && doc->source) ok = buf_printf(b, " (%s)", doc->source);
        ok = ok && buf_putc(b, '\n');
    }
    return ok;
}

char *td_render_summary(const td_summary *summary, const td_cluster *cluster, const td_summary_opts *opts,
                        td_output_format format)
{
    buf b = {0};
    bool ok = false;
    switch (format) {
    case TD_OUTPUT_TEXT: ok = render_text(&b, summary, cluster); break;
    case TD_OUTPUT_JSON: ok = render_json(&b, summary, cluster, opts); break;
    case TD_OUTPUT_MARKDOWN: ok = render_markdown(&b, summary, cluster); break;
    }
    if (!ok) {
        buf_free(&b);
        return NULL;
    }
    return buf_take(&b);
}

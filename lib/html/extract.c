/* extract.c — main-text extraction from a parsed page: blocks (extract_blocks.c), their classes
 * (extract_classify.c), the article's container (extract_select.c), its text (extract_text.c),
 * and the body that JSON in scripts carries when the markup shows little (extract_script.c). */
#include <stdlib.h>
#include <string.h>

#include "html/extract.h"

/* The text of the page's scripts replaces the text of its markup when it is SCRIPT_BODY_RATIO
 * times as long: the markup then shows only a teaser, an author's box or a rendering shell. */
#define SCRIPT_BODY_RATIO 3

/* Runs the passes; false when out of memory. */
static bool extract_pass(htmlDocPtr doc, xpage *pg, buf *out)
{
    if (!blocks_build(pg, doc)) return false;
    blocks_classify(pg);
    uint32_t c = select_container(pg);
    if (c != NO_NODE ? !assemble_text(pg, c, out) : !assemble_lines(pg, out)) return false;
    if (c != NO_NODE && !add_described_standfirst(pg, out)) return false;
    if (!pg->scripts.len) return true;
    buf body = {0};
    bool ok = script_article_body(pg, &body);
    if (ok && body.len >= SCRIPT_BODY_RATIO * out->len && body.len > 0) {
        buf_free(out);
        *out = body;
        body = (buf){0};
    }
    buf_free(&body);
    return ok;
}

/* The title: the first <h1> when <title> contains it (the headline without the site's name),
 * else <title>, else that <h1>. Takes the strings over. */
static char *choose_title(xpage *pg)
{
    char *t;
    if (pg->h1 && (!pg->title || strstr(pg->title, pg->h1))) t = pg->h1, pg->h1 = NULL;
    else t = pg->title, pg->title = NULL;
    if (t && !*t) {
        free(t);
        t = NULL;
    }
    return t;
}

td_status extract_main_text(htmlDocPtr doc, extract_result *res)
{
    memset(res, 0, sizeof *res);
    buf out = {0};
    xpage pg = {0};
    bool ok = extract_pass(doc, &pg, &out);
    res->stats = pg.stats;
    if (ok) {
        res->title = choose_title(&pg);
        res->lang = pg.lang;
        pg.lang = NULL;
    }
    xpage_free(&pg);
    if (!ok) {
        buf_free(&out);
        extract_result_free(res);
        return TD_ERR_NOMEM;
    }
    if (out.len == 0) {
        buf_free(&out);
        return TD_ERR_INPUT;
    }
    res->text = buf_take(&out);
    return res->text ? TD_OK : TD_ERR_NOMEM;
}

void extract_result_free(extract_result *res)
{
    free(res->text);
    free(res->title);
    free(res->lang);
    memset(res, 0, sizeof *res);
}

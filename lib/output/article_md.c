/* article_md.c — the article of a web page as Markdown (td_render_article_markdown): its title as a
 * heading, a line of authors, date and site, its URL, then its text with Markdown's marks escaped. */
#include <string.h>

#include "common/buf.h"
#include "tidings.h"

/* Appends text with the characters Markdown would read as markup escaped by a backslash: emphasis,
 * links, code, inline HTML everywhere, and heading or list marks at the start of a line. */
static bool markdown_escape(buf *o, const char *s)
{
    bool line_start = true;
    for (; *s; s++) {
        char c = *s;
        bool special = strchr("\\*_[]<>`", c) != NULL || (line_start && strchr("#+-", c) != NULL);
        if ((special && !buf_putc(o, '\\')) || !buf_putc(o, c)) return false;
        line_start = c == '\n';
    }
    return true;
}

char *td_render_article_markdown(const td_article *a)
{
    buf o = {0};
    bool ok = true;
    if (a->title) ok = buf_puts(&o, "# ") && markdown_escape(&o, a->title) && buf_puts(&o, "\n\n");
    if (a->site || a->date || a->n_authors) {
        ok = ok && buf_putc(&o, '*');
        const char *sep = "";
        for (size_t i = 0; ok && i < a->n_authors; i++, sep = ", ")
            ok = buf_puts(&o, sep) && markdown_escape(&o, a->authors[i]);
        if (a->date) ok = ok && buf_puts(&o, *sep ? " \xc2\xb7 " : "") && markdown_escape(&o, a->date), sep = " ";
        if (a->site) ok = ok && buf_puts(&o, *sep ? " \xc2\xb7 " : "") && markdown_escape(&o, a->site);
        ok = ok && buf_puts(&o, "*\n\n");
    }
    if (a->url) ok = ok && buf_printf(&o, "<%s>\n\n", a->url);
    ok = ok && markdown_escape(&o, a->text) && buf_putc(&o, '\n');
    if (!ok) {
        buf_free(&o);
        return NULL;
    }
    return buf_take(&o);
}

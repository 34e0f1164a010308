/* article.c — td_extract_html: a web page to its article (main text, title, language) and
 * td_article_free. */
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "html/extract.h"
#include "html/html.h"

/* The primary subtag of a language tag, lowercased ("de-DE" -> "de") into *out; *out stays NULL
 * for an empty or odd tag. False when out of memory. */
static bool language_tag(const char *lang, char **out)
{
    size_t n = 0;
    while (n < 8 && ((lang[n] >= 'a' && lang[n] <= 'z') || (lang[n] >= 'A' && lang[n] <= 'Z'))) n++;
    if (n < 2 || n > 3 || (lang[n] && lang[n] != '-' && lang[n] != '_')) return true;
    *out = malloc(n + 1);
    if (!*out) return false;
    for (size_t i = 0; i < n; i++) (*out)[i] = (char)(lang[i] | 0x20);
    (*out)[n] = '\0';
    return true;
}

/* Moves the text into the article, and the title and language where they are still empty (the
 * page's metadata, when read first, has the better ones). */
static td_status fill_article(td_article *a, extract_result *res)
{
    a->text = res->text;
    res->text = NULL;
    if (!a->title) {
        a->title = res->title;
        res->title = NULL;
    }
    if (!a->language && res->lang && !language_tag(res->lang, &a->language)) return TD_ERR_NOMEM;
    return TD_OK;
}

td_article *td_extract_html(const char *html, size_t len, const char *name, td_error *err)
{
    if (!name) name = "page";
    htmlDocPtr doc = page_parse(html, len, name, err);
    if (!doc) return NULL;
    td_article *a = calloc(1, sizeof *a);
    extract_result res = {0};
    /* metadata first: the extraction's own title and language only fill what it left empty */
    td_status st = a && html_metadata(doc, a) ? TD_OK : TD_ERR_NOMEM;
    if (st == TD_OK) st = extract_main_text(doc, &res);
    xmlFreeDoc(doc);
    if (st == TD_OK) st = fill_article(a, &res);
    extract_result_free(&res);
    if (st != TD_OK) {
        if (st == TD_ERR_NOMEM) error_nomem(err);
        else error_set(err, TD_ERR_INPUT, "%s: no main text found", name);
        td_article_free(a);
        return NULL;
    }
    return a;
}

void html_article_clear(td_article *a)
{
    free(a->url);
    free(a->title);
    for (size_t i = 0; i < a->n_authors; i++) free(a->authors[i]);
    free(a->authors);
    free(a->date);
    free(a->site);
    free(a->language);
    free(a->text);
    memset(a, 0, sizeof *a);
}

void td_article_free(td_article *a)
{
    if (!a) return;
    html_article_clear(a);
    free(a);
}

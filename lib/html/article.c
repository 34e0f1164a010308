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

/* Pages larger than PART_MIN are read in parts of about PART_SIZE bytes, each parsed and
 * extracted on its own and its tree freed before the next: libxml2's tree costs about 120 bytes
 * a node, so a huge page of dense markup would otherwise need many times its size. Real article
 * pages are far below PART_MIN and are always read whole. */
#define PART_MIN ((size_t)16 << 20)
#define PART_SIZE ((size_t)4 << 20)

/* Where the part that starts at `start` ends: after the first "</p>" (else "</div>", else a line
 * break, else a '>') at or past start + PART_SIZE, within a further PART_SIZE; the end otherwise. */
static size_t part_end(const char *s, size_t len, size_t start)
{
    if (len - start <= PART_SIZE) return len;
    size_t from = start + PART_SIZE, to = from + PART_SIZE < len ? from + PART_SIZE : len;
    static const char *const ends[] = {"</p>", "</P>", "</div>", "</DIV>", "\n", ">"};
    for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
        size_t n = strlen(ends[k]);
        for (size_t i = from; i + n <= to; i++)
            if (s[i] == ends[k][0] && memcmp(s + i, ends[k], n) == 0) return i + n;
    }
    return to;
}

/* Extracts one parsed part: the metadata (and, where it is silent, the extraction's title and
 * language) from the first part, the main text of every part appended to *text. A part without
 * article text adds nothing. */
static td_status read_part(htmlDocPtr doc, td_article *a, bool first, buf *text)
{
    extract_result res = {0};
    td_status st = !first || html_metadata(doc, a) ? TD_OK : TD_ERR_NOMEM;
    if (st == TD_OK) st = extract_main_text(doc, &res);
    if (st == TD_ERR_INPUT) st = TD_OK;
    else if (st == TD_OK && first) st = fill_article(a, &res);
    /* fill_article moved the first part's text into the article: take it back into the whole */
    const char *part = first ? a->text : res.text;
    if (st == TD_OK && part && part[0] && !((text->len == 0 || buf_puts(text, "\n\n")) && buf_puts(text, part)))
        st = TD_ERR_NOMEM;
    if (first) {
        free(a->text);
        a->text = NULL;
    }
    extract_result_free(&res);
    return st;
}

static td_article *extract_in_parts(const char *html, size_t len, const char *name, td_error *err)
{
    size_t ulen;
    bool copied;
    char *utf8 = charset_to_utf8(html, len, &ulen, &copied);
    td_article *a = utf8 ? calloc(1, sizeof *a) : NULL;
    buf text = {0};
    td_status st = a ? TD_OK : TD_ERR_NOMEM;
    for (size_t start = 0, part = 0; st == TD_OK && start < ulen; part++) {
        size_t end = part_end(utf8, ulen, start);
        td_error part_err = {0};
        htmlDocPtr doc = page_parse(utf8 + start, end - start, name, &part_err);
        start = end;
        if (!doc) {
            if (part_err.code == TD_ERR_NOMEM) st = TD_ERR_NOMEM; /* a part that does not parse adds nothing */
            continue;
        }
        st = read_part(doc, a, part == 0, &text);
        xmlFreeDoc(doc);
    }
    if (utf8 && copied) free(utf8);
    if (st == TD_OK && text.len == 0) st = TD_ERR_INPUT;
    if (st != TD_OK) {
        if (st == TD_ERR_NOMEM) error_nomem(err);
        else error_set(err, TD_ERR_INPUT, "%s: no main text found", name);
        buf_free(&text);
        td_article_free(a);
        return NULL;
    }
    a->text = buf_take(&text);
    return a;
}

td_article *td_extract_html(const char *html, size_t len, const char *name, td_error *err)
{
    if (!name) name = "page";
    if (len > PART_MIN) return extract_in_parts(html, len, name, err);
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

/* html.h — internal interface of the HTML stage: a parsed page (libxml2's HTML parser, input
 * converted to UTF-8), its main text, and its metadata. td_extract_html (tidings.h) puts them
 * together. */
#ifndef TD_HTML_H
#define TD_HTML_H
#include <stdbool.h>
#include <stddef.h>

#include <libxml/HTMLparser.h>

#include "common/buf.h"
#include "tidings.h"

/* Fills the metadata fields of *out (url, title, authors, date, site, language; text untouched)
 * from the page: JSON-LD (schema.org NewsArticle and kin), OpenGraph, <meta> names, <link
 * rel=canonical>, <html lang>, <title>, <time>, bylines. Fields already set are kept. Strings are
 * malloc'd (td_article_free frees them). False when out of memory. */
bool html_metadata(htmlDocPtr doc, td_article *out);

/* Frees the strings of an article that lives elsewhere (on the stack, in an array) and zeroes it;
 * td_article_free is this plus freeing the article itself. */
void html_article_clear(td_article *a);

#endif

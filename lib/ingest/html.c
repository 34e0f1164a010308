/* html.c — a web page as an article of a cluster: the HTML stage (td_extract_html) finds the main
 * text and the metadata; they become the document's text, title, source, URL and date. Also the
 * article of a page file read alone (td_extract_html_file). */
#include <string.h>

#include "common/error.h"
#include "ingest/ingest.h"

td_status html_read(const ingest_file *f, td_cluster *c, td_error *err)
{
    /* the page's own bytes: the HTML stage reads the charset from the BOM or the markup */
    const char *bytes = f->text - f->base;
    td_article *a = td_extract_html(bytes, f->len + f->base, f->path, err);
    if (!a) return err ? err->code : TD_ERR_INPUT;
    td_document d = {
        .name = (char *)f->path,
        .title = a->title,
        .source = a->site,
        .url = a->url,
        .date = a->date,
        .text = a->text,
    };
    td_status st = td_cluster_add(c, &d);
    if (st == TD_ERR_NOMEM) error_nomem(err);
    else if (st != TD_OK) error_set(err, st, "%s: no main text found", f->path);
    td_article_free(a);
    return st;
}

td_article *td_extract_html_file(const char *path, td_error *err)
{
    ingest_file f;
    if (ingest_load(path, strcmp(path, "-") == 0, &f, err)) return NULL;
    td_article *a = td_extract_html(f.data, f.size, path, err);
    ingest_file_free(&f);
    return a;
}

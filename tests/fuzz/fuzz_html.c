/* fuzz_html.c — libFuzzer target for the HTML path: charset detection and conversion, libxml2's
 * parse, metadata, main-text extraction, and the article's text as the input of a summary.
 * Built by `make fuzz`. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tidings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    td_error err;
    td_article *a = td_extract_html((const char *)data, size, "fuzz.html", &err);
    if (!a) return 0;
    /* whatever was extracted must be text the rest of the engine accepts */
    if (!a->text || !td_utf8_valid(a->text, strlen(a->text), NULL)) abort();
    td_cluster *c = td_cluster_new("page");
    td_document d = {.name = "page", .title = a->title, .text = a->text};
    td_summary_opts o;
    td_summary_opts_defaults(&o);
    o.max_words = 60;
    td_summarizer *s = c && td_cluster_add(c, &d) == TD_OK ? td_summarizer_new(&o, NULL) : NULL;
    td_summary *sum = s ? td_summarize(s, c, NULL) : NULL;
    td_summary_free(sum);
    td_summarizer_free(s);
    td_cluster_free(c);
    td_article_free(a);
    return 0;
}

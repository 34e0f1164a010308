/* fuzz_compare.c — libFuzzer target for comparing articles on arbitrary text: the input (valid UTF-8
 * only) split at form feeds into up to six articles of one cluster, compared, every claim checked
 * against its article (span in range, one article per claim), then the report rendered in HTML with
 * no tag from the input. Built by `make fuzz`. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tidings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    if (!size || !td_utf8_valid(text, size, NULL)) return 0;
    td_cluster *c = td_cluster_new("fuzz");
    if (!c) return 0;
    for (size_t start = 0; start < size && c->n_docs < 6;) {
        const char *ff = memchr(text + start, '\f', size - start);
        size_t end = ff ? (size_t)(ff - text) : size;
        char name[32];
        snprintf(name, sizeof name, "%zu.txt", c->n_docs + 1);
        char *copy = strndup(text + start, end - start);
        td_document d = {.name = name, .text = copy, .text_len = end - start};
        if (copy && end > start && td_cluster_add(c, &d) != TD_OK) abort();
        free(copy);
        start = end + 1;
    }
    td_comparison *cmp = c->n_docs ? td_compare(c, NULL) : NULL;
    if (cmp) {
        for (size_t i = 0; i < cmp->n_disagreements; i++) {
            const td_disagreement *d = &cmp->disagreements[i];
            if (d->n_claims < 2) abort();
            for (size_t k = 0; k < d->n_claims; k++)
                if (d->claims[k].doc >= c->n_docs || d->claims[k].span.end > c->docs[d->claims[k].doc].text_len ||
                    (k && d->claims[k].doc <= d->claims[k - 1].doc))
                    abort();
        }
        td_summary_opts opts;
        td_summary_opts_defaults(&opts);
        td_summarizer *sz = td_summarizer_new(&opts, NULL);
        td_summary *sum = sz ? td_summarize(sz, c, NULL) : NULL;
        char *html = sum ? td_render_report(cmp, sum, c, TD_REPORT_HTML) : NULL;
        if (html && strstr(html, "<script")) abort();
        free(html);
        td_summary_free(sum);
        td_summarizer_free(sz);
        td_comparison_free(cmp);
    }
    td_cluster_free(c);
    return 0;
}

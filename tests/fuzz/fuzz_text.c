/* fuzz_text.c — libFuzzer target for the plain-text path: UTF-8 checks, sentence splitting, and a
 * whole summary (model, debris, methods, sources, rendering) of the input as articles split at
 * form feeds. Built by `make fuzz`. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tidings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    if (!td_utf8_valid(text, size, NULL)) return 0;
    td_span *spans;
    size_t n;
    if (td_split_sentences(text, size, &spans, &n) != TD_OK) return 0;
    for (size_t i = 0; i < n; i++) free(td_sentence_text(text, spans[i]));
    free(spans);

    td_cluster *c = td_cluster_new("fuzz");
    if (!c) return 0;
    for (size_t start = 0, k = 0; start <= size && k < 8; k++) {
        const char *ff = memchr(text + start, '\f', size - start);
        size_t end = ff ? (size_t)(ff - text) : size;
        char name[16];
        memcpy(name, "doc", 4);
        name[3] = (char)('0' + k);
        name[4] = '\0';
        char *body = malloc(end - start + 1);
        if (!body) break;
        memcpy(body, text + start, end - start);
        body[end - start] = '\0';
        td_document d = {.name = name, .text = body, .text_len = end - start};
        if (end > start) td_cluster_add(c, &d);
        free(body);
        start = end + 1;
        if (!ff) break;
    }
    static const td_method methods[] = {TD_METHOD_CONCEPTS, TD_METHOD_LEAD, TD_METHOD_LEXRANK};
    td_summary_opts o;
    td_summary_opts_defaults(&o);
    o.method = methods[size % 3];
    o.max_words = 1 + size % 120;
    td_summarizer *s = td_summarizer_new(&o, NULL);
    td_summary *sum = s ? td_summarize(s, c, NULL) : NULL;
    if (sum) {
        char *json = td_render_summary(sum, c, &o, TD_OUTPUT_JSON);
        free(json);
    }
    td_summary_free(sum);
    td_summarizer_free(s);
    td_cluster_free(c);
    return 0;
}

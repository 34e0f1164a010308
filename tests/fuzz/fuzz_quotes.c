/* fuzz_quotes.c — libFuzzer target for the quote and speaker finder on arbitrary text: the input (valid
 * UTF-8 only) split at form feeds into up to eight articles, the quotes of each checked against the
 * text (offsets in range, pieces in order), then grouped across the articles. Built by `make fuzz`. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tidings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    if (!td_utf8_valid(text, size, NULL)) return 0;
    td_quotes *docs[8] = {0};
    size_t n_docs = 0;
    for (size_t start = 0; start <= size && n_docs < 8;) {
        const char *ff = memchr(text + start, '\f', size - start);
        size_t end = ff ? (size_t)(ff - text) : size;
        td_quotes *q = td_find_quotes(text + start, end - start, NULL);
        if (!q) break;
        for (size_t i = 0; i < q->n; i++) {
            const td_quote *x = &q->items[i];
            if (x->start > x->end || x->end > end - start || !x->text || !x->n_pieces) abort();
            for (size_t k = 1; k < x->n_pieces; k++)
                if (x->pieces[k].start < x->pieces[k - 1].end) abort();
            if (x->speaker && (x->speaker_at.end > end - start || x->speaker_at.start >= x->speaker_at.end)) abort();
        }
        docs[n_docs++] = q;
        if (!ff) break;
        start = end + 1;
    }
    td_quote_groups *g = td_group_quotes((const td_quotes *const *)docs, n_docs, NULL);
    if (g) {
        size_t members = 0, quotes = 0;
        for (size_t i = 0; i < g->n; i++) members += g->items[i].n_refs;
        for (size_t d = 0; d < n_docs; d++) quotes += docs[d]->n;
        if (members != quotes) abort();
    }
    td_quote_groups_free(g);
    for (size_t d = 0; d < n_docs; d++) td_quotes_free(docs[d]);
    return 0;
}

/* fuzz_chunks.c — libFuzzer target for the lexicon's chunks against its tokens: every chunk of the
 * input (text between ASCII white space and controls), looked up whole with lexicon_chunk, must give
 * the tokens token_next finds in it and what lexicon_word says of each, and the term ids of a
 * lexicon that only ever saw the tokens one by one (so new words are learnt in the same order), the
 * first time a chunk is seen and from the cache after. Built by `make fuzz`. */
#include <stdint.h>
#include <stdlib.h>

#include "text/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    if (!td_utf8_valid(text, size, NULL)) return 0;
    lexicon *by_chunk = lexicon_new(), *by_token = lexicon_new();
    if (!by_chunk || !by_token) abort();
    for (int round = 0; round < 2; round++) {
        size_t pos = 0;
        for (;;) {
            while (pos < size && text_chunk_break((unsigned char)text[pos])) pos++;
            if (pos >= size) break;
            bool wide;
            size_t end = text_chunk_end(text, size, pos, &wide);
            lex_chunk got;
            if (!lexicon_chunk(by_chunk, text + pos, end - pos, &got)) abort();
            size_t at = 0, n = 0;
            token t;
            while (token_next(text + pos, end - pos, &at, &t)) {
                lex_word known, fresh;
                const char *tok = text + pos + t.start;
                size_t len = t.end - t.start;
                if (n >= got.n || !lexicon_word(by_chunk, tok, len, t.kind, &known) ||
                    !lexicon_word(by_token, tok, len, t.kind, &fresh))
                    abort();
                if (known.term != got.term[n] || known.flags != got.flags[n] || fresh.term != got.term[n] ||
                    fresh.flags != got.flags[n])
                    abort();
                n++;
            }
            if (n != got.n) abort();
            pos = end;
        }
    }
    lexicon_free(by_chunk);
    lexicon_free(by_token);
    return 0;
}

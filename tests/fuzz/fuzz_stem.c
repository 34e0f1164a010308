/* fuzz_stem.c — libFuzzer target for english_stem against libstemmer, its reference: every run of
 * lower-case letters, digits, apostrophes and dots of the input (the bytes of folded ASCII words),
 * up to 64 bytes, must get libstemmer's English stem, byte for byte. Built by `make fuzz`. */
#include <libstemmer.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool word_byte(uint8_t c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' || c == '.'; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct sb_stemmer *reference;
    if (!reference && !(reference = sb_stemmer_new("english", "ISO_8859_1"))) return 0;
    for (size_t i = 0; i < size;) {
        if (!word_byte(data[i])) {
            i++;
            continue;
        }
        size_t end = i;
        while (end < size && end - i < 64 && word_byte(data[end])) end++;
        char out[64];
        size_t n = english_stem((const char *)data + i, end - i, out);
        const sb_symbol *want = sb_stemmer_stem(reference, data + i, (int)(end - i));
        if (!want || n != (size_t)sb_stemmer_length(reference) || memcmp(out, want, n) != 0) abort();
        i = end;
    }
    return 0;
}

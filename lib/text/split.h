/* split.h — what the sentence splitter's two files share (lib/text internal): the character tests
 * they both make (inline: they run on every byte of the hot loops) and the paragraph reader of
 * paragraphs.c, which cuts a text into paragraphs for sentences.c to split. */
#ifndef TEXT_SPLIT_H
#define TEXT_SPLIT_H

#include <stdbool.h>
#include <stddef.h>
#include <utf8proc.h>

#include "text/text.h"

/* Start of the white space that ends at `end` (going back), not before `floor`. */
static inline size_t trim_back(const char *s, size_t floor, size_t end)
{
    while (end > floor) {
        size_t k = end - 1;
        while (k > floor && ((unsigned char)s[k] & 0xc0) == 0x80) k--;
        if (!text_space_len(s, end, k)) break;
        end = k;
    }
    return end;
}

static inline size_t skip_space(const char *s, size_t len, size_t i)
{
    size_t n;
    while (i < len && (n = text_space_len(s, len, i))) i += n;
    return i;
}

static inline bool has3(const char *s, size_t len, size_t i, unsigned char a, unsigned char b, unsigned char c)
{
    return i + 2 < len && (unsigned char)s[i] == a && (unsigned char)s[i + 1] == b && (unsigned char)s[i + 2] == c;
}

/* Whether s[i] starts "\ufffd?": a closing curly quote (E2 80 9D) whose last byte was lost and whose
 * rest became U+FFFD, as in scraped text ("called it “unhinged\ufffd? and"). */
static inline bool broken_closing_quote(const char *s, size_t len, size_t i)
{
    return i + 3 < len && (unsigned char)s[i] == 0xef && (unsigned char)s[i + 1] == 0xbf &&
           (unsigned char)s[i + 2] == 0xbd && s[i + 3] == '?';
}

/* Length of a closing quote or bracket at s[i] (" ' ) ] } ” ’ » › and a broken ”), 0 when none;
 * *quote tells whether it is a quotation mark. */
static inline size_t closer_len(const char *s, size_t len, size_t i, bool *quote)
{
    unsigned char c = (unsigned char)s[i];
    *quote = c == '"' || c == '\'';
    if (*quote || c == ')' || c == ']' || c == '}') return 1;
    *quote = true;
    if (broken_closing_quote(s, len, i)) return 4;
    if (has3(s, len, i, 0xe2, 0x80, 0x9d) || has3(s, len, i, 0xe2, 0x80, 0x99) || has3(s, len, i, 0xe2, 0x80, 0xba))
        return 3;
    if (i + 1 < len && c == 0xc2 && (unsigned char)s[i + 1] == 0xbb) return 2;
    return 0;
}

/* Length of an opening quote or bracket at s[i] (" ' ` ( [ { “ ‘ „ « ¿ ¡), 0 when none. */
static inline size_t opener_len(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\'' || c == '`' || c == '(' || c == '[' || c == '{') return 1;
    if (has3(s, len, i, 0xe2, 0x80, 0x9c) || has3(s, len, i, 0xe2, 0x80, 0x98) || has3(s, len, i, 0xe2, 0x80, 0x9e))
        return 3;
    if (i + 1 < len && c == 0xc2) {
        unsigned char d = (unsigned char)s[i + 1];
        if (d == 0xab || d == 0xbf || d == 0xa1) return 2;
    }
    return 0;
}

typedef enum letter_case { CASE_OTHER, CASE_LOWER, CASE_UPPER, CASE_DIGIT } letter_case;

/* What kind of character starts at s[i]: lower-case, upper-case (or a caseless letter), digit, other. */
static inline letter_case case_at(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        if (c >= 'a' && c <= 'z') return CASE_LOWER;
        if (c >= 'A' && c <= 'Z') return CASE_UPPER;
        if (c >= '0' && c <= '9') return CASE_DIGIT;
        return CASE_OTHER;
    }
    size_t pos = i;
    switch (utf8proc_category((utf8proc_int32_t)utf8_decode(s, len, &pos))) {
    case UTF8PROC_CATEGORY_LL: return CASE_LOWER;
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LO: return CASE_UPPER;
    case UTF8PROC_CATEGORY_ND: return CASE_DIGIT;
    default: return CASE_OTHER;
    }
}

static inline bool is_alpha(char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Length of the ASCII letter run at s[i]. */
static inline size_t alpha_run(const char *s, size_t len, size_t i)
{
    size_t k = i;
    while (k < len && is_alpha(s[k])) k++;
    return k - i;
}

/* Calls each(ctx, start, end, item) for every paragraph of s in order ([start, end) its content;
 * item the number of a numbered list marker that opens it, 0 otherwise): blank lines, indented
 * lines, list items and headlines open paragraphs, hard-wrapped lines are joined. False as soon as
 * each returns false. */
typedef bool (*text_paragraph_fn)(void *ctx, size_t start, size_t end, unsigned item);
bool text_paragraphs(const char *s, size_t len, text_paragraph_fn each, void *ctx);

#endif

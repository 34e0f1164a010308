/* dateline.c — finds the dateline that opens a wire story's first sentence (see dateline.h). */
#include "summary/dateline.h"

#include <stdbool.h>
#include <string.h>

enum { DATELINE_MAX_WORDS = 8 };

static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* A dash or underscore standing alone: "_", "-", "--", "—" (U+2014), "–" (U+2013). */
static bool is_separator(const char *w, size_t len)
{
    if (len == 1) return w[0] == '_' || w[0] == '-';
    if (len == 2) return w[0] == '-' && w[1] == '-';
    return len == 3 && !memcmp(w, "\xE2\x80", 2) && (w[2] == '\x94' || w[2] == '\x93');
}

/* A word of a place, date or agency: letters in capitals ("LONDON,"), a capitalised word ("Calif.",
 * "Portugal", "Feb."), a number ("11,") or an agency in parentheses ("(AP)", "(Tidewater Wire)"); first says the word
 * must be all capitals. */
static bool is_place_word(const char *w, size_t len, bool first)
{
    size_t i = 0, letters = 0, digits = 0;
    if (!first && w[0] == '(') i = 1;                  /* "(AP)", "(Tidewater Wire)" */
    if (!first && len > i && w[len - 1] == ')') len--;
    for (; i < len; i++) {
        char c = w[i];
        if (is_upper(c)) {
            letters++;
        } else if (is_lower(c)) {
            if (first || !letters) return false; /* lower case only after a capital, past the first word */
            letters++;
        } else if (c >= '0' && c <= '9') {
            digits++;
        } else if (c != ',' && c != '.' && c != '\'' && c != '-') {
            return false;
        }
    }
    if (first) return letters >= 2 && !digits;
    return letters ? !digits : digits > 0; /* a word, or the day of a date ("Feb. 11,") */
}

td_span dateline_skip(const char *text, td_span span)
{
    size_t i = span.start;
    while (i < span.end && is_blank(text[i])) i++;
    /* a first word with a lower-case letter is no dateline's ("The", "He"): the first two bytes tell
     * most sentences (is_place_word) */
    if (i < span.end && (is_lower(text[i]) || (i + 1 < span.end && is_lower(text[i + 1])))) return span;
    for (size_t words = 0; words <= DATELINE_MAX_WORDS; words++) {
        while (i < span.end && is_blank(text[i])) i++;
        size_t start = i;
        while (i < span.end && !is_blank(text[i])) i++;
        if (i == start) break;
        if (words && is_separator(text + start, i - start)) {
            while (i < span.end && is_blank(text[i])) i++;
            char c = i < span.end ? text[i] : 0;
            if (is_upper(c) || (c >= '0' && c <= '9') || c == '"' || c == '`' || c == '\'' || (unsigned char)c == 0xE2)
                return (td_span){i, span.end};
            break;
        }
        if (!is_place_word(text + start, i - start, words == 0)) break;
    }
    return span;
}

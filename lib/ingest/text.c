/* text.c — plain text input: a file is one article, named by its path. Its first line is the
 * title when it looks like a headline: 2-30 words in at most 200 bytes, more text after it, not
 * starting in lower case, not ending like a sentence (. , ; : or a lower-case "of", "the"...), not
 * mostly numbers (a time stamp), not continued in lower case on the next line (a hard-wrapped
 * sentence). The text itself is kept whole: the summariser decides what to do with the headline. */
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "ingest/ingest.h"

enum {
    TITLE_MAX_BYTES = 200, /* a headline is short */
    TITLE_MIN_WORDS = 2,   /* one word is a label ("Menu", "Advertisement"), not a headline */
    TITLE_MAX_WORDS = 30,
};

/* Length of [s, end) without closing quotes and brackets, ASCII or curly (’ ” are E2 80 99/9D). */
static size_t without_closers(const char *s, size_t len)
{
    for (;;) {
        if (len && (s[len - 1] == '"' || s[len - 1] == '\'' || s[len - 1] == ')')) {
            len--;
        } else if (len >= 3 && memcmp(s + len - 3, "\xe2\x80", 2) == 0 &&
                   (s[len - 1] == '\x99' || s[len - 1] == '\x9d')) {
            len -= 3;
        } else {
            return len;
        }
    }
}

static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

/* True when the last word of s is a lower-case English word that cannot end a headline. */
static bool ends_with_function_word(const char *s, size_t len)
{
    static const char *const words[] = {"a",   "an", "the", "of",   "to", "in",  "on",   "at",   "by",
                                        "for", "and", "or", "but", "with", "from", "as", "that"};
    size_t start = len;
    while (start && !ingest_space(s[start - 1])) start--;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strlen(words[i]) == len - start && memcmp(s + start, words[i], len - start) == 0) return true;
    return false;
}

char *text_guess_title(const char *s, size_t len)
{
    size_t a = 0;
    while (a < len && ingest_space(s[a])) a++;
    const char *nl = memchr(s + a, '\n', len - a);
    size_t e = nl ? (size_t)(nl - s) : len, b = e;
    while (b > a && ingest_space(s[b - 1])) b--;
    /* A headline heads something: more text must follow. */
    size_t rest = e;
    while (rest < len && ingest_space(s[rest])) rest++;
    if (rest == len || b - a > TITLE_MAX_BYTES) return NULL;
    if (is_lower(s[a])) return NULL; /* a sentence cut off, or a navigation line */
    /* A hard-wrapped sentence goes on in lower case on the next line. */
    if (!memchr(s + e + 1, '\n', rest - e - 1) && is_lower(s[rest])) return NULL;
    size_t core = without_closers(s + a, b - a);
    if (core == 0 || s[a + core - 1] == '.' || s[a + core - 1] == ',' || s[a + core - 1] == ';' ||
        s[a + core - 1] == ':')
        return NULL; /* ends like a sentence, or runs on into the next line */
    /* Words, and how many of them hold digits: a time stamp or date line is mostly numbers. */
    size_t words = 0, numeric = 0;
    for (size_t i = a; i < b;) {
        while (i < b && ingest_space(s[i])) i++;
        if (i == b) break;
        bool digit = false;
        for (; i < b && !ingest_space(s[i]); i++) digit |= s[i] >= '0' && s[i] <= '9';
        words++;
        numeric += digit;
    }
    if (ends_with_function_word(s + a, core)) return NULL; /* "... operated by" runs on */
    if (words < TITLE_MIN_WORDS || words > TITLE_MAX_WORDS || numeric * 2 > words) return NULL;
    buf out = {0};
    if (!ingest_collapse(&out, s + a, b - a)) {
        buf_free(&out);
        return NULL;
    }
    return buf_take(&out);
}

td_status text_read(const ingest_file *f, td_cluster *c, td_error *err)
{
    size_t start = 0, end = f->len;
    ingest_trim_text(f->text, &start, &end);
    char *title = text_guess_title(f->text + start, end - start);
    td_document d = {
        .name = (char *)f->path,
        .title = title,
        .text = f->text + start,
        .text_len = end - start,
    };
    td_status st = td_cluster_add(c, &d);
    free(title);
    return st == TD_OK ? TD_OK : error_nomem(err);
}

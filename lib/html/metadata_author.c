/* metadata_author.c — turning the author strings of a page ("By A and B", "Von A, B | 31.05.")
 * into a clean list of names. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html/metadata.h"

enum { MAX_NAME_BYTES = 80, MAX_NAME_WORDS = 6 };

/* Words that introduce a byline, lower case, each ending where the name starts. */
static const char *const prefixes[] = {
    "written by ", "posted by ", "published by ", "text and photos:", "text und fotos:", "text & fotos:",
    "a cura di ", "redaktion:", "authors:", "author:", "autoren:", "autorin:", "autor:", "auteur:", "text:",
    "texte:", "von:", "by:", "by ", "von ", "par ", "por ", "di ", "door ", "from ",
};

/* Separators between names; the ones in words need the spaces around them. */
static const char *const separators[] = {
    ";", ",", "|", "/", "&", "+", "\xc2\xb7", "\xe2\x80\xa2", " and ", " und ", " y ", " et ", " e ", " og ",
    " sowie ", " with ", " mit ",
};

static size_t sep_at(const char *s)
{
    for (size_t i = 0; i < sizeof separators / sizeof *separators; i++) {
        size_t n = strlen(separators[i]);
        if (strncasecmp(s, separators[i], n) == 0) return n;
    }
    return 0;
}

/* Strips the byline words at the start of s[0..*len) (repeatedly: "By: Von ..."), moving s. */
static const char *strip_prefix(const char *s, size_t *len)
{
    for (bool again = true; again;) {
        again = false;
        while (*len && (*s == ' ' || *s == '-' || *s == ':')) s++, (*len)--;
        for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
            size_t n = strlen(prefixes[i]);
            if (*len >= n && strncasecmp(s, prefixes[i], n) == 0) {
                s += n, *len -= n;
                again = true;
                break;
            }
        }
    }
    return s;
}

static bool ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* Punctuation and quotes around a name: ASCII ones and the common Unicode quotes and dashes (a
 * full stop only before the name: after it, it may end an initial). */
static size_t edge_punct_len(const char *s, size_t len, size_t i, bool lead)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) return (c == ' ' || c == '"' || c == '\'' || c == '-' || c == ':' || (lead && c == '.') || c == '*' ||
                          c == '(' || c == ')' || c == '[' || c == ']') ? 1 : 0;
    if (c == 0xc2 && i + 1 < len && ((unsigned char)s[i + 1] == 0xab || (unsigned char)s[i + 1] == 0xbb)) return 2;
    if (c == 0xe2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80) {
        unsigned char d = (unsigned char)s[i + 2];
        if ((d >= 0x93 && d <= 0x9f) || d == 0xb9 || d == 0xba) return 3; /* dashes, quotes, ‹ › */
    }
    return 0;
}

/* Whether s[0..len) looks like a person's or an organisation's name. */
static bool plausible_name(const char *s, size_t len)
{
    if (!len || len > MAX_NAME_BYTES) return false;
    size_t words = 1, letters = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ') words++;
        else if (c == '@' || (c >= '0' && c <= '9') || c == '<' || c == '>' || c == '=' || c == '{') return false;
        else if (ascii_alpha(c) || c >= 0x80) letters++;
    }
    if (!letters || words > MAX_NAME_WORDS) return false;
    /* URLs and domain names */
    char tmp[MAX_NAME_BYTES + 1];
    memcpy(tmp, s, len);
    tmp[len] = '\0';
    return !meta_icontains(tmp, "://") && !meta_istarts(tmp, "www.") && !meta_icontains(tmp, ".com") &&
           !meta_icontains(tmp, ".html");
}

static bool add_name(const char *s, size_t len, meta_list *names)
{
    s = strip_prefix(s, &len);
    size_t n;
    while (len && (n = edge_punct_len(s, len, 0, true))) s += n, len -= n;
    /* trailing: step back over whole characters */
    for (bool more = true; more && len;) {
        more = false;
        for (size_t k = 1; k <= 3 && k <= len; k++)
            if (edge_punct_len(s, len, len - k, false) == k) {
                len -= k;
                more = true;
                break;
            }
    }
    /* a parenthesised remark after the name: "A (dpa)" */
    const char *paren = memchr(s, '(', len);
    if (paren && paren > s) {
        len = (size_t)(paren - s);
        while (len && s[len - 1] == ' ') len--;
    }
    if (!plausible_name(s, len)) return true;
    char *name;
    if (!meta_clean(s, len, &name)) return false;
    if (!name) return true;
    for (size_t i = 0; i < names->len; i++)
        if (meta_ieq(names->items[i], name)) {
            free(name);
            return true;
        }
    if (vec_push(names, name)) return true;
    free(name);
    return false;
}

bool meta_author_split(const char *raw, meta_list *names)
{
    size_t len = strlen(raw);
    raw = strip_prefix(raw, &len);
    size_t start = 0, i = 0;
    while (i < len) {
        size_t n = sep_at(raw + i);
        if (!n) {
            i++;
            continue;
        }
        if (!add_name(raw + start, i - start, names)) return false;
        i += n;
        start = i;
    }
    return add_name(raw + start, len - start, names);
}

/* metadata_text.c — cleaning the strings metadata comes in: UTF-8 repair, white space, character
 * references left in JSON-LD, and the text of a node. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/buf.h"
#include "html/metadata.h"
#include "text/text.h"

/* Length of the valid UTF-8 sequence at s[i] (its code point in *cp), 0 when the bytes there
 * are not one (bad lead byte, truncation, overlong form, surrogate, beyond U+10FFFF). */
static size_t utf8_seq(const unsigned char *s, size_t len, size_t i, uint32_t *cp)
{
    unsigned char c = s[i];
    size_t n;
    uint32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xc2 && c <= 0xdf) n = 2, v = c & 0x1f, min = 0x80;
    else if (c >= 0xe0 && c <= 0xef) n = 3, v = c & 0x0f, min = 0x800;
    else if (c >= 0xf0 && c <= 0xf4) n = 4, v = c & 0x07, min = 0x10000;
    else return 0;
    if (len - i < n) return 0;
    for (size_t k = 1; k < n; k++) {
        if ((s[i + k] & 0xc0) != 0x80) return 0;
        v = v << 6 | (s[i + k] & 0x3f);
    }
    if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return 0;
    *cp = v;
    return n;
}

/* Characters that carry nothing in a title or a name: soft hyphen, zero-width space, word
 * joiner, byte-order mark, C0 and C1 controls other than white space. */
static bool invisible(uint32_t cp)
{
    return cp == 0xad || cp == 0x200b || cp == 0x2060 || cp == 0xfeff || (cp < 0x20 && !(cp >= 9 && cp <= 13)) ||
           cp == 0x7f || (cp >= 0x80 && cp <= 0x9f);
}

bool meta_clean(const char *s, size_t len, char **out)
{
    *out = NULL;
    buf b = {0};
    if (!buf_reserve(&b, len)) return false;
    const unsigned char *u = (const unsigned char *)s;
    bool space = false; /* white space seen since the last character kept */
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = utf8_seq(u, len, i, &cp);
        if (!n) {
            i++;
            continue;
        }
        if (invisible(cp)) {
            i += n;
            continue;
        }
        if (text_space_len(s, len, i)) {
            space = true;
            i += n;
            continue;
        }
        if (space && b.len) buf_putc(&b, ' ');
        space = false;
        buf_append(&b, s + i, n); /* reserved above: the output is never longer than the input */
        i += n;
    }
    if (!b.len) {
        buf_free(&b);
        return true;
    }
    *out = buf_take(&b);
    return true;
}

/* Appends the UTF-8 form of a code point from a character reference; references to nothing
 * usable (NUL, surrogates, beyond Unicode) become U+FFFD as in HTML. */
static bool put_cp(buf *b, uint32_t cp)
{
    if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
    char t[4];
    size_t n;
    if (cp < 0x80) t[0] = (char)cp, n = 1;
    else if (cp < 0x800) t[0] = (char)(0xc0 | cp >> 6), t[1] = (char)(0x80 | (cp & 0x3f)), n = 2;
    else if (cp < 0x10000)
        t[0] = (char)(0xe0 | cp >> 12), t[1] = (char)(0x80 | (cp >> 6 & 0x3f)), t[2] = (char)(0x80 | (cp & 0x3f)), n = 3;
    else
        t[0] = (char)(0xf0 | cp >> 18), t[1] = (char)(0x80 | (cp >> 12 & 0x3f)), t[2] = (char)(0x80 | (cp >> 6 & 0x3f)),
        t[3] = (char)(0x80 | (cp & 0x3f)), n = 4;
    return buf_append(b, t, n);
}

/* Decodes the character reference at s[i] ('&'), appending it to b; returns its length, 0 when
 * there is no well-formed reference there (the '&' is then kept as it is). */
static size_t reference(buf *b, const char *s, size_t len, size_t i, bool *ok)
{
    size_t j = i + 1;
    uint32_t cp = 0;
    if (j < len && s[j] == '#') {
        j++;
        bool hex = j < len && (s[j] == 'x' || s[j] == 'X');
        if (hex) j++;
        size_t start = j;
        while (j < len && j - start < 8) {
            char c = s[j];
            int d = c >= '0' && c <= '9' ? c - '0'
                    : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                  : -1;
            if (d < 0) break;
            cp = cp * (hex ? 16u : 10u) + (uint32_t)d;
            j++;
        }
        if (j == start || j >= len || s[j] != ';') return 0;
    } else {
        char name[32];
        size_t k = 0;
        while (j < len && k < sizeof name - 1 && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') ||
                                                   (s[j] >= '0' && s[j] <= '9')))
            name[k++] = s[j++];
        name[k] = '\0';
        if (!k || j >= len || s[j] != ';') return 0;
        const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
        if (!e) return 0;
        cp = e->value;
    }
    *ok = put_cp(b, cp);
    return j + 1 - i;
}

bool meta_clean_markup(const char *s, size_t len, char **out)
{
    *out = NULL;
    buf b = {0};
    bool ok = buf_reserve(&b, len);
    size_t i = 0;
    while (ok && i < len) {
        char c = s[i];
        if (c == '&') {
            size_t n = reference(&b, s, len, i, &ok);
            if (n) {
                i += n;
                continue;
            }
        } else if (c == '<' && i + 1 < len && (s[i + 1] == '/' || s[i + 1] == '!' ||
                                               ((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z'))) {
            const char *gt = memchr(s + i, '>', len - i);
            if (gt) {
                ok = buf_putc(&b, ' ');
                i = (size_t)(gt - s) + 1;
                continue;
            }
        }
        ok = ok && buf_putc(&b, c);
        i++;
    }
    ok = ok && meta_clean(b.data ? b.data : "", b.len, out);
    buf_free(&b);
    return ok;
}

bool meta_ieq(const char *a, const char *b) { return strcasecmp(a, b) == 0; }

bool meta_istarts(const char *s, const char *prefix) { return strncasecmp(s, prefix, strlen(prefix)) == 0; }

bool meta_icontains(const char *s, const char *needle)
{
    size_t n = strlen(needle);
    if (!n) return true;
    char a = (char)(needle[0] | 0x20), b = (char)(needle[0] & ~0x20); /* both cases of a letter */
    for (; *s; s++)
        if ((*s == needle[0] || *s == a || *s == b) && strncasecmp(s, needle, n) == 0) return true;
    return false;
}

/* Elements whose bounds separate words even without white space around them. */
static bool breaks_words(const xmlChar *name)
{
    static const char *const block[] = {"br", "p", "div", "li", "dt", "dd", "td", "th", "tr", "h1", "h2", "h3",
                                        "h4", "h5", "h6", "section", "header", "footer", "article", "ul", "ol"};
    for (size_t i = 0; i < sizeof block / sizeof *block; i++)
        if (meta_ieq((const char *)name, block[i])) return true;
    return false;
}

static bool gather(xmlNodePtr node, bool spaced, buf *b, int depth)
{
    if (depth > META_MAX_DEPTH) return true;
    for (xmlNodePtr c = node->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content && !buf_puts(b, (const char *)c->content)) return false;
        } else if (c->type == XML_ELEMENT_NODE) {
            const char *n = (const char *)c->name;
            if (meta_ieq(n, "script") || meta_ieq(n, "style") || meta_ieq(n, "noscript") || meta_ieq(n, "template"))
                continue;
            bool br = spaced || breaks_words(c->name);
            if ((br && !buf_putc(b, ' ')) || !gather(c, spaced, b, depth + 1) || (br && !buf_putc(b, ' '))) return false;
        }
    }
    return true;
}

bool meta_node_text(xmlNodePtr node, bool spaced, char **out)
{
    *out = NULL;
    buf b = {0};
    bool ok = gather(node, spaced, &b, 0) && meta_clean(b.data ? b.data : "", b.len, out);
    buf_free(&b);
    return ok;
}

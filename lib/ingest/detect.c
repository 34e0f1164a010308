/* detect.c — format names and detection of the format of an input from its content. */
#include <jansson.h>
#include <string.h>
#include <strings.h>

#include "ingest/ingest.h"

static const char *const format_names[] = {
    [TD_FORMAT_AUTO] = "auto",
    [TD_FORMAT_TEXT] = "text",
    [TD_FORMAT_MULTINEWS] = "multinews",
    [TD_FORMAT_SGML] = "sgml",
    [TD_FORMAT_JSONL] = "jsonl",
    [TD_FORMAT_HTML] = "html",
};

bool td_format_parse(const char *name, td_format *out)
{
    if (!name) return false;
    for (size_t i = 0; i < sizeof format_names / sizeof *format_names; i++) {
        if (strcmp(name, format_names[i]) == 0) {
            if (out) *out = (td_format)i;
            return true;
        }
    }
    return false;
}

const char *td_format_name(td_format format)
{
    if ((size_t)format < sizeof format_names / sizeof *format_names) return format_names[format];
    return "unknown";
}

/* True when the first line that is not blank is a JSON object. */
static bool first_line_is_object(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && ingest_space(s[i])) i++;
    if (i == len || s[i] != '{') return false;
    const char *nl = memchr(s + i, '\n', len - i);
    size_t n = nl ? (size_t)(nl - (s + i)) : len - i;
    json_error_t jerr;
    json_t *v = json_loadb(s + i, n, 0, &jerr);
    bool ok = v && json_is_object(v);
    json_decref(v);
    return ok;
}

/* True when a markup start that only web pages have comes first: a doctype, <html>, <head>, or
 * an XML declaration or comment before one of those. */
static bool looks_like_html(const char *s, size_t len)
{
    static const char *const starts[] = {"<!doctype html", "<html", "<head", "<meta", "<body", "<?xml", "<!--"};
    for (size_t k = 0; k < sizeof starts / sizeof *starts; k++) {
        size_t n = strlen(starts[k]);
        if (len < n || strncasecmp(s, starts[k], n) != 0) continue;
        if (k < 5) return true;
        /* an XML declaration or a comment: a page when <html appears early on */
        size_t window = len < 4096 ? len : 4096;
        for (size_t i = 0; i + 5 <= window; i++)
            if (s[i] == '<' && strncasecmp(s + i, "<html", 5) == 0) return true;
    }
    return false;
}

td_format ingest_detect(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && ingest_space(s[i])) i++;
    if (looks_like_html(s + i, len - i)) return TD_FORMAT_HTML;
    if (len - i >= 5 && strncasecmp(s + i, "<DOC", 4) == 0 && (s[i + 4] == '>' || ingest_space(s[i + 4])))
        return TD_FORMAT_SGML;
    if (first_line_is_object(s, len)) return TD_FORMAT_JSONL;
    if (ingest_find(s, len, "|||||", 5) || ingest_find(s, len, "NEWLINE_CHAR", 12)) return TD_FORMAT_MULTINEWS;
    return TD_FORMAT_TEXT;
}

bool ingest_utf16_page(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    if (len < 4 || !((p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe && p[1] == 0xff))) return false;
    bool little = p[0] == 0xff;
    /* the first character that is not white space, read as UTF-16, must open markup */
    for (size_t i = 2; i + 1 < len && i < 512; i += 2) {
        unsigned c = little ? p[i] | (unsigned)p[i + 1] << 8 : (unsigned)p[i] << 8 | p[i + 1];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
        return c == '<';
    }
    return false;
}

/* extract_script.c — the article's text as the page's scripts carry it: the longest
 * `articleBody` in JSON-LD (<script type="application/ld+json">) or in a JSON state object
 * (<script type="application/json">). Pages rendered by JavaScript, and pages whose markup hides
 * the body behind a paywall teaser, often have it only there. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "html/extract.h"
#include "html/metadata.h"

enum {
    SCRIPT_MAX_DEPTH = 24,   /* nesting of JSON values followed */
    SCRIPT_MAX_VALUES = 20000, /* values of one script looked at (state objects can be huge) */
};

bool script_holds_json(const char *type)
{
    if (!type) return false;
    return strstr(type, "ld+json") || !strcmp(type, "application/json");
}

/* The longest string value under an "articleBody" key in v. */
static void find_body(json_t *v, int depth, size_t *budget, const char **best, size_t *best_len)
{
    if (depth > SCRIPT_MAX_DEPTH || *budget == 0) return;
    (*budget)--;
    if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v); i++) find_body(json_array_get(v, i), depth + 1, budget, best, best_len);
        return;
    }
    if (!json_is_object(v)) return;
    const char *key;
    json_t *child;
    json_object_foreach(v, key, child)
    {
        if (json_is_string(child) && !strcmp(key, "articleBody")) {
            size_t n = json_string_length(child);
            if (n > *best_len) {
                *best = json_string_value(child);
                *best_len = n;
            }
        } else if (json_is_object(child) || json_is_array(child)) {
            find_body(child, depth + 1, budget, best, best_len);
        }
    }
}

/* Where a paragraph of a body ends: a line break, or markup that starts or ends a block. */
static size_t paragraph_end(const char *s, size_t len, size_t i)
{
    static const char *const tags[] = {"<p", "</p", "<br", "<div", "</div", "<h", "</h", "<li", "<ul", "</ul", "<ol", "</ol"};
    for (; i < len; i++) {
        if (s[i] == '\n') return i;
        if (s[i] != '<') continue;
        for (size_t k = 0; k < sizeof tags / sizeof *tags; k++) {
            size_t n = strlen(tags[k]);
            if (i + n < len && !strncmp(s + i, tags[k], n) && !((s[i + n] | 0x20) >= 'a' && (s[i + n] | 0x20) <= 'z')) {
                if (i > 0) return i;
                break;
            }
        }
    }
    return len;
}

/* A body as paragraphs: split at line breaks and block markup, each piece's markup and character
 * references cleaned, empty pieces dropped, joined by one blank line. */
static bool body_paragraphs(const char *s, size_t len, buf *out)
{
    for (size_t i = 0; i < len;) {
        size_t end = paragraph_end(s, len, i);
        if (end == i) end = paragraph_end(s, len, i + 1);
        char *para = NULL;
        if (!meta_clean_markup(s + i, end - i, &para)) return false;
        bool ok = !para || ((out->len == 0 || buf_puts(out, "\n\n")) && buf_puts(out, para));
        free(para);
        if (!ok) return false;
        i = end;
    }
    return true;
}

bool script_article_body(const xpage *pg, buf *out)
{
    buf_clear(out);
    bool ok = true;
    for (size_t i = 0; ok && i < pg->scripts.len; i++) {
        xmlChar *raw = xmlNodeGetContent(pg->scripts.items[i]);
        if (!raw) continue;
        if (strstr((const char *)raw, "\"articleBody\"")) {
            json_t *root = json_loads((const char *)raw, JSON_DISABLE_EOF_CHECK, NULL);
            const char *body = NULL;
            size_t body_len = 0, budget = SCRIPT_MAX_VALUES;
            if (root) find_body(root, 0, &budget, &body, &body_len);
            if (body && body_len > out->len) {
                buf_clear(out);
                ok = body_paragraphs(body, body_len, out);
            }
            json_decref(root);
        }
        xmlFree(raw);
    }
    return ok;
}

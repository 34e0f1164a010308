/* extract_blocks.c — one walk over the parsed page that cuts its visible text into blocks
 * (paragraphs, headings, list items, cells) with the counts the classifier needs, and records the
 * element tree in document order. Skipped subtrees (scripts, styles, media, form controls) are
 * never entered; hidden ones are walked and marked, for the classifier to decide. The walk uses
 * the tree's own links, so any nesting depth runs in constant stack. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html/extract.h"
#include "text/text.h"

/* State of the walk. */
typedef struct walker {
    xpage *pg;
    uint32_t cur;      /* index of the element being walked, NO_NODE above the first */
    size_t open;       /* start of the open block's text in pg->text */
    uint32_t chars;    /* characters of the open block */
    uint32_t links;    /* of them inside links */
    int link_depth;    /* open <a href> elements */
    bool space;        /* white space seen since the last character */
    bool oom;
} walker;

static const char *attr_value(xmlNodePtr n, const char *name)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        if (strcmp((const char *)a->name, name)) continue;
        if (a->children && a->children->content) return (const char *)a->children->content;
        return "";
    }
    return NULL;
}

static bool has_attr(xmlNodePtr n, const char *name) { return attr_value(n, name) != NULL; }

/* Closes the open block: trims it and records it, or drops it when it holds no character. */
static void flush(walker *w)
{
    xpage *pg = w->pg;
    buf *t = &pg->text;
    while (t->len > w->open && (t->data[t->len - 1] == ' ' || t->data[t->len - 1] == '\n')) t->len--;
    if (t->data) t->data[t->len] = '\0';
    w->space = false;
    if (!w->chars || w->cur == NO_NODE) {
        t->len = w->open;
        if (t->data) t->data[t->len] = '\0';
        w->chars = w->links = 0;
        return;
    }
    const xnode *owner = &pg->nodes.items[pg->nodes.items[w->cur].owner];
    xblock b = {0};
    b.start = (uint32_t)w->open;
    b.len = (uint32_t)(t->len - w->open);
    b.owner = pg->nodes.items[w->cur].owner;
    b.node = w->cur;
    b.region = NO_NODE;
    b.chars = w->chars;
    b.link_chars = w->links;
    b.tag = owner->tag;
    b.flags = owner->flags;
    if ((b.tag == TAG_TD || b.tag == TAG_TH) && pg->blocks.len) {
        const xblock *prev = &pg->blocks.items[pg->blocks.len - 1];
        if ((prev->tag == TAG_TD || prev->tag == TAG_TH) &&
            pg->nodes.items[prev->owner].parent == owner->parent)
            b.row_cont = 1;
    }
    if (!vec_push(&pg->blocks, b)) w->oom = true;
    pg->stats.blocks++;
    if (b.tag == TAG_H1 && !pg->h1 && !w->oom) {
        pg->h1 = strndup(t->data + b.start, b.len);
        if (!pg->h1) w->oom = true;
    }
    w->open = t->len;
    w->chars = w->links = 0;
}

/* Appends text with white space runs made one space (none at the start of a block or line). */
static void add_text(walker *w, const char *s, size_t n)
{
    buf *t = &w->pg->text;
    w->pg->stats.text_bytes += n;
    if (!buf_reserve(t, n + 1)) {
        w->oom = true;
        return;
    }
    uint32_t chars = 0;
    bool pre = w->cur != NO_NODE && (w->pg->nodes.items[w->cur].flags & BF_PRE);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t sp = c < 0x80 ? (c == ' ' || (c >= '\t' && c <= '\r')) : text_space_len(s, n, i);
        if (sp && pre && c == '\n') { /* preformatted text keeps its lines */
            if (t->len > w->open && t->data[t->len - 1] != '\n') t->data[t->len++] = '\n';
            w->space = false;
            i++;
            continue;
        }
        if (sp) {
            w->space = true;
            i += sp;
            continue;
        }
        if (w->space) {
            if (t->len > w->open && t->data[t->len - 1] != '\n') t->data[t->len++] = ' ';
            w->space = false;
        }
        if (c < 0x20 || c == 0x7f) { /* other control characters are not text */
            i++;
            continue;
        }
        size_t k = i + 1;
        while (k < n && ((unsigned char)s[k] & 0xc0) == 0x80) k++;
        memcpy(t->data + t->len, s + i, k - i);
        t->len += k - i;
        chars++;
        i = k;
    }
    t->data[t->len] = '\0';
    w->chars += chars;
    if (w->link_depth > 0) w->links += chars;
}

static void line_break(walker *w)
{
    buf *t = &w->pg->text;
    if (t->len == w->open) return;
    if (t->data[t->len - 1] == '\n') { /* two breaks in a row end a paragraph */
        flush(w);
        return;
    }
    if (!buf_putc(t, '\n')) w->oom = true;
    w->space = false;
}

/* A malloc'd copy of s with white space runs made one space, trimmed; NULL when out of memory. */
static char *normalised_copy(const char *s)
{
    char *out = malloc(strlen(s) + 1);
    if (!out) return NULL;
    size_t o = 0;
    bool space = false;
    for (const char *p = s; *p; p++) {
        if (*p == ' ' || (*p >= '\t' && *p <= '\r')) {
            space = o > 0;
            continue;
        }
        if (space) out[o++] = ' ';
        space = false;
        out[o++] = *p;
    }
    out[o] = '\0';
    return out;
}

/* The text of <title>, white space normalised. */
static char *title_text(xmlNodePtr n)
{
    xmlChar *s = xmlNodeGetContent(n);
    if (!s) return NULL;
    char *out = normalised_copy((const char *)s);
    xmlFree(s);
    return out;
}

/* Keeps the content of <meta name="description"> or <meta property="og:description">, white
 * space normalised, when the page has no description yet. */
static void note_description(walker *w, xmlNodePtr n)
{
    if (w->pg->description) return;
    const char *name = attr_value(n, "name"), *property = attr_value(n, "property");
    const char *content = attr_value(n, "content");
    bool described = (name && !strcasecmp(name, "description")) || (property && !strcasecmp(property, "og:description"));
    if (!described || !content) return;
    w->pg->description = normalised_copy(content);
    if (!w->pg->description) w->oom = true;
}

/* Keeps a <script> that holds JSON, for extract_script.c. */
static void note_script(walker *w, xmlNodePtr n)
{
    if (script_holds_json(attr_value(n, "type")) && !vec_push(&w->pg->scripts, n)) w->oom = true;
}

/* Looks at an element's head-only content: the <title> and JSON scripts. */
static void scan_head(walker *w, xmlNodePtr head)
{
    for (xmlNodePtr c = head->children; c; c = c->next) {
        w->pg->stats.nodes++;
        if (c->type != XML_ELEMENT_NODE) continue;
        if (!strcmp((const char *)c->name, "title") && !w->pg->title) {
            w->pg->title = title_text(c);
            if (!w->pg->title) w->oom = true;
        } else if (!strcmp((const char *)c->name, "script")) {
            note_script(w, c);
        } else if (!strcmp((const char *)c->name, "meta")) {
            note_description(w, c);
        }
    }
}

/* Enters an element: true when its children are to be walked (then `leave` follows). */
static bool enter(walker *w, xmlNodePtr n)
{
    xpage *pg = w->pg;
    tag_kind kind;
    tag_id tag = tag_lookup((const char *)n->name, &kind);
    if (kind == KIND_SKIP) {
        if (!strcmp((const char *)n->name, "head")) scan_head(w, n);
        else if (!strcmp((const char *)n->name, "script")) note_script(w, n);
        else if (!strcmp((const char *)n->name, "meta")) note_description(w, n);
        else if (tag == TAG_SKIP && !pg->title && !strcmp((const char *)n->name, "title")) {
            pg->title = title_text(n);
            if (!pg->title) w->oom = true;
        }
        return false;
    }
    if (kind == KIND_BREAK) {
        line_break(w);
        return false;
    }
    const char *klass = attr_value(n, "class"), *id = attr_value(n, "id");
    class_hints h = {0};
    if (klass || id) hint_score(klass, id, &h);
    int hint = h.score;
    bool hidden = false;
    if (tag != TAG_BODY && tag != TAG_HTML) {
        const char *style = attr_value(n, "style"), *aria = attr_value(n, "aria-hidden");
        /* <noscript> is walked as a hidden element: libxml2 lets a stray tag in it swallow the page */
        hidden = tag == TAG_NOSCRIPT || h.hidden || has_attr(n, "hidden") || (style && style_hidden(style)) || (aria && !strcmp(aria, "true"));
    }
    if (tag == TAG_BODY || tag == TAG_HTML) hint = 0; /* page-wide classes say nothing about parts */
    if (kind != KIND_INLINE) flush(w);
    if (tag == TAG_A && has_attr(n, "href")) w->link_depth++;
    xnode x = {0};
    x.parent = w->cur;
    x.tag = (uint8_t)tag;
    x.hint = (int8_t)hint;
    x.block0 = x.block1 = (uint32_t)pg->blocks.len;
    const xnode *up = w->cur == NO_NODE ? NULL : &pg->nodes.items[w->cur];
    uint32_t self = (uint32_t)pg->nodes.len;
    x.owner = kind == KIND_INLINE && up ? up->owner : self;
    x.region = NO_NODE;
    x.furniture = hint <= -4 ? FURN_STRONG : (kind == KIND_BOILER || hint <= -2) ? FURN_WEAK : FURN_NONE;
    x.flags = up ? up->flags : 0;
    x.hidden = hidden;
    x.caption = tag == TAG_FIGCAPTION || (h.caption && tag != TAG_BODY && tag != TAG_HTML);
    if (tag == TAG_TD || tag == TAG_TH) x.flags |= BF_CELL;
    if (tag == TAG_LI || tag == TAG_DD || tag == TAG_DT) x.flags |= BF_ITEM;
    if (tag == TAG_PRE) x.flags |= BF_PRE;
    if (tag == TAG_BLOCKQUOTE) x.flags |= BF_QUOTE;
    if (!vec_push(&pg->nodes, x)) {
        w->oom = true;
        return false;
    }
    w->cur = self;
    return true;
}

static void leave(walker *w, xmlNodePtr n)
{
    xpage *pg = w->pg;
    xnode *x = &pg->nodes.items[w->cur];
    if (x->owner == w->cur) flush(w);
    x = &pg->nodes.items[w->cur]; /* flush may have moved nothing, but keep the pointer fresh */
    x->end = (uint32_t)pg->nodes.len;
    x->block1 = (uint32_t)pg->blocks.len;
    if (x->tag == TAG_A && has_attr(n, "href")) w->link_depth--;
    w->cur = x->parent;
}

static void walk(walker *w, xmlNodePtr root)
{
    xmlNodePtr n = root;
    while (n && !w->oom) {
        w->pg->stats.nodes++;
        bool down = false;
        if (n->type == XML_ELEMENT_NODE) {
            down = enter(w, n);
            if (down && !n->children) {
                leave(w, n);
                down = false;
            }
        } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content && w->cur != NO_NODE) {
            add_text(w, (const char *)n->content, strlen((const char *)n->content));
        }
        if (down) {
            n = n->children;
            continue;
        }
        while (n != root && !n->next) {
            n = n->parent;
            if (n->type == XML_ELEMENT_NODE) leave(w, n);
        }
        if (n == root) break;
        n = n->next;
    }
    while (w->cur != NO_NODE && !w->oom) { /* only after running out of memory half-way */
        w->pg->nodes.items[w->cur].end = (uint32_t)w->pg->nodes.len;
        w->cur = w->pg->nodes.items[w->cur].parent;
    }
}

bool blocks_build(xpage *pg, htmlDocPtr doc)
{
    walker w = {.pg = pg, .cur = NO_NODE};
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!root) return true;
    if (!pg->lang) {
        const char *lang = attr_value(root, "lang");
        if (!lang) lang = attr_value(root, "xml:lang");
        if (lang && *lang) {
            pg->lang = strdup(lang);
            if (!pg->lang) return false;
        }
    }
    if (!buf_reserve(&pg->text, 4096)) return false;
    walk(&w, root);
    if (!w.oom) flush(&w);
    return !w.oom;
}

void xpage_free(xpage *pg)
{
    vec_free(&pg->nodes);
    vec_free(&pg->blocks);
    vec_free(&pg->scripts);
    buf_free(&pg->text);
    free(pg->title);
    free(pg->description);
    free(pg->h1);
    free(pg->lang);
}

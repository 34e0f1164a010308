/* metadata_body.c — metadata written into the page body: microdata (itemprop=datePublished,
 * author), <time datetime>, rel=author links, bylines and date lines marked by class or id, and
 * the first <h1>. Comment sections are skipped: their authors and dates are not the article's. */
#include <stdlib.h>
#include <string.h>

#include "html/metadata.h"

enum {
    MAX_LINE = 200,   /* longest text of a byline or date line, in bytes */
    MAX_MARKS = 240,  /* bytes of class and id looked at */
    MAX_BYLINES = 16, /* bylines and author links kept (html_metadata uses the first with a name) */
    MAX_TEXT_BYLINE = 120, /* longest text that opens like a byline ("Von A") and is one */
    NEAR_H1 = 6,      /* texts with digits looked at before and after the first <h1> for a date */
};

/* State of the walk. */
typedef struct walk_state {
    meta_found *f;
    bool time_marked;              /* the <time> in MS_TIME_ELEM was marked as the publication date */
    const char *recent[NEAR_H1];   /* the last texts with a digit before the first <h1>, a ring */
    size_t n_recent;               /* texts put in the ring so far */
    int after_h1;                  /* texts with a digit still to look at after the first <h1>; -1 before it */
    bool ok;                       /* false once out of memory */
} walk_state;

static xmlChar *prop(xmlNodePtr n, const char *name) { return xmlGetProp(n, (const xmlChar *)name); }

/* The class and id of an element, lower case, cut at MAX_MARKS bytes (what says what it is). */
typedef struct marks {
    char s[MAX_MARKS + 1];
} marks;

static void marks_of(xmlNodePtr n, marks *m)
{
    size_t k = 0;
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        if (!a->children || !a->children->content) continue;
        if (!meta_ieq((const char *)a->name, "class") && !meta_ieq((const char *)a->name, "id")) continue;
        for (const xmlChar *c = a->children->content; *c && k < MAX_MARKS - 1; c++)
            m->s[k++] = (char)(*c >= 'A' && *c <= 'Z' ? *c | 0x20 : *c);
        if (k < MAX_MARKS) m->s[k++] = ' ';
    }
    m->s[k] = '\0';
}

/* Whether the marks contain one of the words (lower case). */
static bool marked(const marks *m, const char *const *words, size_t n_words)
{
    if (!m->s[0]) return false;
    for (size_t i = 0; i < n_words; i++)
        if (strstr(m->s, words[i])) return true;
    return false;
}

#define MARKED(m, words) marked(m, words, sizeof words / sizeof *words)

static const char *const comment_words[] = {"comment", "kommentar", "respond", "disqus"};
static const char *const byline_words[] = {"byline", "author", "autor", "verfasser"};
static const char *const not_byline_words[] = {"avatar", "bio", "box", "description", "image", "img", "photo"};
static const char *const date_words[] = {"date", "datum", "time", "publish", "posted", "byline", "meta", "dateline"};
static const char *const modified_words[] = {"modif", "update", "aktualisiert"};
static const char *const published_words[] = {"publish", "entry-date", "post-date", "created"};

/* The value of a microdata property: content, datetime or href attribute, else the text. */
static bool item_value(xmlNodePtr n, char **out)
{
    *out = NULL;
    static const char *const attrs[] = {"content", "datetime"};
    for (size_t i = 0; i < sizeof attrs / sizeof *attrs; i++) {
        xmlChar *v = prop(n, attrs[i]);
        if (v) {
            bool ok = meta_clean((const char *)v, strlen((const char *)v), out);
            xmlFree(v);
            if (!ok || *out) return ok;
        }
    }
    return meta_node_text(n, false, out);
}

/* The first descendant (or n itself) with itemprop=name. */
static xmlNodePtr item_name(xmlNodePtr n, int depth)
{
    if (depth > META_MAX_DEPTH) return NULL;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        xmlChar *ip = prop(c, "itemprop");
        bool yes = ip && meta_ieq((const char *)ip, "name");
        xmlFree(ip);
        if (yes) return c;
        xmlNodePtr d = item_name(c, depth + 1);
        if (d) return d;
    }
    return NULL;
}

static void on_itemprop(walk_state *w, xmlNodePtr n, const char *ip)
{
    char *v = NULL;
    if (meta_ieq(ip, "datePublished") || meta_ieq(ip, "dateCreated")) {
        if ((w->ok = item_value(n, &v)) && v) w->ok = meta_set_date(w->f, MS_ITEMPROP_DATE, v);
    } else if (meta_ieq(ip, "headline")) {
        if ((w->ok = item_value(n, &v)) && v && !w->f->slot[MS_ITEMPROP_TITLE]) {
            w->f->slot[MS_ITEMPROP_TITLE] = v;
            v = NULL;
        }
    } else if (meta_ieq(ip, "author") || meta_ieq(ip, "creator")) {
        xmlNodePtr name = item_name(n, 0);
        if ((w->ok = item_value(name ? name : n, &v)) && v && strlen(v) <= MAX_LINE)
            w->ok = meta_add_author(w->f, MA_ITEMPROP, v, strlen(v));
    }
    free(v);
}

static void on_time(walk_state *w, xmlNodePtr n, const marks *m, bool in_byline)
{
    xmlChar *dt = prop(n, "datetime");
    if (!dt) return;
    bool mark = xmlHasProp(n, (const xmlChar *)"pubdate") || in_byline || MARKED(m, published_words);
    bool modified = MARKED(m, modified_words);
    char d[11];
    if (!modified && (!w->f->slot[MS_TIME_ELEM] || (mark && !w->time_marked)) && meta_date_parse((const char *)dt, d)) {
        free(w->f->slot[MS_TIME_ELEM]);
        w->f->slot[MS_TIME_ELEM] = NULL;
        w->ok = meta_set(w->f, MS_TIME_ELEM, d, strlen(d));
        w->time_marked = mark;
    }
    xmlFree(dt);
}

/* rel=author links and links to author pages. */
static void on_link(walk_state *w, xmlNodePtr n)
{
    xmlChar *rel = prop(n, "rel"), *href = prop(n, "href");
    bool author = (rel && meta_icontains((const char *)rel, "author")) ||
                  (href && (meta_icontains((const char *)href, "/author/") || meta_icontains((const char *)href, "/autor/") ||
                            meta_icontains((const char *)href, "/autoren/")));
    xmlFree(rel);
    xmlFree(href);
    char *t = NULL;
    if (author && w->f->authors[MA_REL].len < MAX_BYLINES && (w->ok = meta_node_text(n, true, &t)) && t && strlen(t) <= MAX_LINE)
        w->ok = meta_add_author(w->f, MA_REL, t, strlen(t));
    free(t);
}

static void on_h1(walk_state *w, xmlNodePtr n)
{
    char *t;
    if (!(w->ok = meta_node_text(n, false, &t)) || !t) return;
    w->f->n_h1++;
    if (w->f->slot[MS_H1]) {
        free(t);
        return;
    }
    w->f->slot[MS_H1] = t;
    /* the date shown above the headline: the closest text before it that has one */
    size_t n_ring = w->n_recent < NEAR_H1 ? w->n_recent : NEAR_H1;
    for (size_t k = 0; k < n_ring && !w->f->slot[MS_BEFORE_H1_DATE] && w->ok; k++)
        w->ok = meta_set_date(w->f, MS_BEFORE_H1_DATE, w->recent[(w->n_recent - 1 - k) % NEAR_H1]);
    w->after_h1 = NEAR_H1;
}

/* A text of the page: a date near the headline is the article's (dates in texts far from it
 * belong to teasers, comments and footers). */
static void on_text(walk_state *w, xmlNodePtr n)
{
    const char *t = (const char *)n->content;
    if (!t || w->after_h1 == 0 || strlen(t) > MAX_LINE || !strpbrk(t, "0123456789")) return;
    if (w->after_h1 < 0) {
        w->recent[w->n_recent++ % NEAR_H1] = t;
        return;
    }
    w->after_h1--;
    if (!w->f->slot[MS_AFTER_H1_DATE]) w->ok = meta_set_date(w->f, MS_AFTER_H1_DATE, t);
}

/* Openings of a byline written as text ("Von A", "Text: A", "Ein Artikel von A"), lower case. */
static const char *const text_cues[] = {
    "von ", "by ", "par ", "por ", "autor:", "autorin:", "author:", "text:", "text von ", "posted by ",
    "written by ", "ein artikel von ", "ein beitrag von ", "geschrieben von ", "veröffentlicht von ",
};

/* The first text with more than white space inside n, or NULL. */
static const char *first_text(xmlNodePtr n, int depth)
{
    if (depth > META_MAX_DEPTH) return NULL;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            const char *t = (const char *)c->content;
            while (*t == ' ' || *t == '\n' || *t == '\t' || *t == '\r') t++;
            if (*t) return t;
        } else if (c->type == XML_ELEMENT_NODE) {
            const char *t = first_text(c, depth + 1);
            if (t) return t;
        }
    }
    return NULL;
}

/* A short element whose text opens like a byline. */
static void on_text_byline(walk_state *w, xmlNodePtr n)
{
    const char *t = first_text(n, 0);
    bool cue = false;
    for (size_t i = 0; t && !cue && i < sizeof text_cues / sizeof *text_cues; i++) cue = meta_istarts(t, text_cues[i]);
    char *text = NULL;
    if (cue && (w->ok = meta_node_text(n, true, &text)) && text && strlen(text) <= MAX_TEXT_BYLINE)
        w->ok = meta_add_author(w->f, MA_TEXT, text, strlen(text));
    free(text);
}

static void walk(walk_state *w, xmlNodePtr n, bool in_byline, int depth)
{
    if (depth > META_MAX_DEPTH) return;
    for (; n && w->ok; n = n->next) {
        if (n->type == XML_TEXT_NODE) on_text(w, n);
        if (n->type != XML_ELEMENT_NODE) continue;
        const char *name = (const char *)n->name;
        marks m;
        marks_of(n, &m);
        if (meta_ieq(name, "script") || meta_ieq(name, "style") || meta_ieq(name, "head") || MARKED(&m, comment_words))
            continue;
        xmlChar *ip = prop(n, "itemprop");
        if (ip) on_itemprop(w, n, (const char *)ip);
        xmlFree(ip);
        if (!w->ok) return;
        bool byline = MARKED(&m, byline_words) && !MARKED(&m, not_byline_words);
        if (meta_ieq(name, "time")) on_time(w, n, &m, in_byline || byline);
        else if (meta_ieq(name, "a")) on_link(w, n);
        else if (meta_ieq(name, "h1")) on_h1(w, n);
        if (w->ok && w->f->authors[MA_TEXT].len < MAX_BYLINES) on_text_byline(w, n);
        /* <byline> is no HTML element, but some publishers' markup has it */
        byline = byline || meta_ieq(name, "byline");
        char *t = NULL;
        if (w->ok && (byline || (!w->f->slot[MS_BYLINE_DATE] && MARKED(&m, date_words) && !MARKED(&m, modified_words))) &&
            (w->ok = meta_node_text(n, true, &t)) && t && strlen(t) <= MAX_LINE) {
            if (byline && w->f->authors[MA_BYLINE].len < MAX_BYLINES)
                w->ok = meta_add_author(w->f, MA_BYLINE, t, strlen(t));
            if (w->ok && !MARKED(&m, modified_words)) w->ok = meta_set_date(w->f, MS_BYLINE_DATE, t);
        }
        free(t);
        if (w->ok) walk(w, n->children, in_byline || byline, depth + 1);
    }
}

bool meta_collect_body(htmlDocPtr doc, meta_found *f)
{
    walk_state w = {.f = f, .after_h1 = -1, .ok = true};
    walk(&w, doc->children, false, 0);
    return w.ok;
}

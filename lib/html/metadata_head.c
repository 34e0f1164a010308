/* metadata_head.c — what a page declares about itself: <meta> names and properties (OpenGraph,
 * Twitter cards, Dublin Core, Highwire citation_*, Parse.ly, Sailthru...), <link rel=canonical>,
 * <title> and the language of <html>. */
#include <stdlib.h>
#include <string.h>

#include <libxml/uri.h>

#include "html/metadata.h"

/* What a <meta> name (lower case) gives. */
typedef enum meta_kind {
    K_SLOT,   /* a scalar slot */
    K_DATE,   /* a date slot */
    K_AUTHOR, /* an author of MA_META */
} meta_kind;

static const struct meta_name {
    const char *name;
    meta_kind kind;
    meta_slot slot;
} names[] = {
    {"og:title", K_SLOT, MS_OG_TITLE},
    {"twitter:title", K_SLOT, MS_TW_TITLE},
    {"dc.title", K_SLOT, MS_META_TITLE},
    {"dcterms.title", K_SLOT, MS_META_TITLE},
    {"citation_title", K_SLOT, MS_META_TITLE},
    {"parsely-title", K_SLOT, MS_META_TITLE},
    {"sailthru.title", K_SLOT, MS_META_TITLE},
    {"headline", K_SLOT, MS_META_TITLE},
    {"title", K_SLOT, MS_META_TITLE},
    {"og:site_name", K_SLOT, MS_OG_SITE},
    {"application-name", K_SLOT, MS_META_SITE},
    {"apple-mobile-web-app-title", K_SLOT, MS_META_SITE},
    {"dc.publisher", K_SLOT, MS_META_SITE},
    {"dcterms.publisher", K_SLOT, MS_META_SITE},
    {"citation_publisher", K_SLOT, MS_META_SITE},
    {"citation_journal_title", K_SLOT, MS_META_SITE},
    {"publisher", K_SLOT, MS_META_SITE},
    {"og:url", K_SLOT, MS_OG_URL},
    {"og:locale", K_SLOT, MS_OG_LOCALE},
    {"content-language", K_SLOT, MS_META_LANG},
    {"language", K_SLOT, MS_META_LANG},
    {"dc.language", K_SLOT, MS_META_LANG},
    {"dcterms.language", K_SLOT, MS_META_LANG},
    {"citation_language", K_SLOT, MS_META_LANG},
    {"article:published_time", K_DATE, MS_META_PUBLISHED},
    {"article:published", K_DATE, MS_META_PUBLISHED},
    {"og:article:published_time", K_DATE, MS_META_PUBLISHED},
    {"og:published_time", K_DATE, MS_META_PUBLISHED},
    {"published_time", K_DATE, MS_META_PUBLISHED},
    {"datepublished", K_DATE, MS_META_PUBLISHED},
    {"date", K_DATE, MS_META_PUBLISHED},
    {"pubdate", K_DATE, MS_META_PUBLISHED},
    {"publishdate", K_DATE, MS_META_PUBLISHED},
    {"publish-date", K_DATE, MS_META_PUBLISHED},
    {"publish_date", K_DATE, MS_META_PUBLISHED},
    {"published-date", K_DATE, MS_META_PUBLISHED},
    {"published_date", K_DATE, MS_META_PUBLISHED},
    {"publication_date", K_DATE, MS_META_PUBLISHED},
    {"release_date", K_DATE, MS_META_PUBLISHED},
    {"date.published", K_DATE, MS_META_PUBLISHED},
    {"dc.date", K_DATE, MS_META_PUBLISHED},
    {"dc.date.issued", K_DATE, MS_META_PUBLISHED},
    {"dc.date.created", K_DATE, MS_META_PUBLISHED},
    {"dcterms.date", K_DATE, MS_META_PUBLISHED},
    {"dcterms.issued", K_DATE, MS_META_PUBLISHED},
    {"dcterms.created", K_DATE, MS_META_PUBLISHED},
    {"citation_publication_date", K_DATE, MS_META_PUBLISHED},
    {"citation_online_date", K_DATE, MS_META_PUBLISHED},
    {"citation_date", K_DATE, MS_META_PUBLISHED},
    {"parsely-pub-date", K_DATE, MS_META_PUBLISHED},
    {"sailthru.date", K_DATE, MS_META_PUBLISHED},
    {"article.published", K_DATE, MS_META_PUBLISHED},
    {"article_date_original", K_DATE, MS_META_PUBLISHED},
    {"original-publish-date", K_DATE, MS_META_PUBLISHED},
    {"originalpublicationdate", K_DATE, MS_META_PUBLISHED},
    {"cxenseparse:recs:publishtime", K_DATE, MS_META_PUBLISHED},
    {"bt:pubdate", K_DATE, MS_META_PUBLISHED},
    {"displaydate", K_DATE, MS_META_PUBLISHED},
    {"created", K_DATE, MS_META_PUBLISHED},
    {"article:modified_time", K_DATE, MS_META_MODIFIED},
    {"article:modified", K_DATE, MS_META_MODIFIED},
    {"og:updated_time", K_DATE, MS_META_MODIFIED},
    {"article:updated_time", K_DATE, MS_META_MODIFIED},
    {"datemodified", K_DATE, MS_META_MODIFIED},
    {"last-modified", K_DATE, MS_META_MODIFIED},
    {"lastmod", K_DATE, MS_META_MODIFIED},
    {"dc.date.modified", K_DATE, MS_META_MODIFIED},
    {"dcterms.modified", K_DATE, MS_META_MODIFIED},
    {"author", K_AUTHOR, 0},
    {"article:author", K_AUTHOR, 0},
    {"og:article:author", K_AUTHOR, 0},
    {"book:author", K_AUTHOR, 0},
    {"dc.creator", K_AUTHOR, 0},
    {"dcterms.creator", K_AUTHOR, 0},
    {"citation_author", K_AUTHOR, 0},
    {"parsely-author", K_AUTHOR, 0},
    {"sailthru.author", K_AUTHOR, 0},
    {"byl", K_AUTHOR, 0},
    {"authors", K_AUTHOR, 0},
};

static xmlChar *prop(xmlNodePtr n, const char *name) { return xmlGetProp(n, (const xmlChar *)name); }

static bool on_meta(xmlNodePtr n, meta_found *f)
{
    xmlChar *key = prop(n, "property");
    if (!key) key = prop(n, "name");
    if (!key) key = prop(n, "http-equiv");
    xmlChar *content = key ? prop(n, "content") : NULL;
    bool ok = true;
    if (key && content) {
        const char *k = (const char *)key, *v = (const char *)content;
        for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
            if (!meta_ieq(k, names[i].name)) continue;
            if (names[i].kind == K_SLOT) ok = meta_set(f, names[i].slot, v, strlen(v));
            else if (names[i].kind == K_DATE) ok = meta_set_date(f, names[i].slot, v);
            else ok = meta_add_author(f, MA_META, v, strlen(v));
            break;
        }
    }
    xmlFree(key);
    xmlFree(content);
    return ok;
}

/* <link rel=canonical href>, made absolute against the document's URL when relative. */
static bool on_link(xmlNodePtr n, htmlDocPtr doc, meta_found *f)
{
    xmlChar *rel = prop(n, "rel");
    bool ok = true;
    if (rel && meta_ieq((const char *)rel, "canonical") && !f->slot[MS_CANONICAL]) {
        xmlChar *href = prop(n, "href");
        xmlChar *abs = href && doc->URL ? xmlBuildURI(href, doc->URL) : NULL;
        const char *u = (const char *)(abs ? abs : href);
        if (u && (meta_istarts(u, "http://") || meta_istarts(u, "https://"))) ok = meta_set(f, MS_CANONICAL, u, strlen(u));
        xmlFree(abs);
        xmlFree(href);
    }
    xmlFree(rel);
    return ok;
}

/* Whether the node is inside an <svg> (whose <title> names a picture, not the page). */
static bool in_svg(xmlNodePtr n)
{
    for (; n; n = n->parent)
        if (n->type == XML_ELEMENT_NODE && meta_ieq((const char *)n->name, "svg")) return true;
    return false;
}

static bool walk(xmlNodePtr n, htmlDocPtr doc, meta_found *f, int depth)
{
    if (depth > META_MAX_DEPTH) return true;
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        const char *name = (const char *)n->name;
        bool ok = true;
        if (meta_ieq(name, "meta")) {
            ok = on_meta(n, f);
        } else if (meta_ieq(name, "link")) {
            ok = on_link(n, doc, f);
        } else if (meta_ieq(name, "title") && !f->slot[MS_HTML_TITLE] && !in_svg(n)) {
            char *t;
            ok = meta_node_text(n, false, &t);
            f->slot[MS_HTML_TITLE] = t;
        } else if (meta_ieq(name, "script") || meta_ieq(name, "style")) {
            continue;
        }
        if (!ok || !walk(n->children, doc, f, depth + 1)) return false;
    }
    return true;
}

bool meta_collect_head(htmlDocPtr doc, meta_found *f)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (root) {
        xmlChar *lang = prop(root, "lang");
        if (!lang) lang = xmlGetNsProp(root, (const xmlChar *)"lang", XML_XML_NAMESPACE);
        if (!lang) lang = prop(root, "xml:lang");
        bool ok = !lang || meta_set(f, MS_HTML_LANG, (const char *)lang, strlen((const char *)lang));
        xmlFree(lang);
        if (!ok) return false;
    }
    if (doc->URL && !meta_set(f, MS_DOC_URL, (const char *)doc->URL, strlen((const char *)doc->URL))) return false;
    return walk(doc->children, doc, f, 0);
}

/* metadata_jsonld.c — schema.org metadata in <script type="application/ld+json">: the article
 * object (NewsArticle and kin, else a WebPage), its authors (resolved through @id in @graph),
 * dates, publisher, URL and language, and the name of the WebSite. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "html/metadata.h"

enum {
    MAX_DEPTH = 12,    /* of objects followed through @graph, mainEntity, isPartOf */
    MAX_OBJECTS = 512, /* objects of one JSON text looked at (catalogue pages list thousands) */
    RANK_ORG = 1,   /* an Organization naming the site */
    RANK_PAGE = 1,  /* WebPage and kin: the article when there is no better one */
    RANK_SITE = 2,  /* a WebSite */
    RANK_ARTICLE = 3,
};

/* schema.org types of articles. */
static const char *const article_types[] = {
    "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
    "ReviewNewsArticle", "BackgroundNewsArticle", "AskPublicNewsArticle", "SatiricalArticle", "BlogPosting",
    "LiveBlogPosting", "SocialMediaPosting", "DiscussionForumPosting", "TechArticle", "ScholarlyArticle",
    "MedicalScholarlyArticle", "Report", "APIReference", "AdvertiserContentArticle", "Recipe", "HowTo",
};
static const char *const page_types[] = {
    "WebPage", "ItemPage", "AboutPage", "ContactPage", "CollectionPage", "ProfilePage", "QAPage", "FAQPage",
    "MedicalWebPage", "RealEstateListing", "CheckoutPage", "SearchResultsPage",
};
static const char *const org_types[] = {"Organization", "NewsMediaOrganization", "Corporation", "LocalBusiness",
                                         "EducationalOrganization", "GovernmentOrganization", "NGO"};

/* @id -> object, over one script's JSON. */
typedef struct id_entry {
    const char *id;
    json_t *obj;
} id_entry;
typedef VEC(id_entry) id_map;

/* One JSON text being read: its @id map and the objects already taken (references through @id
 * can make cycles, and many references to one object must not multiply the work). */
typedef struct ld_doc {
    id_map ids;
    VEC(json_t *) seen;
} ld_doc;

static bool type_in(const char *type, const char *const *list, size_t n)
{
    /* full IRIs such as "http://schema.org/NewsArticle" name the same types */
    const char *slash = strrchr(type, '/');
    if (slash) type = slash + 1;
    for (size_t i = 0; i < n; i++)
        if (strcmp(type, list[i]) == 0) return true;
    return false;
}

#define TYPE_IN(type, list) type_in(type, list, sizeof list / sizeof *list)

/* Rank of an object by its @type (a string or an array of strings); 0 for other types. */
static int rank_of(json_t *obj, bool *website, bool *org)
{
    json_t *t = json_object_get(obj, "@type");
    int rank = 0;
    bool person = false;
    *website = *org = false;
    for (size_t i = 0, n = json_is_array(t) ? json_array_size(t) : 1; i < n; i++) {
        const char *s = json_string_value(json_is_array(t) ? json_array_get(t, i) : t);
        if (!s) continue;
        if (TYPE_IN(s, article_types)) rank = RANK_ARTICLE;
        else if (TYPE_IN(s, page_types) && rank < RANK_PAGE) rank = RANK_PAGE;
        else if (strcmp(s, "WebSite") == 0 || strstr(s, "/WebSite")) *website = true;
        else if (TYPE_IN(s, org_types)) *org = true;
        else if (strcmp(s, "Person") == 0) person = true;
    }
    *org = *org && !person; /* ["Person", "Organization"]: a person who is the site */
    return rank;
}

static void map_ids(json_t *v, id_map *ids, int depth, bool *ok)
{
    if (!*ok || depth > MAX_DEPTH) return;
    if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v); i++) map_ids(json_array_get(v, i), ids, depth + 1, ok);
        return;
    }
    if (!json_is_object(v)) return;
    const char *id = json_string_value(json_object_get(v, "@id"));
    /* the first object with an @id and more than a reference is the one it names */
    if (id && json_object_size(v) > 1 && !vec_push(ids, ((id_entry){id, v}))) *ok = false;
    const char *key;
    json_t *child;
    json_object_foreach(v, key, child) map_ids(child, ids, depth + 1, ok);
}

/* The object a value stands for: itself, or the full object its @id names. */
static json_t *resolve(json_t *v, const id_map *ids)
{
    if (!json_is_object(v)) return v;
    const char *id = json_string_value(json_object_get(v, "@id"));
    if (!id || json_object_size(v) > 1) return v;
    for (size_t i = 0; i < ids->len; i++)
        if (strcmp(ids->items[i].id, id) == 0) return ids->items[i].obj;
    return v;
}

/* Sets a scalar slot from a JSON-LD object of the given rank, when no object of that rank or a
 * better one gave it a value yet. */
static bool set_ranked(meta_found *f, meta_slot slot, const char *s, int rank, bool date)
{
    if (!s || rank <= f->ld_rank[slot]) return true;
    char *v = NULL;
    if (date) {
        char d[11];
        if (meta_date_parse(s, d) && !(v = strdup(d))) return false;
    } else if (!meta_clean_markup(s, strlen(s), &v)) {
        return false;
    }
    if (!v) return true;
    free(f->slot[slot]);
    f->slot[slot] = v;
    f->ld_rank[slot] = rank;
    return true;
}

/* The name of a Person or Organization (or a plain string). */
static const char *name_of(json_t *v, const id_map *ids, buf *tmp)
{
    v = resolve(v, ids);
    if (json_is_string(v)) return json_string_value(v);
    if (!json_is_object(v)) return NULL;
    const char *name = json_string_value(json_object_get(v, "name"));
    if (name) return name;
    const char *given = json_string_value(json_object_get(v, "givenName"));
    const char *family = json_string_value(json_object_get(v, "familyName"));
    if (!given && !family) return NULL;
    buf_clear(tmp);
    if (!buf_puts(tmp, given ? given : "") || !buf_putc(tmp, ' ') || !buf_puts(tmp, family ? family : ""))
        return NULL;
    return tmp->data;
}

/* A URL given as a string or as an object with @id or url. */
static const char *url_of(json_t *v)
{
    if (json_is_string(v)) return json_string_value(v);
    const char *u = json_string_value(json_object_get(v, "@id"));
    return u ? u : json_string_value(json_object_get(v, "url"));
}

static void list_clear(meta_list *l)
{
    for (size_t i = 0; i < l->len; i++) free(l->items[i]);
    l->len = 0;
}

/* The authors of an article object; Organizations apart from persons (a publisher named as the
 * author is a weaker answer than a byline). A better object's authors replace earlier ones. */
static bool take_authors(meta_found *f, json_t *obj, int rank, const id_map *ids)
{
    json_t *a = json_object_get(obj, "author");
    if (!a) a = json_object_get(obj, "creator");
    if (!a || rank <= f->ld_author_rank) return true;
    meta_found found = {0}; /* only its author lists are used */
    buf tmp = {0};
    bool ok = true;
    for (size_t i = 0, n = json_is_array(a) ? json_array_size(a) : 1; ok && i < n; i++) {
        json_t *v = resolve(json_is_array(a) ? json_array_get(a, i) : a, ids);
        bool website, org;
        rank_of(v, &website, &org);
        const char *name = name_of(v, ids, &tmp);
        if (name) ok = meta_add_author(&found, org ? MA_LD_ORG : MA_LD, name, strlen(name));
    }
    buf_free(&tmp);
    if (ok && (found.authors[MA_LD].len || found.authors[MA_LD_ORG].len)) {
        for (int k = 0; k < 2; k++) {
            meta_author_slot s = k ? MA_LD_ORG : MA_LD;
            list_clear(&f->authors[s]);
            vec_free(&f->authors[s]);
            f->authors[s] = found.authors[s];
            found.authors[s] = (meta_list){0};
        }
        f->ld_author_rank = rank;
    }
    meta_found_free(&found);
    return ok;
}

static bool take_object(meta_found *f, json_t *obj, ld_doc *d, int depth);

static bool take_value(meta_found *f, json_t *v, ld_doc *d, int depth)
{
    if (depth > MAX_DEPTH) return true;
    if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v); i++)
            if (!take_value(f, json_array_get(v, i), d, depth + 1)) return false;
        return true;
    }
    return json_is_object(v) ? take_object(f, v, d, depth) : true;
}

static bool take_object(meta_found *f, json_t *obj, ld_doc *d, int depth)
{
    if (d->seen.len >= MAX_OBJECTS) return true;
    for (size_t i = 0; i < d->seen.len; i++)
        if (d->seen.items[i] == obj) return true;
    if (!vec_push(&d->seen, obj)) return false;
    const id_map *ids = &d->ids;
    bool website, org;
    int rank = rank_of(obj, &website, &org);
    const char *name = json_string_value(json_object_get(obj, "name"));
    bool ok = true;
    if (website) ok = set_ranked(f, MS_LD_WEBSITE, name, RANK_SITE, false);
    else if (org) ok = set_ranked(f, MS_LD_WEBSITE, name, RANK_ORG, false);
    if (ok && rank) {
        const char *headline = json_string_value(json_object_get(obj, "headline"));
        const char *published = json_string_value(json_object_get(obj, "datePublished"));
        if (!published) published = json_string_value(json_object_get(obj, "dateCreated"));
        if (!published) published = json_string_value(json_object_get(obj, "uploadDate"));
        json_t *lang = json_object_get(obj, "inLanguage");
        json_t *url = json_object_get(obj, "mainEntityOfPage");
        if (!url_of(url)) url = json_object_get(obj, "url");
        buf tmp = {0};
        const char *publisher = name_of(json_object_get(obj, "publisher"), ids, &tmp);
        ok = set_ranked(f, MS_LD_TITLE, headline ? headline : name, rank, false) &&
             set_ranked(f, MS_LD_PUBLISHED, published, rank, true) &&
             set_ranked(f, MS_LD_MODIFIED, json_string_value(json_object_get(obj, "dateModified")), rank, true) &&
             set_ranked(f, MS_LD_PUBLISHER, publisher, rank, false) &&
             set_ranked(f, MS_LD_URL, url_of(url), rank, false) &&
             set_ranked(f, MS_LD_LANG, json_is_object(lang) ? url_of(lang) : json_string_value(lang), rank, false) &&
             take_authors(f, obj, rank, ids);
        buf_free(&tmp);
    }
    static const char *const nested[] = {"@graph", "mainEntity", "isPartOf"};
    for (size_t i = 0; ok && i < sizeof nested / sizeof *nested; i++) {
        json_t *v = json_object_get(obj, nested[i]);
        if (v) ok = take_value(f, resolve(v, ids), d, depth + 1);
    }
    return ok;
}

/* Repairs what breaks strict JSON in real pages: HTML comment or CDATA wrappers, raw control
 * characters in strings, commas before a closing bracket. */
static bool repair(const char *s, size_t len, buf *out)
{
    if (!buf_reserve(out, len)) return false;
    bool in_str = false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (in_str) {
            if (c == '\\') {
                /* a valid escape is kept whole; a backslash before anything else is dropped */
                if (i + 1 < len && strchr("\"\\/bfnrtu", s[i + 1]) && s[i + 1]) buf_putc(out, s[i++]);
                else continue;
            } else if (c == '"') {
                in_str = false;
            }
            buf_putc(out, (unsigned char)s[i] < 0x20 ? ' ' : s[i]);
            continue;
        }
        if (c == '"') {
            in_str = true;
        } else if (c == ',') {
            size_t j = i + 1;
            while (j < len && (s[j] == ' ' || s[j] == '\n' || s[j] == '\r' || s[j] == '\t')) j++;
            if (j < len && (s[j] == '}' || s[j] == ']')) continue;
        } else if (c == '<' || (c == '/' && i + 1 < len && (s[i + 1] == '/' || s[i + 1] == '*'))) {
            /* HTML comment and CDATA markers are dropped, script comments skipped */
            static const char *const wrappers[] = {"<!--", "<![CDATA[", "//", "/*"};
            size_t w;
            for (w = 0; w < sizeof wrappers / sizeof *wrappers; w++)
                if (strncmp(s + i, wrappers[w], strlen(wrappers[w])) == 0) break;
            if (w < 2) {
                i += strlen(wrappers[w]) - 1;
                continue;
            }
            if (w == 2) {
                while (i + 1 < len && s[i + 1] != '\n') i++;
                continue;
            }
            if (w == 3) {
                const char *end = strstr(s + i + 2, "*/");
                i = end && (size_t)(end - s) < len ? (size_t)(end - s) + 1 : len;
                continue;
            }
        } else if (c == '-' && i + 2 < len && s[i + 1] == '-' && s[i + 2] == '>') {
            i += 2;
            continue;
        } else if (c == ']' && i + 2 < len && s[i + 1] == ']' && s[i + 2] == '>') {
            i += 2;
            continue;
        }
        buf_putc(out, c);
    }
    return true;
}

/* Parses one or more JSON texts (a page may put several in one script) and takes what they say. */
static bool take_script(meta_found *f, const char *s, size_t len, bool *parsed)
{
    bool ok = true;
    size_t pos = 0;
    *parsed = false;
    while (ok && pos < len) {
        while (pos < len && (strchr(" \t\r\n;,", s[pos]) != NULL)) pos++;
        if (pos >= len) break;
        json_error_t e;
        json_t *root = json_loadb(s + pos, len - pos, JSON_DISABLE_EOF_CHECK, &e);
        if (!root) break;
        *parsed = true;
        ld_doc d = {0};
        map_ids(root, &d.ids, 0, &ok);
        ok = ok && take_value(f, root, &d, 0);
        vec_free(&d.ids);
        vec_free(&d.seen);
        json_decref(root);
        if (e.position <= 0) break;
        pos += (size_t)e.position;
    }
    return ok;
}

static bool is_jsonld(xmlNodePtr n)
{
    if (n->type != XML_ELEMENT_NODE || !meta_ieq((const char *)n->name, "script")) return false;
    xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");
    bool yes = type && meta_icontains((const char *)type, "ld+json");
    xmlFree(type);
    return yes;
}

static bool walk(xmlNodePtr n, meta_found *f, int depth)
{
    if (depth > META_MAX_DEPTH) return true;
    for (; n; n = n->next) {
        if (is_jsonld(n)) {
            xmlChar *text = xmlNodeGetContent(n);
            if (!text) continue;
            size_t len = strlen((const char *)text);
            bool parsed, ok = take_script(f, (const char *)text, len, &parsed);
            if (ok && !parsed) {
                buf fixed = {0};
                ok = repair((const char *)text, len, &fixed) && take_script(f, fixed.data ? fixed.data : "", fixed.len, &parsed);
                buf_free(&fixed);
            }
            xmlFree(text);
            if (!ok) return false;
        } else if (n->type == XML_ELEMENT_NODE && !walk(n->children, f, depth + 1)) {
            return false;
        }
    }
    return true;
}

bool meta_collect_jsonld(htmlDocPtr doc, meta_found *f) { return walk(doc->children, f, 0); }

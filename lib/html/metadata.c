/* metadata.c — html_metadata: gathers the candidates of every source of a page (metadata_*.c)
 * and picks, field by field, the most trusted one. */
#include <stdlib.h>
#include <string.h>

#include "html/html.h"
#include "html/metadata.h"

void meta_found_free(meta_found *f)
{
    for (size_t i = 0; i < MS_SCALAR_N; i++) free(f->slot[i]);
    for (size_t i = 0; i < MA_N; i++) {
        for (size_t k = 0; k < f->authors[i].len; k++) free(f->authors[i].items[k]);
        vec_free(&f->authors[i]);
    }
}

bool meta_set(meta_found *f, meta_slot slot, const char *s, size_t len)
{
    if (f->slot[slot]) return true;
    return meta_clean_markup(s, len, &f->slot[slot]);
}

bool meta_set_date(meta_found *f, meta_slot slot, const char *s)
{
    char d[11];
    if (f->slot[slot] || !meta_date_parse(s, d)) return true;
    return (f->slot[slot] = strdup(d)) != NULL;
}

bool meta_add_author(meta_found *f, meta_author_slot slot, const char *s, size_t len)
{
    char *v;
    if (!meta_clean_markup(s, len, &v)) return false;
    if (!v) return true;
    if (vec_push(&f->authors[slot], v)) return true;
    free(v);
    return false;
}

enum { MAX_H1_TITLE = 300 }; /* bytes: a longer <h1> wraps more than a headline */

/* The first slot of the list that holds a value. */
static const char *first(const meta_found *f, const meta_slot *order, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (f->slot[order[i]]) return f->slot[order[i]];
    return NULL;
}

#define FIRST(f, order) first(f, order, sizeof order / sizeof *order)

static bool is_http(const char *u) { return u && (meta_istarts(u, "http://") || meta_istarts(u, "https://")); }

/* The primary subtag of a language tag or locale ("de-AT", "en_US", "EN"), lower case; *out is
 * NULL when it is not 2 or 3 letters. False when out of memory. */
static bool language_of(const char *tag, char **out)
{
    size_t n = 0;
    *out = NULL;
    while ((tag[n] | 0x20) >= 'a' && (tag[n] | 0x20) <= 'z') n++;
    if (n < 2 || n > 3 || (tag[n] && tag[n] != '-' && tag[n] != '_')) return true;
    if (!(*out = malloc(n + 1))) return false;
    for (size_t i = 0; i < n; i++) (*out)[i] = (char)(tag[i] | 0x20);
    (*out)[n] = '\0';
    return true;
}

static bool dup_to(char **dst, const char *src)
{
    if (*dst || !src) return true;
    return (*dst = strdup(src)) != NULL;
}

/* The headline: the page's only <h1> unless it names the site (pages show their headline there;
 * meta titles are often rewritten for search engines and social networks), else the most
 * trusted meta title, else <title>, without the site's name around it. */
static bool pick_title(const meta_found *f, const char *const *sites, size_t n_sites, const char *url, td_article *out)
{
    if (out->title) return true;
    const char *h1 = f->n_h1 == 1 && f->slot[MS_H1] && strlen(f->slot[MS_H1]) <= MAX_H1_TITLE ? f->slot[MS_H1] : NULL;
    bool site = false;
    if (h1 && !meta_is_site_name(h1, sites, n_sites, url, &site)) return false;
    if (h1 && !site) return (out->title = strdup(h1)) != NULL;
    static const meta_slot order[] = {MS_LD_TITLE,   MS_OG_TITLE,   MS_TW_TITLE, MS_ITEMPROP_TITLE,
                                      MS_META_TITLE, MS_HTML_TITLE, MS_H1};
    const char *t = FIRST(f, order);
    if (!t) return true;
    const char *other[] = {f->slot[MS_LD_TITLE], f->slot[MS_OG_TITLE], f->slot[MS_H1]};
    return meta_title_strip(t, sites, n_sites, url, other, sizeof other / sizeof *other, &out->title);
}

/* The publication date (metadata, then microdata and <time>, then the URL, then the dates shown
 * near the headline, then the modification date) — unless the page shows its modification date
 * next to the headline: then it presents itself as of that date, and that is the one taken. */
static bool pick_date(const meta_found *f, const char *url, td_article *out)
{
    if (out->date) return true;
    char d[11];
    static const meta_slot published[] = {MS_LD_PUBLISHED, MS_META_PUBLISHED, MS_ITEMPROP_DATE, MS_TIME_ELEM};
    static const meta_slot shown[] = {MS_BYLINE_DATE, MS_AFTER_H1_DATE};
    static const meta_slot later[] = {MS_BYLINE_DATE, MS_AFTER_H1_DATE, MS_BEFORE_H1_DATE, MS_LD_MODIFIED,
                                      MS_META_MODIFIED};
    const char *v = FIRST(f, published), *visible = FIRST(f, shown);
    const char *mod[] = {f->slot[MS_LD_MODIFIED], f->slot[MS_META_MODIFIED]};
    for (size_t i = 0; v && visible && i < 2; i++)
        if (mod[i] && strcmp(mod[i], visible) == 0) v = visible;
    if (!v && url && meta_date_from_url(url, d)) v = d;
    if (!v) v = FIRST(f, later);
    return dup_to(&out->date, v);
}

/* Drops the names that are the site's (a publisher named as author says nothing about who
 * wrote the article). */
static void drop_site_names(meta_list *names, const char *const *sites, size_t n_sites)
{
    size_t k = 0;
    for (size_t i = 0; i < names->len; i++) {
        bool site = false;
        for (size_t s = 0; s < n_sites && !site; s++) site = sites[s] && meta_same_name(names->items[i], sites[s]);
        if (site) free(names->items[i]);
        else names->items[k++] = names->items[i];
    }
    names->len = k;
}

/* The authors of the most trusted source that names any: all the names JSON-LD, <meta> or
 * microdata give; the first author link or byline that holds a name (later ones belong to
 * teasers and sidebars). */
static bool pick_authors(const meta_found *f, const char *const *sites, size_t n_sites, td_article *out)
{
    if (out->n_authors) return true;
    meta_list names = {0};
    bool ok = true;
    static const meta_author_slot order[] = {MA_LD, MA_META, MA_ITEMPROP, MA_REL, MA_BYLINE, MA_TEXT, MA_LD_ORG};
    for (size_t o = 0; ok && o < sizeof order / sizeof *order && !names.len; o++) {
        meta_author_slot s = order[o];
        bool from_text = s == MA_REL || s == MA_BYLINE || s == MA_TEXT;
        for (size_t i = 0; ok && i < f->authors[s].len && !(from_text && names.len); i++) {
            ok = meta_author_split(f->authors[s].items[i], from_text, &names);
            if (s != MA_LD) drop_site_names(&names, sites, n_sites);
        }
    }
    if (ok && names.len) {
        free(out->authors);
        out->authors = names.items;
        out->n_authors = names.len;
        return true;
    }
    for (size_t i = 0; i < names.len; i++) free(names.items[i]);
    vec_free(&names);
    return ok;
}

static bool pick_language(const meta_found *f, td_article *out)
{
    if (out->language) return true;
    static const meta_slot order[] = {MS_HTML_LANG, MS_LD_LANG, MS_META_LANG, MS_OG_LOCALE};
    for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
        if (f->slot[order[i]] && !language_of(f->slot[order[i]], &out->language)) return false;
        if (out->language) return true;
    }
    return true;
}

bool html_metadata(htmlDocPtr doc, td_article *out)
{
    meta_found f = {0};
    bool ok = meta_collect_jsonld(doc, &f) && meta_collect_head(doc, &f) && meta_collect_body(doc, &f);
    if (ok) {
        static const meta_slot site_order[] = {MS_LD_PUBLISHER, MS_LD_WEBSITE, MS_OG_SITE, MS_META_SITE};
        const char *site = FIRST(&f, site_order);
        const char *url = NULL;
        static const meta_slot url_order[] = {MS_CANONICAL, MS_OG_URL, MS_LD_URL, MS_DOC_URL};
        for (size_t i = 0; !url && i < sizeof url_order / sizeof *url_order; i++)
            if (is_http(f.slot[url_order[i]])) url = f.slot[url_order[i]];
        const char *sites[] = {f.slot[MS_LD_PUBLISHER], f.slot[MS_LD_WEBSITE], f.slot[MS_OG_SITE], f.slot[MS_META_SITE]};
        size_t n_sites = sizeof sites / sizeof *sites;
        ok = dup_to(&out->url, url) && dup_to(&out->site, site) && pick_title(&f, sites, n_sites, out->url, out) &&
             pick_date(&f, out->url, out) && pick_authors(&f, sites, n_sites, out) && pick_language(&f, out);
    }
    meta_found_free(&f);
    return ok;
}

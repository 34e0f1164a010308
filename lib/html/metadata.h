/* metadata.h — internal to html_metadata (lib/html/metadata*.c): the candidates each source of a
 * page offers, the collectors that find them, and the cleaning of dates, names and titles. */
#ifndef TD_HTML_METADATA_H
#define TD_HTML_METADATA_H
#include <stdbool.h>
#include <stddef.h>

#include <libxml/HTMLparser.h>

#include "common/vec.h"

/* Where a candidate value came from; for each field html_metadata takes the first slot (in its
 * own order of trust) that holds a value. */
typedef enum meta_slot {
    /* titles */
    MS_LD_TITLE,    /* JSON-LD headline (or name of an article/page object) */
    MS_OG_TITLE,    /* og:title */
    MS_TW_TITLE,    /* twitter:title */
    MS_ITEMPROP_TITLE, /* itemprop=headline */
    MS_META_TITLE,  /* dc.title, citation_title, parsely-title, sailthru.title, <meta name=title> */
    MS_HTML_TITLE,  /* <title> */
    MS_H1,          /* the text of the first <h1> */
    /* site names */
    MS_LD_PUBLISHER, /* JSON-LD publisher of the article */
    MS_LD_WEBSITE,   /* JSON-LD WebSite or Organization name */
    MS_OG_SITE,      /* og:site_name */
    MS_META_SITE,    /* application-name, dc.publisher, citation_journal_title... */
    /* URLs */
    MS_CANONICAL, /* <link rel=canonical> */
    MS_OG_URL,    /* og:url */
    MS_LD_URL,    /* JSON-LD url or mainEntityOfPage */
    MS_DOC_URL,   /* the URL the document was parsed with */
    /* languages (raw tags; html_metadata shortens them) */
    MS_HTML_LANG,  /* <html lang> (or xml:lang) */
    MS_LD_LANG,    /* JSON-LD inLanguage */
    MS_META_LANG,  /* http-equiv content-language, dc.language, <meta name=language> */
    MS_OG_LOCALE,  /* og:locale */
    /* dates, already YYYY-MM-DD */
    MS_LD_PUBLISHED,   /* JSON-LD datePublished (else dateCreated) */
    MS_META_PUBLISHED, /* article:published_time, date, pubdate, dc.date, citation_*date... */
    MS_ITEMPROP_DATE,  /* itemprop=datePublished (content or datetime or text) */
    MS_TIME_ELEM,      /* <time datetime> (the first one in a byline or marked as published) */
    MS_BYLINE_DATE,    /* a date in the text of an element marked as a date or byline */
    MS_AFTER_H1_DATE,  /* the first date in the texts right after the first <h1> */
    MS_BEFORE_H1_DATE, /* the closest date in the texts right before it */
    MS_LD_MODIFIED,    /* JSON-LD dateModified */
    MS_META_MODIFIED,  /* article:modified_time, og:updated_time, last-modified... */
    MS_SCALAR_N,
} meta_slot;

/* Where a list of author names came from, most trusted first. */
typedef enum meta_author_slot {
    MA_LD,       /* JSON-LD author */
    MA_META,     /* <meta name=author>, article:author, dc.creator, citation_author, parsely-author... */
    MA_ITEMPROP, /* itemprop=author */
    MA_REL,      /* <a rel=author>, links to /author/ pages */
    MA_BYLINE,   /* elements whose class or id says byline or author */
    MA_TEXT,     /* short elements whose text opens like a byline: "Von A", "Text: A" */
    MA_LD_ORG,   /* JSON-LD author that is an Organization */
    MA_N,
} meta_author_slot;

typedef VEC(char *) meta_list;

/* Elements nested deeper than this are not looked at (the walks recurse). */
enum { META_MAX_DEPTH = 256 };

/* Everything the collectors found on a page. Strings are malloc'd, cleaned (valid UTF-8,
 * white space collapsed and trimmed, never empty). */
typedef struct meta_found {
    char *slot[MS_SCALAR_N];      /* first value seen for each slot, or NULL */
    int ld_rank[MS_SCALAR_N];     /* for JSON-LD slots: rank of the object the value came from */
    meta_list authors[MA_N];      /* raw author strings per source (split and cleaned later) */
    int ld_author_rank;           /* rank of the JSON-LD object that gave authors[MA_LD] */
    size_t n_h1;                  /* <h1> elements with text in the page */
} meta_found;

void meta_found_free(meta_found *f);
/* Stores a copy of s[0..len) (cleaned) in slot when the slot is empty. False when out of memory. */
bool meta_set(meta_found *f, meta_slot slot, const char *s, size_t len);
/* Stores the date found in s (meta_date_parse) in slot when the slot is empty. */
bool meta_set_date(meta_found *f, meta_slot slot, const char *s);
/* Adds a cleaned copy of s to an author list (nothing when it is empty). */
bool meta_add_author(meta_found *f, meta_author_slot slot, const char *s, size_t len);

/* Collectors (each returns false when out of memory). */
bool meta_collect_jsonld(htmlDocPtr doc, meta_found *f);   /* metadata_jsonld.c */
bool meta_collect_head(htmlDocPtr doc, meta_found *f);     /* metadata_head.c: <meta>, <link>, <title>, lang */
bool meta_collect_body(htmlDocPtr doc, meta_found *f);     /* metadata_body.c: <time>, itemprop, bylines, <h1> */

/* Text (metadata_text.c). */
/* A malloc'd copy of s[0..len): invalid UTF-8 and control characters dropped, soft hyphens and
 * zero-width characters removed, white space collapsed to single spaces and trimmed. *out is
 * NULL when nothing is left. False when out of memory. */
bool meta_clean(const char *s, size_t len, char **out);
/* Like meta_clean, but also decodes HTML character references (&amp; &#8211; &eacute;), which
 * JSON-LD and some attributes carry undecoded, and drops tags (<b>). */
bool meta_clean_markup(const char *s, size_t len, char **out);
/* ASCII-case-insensitive tests. */
bool meta_ieq(const char *a, const char *b);
bool meta_istarts(const char *s, const char *prefix);
bool meta_icontains(const char *s, const char *needle);
/* Concatenated text of a node's descendants (excluding <script> and <style>), cleaned; NULL when
 * empty. Block elements separate words; with spaced, every element does ("By<a>Name</a>" in a
 * byline). False when out of memory. */
bool meta_node_text(xmlNodePtr node, bool spaced, char **out);

/* Dates (metadata_date.c). */
/* Finds a calendar date in s: ISO 8601 (2012-05-31T10:00Z, 20120531), 31.05.2012, 31. Mai 2012,
 * May 31, 2012, 31 May 2012, Thu, 31 May 2012 (RFC 822), 2012/05/31, 05/31/2012 (only when
 * unambiguous: day > 12) and month names in English, German, French, Spanish, Italian, Dutch and
 * Portuguese. Writes YYYY-MM-DD and a NUL to out; false when there is no plausible date (years
 * 1900-2099, real calendar days). */
bool meta_date_parse(const char *s, char out[11]);
/* The date of a URL path: /2012/05/31/, /2012-05-31/, /20120531/ or /2012/05/ (day 01 is not
 * invented: false without a day). */
bool meta_date_from_url(const char *url, char out[11]);

/* Authors (metadata_author.c). */
/* Splits one raw author string ("By A and B", "A, B; C", "A und B") into cleaned names, appended
 * to names unless already there (case-insensitively): prefixes such as "By", "Von", "Author:"
 * and lead-ins such as "View all posts by" stripped, dates cut off, URLs, e-mail addresses,
 * @handles, host names, legal forms and link or calendar words dropped. strict (for text found
 * in the page rather than in metadata fields) also drops lower-case words among capitalised ones
 * ("Expertin für Neue Arbeit") and lower-case phrases of more than two words. */
bool meta_author_split(const char *raw, bool strict, meta_list *names);

/* Titles (metadata_title.c). A site goes by the names in sites (NULLs skipped; up to 6) and by the
 * host of url (may be NULL). */
/* The headline in a page title: drops the parts before or after a separator (" | ", " - ", " – ",
 * " — ", " :: ", " · ", " » ") that name the site, or that other (og:title or h1, may be NULL)
 * shows to be extra. Returns a malloc'd string (a cleaned copy of title when nothing is dropped);
 * false when out of memory. */
bool meta_title_strip(const char *title, const char *const *sites, size_t n_sites, const char *url,
                      const char *const *other, size_t n_other, char **out);
/* Whether two names are the same once case, spaces and punctuation are ignored. */
bool meta_same_name(const char *a, const char *b);
/* Sets *yes when text names the site (its matching key equals, or mostly covers, a site name's). */
bool meta_is_site_name(const char *text, const char *const *sites, size_t n_sites, const char *url, bool *yes);

#endif

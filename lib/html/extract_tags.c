/* extract_tags.c — what element names and class/id attributes say about an element: its part in
 * the text flow (inline, block, break, skipped, page furniture) and hints for or against content. */
#include <string.h>

#include "html/extract.h"

typedef struct tag_entry {
    const char *name;
    uint8_t id;
    uint8_t kind;
} tag_entry;

/* Sorted by name (strcmp). Names not listed are custom elements or rare tags: block-level, since
 * custom elements are mostly layout containers and a wrong paragraph break costs less than words
 * glued together. */
static const tag_entry tags[] = {
    {"a", TAG_A, KIND_INLINE},
    {"abbr", TAG_INLINE, KIND_INLINE},
    {"acronym", TAG_INLINE, KIND_INLINE},
    {"address", TAG_ADDRESS, KIND_BLOCK},
    {"applet", TAG_SKIP, KIND_SKIP},
    {"area", TAG_SKIP, KIND_SKIP},
    {"article", TAG_ARTICLE, KIND_BLOCK},
    {"aside", TAG_ASIDE, KIND_BOILER},
    {"audio", TAG_SKIP, KIND_SKIP},
    {"b", TAG_INLINE, KIND_INLINE},
    {"base", TAG_SKIP, KIND_SKIP},
    {"bdi", TAG_INLINE, KIND_INLINE},
    {"bdo", TAG_INLINE, KIND_INLINE},
    {"big", TAG_INLINE, KIND_INLINE},
    {"blockquote", TAG_BLOCKQUOTE, KIND_BLOCK},
    {"body", TAG_BODY, KIND_BLOCK},
    {"br", TAG_BR, KIND_BREAK},
    {"button", TAG_SKIP, KIND_SKIP},
    {"canvas", TAG_SKIP, KIND_SKIP},
    {"caption", TAG_CAPTION, KIND_BLOCK},
    {"center", TAG_BLOCK, KIND_BLOCK},
    {"cite", TAG_INLINE, KIND_INLINE},
    {"code", TAG_INLINE, KIND_INLINE},
    {"data", TAG_INLINE, KIND_INLINE},
    {"datalist", TAG_SKIP, KIND_SKIP},
    {"dd", TAG_DD, KIND_BLOCK},
    {"del", TAG_INLINE, KIND_INLINE},
    {"details", TAG_BLOCK, KIND_BLOCK},
    {"dfn", TAG_INLINE, KIND_INLINE},
    {"dialog", TAG_SKIP, KIND_SKIP},
    {"dir", TAG_UL, KIND_BLOCK},
    {"div", TAG_DIV, KIND_BLOCK},
    {"dl", TAG_DL, KIND_BLOCK},
    {"dt", TAG_DT, KIND_BLOCK},
    {"em", TAG_INLINE, KIND_INLINE},
    {"embed", TAG_SKIP, KIND_SKIP},
    {"fieldset", TAG_BLOCK, KIND_BLOCK},
    {"figcaption", TAG_FIGCAPTION, KIND_BLOCK},
    {"figure", TAG_FIGURE, KIND_BLOCK},
    {"font", TAG_INLINE, KIND_INLINE},
    {"footer", TAG_FOOTER, KIND_BOILER},
    {"form", TAG_FORM, KIND_BOILER},
    {"frame", TAG_SKIP, KIND_SKIP},
    {"frameset", TAG_SKIP, KIND_SKIP},
    {"h1", TAG_H1, KIND_BLOCK},
    {"h2", TAG_H2, KIND_BLOCK},
    {"h3", TAG_H3, KIND_BLOCK},
    {"h4", TAG_H4, KIND_BLOCK},
    {"h5", TAG_H5, KIND_BLOCK},
    {"h6", TAG_H6, KIND_BLOCK},
    {"head", TAG_SKIP, KIND_SKIP},
    {"header", TAG_HEADER, KIND_BOILER},
    {"hgroup", TAG_BLOCK, KIND_BLOCK},
    {"hr", TAG_HR, KIND_BLOCK},
    {"html", TAG_HTML, KIND_BLOCK},
    {"i", TAG_INLINE, KIND_INLINE},
    {"iframe", TAG_SKIP, KIND_SKIP},
    {"img", TAG_SKIP, KIND_SKIP},
    {"input", TAG_SKIP, KIND_SKIP},
    {"ins", TAG_INLINE, KIND_INLINE},
    {"kbd", TAG_INLINE, KIND_INLINE},
    {"label", TAG_INLINE, KIND_INLINE},
    {"legend", TAG_BLOCK, KIND_BLOCK},
    {"li", TAG_LI, KIND_BLOCK},
    {"link", TAG_SKIP, KIND_SKIP},
    {"listing", TAG_PRE, KIND_BLOCK},
    {"main", TAG_MAIN, KIND_BLOCK},
    {"map", TAG_SKIP, KIND_SKIP},
    {"mark", TAG_INLINE, KIND_INLINE},
    {"math", TAG_SKIP, KIND_SKIP},
    {"menu", TAG_NAV, KIND_BOILER},
    {"meta", TAG_SKIP, KIND_SKIP},
    {"meter", TAG_SKIP, KIND_SKIP},
    {"nav", TAG_NAV, KIND_BOILER},
    {"nobr", TAG_INLINE, KIND_INLINE},
    {"noembed", TAG_SKIP, KIND_SKIP},
    {"noframes", TAG_SKIP, KIND_SKIP},
    {"noscript", TAG_NOSCRIPT, KIND_BLOCK},
    {"object", TAG_SKIP, KIND_SKIP},
    {"ol", TAG_OL, KIND_BLOCK},
    {"optgroup", TAG_SKIP, KIND_SKIP},
    {"option", TAG_SKIP, KIND_SKIP},
    {"output", TAG_SKIP, KIND_SKIP},
    {"p", TAG_P, KIND_BLOCK},
    {"param", TAG_SKIP, KIND_SKIP},
    {"picture", TAG_SKIP, KIND_SKIP},
    {"plaintext", TAG_PRE, KIND_BLOCK},
    {"pre", TAG_PRE, KIND_BLOCK},
    {"progress", TAG_SKIP, KIND_SKIP},
    {"q", TAG_INLINE, KIND_INLINE},
    {"rp", TAG_SKIP, KIND_SKIP},
    {"rt", TAG_SKIP, KIND_SKIP},
    {"ruby", TAG_INLINE, KIND_INLINE},
    {"s", TAG_INLINE, KIND_INLINE},
    {"samp", TAG_INLINE, KIND_INLINE},
    {"script", TAG_SKIP, KIND_SKIP},
    {"section", TAG_SECTION, KIND_BLOCK},
    {"select", TAG_SKIP, KIND_SKIP},
    {"small", TAG_INLINE, KIND_INLINE},
    {"source", TAG_SKIP, KIND_SKIP},
    {"span", TAG_INLINE, KIND_INLINE},
    {"strike", TAG_INLINE, KIND_INLINE},
    {"strong", TAG_INLINE, KIND_INLINE},
    {"style", TAG_SKIP, KIND_SKIP},
    {"sub", TAG_INLINE, KIND_INLINE},
    {"summary", TAG_BLOCK, KIND_BLOCK},
    {"sup", TAG_INLINE, KIND_INLINE},
    {"svg", TAG_SKIP, KIND_SKIP},
    {"table", TAG_TABLE, KIND_BLOCK},
    {"tbody", TAG_BLOCK, KIND_BLOCK},
    {"td", TAG_TD, KIND_BLOCK},
    {"template", TAG_SKIP, KIND_SKIP},
    {"textarea", TAG_SKIP, KIND_SKIP},
    {"tfoot", TAG_BLOCK, KIND_BLOCK},
    {"th", TAG_TH, KIND_BLOCK},
    {"thead", TAG_BLOCK, KIND_BLOCK},
    {"time", TAG_INLINE, KIND_INLINE},
    {"title", TAG_SKIP, KIND_SKIP},
    {"tr", TAG_TR, KIND_BLOCK},
    {"track", TAG_SKIP, KIND_SKIP},
    {"tt", TAG_INLINE, KIND_INLINE},
    {"u", TAG_INLINE, KIND_INLINE},
    {"ul", TAG_UL, KIND_BLOCK},
    {"var", TAG_INLINE, KIND_INLINE},
    {"video", TAG_SKIP, KIND_SKIP},
    {"wbr", TAG_INLINE, KIND_INLINE},
    {"xmp", TAG_PRE, KIND_BLOCK},
};

tag_id tag_lookup(const char *name, tag_kind *kind)
{
    size_t lo = 0, hi = sizeof tags / sizeof *tags;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(name, tags[mid].name);
        if (!c) {
            *kind = (tag_kind)tags[mid].kind;
            return (tag_id)tags[mid].id;
        }
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    *kind = KIND_BLOCK;
    return TAG_OTHER;
}

/* Words in class and id values. A word matches a part of a value when the part starts with it
 * (parts are split at '-', '_', ' ', digits and lower-to-upper case changes): "comment" matches
 * "comments", "commentList", "post-comment-form". Short words ("ad", "nav") must match a whole part. */
typedef struct hint_word {
    const char *word;
    int8_t score;
    uint8_t how; /* HW_* */
} hint_word;

/* The score of words that mark image captions and credits, and pull quotes (a sentence of the
 * article repeated in large type): not furniture (a caption inside the article must not count
 * against it) but not the story's text either. */
#define HINT_CAPTION 100

enum {
    HW_PREFIX = 0, /* the part starts with the word */
    HW_WHOLE = 1,  /* the part is the word */
    HW_FIRST = 2,  /* the part starts with the word and opens the class name ("widget-area", not
                      "elementor-widget-container": page builders wrap everything in "widgets") */
};

/* The first entry that matches decides, so longer words come before their prefixes. */
static const hint_word hint_words[] = {
    /* page furniture */
    {"ad", -2, HW_WHOLE},          {"ads", -2, HW_WHOLE},         {"adv", -2, HW_WHOLE},        {"advert", -2, HW_PREFIX},
    {"anzeige", -2, HW_PREFIX},    {"banner", -2, HW_PREFIX},     {"breadcrumb", -3, HW_PREFIX}, {"byline", -1, HW_PREFIX},
    {"commentar", 0, HW_PREFIX},  {"comment", -4, HW_PREFIX},  {"author", -2, HW_PREFIX},   {"bio", -2, HW_WHOLE},    {"community", -2, HW_PREFIX},  {"consent", -4, HW_PREFIX},   {"contact", -1, HW_WHOLE},
    {"cookie", -4, HW_PREFIX},     {"copyright", -2, HW_PREFIX}, {"caption", HINT_CAPTION, HW_PREFIX},  {"credit", HINT_CAPTION, HW_PREFIX},
    {"bildunterschrift", HINT_CAPTION, HW_PREFIX}, {"pullquote", HINT_CAPTION, HW_PREFIX}, {"bildnachweis", HINT_CAPTION, HW_PREFIX},  {"disqus", -4, HW_PREFIX},    {"dsgvo", -4, HW_PREFIX},
    {"footer", -3, HW_PREFIX},     {"foot", -2, HW_WHOLE},        {"gdpr", -4, HW_PREFIX},      {"kommentare", -4, HW_WHOLE},
    {"login", -2, HW_PREFIX},      {"masthead", -3, HW_PREFIX},   {"postmeta", -2, HW_PREFIX},  {"metadata", -2, HW_PREFIX},
    {"affiliate", -2, HW_PREFIX},  {"disclaimer", -2, HW_PREFIX}, {"disclosure", -2, HW_PREFIX}, {"header", -2, HW_FIRST},   {"menu", -3, HW_PREFIX},      {"meta", -2, HW_WHOLE},
    {"modal", -2, HW_PREFIX},      {"nav", -3, HW_WHOLE},         {"navbar", -3, HW_PREFIX},    {"navigation", -3, HW_PREFIX},
    {"newsletter", -4, HW_PREFIX}, {"outbrain", -4, HW_PREFIX},   {"pager", -2, HW_WHOLE},      {"pagination", -3, HW_PREFIX},
    {"plista", -4, HW_PREFIX},     {"popular", -2, HW_PREFIX},   {"popup", -3, HW_PREFIX},
    {"promo", -2, HW_WHOLE},       {"promos", -2, HW_WHOLE},      {"rating", -2, HW_PREFIX},     {"recommend", -3, HW_PREFIX}, {"related", -3, HW_PREFIX},
    {"reply", -2, HW_PREFIX},      {"respond", -4, HW_PREFIX},    {"share", -3, HW_PREFIX},     {"sharing", -3, HW_PREFIX},
    {"shop", -1, HW_WHOLE},        {"sidebar", -3, HW_PREFIX},    {"signup", -2, HW_PREFIX},    {"skip", -2, HW_WHOLE},
    {"social", -3, HW_PREFIX},     {"sponsor", -3, HW_PREFIX},    {"subscribe", -2, HW_PREFIX}, {"subscription", -2, HW_PREFIX},
    {"taboola", -4, HW_PREFIX},    {"tag", -2, HW_WHOLE},         {"tags", -2, HW_WHOLE},       {"tagcloud", -3, HW_PREFIX},
    {"teaser", -1, HW_PREFIX},     {"toolbar", -3, HW_PREFIX},    {"trending", -2, HW_PREFIX},  {"latest", -2, HW_WHOLE}, {"recent", -2, HW_PREFIX},  {"widget", -3, HW_FIRST},
    /* content */
    {"article", 2, HW_PREFIX},     {"artikel", 2, HW_PREFIX},     {"beitrag", 2, HW_PREFIX},    {"blog", 1, HW_PREFIX},
    {"body", 2, HW_WHOLE},         {"content", 2, HW_PREFIX},     {"entry", 2, HW_PREFIX},      {"hentry", 2, HW_PREFIX},
    {"inhalt", 2, HW_PREFIX},      {"main", 1, HW_WHOLE},         {"post", 2, HW_WHOLE},        {"prose", 2, HW_PREFIX},
    {"richtext", 2, HW_PREFIX},    {"story", 2, HW_PREFIX},       {"text", 2, HW_WHOLE},
};

static bool lower_ascii(char c) { return c >= 'a' && c <= 'z'; }
static bool upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

/* Scores one part (letters only) of a class or id value; first: it opens the class name. */
static int part_score(const char *p, size_t n, bool first)
{
    char w[24];
    if (n == 0 || n >= sizeof w) return 0;
    for (size_t i = 0; i < n; i++) w[i] = upper_ascii(p[i]) ? (char)(p[i] + 32) : p[i];
    w[n] = '\0';
    for (size_t i = 0; i < sizeof hint_words / sizeof *hint_words; i++) {
        const hint_word *h = &hint_words[i];
        if (h->word[0] != w[0]) continue;
        size_t hl = strlen(h->word);
        if (h->how == HW_FIRST && !first) continue;
        if (h->how == HW_WHOLE ? (hl == n && !memcmp(w, h->word, n)) : (hl <= n && !memcmp(w, h->word, hl)))
            return h->score;
    }
    return 0;
}

/* Class names that hide an element (utility classes of CSS frameworks). Responsive ones such as
 * "hidden-xs" hide only on some screens and are not listed. */
static bool hiding_class(const char *c, size_t n)
{
    static const char *const names[] = {"hidden",   "hide",    "invisible",       "is-hidden",          "d-none",
                                        "sr-only",  "visually-hidden", "visuallyhidden", "screen-reader-text",
                                        "element-invisible", "u-hidden"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strlen(names[i]) == n && !memcmp(c, names[i], n)) return true;
    return false;
}

/* Class names that label an article with its taxonomy (WordPress and kin: "tag-elections",
 * "category-sport", "format-standard", "postid-12") say nothing about the element's role. */
static bool taxonomy_class(const char *c, size_t n)
{
    static const char *const prefixes[] = {"tag-", "category-", "cat-", "postid-", "post-id-", "format-", "status-",
                                           "type-", "tags-", "categories-"};
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
        size_t pl = strlen(prefixes[i]);
        if (n > pl && !memcmp(c, prefixes[i], pl)) return true;
    }
    return false;
}

/* Adds the hints of one attribute value: the most negative part wins over positive ones. Layout
 * classes that only mention furniture nearby ("has-sidebar", "with-sidebar", "no-sidebar") and
 * values that say where a thing is not ("no-comments") are ignored. */
static void value_hints(const char *v, int *neg, int *pos, class_hints *h)
{
    if (!v) return;
    size_t i = 0;
    while (v[i]) {
        /* one class name: up to white space */
        size_t s = i;
        while (v[i] && v[i] != ' ' && v[i] != '\t' && v[i] != '\n') i++;
        size_t e = i;
        while (v[i] == ' ' || v[i] == '\t' || v[i] == '\n') i++;
        if (hiding_class(v + s, e - s)) h->hidden = true;
        if (taxonomy_class(v + s, e - s)) continue;
        bool skip_next = false;
        for (size_t j = s; j < e;) {
            while (j < e && !lower_ascii(v[j]) && !upper_ascii(v[j])) j++;
            size_t ps = j;
            j++;
            while (j < e && lower_ascii(v[j])) j++;
            if (ps >= e) break;
            /* an all-caps run stays one part */
            if (j == ps + 1 && upper_ascii(v[ps]))
                while (j < e && upper_ascii(v[j])) j++;
            size_t n = j - ps;
            if (skip_next) {
                skip_next = false;
                continue;
            }
            if ((n == 3 && !memcmp(v + ps, "has", 3)) || (n == 4 && !memcmp(v + ps, "with", 4)) ||
                (n == 2 && !memcmp(v + ps, "no", 2)) || (n == 7 && !memcmp(v + ps, "without", 7))) {
                skip_next = true;
                continue;
            }
            int sc = part_score(v + ps, n, ps == s);
            if (sc == HINT_CAPTION) {
                h->caption = true;
                continue;
            }
            if (sc < *neg) *neg = sc;
            if (sc > *pos) *pos = sc;
        }
    }
}

void hint_score(const char *klass, const char *id, class_hints *h)
{
    int neg = 0, pos = 0;
    h->hidden = h->caption = false;
    value_hints(klass, &neg, &pos, h);
    value_hints(id, &neg, &pos, h);
    h->score = neg < 0 ? neg : pos;
}

bool style_hidden(const char *style)
{
    for (const char *p = style; *p; p++) {
        if (*p != 'd' && *p != 'v' && *p != 'D' && *p != 'V') continue;
        const char *key = (*p | 0x20) == 'd' ? "display" : "visibility";
        const char *val = (*p | 0x20) == 'd' ? "none" : "hidden";
        size_t kl = strlen(key), k = 0;
        while (k < kl && p[k] && (p[k] | 0x20) == key[k]) k++;
        if (k < kl) continue;
        const char *q = p + kl;
        while (*q == ' ') q++;
        if (*q != ':') continue;
        q++;
        while (*q == ' ') q++;
        size_t vl = strlen(val), m = 0;
        while (m < vl && q[m] && (q[m] | 0x20) == val[m]) m++;
        if (m == vl) return true;
    }
    return false;
}

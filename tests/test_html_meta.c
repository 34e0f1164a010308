/* test_html_meta.c — html_metadata on our own pages (tests/data/html-meta/): every source and
 * their precedence, broken JSON-LD; the date, author, title and text cleaners one by one; and,
 * when ../shared is there, the invariants of its output on 990 real pages. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "common/buf.h"
#include "html/html.h"
#include "html/metadata.h"
#include "testutil.h"

#define FIX "tests/data/html-meta/"

static const int parse_flags = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;

/* Parses a page of tests/data/html-meta (with the URL it was fetched from, or NULL) and fills a. */
static void meta_of(const char *name, const char *url, td_article *a)
{
    char path[256];
    snprintf(path, sizeof path, FIX "%s", name);
    size_t len = 0;
    char *html = read_test_file(path, &len);
    assert_non_null(html);
    htmlDocPtr doc = htmlReadMemory(html, (int)len, url, NULL, parse_flags);
    free(html);
    assert_non_null(doc);
    assert_true(html_metadata(doc, a));
    xmlFreeDoc(doc);
}

static void assert_authors(const td_article *a, const char *const *want, size_t n)
{
    assert_int_equal(a->n_authors, n);
    for (size_t i = 0; i < n; i++) assert_string_equal(a->authors[i], want[i]);
}

/* JSON-LD first: the article object (not the WebPage) of an @graph, its authors through @id,
 * its publisher through @id, over OpenGraph and <meta>; canonical link; <html lang>. */
static void test_jsonld_graph_wins(void **state)
{
    (void)state;
    td_article a = {0};
    meta_of("jsonld-graph.html", NULL, &a);
    assert_string_equal(a.title, "Harbour bridge reopens after repairs & checks");
    assert_authors(&a, (const char *[]){"Lena Müller", "Omar Haddad"}, 2);
    assert_string_equal(a.date, "2021-03-04");
    assert_string_equal(a.site, "Courier Media Group");
    assert_string_equal(a.url, "https://courier.example/2021/03/04/harbour-bridge/");
    assert_string_equal(a.language, "en");
    html_article_clear(&a);
}

/* Fields the caller set are kept; the others are filled. */
static void test_set_fields_are_kept(void **state)
{
    (void)state;
    td_article a = {0};
    a.title = strdup("Given title");
    a.date = strdup("1999-12-31");
    meta_of("jsonld-graph.html", NULL, &a);
    assert_string_equal(a.title, "Given title");
    assert_string_equal(a.date, "1999-12-31");
    assert_int_equal(a.n_authors, 2);
    html_article_clear(&a);
}

/* Unparseable JSON-LD is skipped, repairable JSON-LD (comment wrapper, raw newline in a string,
 * trailing commas) is read, wrong types (numbers, nulls, unknown @id) are ignored, and @id
 * references that loop end. */
static void test_broken_jsonld(void **state)
{
    (void)state;
    td_article a = {0};
    meta_of("jsonld-broken.html", NULL, &a);
    assert_string_equal(a.title, "Snow in April");
    assert_authors(&a, (const char *[]){"Ana Costa"}, 1);
    assert_string_equal(a.date, "2019-04-02");
    assert_null(a.url);
    assert_null(a.site);
    assert_null(a.language);
    html_article_clear(&a);
}

/* Without JSON-LD: og:title without its " | Site", <meta name=author> split (the URL in
 * article:author dropped), article:published_time before the modified time, og:url,
 * content-language before og:locale. */
static void test_opengraph_and_meta(void **state)
{
    (void)state;
    td_article a = {0};
    meta_of("opengraph.html", NULL, &a);
    assert_string_equal(a.title, "Regierung beschließt Budget");
    assert_authors(&a, (const char *[]){"Eva Huber", "Karl Maier"}, 2);
    assert_string_equal(a.date, "2020-11-18");
    assert_string_equal(a.site, "Wiener Blatt");
    assert_string_equal(a.url, "https://www.wienerblatt.example/politik/budget");
    assert_string_equal(a.language, "de");
    html_article_clear(&a);
}

/* Microdata: itemprop headline, author (its itemprop=name) and datePublished; a <time> marked as
 * updated and everything in the comment section are not the article's. */
static void test_microdata(void **state)
{
    (void)state;
    td_article a = {0};
    meta_of("microdata.html", NULL, &a);
    assert_string_equal(a.title, "Planting tulips late");
    assert_authors(&a, (const char *[]){"Jo Bauer"}, 1);
    assert_string_equal(a.date, "2018-11-03");
    assert_string_equal(a.language, "en");
    html_article_clear(&a);
}

/* A page with no metadata but a byline: names split at "und", the date after "|" cut off; the
 * relative canonical link made absolute against the page's URL gives the date too, and the host
 * names the site in <title>. */
static void test_byline_and_url(void **state)
{
    (void)state;
    td_article a = {0};
    meta_of("byline.html", "https://die-partei.example/start", &a);
    assert_string_equal(a.title, "Das Ministerium informiert");
    assert_authors(&a, (const char *[]){"Max Mustermann", "Erika Musterfrau"}, 2);
    assert_string_equal(a.date, "2012-05-31");
    assert_string_equal(a.url, "https://die-partei.example/luebeck/2012/05/31/das-ministerium-informiert/");
    assert_null(a.site);
    html_article_clear(&a);
    /* without the URL, the byline alone gives the date */
    meta_of("byline.html", NULL, &a);
    assert_string_equal(a.date, "2012-05-31");
    assert_null(a.url);
    html_article_clear(&a);
}

/* The only <h1> is the headline; the date is the one right after it (not the teaser's before
 * it); "Text von A" is a byline; xml:lang gives the language. */
static void test_text_near_headline(void **state)
{
    (void)state;
    td_article a = {0};
    meta_of("textline.html", NULL, &a);
    assert_string_equal(a.title, "De dijk houdt stand");
    assert_string_equal(a.date, "2020-02-12");
    assert_authors(&a, (const char *[]){"Jan de Vries"}, 1);
    assert_string_equal(a.language, "nl");
    html_article_clear(&a);
}

/* Of several <time> elements, the one marked as the publication date (pubdate), not the first
 * one nor the one marked as updated. */
static void test_time_elements(void **state)
{
    (void)state;
    td_article a = {0};
    meta_of("time.html", NULL, &a);
    assert_string_equal(a.date, "2017-02-02");
    assert_string_equal(a.title, "Termine");
    html_article_clear(&a);
}

static void test_nothing_to_find(void **state)
{
    (void)state;
    td_article a = {0};
    meta_of("empty.html", NULL, &a);
    assert_null(a.title);
    assert_null(a.date);
    assert_null(a.url);
    assert_null(a.site);
    assert_null(a.language);
    assert_int_equal(a.n_authors, 0);
    html_article_clear(&a);
}

/* Thousands of nested elements (a parser told to allow them) do not exhaust the stack: what lies
 * deeper than the walks go is left out, the rest is read. */
static void test_deep_nesting(void **state)
{
    (void)state;
    buf b = {0};
    assert_true(buf_puts(&b, "<html lang=\"sv\"><head><title>Djup</title></head><body>"));
    for (int i = 0; i < 20000; i++) assert_true(buf_puts(&b, "<div class=\"byline\"><span>"));
    assert_true(buf_puts(&b, "Av Anna Berg 2020-01-02"));
    htmlDocPtr doc = htmlReadMemory(b.data, (int)b.len, NULL, NULL, parse_flags | XML_PARSE_HUGE);
    buf_free(&b);
    assert_non_null(doc);
    td_article a = {0};
    assert_true(html_metadata(doc, &a));
    xmlFreeDoc(doc);
    assert_string_equal(a.title, "Djup");
    assert_string_equal(a.language, "sv");
    html_article_clear(&a);
}

static void assert_date(const char *in, const char *want)
{
    char out[11];
    bool found = meta_date_parse(in, out);
    if (!want) {
        if (found) fail_msg("\"%s\" gave %s, expected no date", in, out);
        return;
    }
    if (!found) fail_msg("\"%s\" gave no date, expected %s", in, want);
    assert_string_equal(out, want);
}

static void test_date_formats(void **state)
{
    (void)state;
    assert_date("2012-05-31T23:30:00-05:00", "2012-05-31");
    assert_date("2012-05-31", "2012-05-31");
    assert_date("20120531", "2012-05-31");
    assert_date("2012/5/31 10:00", "2012-05-31");
    assert_date("31.05.2012", "2012-05-31");
    assert_date("1.5.2012", "2012-05-01");
    assert_date("31. Mai 2012", "2012-05-31");
    assert_date("Veröffentlicht am 3. März 2021 um 10:00 Uhr", "2021-03-03");
    assert_date("May 31, 2012", "2012-05-31");
    assert_date("Sept. 3rd, 2012", "2012-09-03");
    assert_date("31 May 2012", "2012-05-31");
    assert_date("Thu, 31 May 2012 10:00:00 GMT", "2012-05-31");
    assert_date("1er mai 2012", "2012-05-01");
    assert_date("31 de mayo de 2012", "2012-05-31");
    assert_date("12 dicembre 2019", "2019-12-12");
    assert_date("05/31/2012", "2012-05-31"); /* US order: the day is the number above 12 */
    assert_date("31/05/2012", "2012-05-31");
    assert_date("12.02.2020, 14:05 Uhr", "2020-02-12");
    assert_date("2012-02-29", "2012-02-29");
    /* no date: ambiguous, no day, impossible, implausible, none */
    assert_date("06/05/2012", NULL);
    assert_date("März 2012", NULL);
    assert_date("2011-02-29", NULL);
    assert_date("2012-13-01", NULL);
    assert_date("1899-01-01", NULL);
    assert_date("Version 10.5", NULL);
    assert_date("", NULL);
}

static void assert_url_date(const char *url, const char *want)
{
    char out[11];
    bool found = meta_date_from_url(url, out);
    if (!want) {
        assert_false(found);
        return;
    }
    assert_true(found);
    assert_string_equal(out, want);
}

static void test_url_dates(void **state)
{
    (void)state;
    assert_url_date("https://x.example/luebeck/2012/05/31/slug/", "2012-05-31");
    assert_url_date("https://x.example/news/2012-05-31-slug.html", "2012-05-31");
    assert_url_date("https://x.example/20120531/slug", "2012-05-31");
    assert_url_date("https://x.example/2012/05/slug", NULL);       /* no day */
    assert_url_date("https://x.example/a?date=2012/05/31", NULL);  /* not in the path */
    assert_url_date("https://x.example/2012/13/01/", NULL);        /* no month 13 */
    assert_url_date("https://x.example/id/201205311/", NULL);       /* a longer number */
}

/* Splits raw with meta_author_split and compares with the expected names. */
static void assert_split(const char *raw, bool strict, const char *const *want, size_t n)
{
    meta_list names = {0};
    assert_true(meta_author_split(raw, strict, &names));
    if (names.len != n) fail_msg("\"%s\" gave %zu names (first: %s), expected %zu", raw, names.len,
                                 names.len ? names.items[0] : "-", n);
    for (size_t i = 0; i < n; i++) assert_string_equal(names.items[i], want[i]);
    for (size_t i = 0; i < names.len; i++) free(names.items[i]);
    vec_free(&names);
}

#define SPLIT(raw, strict, ...)                                                                  \
    assert_split(raw, strict, (const char *const[]){__VA_ARGS__},                                \
                 sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))
#define SPLIT_NONE(raw, strict) assert_split(raw, strict, NULL, 0)

static void test_author_splitting(void **state)
{
    (void)state;
    SPLIT("By Jane Doe and John Roe", false, "Jane Doe", "John Roe");
    SPLIT("Von A. Müller, B. Schmidt | 31.05.2012, 10:00 Uhr", true, "A. Müller", "B. Schmidt");
    SPLIT("Sarah Hinger; Sylvia Torres-Guillén", false, "Sarah Hinger", "Sylvia Torres-Guillén");
    SPLIT("CLARA LÖW, SIDDHARTH PRAKASH & KLAUS JACOB", false, "CLARA LÖW", "SIDDHARTH PRAKASH", "KLAUS JACOB");
    SPLIT("View all posts by Daniel Lemire", true, "Daniel Lemire");
    SPLIT("Zeige alle Beiträge von Cem Basman →", true, "Cem Basman");
    SPLIT("Posted on September 21, 2020 by Adi Tzlil", true, "Adi Tzlil");
    SPLIT("Christoph von Ritter", true, "Christoph von Ritter");
    SPLIT("Redaktion (dpa)", false, "Redaktion");
    SPLIT("Jane Doe, jane doe", false, "Jane Doe");
    SPLIT("freeman1984", false, "freeman1984");
    SPLIT("Grant Tinsley, PhD", false, "Grant Tinsley");
    SPLIT("© Kathrin Führes Kathrin Führes", true, "Kathrin Führes");
    SPLIT_NONE("https://www.facebook.com/somebody", false);
    SPLIT_NONE("jane@example.com", false);
    SPLIT_NONE("@handle", false);
    SPLIT_NONE("Mustermann Verlag GmbH", false);
    SPLIT_NONE("jungefreiheit.de", false);
    SPLIT_NONE("Hinterlasse einen Kommentar", true);
    SPLIT_NONE("admin", false);
    SPLIT_NONE("", false);
    /* page text is held to more: sentence-like words are no name there */
    SPLIT("Expertin für Neue Arbeit", false, "Expertin für Neue Arbeit");
    SPLIT_NONE("Expertin für Neue Arbeit", true);
    SPLIT_NONE("in Uncategorized", true);
}

static void assert_title(const char *title, const char *site, const char *url, const char *other, const char *want)
{
    const char *sites[] = {site};
    const char *others[] = {other};
    char *out;
    assert_true(meta_title_strip(title, sites, 1, url, others, 1, &out));
    assert_non_null(out);
    assert_string_equal(out, want);
    free(out);
}

static void test_title_site_stripping(void **state)
{
    (void)state;
    assert_title("Headline here | Coastal Courier", "Coastal Courier", NULL, NULL, "Headline here");
    assert_title("COASTAL COURIER - Headline here", "Coastal Courier", NULL, NULL, "Headline here");
    assert_title("Headline here \xe2\x80\x93 Section \xe2\x80\x93 Courier", "Courier", NULL, NULL,
                 "Headline here \xe2\x80\x93 Section");
    /* the host names the site */
    assert_title("Der Titel | SPIEGEL ONLINE", NULL, "https://www.spiegel.de/a/b", NULL, "Der Titel");
    assert_title("Der Titel | spiegel.de", NULL, "https://www.spiegel.de/a/b", NULL, "Der Titel");
    /* a host name is a site's name even when the page's URL is unknown */
    assert_title("Kein App Store mehr | Forum | mactechnews.de", NULL, NULL, NULL, "Kein App Store mehr | Forum");
    /* og:title shows which parts are the headline */
    assert_title("Kicker: Headline :: Section :: Brand", NULL, NULL, "Kicker: Headline", "Kicker: Headline");
    /* nothing names the site: a dash inside a headline stays */
    assert_title("Schnee belastet Solarmodule - Warum nur Profis ran sollten", "Agrarheute", NULL, NULL,
                 "Schnee belastet Solarmodule - Warum nur Profis ran sollten");
    /* a short site name inside a long part is no match */
    assert_title("Breaking news from the harbour | Daily", "News", NULL, NULL, "Breaking news from the harbour | Daily");
    /* the title is never emptied */
    assert_title("Courier", "Courier", NULL, NULL, "Courier");
}

static void assert_clean(const char *in, bool markup, const char *want)
{
    char *out;
    assert_true(markup ? meta_clean_markup(in, strlen(in), &out) : meta_clean(in, strlen(in), &out));
    if (!want) {
        assert_null(out);
        return;
    }
    assert_non_null(out);
    assert_string_equal(out, want);
    free(out);
}

static void test_text_cleaning(void **state)
{
    (void)state;
    assert_clean("  a\xc2\xa0 b\n\tc  ", false, "a b c");
    assert_clean("Genesenen\xc2\xad\xc2\xadnachweise", false, "Genesenennachweise");
    assert_clean("bad \xff\xfe bytes \xc3", false, "bad bytes");
    assert_clean(" \xe2\x80\x8b ", false, NULL);
    assert_clean("Fish &amp; Chips &#8211; &eacute;t&#xE9; &bogus; &#0;", true,
                 "Fish & Chips \xe2\x80\x93 \xc3\xa9t\xc3\xa9 &bogus; \xef\xbf\xbd");
    assert_clean("<b>Bold</b>text and 1 < 2", true, "Bold text and 1 < 2");
}

/* Every string html_metadata gives for a real page is clean: valid UTF-8, no white space at the
 * ends or twice in a row; the date is YYYY-MM-DD, the language 2 or 3 lower-case letters, the
 * URL http(s). */
static void check_clean(const char *s, const char *page)
{
    if (!s) return;
    size_t len = strlen(s), bad;
    if (!len || !td_utf8_valid(s, len, &bad) || s[0] == ' ' || s[len - 1] == ' ' || strstr(s, "  ") ||
        strpbrk(s, "\t\n\r"))
        fail_msg("%s: unclean string \"%s\"", page, s);
}

static void test_shared_pages(void **state)
{
    (void)state;
    const char *shared = shared_dir();
    if (!shared) return;
    char dir[512];
    snprintf(dir, sizeof dir, "%s/data/extraction-dev/pages", shared);
    DIR *d = opendir(dir);
    if (!d) return;
    size_t pages = 0, dated = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strstr(e->d_name, ".html.gz")) continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len = 0;
        char *html = read_test_file(path, &len);
        assert_non_null(html);
        htmlDocPtr doc = htmlReadMemory(html, (int)len, NULL, NULL, parse_flags);
        free(html);
        assert_non_null(doc);
        td_article a = {0};
        assert_true(html_metadata(doc, &a));
        xmlFreeDoc(doc);
        pages++;
        check_clean(a.title, e->d_name);
        check_clean(a.site, e->d_name);
        check_clean(a.url, e->d_name);
        for (size_t i = 0; i < a.n_authors; i++) check_clean(a.authors[i], e->d_name);
        if (a.date) {
            dated++;
            assert_int_equal(strlen(a.date), 10);
            assert_true(a.date[4] == '-' && a.date[7] == '-');
        }
        if (a.language) {
            size_t l = strlen(a.language);
            assert_true(l >= 2 && l <= 3);
            for (size_t i = 0; i < l; i++) assert_true(a.language[i] >= 'a' && a.language[i] <= 'z');
        }
        if (a.url) assert_true(strncmp(a.url, "http://", 7) == 0 || strncmp(a.url, "https://", 8) == 0);
        html_article_clear(&a);
    }
    closedir(d);
    assert_true(pages >= 900);
    assert_true(dated > pages / 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jsonld_graph_wins),   cmocka_unit_test(test_set_fields_are_kept),
        cmocka_unit_test(test_broken_jsonld),       cmocka_unit_test(test_opengraph_and_meta),
        cmocka_unit_test(test_microdata),           cmocka_unit_test(test_byline_and_url),
        cmocka_unit_test(test_text_near_headline),  cmocka_unit_test(test_time_elements),
        cmocka_unit_test(test_nothing_to_find),     cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_date_formats),        cmocka_unit_test(test_url_dates),
        cmocka_unit_test(test_author_splitting),    cmocka_unit_test(test_title_site_stripping),
        cmocka_unit_test(test_text_cleaning),       cmocka_unit_test(test_shared_pages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

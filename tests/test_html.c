/* test_html.c — main-text extraction from web pages: article against navigation, sidebars,
 * comments, related links and captions on our own pages (tests/data/html/), charsets and
 * entities, bad and huge input made at test time, linear work counted by the extractor, and
 * a few pages of ../shared/data/extraction-dev when present. */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "common/buf.h"
#include "html/extract.h"
#include "testutil.h"
#include "tidings.h"

#define FIX "tests/data/html/"

/* Extracts a fixture; fails the test when extraction fails. */
static td_article *extract_file(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, FIX "%s", name);
    size_t len = 0;
    char *html = read_test_file(path, &len);
    assert_non_null(html);
    td_error err = {0};
    td_article *a = td_extract_html(html, len, name, &err);
    free(html);
    if (!a) fail_msg("%s: %s", name, err.message);
    size_t bad;
    assert_true(td_utf8_valid(a->text, strlen(a->text), &bad));
    return a;
}

static td_article *extract_string(const char *html, td_error *err)
{
    return td_extract_html(html, strlen(html), "page.html", err);
}

#define assert_contains(hay, needle) \
    do { \
        if (!strstr((hay), (needle))) fail_msg("missing \"%s\" in:\n%s", (needle), (hay)); \
    } while (0)
#define assert_lacks(hay, needle) \
    do { \
        if (strstr((hay), (needle))) fail_msg("unwanted \"%s\" in:\n%s", (needle), (hay)); \
    } while (0)

/* ---------------------------------------------------------------- article against furniture */

static void test_article_page(void **state)
{
    (void)state;
    td_article *a = extract_file("article.html");
    const char *t = a->text;
    assert_contains(t, "The old harbour bridge reopened to traffic on Monday morning");
    assert_contains(t, "Engineers replaced the corroded steel cables");
    assert_contains(t, "Shopkeepers on the north bank");
    assert_contains(t, "What changes for drivers");          /* a subheading inside the article */
    assert_contains(t, "The cycle lane is wider on both sides"); /* a list inside the article */
    assert_lacks(t, "Sport");                                /* navigation */
    assert_lacks(t, "Weather");
    assert_lacks(t, "script text");                          /* scripts */
    assert_lacks(t, "font-family");                          /* styles */
    assert_lacks(t, "The bridge at dawn");                   /* image caption */
    assert_lacks(t, "Share on Facebook");                    /* sharing buttons */
    assert_lacks(t, "Related stories");                      /* related links and their heading */
    assert_lacks(t, "Council approves budget");
    assert_lacks(t, "petrol bill");                          /* comments */
    assert_lacks(t, "3 comments");
    assert_lacks(t, "Storm warning");                        /* sidebar */
    assert_lacks(t, "morning briefing");                     /* newsletter box */
    assert_lacks(t, "All rights reserved");                  /* footer */
    assert_lacks(t, "Privacy policy");
    assert_string_equal(a->title, "Harbour bridge reopens after repairs");
    assert_string_equal(a->language, "en");
    td_article_free(a);
}

static void test_paragraph_layout(void **state)
{
    (void)state;
    td_article *a = extract_file("article.html");
    const char *t = a->text;
    /* paragraphs separated by exactly one blank line, no blank line at either end */
    assert_contains(t, "six o'clock.\n\nEngineers replaced");
    assert_true(t[0] != '\n' && t[0] != ' ');
    assert_true(t[strlen(t) - 1] != '\n');
    assert_null(strstr(t, "\n\n\n"));
    assert_null(strstr(t, "  "));
    td_article_free(a);
}

static void test_link_list(void **state)
{
    (void)state;
    td_article *a = extract_file("linklist.html");
    /* a link inside a sentence stays, with the sentence */
    assert_contains(a->text, "the soil guide explains how to prepare the bed");
    assert_contains(a->text, "Pinch out the side shoots");
    /* a list of links after the text goes, with its "Read more" line */
    assert_lacks(a->text, "How to grow peppers");
    assert_lacks(a->text, "Runner beans");
    assert_lacks(a->text, "Read more");
    assert_lacks(a->text, "Contact");
    td_article_free(a);
}

static void test_comments_only_sidebar(void **state)
{
    (void)state;
    /* comments hold more prose than the article: they still lose */
    const char *html =
        "<html><body><div id=\"page\"><article><p>The city council voted on Tuesday to keep the public library "
        "open on Sundays, after a petition signed by more than four thousand residents.</p></article>"
        "<ol class=\"commentlist\">"
        "<li class=\"comment\"><p>This is wonderful news for students like me who work during the week and can only "
        "read at the library on Sundays, thank you to everyone who signed the petition.</p></li>"
        "<li class=\"comment\"><p>I wonder how the council is going to pay for the extra staff, since the budget was "
        "already cut twice this year and the library lost two of its librarians in spring.</p></li>"
        "<li class=\"comment\"><p>My children love the Sunday reading hour, and I am glad that it will not disappear "
        "after all, even if the opening hours are a little shorter than before.</p></li>"
        "</ol></div></body></html>";
    td_error err = {0};
    td_article *a = extract_string(html, &err);
    assert_non_null(a);
    assert_contains(a->text, "keep the public library open on Sundays");
    assert_lacks(a->text, "students like me");
    assert_lacks(a->text, "extra staff");
    td_article_free(a);
}

static void test_hidden_elements(void **state)
{
    (void)state;
    const char *html =
        "<html><body><div class=\"content\">"
        "<p>The ferry to the island runs twice a day in winter and every hour in summer, weather permitting, from "
        "the pier at the end of the harbour road.</p>"
        "<div style=\"display: none\"><p>This cookie dialog text is hidden and is not part of the article at all, "
        "even if it is long enough to be a paragraph of its own.</p></div>"
        "<p hidden>Another hidden paragraph that should never be shown to readers of the page at all.</p>"
        "<p>Tickets can be bought on board, and children under six travel free with an adult.</p>"
        "</div></body></html>";
    td_error err = {0};
    td_article *a = extract_string(html, &err);
    assert_non_null(a);
    assert_contains(a->text, "The ferry to the island runs twice a day");
    assert_contains(a->text, "Tickets can be bought on board");
    assert_lacks(a->text, "cookie dialog");
    assert_lacks(a->text, "Another hidden paragraph");
    td_article_free(a);
}

static void test_all_text_hidden(void **state)
{
    (void)state;
    /* a page saved while a dialog covered it: the hidden wrapper holds the whole article */
    const char *html =
        "<html><body><div id=\"wrapper\" aria-hidden=\"true\"><article>"
        "<p>The museum reopens its east wing next month after a two-year renovation that cost more than expected.</p>"
        "<p>Visitors will find the collection of old maps on the first floor, next to the new reading room.</p>"
        "</article></div><div class=\"modal\"><p>Subscribe</p></div></body></html>";
    td_error err = {0};
    td_article *a = extract_string(html, &err);
    assert_non_null(a);
    assert_contains(a->text, "The museum reopens its east wing");
    assert_contains(a->text, "collection of old maps");
    td_article_free(a);
}

static void test_noscript(void **state)
{
    (void)state;
    /* a stray <div> in <noscript> makes libxml2 nest the whole page in it: the text is still read;
     * a short <noscript> notice stays out */
    const char *html =
        "<html><body><noscript><div id=\"nojs\"></noscript><div id=\"main\">"
        "<p>The rangers counted more bear cubs in the park this year than in any year since the survey began, "
        "and most of the mothers were seen far from the roads.</p>"
        "<noscript><p>Please enable JavaScript to see the map of sightings.</p></noscript>"
        "<p>They ask hikers to keep their dogs on a lead and to leave no food behind at the picnic sites.</p>"
        "</div></body></html>";
    td_error err = {0};
    td_article *a = extract_string(html, &err);
    assert_non_null(a);
    assert_contains(a->text, "more bear cubs in the park");
    assert_contains(a->text, "keep their dogs on a lead");
    assert_lacks(a->text, "enable JavaScript");
    td_article_free(a);
}

static void test_jsonld_body(void **state)
{
    (void)state;
    /* the markup is a rendering shell with a teaser: the body comes from JSON-LD articleBody, in
     * paragraphs, its markup and character references cleaned */
    td_article *a = extract_file("jsonld_body.html");
    const char *t = a->text;
    assert_contains(t, "the night train from the capital to the valley towns will run again from May");
    assert_contains(t, "said on Monday.\n\nThe train will leave the main station");
    assert_contains(t, "with seven stops on the way");
    assert_contains(t, "a hotel room & breakfast");
    assert_lacks(t, "<a");
    assert_lacks(t, "Loading the article");
    td_article_free(a);
}

static void test_jsonld_body_shorter(void **state)
{
    (void)state;
    /* a JSON-LD body shorter than the page's own text (a summary) does not replace it */
    const char *html =
        "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
        "\"articleBody\": \"The library opens on Sundays.\"}</script></head><body><article>"
        "<p>The city council voted on Tuesday to keep the public library open on Sundays, after a petition "
        "signed by more than four thousand residents.</p><p>The extra hours will be paid for by the culture "
        "budget, which grows by two per cent next year.</p></article></body></html>";
    td_error err = {0};
    td_article *a = extract_string(html, &err);
    assert_non_null(a);
    assert_contains(a->text, "signed by more than four thousand residents");
    assert_contains(a->text, "paid for by the culture budget");
    td_article_free(a);
}

static void test_closing_notes(void **state)
{
    (void)state;
    /* licence notes, app plugs and the author's biography after the last paragraph go; the same
     * words inside the article stay */
    const char *html =
        "<html><body><article>"
        "<p>The harbour authority said on Twitter and Facebook that the ferry will not run on Friday, because "
        "the storm is expected to reach the coast in the early morning hours.</p><p>(Advertisement)</p>"
        "<p>Passengers with tickets for Friday can use them on any ferry until the end of the month, and the "
        "authority will add two crossings on Saturday afternoon.</p>"
        "<p>Readers of this story may also like:</p>"
        "<p>For the latest stories and breaking news download the Courier apps for iOS and Android.</p>"
        "<p>Mara Lind is a reporter for the Courier and writes about transport and the harbour.</p>"
        "<p>This text is published under a Creative Commons licence, CC-BY-NC-ND 4.0; the photos may not be used.</p>"
        "<p>\xc2\xa9 2026 The Courier. This article is the copyrighted property of The Courier. Written permission "
        "must be obtained before reprint in online or print media.</p>"
        "</article></body></html>";
    td_error err = {0};
    td_article *a = extract_string(html, &err);
    assert_non_null(a);
    assert_contains(a->text, "said on Twitter and Facebook that the ferry will not run");
    assert_contains(a->text, "two crossings on Saturday afternoon");
    assert_lacks(a->text, "apps for iOS");
    assert_lacks(a->text, "copyrighted property");
    assert_lacks(a->text, "Mara Lind");
    assert_lacks(a->text, "(Advertisement)");
    assert_lacks(a->text, "may also like");
    assert_lacks(a->text, "Creative Commons");
    td_article_free(a);
}

static void test_body_in_boxes(void **state)
{
    (void)state;
    /* the body cut into sibling boxes by an embedded box of many teasers (which keeps their parent
     * from being the container): every box of prose is kept, the teasers between them are not */
    static const char *const paras[] = {
        "The regional court ruled on Thursday that the old paper mill may be turned into flats, ending a dispute "
        "between the owner and the town council that has lasted six years.",
        "The council had argued that the site should stay reserved for industry, because the town has lost more "
        "than a thousand jobs in manufacturing since the mill closed.",
        "The owner now plans about two hundred flats and a small park along the river, and hopes to start building "
        "next spring if the permits arrive in time.",
        "The council said it would read the ruling carefully before deciding whether to appeal to the higher court "
        "in the capital.",
    };
    buf html = {0};
    assert_true(buf_puts(&html, "<html><body><div class=\"page\"><div class=\"body\">"));
    for (int i = 0; i < 4; i++) {
        assert_true(buf_printf(&html, "<div class=\"para\"><p>%s</p></div>", paras[i]));
        if (i != 1) continue;
        assert_true(buf_puts(&html, "<aside class=\"embed\"><ul>"));
        for (int k = 0; k < 20; k++)
            assert_true(buf_printf(&html, "<li><a href=\"/%d\">Teaser number %d: the town council elects a new mayor "
                                          "after a close vote</a></li>", k, k));
        assert_true(buf_puts(&html, "</ul></aside>"));
    }
    assert_true(buf_puts(&html, "</div></div></body></html>"));
    td_error err = {0};
    td_article *a = extract_string(html.data, &err);
    buf_free(&html);
    assert_non_null(a);
    assert_contains(a->text, "ending a dispute between the owner and the town council");
    assert_contains(a->text, "lost more than a thousand jobs");
    assert_contains(a->text, "two hundred flats and a small park");
    assert_contains(a->text, "appeal to the higher court");
    assert_lacks(a->text, "new mayor");
    td_article_free(a);
}

static void test_clean_prose_box(void **state)
{
    (void)state;
    /* a short box of clean prose two levels above the long body, cut off from it by a box of
     * teasers, is taken in; the teasers are not */
    buf html = {0};
    assert_true(buf_puts(&html, "<html><body><main><article><div class=\"intro\"><p>Every winter the lake freezes over "
                                "for a few weeks, and this year the ice was thick enough for the skating race for the first "
                                "time in nine years.</p></div><div class=\"teasers\"><ul>"));
    for (int k = 0; k < 6; k++)
        assert_true(buf_printf(&html, "<li><a href=\"/%d\">Other story number %d about the weather</a></li>", k, k));
    assert_true(buf_puts(&html, "</ul></div><div class=\"wrap\"><div class=\"body\">"));
    for (int k = 0; k < 8; k++)
        assert_true(buf_printf(&html, "<p>Paragraph %d of the report: the skaters set off at dawn from the village on the "
                                      "north shore and followed a marked track of two hundred kilometres around the lake.</p>",
                               k));
    assert_true(buf_puts(&html, "</div></div></article></main></body></html>"));
    td_error err = {0};
    td_article *a = extract_string(html.data, &err);
    buf_free(&html);
    assert_non_null(a);
    assert_contains(a->text, "the ice was thick enough for the skating race");
    assert_contains(a->text, "Paragraph 7 of the report");
    assert_lacks(a->text, "Other story");
    td_article_free(a);
}

static void test_standfirst_under_headline(void **state)
{
    (void)state;
    /* the standfirst under the <h1> is kept although a long box of links to other articles
     * separates it from the body; the links and their heading are not */
    buf html = {0};
    assert_true(buf_puts(&html, "<html><body><div class=\"page\"><div class=\"story\">"
                                "<h1>Robots will not take every job</h1><p class=\"date\">4 May 2022</p>"
                                "<p>Machines will change half of all jobs within twenty years, a philosopher argues.</p><div class=\"more\"><h3>More on "
                                "this</h3><ul>"));
    for (int k = 0; k < 5; k++)
        assert_true(buf_printf(&html, "<li><a href=\"/%d\">Basic income %d: a trial in Finland paid people for doing "
                                      "nothing</a></li>", k, k));
    assert_true(buf_puts(&html, "</ul></div><div class=\"body\">"));
    for (int k = 0; k < 5; k++)
        assert_true(buf_printf(&html, "<p>Part %d of the interview: the question is not whether the self-driving car "
                                      "comes, but what the people who drive for a living will do when it does.</p>", k));
    assert_true(buf_puts(&html, "</div></div></div></body></html>"));
    td_error err = {0};
    td_article *a = extract_string(html.data, &err);
    buf_free(&html);
    assert_non_null(a);
    assert_contains(a->text, "Machines will change half of all jobs");
    assert_contains(a->text, "Part 4 of the interview");
    assert_lacks(a->text, "a trial in Finland");
    assert_lacks(a->text, "More on this");
    td_article_free(a);
}

static void test_standfirst_in_article_header(void **state)
{
    (void)state;
    /* the article's own <header> inside the container holds the headline, the standfirst and
     * the byline: the standfirst (prose) is kept, the headline and byline are not; a <header>
     * with a furniture word in its class (a site's masthead) keeps its text out */
    const char *html =
        "<html><body><header class=\"site-header\"><p>The Harbour Gazette is the town's independent paper, "
        "published every week since 1901 by its readers' cooperative.</p></header><main>"
        "<header><h1>Night ferry returns after ten years</h1><p>The council brings back the late crossing "
        "to the islands, paid for by a new tourist levy that starts in spring.</p>"
        "<p class=\"byline\">By Ann Lee</p></header>"
        "<p>The last boat will leave the harbour at midnight from May, the council said on Tuesday, after a "
        "vote that ended ten years of complaints from island residents and night workers.</p>"
        "<p>Ferry crews welcomed the decision, although their union said the timetable still needed more "
        "staff on the busiest weekends of the summer season.</p>"
        "<p>The levy of two euros a night will be paid by visitors staying in hotels on the islands, and "
        "the council expects it to cover the cost of the late crossings within three years.</p>"
        "</main></body></html>";
    td_error err = {0};
    td_article *a = extract_string(html, &err);
    assert_non_null(a);
    assert_contains(a->text, "The council brings back the late crossing");
    assert_contains(a->text, "The last boat will leave the harbour");
    assert_contains(a->text, "cover the cost of the late crossings");
    assert_lacks(a->text, "independent paper");
    assert_lacks(a->text, "By Ann Lee");
    td_article_free(a);
}

static void test_article_sections_in_headers(void **state)
{
    (void)state;
    /* each section of the article sets its heading and paragraphs in a plain <header>: headers
     * of prose are part of the article, while the page's own header (a menu and a slogan) stays
     * out */
    const char *html =
        "<html><body><header><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a> <a href=\"/town\">Town</a>"
        "<p>News from the valley, every day.</p></header><main><article>"
        "<section><header><h2>Relay team sets a county record</h2><p>The girls' relay team of the valley school "
        "ran the four hundred metres in a time that no school team in the county had managed before, and their "
        "coach said on Saturday that the long winter of training in the old gym had paid off in the end.</p>"
        "<p>The four runners will now travel to the national meeting in June, where they hope to reach the "
        "final for the first time in the history of the school and its small athletics club.</p></header></section>"
        "<section><header><h2>A new track for the club</h2><p>The athletics club will get a new track next year: "
        "the town council voted on Thursday to pay for most of it, and the club will raise the rest with a "
        "summer fair, a sponsored run along the river and the sale of old equipment to other clubs.</p>"
        "<p>Work on the track will start in April and should be finished before the summer holidays, in time "
        "for the club's own meeting in July.</p>"
        "</header></section>"
        "<section><header><h2>Winter training moves indoors</h2><p>From November the club will train in the "
        "new sports hall on Mondays and Thursdays, after the school agreed to share it in the evenings, so that "
        "the runners no longer have to run on the frozen track or in the dark streets around the old gym.</p>"
        "<p>Younger members will have their own hour on Saturday mornings, led by two of the older runners "
        "and one of the parents who used to coach the sprinters.</p>"
        "</header></section>"
        "<section><p>The club's chairwoman thanked the parents, who drove the runners to meetings all winter, "
        "and invited everyone to the opening of the track.</p></section>"
        "</article></main><footer><a href=\"/contact\">Contact</a> <a href=\"/privacy\">Privacy</a></footer>"
        "</body></html>";
    td_error err = {0};
    td_article *a = extract_string(html, &err);
    assert_non_null(a);
    assert_contains(a->text, "Relay team sets a county record");
    assert_contains(a->text, "ran the four hundred metres");
    assert_contains(a->text, "the national meeting in June");
    assert_contains(a->text, "the town council voted on Thursday");
    assert_contains(a->text, "invited everyone to the opening");
    assert_contains(a->text, "A new track for the club");
    assert_contains(a->text, "Winter training moves indoors");
    assert_contains(a->text, "the frozen track");
    assert_lacks(a->text, "every day");
    assert_lacks(a->text, "Privacy");
    td_article_free(a);
}

static void test_standfirst_named_by_description(void **state)
{
    (void)state;
    /* the standfirst sits in a headline box that a long menu of links keeps apart from the body:
     * the page's description opens with it, so it opens the text; a description that no line of
     * the page shows (a summary for search engines) adds nothing */
    const char *shown =
        "<html><head><meta name=\"description\" content=\"The council brings back the late ferry to the "
        "islands, paid for by a new tourist levy that starts in the spring.\"></head><body>"
        "<div class=\"top\"><div class=\"headline-box\"><h2>Night ferry returns</h2><p>The council brings back "
        "the late ferry to the islands, paid for by a new tourist levy that starts in the spring.</p></div>"
        "<ul class=\"menu\"><li><a href=\"/a\">Harbour news and the weekly tide tables</a></li>"
        "<li><a href=\"/b\">Island schools and their new timetables</a></li><li><a href=\"/c\">Letters from "
        "readers about the bridge</a></li><li><a href=\"/d\">Events in the town hall this month</a></li></ul></div>"
        "<div class=\"main\"><div class=\"body\"><p>The last boat will leave the harbour at midnight from May, the "
        "council said on Tuesday, after a vote that ended ten years of complaints from island residents.</p>"
        "<p>Ferry crews welcomed the decision, although their union said the timetable still needed more staff "
        "on the busiest weekends of the summer season.</p></div></div></body></html>";
    td_error err = {0};
    td_article *a = extract_string(shown, &err);
    assert_non_null(a);
    assert_true(strncmp(a->text, "The council brings back the late ferry", 38) == 0);
    assert_contains(a->text, "The last boat will leave the harbour");
    assert_lacks(a->text, "tide tables");
    td_article_free(a);
    const char *unseen =
        "<html><head><meta property=\"og:description\" content=\"Everything you need to know about the night "
        "ferry, its timetable, its prices and the new levy for visitors.\"></head><body>"
        "<p>The last boat will leave the harbour at midnight from May, the council said on Tuesday, after a vote "
        "that ended ten years of complaints from island residents.</p><p>Ferry crews welcomed the decision, "
        "although their union said the timetable still needed more staff.</p></body></html>";
    a = extract_string(unseen, &err);
    assert_non_null(a);
    assert_true(strncmp(a->text, "The last boat will leave", 24) == 0);
    assert_lacks(a->text, "Everything you need to know");
    td_article_free(a);
}

static void test_call_to_action_within_text(void **state)
{
    (void)state;
    /* a newsletter box between two paragraphs of the article (a short appeal, not a paragraph of
     * prose) is left out like the appeals after the text; a long paragraph that mentions a
     * newsletter stays */
    const char *html =
        "<html><body><article><h1>Bakers test a four-day week</h1>"
        "<p>Twelve bakeries in the old town will open only four days a week from June, a trial that the "
        "guild hopes will bring young people back to a trade that starts long before dawn.</p>"
        "<h3>Sign up for our newsletter</h3><p>Never miss the latest news by signing up to our newsletter today!</p>"
        "<p>The guild's own newsletter reported last month that two out of three apprentices leave within "
        "a year, most of them because of the hours, and that the shops that already close on Mondays and "
        "Tuesdays lost none of theirs.</p>"
        "<p>Customers will find the closed days on a sign in each window, and the guild says that the bread "
        "for the weekend will be baked on Saturday as it always was.</p>"
        "</article></body></html>";
    td_error err = {0};
    td_article *a = extract_string(html, &err);
    assert_non_null(a);
    assert_contains(a->text, "Twelve bakeries in the old town");
    assert_contains(a->text, "The guild's own newsletter reported last month");
    assert_contains(a->text, "baked on Saturday as it always was");
    assert_lacks(a->text, "Never miss the latest news");
    assert_lacks(a->text, "Sign up for our newsletter");
    td_article_free(a);
}

static void test_figure_labels(void **state)
{
    (void)state;
    /* paragraphs that open with a figure label and a colon are captions set as text; a sentence
     * that opens with a longer word ("Figures") is not */
    const char *html =
        "<html><body><article><h1>Glaciers lose a tenth of their ice</h1>"
        "<p>Alpine glaciers lost a tenth of their ice in the last two summers alone, a survey of two hundred "
        "of them published on Monday shows.</p>"
        "<p>Abbildung 4: Vergleich der Gletscherzunge 2020 und 2022, aufgenommen vom selben Standort.</p>"
        "<p>Figures from the survey show that the smallest glaciers shrink fastest, and that several of them "
        "will be gone before the end of the decade if the summers stay as warm.</p>"
        "<p>Fig. 2: Loss of ice by height above the sea, in metres of water.</p>"
        "<p>The authors measured the ice from the air with a laser that maps the surface to within a few "
        "centimetres, and compared the maps with those of earlier flights.</p>"
        "</article></body></html>";
    td_error err = {0};
    td_article *a = extract_string(html, &err);
    assert_non_null(a);
    assert_contains(a->text, "Alpine glaciers lost a tenth");
    assert_contains(a->text, "Figures from the survey show");
    assert_contains(a->text, "compared the maps with those of earlier flights");
    assert_lacks(a->text, "Abbildung 4");
    assert_lacks(a->text, "Loss of ice by height");
    td_article_free(a);
}

static void test_short_post_of_one_paragraph(void **state)
{
    (void)state;
    /* a short blog post: one long paragraph, a caption, a closing sentence, and lines of links
     * (tags, comment feed) that weigh the post's element below its paragraph; the closing
     * sentence is kept with the paragraph, the lines of links and the sidebar are not */
    const char *html =
        "<html><body><div id=\"main\"><div class=\"post\">"
        "<h1><a href=\"/2011/09/bridge\">A bridge of strings</a></h1><div>11.09.2011, 16:20 by Stefan</div>"
        "<p>Sometimes a plain walk home brings a small surprise: from a balcony on the fourth floor of a house "
        "in our street hung a string with a little bag, and a note asked passers-by for twenty cents for a "
        "drawing of the street.</p>"
        "<p class=\"wp-caption-text\">Twenty cents, one drawing</p>"
        "<p>Twenty cents well spent, even if the drawing was no masterpiece!</p>"
        "<p>Tags: <a href=\"/t/1\">balcony</a>, <a href=\"/t/2\">drawing</a>, <a href=\"/t/3\">street</a></p>"
        "<p><a href=\"/feed\">Comments feed</a> | <a href=\"/tb\">Trackback URL</a> | comments closed</p>"
        "<div class=\"navigation\"><a href=\"/prev\">&laquo; Welcome, new neighbours!</a> "
        "<a href=\"/next\">News from the inbox &raquo;</a></div>"
        "</div></div><div id=\"sidebar\"><h4>Recent posts</h4><ul>"
        "<li><a href=\"/a\">Welcome, new neighbours!</a></li><li><a href=\"/b\">News from the inbox</a></li>"
        "</ul></div></body></html>";
    td_error err = {0};
    td_article *a = extract_string(html, &err);
    assert_non_null(a);
    assert_contains(a->text, "Sometimes a plain walk home brings a small surprise");
    assert_contains(a->text, "Twenty cents well spent, even if the drawing was no masterpiece!");
    assert_lacks(a->text, "Tags:");
    assert_lacks(a->text, "Comments feed");
    assert_lacks(a->text, "Recent posts");
    assert_lacks(a->text, "News from the inbox");
    td_article_free(a);
}

static void test_gallery_captions(void **state)
{
    (void)state;
    /* a slide show: a short introduction, then pictures whose captions tell the story; the
     * captions hold more text than the prose, so they are the text, their photo credits are not */
    buf html = {0};
    assert_true(buf_puts(&html, "<html><body><div class=\"gallery\"><h1>Five costumes from your wardrobe</h1>"
                                "<p>No time to shop before the party? Look in your wardrobe first.</p>"));
    static const char *const slides[] = {
        "A white shirt, a black ribbon and a bowler hat make a silent-film star in five minutes.",
        "Long hair or not, a plait of yellow wool pinned to a hood turns anyone into a fairy-tale princess.",
        "An old sheet with two holes cut in it is still the ghost that every child recognises at once.",
        "Striped socks, a broom and a pointed hat of black card complete a witch for the whole evening.",
        "A grey jumper, grey tights and a tail sewn from a scarf make a mouse that can still sit down.",
    };
    for (size_t k = 0; k < sizeof slides / sizeof *slides; k++)
        assert_true(buf_printf(&html, "<figure><img src=\"/%zu.jpg\"><figcaption><p>%s</p><span class=\"credit\">Photo: "
                                      "Getty Images</span></figcaption></figure>", k, slides[k]));
    assert_true(buf_puts(&html, "</div></body></html>"));
    td_error err = {0};
    td_article *a = extract_string(html.data, &err);
    buf_free(&html);
    assert_non_null(a);
    assert_contains(a->text, "Look in your wardrobe first.");
    assert_contains(a->text, "a bowler hat make a silent-film star");
    assert_contains(a->text, "a tail sewn from a scarf");
    assert_lacks(a->text, "Getty Images");
    td_article_free(a);
}

static void test_short_opening_paragraph(void **state)
{
    (void)state;
    /* a short paragraph before the first prose opens the text; a short line in a <div> there
     * (reading time) does not */
    const char *html =
        "<html><body><article><h1>Emissions dipped last year</h1><div class=\"meta\">4 min read</div>"
        "<p>This post first appeared on Grist.</p>"
        "<p>Just a week into the new year, the first estimate of how much pollution the country produced "
        "last year is in, and it shows a small drop for the second year running.</p>"
        "<p>Coal has been in a slow decline for ten years, and the country now makes half as much electricity "
        "from it as it did at the start of the decade, the report says.</p>"
        "</article></body></html>";
    td_error err = {0};
    td_article *a = extract_string(html, &err);
    assert_non_null(a);
    assert_contains(a->text, "This post first appeared on Grist.\n\nJust a week into the new year");
    assert_contains(a->text, "half as much electricity");
    assert_lacks(a->text, "4 min read");
    td_article_free(a);
}

static void test_embedded_post(void **state)
{
    (void)state;
    /* an embedded post (a block quotation) that ends in its links is text of the article; the
     * same share of links in a short paragraph of its own is not */
    const char *html =
        "<html><body><article><h1>Phone cameras bend faces</h1>"
        "<p>The new front camera makes faces look wider near the edges of the picture, and users noticed "
        "within a day of the update.</p>"
        "<blockquote class=\"twitter-tweet\"><p>Notice the warping of the line across both eyes and nose. "
        "<a href=\"https://t.co/x\">pic.twitter.com/U7PMa4oN</a></p></blockquote>"
        "<p>The maker says the effect comes from the wide lens and that a fix is on the way in the next "
        "release of the camera software, due next month.</p>"
        "<p>Related: <a href=\"/a\">Cameras compared</a></p>"
        "<p>Owners who cannot wait can turn off the wide mode in the settings, at the cost of a smaller "
        "picture for group photos.</p>"
        "</article></body></html>";
    td_error err = {0};
    td_article *a = extract_string(html, &err);
    assert_non_null(a);
    assert_contains(a->text, "Notice the warping of the line across both eyes and nose.");
    assert_contains(a->text, "a fix is on the way");
    assert_lacks(a->text, "Cameras compared");
    td_article_free(a);
}

static void test_headline_above_one_paragraph(void **state)
{
    (void)state;
    /* the longest paragraph wins alone between boxes of links; the page's headline and the
     * paragraph right under it join it (their common parent becomes the container), the links
     * stay out */
    td_article *a = extract_file("short_article.html");
    const char *start = "Episode 158: helium\n\nThis week we talk";
    assert_true(!strncmp(a->text, start, strlen(start)));
    assert_contains(a->text, "Helium is made in the ground");
    assert_lacks(a->text, "Download the episode");
    assert_lacks(a->text, "Where helium comes from");
    td_article_free(a);
}

static void test_standfirst_far_above(void **state)
{
    (void)state;
    /* the headline box sits far from the body, outside the boxes around it: its standfirst still
     * starts the text */
    buf html = {0};
    assert_true(buf_puts(&html, "<html><body><div class=\"top\"><h1>Unstillable homesickness</h1>"
                                "<p>In his essay the author explores a feeling that longs for a home it never had.</p>"
                                "<p class=\"by\"><a href=\"/a\">Frank Hahn</a>, 18 September 2019</p></div>"
                                "<div class=\"x\"><div class=\"y\"><div class=\"z\"><div class=\"w\"><div class=\"text\">"));
    for (int k = 0; k < 4; k++)
        assert_true(buf_printf(&html, "<p>Paragraph %d of the review: the book follows melancholy through painting, music "
                                      "and philosophy, and asks why the feeling has so often been called a gift.</p>", k));
    assert_true(buf_puts(&html, "</div></div></div></div></div></body></html>"));
    td_error err = {0};
    td_article *a = extract_string(html.data, &err);
    buf_free(&html);
    assert_non_null(a);
    assert_contains(a->text, "In his essay the author explores a feeling");
    assert_contains(a->text, "Paragraph 3 of the review");
    assert_lacks(a->text, "Frank Hahn");
    td_article_free(a);
}

static void test_pull_quote(void **state)
{
    (void)state;
    /* a pull quote repeats a sentence of the article in large type: it is left out, the sentence
     * stays where the article has it */
    const char *html =
        "<html><body><article>"
        "<p>The new library has no counters and no fines, and the city hopes that more young people will come "
        "to read and work there in the evenings.</p>"
        "<figure class=\"wp-block-pullquote\"><blockquote><p>A library without fines is a library for everyone.</p>"
        "<cite>The mayor</cite></blockquote></figure>"
        "<p>\"A library without fines is a library for everyone,\" the mayor said at the opening on Saturday, "
        "before the first readers were let in.</p>"
        "</article></body></html>";
    td_error err = {0};
    td_article *a = extract_string(html, &err);
    assert_non_null(a);
    assert_contains(a->text, "no counters and no fines");
    assert_contains(a->text, "\"A library without fines is a library for everyone,\" the mayor said");
    assert_lacks(a->text, "everyone.");
    assert_lacks(a->text, "The mayor\n");
    td_article_free(a);
}

static void test_latest_box_inside_article(void **state)
{
    (void)state;
    /* a box of the latest stories inside the article, its summaries without links: left out */
    const char *html =
        "<html><body><article class=\"story\">"
        "<p>The river rose by two metres overnight, and the fire brigade closed the lower town to traffic before "
        "dawn while volunteers filled sandbags at the market square.</p>"
        "<div class=\"latest\"><h3>Latest</h3><p>The regional rail company will run night trains to the valley "
        "again from May, after eleven years without a sleeper service.</p></div>"
        "<p>By noon the water had begun to fall, and the first shops on the river front opened again in the "
        "afternoon, their owners sweeping mud from the floors.</p>"
        "</article></body></html>";
    td_error err = {0};
    td_article *a = extract_string(html, &err);
    assert_non_null(a);
    assert_contains(a->text, "The river rose by two metres overnight");
    assert_contains(a->text, "By noon the water had begun to fall");
    assert_lacks(a->text, "night trains");
    td_article_free(a);
}

static void test_subheading_after_link_line(void **state)
{
    (void)state;
    /* a subheading set as a short paragraph right after a "Read more" link line stays */
    const char *html =
        "<html><body><article>"
        "<p>The colonial administration kept the old chiefs in office for decades, paying them to collect taxes "
        "and to send young men to work on the plantations along the coast.</p>"
        "<p>Read more: <a href=\"/x\">How the plantations were run</a></p>"
        "<p><strong>Freedom fighters replace the chiefs</strong></p>"
        "<p>After independence the new parties removed most of the chiefs, and the men who had fought in the war "
        "took their places in the villages and in the capital.</p>"
        "</article></body></html>";
    td_error err = {0};
    td_article *a = extract_string(html, &err);
    assert_non_null(a);
    assert_contains(a->text, "Freedom fighters replace the chiefs");
    assert_contains(a->text, "took their places in the villages");
    assert_lacks(a->text, "Read more");
    td_article_free(a);
}

static void test_page_of_short_lines(void **state)
{
    (void)state;
    /* a page without prose, only short lines (a data sheet of a film swap): its lines outside the
     * menu are the text */
    const char *html =
        "<html><body><nav><a href=\"/\">Home</a> <a href=\"/swaps\">Swaps</a></nav><div class=\"sheet\">"
        "<h2>Places</h2><p>Mira: Japan.</p><p>Tom: Germany.</p>"
        "<h2>Film</h2><p>Colour film, 400 ASA.</p>"
        "<h2>Cameras</h2><p>Mira: a panorama camera.</p><p>Tom: a small reflex camera.</p>"
        "<h2>Order of exposure</h2><ol><li>Mira.</li><li>Tom.</li></ol></div></body></html>";
    td_error err = {0};
    td_article *a = extract_string(html, &err);
    if (!a) fail_msg("%s", err.message);
    assert_contains(a->text, "Colour film, 400 ASA.");
    assert_contains(a->text, "Tom: a small reflex camera.");
    assert_contains(a->text, "Order of exposure");
    assert_lacks(a->text, "Swaps");
    td_article_free(a);
}

static void test_recipe_ingredients_box(void **state)
{
    (void)state;
    /* a list of short lines without links right next to the container (a recipe's ingredients
     * beside its method) is taken in; the list of links after it is not */
    td_article *a = extract_file("recipe_box.html");
    assert_contains(a->text, "150 g pearl barley\n\n2 leeks");
    assert_contains(a->text, "Salt and pepper\n\nRinse the barley");
    assert_contains(a->text, "serve the soup hot with fresh bread.");
    assert_lacks(a->text, "Lentil soup");
    assert_lacks(a->text, "Soups");
    assert_lacks(a->text, "two neighbours");
    td_article_free(a);
}

static void test_recipe_list_start(void **state)
{
    (void)state;
    /* the text starts at a long item of a list: the list's short items before it are kept too */
    td_article *a = extract_file("recipe_list.html");
    assert_contains(a->text, "1 whole chicken\n\n2 onions, chopped");
    assert_contains(a->text, "1 bay leaf\n\n500 g of long-grain rice");
    assert_contains(a->text, "a bowl of yoghurt on the side.");
    assert_lacks(a->text, "shopping basket");
    td_article_free(a);
}

static void test_section_headings(void **state)
{
    (void)state;
    /* headings that open boxes of other stories or the author's box go; a subheading of the
     * article stays */
    td_article *a = extract_file("section_headings.html");
    assert_contains(a->text, "Weitere Pl\xc3\xa4ne\n\nIm kommenden Jahr");
    assert_lacks(a->text, "\xc3\x9c" "ber den Autor");
    assert_lacks(a->text, "Mehr zu Verkehr");
    assert_lacks(a->text, "Weitere aktuelle Themen");
    td_article_free(a);
}

static void test_table_rows(void **state)
{
    (void)state;
    const char *html =
        "<html><body><div class=\"article-body\">"
        "<p>The results of the regional election were announced late on Sunday evening by the electoral office, "
        "with a turnout of 61 percent.</p>"
        "<table><tr><th>Party</th><th>Seats</th></tr><tr><td>Greens</td><td>14</td></tr>"
        "<tr><td>Liberals</td><td>9</td></tr></table>"
        "<p>The new parliament meets for the first time in three weeks, when it will elect its speaker.</p>"
        "</div></body></html>";
    td_error err = {0};
    td_article *a = extract_string(html, &err);
    assert_non_null(a);
    assert_contains(a->text, "Party | Seats");
    assert_contains(a->text, "Greens | 14\n\nLiberals | 9");
    td_article_free(a);
}

static void test_line_breaks(void **state)
{
    (void)state;
    const char *html =
        "<html><body><div class=\"post\"><p>Roses are red,<br>violets are blue,<br>this little poem is written "
        "for you, and it goes on for a while so that it counts as text.</p><p>First stanza ends here.<br><br>"
        "Second paragraph after a double break, which the extractor reads as a new paragraph of the text.</p>"
        "</div></body></html>";
    td_error err = {0};
    td_article *a = extract_string(html, &err);
    assert_non_null(a);
    assert_contains(a->text, "Roses are red,\nviolets are blue,\nthis little poem");
    assert_contains(a->text, "First stanza ends here.\n\nSecond paragraph");
    td_article_free(a);
}

static void test_preformatted(void **state)
{
    (void)state;
    const char *html =
        "<html><body><div class=\"post\"><p>Here is how to list the files of a folder in a shell, with their "
        "sizes and dates, sorted by time:</p><pre><code>ls -l\n   --sort=time\nexit</code></pre><p>That is all "
        "there is to it for today, and the next post will show more of the same.</p></div></body></html>";
    td_error err = {0};
    td_article *a = extract_string(html, &err);
    assert_non_null(a);
    assert_contains(a->text, "sorted by time:\n\nls -l\n--sort=time\nexit\n\nThat is all");
    td_article_free(a);
}

/* ---------------------------------------------------------------- charsets and entities */

static void test_entities(void **state)
{
    (void)state;
    td_article *a = extract_file("entities.html");
    /* named, decimal and hex references; a no-break space is white space */
    assert_contains(a->text, "The caf\xc3\xa9 opened in 1998 \xe2\x80\x93 long before the bar next door \xe2\x80\x93 and");
    assert_contains(a->text, "coffee for 2 \xe2\x82\xac or \xe2\x82\xac 3 with cake, <as the sign says>.");
    assert_contains(a->text, "Ren\xc3\xa9" "e, says the recipes came from her grandmother's notebook");
    assert_string_equal(a->title, "Caf\xc3\xa9 & bar");
    td_article_free(a);
}

static void test_latin1_meta(void **state)
{
    (void)state;
    td_article *a = extract_file("latin1.html");
    assert_contains(a->text, "Die Stra\xc3\x9f" "enbahn f\xc3\xa4hrt ab Montag wieder \xc3\xbc" "ber die gro\xc3\x9f" "e Br\xc3\xbc" "cke");
    assert_string_equal(a->title, "Stra\xc3\x9f" "enbahn");
    td_article_free(a);
}

static void test_cp1252_http_equiv(void **state)
{
    (void)state;
    td_article *a = extract_file("cp1252.html");
    /* 0x80 is the euro sign and 0x84/0x93 German quotes in Windows-1252, not C1 controls */
    assert_contains(a->text, "Der Eintritt kostet 5 \xe2\x82\xac, sagte die Sprecherin: \xe2\x80\x9eWir freuen uns");
    td_article_free(a);
}

static void test_bom(void **state)
{
    (void)state;
    td_article *a = extract_file("bom.html");
    assert_contains(a->text, "Z\xc3\xbcrich und Gen\xc3\xa8ve liegen in der Schweiz");
    assert_true(a->text[0] == 'Z');
    td_article_free(a);
    a = extract_file("utf16.html");
    assert_contains(a->text, "Z\xc3\xbcrich und Gen\xc3\xa8ve liegen in der Schweiz");
    assert_contains(a->text, "um Ski zu fahren oder zu wandern.");
    td_article_free(a);
}

static void test_charset_decisions(void **state)
{
    (void)state;
    size_t n;
    bool copied;
    /* valid UTF-8 is used as it is */
    const char *u = "<p>gr\xc3\xbc\xc3\x9f" "e</p>";
    char *out = charset_to_utf8(u, strlen(u), &n, &copied);
    assert_false(copied);
    assert_ptr_equal(out, u);
    /* a stale Latin-1 declaration over UTF-8 text: the bytes win */
    const char *stale = "<meta charset=\"iso-8859-1\"><p>gr\xc3\xbc\xc3\x9f" "e</p>";
    out = charset_to_utf8(stale, strlen(stale), &n, &copied);
    assert_false(copied);
    /* no declaration, not UTF-8: Windows-1252 byte by byte, valid sequences kept */
    const char *mixed = "<p>caf\xe9 \x80 5 and gr\xc3\xbc\xc3\x9f" "e</p>";
    out = charset_to_utf8(mixed, strlen(mixed), &n, &copied);
    assert_true(copied);
    assert_string_equal(out, "<p>caf\xc3\xa9 \xe2\x82\xac 5 and gr\xc3\xbc\xc3\x9f" "e</p>");
    free(out);
    /* an encoding nobody knows: the same fallback */
    const char *unknown = "<meta charset=\"x-no-such-charset\"><p>caf\xe9</p>";
    out = charset_to_utf8(unknown, strlen(unknown), &n, &copied);
    assert_non_null(strstr(out, "caf\xc3\xa9"));
    size_t bad;
    assert_true(td_utf8_valid(out, n, &bad));
    free(out);
    /* another single-byte code page through iconv: KOI8-R Cyrillic */
    const char *koi = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=KOI8-R\"><p>\xd0\xd2\xc9\xd7\xc5\xd4</p>";
    out = charset_to_utf8(koi, strlen(koi), &n, &copied);
    assert_non_null(strstr(out, "\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82")); /* привет */
    free(out);
    /* NUL bytes never reach the parser */
    const char nul[] = "<p>a\0b\xe9</p>";
    out = charset_to_utf8(nul, sizeof nul - 1, &n, &copied);
    assert_int_equal(n, strlen(out));
    assert_string_equal(out, "<p>ab\xc3\xa9</p>");
    free(out);
}

/* ---------------------------------------------------------------- bad input */

static void test_no_main_text(void **state)
{
    (void)state;
    td_error err = {0};
    assert_null(extract_string("<html><head><title>Only a head</title></head></html>", &err));
    assert_int_equal(err.code, TD_ERR_INPUT);
    assert_string_equal(err.message, "page.html: no main text found");
    assert_null(extract_string("<html><body><nav><a href=\"/\">Home</a></nav></body></html>", &err));
    assert_string_equal(err.message, "page.html: no main text found");
    assert_null(td_extract_html("", 0, "empty.html", &err));
    assert_string_equal(err.message, "empty.html: empty page");
}

static void test_binary_data(void **state)
{
    (void)state;
    size_t n = 100000;
    char *junk = malloc(n);
    assert_non_null(junk);
    uint32_t x = 12345;
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        junk[i] = (char)(x >> 16);
    }
    td_error err = {0};
    assert_null(td_extract_html(junk, n, "photo.jpg", &err));
    assert_int_equal(err.code, TD_ERR_INPUT);
    assert_string_equal(err.message, "photo.jpg: binary data, not an HTML page");
    free(junk);
}

static void test_malformed_markup(void **state)
{
    (void)state;
    const char *html =
        "<html><body><div class=content><p>Unclosed paragraph about the new cycle path along the river, which "
        "opens next week after years of planning<p>Another one <b>with <i>badly nested</b> tags</i> and an "
        "<unknown-tag attr=>odd element</unknown-tag> inside, and &bogus; entities &amp text that goes on"
        "<div><span><table><td>cell without row or table body<p>paragraph in a cell"
        "</li></ul></article>stray closing tags and then the page simply ends in the middle of a tag <a href=";
    td_error err = {0};
    td_article *a = extract_string(html, &err);
    assert_non_null(a);
    assert_contains(a->text, "Unclosed paragraph about the new cycle path");
    assert_contains(a->text, "with badly nested tags");
    size_t bad;
    assert_true(td_utf8_valid(a->text, strlen(a->text), &bad));
    td_article_free(a);
}

static void test_page_without_body(void **state)
{
    (void)state;
    /* text straight in <html>, no <body> tag: the parser implies one */
    const char *html = "<html><p>A page without a body element still has text that a reader can see on the "
                       "screen, and this sentence is part of it.</p></html>";
    td_error err = {0};
    td_article *a = extract_string(html, &err);
    assert_non_null(a);
    assert_contains(a->text, "A page without a body element");
    td_article_free(a);
}

/* A page of n paragraphs nested depth levels deep (divs), as a malloc'd string. */
static char *deep_page(size_t depth, const char *open, const char *close)
{
    buf b = {0};
    assert_true(buf_puts(&b, "<html><body>"));
    for (size_t i = 0; i < depth; i++) assert_true(buf_puts(&b, open));
    assert_true(buf_puts(&b, "<p>Deep inside many elements there is still a paragraph of text that the extractor "
                             "has to find, with enough words to count as prose.</p>"));
    for (size_t i = 0; i < depth; i++) assert_true(buf_puts(&b, close));
    assert_true(buf_puts(&b, "</body></html>"));
    return buf_take(&b);
}

static void test_deep_nesting(void **state)
{
    (void)state;
    const char *opens[] = {"<div>", "<span>", "<figure class=\"caption\">"};
    const char *closes[] = {"</div>", "</span>", "</figure>"};
    for (size_t k = 0; k < 3; k++) {
        char *html = deep_page(100000, opens[k], closes[k]);
        td_error err = {0};
        td_article *a = extract_string(html, &err);
        free(html);
        if (k < 2) {
            assert_non_null(a);
            assert_contains(a->text, "Deep inside many elements");
        } else {
            /* 100,000 nested captions: no crash; the text is a caption's, so none is found */
            assert_null(a);
            assert_string_equal(err.message, "page.html: no main text found");
        }
        td_article_free(a);
    }
}

static void test_long_line(void **state)
{
    (void)state;
    /* 1 MB of text on one line, in one paragraph */
    buf b = {0};
    assert_true(buf_puts(&b, "<html><body><div class=\"text\"><p>"));
    while (b.len < 1000000) assert_true(buf_puts(&b, "the river rises after the storm and the town waits, "));
    assert_true(buf_puts(&b, "</p></div></body></html>"));
    td_error err = {0};
    td_article *a = td_extract_html(b.data, b.len, "line.html", &err);
    assert_non_null(a);
    assert_true(strlen(a->text) > 990000);
    assert_null(strchr(a->text, '\n'));
    td_article_free(a);
    buf_free(&b);
}

static void test_huge_page(void **state)
{
    (void)state;
    /* a 50 MB page: an article of many sections, with menus and link lists between them; pages this
     * large are read in parts (article.c), and no section may be lost or doubled at a seam */
    buf b = {0};
    assert_true(buf_puts(&b, "<!DOCTYPE html><html lang=\"en\"><head><title>Huge</title></head><body>"
                             "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>"));
    size_t sections = 0;
    while (b.len < 50u * 1000 * 1000) {
        assert_true(buf_printf(&b,
                               "<h2>Section %zu</h2><p>The committee met again to discuss the harbour plan, and "
                               "after a long debate in the town hall it agreed that the works would start in the "
                               "spring, with a first review of the costs in the autumn.</p><ul><li><a href=\"/a\">"
                               "Related link</a></li><li><a href=\"/b\">Another link</a></li></ul>\n",
                               sections++));
    }
    assert_true(buf_puts(&b, "</article></body></html>"));
    td_error err = {0};
    td_article *a = td_extract_html(b.data, b.len, "huge.html", &err);
    assert_non_null(a);
    assert_contains(a->text, "Section 0\n\nThe committee met again");
    char last[64];
    snprintf(last, sizeof last, "Section %zu\n", sections - 1);
    assert_contains(a->text, last);
    assert_lacks(a->text, "Related link");
    assert_string_equal(a->title, "Huge");
    /* counted byte by byte: a strstr loop is quadratic under ASan, whose strstr measures the rest */
    static const char needle[] = "The committee met again";
    size_t found = 0, n = strlen(a->text);
    for (size_t i = 0; i + sizeof needle - 1 <= n; i++)
        found += a->text[i] == 'T' && memcmp(a->text + i, needle, sizeof needle - 1) == 0;
    assert_int_equal(found, sections);
    td_article_free(a);
    buf_free(&b);
}

/* ---------------------------------------------------------------- linear work */

/* The work counters of one extraction of html. */
static size_t work_for(const char *html, size_t len)
{
    td_error err = {0};
    htmlDocPtr doc = page_parse(html, len, "work.html", &err);
    assert_non_null(doc);
    extract_result res;
    td_status st = extract_main_text(doc, &res); /* pages of captions only have no main text */
    assert_true(st == TD_OK || st == TD_ERR_INPUT);
    xmlFreeDoc(doc);
    size_t work = res.stats.nodes + res.stats.text_bytes + res.stats.blocks + res.stats.steps;
    extract_result_free(&res);
    return work;
}

/* A page of n units of mixed structure: paragraphs, link lists, captions, hidden boxes, tables. */
static char *mixed_page(size_t n, size_t *len)
{
    buf b = {0};
    assert_true(buf_puts(&b, "<html><body><nav class=\"menu\"><a href=\"/\">Home</a></nav><div class=\"content\">"));
    for (size_t i = 0; i < n; i++) {
        assert_true(buf_puts(
            &b, "<div class=\"section\"><h3>A heading</h3><p>Some text of the article with a <a href=\"/x\">link</a> "
                "in it, long enough to be a paragraph of prose that the classifier keeps.</p>"
                "<figure><figcaption class=\"caption\">A caption. Photo: agency</figcaption></figure>"
                "<div style=\"display:none\"><p>Hidden box text that nobody sees on the page.</p></div>"
                "<ul class=\"related\"><li><a href=\"/r\">Related one</a></li><li><a href=\"/s\">Related two</a></li></ul>"
                "<table><tr><td>cell</td><td>12</td></tr></table><p>Short line.</p></div>\n"));
    }
    assert_true(buf_puts(&b, "</div><div id=\"comments\"><p>A comment on the article.</p></div></body></html>"));
    *len = b.len;
    return buf_take(&b);
}

static void test_linear_work_mixed(void **state)
{
    (void)state;
    size_t len1, len4;
    char *p1 = mixed_page(2000, &len1), *p4 = mixed_page(8000, &len4);
    size_t w1 = work_for(p1, len1), w4 = work_for(p4, len4);
    free(p1);
    free(p4);
    /* four times the input, about four times the work, and a small constant per input byte */
    double ratio = (double)w4 / (double)w1;
    if (ratio < 3.6 || ratio > 4.4) fail_msg("work grew %.2f times for 4 times the input", ratio);
    assert_true(w4 < 4 * len4);
}

static void test_linear_work_nesting(void **state)
{
    (void)state;
    /* deep nesting of the elements the passes look at: captions, hidden elements, furniture */
    const char *opens[] = {"<div class=\"caption\">", "<div hidden>", "<aside>", "<div class=\"sidebar\">"};
    const char *closes[] = {"</div>", "</div>", "</aside>", "</div>"};
    for (size_t k = 0; k < 4; k++) {
        char *small = deep_page(20000, opens[k], closes[k]), *large = deep_page(80000, opens[k], closes[k]);
        size_t ws = work_for(small, strlen(small)), wl = work_for(large, strlen(large));
        double ratio = (double)wl / (double)ws;
        if (ratio < 3.6 || ratio > 4.4) fail_msg("%s: work grew %.2f times for 4 times the depth", opens[k], ratio);
        free(small);
        free(large);
    }
}

/* ---------------------------------------------------------------- ../shared */

static void test_shared_pages(void **state)
{
    (void)state;
    const char *dir = shared_dir();
    if (!dir) return;
    /* a German blog post and an English news page of trafilatura's set: known snippets in, known out */
    struct {
        const char *file, *with, *without;
    } cases[] = {
        {"die-partei.net.luebeck.html", "Die GEMA dreht v\xc3\xb6llig am Zeiger!", "Impressum"},
        {"kulinariaathome.com.mandelpl\xc3\xa4tzchen.html", "200 g Zucker", "Creative Commons"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/data/extraction-dev/pages/%s.gz", dir, cases[i].file);
        size_t len = 0;
        char *html = read_test_file(path, &len);
        if (!html) {
            fprintf(stderr, "note: %s is absent: skipped\n", path);
            continue;
        }
        td_error err = {0};
        td_article *a = td_extract_html(html, len, cases[i].file, &err);
        free(html);
        if (!a) fail_msg("%s", err.message);
        assert_contains(a->text, cases[i].with);
        assert_lacks(a->text, cases[i].without);
        td_article_free(a);
    }
}


/* Found by fuzzing: bytes that a declared charset cannot read become U+FFFD (three bytes for one),
 * so the converted page grows past the first guess of its size. */
static void test_unreadable_bytes_grow_the_page(void **state)
{
    (void)state;
    const char *head = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1253\">"
                       "</head><body><p>";
    const char *tail = " The ferry runs every fifteen minutes while the bridge is closed for repairs.</p></body></html>";
    size_t n_bad = 6000, len = strlen(head) + n_bad + strlen(tail);
    char *page = malloc(len);
    assert_non_null(page);
    memcpy(page, head, strlen(head));
    memset(page + strlen(head), 0xaa, n_bad); /* 0xAA is not a character of windows-1253 */
    memcpy(page + strlen(head) + n_bad, tail, strlen(tail));
    td_error err = {0};
    td_article *a = td_extract_html(page, len, "bad-bytes.html", &err);
    if (a) {
        assert_true(td_utf8_valid(a->text, strlen(a->text), NULL));
        td_article_free(a);
    } else {
        assert_non_null(strstr(err.message, "bad-bytes.html"));
    }
    free(page);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unreadable_bytes_grow_the_page),
        cmocka_unit_test(test_article_page),
        cmocka_unit_test(test_paragraph_layout),
        cmocka_unit_test(test_link_list),
        cmocka_unit_test(test_comments_only_sidebar),
        cmocka_unit_test(test_hidden_elements),
        cmocka_unit_test(test_all_text_hidden),
        cmocka_unit_test(test_noscript),
        cmocka_unit_test(test_jsonld_body),
        cmocka_unit_test(test_jsonld_body_shorter),
        cmocka_unit_test(test_closing_notes),
        cmocka_unit_test(test_body_in_boxes),
        cmocka_unit_test(test_clean_prose_box),
        cmocka_unit_test(test_standfirst_under_headline),
        cmocka_unit_test(test_standfirst_in_article_header),
        cmocka_unit_test(test_article_sections_in_headers),
        cmocka_unit_test(test_standfirst_named_by_description),
        cmocka_unit_test(test_call_to_action_within_text),
        cmocka_unit_test(test_figure_labels),
        cmocka_unit_test(test_short_post_of_one_paragraph),
        cmocka_unit_test(test_gallery_captions),
        cmocka_unit_test(test_short_opening_paragraph),
        cmocka_unit_test(test_embedded_post),
        cmocka_unit_test(test_standfirst_far_above),
        cmocka_unit_test(test_headline_above_one_paragraph),
        cmocka_unit_test(test_pull_quote),
        cmocka_unit_test(test_latest_box_inside_article),
        cmocka_unit_test(test_subheading_after_link_line),
        cmocka_unit_test(test_page_of_short_lines),
        cmocka_unit_test(test_recipe_ingredients_box),
        cmocka_unit_test(test_recipe_list_start),
        cmocka_unit_test(test_section_headings),
        cmocka_unit_test(test_table_rows),
        cmocka_unit_test(test_line_breaks),
        cmocka_unit_test(test_preformatted),
        cmocka_unit_test(test_entities),
        cmocka_unit_test(test_latin1_meta),
        cmocka_unit_test(test_cp1252_http_equiv),
        cmocka_unit_test(test_bom),
        cmocka_unit_test(test_charset_decisions),
        cmocka_unit_test(test_no_main_text),
        cmocka_unit_test(test_binary_data),
        cmocka_unit_test(test_malformed_markup),
        cmocka_unit_test(test_page_without_body),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_long_line),
        cmocka_unit_test(test_huge_page),
        cmocka_unit_test(test_linear_work_mixed),
        cmocka_unit_test(test_linear_work_nesting),
        cmocka_unit_test(test_shared_pages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

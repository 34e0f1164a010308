/* test_clean.c — the cleaner (td_clean_cluster) on invented articles for every kind of debris, the
 * cluster rules over repeated lines, glued titles and cut-off endings; on the bundled example
 * story; and on the Sony articles in ../shared when present. */
#include <stdlib.h>
#include <string.h>

#include "summary/dateline.h"
#include "testutil.h"
#include "tidings.h"

typedef struct spec {
    const char *name;   /* file name or id */
    const char *source; /* outlet, or NULL */
    const char *title;  /* headline, or NULL */
    const char *text;
} spec;

static td_cluster *make_cluster(const spec *docs, size_t n)
{
    td_cluster *c = td_cluster_new("t");
    assert_non_null(c);
    for (size_t i = 0; i < n; i++) {
        td_document d = {.name = (char *)docs[i].name, .source = (char *)docs[i].source,
                         .title = (char *)docs[i].title, .text = (char *)docs[i].text};
        assert_int_equal(td_cluster_add(c, &d), TD_OK);
    }
    return c;
}

/* The piece of article doc that holds the first occurrence of needle. */
static const td_clean_piece *piece_at(const td_cleaner *cl, const td_cluster *c, size_t doc, const char *needle)
{
    const char *text = c->docs[doc].text;
    const char *hit = strstr(text, needle);
    if (!hit) fail_msg("article %zu has no '%s'", doc, needle);
    size_t at = (size_t)(hit - text), n;
    const td_clean_piece *p = td_clean_pieces(cl, doc, &n);
    for (size_t i = 0; i < n; i++)
        if (p[i].span.start <= at && at < p[i].span.end) return &p[i];
    fail_msg("no piece of article %zu holds '%s'", doc, needle);
    return NULL;
}

static void expect(const td_cleaner *cl, const td_cluster *c, size_t doc, const char *needle, td_clean_reason want)
{
    td_clean_reason got = piece_at(cl, c, doc, needle)->reason;
    if (got != want)
        fail_msg("'%s': %s, wanted %s", needle, td_clean_reason_name(got), td_clean_reason_name(want));
}

static bool is_space(char ch) { return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r'; }

/* Pieces are in order, inside the text, trimmed, and cover every byte but white space and list
 * markers at the start of a line. */
static void check_pieces(const td_cleaner *cl, const td_cluster *c)
{
    for (size_t d = 0; d < c->n_docs; d++) {
        const char *text = c->docs[d].text;
        size_t len = c->docs[d].text_len, n, pos = 0;
        const td_clean_piece *p = td_clean_pieces(cl, d, &n);
        for (size_t i = 0; i <= n; i++) {
            size_t next = i < n ? p[i].span.start : len;
            assert_true(next >= pos);
            for (size_t k = pos; k < next; k++) {
                if (is_space(text[k]) || (unsigned char)text[k] >= 0x80) continue;
                size_t line = k;
                while (line > 0 && text[line - 1] != '\n') line--;
                for (size_t m = line; m <= k; m++)
                    if (!is_space(text[m]) && !strchr("-*+.)(0123456789", text[m]))
                        fail_msg("article %zu: byte %zu ('%c') is in no piece", d, k, text[k]);
            }
            if (i == n) break;
            assert_true(p[i].span.end > p[i].span.start);
            assert_true(p[i].span.end <= len);
            assert_false(is_space(text[p[i].span.start]));
            assert_false(is_space(text[p[i].span.end - 1]));
            pos = p[i].span.end;
        }
    }
}

static td_cleaner *clean(const td_cluster *c)
{
    td_cleaner *cl = td_cleaner_new();
    assert_non_null(cl);
    td_error err = {0};
    assert_int_equal(td_clean_cluster(cl, c, &err), TD_OK);
    check_pieces(cl, c);
    return cl;
}

/* ---------------------------------------------------------------- every kind on its own */

static const char page_top[] =
    "Ferry service doubled as Lorne Bridge stays shut\n"
    "By Ada Quill | The Brackwater Herald\n"
    "Published 10:42 a.m. ET March 3, 2024\n"
    "Skip to content\n"
    "Share on Facebook\n"
    "12 4\n"
    "\n"
    "BRACKWATER — The ferry between Brackwater and Holm Island will run twice as often while the Lorne "
    "Bridge stays closed, the island council said on Monday.\n"
    "\n"
    "Passengers queue at the Holm Island pier on Monday. (Photo: Ada Quill / Brackwater Herald)\n"
    "\n"
    "Engineers closed the bridge last week after finding corrosion in two of its steel piers. Will it "
    "reopen before the summer? The council has not said.\n"
    "\n"
    "Queues at dawn\n"
    "\n"
    "The first ferry now leaves at 5 a.m., and a second boat joins the route at rush hour, the operator said.\n"
    "\n"
    "Advertisement\n"
    "\n"
    "* * *\n"
    "\n"
    "Islanders said the crossing took twice as long as the drive over the bridge used to take.\n";

static const char page_end[] =
    "The council will meet on Thursday to discuss the cost of the repairs to the Lorne Bridge.\n"
    "\n"
    "What do you think of the new timetable? Let us know below.\n"
    "\n"
    "Do you think the council acted quickly enough?\n"
    "\n"
    "Editor's note: This story has been updated with the council's statement.\n"
    "\n"
    "Related stories\n"
    "Holm Island ferry fares frozen for a year\n"
    "Lorne Bridge piers to be inspected again\n"
    "Brackwater council names new harbour master\n"
    "\n"
    "Tags: bridges, ferries, Holm Island, Brackwater\n"
    "\n"
    "Breaking: Bridge shut — Sam Reed (@samreed) March 3, 2024\n"
    "\n"
    "Copyright 2024 The Brackwater Herald. All rights reserved.\n"
    "\n"
    "About the author\n"
    "\n"
    "Ada Quill writes about transport and city hall for the Brackwater Herald.\n"
    "\n"
    "She can be reached at ada@herald.example.\n"
    "\n"
    "She lives on Holm Island and takes the ferry to work every day.\n";

static void test_every_kind_of_debris(void **state)
{
    (void)state;
    spec docs[] = {
        {"top.txt", NULL, "Ferry service doubled as Lorne Bridge stays shut", page_top},
        {"end.txt", NULL, NULL, page_end},
    };
    td_cluster *c = make_cluster(docs, 2);
    td_cleaner *cl = clean(c);
    expect(cl, c, 0, "Ferry service doubled", TD_CLEAN_TITLE);
    expect(cl, c, 0, "By Ada Quill", TD_CLEAN_BYLINE);
    expect(cl, c, 0, "Published 10:42", TD_CLEAN_TIMESTAMP);
    expect(cl, c, 0, "Skip to content", TD_CLEAN_NAVIGATION);
    expect(cl, c, 0, "Share on Facebook", TD_CLEAN_SHARE);
    expect(cl, c, 0, "12 4", TD_CLEAN_COUNTER);
    expect(cl, c, 0, "BRACKWATER", TD_CLEAN_CONTENT);
    expect(cl, c, 0, "Passengers queue", TD_CLEAN_CREDIT);
    expect(cl, c, 0, "Engineers closed", TD_CLEAN_CONTENT);
    expect(cl, c, 0, "Will it reopen", TD_CLEAN_QUESTION);
    expect(cl, c, 0, "The council has not said", TD_CLEAN_CONTENT);
    expect(cl, c, 0, "Queues at dawn", TD_CLEAN_HEADLINE);
    expect(cl, c, 0, "Advertisement", TD_CLEAN_ADVERT);
    expect(cl, c, 0, "* * *", TD_CLEAN_SEPARATOR);
    expect(cl, c, 0, "Islanders said", TD_CLEAN_CONTENT);

    expect(cl, c, 1, "The council will meet", TD_CLEAN_CONTENT);
    expect(cl, c, 1, "What do you think", TD_CLEAN_COMMENT);
    expect(cl, c, 1, "Do you think the council", TD_CLEAN_READER_QUESTION);
    expect(cl, c, 1, "Editor's note", TD_CLEAN_NOTE);
    expect(cl, c, 1, "Related stories", TD_CLEAN_RELATED);
    expect(cl, c, 1, "fares frozen", TD_CLEAN_RELATED);
    expect(cl, c, 1, "Tags:", TD_CLEAN_TAGS);
    expect(cl, c, 1, "(@samreed)", TD_CLEAN_EMBED);
    expect(cl, c, 1, "Copyright 2024", TD_CLEAN_COPYRIGHT);
    expect(cl, c, 1, "About the author", TD_CLEAN_TAIL);
    expect(cl, c, 1, "Ada Quill writes", TD_CLEAN_BIO);
    expect(cl, c, 1, "She can be reached", TD_CLEAN_BYLINE);
    expect(cl, c, 1, "She lives on Holm Island", TD_CLEAN_TAIL);
    td_cleaner_free(cl);
    td_cluster_free(c);
}

static void test_link_lists_and_bios_without_end_markers(void **state)
{
    (void)state;
    const char *text = "The Lorne Bridge will stay closed for at least three more weeks, engineers said on Friday.\n"
                       "\n"
                       "Repairs to the corroded piers will cost about $3 million, the council said.\n"
                       "\n"
                       "Holm Island ferry fares frozen for a year\n"
                       "Lorne Bridge piers to be inspected again\n"
                       "\n"
                       "Ada Quill is a reporter who covers transport and city hall for the Herald.\n";
    spec docs[] = {{"a.txt", NULL, NULL, text}};
    td_cluster *c = make_cluster(docs, 1);
    td_cleaner *cl = clean(c);
    expect(cl, c, 0, "The Lorne Bridge will stay", TD_CLEAN_CONTENT);
    expect(cl, c, 0, "Holm Island ferry fares", TD_CLEAN_RELATED);
    expect(cl, c, 0, "piers to be inspected", TD_CLEAN_RELATED);
    expect(cl, c, 0, "Ada Quill is a reporter", TD_CLEAN_BIO);
    td_cleaner_free(cl);
    td_cluster_free(c);
}

/* ---------------------------------------------------------------- glued titles, cut endings */

static void test_glued_titles(void **state)
{
    (void)state;
    spec docs[] = {
        /* the title is known: the same words glued to the first sentence */
        {"known.txt", NULL, "Holm Island ferry doubled while bridge is shut",
         "Holm Island ferry doubled while bridge is shut\n\nHolm Island ferry doubled while bridge is shutThe "
         "island council said on Monday that a second boat would join the route.\n"},
        /* no title: a lower-case word runs into a capital after a title-like run */
        {"guess.txt", NULL, NULL,
         "Ferry doubled while bridge is shutCommuters from Holm Island queued for an hour on Monday. The "
         "council said a second boat would help.\n"},
        /* names that mix cases are no glue */
        {"names.txt", NULL, NULL,
         "Sales of the new iPhone rose at McDonald's stores, the YouTube channel said on Monday.\n"},
    };
    td_cluster *c = make_cluster(docs, 3);
    td_cleaner *cl = clean(c);
    const td_clean_piece *p = piece_at(cl, c, 0, "Holm Island ferry doubled while bridge is shutThe");
    assert_int_equal(p->reason, TD_CLEAN_GLUED_TITLE);
    assert_int_equal(p->span.end - p->span.start, strlen("Holm Island ferry doubled while bridge is shut"));
    p = piece_at(cl, c, 0, "The island council");
    assert_int_equal(p->reason, TD_CLEAN_CONTENT);
    assert_memory_equal(c->docs[0].text + p->span.start, "The island council", 18);
    expect(cl, c, 1, "Ferry doubled", TD_CLEAN_GLUED_TITLE);
    p = piece_at(cl, c, 1, "Commuters from");
    assert_int_equal(p->reason, TD_CLEAN_CONTENT);
    assert_memory_equal(c->docs[1].text + p->span.start, "Commuters", 9);
    p = piece_at(cl, c, 2, "Sales of");
    assert_int_equal(p->reason, TD_CLEAN_CONTENT);
    assert_int_equal(p->span.start, 0);
    td_cleaner_free(cl);
    td_cluster_free(c);
}

/* A guessed glued title is looked for through the capitals and sentence marks of a paragraph's
 * first bytes: found past the first eight bytes and in a long title, not after a sentence that
 * ended (". " or "! "), and not where a capital follows a short lower-case stump ("McDonald"). */
static void test_glued_titles_guessed(void **state)
{
    (void)state;
    spec docs[] = {
        {"long.txt", NULL, NULL,
         "Ferry doubled while the old bridge stays shut for steel repairs to its northern piersCommuters from Holm "
         "Island queued for an hour on Monday.\n"},
        {"ended.txt", NULL, NULL,
         "Ferry doubled at last! Bridge shut for repair aheadCommuters from Holm Island queued for an hour.\n"},
        {"names.txt", NULL, NULL,
         "Sales at the harbour cafe and the new McDonald outlet rose on Monday, the council said.\n"},
    };
    td_cluster *c = make_cluster(docs, 3);
    td_cleaner *cl = clean(c);
    expect(cl, c, 0, "Ferry doubled while", TD_CLEAN_GLUED_TITLE);
    const td_clean_piece *p = piece_at(cl, c, 0, "Commuters from");
    assert_int_equal(p->reason, TD_CLEAN_CONTENT);
    assert_memory_equal(c->docs[0].text + p->span.start, "Commuters", 9);
    p = piece_at(cl, c, 1, "Ferry doubled at last");
    assert_int_equal(p->span.start, 0);
    assert_true(p->reason != TD_CLEAN_GLUED_TITLE);
    p = piece_at(cl, c, 2, "Sales at");
    assert_int_equal(p->reason, TD_CLEAN_CONTENT);
    assert_int_equal(p->span.start, 0);
    td_cleaner_free(cl);
    td_cluster_free(c);
}

static void test_truncated_last_sentence(void **state)
{
    (void)state;
    spec docs[] = {
        {"cut.txt", NULL, NULL,
         "The bridge will stay closed for three weeks, the council said.\n"
         "The council will publish the engineers' full report on the corroded piers by the end of the mon"},
        {"whole.txt", NULL, NULL,
         "The bridge will stay closed for three weeks, the council said. The report is due in April.\n\n"
         "Share this article\n"},
        {"colon.txt", NULL, NULL, "The council listed the ferry times for the coming weeks as follows:\n"},
        {"cut-in-paragraph.txt", NULL, NULL,
         "The bridge will stay closed for three weeks. The council said the ferry would"},
        /* short, but ending in the stump of a word */
        {"stump.txt", NULL, NULL,
         "The bridge will stay closed for three weeks, the council said.\n\nRepairs start early next mon"},
        /* short, no final punctuation, but ending in a whole word */
        {"whole-word.txt", NULL, NULL,
         "The bridge will stay closed for three weeks, the council said.\n\nThe ferry timetable for the coming weeks is below"},
    };
    td_cluster *c = make_cluster(docs, 6);
    td_cleaner *cl = clean(c);
    expect(cl, c, 0, "The bridge will stay", TD_CLEAN_CONTENT);
    expect(cl, c, 0, "end of the mon", TD_CLEAN_TRUNCATED);
    expect(cl, c, 1, "The report is due", TD_CLEAN_CONTENT);
    expect(cl, c, 1, "Share this", TD_CLEAN_SHARE);
    expect(cl, c, 2, "The council listed", TD_CLEAN_NO_END);
    expect(cl, c, 3, "The bridge will stay", TD_CLEAN_CONTENT);
    expect(cl, c, 3, "ferry would", TD_CLEAN_TRUNCATED);
    expect(cl, c, 4, "Repairs start", TD_CLEAN_TRUNCATED);
    expect(cl, c, 5, "The ferry timetable", TD_CLEAN_NO_END);
    td_cleaner_free(cl);
    td_cluster_free(c);
}

/* ---------------------------------------------------------------- repeated lines */

/* Two stories of one outlet and one of another, about the same closure. */
static const char herald_a[] =
    "The Lorne Bridge was closed on Monday after engineers found corrosion in two of its steel piers.\n\n"
    "Ferries will run twice as often while the bridge stays shut, the island council said.\n\n"
    "The bridge, built in 1961, carries about 9,000 vehicles a day between Brackwater and Holm Island.\n\n"
    "Join our readers' panel and tell us which gardens, recipes and holidays you would like us to cover next.\n\n"
    "More from the Herald\n";
static const char herald_b[] =
    "Repairs to the corroded piers of the Lorne Bridge will cost about $3 million, the council said on Tuesday.\n\n"
    "The bridge, built in 1961, carries about 9,000 vehicles a day between Brackwater and Holm Island.\n\n"
    "Engineers expect the repairs to take at least three weeks, and ferries will run until then.\n\n"
    "Join our readers' panel and tell us which gardens, recipes and holidays you would like us to cover next.\n\n"
    "More from the Herald\n";
static const char wire_c[] =
    "Engineers closed the Lorne Bridge to traffic on Monday after finding corroded steel in two piers.\n\n"
    "The island council said ferries between Brackwater and Holm Island would run twice as often.\n\n"
    "Repairs will cost about $3 million and take three weeks, officials said.\n";

static void check_herald(const td_cleaner *cl, const td_cluster *c)
{
    expect(cl, c, 0, "Join our readers' panel", TD_CLEAN_REPEATED);
    expect(cl, c, 1, "Join our readers' panel", TD_CLEAN_REPEATED);
    expect(cl, c, 0, "More from the Herald", TD_CLEAN_RELATED);
    /* news both stories tell is no boilerplate */
    expect(cl, c, 0, "The bridge, built in 1961", TD_CLEAN_CONTENT);
    expect(cl, c, 1, "The bridge, built in 1961", TD_CLEAN_CONTENT);
    expect(cl, c, 2, "Repairs will cost", TD_CLEAN_CONTENT);
}

static void test_repeated_lines_of_one_source(void **state)
{
    (void)state;
    /* the source given, then the same told by folders, then by file names */
    spec by_source[] = {{"1", "Brackwater Herald", NULL, herald_a}, {"2", "brackwater herald", NULL, herald_b},
                        {"3", "Island Wire", NULL, wire_c}};
    spec by_folder[] = {{"herald/a.txt", NULL, NULL, herald_a}, {"herald/b.txt", NULL, NULL, herald_b},
                        {"wire/c.txt", NULL, NULL, wire_c}};
    spec by_name[] = {{"herald-1.txt", NULL, NULL, herald_a}, {"herald-2.txt", NULL, NULL, herald_b},
                      {"wire-1.txt", NULL, NULL, wire_c}};
    const spec *sets[] = {by_source, by_folder, by_name};
    for (size_t s = 0; s < 3; s++) {
        td_cluster *c = make_cluster(sets[s], 3);
        td_cleaner *cl = clean(c);
        check_herald(cl, c);
        td_cleaner_free(cl);
        td_cluster_free(c);
    }
}

static void test_boilerplate_across_sources(void **state)
{
    (void)state;
    /* Three outlets, sources unknown: a short word they all carry is page furniture, a paragraph of
     * news that two of them share is syndication, and an off-topic paragraph they share is boilerplate. */
    const char *pitch = "Our puzzles, recipes and gardening tips arrive every weekend for subscribers.";
    char a[1024], b[1024], d[1024];
    snprintf(a, sizeof a,
             "The Lorne Bridge was closed on Monday after engineers found corrosion in its steel piers.\n\n"
             "Anzeige\n\n"
             "Ferries between Brackwater and Holm Island will run twice as often, the council said.\n\n"
             "The bridge carries about 9,000 vehicles a day and is the island's only road link.\n\n"
             "Repairs are expected to take three weeks and cost about $3 million.\n\n%s\n",
             pitch);
    snprintf(b, sizeof b,
             "Engineers shut the Lorne Bridge on Monday, citing corroded steel in two piers.\n\n"
             "Anzeige\n\n"
             "Ferries between Brackwater and Holm Island will run twice as often, the council said.\n\n"
             "Islanders who drive to work in Brackwater faced queues of an hour at the ferry pier.\n\n"
             "The council will decide on Thursday how to pay for the repairs to the piers.\n\n%s\n",
             pitch);
    snprintf(d, sizeof d,
             "Holm Island residents faced long queues for the ferry after the Lorne Bridge closed.\n\n"
             "Anzeige\n\n"
             "The island council said repairs to the corroded piers would take three weeks.\n");
    spec docs[] = {{"1", NULL, NULL, a}, {"2", NULL, NULL, b}, {"3", NULL, NULL, d}};
    td_cluster *c = make_cluster(docs, 3);
    td_cleaner *cl = clean(c);
    for (size_t i = 0; i < 3; i++) expect(cl, c, i, "Anzeige", TD_CLEAN_REPEATED);
    expect(cl, c, 0, "Ferries between", TD_CLEAN_CONTENT);
    expect(cl, c, 1, "Ferries between", TD_CLEAN_CONTENT);
    expect(cl, c, 0, "Our puzzles", TD_CLEAN_REPEATED);
    expect(cl, c, 1, "Our puzzles", TD_CLEAN_REPEATED);
    td_cleaner_free(cl);
    td_cluster_free(c);
}

static void test_copies_and_duplicates(void **state)
{
    (void)state;
    /* the same article twice (a syndicated copy): all of it stays, in both */
    spec copies[] = {{"wire/a.txt", NULL, NULL, wire_c}, {"wire/b.txt", NULL, NULL, wire_c},
                     {"herald/c.txt", NULL, NULL, herald_a}};
    td_cluster *c = make_cluster(copies, 3);
    td_cleaner *cl = clean(c);
    expect(cl, c, 0, "Repairs will cost", TD_CLEAN_CONTENT);
    expect(cl, c, 1, "Repairs will cost", TD_CLEAN_CONTENT);
    expect(cl, c, 1, "Engineers closed", TD_CLEAN_CONTENT);
    td_cleaner_free(cl);
    td_cluster_free(c);

    /* a paragraph a page printed twice */
    const char *twice = "The Lorne Bridge was closed on Monday after engineers found corrosion.\n\n"
                        "Ferries will run twice as often, the council said.\n\n"
                        "The Lorne Bridge was closed on Monday after engineers found corrosion.\n";
    spec one[] = {{"a.txt", NULL, NULL, twice}};
    c = make_cluster(one, 1);
    cl = clean(c);
    size_t n;
    const td_clean_piece *p = td_clean_pieces(cl, 0, &n);
    assert_int_equal(n, 3);
    assert_int_equal(p[0].reason, TD_CLEAN_CONTENT);
    assert_int_equal(p[1].reason, TD_CLEAN_CONTENT);
    assert_int_equal(p[2].reason, TD_CLEAN_DUPLICATE);
    td_cleaner_free(cl);
    td_cluster_free(c);
}

/* ---------------------------------------------------------------- API */

/* A cluster of many paragraphs (the cluster pass sorts them by their words in runs, then merges
 * the runs): the herald's pitch is still found in both of its stories, a paragraph printed twice
 * in the last article is a duplicate, and the other articles' news stays. */
static void test_repeats_among_many_paragraphs(void **state)
{
    (void)state;
    enum { WIRES = 12 };
    static char texts[WIRES][1024];
    spec docs[WIRES + 3] = {{"herald/a.txt", NULL, NULL, herald_a}, {"herald/b.txt", NULL, NULL, herald_b},
                            {"wire/c.txt", NULL, NULL, wire_c}};
    static char names[WIRES][32];
    for (int i = 0; i < WIRES; i++) {
        snprintf(texts[i], sizeof texts[i],
                 "Ferry number %d carried %d passengers between Brackwater and Holm Island on Monday.\n\n"
                 "The crew of ferry %d worked %d extra hours while the Lorne Bridge stayed shut.\n\n"
                 "Queues at the pier reached %d cars before the %d o'clock sailing, the council said.\n\n"
                 "%s",
                 i + 1, 120 + 7 * i, i + 1, 3 + i, 40 + 3 * i, 6 + i % 5,
                 i == WIRES - 1 ? "The crew of ferry 12 worked 14 extra hours while the Lorne Bridge stayed shut.\n" : "");
        snprintf(names[i], sizeof names[i], "wire/%d.txt", i + 4);
        docs[i + 3] = (spec){names[i], NULL, NULL, texts[i]};
    }
    td_cluster *c = make_cluster(docs, WIRES + 3);
    td_cleaner *cl = clean(c);
    check_herald(cl, c);
    for (size_t d = 3; d < WIRES + 3; d++) {
        expect(cl, c, d, "Ferry number", TD_CLEAN_CONTENT);
        expect(cl, c, d, "Queues at the pier", TD_CLEAN_CONTENT);
    }
    size_t n;
    const td_clean_piece *p = td_clean_pieces(cl, WIRES + 2, &n);
    assert_int_equal(n, 4);
    assert_int_equal(p[1].reason, TD_CLEAN_CONTENT);
    assert_int_equal(p[3].reason, TD_CLEAN_DUPLICATE);
    td_cleaner_free(cl);
    td_cluster_free(c);
}

static void test_reasons_and_reuse(void **state)
{
    (void)state;
    for (int a = 0; a < TD_CLEAN_N_REASONS; a++) {
        assert_string_not_equal(td_clean_reason_name((td_clean_reason)a), "unknown");
        for (int b = a + 1; b < TD_CLEAN_N_REASONS; b++)
            assert_string_not_equal(td_clean_reason_name((td_clean_reason)a), td_clean_reason_name((td_clean_reason)b));
        assert_int_equal(td_clean_keeps((td_clean_reason)a), a <= TD_CLEAN_QUESTION);
    }
    assert_string_equal(td_clean_reason_name(TD_CLEAN_N_REASONS), "unknown");
    /* one cleaner for two clusters: the second's pieces replace the first's */
    spec big[] = {{"herald/a.txt", NULL, NULL, herald_a}, {"herald/b.txt", NULL, NULL, herald_b}};
    spec small[] = {{"c.txt", NULL, NULL, wire_c}};
    td_cluster *c1 = make_cluster(big, 2), *c2 = make_cluster(small, 1);
    td_cleaner *cl = clean(c1);
    td_error err = {0};
    assert_int_equal(td_clean_cluster(cl, c2, &err), TD_OK);
    check_pieces(cl, c2);
    size_t n;
    assert_non_null(td_clean_pieces(cl, 0, &n));
    assert_int_equal(n, 3);
    assert_null(td_clean_pieces(cl, 1, &n));
    assert_int_equal(n, 0);
    td_cleaner_free(cl);
    td_cluster_free(c1);
    td_cluster_free(c2);
}

/* The summariser quotes only what the cleaner kept as content, at the same offsets (less the
 * dateline that may open it). */
static void check_summary_quotes_content(const td_cluster *c, const td_cleaner *cl)
{
    td_summary_opts o;
    td_summary_opts_defaults(&o);
    o.max_words = 400;
    td_error err = {0};
    td_summarizer *s = td_summarizer_new(&o, &err);
    assert_non_null(s);
    td_summary *sum = td_summarize(s, c, &err);
    assert_non_null(sum);
    assert_true(sum->n_sentences > 0);
    for (size_t i = 0; i < sum->n_sentences; i++) {
        const td_summary_sentence *ss = &sum->sentences[i];
        size_t n;
        const td_clean_piece *p = td_clean_pieces(cl, ss->doc, &n);
        bool found = false;
        for (size_t k = 0; k < n && !found; k++)
            found = p[k].reason == TD_CLEAN_CONTENT && p[k].span.end == ss->span.end &&
                    dateline_skip(c->docs[ss->doc].text, p[k].span).start == ss->span.start;
        if (!found) fail_msg("quoted what the cleaner did not keep: %s", ss->text);
    }
    td_summary_free(sum);
    td_summarizer_free(s);
}

/* ---------------------------------------------------------------- the example stories */

static void test_harbour_bridge_example(void **state)
{
    (void)state;
    td_cluster *c = read_story("examples/harbour-bridge");
    td_cleaner *cl = clean(c);
    expect(cl, c, 0, "By Samuel K. Brandt", TD_CLEAN_BYLINE);
    expect(cl, c, 0, "Feb. 11, 2025 at 4:55", TD_CLEAN_TIMESTAMP);
    expect(cl, c, 0, "Do you think the city", TD_CLEAN_COMMENT);
    expect(cl, c, 0, "[Image via", TD_CLEAN_CREDIT);
    expect(cl, c, 0, "Share this article", TD_CLEAN_SHARE);
    expect(cl, c, 1, "06:48 GMT", TD_CLEAN_TIMESTAMP);
    expect(cl, c, 1, "Listen Live", TD_CLEAN_NAVIGATION);
    expect(cl, c, 1, "0 17", TD_CLEAN_COUNTER);
    expect(cl, c, 1, "Ferry Fares Waived", TD_CLEAN_RELATED);
    expect(cl, c, 1, "infrastructure, traffic", TD_CLEAN_TAGS);
    expect(cl, c, 1, "\xc2\xa9 2025", TD_CLEAN_COPYRIGHT);
    expect(cl, c, 2, "Leave a Reply", TD_CLEAN_COMMENT);
    expect(cl, c, 3, "repair aheadCommuters", TD_CLEAN_GLUED_TITLE);
    expect(cl, c, 3, "Commuters from Ness Point", TD_CLEAN_CONTENT);
    expect(cl, c, 3, "About the author", TD_CLEAN_TAIL);
    expect(cl, c, 4, "end of the mon", TD_CLEAN_TRUNCATED);
    expect(cl, c, 4, "The city council will meet", TD_CLEAN_CONTENT);
    check_summary_quotes_content(c, cl);
    td_cleaner_free(cl);
    td_cluster_free(c);
}

static void test_sony_articles(void **state)
{
    (void)state;
    td_cluster *c = read_shared_story("examples/sony-hack");
    if (!c) skip();
    td_cleaner *cl = clean(c);
    expect(cl, c, 0, "Do you think the United States", TD_CLEAN_READER_QUESTION);
    expect(cl, c, 0, "[Image via the Epoch Times]", TD_CLEAN_CREDIT);
    expect(cl, c, 0, "Share this article", TD_CLEAN_SHARE);
    expect(cl, c, 0, "More from Inquisitr", TD_CLEAN_RELATED);
    expect(cl, c, 1, "02:33 GMT02 March 2021", TD_CLEAN_TIMESTAMP);
    expect(cl, c, 1, "Get short URL", TD_CLEAN_NAVIGATION);
    expect(cl, c, 1, "0 64", TD_CLEAN_COUNTER);
    expect(cl, c, 1, "Biggest Cyber Attacks", TD_CLEAN_RELATED);
    expect(cl, c, 1, "hacker attack, Sony Pictures", TD_CLEAN_TAGS);
    expect(cl, c, 1, "Community standards", TD_CLEAN_COMMENT);
    expect(cl, c, 1, "UNITED NATIONS, January 14", TD_CLEAN_CONTENT);
    expect(cl, c, 2, "Leave a Reply", TD_CLEAN_COMMENT);
    expect(cl, c, 3, "with USThis Friday", TD_CLEAN_GLUED_TITLE);
    expect(cl, c, 3, "This Friday, President", TD_CLEAN_CONTENT);
    expect(cl, c, 3, "Like and Follow", TD_CLEAN_COMMENT);
    expect(cl, c, 3, "Joel is an experienced blogger", TD_CLEAN_BIO);
    expect(cl, c, 4, "BitTorrent Bundle", TD_CLEAN_CONTENT);
    /* every article keeps its reporting */
    for (size_t d = 0; d < c->n_docs; d++) {
        size_t n, kept = 0;
        const td_clean_piece *p = td_clean_pieces(cl, d, &n);
        for (size_t i = 0; i < n; i++) kept += p[i].reason == TD_CLEAN_CONTENT;
        assert_true(kept >= 5);
    }
    check_summary_quotes_content(c, cl);
    td_cleaner_free(cl);
    td_cluster_free(c);
}

/* Found by fuzzing: a cluster whose only article has no sentence at all (a lone carriage return). */
static void test_article_without_sentences(void **state)
{
    (void)state;
    td_cluster *c = td_cluster_new("x");
    td_document blank = {.name = "blank", .text = "\r", .text_len = 1};
    assert_int_equal(td_cluster_add(c, &blank), TD_OK);
    td_cleaner *cl = clean(c);
    td_cleaner_free(cl);
    td_cluster_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_kind_of_debris),
        cmocka_unit_test(test_link_lists_and_bios_without_end_markers),
        cmocka_unit_test(test_glued_titles), cmocka_unit_test(test_glued_titles_guessed),
        cmocka_unit_test(test_truncated_last_sentence),
        cmocka_unit_test(test_repeated_lines_of_one_source),
        cmocka_unit_test(test_boilerplate_across_sources),
        cmocka_unit_test(test_copies_and_duplicates), cmocka_unit_test(test_repeats_among_many_paragraphs),
        cmocka_unit_test(test_reasons_and_reuse),
        cmocka_unit_test(test_harbour_bridge_example),
        cmocka_unit_test(test_sony_articles),
        cmocka_unit_test(test_article_without_sentences),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_sentences.c — the sentence splitter: the English "Golden Rules" of sentence boundaries
 * (Pragmatic Segmenter / pySBD, Sadvilkar & Neumann 2020), news-specific cases, layout (headlines,
 * lists, hard-wrapped newswire), and real articles from ../shared/. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "text/abbrev.h"
#include "tidings.h"

enum { MAX_SENTS = 8 };

typedef struct split_case {
    const char *text;
    const char *want[MAX_SENTS]; /* expected sentences, white space collapsed; NULL-terminated */
    bool news;                   /* asserted (false: a rule tidings does not follow: bulleted, lettered lists) */
} split_case;

/* Splits text; prints and returns false when the sentences differ from want. */
static bool split_matches(const char *text, const char *const *want, bool verbose)
{
    td_span *sp;
    size_t n;
    assert_int_equal(td_split_sentences(text, strlen(text), &sp, &n), TD_OK);
    size_t n_want = 0;
    while (n_want < MAX_SENTS && want[n_want]) n_want++;
    bool ok = n == n_want;
    for (size_t i = 0; ok && i < n; i++) {
        char *got = td_sentence_text(text, sp[i]);
        assert_non_null(got);
        ok = !strcmp(got, want[i]);
        free(got);
    }
    if (!ok && verbose) {
        fprintf(stderr, "  split of \"%s\":\n", text);
        for (size_t i = 0; i < n; i++) {
            char *got = td_sentence_text(text, sp[i]);
            fprintf(stderr, "    got  [%s]\n", got);
            free(got);
        }
        for (size_t i = 0; i < n_want; i++) fprintf(stderr, "    want [%s]\n", want[i]);
    }
    free(sp);
    return ok;
}

/* The Golden Rules for English, in order (48 cases). */
static const split_case golden[] = {
    {"Hello World. My name is Jonas.", {"Hello World.", "My name is Jonas."}, true},
    {"What is your name? My name is Jonas.", {"What is your name?", "My name is Jonas."}, true},
    {"There it is! I found it.", {"There it is!", "I found it."}, true},
    {"My name is Jonas E. Smith.", {"My name is Jonas E. Smith."}, true},
    {"Please turn to p. 55.", {"Please turn to p. 55."}, true},
    {"Were Jane and co. at the party?", {"Were Jane and co. at the party?"}, true},
    {"They closed the deal with Pitt, Briggs & Co. at noon.", {"They closed the deal with Pitt, Briggs & Co. at noon."}, true},
    {"Let's ask Jane and co. They should know.", {"Let's ask Jane and co.", "They should know."}, true},
    {"They closed the deal with Pitt, Briggs & Co. It closed yesterday.",
     {"They closed the deal with Pitt, Briggs & Co.", "It closed yesterday."}, true},
    {"I can see Mt. Fuji from here.", {"I can see Mt. Fuji from here."}, true},
    {"St. Michael's Church is on 5th st. near the light.", {"St. Michael's Church is on 5th st. near the light."}, true},
    {"That is JFK Jr.'s book.", {"That is JFK Jr.'s book."}, true},
    {"I visited the U.S.A. last year.", {"I visited the U.S.A. last year."}, true},
    {"I live in the E.U. How about you?", {"I live in the E.U.", "How about you?"}, true},
    {"I live in the U.S. How about you?", {"I live in the U.S.", "How about you?"}, true},
    {"I work for the U.S. Government in Virginia.", {"I work for the U.S. Government in Virginia."}, true},
    {"I have lived in the U.S. for 20 years.", {"I have lived in the U.S. for 20 years."}, true},
    {"At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.",
     {"At 5 a.m. Mr. Smith went to the bank.", "He left the bank at 6 P.M.", "Mr. Smith then went to the store."}, true},
    {"She has $100.00 in her bag.", {"She has $100.00 in her bag."}, true},
    {"She has $100.00. It is in her bag.", {"She has $100.00.", "It is in her bag."}, true},
    {"He teaches science (He previously worked for 5 years as an engineer.) at the local University.",
     {"He teaches science (He previously worked for 5 years as an engineer.) at the local University."}, true},
    {"Her email is Jane.Doe@example.com. I sent her an email.", {"Her email is Jane.Doe@example.com.", "I sent her an email."}, true},
    {"The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out.",
     {"The site is: https://www.example.50.com/new-site/awesome_content.html.", "Please check it out."}, true},
    {"She turned to him, 'This is great.' she said.", {"She turned to him, 'This is great.' she said."}, true},
    {"She turned to him, \"This is great.\" she said.", {"She turned to him, \"This is great.\" she said."}, true},
    {"She turned to him, \"This is great.\" She held the book out to show him.",
     {"She turned to him, \"This is great.\"", "She held the book out to show him."}, true},
    {"Hello!! Long time no see.", {"Hello!!", "Long time no see."}, true},
    {"Hello?? Who is there?", {"Hello??", "Who is there?"}, true},
    {"Hello!? Is that you?", {"Hello!?", "Is that you?"}, true},
    {"Hello?! Is that you?", {"Hello?!", "Is that you?"}, true},
    /* Inline list markers: the rules keep the markers in the sentences; tidings splits at the same
     * places but treats a marker as layout, as it does at the start of a line, and leaves it out. */
    {"1.) The first item 2.) The second item", {"The first item", "The second item"}, true},
    {"1.) The first item. 2.) The second item.", {"The first item.", "The second item."}, true},
    {"1) The first item 2) The second item", {"The first item", "The second item"}, true},
    {"1) The first item. 2) The second item.", {"The first item.", "The second item."}, true},
    {"1. The first item 2. The second item", {"The first item", "The second item"}, true},
    {"1. The first item. 2. The second item.", {"The first item.", "The second item."}, true},
    {"\xe2\x80\xa2 9. The first item \xe2\x80\xa2 10. The second item",
     {"\xe2\x80\xa2 9. The first item", "\xe2\x80\xa2 10. The second item"}, false},
    {"\xe2\x81\x83" "9. The first item \xe2\x81\x83" "10. The second item",
     {"\xe2\x81\x83" "9. The first item", "\xe2\x81\x83" "10. The second item"}, false},
    {"a. The first item b. The second item c. The third list item",
     {"a. The first item", "b. The second item", "c. The third list item"}, false},
    {"You can find it at N\xc2\xb0. 1026.253.553. That is where the treasure is.",
     {"You can find it at N\xc2\xb0. 1026.253.553.", "That is where the treasure is."}, true},
    {"She works at Yahoo! in the accounting department.", {"She works at Yahoo! in the accounting department."}, true},
    {"We make a good team, you and I. Did you see Albert I. Jones yesterday?",
     {"We make a good team, you and I.", "Did you see Albert I. Jones yesterday?"}, true},
    {"Thoreau argues that by simplifying one\xe2\x80\x99s life, \xe2\x80\x9cthe laws of the universe will appear less "
     "complex. . . .\xe2\x80\x9d",
     {"Thoreau argues that by simplifying one\xe2\x80\x99s life, \xe2\x80\x9cthe laws of the universe will appear less "
      "complex. . . .\xe2\x80\x9d"}, true},
    {"\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55).",
     {"\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55)."}, true},
    {"If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with "
     "ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . "
     ". Next sentence.",
     {"If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with "
      "ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . "
      ". .",
      "Next sentence."}, true},
    {"I never meant that.... She left the store.", {"I never meant that....", "She left the store."}, true},
    {"I wasn\xe2\x80\x99t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn\xe2\x80\x99t "
     "mean it.",
     {"I wasn\xe2\x80\x99t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I "
      "didn\xe2\x80\x99t mean it."}, true},
    {"One further habit which was somewhat weakened . . . was that of combining words into self-interpreting "
     "compounds. . . . The practice was not abandoned. . . .",
     {"One further habit which was somewhat weakened . . . was that of combining words into self-interpreting "
      "compounds.",
      ". . . The practice was not abandoned. . . ."}, true},
};

static void test_golden_rules(void **state)
{
    (void)state;
    size_t n = sizeof golden / sizeof *golden, pass = 0, news = 0, news_pass = 0;
    for (size_t i = 0; i < n; i++) {
        bool ok = split_matches(golden[i].text, golden[i].want, golden[i].news);
        pass += ok;
        news += golden[i].news;
        news_pass += ok && golden[i].news;
    }
    fprintf(stderr, "golden rules: %zu/%zu pass (asserted: %zu/%zu; bulleted and lettered inline lists not handled)\n",
            pass, n, news_pass, news);
    assert_int_equal(news_pass, news);
}

/* News cases beyond the golden rules. */
static const split_case news_cases[] = {
    {"The rally starts at 5 p.m. Sunday in the square. Police expect thousands.",
     {"The rally starts at 5 p.m. Sunday in the square.", "Police expect thousands."}, true},
    {"The sanctions were announced in the U.S. The next day Pyongyang answered.",
     {"The sanctions were announced in the U.S.", "The next day Pyongyang answered."}, true},
    {"North Korea's deputy U.N. ambassador spoke on Tuesday.", {"North Korea's deputy U.N. ambassador spoke on Tuesday."}, true},
    {"FBI Director James B. Comey said so. J.R.R. Tolkien wrote it.",
     {"FBI Director James B. Comey said so.", "J.R.R. Tolkien wrote it."}, true},
    {"The deal is worth $3.5 billion, up 2.5% from last year. Shares rose.",
     {"The deal is worth $3.5 billion, up 2.5% from last year.", "Shares rose."}, true},
    {"\"We will respond,\" he said. Next came the sanctions.", {"\"We will respond,\" he said.", "Next came the sanctions."}, true},
    {"\"Go.\" He left.", {"\"Go.\"", "He left."}, true},
    {"The film was pulled. (See below.) Next week it opens online.",
     {"The film was pulled.", "(See below.)", "Next week it opens online."}, true},
    {"\"Why?\" she asked. Nobody answered.", {"\"Why?\" she asked.", "Nobody answered."}, true},
    {"\xe2\x80\x9cWhy did they do it?\xe2\x80\x9d Smith asked. Nobody knew.",
     {"\xe2\x80\x9cWhy did they do it?\xe2\x80\x9d Smith asked.", "Nobody knew."}, true},
    {"He ranked No. 5 on the list, see pp. 3-4. It fell.", {"He ranked No. 5 on the list, see pp. 3-4.", "It fell."}, true},
    {"Visit example.com for version 3.5.1 of report.pdf today. Or write to desk@example.org now.",
     {"Visit example.com for version 3.5.1 of report.pdf today.", "Or write to desk@example.org now."}, true},
    {"Gen. Augusto Pinochet and Sen. John McCain met Gov. Jerry Brown. Lt. Col. Oliver North did not.",
     {"Gen. Augusto Pinochet and Sen. John McCain met Gov. Jerry Brown.", "Lt. Col. Oliver North did not."}, true},
    {"Sony Corp. Chairman Kazuo Hirai spoke. He works for Sony Corp. The company declined to comment.",
     {"Sony Corp. Chairman Kazuo Hirai spoke.", "He works for Sony Corp.", "The company declined to comment."}, true},
    {"It happened on Jan. 5 and again on Sept. 12. Nobody was hurt.",
     {"It happened on Jan. 5 and again on Sept. 12.", "Nobody was hurt."}, true},
    {"The leader is Kim Jong-un. He took power in 2011.", {"The leader is Kim Jong-un.", "He took power in 2011."}, true},
    {"\xe2\x80\x9cMy country has nothing to do with the hacking. We want evidence [\xe2\x80\xa6] We even requested a joint "
     "investigation.\xe2\x80\x9d",
     {"\xe2\x80\x9cMy country has nothing to do with the hacking.",
      "We want evidence [\xe2\x80\xa6] We even requested a joint investigation.\xe2\x80\x9d"}, true},
    {"They waited\xe2\x80\xa6 Then the lights went out. It was over\xe2\x80\xa6 for now.",
     {"They waited\xe2\x80\xa6", "Then the lights went out.", "It was over\xe2\x80\xa6 for now."}, true},
    {"What now?! Nobody knows!", {"What now?!", "Nobody knows!"}, true},
    {"We want evidence \xe2\x80\xa6 We asked for an inquiry.", {"We want evidence \xe2\x80\xa6 We asked for an inquiry."}, true},
    /* scraped text that lost the space after a sentence */
    {"The car was on the interstate.Around 4 a.m. she called.", {"The car was on the interstate.", "Around 4 a.m. she called."}, true},
    {"He was jailed in 2004.Officials say he is fine.", {"He was jailed in 2004.", "Officials say he is fine."}, true},
    {"It is not as fun as it may seem.\"It sucks,\" she says.", {"It is not as fun as it may seem.", "\"It sucks,\" she says."}, true},
    {"\"He was trusted.\"Authorities say he fled.", {"\"He was trusted.\"", "Authorities say he fled."}, true},
    {"Pages from IGC.org.These are kept, as is Node.js.Next to nothing else.",
     {"Pages from IGC.org.These are kept, as is Node.js.Next to nothing else."}, true},
    {"\xe2\x80\x9cMr. Johnson\xe2\x80\x99s actions were wrong,\xe2\x80\x9d he said.",
     {"\xe2\x80\x9cMr. Johnson\xe2\x80\x99s actions were wrong,\xe2\x80\x9d he said."}, true},
    {"She said, \xe2\x80\x9cHe told me, \xe2\x80\x98Leave.\xe2\x80\x99 \xe2\x80\x9d Linda left.",
     {"She said, \xe2\x80\x9cHe told me, \xe2\x80\x98Leave.\xe2\x80\x99 \xe2\x80\x9d", "Linda left."}, true},
    {"She works for Smith & Wesson Inc. in Springfield, Mass. and commutes.",
     {"She works for Smith & Wesson Inc. in Springfield, Mass. and commutes."}, true},
};

/* One case or more for each rule added with bench/sentences (texts written for these tests). */
static const split_case rule_cases[] = {
    /* reference markers and footnote numbers stay with the sentence before them */
    {"The bridge opened in 1932. [4] [5] It carried trams until 1958.[6] Buses replaced them.",
     {"The bridge opened in 1932. [4] [5]", "It carried trams until 1958.[6]", "Buses replaced them."}, true},
    {"Tolls rose by a third. 7 Critics called the rise unfair.", {"Tolls rose by a third. 7", "Critics called the rise unfair."}, true},
    {"No. 3 Leeds beat No. 12 Hull on Sunday.", {"No. 3 Leeds beat No. 12 Hull on Sunday."}, true},
    /* informal text: ? ! and a plain word's period end a sentence before a lower-case word */
    {"is the ferry running today? and how late does it go? i need to know. thanks",
     {"is the ferry running today?", "and how late does it go?", "i need to know.", "thanks"}, true},
    {"\"Is the bridge safe?\" asked one commuter. \"Who pays?\" Councillor Reyes asked. Nobody answered.",
     {"\"Is the bridge safe?\" asked one commuter.", "\"Who pays?\" Councillor Reyes asked.", "Nobody answered."}, true},
    {"\xe2\x80\x9c" "Are you still there?\xe2\x80\x9d I called. Nobody was.",
     {"\xe2\x80\x9c" "Are you still there?\xe2\x80\x9d I called.", "Nobody was."}, true},
    {"Drivers packed water, food, etc. and most stayed home.", {"Drivers packed water, food, etc. and most stayed home."}, true},
    {"The fee (paid in advance.) was refunded.", {"The fee (paid in advance.) was refunded."}, true},
    /* abbreviations of reference works */
    {"Ada Lovelace (b. December 1815; d. 1852) wrote the notes. The engine (c. 1837) was never built.",
     {"Ada Lovelace (b. December 1815; d. 1852) wrote the notes.", "The engine (c. 1837) was never built."}, true},
    /* numbered items inside a paragraph; section numbers */
    {"The council agreed on three steps: 1. Close the bridge. 2. Inspect the cables. 3. Reopen it in May.",
     {"The council agreed on three steps:", "Close the bridge.", "Inspect the cables.", "Reopen it in May."}, true},
    {"Options for commuters: 1) The ferry from the quay 2) The train via Central 3) Working from home",
     {"Options for commuters:", "The ferry from the quay", "The train via Central", "Working from home"}, true},
    {"The bridge will close for a year. 2. The Ferry Plan\n\n*3. The third step is money.",
     {"The bridge will close for a year.", "The Ferry Plan", "The third step is money."}, true},
    {"3.2. Traffic Counts\n\nThe counts fell by 2. The bridge stayed shut.",
     {"3.2. Traffic Counts", "The counts fell by 2.", "The bridge stayed shut."}, true},
    /* company suffixes, times, units and etc. before a capital */
    {"The contract went to Harbour Steel Ltd. Rivals said they would appeal. Harbour Steel Ltd. Chairman Ian Ross "
     "welcomed it.",
     {"The contract went to Harbour Steel Ltd.", "Rivals said they would appeal.",
      "Harbour Steel Ltd. Chairman Ian Ross welcomed it."}, true},
    {"Harbour Steel Corp. Tuesday reported higher profits.", {"Harbour Steel Corp. Tuesday reported higher profits."}, true},
    {"The bridge closed at 4 a.m. Engineers found a crack. It reopens at 6 p.m. Friday.",
     {"The bridge closed at 4 a.m.", "Engineers found a crack.", "It reopens at 6 p.m. Friday."}, true},
    {"The crack is 3 ft. long and 2 in. deep. The loose panel weighs 40 lbs. Engineers were surprised.",
     {"The crack is 3 ft. long and 2 in. deep.", "The loose panel weighs 40 lbs.", "Engineers were surprised."}, true},
    {"Drivers were told to bring water, food, blankets, etc. Most stayed home.",
     {"Drivers were told to bring water, food, blankets, etc.", "Most stayed home."}, true},
    {"Warner Bros. Discovery cut 500 jobs.", {"Warner Bros. Discovery cut 500 jobs."}, true},
    {"Smith scored 20 pts. and grabbed 10 rebounds.", {"Smith scored 20 pts. and grabbed 10 rebounds."}, true},
    /* dotted abbreviations of any length */
    {"She earned a Ph.D. He then taught in Charleston, W.Va. The W.Va. police knew him.",
     {"She earned a Ph.D.", "He then taught in Charleston, W.Va.", "The W.Va. police knew him."}, true},
    /* what follows a sentence's mark and still belongs to it */
    {"The ferry was late again. :( At least it was warm. ;)", {"The ferry was late again. :(", "At least it was warm. ;)"}, true},
    {"Nothing was damaged :) As for the bridge, it is fine :) thanks",
     {"Nothing was damaged :)", "As for the bridge, it is fine :) thanks"}, true},
    {"Can the city afford it? [...] The council thinks so.", {"Can the city afford it? [...]", "The council thinks so."}, true},
    {"Is it safe ? ? ? Nobody knows . . Ask them.", {"Is it safe ? ? ?", "Nobody knows . .", "Ask them."}, true},
    /* tokenised text */
    {"The bridge ( built in 1932 , for trams . ) carries cars . It is old .",
     {"The bridge ( built in 1932 , for trams . ) carries cars .", "It is old ."}, true},
    /* a question inside a dash aside */
    {"The question \xe2\x80\x94 who knew, and when? \xe2\x80\x94 remains open. An inquiry starts soon.",
     {"The question \xe2\x80\x94 who knew, and when? \xe2\x80\x94 remains open.", "An inquiry starts soon."}, true},
    /* short lines that end in a title or a function word go on */
    {"The prize went to Gov. Ellen Marsh and Mr.\nTheodore Blake at a dinner on\nSaturday. About 300 people came.",
     {"The prize went to Gov. Ellen Marsh and Mr. Theodore Blake at a dinner on Saturday.", "About 300 people came."}, true},
};

static void test_rule_cases(void **state)
{
    (void)state;
    size_t n = sizeof rule_cases / sizeof *rule_cases, pass = 0;
    for (size_t i = 0; i < n; i++) pass += split_matches(rule_cases[i].text, rule_cases[i].want, true);
    assert_int_equal(pass, n);
}

/* The abbreviation table is searched by halves: every kind is found, from both ends of the table. */
static void test_abbreviation_kinds(void **state)
{
    (void)state;
    static const struct {
        const char *word;
        abbrev_kind kind;
    } cases[] = {
        {"Adm", ABBREV_TITLE}, {"Gen", ABBREV_TITLE},    {"e.g", ABBREV_TITLE},   {"vs", ABBREV_TITLE},
        {"No", ABBREV_NUMBER}, {"pp", ABBREV_NUMBER},    {"Calif", ABBREV_STATE}, {"Jan", ABBREV_AMBIGUOUS},
        {"Inc", ABBREV_COMPANY}, {"co", ABBREV_COMPANY}, {"etc", ABBREV_END},      {"yrs", ABBREV_END},
        {"a.m", ABBREV_TIME},  {"P.M", ABBREV_TIME},     {"said", ABBREV_NONE},   {"Government", ABBREV_NONE},
        {"U.S", ABBREV_NONE},  {"A", ABBREV_NONE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        abbrev_kind got = abbrev_lookup(cases[i].word, strlen(cases[i].word));
        if (got != cases[i].kind) fprintf(stderr, "  %s: kind %d, want %d\n", cases[i].word, (int)got, (int)cases[i].kind);
        assert_int_equal(got, cases[i].kind);
    }
}

static void test_news_cases(void **state)
{
    (void)state;
    size_t n = sizeof news_cases / sizeof *news_cases, pass = 0;
    for (size_t i = 0; i < n; i++) pass += split_matches(news_cases[i].text, news_cases[i].want, true);
    assert_int_equal(pass, n);
}

/* Layout: headlines, bylines, lists, hard wrapping, indentation. */
static const split_case layout_cases[] = {
    /* web text: every line is a paragraph, headline without a period */
    {"North Korea Denies Involvement In Sony Hack, Asks U.S. For Evidence\n\nNorth Korea denied it. The U.S. disagreed.\n",
     {"North Korea Denies Involvement In Sony Hack, Asks U.S. For Evidence", "North Korea denied it.",
      "The U.S. disagreed."}, true},
    {"By Jane Smith\nAssociated Press\nNorth Korea denied it on Tuesday.\n",
     {"By Jane Smith", "Associated Press", "North Korea denied it on Tuesday."}, true},
    /* list lines: the marker is layout, not part of the sentence */
    {"The demands:\n- an apology\n- a joint investigation\n\xe2\x80\xa2 evidence\n1. No sanctions.\n2) No film.\n",
     {"The demands:", "an apology", "a joint investigation", "evidence", "No sanctions.", "No film."}, true},
    /* hard-wrapped newswire: single line breaks are joined, indented lines open paragraphs */
    {"\t   LONDON (AP) _ An influential lawmaker from the governing Labor\n"
     "Party on Saturday backed Spanish requests to question former\n"
     "Chilean dictator Gen. Augusto Pinochet, in London for back surgery,\n"
     "on allegations of genocide and terrorism.\n"
     "\t   Baltasar Garzon, one of two Spanish magistrates handling probes\n"
     "into human rights violations in Chile and Argentina, filed a\n"
     "request to question Pinochet on Wednesday. Another judge, Manuel\n"
     "Garcia Castellon, filed a request a day earlier.\n"
     "\t   Pinochet left\n",
     {"LONDON (AP) _ An influential lawmaker from the governing Labor Party on Saturday backed Spanish requests to "
      "question former Chilean dictator Gen. Augusto Pinochet, in London for back surgery, on allegations of genocide "
      "and terrorism.",
      "Baltasar Garzon, one of two Spanish magistrates handling probes into human rights violations in Chile and "
      "Argentina, filed a request to question Pinochet on Wednesday.",
      "Another judge, Manuel Garcia Castellon, filed a request a day earlier.", "Pinochet left"}, true},
    /* every line indented (the usual indentation is two spaces, a deeper one opens a paragraph): the
     * wrap width is that of the indented lines, and the headline ends short of it */
    {"  Pinochet arrested in London\n"
     "  The former Chilean dictator was arrested in London late on Friday\n"
     "  at the request of Spanish judge Baltasar Garzon, who wants to ask\n"
     "  him about the deaths of Spanish citizens in Chile during his rule.\n"
     "      Garzon and a colleague said the warrant covered the killings of\n"
     "  three Spaniards in Santiago, and lawyers said the arrest was legal.\n",
     {"Pinochet arrested in London",
      "The former Chilean dictator was arrested in London late on Friday at the request of Spanish judge Baltasar "
      "Garzon, who wants to ask him about the deaths of Spanish citizens in Chile during his rule.",
      "Garzon and a colleague said the warrant covered the killings of three Spaniards in Santiago, and lawyers said "
      "the arrest was legal."}, true},
    /* wrapped text with a headline and byline that end short of the wrap width */
    {"Pinochet Arrested in London\n"
     "By John Smith\n"
     "The former Chilean dictator was arrested in London late on Friday\n"
     "at the request of a Spanish judge who wants to question him about\n"
     "the deaths of Spanish citizens during his rule, police said today.\n"
     "His lawyers said the arrest was illegal because he holds a\n"
     "diplomatic passport and had entered Britain with permission.\n",
     {"Pinochet Arrested in London", "By John Smith",
      "The former Chilean dictator was arrested in London late on Friday at the request of a Spanish judge who wants "
      "to question him about the deaths of Spanish citizens during his rule, police said today.",
      "His lawyers said the arrest was illegal because he holds a diplomatic passport and had entered Britain with "
      "permission."}, true},
    /* lines that are sentences without final marks, most starting with a capital: not wrapped prose,
     * though one line goes on in lower case */
    {"Road closures for Sunday marathon announced by the city council\n"
     "Drivers should expect delays on the bridge from early morning\n"
     "the route runs from the harbour to the park and back again\n"
     "Buses will run on the detour route until late in the evening\n"
     "Residents can get a parking permit at the town hall this week\n",
     {"Road closures for Sunday marathon announced by the city council",
      "Drivers should expect delays on the bridge from early morning the route runs from the harbour to the park and "
      "back again",
      "Buses will run on the detour route until late in the evening",
      "Residents can get a parking permit at the town hall this week"}, true},
    /* Windows line ends, a stray line break inside a web paragraph */
    {"The talks failed.\r\nBoth sides blamed the\r\nother for the collapse.\r\n",
     {"The talks failed.", "Both sides blamed the other for the collapse."}, true},
    {"   \n\t\n", {NULL}, true},
    {"no final punctuation at all", {"no final punctuation at all"}, true},
};

static void test_layout(void **state)
{
    (void)state;
    size_t n = sizeof layout_cases / sizeof *layout_cases, pass = 0;
    for (size_t i = 0; i < n; i++) pass += split_matches(layout_cases[i].text, layout_cases[i].want, true);
    assert_int_equal(pass, n);
}

static void test_spans_and_text(void **state)
{
    (void)state;
    const char *text = "  First one.\n  Second\n\n\tone.  ";
    td_span *sp;
    size_t n;
    assert_int_equal(td_split_sentences(text, strlen(text), &sp, &n), TD_OK);
    assert_int_equal(n, 3);
    /* spans are trimmed byte ranges of the original text */
    assert_int_equal(sp[0].start, 2);
    assert_int_equal(sp[0].end, 12);
    assert_memory_equal(text + sp[0].start, "First one.", 10);
    assert_memory_equal(text + sp[1].start, "Second", 6);
    assert_int_equal(sp[2].start, 24);
    assert_int_equal(sp[2].end, 28);
    char *s = td_sentence_text(text, sp[1]);
    assert_string_equal(s, "Second");
    free(s);
    /* every run of white space, line breaks and no-break spaces included, becomes one space */
    const char *messy = "a \n\t b\xc2\xa0\xc2\xa0" "c\r\nd";
    s = td_sentence_text(messy, (td_span){0, strlen(messy)});
    assert_string_equal(s, "a b c d");
    free(s);
    /* long words are copied eight bytes at a time; controls, DEL and letters beyond ASCII are kept */
    const char *long_words = "  Internationally\x01renowned  engineers\xe2\x80\x83rebuilt the caf\xc3\xa9s'\x7f quay\t\t\n walls.  ";
    s = td_sentence_text(long_words, (td_span){0, strlen(long_words)});
    assert_string_equal(s, "Internationally\x01renowned engineers rebuilt the caf\xc3\xa9s'\x7f quay walls.");
    free(s);
    free(sp);
    /* empty input */
    assert_int_equal(td_split_sentences("", 0, &sp, &n), TD_OK);
    assert_int_equal(n, 0);
    free(sp);
}

/* Reads a file under ../shared into a NUL-terminated string; NULL when absent. */
static char *read_shared(const char *rel, size_t *len)
{
    const char *dir = shared_dir();
    if (!dir) return NULL;
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "note: %s is absent: skipped\n", path);
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = malloc((size_t)size + 1);
    assert_non_null(data);
    assert_int_equal(fread(data, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    data[size] = '\0';
    *len = (size_t)size;
    return data;
}

/* Sentences of a text, white space collapsed, as one string with a line each. */
static char *sentence_lines(const char *text, size_t len, size_t *count)
{
    td_span *sp;
    size_t n;
    assert_int_equal(td_split_sentences(text, len, &sp, &n), TD_OK);
    size_t size = 1;
    for (size_t i = 0; i < n; i++) size += sp[i].end - sp[i].start + 1;
    char *all = malloc(size), *w = all;
    assert_non_null(all);
    for (size_t i = 0; i < n; i++) {
        /* invariants: in order, not overlapping, trimmed, inside the text */
        assert_true(sp[i].start < sp[i].end && sp[i].end <= len);
        if (i) assert_true(sp[i - 1].end <= sp[i].start);
        assert_false(text[sp[i].start] == ' ' || text[sp[i].end - 1] == ' ' || text[sp[i].end - 1] == '\n');
        char *s = td_sentence_text(text, sp[i]);
        size_t sl = strlen(s);
        memcpy(w, s, sl);
        w += sl;
        *w++ = '\n';
        free(s);
    }
    *w = '\0';
    free(sp);
    *count = n;
    return all;
}

static void assert_has_line(const char *lines, const char *line)
{
    size_t ll = strlen(line);
    for (const char *p = lines; (p = strstr(p, line)) != NULL; p++)
        if ((p == lines || p[-1] == '\n') && p[ll] == '\n') return;
    fprintf(stderr, "missing sentence [%s] in:\n%s", line, lines);
    fail();
}

static void test_sony_articles(void **state)
{
    (void)state;
    size_t len, n;
    char *text = read_shared("examples/sony-hack/01.txt", &len);
    if (!text) return;
    char *lines = sentence_lines(text, len, &n);
    assert_has_line(lines, "North Korea Denies Involvement In Sony Hack, Asks U.S. For Evidence");
    /* "U.N. ambassador" and "the U.S. to" continue the sentence */
    assert_non_null(strstr(lines, "\nNorth Korea, whom the FBI blames for hacking Sony, insists"));
    assert_non_null(strstr(lines, "deputy U.N. ambassador, An Myong Hun, said on Tuesday that North Korea wants the "
                                  "U.S. to \xe2\x80\x9cprovide evidence,\xe2\x80\x9d CNN reported.\n"));
    assert_has_line(lines, "\xe2\x80\x9cMy country has nothing to do with the Sony hacking.");
    assert_non_null(strstr(lines, "provide evidence [\xe2\x80\xa6] We even requested"));
    assert_non_null(strstr(lines, "supreme leader, Kim Jong-un.\n"));
    assert_non_null(strstr(lines, "Reuters reported via Yahoo! News.\n"));
    assert_has_line(lines, "[Image via the Epoch Times]");
    assert_has_line(lines, "Share this article: North Korea Denies Involvement In Sony Hack, Asks U.S. For Evidence");
    assert_has_line(lines, "More from Inquisitr");
    free(lines);
    free(text);

    text = read_shared("examples/sony-hack/02.txt", &len);
    if (!text) return;
    lines = sentence_lines(text, len, &n);
    assert_has_line(lines, "We even requested to US to undertake joint investigation,\" An Myong Hun said Tuesday.");
    assert_has_line(lines, "It is out of sense to do that.");
    assert_has_line(lines, "US Imposes Sanctions on North Korea Over Sony Hack: White House");
    free(lines);
    free(text);
}

static void test_duc_newswire(void **state)
{
    (void)state;
    size_t len, n;
    char *text = read_shared("data/duc2003/docs/d30003t/APW19981017.0151", &len);
    if (!text) return;
    char *lines = sentence_lines(text, len, &n);
    assert_non_null(strstr(lines, "\nLONDON (AP) _ An influential lawmaker from the governing Labor Party on Saturday "
                                  "backed Spanish requests to question former Chilean dictator Gen. Augusto Pinochet, "));
    assert_has_line(lines, "Another judge, Manuel Garcia Castellon, filed a request to question Pinochet a day earlier.");
    assert_has_line(lines, "British authorities have declined to comment on his whereabouts or the Spanish requests.");
    assert_non_null(strstr(lines, "in an interview with British Broadcasting Corp. radio.\n"));
    free(lines);
    free(text);
}

/* The scan for sentence marks reads 16 or 8 bytes a step: a mark is found at every offset of a
 * step, and in the bytes after the last whole step. A sentence from the harbour-bridge story, its
 * first word stretched byte by byte, then an exclamation, a question and an ellipsis (E2 80 A6). */
static void test_marks_at_every_offset(void **state)
{
    (void)state;
    for (size_t pad = 0; pad < 40; pad++) {
        char text[256];
        char word[48];
        memset(word, 'o', pad);
        word[pad] = '\0';
        snprintf(text, sizeof text,
                 "Engineers found cracks in the anchorage of the Tamsin Harb%sur Bridge. The authority closed it! "
                 "Will it reopen by March? Nobody knew\xe2\x80\xa6 The ferry ran all night.",
                 word);
        char first[128];
        snprintf(first, sizeof first, "Engineers found cracks in the anchorage of the Tamsin Harb%sur Bridge.", word);
        const char *want[] = {first, "The authority closed it!", "Will it reopen by March?",
                              "Nobody knew\xe2\x80\xa6", "The ferry ran all night.", NULL};
        assert_true(split_matches(text, want, true));
        /* cut short: the last mark is among the final bytes read one by one */
        size_t len = strlen(text);
        for (size_t cut = 1; cut < 20; cut++) {
            td_span *sp;
            size_t n;
            assert_int_equal(td_split_sentences(text, len - cut, &sp, &n), TD_OK);
            assert_int_equal(n, 5);
            assert_int_equal(sp[3].end, len - strlen(" The ferry ran all night."));
            free(sp);
        }
    }
}

/* Hard-wrapped text is measured in characters, not bytes: lines full of accented names
 * ("Ibáñez", two bytes for "á") are as wide as the others, so the short-looking line before
 * "Andrés Zúñiga" is not a break on purpose and the sentence runs on. */
static void test_wrap_width_in_characters(void **state)
{
    (void)state;
    const char *text = "Pinochet arrested in London\n"
                       "The former Chilean dictator was arrested in London late on Friday\n"
                       "at the request of Spanish judge Baltasar Garz\xc3\xb3n, who wants to ask\n"
                       "him about the deaths of Spanish citizens in Chile during his rule.\n"
                       "The victims named in the warrant include Ram\xc3\xb3n N\xc3\xba\xc3\xb1" "ez, \xc3\x8d\xc3\xb1igo Pe\xc3\xb1" "a,\n"
                       "\xc3\x81ngel Mu\xc3\xb1oz, Jos\xc3\xa9 P\xc3\xa9rez, Mar\xc3\xad" "a Ib\xc3\xa1\xc3\xb1" "ez and Sebasti\xc3\xa1n Casta\xc3\xb1" "eda, and\n"
                       "their families have waited for news for years. A spokesman for the\n"
                       "Chilean embassy in London said on Saturday that their lawyer\n"
                       "Andr\xc3\xa9s Z\xc3\xba\xc3\xb1iga had met the families of the men on Friday evening.\n";
    const char *want[] = {
        "Pinochet arrested in London",
        "The former Chilean dictator was arrested in London late on Friday at the request of Spanish judge Baltasar "
        "Garz\xc3\xb3n, who wants to ask him about the deaths of Spanish citizens in Chile during his rule.",
        "The victims named in the warrant include Ram\xc3\xb3n N\xc3\xba\xc3\xb1" "ez, \xc3\x8d\xc3\xb1igo Pe\xc3\xb1" "a, \xc3\x81ngel "
        "Mu\xc3\xb1oz, Jos\xc3\xa9 P\xc3\xa9rez, Mar\xc3\xad" "a Ib\xc3\xa1\xc3\xb1" "ez and Sebasti\xc3\xa1n Casta\xc3\xb1" "eda, and their "
        "families have waited for news for years.",
        "A spokesman for the Chilean embassy in London said on Saturday that their lawyer Andr\xc3\xa9s "
        "Z\xc3\xba\xc3\xb1iga had met the families of the men on Friday evening.",
        NULL};
    assert_true(split_matches(text, want, true));

    /* A line that stops where the next line's first word would still have fitted (55 + 1 + 7
     * columns, within the 66 of the wrap width with room to spare) was broken on purpose. */
    const char *broken = "The former Chilean dictator was arrested in London late on Friday\n"
                         "at the request of Spanish judge Baltasar Garz\xc3\xb3n, who wants to ask\n"
                         "him about the deaths of Spanish citizens in Chile during his rule.\n"
                         "Engineers expect the repairs to the piers to take weeks\n"
                         "Andrews said the ferry would run every half hour until the bridge\n"
                         "reopens in March, when the steel clamps have been fitted to it.\n";
    const char *broken_want[] = {
        "The former Chilean dictator was arrested in London late on Friday at the request of Spanish judge Baltasar "
        "Garz\xc3\xb3n, who wants to ask him about the deaths of Spanish citizens in Chile during his rule.",
        "Engineers expect the repairs to the piers to take weeks",
        "Andrews said the ferry would run every half hour until the bridge reopens in March, when the steel clamps "
        "have been fitted to it.",
        NULL};
    assert_true(split_matches(broken, broken_want, true));
}

/* td_sentence_text copies runs of visible ASCII and single spaces at once: for sentences made of
 * words from the harbour-bridge story (some with "!", "é" or curly quotes) joined by every kind of
 * white space (one space, two, a tab, a line break, a no-break space, a space then a no-break
 * space), the text has each run of white space made one space, as a byte-by-byte reading gives. */
static void test_sentence_text_collapses_white_space(void **state)
{
    (void)state;
    static const char *const words[] = {"The", "bridge", "reopened", "on", "March", "3!", "Caf\xc3\xa9",
                                        "\xe2\x80\x9cNobody", "cross", "it,\xe2\x80\x9d", "said", "Okafor.", "!",
                                        "a", "(AP)"};
    static const char *const gaps[] = {" ", "  ", "\t", " \n", "\xc2\xa0", " \xc2\xa0", "\n\n"};
    enum { N_WORDS = sizeof words / sizeof *words, N_GAPS = sizeof gaps / sizeof *gaps };
    uint32_t seed = 7;
    for (int round = 0; round < 400; round++) {
        char text[512], want[512];
        size_t n = 0, m = 0;
        int count = 1 + round % 23;
        for (int w = 0; w < count; w++) {
            seed = seed * 1103515245u + 12345u;
            const char *word = words[(seed >> 8) % N_WORDS];
            /* mostly single spaces, the runs td_sentence_text copies at once */
            const char *gap = (seed >> 20) % 3 ? " " : gaps[(seed >> 24) % N_GAPS];
            if (w) {
                n += (size_t)snprintf(text + n, sizeof text - n, "%s", gap);
                want[m++] = ' ';
            }
            n += (size_t)snprintf(text + n, sizeof text - n, "%s", word);
            m += (size_t)snprintf(want + m, sizeof want - m, "%s", word);
        }
        char *got = td_sentence_text(text, (td_span){0, n});
        assert_non_null(got);
        assert_string_equal(got, want);
        free(got);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden_rules), cmocka_unit_test(test_news_cases), cmocka_unit_test(test_rule_cases),
        cmocka_unit_test(test_abbreviation_kinds),
        cmocka_unit_test(test_layout),       cmocka_unit_test(test_spans_and_text),
        cmocka_unit_test(test_sony_articles), cmocka_unit_test(test_duc_newswire),
        cmocka_unit_test(test_marks_at_every_offset), cmocka_unit_test(test_wrap_width_in_characters),
        cmocka_unit_test(test_sentence_text_collapses_white_space),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

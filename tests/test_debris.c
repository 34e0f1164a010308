/* test_debris.c — the cleaner's paragraph rules (lib/clean/rules.c, successor of the first debris
 * filter) on lines seen on real news pages, each judged on its own. */
#include <string.h>

#include "clean/clean.h"
#include "clean/phrases.h"
#include "clean/rules.h"
#include "testutil.h"

/* What the rules make of one paragraph in the first half of an article with no known title. */
static td_clean_reason judge(const char *s)
{
    view v;
    view_make(&v, s, strlen(s));
    rules_place at = {NULL, false};
    return rules_paragraph(s, strlen(s), &v, &at);
}

static td_clean_reason judge_late(const char *s)
{
    view v;
    view_make(&v, s, strlen(s));
    rules_place at = {NULL, true};
    return rules_paragraph(s, strlen(s), &v, &at);
}

static void test_prompts_and_furniture(void **state)
{
    (void)state;
    assert_int_equal(judge("Share this article: Bridge closed after cracks found"), TD_CLEAN_SHARE);
    assert_int_equal(judge("Listen Live"), TD_CLEAN_NAVIGATION);
    assert_int_equal(judge("Get short URL"), TD_CLEAN_NAVIGATION);
    assert_int_equal(judge("Your email address will not be published."), TD_CLEAN_COMMENT);
    assert_int_equal(judge("Copyright 2016 The Associated Press. All rights reserved."), TD_CLEAN_COPYRIGHT);
    assert_int_equal(judge("Like and Follow our Facebook page for more stories."), TD_CLEAN_SHARE);
    assert_int_equal(judge("Community standardsDiscussion"), TD_CLEAN_COMMENT);
}

static void test_questions_bios_credits_and_headlines(void **state)
{
    (void)state;
    assert_int_equal(judge("Do you think the city should have closed the bridge sooner?"), TD_CLEAN_READER_QUESTION);
    assert_int_equal(judge("Joel is an experienced blogger who covers all kinds of news relating to tech."),
                     TD_CLEAN_BIO);
    assert_int_equal(judge("[Image via the Port Varrow Ledger]"), TD_CLEAN_CREDIT);
    assert_int_equal(judge("Cracks in anchorage close Tamsin Harbour Bridge"), TD_CLEAN_HEADLINE);
    assert_int_equal(judge("Feb. 11, 2025 at 4:55 p.m."), TD_CLEAN_TIMESTAMP);
    assert_int_equal(judge("Updated 02:33 GMT, 02 March 2021."), TD_CLEAN_TIMESTAMP);
    assert_int_equal(judge("The bridge reopened on March 3."), TD_CLEAN_CONTENT);
    assert_int_equal(judge("The cost of the repairs was put at $48 million."), TD_CLEAN_CONTENT);
    assert_int_equal(judge("\xe2\x80\x9cWe will not put a single car on it,\xe2\x80\x9d she said."), TD_CLEAN_CONTENT);
    assert_int_equal(judge("\"Nobody will be asked to cross it.\""), TD_CLEAN_CONTENT);
}

static void test_more_page_furniture(void **state)
{
    (void)state;
    assert_int_equal(judge("Jane Roe, Staff Writer"), TD_CLEAN_BYLINE);
    assert_int_equal(judge("Posted by Jane Roe on March 3, 2024"), TD_CLEAN_BYLINE);
    assert_int_equal(judge("We use cookies to improve your experience on our site."), TD_CLEAN_NAVIGATION);
    assert_int_equal(judge("5 min read"), TD_CLEAN_NAVIGATION);
    assert_int_equal(judge("Loading comments..."), TD_CLEAN_NAVIGATION);
    assert_int_equal(judge("Already a subscriber? Log in to keep reading."), TD_CLEAN_SHARE);
    assert_int_equal(judge("Photo: Jane Roe/Example Wire"), TD_CLEAN_CREDIT);
    assert_int_equal(judge("REUTERS/Jane Roe"), TD_CLEAN_CREDIT);
    assert_int_equal(judge("1 of 12"), TD_CLEAN_CREDIT); /* a gallery's position */
    assert_int_equal(judge("Last updated 2 hours ago"), TD_CLEAN_TIMESTAMP);
    /* the same words in news prose stay */
    assert_int_equal(judge("The ferry operator said it would sign up 40 new crew members by June."), TD_CLEAN_CONTENT);
    assert_int_equal(judge("Subscribers to the ferry pass will get a refund, the council said."), TD_CLEAN_CONTENT);
    assert_int_equal(judge("So who is the engineer that found the cracks?"), TD_CLEAN_CONTENT);
}

static void test_quoted_questions_are_not_put_to_the_reader(void **state)
{
    (void)state;
    /* asked by someone in the story, in the three quoting styles of news text */
    assert_int_equal(judge("\"Do you regard him as a truthful man?\" the lawyer asked."), TD_CLEAN_CONTENT);
    assert_int_equal(judge("Warden asked Clark, ``Do you regard him as a truthful man?''"), TD_CLEAN_CONTENT);
    assert_int_equal(judge("Host: Do you worry about your daughters?"), TD_CLEAN_CONTENT);
    /* a question without "you" is a question, not an appeal to the reader */
    assert_int_equal(judge("Will the bridge reopen before the summer?"), TD_CLEAN_CONTENT);
}

static void test_late_bios_need_the_end_of_the_page(void **state)
{
    (void)state;
    const char *bio = "Dana Whitlock has written about roads, rail and ferries around Port Varrow for eleven years.";
    assert_int_equal(judge_late(bio), TD_CLEAN_BIO);
    assert_int_equal(judge(bio), TD_CLEAN_CONTENT);
    /* a sign of several words is looked for only when the view has a word starting as each of its
     * words after the first does */
    assert_int_equal(judge_late("Dana Whitlock is the author of three books on the ferries of Port Varrow."), TD_CLEAN_BIO);
    assert_int_equal(judge_late("Dana Whitlock is the authority on the ferries of Port Varrow, the council said."),
                     TD_CLEAN_CONTENT);
    assert_int_equal(judge_late("Dana Whitlock is the head of the ferry authority of Port Varrow."), TD_CLEAN_CONTENT);
}

/* The phrase tables keep the order and the lengths that the lookups rely on. */
static void test_phrase_tables_are_ordered(void **state)
{
    (void)state;
    size_t n = 0;
    for (const phrase *p = phrases_start; p->text; p++, n++) {
        assert_int_equal(p->len, strlen(p->text));
        if (n) assert_true(strcmp(p[-1].text, p->text) <= 0);
    }
    assert_int_equal(n, phrases_start_count);
    unsigned last_max = 0;
    for (const phrase *p = phrases_anywhere; p->text; p++) {
        assert_int_equal(p->len, strlen(p->text));
        assert_true(p->len >= VIEW_KEY_LEN);
        assert_int_equal(p->key, VIEW_KEY(p->text));
        if (p != phrases_anywhere && p->max_words) assert_true(last_max == 0 || p->max_words <= last_max);
        if (p != phrases_anywhere && !p->max_words) assert_int_equal(last_max, 0);
        last_max = p->max_words;
    }
    for (const phrase *p = phrases_line; p->text; p++) {
        assert_int_equal(p->len, strlen(p->text));
        assert_true(p->len <= PHRASES_LINE_MAX);
    }
    assert_true(phrases_anywhere_count < 255); /* rules.c indexes them in bytes */
    assert_true(phrases_start_count < 255);
}

/* The reason of the first phrase of phrases_anywhere, in table order, that the lower-case text
 * holds and is short enough for: the rule, read phrase by phrase. */
static td_clean_reason first_phrase(const char *text)
{
    unsigned words = 1;
    for (const char *c = text; *c; c++) words += *c == ' ';
    for (const phrase *p = phrases_anywhere; p->text; p++)
        if ((!p->max_words || words <= p->max_words) && strstr(text, p->text)) return (td_clean_reason)p->reason;
    return TD_CLEAN_CONTENT;
}

/* A paragraph holding a phrase of phrases_anywhere is judged by the first phrase of the table that
 * it holds at a word start (looked for through the phrases' keys): every phrase alone in a short
 * sentence, then after a sentence that holds another phrase of the table, before or after it. */
static void test_every_phrase_anywhere_is_found(void **state)
{
    (void)state;
    for (size_t k = 0; k < phrases_anywhere_count; k++) {
        const phrase *p = &phrases_anywhere[k];
        char text[200];
        snprintf(text, sizeof text, "so %s now.", p->text);
        assert_int_equal(judge(text), p->reason);
        for (size_t other = 0; other < phrases_anywhere_count; other += 7) {
            snprintf(text, sizeof text, "so %s and %s now.", phrases_anywhere[other].text, p->text);
            assert_int_equal(judge(text), first_phrase(text));
        }
    }
    /* a phrase inside a word is not one: "clicking here" holds "click" but not "click here" */
    assert_int_equal(judge("Nobody was clicking here when the bridge shut on Tuesday morning."), TD_CLEAN_CONTENT);
}

/* Words and commas of s[0..len) counted one byte at a time: a word is a run of bytes that are
 * neither up to ' ' nor a no-break space (C2 A0); words past VIEW_WORDS_MAX are not counted, nor
 * commas from the first of them on. */
static void count_by_bytes(const char *s, size_t len, uint32_t *words, uint32_t *commas)
{
    const unsigned char *p = (const unsigned char *)s;
    *words = *commas = 0;
    bool space = true;
    for (size_t i = 0; i < len; i++) {
        bool nbsp = (p[i] == 0xc2 && i + 1 < len && p[i + 1] == 0xa0) || (p[i] == 0xa0 && i > 0 && p[i - 1] == 0xc2);
        if (p[i] <= ' ' || nbsp) {
            space = true;
            continue;
        }
        if (space && ++*words > VIEW_WORDS_MAX) break;
        space = false;
        *commas += p[i] == ',';
    }
    if (*words > VIEW_WORDS_MAX) *words = VIEW_WORDS_MAX;
}

/* The views of text[0..len) cut at every length past the head, but not inside a no-break space,
 * count the words and commas that count_by_bytes does. */
static void views_count_by_bytes(const char *text, size_t n)
{
    for (size_t len = VIEW_MAX + 1; len <= n; len++) {
        if ((unsigned char)text[len - 1] == 0xc2) continue; /* a no-break space cut in two */
        view v;
        view_make(&v, text, len);
        uint32_t words, commas;
        count_by_bytes(text, len, &words, &commas);
        assert_int_equal(v.words, words);
        assert_int_equal(v.commas, commas);
    }
}

/* Past a paragraph's head the view counts words and commas eight bytes at a time: the counts
 * agree with a count byte by byte for every length of paragraph that has a part past the head, with
 * no-break spaces, tabs and commas at every offset, and at the cap of VIEW_WORDS_MAX words. */
static void test_view_counts_past_the_head(void **state)
{
    (void)state;
    static const char story[] =
        "The cracks were found in anchorage No. 4, the block of steel and concrete below Quay St. where the "
        "bridge's north main cables are tied down, during an ultrasound inspection the city carries out every "
        "two years. Engineers with the Port Varrow Transport Authority ordered the deck cleared within the "
        "hour, and police were turning back the first commuters at both ends shortly before six. Okafor said "
        "the team had found three hairline cracks, the longest about 14 inches, in the steel eyebars that join "
        "the cables to the anchorage.";
    char text[sizeof story + 64];
    for (size_t every = 5; every < 14; every++) {
        /* every so many bytes past the head, a space becomes a no-break space or a tab */
        size_t n = 0;
        for (size_t i = 0; story[i]; i++) {
            if (story[i] == ' ' && i > VIEW_MAX && i % every == 0) {
                if (every % 2) text[n++] = '\xc2', text[n++] = '\xa0';
                else text[n++] = '\t';
            } else {
                text[n++] = story[i];
            }
        }
        views_count_by_bytes(text, n < VIEW_LONG ? n : VIEW_LONG);
    }
    /* short words ("cab, dbc ecd"): the cap is reached past the head */
    size_t n = 0;
    for (size_t k = 0; n + 5 <= VIEW_LONG; k++) {
        for (size_t j = 0; j < 3; j++) text[n++] = (char)('a' + (k + 2 - j) % 26);
        if (k % 3 == 0) text[n++] = ',';
        text[n++] = ' ';
    }
    views_count_by_bytes(text, n);
}

/* Whether the lower-case word w[0..n) stays lower case in a title-cased headline. */
static bool minor(const char *w, size_t n)
{
    static const char *const words[] = {"a",   "an",  "as",  "at",   "by",   "in",   "of",   "on",   "or",   "to",  "vs",
                                        "and", "but", "for", "the",  "via",  "from", "with", "into", "over", NULL};
    for (const char *const *m = words; *m; m++)
        if (strlen(*m) == n && memcmp(*m, w, n) == 0) return true;
    return false;
}

/* Runs of plain words ("The bridge, closed since Tuesday, ") are read a block of bytes at a time:
 * for every length of paragraphs from the harbour-bridge story that fit in the head, the view
 * agrees with a reading word by word: the lower-cased text, the counts of words by shape, and a
 * word start found for every word. */
static void test_view_reads_plain_words_in_blocks(void **state)
{
    (void)state;
    static const char *const paragraphs[] = {
        "Okafor said the team had found three hairline cracks, the longest about 14 inches, in the steel eyebars "
        "that join the cables to the anchorage. Crews will fit temporary steel clamps around the eyebars this week.",
        "The authority puts the cost of the repairs at $48 million and expects to reopen the bridge to cars on March "
        "3. Trucks heavier than 10 tons will be kept off it until the summer, and the ferry will run every half hour.",
        "Engineers With The Port Varrow Transport Authority Ordered The Deck Cleared Within The Hour And Police Were "
        "Turning Back The First Commuters At Both Ends Shortly Before Six, Said A Spokesman For The City.",
        "A man in a van on the way to the bridge at dawn was by far the first of many to be sent back, as was a bus "
        "of the school run; it was an hour or so before the ferry took them over the harbour to the old town.",
    };
    for (size_t t = 0; t < sizeof paragraphs / sizeof *paragraphs; t++) {
        const char *text = paragraphs[t];
        for (size_t len = 72; len <= strlen(text) && len <= VIEW_MAX; len++) {
            if (text[len - 1] == ' ' || (text[len] != ' ' && text[len] != '\0')) continue; /* whole words */
            view v;
            view_make(&v, text, len);
            char low[VIEW_MAX + 1];
            uint32_t words = 0, alpha = 0, capital = 0, lower = 0, digits = 0, commas = 0;
            for (size_t i = 0, o = 0; i < len;) {
                size_t e = i;
                while (e < len && text[e] != ' ') e++;
                words++;
                size_t f = i;
                while (f < e && !((text[f] | 0x20) >= 'a' && (text[f] | 0x20) <= 'z')) f++;
                for (size_t k = i; k < e; k++) {
                    commas += text[k] == ',';
                    low[o++] = (char)(text[k] >= 'A' && text[k] <= 'Z' ? text[k] | 0x20 : text[k]);
                }
                bool digit = false;
                for (size_t k = i; k < e; k++) digit |= text[k] >= '0' && text[k] <= '9';
                digits += digit;
                if (f < e) {
                    alpha++;
                    size_t r = f;
                    while (r < e && text[r] >= 'a' && text[r] <= 'z') r++;
                    if (text[f] <= 'Z') capital++;
                    else lower += e - f > 6 || r - f > 4 || !minor(text + f, r - f);
                }
                if (e - i >= 3 && f == i) {
                    char word[64];
                    memcpy(word, low + o - (e - i), e - i);
                    word[e - i] = '\0';
                    assert_true(view_has_word(&v, word));
                }
                if (e < len) low[o++] = ' ';
                low[o] = '\0';
                i = e + 1;
            }
            assert_string_equal(v.low, low);
            assert_true(v.whole);
            assert_int_equal(v.words, words);
            assert_int_equal(v.alpha, alpha);
            assert_int_equal(v.capital, capital);
            assert_int_equal(v.lower, lower);
            assert_int_equal(v.digits, digits);
            assert_int_equal(v.commas, commas);
        }
    }
}

static uint64_t key_of(const char *s)
{
    view v;
    view_make(&v, s, strlen(s));
    return repeat_key(&v, s, strlen(s));
}

/* Paragraphs are compared across articles by a key of their letters and digits, case folded, and
 * their length: two copies of a long paragraph (past the view's head its last bytes are read byte
 * by byte) of one length keep one key when one has curly quotes, a dash and a no-break space where
 * the other has ASCII marks and spaces, or other capitals; not when a word or a letter outside ASCII
 * differs. */
static void test_repeat_keys_of_long_paragraphs(void **state)
{
    (void)state;
#define HEAD                                                                                                          \
    "Okafor said the team had found three hairline cracks, the longest about 14 inches, in the steel eyebars "      \
    "that join the cables to the anchorage. Crews will fit temporary steel clamps around the eyebars this week. " \
    "The damaged sections will then be cut out and replaced one at a time"
    const char *straight = HEAD " --- so that the cables are never left without support, she said:  \"Nobody will be "
                                "asked to cross it before it is safe.\"    ";
    const char *curly = HEAD " \xe2\x80\x94 so that the cables are never left without support, she said:\xc2\xa0\xe2\x80\x9c"
                             "Nobody will be asked to cross it before it is SAFE.\xe2\x80\x9d";
    const char *other_word = HEAD " --- so that the cables are never left without support, she said:  \"Nobody will be "
                                  "asked to cross it before it is done.\"    ";
    const char *accent = HEAD " --- so that the cables are never left without support, she said:  \"Nobody will be "
                              "asked to cross it before it is s\xc3\xa1" "f.\"    ";
#undef HEAD
    assert_true(strlen(straight) > VIEW_MAX);
    assert_int_equal(strlen(straight), strlen(curly));
    assert_int_equal(strlen(straight), strlen(accent));
    assert_true(key_of(straight) != 0);
    assert_true(key_of(straight) == key_of(curly));
    assert_true(key_of(straight) != key_of(other_word));
    assert_true(key_of(straight) != key_of(accent));
}

/* A photo credit among a caption's last words ("… REUTERS/Stephen Lam"): found when a slash is
 * there; not in the same caption with no slash, nor for a slash between two lower-case words
 * ("and/or"). */
static void test_slash_credits_at_the_end(void **state)
{
    (void)state;
    assert_int_equal(judge("Commuters wait for the ferry at the Holm Island pier in Brackwater on March 25, 2015. "
                           "REUTERS/Stephen Lam"),
                     TD_CLEAN_CREDIT);
    assert_int_equal(judge("Commuters wait for the ferry at the Holm Island pier in Brackwater on March 25, 2015. "
                           "Kwan/Bloomberg"),
                     TD_CLEAN_CREDIT);
    assert_true(judge("Commuters wait for the ferry at the Holm Island pier in Brackwater on March 25, 2015. "
                      "REUTERS Stephen Lam") != TD_CLEAN_CREDIT);
    assert_true(judge("Commuters can take the ferry and/or the bus to Brackwater until the bridge reopens on "
                      "March 3") != TD_CLEAN_CREDIT);
}

/* The reason of the first phrase of phrases_start, in table order, that the lower-case text begins
 * with (ending a word there when it ends in a letter) and is short enough for: the rule, read
 * phrase by phrase. */
static td_clean_reason first_start(const char *text)
{
    unsigned words = 1;
    for (const char *c = text; *c; c++) words += *c == ' ';
    for (const phrase *p = phrases_start; p->text; p++) {
        bool letter_end = (p->text[p->len - 1] | 0x20) >= 'a' && (p->text[p->len - 1] | 0x20) <= 'z';
        bool word_ends = !letter_end || !((text[p->len] | 0x20) >= 'a' && (text[p->len] | 0x20) <= 'z');
        if ((!p->max_words || words <= p->max_words) && strncmp(text, p->text, p->len) == 0 && word_ends)
            return (td_clean_reason)p->reason;
    }
    return TD_CLEAN_CONTENT;
}

/* Paragraphs are looked up by their first two bytes among the phrases they may begin with: every
 * phrase of phrases_start, followed by a word, is found as the table read
 * in order finds it; a paragraph that begins with a phrase's first word glued to more letters is
 * not ("advertisements" is not "advertisement"). */
static void test_every_phrase_at_the_start_is_found(void **state)
{
    (void)state;
    for (size_t k = 0; k < phrases_start_count; k++) {
        char text[160];
        snprintf(text, sizeof text, "%s ferry", phrases_start[k].text);
        td_clean_reason want = first_start(text);
        assert_true(want != TD_CLEAN_CONTENT);
        assert_int_equal(judge(text), want);
    }
    assert_true(judge("advertisements for the ferry ran all night long on the island's radio.") != TD_CLEAN_ADVERT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_prompts_and_furniture),
        cmocka_unit_test(test_questions_bios_credits_and_headlines),
        cmocka_unit_test(test_more_page_furniture),
        cmocka_unit_test(test_quoted_questions_are_not_put_to_the_reader),
        cmocka_unit_test(test_late_bios_need_the_end_of_the_page),
        cmocka_unit_test(test_phrase_tables_are_ordered),
        cmocka_unit_test(test_view_counts_past_the_head),
        cmocka_unit_test(test_view_reads_plain_words_in_blocks),
        cmocka_unit_test(test_every_phrase_anywhere_is_found),
        cmocka_unit_test(test_repeat_keys_of_long_paragraphs),
        cmocka_unit_test(test_slash_credits_at_the_end),
        cmocka_unit_test(test_every_phrase_at_the_start_is_found),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

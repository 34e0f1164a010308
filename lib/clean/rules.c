/* rules.c — what one paragraph is, judged on its own text (see rules.h). Phrases come first (they
 * are the surest), then the shapes of bylines, credits, dates, tag lists and questions, and last
 * punctuation: a short line that does not end like a sentence is a headline or a link. */
#include "clean/rules.h"

#include <pthread.h>
#include <string.h>

#include "clean/phrases.h"

static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_letter(char c) { return is_lower((char)(c | 0x20)); }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alnum(char c) { return is_letter(c) || is_digit(c); }

/* The view starts with the phrase, and a phrase ending in a letter ends a word there. */
static bool starts_phrase_n(const view *v, const char *p, size_t n)
{
    if (v->low[0] != p[0] || (n > 1 && v->low[1] != p[1])) return false; /* most phrases differ at once */
    return view_starts_n(v, p, n) && (!is_letter(p[n - 1]) || !is_letter(v->low[n]));
}
static bool starts_phrase(const view *v, const char *p) { return starts_phrase_n(v, p, strlen(p)); }

/* Whether the text quotes someone: straight or curly quotes, or newswire's `` and ''. */
static bool quoted(const view *v) { return v->quoted; }

static bool fits(const view *v, const phrase *p) { return !p->max_words || v->words <= p->max_words; }

/* Prompts never quote anybody: a quotation mark says the phrase is part of someone's words. */
static bool quote_proof(uint8_t reason)
{
    return reason != TD_CLEAN_COMMENT && reason != TD_CLEAN_SHARE && reason != TD_CLEAN_NAVIGATION;
}

static td_clean_reason match_line(const view *v)
{
    if (!v->whole || v->len > PHRASES_LINE_MAX) return TD_CLEAN_CONTENT;
    for (const phrase *p = phrases_line; p->text; p++)
        if (view_is_n(v, p->text, p->len)) return (td_clean_reason)p->reason;
    return TD_CLEAN_CONTENT;
}

/* The first two bytes of a text, as strcmp orders them. */
static unsigned prefix2(const char *t) { return (unsigned)(unsigned char)t[0] << 8 | (unsigned char)t[1]; }

/* The phrase tables indexed, once, on first use:
 * - phrases_start by their first two bytes: an open-addressing table (START_SLOTS, more than twice
 *   the prefixes) of each prefix and its first phrase (the table is sorted: the others follow it);
 * - phrases_anywhere by key: the first phrase with each VIEW_KEY, the next phrase with the same
 *   key (chains go in table order), and the set of keys that some phrase has.
 * NO_PHRASE marks an empty slot and ends a chain. */
enum { NO_PHRASE = 0xff, START_LOG = 9, START_SLOTS = 1 << START_LOG };
static struct {
    uint16_t start_prefix[START_SLOTS];
    uint8_t start_first[START_SLOTS];
    uint8_t first[VIEW_KEY_BITS];
    uint8_t next[NO_PHRASE];
    uint64_t used[VIEW_KEY_BITS / 64];
} index_of;
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static unsigned start_slot(unsigned prefix) { return (prefix * 0x9e3779b1u) >> (32 - START_LOG); }

static void index_phrases(void)
{
    memset(index_of.start_first, NO_PHRASE, sizeof index_of.start_first);
    for (size_t k = 0; k < phrases_start_count; k++) {
        unsigned prefix = prefix2(phrases_start[k].text);
        if (k > 0 && prefix == prefix2(phrases_start[k - 1].text)) continue;
        unsigned slot = start_slot(prefix);
        while (index_of.start_first[slot] != NO_PHRASE) slot = (slot + 1) % START_SLOTS;
        index_of.start_prefix[slot] = (uint16_t)prefix;
        index_of.start_first[slot] = (uint8_t)k;
    }
    memset(index_of.first, NO_PHRASE, sizeof index_of.first);
    for (size_t k = phrases_anywhere_count; k-- > 0;) { /* from the last, so each chain is in table order */
        unsigned key = phrases_anywhere[k].key;
        index_of.next[k] = index_of.first[key];
        index_of.first[key] = (uint8_t)k;
        index_of.used[key / 64] |= 1ULL << (key % 64);
    }
}

/* Only the phrases that begin with the view's first two bytes are tried (every phrase has two
 * bytes or more): found through the index. */
static td_clean_reason match_start(const view *v)
{
    pthread_once(&index_once, index_phrases);
    unsigned first = prefix2(v->low), slot = start_slot(first);
    while (index_of.start_first[slot] != NO_PHRASE && index_of.start_prefix[slot] != first)
        slot = (slot + 1) % START_SLOTS;
    if (index_of.start_first[slot] == NO_PHRASE) return TD_CLEAN_CONTENT;
    for (const phrase *p = phrases_start + index_of.start_first[slot]; p->text && prefix2(p->text) == first; p++)
        if (fits(v, p) && starts_phrase_n(v, p->text, p->len)) return (td_clean_reason)p->reason;
    return TD_CLEAN_CONTENT;
}

/* phrases_anywhere is sorted by max_words (any length first): the paragraph is short enough for a
 * prefix of it, found by bisection. The first phrase of that prefix that the paragraph holds is
 * looked for among the phrases whose key the view has (few: the view's keys and the phrases' keys
 * are two small sets of VIEW_KEY_BITS), each first tested on the hash of its first three bytes. */
static td_clean_reason match_anywhere(const view *v)
{
    pthread_once(&index_once, index_phrases);
    size_t lo = 0, hi = phrases_anywhere_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (fits(v, &phrases_anywhere[mid])) lo = mid + 1;
        else hi = mid;
    }
    bool quotes = quoted(v);
    size_t best = lo; /* the first phrase found so far; lo: none */
    for (unsigned j = 0; j < VIEW_KEY_BITS / 64; j++) {
        for (uint64_t keys = v->keys[j] & index_of.used[j]; keys; keys &= keys - 1) {
            for (size_t k = index_of.first[j * 64 + (unsigned)__builtin_ctzll(keys)]; k < best; k = index_of.next[k]) {
                const phrase *p = &phrases_anywhere[k];
                if ((!quotes || quote_proof(p->reason)) && view_may_start(v, p->text) &&
                    view_find_at_start(v, p->text)) {
                    best = k;
                    break;
                }
            }
        }
    }
    return best < lo ? (td_clean_reason)phrases_anywhere[best].reason : TD_CLEAN_CONTENT;
}

bool rules_same_words(const char *a, size_t a_len, const char *b, size_t b_len)
{
    size_t i = 0, j = 0, seen = 0;
    for (;;) {
        while (i < a_len && !is_alnum(a[i])) i++;
        while (j < b_len && !is_alnum(b[j])) j++;
        if (i == a_len || j == b_len) return i == a_len && j == b_len && seen > 0;
        if ((a[i] | 0x20) != (b[j] | 0x20)) return false;
        i++, j++, seen++;
    }
}

/* ---------------------------------------------------------------- bylines and contacts */

static bool has_email(const view *v)
{
    for (const char *at = strchr(v->low, '@'); at; at = strchr(at + 1, '@')) {
        if (at == v->low || !is_alnum(at[-1])) continue;
        const char *e = at + 1;
        while (is_alnum(*e) || *e == '-' || *e == '.') e++;
        if (memchr(at + 1, '.', (size_t)(e - at - 1))) return true;
    }
    return false;
}

static td_clean_reason byline(const view *v)
{
    /* "By Samuel K. Brandt | The Port Varrow Ledger": names, hardly a lower-case word */
    if (starts_phrase(v, "by") && v->words <= 12 && v->lower <= 1) return TD_CLEAN_BYLINE;
    /* "— John Anderson", "-- Nicole Santa Cruz and Rick Rojas at City Hall" */
    if (v->low[0] == '-' && v->words <= 10 && v->lower <= 1 && v->capital >= 1) return TD_CLEAN_BYLINE;
    if (v->words <= 12 && v->lower <= 1 && !view_ends_sentence(v) && strstr(v->low, " | ")) return TD_CLEAN_NAVIGATION;
    if (starts_phrase(v, "follow") && v->words <= 25 &&
        (view_has_word(v, "on twitter") || view_has_word(v, "on facebook") || view_has_word(v, "on instagram")))
        return TD_CLEAN_SHARE;
    if (v->words <= 25 && !quoted(v) && has_email(v)) return TD_CLEAN_BYLINE;
    /* "Jane Roe, Staff Writer", "Associated Press Writer" */
    if (!view_ends_sentence(v) && v->words <= 8 && v->lower <= 2) {
        static const char *const roles[] = {"writer", "reporter", "correspondent", "editor", "columnist",
                                            "contributor", "staff", NULL};
        for (const char *const *r = roles; *r; r++)
            if (view_has_whole_word(v, *r)) return TD_CLEAN_BYLINE;
    }
    return TD_CLEAN_CONTENT;
}

/* ---------------------------------------------------------------- dates and times */

/* A date word and its length. */
#define D(w) {w, sizeof(w) - 1}
static const struct date_word {
    const char *text;
    size_t len;
} date_words[] = {
    D("jan"), D("january"), D("feb"), D("february"), D("mar"), D("march"), D("apr"), D("april"), D("may"),
    D("jun"), D("june"), D("jul"), D("july"), D("aug"), D("august"), D("sep"), D("sept"), D("september"),
    D("oct"), D("october"), D("nov"), D("november"), D("dec"), D("december"), D("mon"), D("monday"), D("tue"),
    D("tues"), D("tuesday"), D("wed"), D("wednesday"), D("thu"), D("thurs"), D("thursday"), D("fri"),
    D("friday"), D("sat"), D("saturday"), D("sun"), D("sunday"), D("at"), D("on"), D("a"), D("p"), D("m"),
    D("am"), D("pm"), D("gmt"), D("utc"), D("et"), D("est"), D("edt"), D("ct"), D("cst"), D("cdt"), D("mt"),
    D("mst"), D("mdt"), D("pt"), D("pst"), D("pdt"), D("bst"), D("cet"), D("cest"), D("ist"), D("updated"),
    D("published"), D("posted"), D("last"), D("modified"), D("created"), D("first"), D("today"), D("yesterday"),
    D("ago"), D("min"), D("mins"), D("minute"), D("minutes"), D("hour"), D("hours"), D("day"), D("days"),
    D("th"), D("st"), D("nd"), D("rd"), {NULL, 0},
};

/* Months and days: a date line needs one of them or a number. */
enum { DATE_NAMES = 40 };

/* A line that only says when: every token a number or a date word, letters and digits split
 * ("GMT02" is "gmt" "02"). */
static bool timestamp(const view *v)
{
    if (!v->whole || v->words > 14) return false;
    size_t tokens = 0, anchors = 0;
    for (size_t i = 0; i < v->len;) {
        if (!is_alnum(v->low[i])) {
            i++;
            continue;
        }
        size_t start = i;
        bool digits = is_digit(v->low[i]);
        while (i < v->len && is_alnum(v->low[i]) && is_digit(v->low[i]) == digits) i++;
        tokens++;
        if (digits) {
            anchors++;
            continue;
        }
        size_t k = 0, n = i - start;
        for (; date_words[k].text; k++)
            if (date_words[k].len == n && date_words[k].text[0] == v->low[start] &&
                memcmp(date_words[k].text, v->low + start, n) == 0)
                break;
        if (!date_words[k].text) return false;
        if (k < DATE_NAMES) anchors++;
    }
    return tokens > 0 && anchors > 0;
}

/* ---------------------------------------------------------------- images */

/* "In this … photo": the noun comes within this many bytes of a caption's start. */
enum { CAPTION_NOUN_WITHIN = 60 };

/* What words in brackets say about a credit: 2 surely one ("(AP Photo/Jane Doe)", "(Image: Getty)",
 * a slash between names), 1 only an agency's name ("(Reuters)": also how live blogs cite their
 * sources), 0 none. */
static int credit_words(const char *s, size_t len)
{
    view in;
    view_make(&in, s, len);
    static const char *const signs[] = {"photo", "image", "getty", "credit", "courtesy", "file", "staff", "via",
                                        "pictured", NULL};
    for (const char *const *w = signs; *w; w++)
        if (view_has_word(&in, *w)) return 2;
    if (memchr(s, '/', len)) return 2;
    static const char *const agencies[] = {"ap", "reuters", "afp", "epa", "associated press", "the associated press",
                                           NULL};
    for (const char *const *w = agencies; *w; w++)
        if (view_is(&in, *w)) return 1;
    return 0;
}

size_t rules_leading_credit(const char *s, size_t len)
{
    if (len < 3 || (s[0] != '(' && s[0] != '[')) return 0;
    char close = s[0] == '(' ? ')' : ']';
    size_t limit = len < 160 ? len : 160;
    for (size_t i = 1; i < limit; i++)
        if (s[i] == close) return credit_words(s + 1, i - 1) == 2 ? i + 1 : 0;
    return 0;
}

/* A credit in brackets at the end: "… on Nov. 28. (David M Warren / Staff Photographer)"; an
 * agency's name alone ends captions only when nobody speaks ("…, he said. (Reuters)" cites it). */
static bool trailing_credit(const char *s, size_t len, const view *v)
{
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '\t' || s[len - 1] == '\r')) len--;
    if (!len || s[len - 1] != ')') return false;
    size_t floor = len > 160 ? len - 160 : 0;
    for (size_t i = len - 1; i-- > floor;) {
        if (s[i] == ')') return false;
        if (s[i] != '(') continue;
        int kind = credit_words(s + i + 1, len - 2 - i);
        if (kind == 2) return true;
        return kind == 1 && v->words <= 30 && !quoted(v) && !view_has_whole_word(v, "said") &&
               !view_has_whole_word(v, "says") && !view_has_whole_word(v, "told");
    }
    return false;
}

/* A slash between a name and a capitalised word: "REUTERS/Stephen", "Kwan/Bloomberg", "Skidmore / Flickr". */
static bool slash_at(const char *s, size_t len, size_t i)
{
    if (s[i] != '/' || i == 0 || i + 1 >= len) return false;
    size_t a = i - 1, b = i + 1;
    if (s[a] == ' ' && s[b] == ' ' && a > 0 && b + 1 < len) a--, b++;
    return is_letter(s[a]) && is_upper(s[b]);
}

/* A credit among the last six words ("… March 25, 2015. REUTERS/Stephen Lam"). */
static bool slash_credit(const char *s, size_t len)
{
    if (!memchr(s, '/', len)) return false; /* most paragraphs: no slash at all */
    size_t words = 0;
    for (size_t i = len; i-- > 0 && words < 6;) {
        if (s[i] == ' ') words++;
        if (slash_at(s, len, i)) return true;
    }
    return false;
}

/* A spaced credit among the first eight words ("Maxim Shemetov / Reuters file Sochi's Olympic Park …"). */
static bool slash_credit_first(const char *s, size_t len)
{
    /* each slash in s[1..len - 2), while fewer than eight spaces come before it (from s[1] on) */
    size_t words = 0;
    for (size_t from = 1; len >= 3 && from < len - 2;) {
        const char *slash = memchr(s + from, '/', len - 2 - from);
        if (!slash) return false;
        size_t i = (size_t)(slash - s);
        for (size_t k = from; k < i; k++) words += s[k] == ' ';
        if (words >= 8) return false;
        if (s[i - 1] == ' ' && s[i + 1] == ' ' && slash_at(s, len, i)) return true;
        from = i + 1;
    }
    return false;
}

static td_clean_reason credit(const char *s, size_t len, const view *v)
{
    if (v->words <= 80 && trailing_credit(s, len, v)) return TD_CLEAN_CREDIT;
    if (v->words <= 60 && !view_ends_sentence(v) && slash_credit(s, len)) return TD_CLEAN_CREDIT;
    if (v->words <= 30 && slash_credit_first(s, len)) return TD_CLEAN_CREDIT;
    /* "1 of 6. The Occupy Los Angeles encampment …", "15/18 On his …": a gallery's caption */
    size_t i = 0;
    while (is_digit(v->low[i])) i++;
    if (i > 0 && i < 4 && strncmp(v->low + i, " of ", 4) == 0 && is_digit(v->low[i + 4])) return TD_CLEAN_CREDIT;
    if (i > 0 && i < 4 && v->low[i] == '/' && is_digit(v->low[i + 1])) {
        size_t k = i + 1;
        while (is_digit(v->low[k])) k++;
        if (v->low[k] == ' ') return TD_CLEAN_CREDIT;
    }
    /* "In this Tuesday, Nov. 10, 2009 file photo …", "This undated photo shows …" */
    if ((starts_phrase(v, "in this") || starts_phrase(v, "this")) && v->words <= 80) {
        static const char *const nouns[] = {" photo", " photograph", " image", " picture", NULL};
        for (const char *const *n = nouns; *n; n++) {
            const char *hit = strstr(v->low, *n);
            size_t k = strlen(*n);
            if (hit && hit - v->low < CAPTION_NOUN_WITHIN && !is_letter(hit[k])) return TD_CLEAN_CREDIT;
        }
    }
    /* "CLOSE Kevin Spacey was accused …": the caption of a video player */
    if (len > 6 && memcmp(s, "CLOSE ", 6) == 0) return TD_CLEAN_EMBED;
    return TD_CLEAN_CONTENT;
}

/* ---------------------------------------------------------------- bios, tags, questions */

/* A bio names its author first: the sign comes within this many bytes. A tweet's signature is
 * within the last TWEET_TAIL bytes. */
enum { BIO_SIGN_WITHIN = 60, TWEET_TAIL = 80 };

static bool bio(const view *v, bool late)
{
    static const char *const roles[] = {"writer", "reporter", "blogger", "journalist", "editor", "correspondent",
                                        "contributor", "columnist", NULL};
    static const char *const signs[] = {"covers", "writes about", "writes for", "based in", "can be reached",
                                        "fan of", "follow him", "follow her", "graduated", "has written", NULL};
    bool role = false, sign = false;
    for (const char *const *r = roles; *r && !role; r++) role = view_has_word(v, *r);
    for (const char *const *g = signs; *g && role && !sign; g++) sign = view_has_word(v, *g);
    if (role && sign && (view_has(v, " is a ") || view_has(v, " is an "))) return true;
    /* late in a page, a short paragraph about what someone writes is the author's */
    static const char *const late_signs[] = {"has written about", "has covered", "has reported on", "writes about",
                                             "contributes", "is the author of", NULL};
    if (!late || v->words > 60 || quoted(v)) return false;
    for (const char *const *g = late_signs; *g; g++) {
        if (!view_may_have(v, *g)) continue;
        const char *hit = strstr(v->low, *g);
        if (hit && hit - v->low < BIO_SIGN_WITHIN) return true; /* "Dana Whitlock has written about …" */
    }
    return false;
}

static bool tags(const view *v)
{
    return !view_ends_sentence(v) && v->end != ':' && v->commas >= 3 && v->words <= 40 && v->words <= 4 * (v->commas + 1) &&
           v->lower * 3 <= v->alpha;
}

/* A question put to the reader, not one quoted or asked in an interview ("Q: …", "Smith: …"). */
static bool reader_question(const view *v)
{
    if (v->end != '?' || v->words > 50 || quoted(v)) return false;
    const char *colon = strchr(v->low, ':');
    if (colon && colon - v->low < 30) return false;
    return view_has_whole_word(v, "you") || view_has_whole_word(v, "your");
}

/* An embedded tweet ends with its author and date: "… — Jo Roe (@joroe) May 2, 2016". */
static bool tweet_signature(const char *s, size_t len, const view *v)
{
    if (!is_digit((char)v->end)) return false;
    size_t from = len > TWEET_TAIL ? len - TWEET_TAIL : 0;
    for (size_t i = from; i + 1 < len; i++)
        if (s[i] == '(' && s[i + 1] == '@') return true;
    return false;
}

/* "Sony's 'The Interview' and Scandal Behind It (59)": a feed's name and its count. */
static bool counted_label(const char *s, size_t len, const view *v)
{
    if (view_ends_sentence(v) || v->words > 12) return false;
    while (len && s[len - 1] == ' ') len--;
    if (len < 3 || s[len - 1] != ')') return false;
    size_t i = len - 1;
    while (i > 0 && is_digit(s[i - 1])) i--;
    return i < len - 1 && i > 0 && s[i - 1] == '(';
}

/* ---------------------------------------------------------------- the paragraph */

td_clean_reason rules_paragraph(const char *s, size_t len, const view *v, const rules_place *at)
{
    if (v->alpha == 0) return v->digits ? TD_CLEAN_COUNTER : TD_CLEAN_SEPARATOR;
    if (at->title && rules_same_words(s, len, at->title, strlen(at->title))) return TD_CLEAN_TITLE;
    td_clean_reason r;
    if ((r = match_line(v)) || (r = match_start(v)) || (r = match_anywhere(v))) return r;
    if (starts_phrase(v, "copyright") && v->words <= 30 && (v->digits || view_has(v, "rights"))) return TD_CLEAN_COPYRIGHT;
    if ((r = byline(v))) return r;
    if (timestamp(v)) return TD_CLEAN_TIMESTAMP;
    if ((r = credit(s, len, v))) return r;
    if (tweet_signature(s, len, v)) return TD_CLEAN_EMBED;
    if (bio(v, at->late)) return TD_CLEAN_BIO;
    if (tags(v)) return TD_CLEAN_TAGS;
    if (reader_question(v)) return TD_CLEAN_READER_QUESTION;
    if (counted_label(s, len, v)) return TD_CLEAN_COUNTER;
    /* "[Trump shows Kim a video: Watch]", "[Quiz: How well do you know the Sun?]" */
    if (len > 2 && s[0] == '[' && s[len - 1] == ']' && !memchr(s + 1, ']', len - 2)) return TD_CLEAN_RELATED;
    if (!view_ends_sentence(v)) {
        /* "… in Hollywood Read more", "Related Netflix Hacker …" */
        if (v->len > 10 && strcmp(v->low + v->len - 10, " read more") == 0) return TD_CLEAN_RELATED;
        if (starts_phrase(v, "related") && v->words <= 25) return TD_CLEAN_RELATED;
    }
    if (v->end == ':') return v->words <= 3 ? TD_CLEAN_HEADLINE : TD_CLEAN_NO_END;
    if (!view_ends_sentence(v)) {
        bool title_like = v->words <= 8 || v->lower * 4 <= v->alpha;
        return v->words <= 20 && title_like ? TD_CLEAN_HEADLINE : TD_CLEAN_NO_END;
    }
    return TD_CLEAN_CONTENT;
}

td_clean_reason rules_sentence(const char *s, size_t len)
{
    view v;
    view_make(&v, s, len);
    td_clean_reason r;
    if ((r = match_anywhere(&v)) || (r = match_start(&v)) || (r = byline(&v)) || (r = credit(s, len, &v))) return r;
    if (v.end == '?') return TD_CLEAN_QUESTION;
    return view_ends_sentence(&v) ? TD_CLEAN_CONTENT : TD_CLEAN_NO_END;
}

bool rules_end_marker(const view *v)
{
    if (v->words > 6) return false;
    for (const char *const *m = phrases_end_markers; *m; m++)
        if (starts_phrase(v, *m)) return true;
    return false;
}

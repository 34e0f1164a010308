/* debris.c — rules that tell web debris from news sentences (see debris.h). The rules are generic
 * (prompt phrases, punctuation, position after an end-of-article marker), not tuned to one site. */
#include "clean/debris.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

/* Lower-cased ASCII copy of a sentence's head, enough for every rule. */
enum { HEAD_MAX = 400 };

/* Word starts are summed up as a set of their first two characters, so that most phrase
 * searches end with one bit test instead of a scan. */
enum { PAIR_SYMBOLS = 28, PAIR_WORDS = (PAIR_SYMBOLS * PAIR_SYMBOLS + 63) / 64 };

typedef struct sentence_view {
    char low[HEAD_MAX + 1];        /* lower-cased, white space collapsed, at most HEAD_MAX bytes */
    size_t len;                    /* bytes in low */
    bool whole;                    /* low holds the whole sentence */
    uint64_t starts[PAIR_WORDS];   /* bit set of the first two characters of every word */
} sentence_view;

/* a-z as 0-25, the end of the text or a space as 26, anything else 27 */
static unsigned pair_symbol(char c)
{
    if (c >= 'a' && c <= 'z') return (unsigned)(c - 'a');
    return c == '\0' || c == ' ' ? 26 : 27;
}

static unsigned pair_of(const char *w) { return pair_symbol(w[0]) * PAIR_SYMBOLS + pair_symbol(w[0] ? w[1] : '\0'); }

static void view_make(sentence_view *v, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = len < HEAD_MAX ? len : HEAD_MAX, o = 0, i = 0;
    /* copy lower-cased, one space for each run of white space (none at the start) */
    while (i < n && p[i] <= ' ') i++;
    for (; i < n; i++) {
        unsigned char c = p[i];
        if (c > ' ') {
            v->low[o++] = (char)(c | ((unsigned)(c - 'A') < 26u ? 0x20 : 0));
        } else if (v->low[o - 1] != ' ') {
            v->low[o++] = ' ';
        }
    }
    while (o > 0 && v->low[o - 1] == ' ') o--;
    v->low[o] = '\0';
    v->len = o;
    v->whole = n == len;
    memset(v->starts, 0, sizeof v->starts);
    for (size_t k = 0; k < o; k++) {
        if (k > 0 && v->low[k - 1] != ' ') continue;
        unsigned pair = pair_of(v->low + k);
        v->starts[pair / 64] |= 1ULL << (pair % 64);
    }
}

static bool starts(const sentence_view *v, const char *prefix)
{
    if (v->low[0] != prefix[0]) return false; /* cheap test first: most prefixes differ at once */
    size_t n = strlen(prefix);
    return v->len >= n && memcmp(v->low, prefix, n) == 0;
}

static bool has(const sentence_view *v, const char *needle) { return strstr(v->low, needle) != NULL; }

static bool starts_any(const sentence_view *v, const char *const *list)
{
    for (; *list; list++)
        if (starts(v, *list)) return true;
    return false;
}

/* Whether any needle of the list occurs at the start of a word (or of a bracket) in the view. */
static bool has_any(const sentence_view *v, const char *const *list)
{
    for (; *list; list++) {
        unsigned p = pair_of(*list);
        if (!(v->starts[p / 64] & (1ULL << (p % 64)))) continue;
        size_t n = strlen(*list);
        for (const char *hit = strstr(v->low, *list); hit; hit = strstr(hit + 1, *list))
            if ((hit == v->low || hit[-1] == ' ') && (size_t)(hit - v->low) + n <= v->len) return true;
    }
    return false;
}

/* Sentences that begin like this are page furniture, not reporting. */
static const char *const prompt_starts[] = {
    "share this", "share on ", "share:", "share via", "listen live", "get short url", "leave a reply",
    "leave a comment", "post a comment", "add a comment", "your email address", "more from ",
    "about the author", "like and follow", "like us on", "follow us", "follow @", "for comments and",
    "click here", "tap here", "subscribe", "sign up", "advertisement", "read more", "read the full",
    "related:", "related articles", "related stories", "related coverage", "see also", "you may also like",
    "recommended", "continue reading", "community standards", "email this", "print this", "tweet with",
    "embed ", "copy and paste", "copyright", "(c) ", "\xc2\xa9", "all rights reserved", "image copyright",
    "image caption", "photo:", "photos:", "image:", "caption:", "watch:", "video:", "listen:", "click to",
    "this article was", "this story has been", "have a news tip", "we welcome", "comments are closed",
    "join the conversation", "view comments", "story highlights", "skip to", "close modal", "loading",
    NULL,
};

/* ...and these anywhere mark legal lines, cookie notices and newsletter pitches. */
static const char *const prompt_anywhere[] = {
    "all rights reserved", "email address will not be published", "may not be published, broadcast",
    "privacy policy", "terms of use", "terms of service", "enable javascript", "javascript is disabled",
    "uses cookies", "sign up for our", "subscribe to our", "newsletter sign", "click here to",
    "getty images", "(ap photo", "/ staff photographer", "photo credit", NULL,
};

/* End-of-article markers: in the second half of an article, everything from them on is debris. */
static const char *const tail_markers[] = {
    "about the author", "leave a reply", "leave a comment", "related articles", "related stories",
    "related coverage", "related:", "you may also like", "more from ", "recommended", "comments",
    "share this article", "community standards", NULL,
};

static const char *const bio_roles[] = {
    "writer", "reporter", "blogger", "journalist", "editor", "correspondent", "contributor", "columnist",
    NULL,
};

static const char *const bio_signs[] = {
    "covers ", "writes about", "writes for", "based in", "can be reached", "fan of", "follow him",
    "follow her", "graduated", "has written", NULL,
};

static bool is_bio(const sentence_view *v)
{
    return (has(v, " is a ") || has(v, " is an ")) && has_any(v, bio_roles) && has_any(v, bio_signs);
}

/* The last character that is not a closing quote or bracket. */
static unsigned char final_mark(const char *s, size_t len)
{
    while (len > 0) {
        unsigned char c = (unsigned char)s[len - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']' || isspace(c)) {
            len--;
            continue;
        }
        /* U+2019 and U+201D, closing curly quotes: E2 80 99 / E2 80 9D */
        if (len >= 3 && (unsigned char)s[len - 3] == 0xe2 && (unsigned char)s[len - 2] == 0x80 &&
            (c == 0x99 || c == 0x9d)) {
            len -= 3;
            continue;
        }
        /* U+2026, the ellipsis character, counts as an end. */
        if (len >= 3 && (unsigned char)s[len - 3] == 0xe2 && (unsigned char)s[len - 2] == 0x80 && c == 0xa6)
            return '.';
        return c;
    }
    return 0;
}

/* A bracketed group at the start of a sentence: "(Jane Doe / Staff Photographer)", "[Image via X]".
 * Returns the offset just past it, or 0. */
static size_t leading_credit(const char *s, size_t len)
{
    if (len < 3 || (s[0] != '(' && s[0] != '[')) return 0;
    char close = s[0] == '(' ? ')' : ']';
    size_t limit = len < 160 ? len : 160;
    for (size_t i = 1; i < limit; i++) {
        if (s[i] == close) {
            sentence_view v;
            view_make(&v, s, i + 1);
            bool credit = memchr(s, '/', i) != NULL || has(&v, "photo") || has(&v, "image") ||
                          has(&v, "getty") || has(&v, "via ") || has(&v, "credit") || has(&v, "file");
            return credit ? i + 1 : 0;
        }
    }
    return 0;
}

static void skip_space(const char *text, td_span *sp)
{
    while (sp->start < sp->end && isspace((unsigned char)text[sp->start])) sp->start++;
}

/* Words of a line that gives only when it was published: dates, times, zones. */
static const char *const date_words[] = {
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
    "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
    "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thurs", "thursday", "fri", "friday",
    "sat", "saturday", "sun", "sunday", "at", "on", "a.m", "p.m", "am", "pm", "gmt", "utc", "et", "est", "edt",
    "pt", "pst", "pdt", "bst", "cet", "updated", "published", "posted", "last", "modified", NULL,
};

static bool is_date_word(const char *w, size_t n)
{
    bool digits = true;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)w[i]) && !strchr(":/.-,", w[i])) digits = false;
    if (digits) return true;
    for (const char *const *d = date_words; *d; d++)
        if ((*d)[0] == w[0] && strlen(*d) == n && memcmp(*d, w, n) == 0) return true;
    return false;
}

static bool is_dateline(const sentence_view *v)
{
    if (!v->whole) return false;
    size_t words = 0;
    for (size_t i = 0; i < v->len;) {
        while (i < v->len && (v->low[i] == ' ' || strchr("|,-()", v->low[i]))) i++;
        size_t start = i;
        while (i < v->len && v->low[i] != ' ' && v->low[i] != '|' && v->low[i] != ',') i++;
        size_t end = i;
        while (end > start && v->low[end - 1] == '.') end--;
        if (end == start) continue;
        if (!is_date_word(v->low + start, end - start)) return false;
        words++;
    }
    return words > 0 && words <= 12;
}

static debris_reason classify(const sentence_view *v, const char *s, size_t len)
{
    if (starts_any(v, prompt_starts) || has_any(v, prompt_anywhere)) return DEBRIS_PROMPT;
    if (is_bio(v)) return DEBRIS_BIO;
    if (is_dateline(v)) return DEBRIS_DATELINE;
    unsigned char end = final_mark(s, len);
    if (end == '?') return DEBRIS_QUESTION;
    if (end != '.' && end != '!') return DEBRIS_NO_END;
    return DEBRIS_NONE;
}

void debris_mark(const char *text, const char *title, td_span *sents, size_t n, uint8_t *reason)
{
    size_t title_len = title ? strlen(title) : 0;
    bool tail = false;
    for (size_t i = 0; i < n; i++) {
        td_span *sp = &sents[i];
        if (tail) {
            reason[i] = DEBRIS_TAIL;
            continue;
        }
        /* A title glued to the first sentence of the body ("...with USThis Friday, ..."). */
        size_t len = sp->end - sp->start;
        if (title_len && len > title_len && memcmp(text + sp->start, title, title_len) == 0 &&
            !isspace((unsigned char)text[sp->start + title_len])) {
            sp->start += title_len;
            skip_space(text, sp);
        }
        size_t credit = leading_credit(text + sp->start, sp->end - sp->start);
        if (credit) {
            if (credit >= sp->end - sp->start - 1) {
                reason[i] = DEBRIS_CREDIT;
                continue;
            }
            sp->start += credit;
            skip_space(text, sp);
        }
        sentence_view v;
        view_make(&v, text + sp->start, sp->end - sp->start);
        if (2 * i >= n && v.whole) {
            for (const char *const *m = tail_markers; *m; m++) {
                if (starts(&v, *m) && v.len < strlen(*m) + 30) {
                    tail = true;
                    break;
                }
            }
            if (tail) {
                reason[i] = DEBRIS_TAIL;
                continue;
            }
        }
        reason[i] = (uint8_t)classify(&v, text + sp->start, sp->end - sp->start);
    }
}

const char *debris_reason_name(debris_reason r)
{
    switch (r) {
    case DEBRIS_NONE: return "content";
    case DEBRIS_PROMPT: return "prompt";
    case DEBRIS_NO_END: return "no final punctuation";
    case DEBRIS_QUESTION: return "question";
    case DEBRIS_BIO: return "author bio";
    case DEBRIS_CREDIT: return "image credit";
    case DEBRIS_TAIL: return "after end of article";
    case DEBRIS_DATELINE: return "date line";
    }
    return "unknown";
}

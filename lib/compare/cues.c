/* cues.c — the verbs that introduce speech: said, told, added, according (to), as X put it, warned,
 * wrote, …, their -ing forms, and which of them name a medium reporting or may be plural nouns. */
#include <string.h>

#include "compare/quotes.h"

/* Verbs that introduce speech or writing (lower case, sorted). */
static const char *const cues[] = {
    "according", "accused", "acknowledged", "add", "added", "adding", "adds", "admitted", "announced",
    "answered", "argue", "argued", "argues", "arguing", "ask", "asked", "asking", "asks", "asserted",
    "boasted", "branded", "called", "calls", "cautioned", "chanted", "charged", "claimed", "claims",
    "commented", "complained", "conceded", "concluded", "confirmed", "continued", "continues", "countered",
    "cried", "declared", "declares", "demanded", "demands", "described", "dubbed", "emphasized", "explain",
    "explained", "explaining", "explains", "indicated", "indicates", "insist", "insisted", "insisting",
    "insists", "joked", "labeled", "labelled", "lamented", "maintained", "mused", "noted", "notes",
    "noting", "observed", "pleaded", "posted", "predicted", "proclaimed", "promised", "put", "quipped",
    "recalled", "recalls", "reiterated", "remarked", "replied", "reported", "reports", "responded",
    "retorted", "said", "say", "saying", "says", "shouted", "stated", "states",
    "stressed", "suggested", "tell", "telling", "tells", "threatened", "threatens", "told", "tweeted",
    "tweets", "urged", "vowed", "warn", "warned", "warning", "warns", "write", "writes", "writing", "wrote",
    "yelled",
};
/* Cues of a medium reporting what others said: they name the source of a sentence, not a speaker
 * who goes on talking in the next paragraphs. */
static const char *const reporting[] = {"reported", "reports"};
/* Cues that are also plural nouns ("Republican claims"): their subject must open a clause. */
static const char *const noun_cues[] = {"calls", "claims", "demands", "notes", "reports", "states", "tweets"};
static const char *const according_word[] = {"according"};
static const char *const to_word[] = {"to"};
static const char *const put_word[] = {"put"};
static const char *const it_word[] = {"it"};

/* An -ing form of a speech verb that is only listed in the past ("asserting": "asserted"). */
static bool cue_participle(const qdoc *d, size_t t)
{
    const qtok *k = &d->tok.items[t];
    size_t n = k->end - k->start;
    char past[32];
    if (k->kind != TOKEN_WORD || n < 6 || n >= sizeof past || memcmp(d->text + k->end - 3, "ing", 3)) return false;
    memcpy(past, d->text + k->start, n - 3);
    memcpy(past + n - 3, "ed", 2);
    return wordlist_find(cues, sizeof cues / sizeof *cues, past, n - 1);
}

bool speech_verb(const qdoc *d, size_t t)
{
    /* "States" in "the United States" is no verb: cues are lower case, but for "According" and a
       sentence's first word ("Said Ellis: …") */
    bool opens = t == 0 || d->tok.items[t - 1].sent != d->tok.items[t].sent;
    if (!(QTOK_IS(d, t, cues) || cue_participle(d, t)) ||
        ((d->tok.items[t].flags & QT_CAP) && !QTOK_IS(d, t, according_word) && !opens))
        return false;
    /* nor is the second half of a compound ("so-called") */
    if (t > 0 && qtok_char(d, t - 1, '-') && d->tok.items[t - 1].end == d->tok.items[t].start) return false;
    /* "according" only before "to", "put" only before "it" ("as X put it") */
    if (QTOK_IS(d, t, put_word)) return QTOK_IS(d, t + 1, it_word);
    return !QTOK_IS(d, t, according_word) || QTOK_IS(d, t + 1, to_word);
}

bool cue_according(const qdoc *d, size_t t) { return QTOK_IS(d, t, according_word); }
bool cue_noun(const qdoc *d, size_t t) { return QTOK_IS(d, t, noun_cues); }
bool cue_reporting(const qdoc *d, size_t t) { return QTOK_IS(d, t, reporting); }

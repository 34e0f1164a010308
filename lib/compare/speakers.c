/* speakers.c — who said each quote. Every verb of speech outside the quotes gets its subject: the
 * noun phrase before it ("X said", "X, the mayor, said", "X told reporters") or after it ("said X",
 * "according to X, ROLE,"), split into a name and a role ("North Korea's deputy U.N. ambassador, An
 * Myong Hun"). Pronouns and definite descriptions ("he", "the spokesman") take the most recent
 * compatible speaker named before. A quote takes the attribution between its pieces, after it or
 * before it in its sentence; a quote standing alone takes the speaker of the paragraphs just before. */
#include <stdlib.h>
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
    "retorted", "said", "say", "saying", "says", "shouted", "stated", "states", "stressed", "suggested",
    "tell", "telling", "tells", "threatened", "threatens", "told", "tweeted", "tweets", "urged", "vowed",
    "warn", "warned", "warning", "warns", "write", "writes", "writing", "wrote", "yelled",
};
/* Cues of a medium reporting what others said: they name the source of a sentence, not a speaker
 * who goes on talking in the next paragraphs. */
static const char *const reporting[] = {"reported", "reports"};
/* Cues that are also plural nouns ("Republican claims"): their subject must open a clause. */
static const char *const noun_cues[] = {"calls", "claims", "demands", "notes", "reports", "states", "tweets"};
/* Capitalised words a sentence may open with that name nobody. */
static const char *const not_names[] = {"april", "august", "december", "february", "friday", "january", "july", "june",
                                        "march", "monday", "november", "october", "saturday", "september", "sunday",
                                        "thursday", "tuesday", "wednesday"};
/* Words between a subject and its verb ("X also said", "X has stressed"). */
static const char *const between_words[] = {
    "again", "also", "always", "even", "first", "further", "had", "has", "have", "just", "later", "never", "often",
    "once", "only", "previously", "sometimes", "then", "would",
};
/* Lower-case words that end a subject noun phrase going backwards. */
static const char *const np_stops[] = {
    "after", "although", "and", "are", "as", "because", "before", "but", "how", "if", "is", "or", "since",
    "so", "than", "that", "though", "was", "were", "what", "when", "where", "whether", "which", "while",
    "who", "whom", "why",
};
/* Lower-case words that end a name going forwards ("said Smith on Tuesday"). */
static const char *const after_stops[] = {
    "about", "after", "and", "as", "at", "because", "before", "but", "during", "earlier", "from", "in",
    "last", "later", "on", "recently", "that", "this", "to", "today", "told", "tonight", "when", "which",
    "while", "who", "with", "yesterday",
};
/* First words of a clause after "according to X," or of a relative clause: not an apposition. */
static const char *const not_apposition[] = {
    "a", "an", "and", "as", "at", "because", "but", "he", "her", "his", "i", "in", "it", "its", "on", "she",
    "that", "the", "their", "there", "these", "they", "this", "those", "though", "we", "when", "which",
    "while", "who", "whose",
};
/* Words leading a sentence that are not part of its subject. */
static const char *const leading_words[] = {
    "a", "also", "an", "and", "but", "earlier", "finally", "furthermore", "however", "indeed", "instead",
    "later", "meanwhile", "moreover", "now", "so", "still", "the", "then", "yet",
};
static const char *const pronouns[] = {"he", "i", "it", "she", "they", "we"};
static const char *const relatives[] = {"which", "who", "whose"};
static const char *const conjunctions[] = {"and", "or"};
/* Pronouns and possessives that are never the subject of a speech verb. */
static const char *const object_pronouns[] = {"her", "him", "his", "its", "me", "my", "our", "their", "them", "us"};
/* Prepositions that open a sentence with a phrase before its subject ("In a statement, X said"). */
static const char *const openers[] = {"after", "as", "at", "before", "despite", "during", "for", "from", "in",
                                      "on", "since", "when", "while", "with"};
static const char *const plural_pronouns[] = {"they", "we"};
static const char *const according_word[] = {"according"};
static const char *const the_word[] = {"the"};
static const char *const articles[] = {"a", "an"};
/* Words before a capitalised run that make it part of a description ("representative to the UN"). */
static const char *const of_words[] = {"and", "at", "by", "for", "from", "in", "of", "on", "the", "to", "with"};
static const char *const to_word[] = {"to"};
static const char *const put_word[] = {"put"};
static const char *const it_word[] = {"it"};
/* Courtesy titles, left out of a name. */
static const char *const courtesy[] = {"dr", "miss", "mr", "mrs", "ms", "mx", "prof"};
/* Titles before a name, which belong to the role ("President Obama", "Sen. Ted Cruz"). */
static const char *const titles[] = {
    "adm", "ambassador", "attorney", "capt", "chairman", "chairwoman", "chief", "col", "commissioner",
    "director", "former", "gen", "general", "gov", "governor", "judge", "justice", "lt", "mayor", "minister",
    "president", "prime", "rep", "representative", "rev", "secretary", "sen", "senator", "sgt", "speaker",
    "vice",
};
/* Lower-case particles inside names (Charles de Gaulle, Ludwig van Beethoven). */
static const char *const particles[] = {"al", "bin", "da", "de", "del", "der", "di", "du", "ibn", "la", "le", "van", "von"};

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

typedef enum np_kind { NP_NONE, NP_PRONOUN, NP_NAME, NP_DESCRIPTION } np_kind;

/* A subject: the name (or description) and the role, as token ranges. */
typedef struct subject {
    np_kind kind;
    size_t name_a, name_b, role_a, role_b;
    bool definite; /* after "the" or with a possessive: a description may point back to a named speaker,
                      a name is an organisation (the White House) */
    bool plural;   /* a name that looks like a plural noun: not "he" or "she" */
} subject;

/* A speech verb and who it is said of, after resolution. */
typedef struct mention {
    size_t cue;
    subject who;
    bool reported; /* a reporting cue (CNN reported) */
    bool spoke;    /* from a speech verb; else the name a sentence opens with (for pronouns only) */
} mention;

typedef struct ctx {
    qdoc *d;
    bool *inside; /* tokens inside a quote or a mark */
    VEC(mention) mentions;
} ctx;

static const qtok *tk(const ctx *c, size_t t) { return &c->d->tok.items[t]; }
static bool is_word(const ctx *c, size_t t) { return tk(c, t)->kind != TOKEN_PUNCT; }
static bool is_cap(const ctx *c, size_t t) { return tk(c, t)->flags & QT_CAP; }
static bool is_char(const ctx *c, size_t t, char ch) { return qtok_char(c->d, t, ch); }

/* A word ending in 's or ’s (a possessive). */
static bool possessive(const ctx *c, size_t t)
{
    const char *s = c->d->text;
    size_t a = tk(c, t)->start, b = tk(c, t)->end;
    if (b - a > 2 && s[b - 1] == 's' && s[b - 2] == '\'') return true;
    return b - a > 4 && s[b - 1] == 's' && !memcmp(s + b - 4, "\xe2\x80\x99", 3);
}

static bool lower_word(const ctx *c, size_t t) { return tk(c, t)->kind == TOKEN_WORD && !is_cap(c, t); }

/* Token that may sit inside a noun phrase. */
static bool np_token(const ctx *c, size_t t)
{
    if (c->inside[t]) return false;
    if (is_word(c, t)) return !(lower_word(c, t) && QTOK_IS(c->d, t, np_stops));
    return is_char(c, t, '.') || is_char(c, t, '-') || is_char(c, t, '&') || is_char(c, t, '(') ||
           is_char(c, t, ')') || (tk(c, t)->flags & (QT_OPEN | QT_CLOSE)); /* a nickname's marks */
}

/* A stopword (folded ASCII look-up; other words are not stopwords). */
static bool function_word(const ctx *c, size_t t)
{
    size_t len = tk(c, t)->end - tk(c, t)->start;
    char low[24];
    if (tk(c, t)->kind != TOKEN_WORD || len >= sizeof low) return false;
    for (size_t i = 0; i < len; i++) {
        char ch = c->d->text[tk(c, t)->start + i];
        low[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    return stopword(low, len);
}

/* Splits the phrase [a, b) into name and role; an apposition (a role) may be a longer description. */
static subject analyse_phrase(const ctx *c, size_t a, size_t b, bool apposition)
{
    subject s = {.kind = NP_NONE};
    while (a < b && (!is_word(c, a) || (QTOK_IS(c->d, a, leading_words) &&
                                        !(QTOK_IS(c->d, a, articles) && is_cap(c, a) && a + 1 < b && is_cap(c, a + 1))))) {
        s.definite |= QTOK_IS(c->d, a, the_word);
        a++;
    }
    while (b > a && !is_word(c, b - 1) && !is_char(c, b - 1, ')')) b--;
    if (a >= b) return s;
    if (b - a == 1 && QTOK_IS(c->d, a, object_pronouns)) return s;
    if (b - a == 1 && QTOK_IS(c->d, a, pronouns)) {
        s.kind = NP_PRONOUN;
        s.name_a = a;
        s.name_b = b;
        return s;
    }
    size_t end = b;
    if (is_char(c, end - 1, ')')) { /* a parenthesis after the name: (R-Fla.) */
        size_t k = end - 1;
        while (k > a && !is_char(c, k, '(')) k--;
        if (k > a) end = k;
    }
    size_t run = end;
    while (run > a) {
        size_t t = run - 1;
        bool hyphened = t > a + 1 && is_char(c, t - 1, '-') && tk(c, t - 1)->end == tk(c, t)->start &&
                        is_cap(c, t - 2); /* Ki-moon */
        bool ok = (is_cap(c, t) && !possessive(c, t)) || (run < end && QTOK_IS(c->d, t, particles)) ||
                  (run < end && (is_char(c, t, '.') || is_char(c, t, '-'))) || (hyphened && !possessive(c, t));
        if (!ok) break;
        run--;
    }
    while (run < end && !is_word(c, run)) run++;
    bool inside_description = run > a && lower_word(c, run - 1) && QTOK_IS(c->d, run - 1, of_words);
    if (inside_description && QTOK_IS(c->d, a, titles)) {
        /* "Secretary of State John F. Kerry": a title with "of"; the name is its last two words */
        size_t k = end, words = 0;
        while (k > run && words < 2)
            if (--k, is_word(c, k) && tk(c, k)->end - tk(c, k)->start > 1) words++;
        run = k;
        inside_description = false;
    }
    if (run < end && (is_cap(c, end - 1) || is_char(c, end - 2, '-')) && !inside_description) {
        size_t name = run;
        for (size_t t = run; t + 1 < end; t++) /* after the last title: "PolitiFact Executive Director Aaron Sharockman" */
            if (QTOK_IS(c->d, t, titles)) name = t + 1;
        while (name < end && (QTOK_IS(c->d, name, titles) || QTOK_IS(c->d, name, courtesy) || is_char(c, name, '.'))) name++;
        bool opens = name == 0 || tk(c, name - 1)->sent != tk(c, name)->sent || c->inside[name - 1];
        size_t n = tk(c, name)->end - tk(c, name)->start;
        const char *w = c->d->text + tk(c, name)->start;
        bool word_not_name = function_word(c, name) || QTOK_IS(c->d, name, not_names) ||
                             (n > 4 && (!memcmp(w + n - 3, "ing", 3) || !memcmp(w + n - 2, "ed", 2)));
        if (name + 1 == end && ((opens && word_not_name) || QTOK_IS(c->d, name, not_names))) return s;
        if (name < end) {
            size_t role_end = name;
            while (role_end > a && (QTOK_IS(c->d, role_end - 1, courtesy) || is_char(c, role_end - 1, '.'))) role_end--;
            if (role_end > a && is_char(c, role_end, '.')) role_end++; /* keep "Sen." whole */
            s.kind = NP_NAME;
            s.name_a = name;
            s.name_b = end;
            /* "Delegates questioned …": one capitalised word ending in s opening a sentence is a plural */
            s.plural = name + 1 == end && opens && n > 3 && w[n - 1] == 's' && w[n - 2] != 's';
            s.role_a = a;
            s.role_b = role_end > a ? role_end : a;
            if (s.role_b > s.role_a && (QTOK_IS(c->d, s.role_b - 1, courtesy) || function_word(c, s.role_b - 1)))
                s.role_b = s.role_a;
            return s;
        }
    }
    for (size_t t = a; t < b; t++) s.definite |= possessive(c, t);
    /* a description names someone: it neither starts with a pronoun or preposition nor ends in a
       function word ("began by", "he has yet to") */
    size_t last = b - 1;
    while (last > a && !is_word(c, last)) last--;
    if (function_word(c, last) || QTOK_IS(c->d, a, object_pronouns) || QTOK_IS(c->d, a, of_words) ||
        QTOK_IS(c->d, a, pronouns) || b - a > (apposition ? 24 : 8))
        return s;
    s.kind = NP_DESCRIPTION;
    s.name_a = a;
    s.name_b = b;
    return s;
}

static subject analyse(const ctx *c, size_t a, size_t b) { return analyse_phrase(c, a, b, false); }

/* Combines a phrase and its apposition ("An Myong Hun, Deputy Permanent Representative ..." or
 * "North Korea's deputy U.N. ambassador, An Myong Hun,"): the name is the one that is a name. */
static subject appose(subject first, subject second)
{
    if (first.kind == NP_NAME && second.kind == NP_DESCRIPTION) {
        first.role_a = second.name_a;
        first.role_b = second.name_b;
    } else if (first.kind == NP_DESCRIPTION && second.kind == NP_NAME) {
        second.role_a = first.name_a;
        second.role_b = first.name_b;
        return second;
    } else if (first.kind == NP_NONE) {
        return second;
    }
    return first;
}

/* The subject before the verb at v, not before token lo. */
static subject subject_before(const ctx *c, size_t v, size_t lo)
{
    subject none = {.kind = NP_NONE};
    size_t i = v;
    while (i > lo && lower_word(c, i - 1) && QTOK_IS(c->d, i - 1, between_words)) i--;
    while (i > lo && lower_word(c, i - 1) && tk(c, i - 1)->end - tk(c, i - 1)->start > 4 &&
           !memcmp(c->d->text + tk(c, i - 1)->end - 2, "ly", 2))
        i--;
    if (i <= lo) return none;
    if (is_char(c, i - 1, ',')) {
        /* X, ROLE, said / ROLE, X, said / X, of Springfield, Va., said: up to three parts between
           commas; the subject is the first part that is a name, its role the first description */
        size_t ends[3], starts[3], n = 0, end = i - 1;
        bool relative = false;
        for (;;) {
            size_t k = end;
            while (k > lo && k + 20 > end && !is_char(c, k - 1, ',') && !c->inside[k - 1]) k--;
            bool bounded = k > lo && is_char(c, k - 1, ',');
            size_t cut = SIZE_MAX; /* the last clause word ("which", "that"; not the "and" of a role) */
            for (size_t t = k; t < end; t++)
                if (lower_word(c, t) && QTOK_IS(c->d, t, np_stops) && !QTOK_IS(c->d, t, conjunctions)) cut = t;
            if (cut == k && bounded && QTOK_IS(c->d, k, relatives)) { /* X, who studies tax policy, said */
                relative = true;
                end = k - 1;
                continue;
            }
            if (cut != SIZE_MAX || !bounded) { /* the head: a noun phrase back to a clause boundary */
                size_t j = end;
                while (j > lo && j + 16 > end && np_token(c, j - 1)) j--;
                starts[n] = j;
                ends[n++] = end;
                break;
            }
            starts[n] = k;
            ends[n++] = end;
            if (n == 3) break;
            end = k - 1;
        }
        if (n < 2 && !relative) return none; /* "…, noted NBC's Dante Chinni": the subject comes after */
        subject name = {.kind = NP_NONE}, role = {.kind = NP_NONE};
        for (size_t p = n; p-- > 0;) {
            subject part = analyse_phrase(c, starts[p], ends[p], p + 1 < n);
            if (part.kind == NP_NAME && name.kind == NP_NONE) name = part;
            if (part.kind == NP_DESCRIPTION && role.kind == NP_NONE) role = part;
        }
        if (name.kind == NP_NONE) return role;
        return appose(name, role);
    }
    size_t j = i;
    while (j > lo && j + 16 > i && np_token(c, j - 1)) j--;
    bool clause_start = j == lo || c->inside[j - 1] || is_char(c, j - 1, ',') || is_char(c, j - 1, ';') ||
                        is_char(c, j - 1, ':');
    if (QTOK_IS(c->d, v, noun_cues) && !clause_start) return none;
    return analyse(c, j, i);
}

/* The subject after the verb at v ("said X, ROLE"), not at or after hi. */
static subject subject_after(const ctx *c, size_t v, size_t hi)
{
    size_t a = v + 1;
    bool according = QTOK_IS(c->d, v, according_word);
    if (according) a++;
    size_t b = a;
    while (b < hi && b < a + 10 && np_token(c, b) && !(lower_word(c, b) && QTOK_IS(c->d, b, after_stops))) b++;
    if (b > a && is_char(c, b - 1, '.') && b == hi) b--;
    subject first = analyse(c, a, b);
    if (first.kind == NP_NONE || b >= hi || !is_char(c, b, ',') || b + 1 >= hi) return first;
    size_t k = b + 1;
    /* "said X, the mayor" has a role; "according to X, the plan failed" a clause */
    bool determiner = QTOK_IS(c->d, k, articles) || QTOK_IS(c->d, k, the_word);
    if (QTOK_IS(c->d, k, not_apposition) && (according || !determiner)) return first;
    if (lower_word(c, k) && tk(c, k)->end - tk(c, k)->start > 4 && !memcmp(c->d->text + tk(c, k)->end - 3, "ing", 3))
        return first;
    size_t e = k;
    while (e < hi && e < k + 16 && !c->inside[e] && !is_char(c, e, ',') && !is_char(c, e, ';') &&
           !(is_char(c, e, '.') && (e + 1 >= hi || is_cap(c, e + 1) || c->inside[e + 1])))
        e++;
    if (e < hi && !is_char(c, e, ',') && !is_char(c, e, '.') && !c->inside[e]) return first;
    return appose(first, analyse_phrase(c, k, e, true));
}

/* First token of the sentence of t, not before the paragraph or a mark. */
static size_t sentence_start(const ctx *c, size_t t)
{
    while (t > 0 && tk(c, t - 1)->sent == tk(c, t)->sent && tk(c, t - 1)->para == tk(c, t)->para &&
           !c->inside[t - 1])
        t--;
    return t;
}

/* Token after the sentence of t, not after the paragraph or a mark. */
static size_t sentence_end(const ctx *c, size_t t)
{
    size_t n = c->d->tok.len;
    while (t + 1 < n && tk(c, t + 1)->sent == tk(c, t)->sent && tk(c, t + 1)->para == tk(c, t)->para &&
           !c->inside[t + 1])
        t++;
    return t + 1;
}

static size_t head_prefix(const ctx *c, size_t t) { return tk(c, t)->end - tk(c, t)->start < 6 ? tk(c, t)->end - tk(c, t)->start : 6; }

/* Whether a description's head noun (its last word) appears among the words of [a, b). */
static bool head_in(const ctx *c, size_t head, size_t a, size_t b)
{
    size_t n = head_prefix(c, head);
    const char *h = c->d->text + tk(c, head)->start;
    for (size_t t = a; t < b; t++) {
        if (tk(c, t)->end - tk(c, t)->start < n) continue;
        const char *w = c->d->text + tk(c, t)->start;
        size_t k = 0;
        while (k < n && (w[k] | 32) == (h[k] | 32)) k++;
        if (k == n) return true;
    }
    return false;
}

/* Resolves a pronoun or a definite description to the most recent compatible speaker before
 * mention m: any speaker for a pronoun, one whose role or description has the same head noun for
 * "the spokesman". Unresolved pronouns become unknown; unresolved descriptions stay. */
static subject resolve(const ctx *c, size_t m, subject s)
{
    if (s.kind != NP_PRONOUN && !(s.kind == NP_DESCRIPTION && s.definite)) return s;
    size_t head = s.name_b - 1;
    while (head > s.name_a && !is_word(c, head)) head--;
    for (size_t k = m; k-- > 0;) {
        const mention *p = &c->mentions.items[k];
        if (p->reported || p->who.kind == NP_NONE || p->who.kind == NP_PRONOUN) continue;
        if (s.kind == NP_PRONOUN) {
            /* he and she: a person, so no description, no organisation ("the Commission") */
            bool plural = QTOK_IS(c->d, s.name_a, plural_pronouns);
            if (!plural && (p->who.kind == NP_DESCRIPTION || p->who.definite || p->who.plural)) continue;
            return p->who;
        }
        if (!p->spoke) continue;
        if (head_in(c, head, p->who.role_a, p->who.role_b) ||
            (p->who.kind == NP_DESCRIPTION && head_in(c, head, p->who.name_a, p->who.name_b)))
            return p->who;
    }
    if (s.kind == NP_PRONOUN) s.kind = NP_NONE;
    return s;
}

/* The name or pronoun a sentence [s0, hi) opens with ("In a statement, President Obama condemned
 * ..."): a capitalised run after an opening prepositional phrase, followed by a verb or a comma. */
static subject sentence_subject(const ctx *c, size_t s0, size_t hi)
{
    subject none = {.kind = NP_NONE};
    size_t i = s0;
    while (i < hi && !is_word(c, i)) i++;
    if (i < hi && QTOK_IS(c->d, i, openers)) /* "On July 6, 2015, Sanders made …": to a comma before a capital */
        for (size_t commas = 0; commas < 3 && i < hi && !c->inside[i]; commas++) {
            while (i < hi && !is_char(c, i, ',') && !c->inside[i]) i++;
            if (++i < hi && is_cap(c, i)) break;
        }
    if (i >= hi || c->inside[i]) return none;
    if (QTOK_IS(c->d, i, pronouns)) return analyse(c, i, i + 1);
    size_t j = i;
    while (j < hi && !c->inside[j] &&
           (is_cap(c, j) || (j > i && (is_char(c, j, '.') || is_char(c, j, '-') || QTOK_IS(c->d, j, particles)))))
        j++;
    size_t after = j;
    if (j < hi && is_char(c, j, '(')) /* Sen. Claire McCaskill (D-Mo.) scolded */
        while (after < hi && !c->inside[after] && !is_char(c, after++, ')')) continue;
    if (j == i || after >= hi || !(lower_word(c, after) || is_char(c, after, ','))) return none;
    subject s = analyse(c, i, j);
    return s.kind == NP_NAME ? s : none;
}

/* An -ing form ("saying", "adding"): its subject is the subject of the sentence. */
static bool participle(const ctx *c, size_t v)
{
    size_t n = tk(c, v)->end - tk(c, v)->start;
    return n > 4 && !memcmp(c->d->text + tk(c, v)->end - 3, "ing", 3) && !QTOK_IS(c->d, v, according_word);
}

/* The subject of the verb at v within [lo, hi): before it, else after it. */
static subject subject_of(const ctx *c, size_t v, size_t lo, size_t hi)
{
    if (participle(c, v)) { /* "footage of Trump saying", else the sentence's subject */
        if (v > lo && is_cap(c, v - 1)) {
            size_t j = v;
            while (j > lo && j + 6 > v && (is_cap(c, j - 1) || is_char(c, j - 1, '.'))) j--;
            subject named = analyse(c, j, v);
            if (named.kind == NP_NAME) return named;
        }
        size_t head = v; /* the sentence's first token, across any quote in it */
        while (head > 0 && tk(c, head - 1)->sent == tk(c, v)->sent && tk(c, head - 1)->para == tk(c, v)->para) head--;
        subject s = sentence_subject(c, lo, v);
        return s.kind == NP_NONE && head < lo ? sentence_subject(c, head, v) : s;
    }
    subject s = QTOK_IS(c->d, v, according_word) ? (subject){.kind = NP_NONE} : subject_before(c, v, lo);
    if (s.kind == NP_NONE && !QTOK_IS(c->d, v, noun_cues)) s = subject_after(c, v, hi);
    return s;
}

/* Every speech verb outside the quotes and its resolved subject, in text order. */
static bool collect_mentions(ctx *c)
{
    for (size_t t = 0; t < c->d->tok.len; t++) {
        if (c->inside[t]) continue;
        bool opens = t == 0 || tk(c, t - 1)->sent != tk(c, t)->sent || tk(c, t - 1)->para != tk(c, t)->para;
        bool cue = speech_verb(c->d, t);
        if (!opens && !cue) continue;
        subject s = cue ? subject_of(c, t, sentence_start(c, t), sentence_end(c, t))
                        : sentence_subject(c, t, sentence_end(c, t));
        if (s.kind == NP_NONE) continue;
        mention m = {.cue = t, .who = s, .reported = cue && QTOK_IS(c->d, t, reporting), .spoke = cue};
        m.who = resolve(c, c->mentions.len, s);
        if (!vec_push(&c->mentions, m)) return false;
    }
    return true;
}

/* The mention of the verb at t, or NULL. */
static const mention *mention_at(const ctx *c, size_t t)
{
    size_t lo = 0, hi = c->mentions.len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->mentions.items[mid].cue < t) lo = mid + 1;
        else hi = mid;
    }
    while (lo < c->mentions.len && c->mentions.items[lo].cue == t && !c->mentions.items[lo].spoke) lo++;
    return lo < c->mentions.len && c->mentions.items[lo].cue == t ? &c->mentions.items[lo] : NULL;
}

/* The first mention of a cue in [a, b) (the last one when backwards), or NULL. */
static const mention *cue_in(const ctx *c, size_t a, size_t b, bool backwards)
{
    for (size_t i = 0; i < b - a && a < b; i++) {
        size_t t = backwards ? b - 1 - i : a + i;
        const mention *m = mention_at(c, t);
        if (m && m->who.kind != NP_NONE) return m;
    }
    return NULL;
}

/* A dash: - – — ― */
static bool is_dash(const ctx *c, size_t t)
{
    if (t >= c->d->tok.len || tk(c, t)->kind != TOKEN_PUNCT) return false;
    const char *p = c->d->text + tk(c, t)->start;
    size_t n = tk(c, t)->end - tk(c, t)->start;
    return (n == 1 && *p == '-') ||
           (n == 3 && p[0] == '\xe2' && p[1] == '\x80' && (p[2] == '\x93' || p[2] == '\x94' || p[2] == '\x95'));
}

/* A dash and a name after a quote, on its line (`"…" ― Pamela Padilla`). */
static subject dash_name(const ctx *c, size_t t)
{
    subject none = {.kind = NP_NONE};
    const qdoc *d = c->d;
    if (!is_dash(c, t) || is_char(c, t, '-')) return none;
    size_t e = t + 1;
    while (e < d->tok.len && e < t + 8 && !c->inside[e] && tk(c, e)->para == tk(c, t)->para &&
           !memchr(d->text + tk(c, e - 1)->end, '\n', tk(c, e)->start - tk(c, e - 1)->end) &&
           (is_cap(c, e) || is_char(c, e, '.') || QTOK_IS(d, e, particles)))
        e++;
    subject s = analyse(c, t + 1, e);
    return s.kind == NP_NAME ? s : none;
}

/* A transcript's label at the start of a quote ("WALLACE: …"). */
static subject label(const ctx *c, const qpiece *p)
{
    size_t colon = piece_label(c->d, p);
    return colon ? (subject){.kind = NP_NAME, .name_a = p->open + 1, .name_b = colon} : (subject){.kind = NP_NONE};
}

static subject spoken(const mention *m) { return m ? m->who : (subject){.kind = NP_NONE}; }

/* The speaker of quote q: a transcript label, the attribution between its pieces, after it (or a
 * dash and a name), before it in its sentence, the name its sentence opens with, or the speaker of
 * this paragraph or the one before when the quote stands alone. */
static subject attribution(const ctx *c, const qquote *q)
{
    const qdoc *d = c->d;
    const qpiece *first = &d->pieces.items[q->first], *last = &d->pieces.items[q->first + q->n - 1];
    subject s = label(c, first);
    if (s.kind != NP_NONE) return s;
    for (size_t i = 1; i < q->n; i++) {
        const qpiece *a = &d->pieces.items[q->first + i - 1], *b = &d->pieces.items[q->first + i];
        if (!a->open_end && (s = spoken(cue_in(c, a->close + 1, b->open, false))).kind != NP_NONE) return s;
    }
    subject after = {.kind = NP_NONE}, before = {.kind = NP_NONE};
    if (!last->open_end && last->close + 1 < d->tok.len && tk(c, last->close + 1)->para == tk(c, last->close)->para) {
        size_t a = last->close + 1, end = sentence_end(c, a), b = end < a + 14 ? end : a + 14;
        after = spoken(cue_in(c, a, b, false));
        if (after.kind == NP_NONE && end > b) { /* a long apposition: the subject must follow the quote */
            subject far = spoken(cue_in(c, b, end < a + 32 ? end : a + 32, false));
            size_t from = far.role_b > far.role_a && far.role_a < far.name_a ? far.role_a : far.name_a;
            if (far.kind != NP_NONE && from <= a + 1) after = far;
        }
        if (after.kind == NP_NONE) after = dash_name(c, a);
    }
    bool inside_sentence = first->open > 0 && tk(c, first->open - 1)->para == tk(c, first->open)->para &&
                           tk(c, first->open - 1)->sent == tk(c, first->open)->sent && !c->inside[first->open - 1];
    size_t s0 = inside_sentence ? sentence_start(c, first->open - 1) : first->open;
    if (inside_sentence) {
        before = spoken(cue_in(c, s0, first->open, true));
        size_t head = s0; /* or a verb before an earlier quote of the sentence: it said "a" and "b" */
        while (head > 0 && tk(c, head - 1)->sent == tk(c, s0)->sent && tk(c, head - 1)->para == tk(c, s0)->para) head--;
        if (before.kind == NP_NONE && head < s0) before = spoken(cue_in(c, head, s0, true));
    }
    /* "… Mitt Romney -- ''It is disqualifying …''" or "Trump: "…"": a name just before the quote */
    if (inside_sentence && first->open >= 2 && (is_char(c, first->open - 1, ':') || is_dash(c, first->open - 1))) {
        size_t e = first->open - 1;
        while (e > s0 && is_dash(c, e - 1)) e--;
        size_t j = e;
        while (j > s0 && j + 6 > e && (is_cap(c, j - 1) || is_char(c, j - 1, '.'))) j--;
        subject named = j < e ? analyse(c, j, e) : (subject){.kind = NP_NONE};
        if (named.kind == NP_NAME) return named;
    }
    if (q->partial && before.kind != NP_NONE) return before;
    if (after.kind != NP_NONE) return after;
    if (before.kind != NP_NONE) return before;
    if (inside_sentence) return sentence_subject(c, s0, first->open);
    if (first->open > 0 && is_char(c, first->open - 1, ':')) { /* "Sanders made this comment:" ¶ "…" */
        size_t s1 = sentence_start(c, first->open - 1);
        s = spoken(cue_in(c, s1, first->open - 1, true));
        if (s.kind == NP_NONE) s = sentence_subject(c, s1, first->open - 1);
        if (s.kind != NP_NONE) return s;
    }
    uint32_t para = tk(c, first->open)->para;
    for (size_t k = c->mentions.len; k-- > 0;) {
        const mention *m = &c->mentions.items[k];
        if (m->cue > first->open) continue;
        if (tk(c, m->cue)->para + 1 < para) break;
        if (m->spoke && !m->reported && m->who.kind != NP_NONE) return m->who;
    }
    return (subject){.kind = NP_NONE};
}

bool speakers_find(qdoc *d)
{
    ctx c = {.d = d};
    c.inside = calloc(d->tok.len + 1, sizeof *c.inside);
    if (!c.inside) return false;
    for (size_t i = 0; i < d->pieces.len; i++) {
        const qpiece *p = &d->pieces.items[i];
        size_t end = p->open_end ? p->close : p->close + 1;
        for (size_t t = p->open; t < end && t < d->tok.len; t++) c.inside[t] = true;
    }
    bool ok = collect_mentions(&c);
    for (size_t i = 0; ok && i < d->quotes.len; i++) {
        qquote *q = &d->quotes.items[i];
        subject who = attribution(&c, q);
        if (who.kind == NP_NONE || who.kind == NP_PRONOUN) continue;
        q->name_a = who.name_a;
        q->name_b = who.name_b;
        q->role_a = who.role_a;
        q->role_b = who.role_b;
        q->generic = who.kind == NP_DESCRIPTION;
    }
    vec_free(&c.mentions);
    free(c.inside);
    return ok;
}

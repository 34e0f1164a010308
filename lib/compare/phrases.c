/* phrases.c — the subject of a speech verb: the noun phrase before it ("X said", "X, the mayor, said",
 * "ROLE, X, said") or after it ("said X, ROLE", "according to X"), or the name its sentence opens with;
 * split into a name and a role ("North Korea's deputy U.N. ambassador, An Myong Hun"), a pronoun, or a
 * description that names someone ("a North Korean spokesman"). */
#include <string.h>

#include "compare/phrases.h"

/* Capitalised words a sentence may open with that name nobody. */
static const char *const not_names[] = {
    "april", "august", "december", "eight", "february", "five", "four", "friday", "january", "july", "june",
    "march", "monday", "nine", "november", "october", "one", "saturday", "september", "seven", "six", "sunday",
    "ten", "three", "thursday", "tuesday", "twenty", "two", "wednesday",
};
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
    "about", "after", "and", "as", "at", "because", "before", "but", "during", "earlier", "in",
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
    "a", "also", "an", "and", "as", "but", "earlier", "even", "finally", "furthermore", "however", "indeed",
    "instead", "later", "meanwhile", "moreover", "now", "so", "still", "the", "then", "yet",
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
static const char *const the_word[] = {"the"};
static const char *const of_word[] = {"of"};
static const char *const articles[] = {"a", "an"};
/* Words before a capitalised run that make it part of a description ("representative to the UN"). */
static const char *const of_words[] = {"and", "at", "by", "for", "from", "in", "of", "on", "the", "to", "with"};
/* Courtesy titles, left out of a name. */
static const char *const courtesy[] = {"dr", "miss", "mr", "mrs", "ms", "mx", "prof"};
/* Titles before a name, which belong to the role ("President Obama", "Sen. Ted Cruz"). */
static const char *const titles[] = {
    "adm", "adviser", "ambassador", "attorney", "capt", "chairman", "chairwoman", "chief", "col",
    "commissioner", "director", "former", "gen", "general", "gov", "governor", "judge", "justice", "leader", "lt",
    "mayor", "minister", "president", "prime", "rep", "representative", "rev", "secretary", "sen", "senator",
    "sgt", "speaker", "spokesman", "spokesperson", "spokeswoman", "strategist", "vice",
};
/* Lower-case particles inside names (Charles de Gaulle, Ludwig van Beethoven). */
static const char *const particles[] = {"al", "bin", "da", "de", "del", "der", "di", "du", "ibn", "la", "le", "van", "von"};

/* A word ending in 's or ’s (a possessive). */
static bool possessive(const qctx *c, size_t t)
{
    const char *s = c->d->text;
    size_t a = tk(c, t)->start, b = tk(c, t)->end;
    if (b - a > 2 && s[b - 1] == 's' && s[b - 2] == '\'') return true;
    return b - a > 4 && s[b - 1] == 's' && !memcmp(s + b - 4, "\xe2\x80\x99", 3);
}

/* Token that may sit inside a noun phrase. */
static bool np_token(const qctx *c, size_t t)
{
    if (c->inside[t]) return false;
    if (is_word(c, t)) return !(lower_word(c, t) && QTOK_IS(c->d, t, np_stops));
    return is_char(c, t, '.') || is_char(c, t, '-') || is_char(c, t, '&') || is_char(c, t, '(') ||
           is_char(c, t, ')') || is_char(c, t, '/') || (tk(c, t)->flags & (QT_OPEN | QT_CLOSE)); /* 9/11; a nickname's marks */
}

/* A stopword (folded ASCII look-up; other words are not stopwords). */
static bool function_word(const qctx *c, size_t t)
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
static subject analyse_phrase(const qctx *c, size_t a, size_t b, bool apposition)
{
    subject s = {.kind = NP_NONE};
    const size_t first = a;
    while (a < b && (!is_word(c, a) || (QTOK_IS(c->d, a, leading_words) &&
                                        !(QTOK_IS(c->d, a, articles) && is_cap(c, a) && a + 1 < b && is_cap(c, a + 1))))) {
        s.definite |= QTOK_IS(c->d, a, the_word);
        a++;
    }
    for (size_t t = a; t < b; t++) /* "WASHINGTON -- President Obama": after a spaced dash or a colon */
        if (is_char(c, t, ':') || (is_char(c, t, '-') && t > 0 && tk(c, t - 1)->end < tk(c, t)->start) ||
            (tk(c, t)->kind == TOKEN_PUNCT && tk(c, t)->end - tk(c, t)->start == 3 &&
             !memcmp(c->d->text + tk(c, t)->start, "\xe2\x80", 2) &&
             (c->d->text[tk(c, t)->start + 2] == '\x93' || c->d->text[tk(c, t)->start + 2] == '\x94')))
            a = t + 1;
    while (a < b && !is_word(c, a)) a++;
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
    if (inside_description && QTOK_IS(c->d, a, titles) && QTOK_IS(c->d, run - 1, of_word)) {
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
                             (n > 4 && (!memcmp(w + n - 3, "ing", 3) || !memcmp(w + n - 2, "ed", 2) ||
                                        !memcmp(w + n - 2, "ly", 2)));
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
            if (s.role_b > s.role_a && (QTOK_IS(c->d, s.role_b - 1, courtesy) || function_word(c, s.role_b - 1) ||
                                        QTOK_IS(c->d, s.role_a, openers))) /* "In a Bloomberg interview Trump" */
                s.role_b = s.role_a;
            return s;
        }
    }
    for (size_t t = a; t < b; t++) s.definite |= possessive(c, t);
    /* a description names someone: it neither starts with a pronoun or preposition nor ends in a
       function word ("began by", "he has yet to") */
    size_t last = b - 1;
    while (last > a && !is_word(c, last)) last--;
    size_t n_first = tk(c, a)->end - tk(c, a)->start; /* "gasping facedown on a sidewalk": a clause, */
    bool ing = a == first && lower_word(c, a) && n_first > 4 && /* but "the ruling" names something */
               !memcmp(c->d->text + tk(c, a)->end - 3, "ing", 3);
    if (ing || tk(c, last)->kind != TOKEN_WORD || function_word(c, last) || possessive(c, last) ||
        QTOK_IS(c->d, a, object_pronouns) ||
        QTOK_IS(c->d, a, of_words) ||
        QTOK_IS(c->d, a, pronouns) || b - a > (apposition ? 24 : 8))
        return s;
    s.kind = NP_DESCRIPTION;
    s.name_a = a;
    s.name_b = b;
    return s;
}

subject phrase_analyse(const qctx *c, size_t a, size_t b) { return analyse_phrase(c, a, b, false); }

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
static subject subject_before(const qctx *c, size_t v, size_t lo)
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
    if (cue_noun(c->d, v) && !clause_start) return none;
    return phrase_analyse(c, j, i);
}

/* The subject after the verb at v ("said X, ROLE"), not at or after hi. */
static subject subject_after(const qctx *c, size_t v, size_t hi)
{
    size_t a = v + 1;
    bool according = cue_according(c->d, v);
    if (according) a++;
    size_t b = a;
    while (b < hi && b < a + 10 && np_token(c, b) && !(lower_word(c, b) && QTOK_IS(c->d, b, after_stops))) b++;
    if (b > a && is_char(c, b - 1, '.') && b == hi) b--;
    subject first = phrase_analyse(c, a, b);
    if (first.kind == NP_NONE || b >= hi || !is_char(c, b, ',') || b + 1 >= hi) return first;
    size_t k = b + 1;
    /* "said X, the mayor" has a role; "according to X, the plan failed" a clause */
    bool determiner = QTOK_IS(c->d, k, articles) || QTOK_IS(c->d, k, the_word);
    if (QTOK_IS(c->d, k, not_apposition) && (according || !determiner)) return first;
    if (lower_word(c, k) && tk(c, k)->end - tk(c, k)->start > 4 && !memcmp(c->d->text + tk(c, k)->end - 3, "ing", 3))
        return first;
    size_t e = k;
    while (e < hi && e < k + 16 && !c->inside[e] && !is_char(c, e, ',') && !is_char(c, e, ';') &&
           !(lower_word(c, e) && QTOK_IS(c->d, e, np_stops)) && /* "…, chief of staff whom Mr. X hired" */
           !(is_char(c, e, '.') && (e + 1 >= hi || is_cap(c, e + 1) || c->inside[e + 1])))
        e++;
    if (e < hi && !is_char(c, e, ',') && !is_char(c, e, '.') && !c->inside[e]) return first;
    return appose(first, analyse_phrase(c, k, e, true));
}

/* First token of the sentence of t, not before the paragraph or a mark. */
size_t phrase_sentence_start(const qctx *c, size_t t)
{
    while (t > 0 && tk(c, t - 1)->sent == tk(c, t)->sent && tk(c, t - 1)->para == tk(c, t)->para &&
           !c->inside[t - 1])
        t--;
    return t;
}

/* Token after the sentence of t, not after the paragraph or a mark. */
size_t phrase_sentence_end(const qctx *c, size_t t)
{
    size_t n = c->d->tok.len;
    while (t + 1 < n && tk(c, t + 1)->sent == tk(c, t)->sent && tk(c, t + 1)->para == tk(c, t)->para &&
           !c->inside[t + 1])
        t++;
    return t + 1;
}

/* The name or pronoun a sentence [s0, hi) opens with ("In a statement, President Obama condemned
 * ..."): a capitalised run after an opening prepositional phrase, followed by a verb or a comma. */
subject phrase_sentence_subject(const qctx *c, size_t s0, size_t hi)
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
    if (QTOK_IS(c->d, i, pronouns)) return phrase_analyse(c, i, i + 1);
    size_t j = i;
    while (j < hi && !c->inside[j] &&
           (is_cap(c, j) || (j > i && (is_char(c, j, '.') || is_char(c, j, '-') || QTOK_IS(c->d, j, particles)))))
        j++;
    size_t after = j;
    if (j < hi && is_char(c, j, '(')) /* Sen. Claire McCaskill (D-Mo.) scolded */
        while (after < hi && !c->inside[after] && !is_char(c, after++, ')')) continue;
    if (j == i || after >= hi || !(lower_word(c, after) || is_char(c, after, ','))) return none;
    subject s = phrase_analyse(c, i, j);
    return s.kind == NP_NAME ? s : none;
}

/* An -ing form ("saying", "adding"): its subject is the subject of the sentence. */
static bool participle(const qctx *c, size_t v)
{
    size_t n = tk(c, v)->end - tk(c, v)->start;
    return n > 4 && !memcmp(c->d->text + tk(c, v)->end - 3, "ing", 3) && !cue_according(c->d, v);
}

/* The subject of the verb at v within [lo, hi): before it, else after it. */
subject phrase_subject_of(const qctx *c, size_t v, size_t lo, size_t hi)
{
    if (participle(c, v)) { /* "footage of Trump saying", else the sentence's subject */
        if (v > lo && is_cap(c, v - 1)) {
            size_t j = v;
            while (j > lo && j + 6 > v && (is_cap(c, j - 1) || is_char(c, j - 1, '.'))) j--;
            subject named = phrase_analyse(c, j, v);
            if (named.kind == NP_NAME) return named;
        }
        size_t head = v; /* the sentence's first token, across any quote in it */
        while (head > 0 && tk(c, head - 1)->sent == tk(c, v)->sent && tk(c, head - 1)->para == tk(c, v)->para) head--;
        subject s = phrase_sentence_subject(c, lo, v);
        return s.kind == NP_NONE && head < lo ? phrase_sentence_subject(c, head, v) : s;
    }
    subject s = cue_according(c->d, v) ? (subject){.kind = NP_NONE} : subject_before(c, v, lo);
    if (s.kind == NP_NONE && !cue_noun(c->d, v)) s = subject_after(c, v, hi);
    return s;
}

bool phrase_particle(const qdoc *d, size_t t) { return QTOK_IS(d, t, particles); }
bool phrase_plural_pronoun(const qdoc *d, size_t t) { return QTOK_IS(d, t, plural_pronouns); }

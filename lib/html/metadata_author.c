/* metadata_author.c — turning the author strings of a page ("By A and B", "Von A, B | 31.05.",
 * "View all posts by A") into a clean list of names. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/buf.h"
#include "html/metadata.h"

enum { MAX_NAME_BYTES = 80, MAX_NAME_WORDS = 6, MAX_WORD = 32 };

/* Words that introduce a byline, lower case, each ending where the name starts. */
static const char *const prefixes[] = {
    "written by ", "posted by ", "published by ", "text and photos:", "text und fotos:", "text & fotos:",
    "a cura di ", "authors:", "author:", "autoren:", "autorin:", "autor:", "auteur:", "text:", "texte:", "von:",
    "by:", "by ", "von ", "vom ", "fotos:", "foto:", "photos:", "photo:", "bild:", "par ", "por ", "di ", "door ", "from ", "beitragvon ", "interview:",
};

/* Separators between names (and between a name and what follows it in a byline); the ones in
 * words need the spaces around them. */
static const char *const separators[] = {
    ";", ",", "|", "/", "&", "+", "\xc2\xb7", "\xe2\x80\xa2", "\xc2\xbb", "\xc2\xab", " - ", " and ", " und ",
    " y ", " et ", " e ", " og ", " sowie ", " with ", " mit ", (" im gespr\xc3\xa4" "ch mit "), " am ", " on ",
    " um ",
};

/* Words before "by", "von", "of", "de"... that show the rest to be the name ("View all posts
 * by A", "Beitrag von A", "Un documentaire de A"), lower case. */
static const char *const cues[] = {
    "posts", "beiträge", "artikel", "articles", "article", "stories", "story", "written", "posted", "published",
    "geschrieben", "veröffentlicht", "eingestellt", "erstellt", "beitrag", "alles", "autorenseite", "text",
    "pressemitteilung", "fotos", "photos", "bilder", "interview", "video", "documentaire", "reportage", "more",
    "mehr", "podcast", "kommentar", "gastbeitrag", "edited", "herausgegeben", "reported", "compiled", "translated",
    "übersetzt",
};
static const char *const connectors[] = {" by ", " von ", " vom ", " of ", " de ", " par ", " por ", " door ", " di "};

/* Words that are never part of a name here: dates, times, links and roles (lower case). A part
 * made of such words only is dropped; one with a word containing a link word too. */
static const char *const noise[] = {
    "januar", "january", "februar", "february", "märz", "march", "april", "mai", "may", "juni", "june", "juli",
    "july", "august", "september", "oktober", "october", "november", "dezember", "december", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "okt", "oct", "nov", "dez", "dec", "montag", "dienstag", "mittwoch",
    "donnerstag", "freitag", "samstag", "sonntag", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "mo", "di", "mi", "do", "fr", "sa", "so",
    "uhr", "am", "pm", "stand", "updated", "aktualisiert", "veröffentlicht", "published", "posted", "datum", "date",
    "on", "at", "um", "in", "im", "vor", "ago", "min", "minutes", "minuten", "stunden", "hours", "read", "lesen",
    "lesezeit", "mehr", "more", "alle", "all", "show", "view", "zeige", "see", "edit", "zur", "zum", "the", "by",
    "von", "of", "share", "teilen", "follow", "folgen", "profil", "profile", "uncategorized", "allgemein",
    "author", "authors", "autor", "autoren", "autorin", "admin", "administrator", "super", "user", "unknown",
    "ceo", "cto", "founder", "gründer", "editor", "phd", "ph.d.", "md", "m.d.", "mba", "dr.", "prof.", "no",
    "chefredakteur", "chefredakteurin", "redakteur", "redakteurin", "herausgeber", "text", "por", "par",
    "publisher", "anonymous", "anonym", "anónimo", "germany", "guest", "gast",
};
static const char *const link_words[] = {"kommentar", "comment", "artikel", "article", "beiträge", "beitraege",
                                         "posts", "übersicht", "antwort", "reply", "profil", "admin", "reserved"};
/* Where the names of a byline end when it goes on ("A Quelle: B", "A Stand: 05.02."). */
static const char *const terminators[] = {" quelle:", " source:", " stand:", " foto:", " fotos:", " bild:",
                                          " photo:", " datum:", " date:"};

static bool ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Lower-cases s[0..n) into w (ASCII letters and the Latin-1 capitals of UTF-8), cut to fit. */
static void lower_word(const char *s, size_t n, char w[MAX_WORD + 1])
{
    size_t k = 0;
    for (size_t i = 0; i < n && k < MAX_WORD; i++) {
        unsigned char c = (unsigned char)s[i];
        if (ascii_alpha(c)) c |= 0x20;
        else if (k && (unsigned char)w[k - 1] == 0xc3 && c >= 0x80 && c <= 0x9e && c != 0x97) c += 0x20;
        w[k++] = (char)c;
    }
    w[k] = '\0';
}

static bool in_list(const char *w, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(w, list[i]) == 0) return true;
    return false;
}

#define IN_LIST(w, list) in_list(w, list, sizeof list / sizeof *list)

static size_t match_any(const char *s, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(list[i]);
        if (strncasecmp(s, list[i], l) == 0) return l;
    }
    return 0;
}

/* Strips the byline words at the start of s[0..*len) (repeatedly: "By: Von ..."), moving s. */
static const char *strip_prefix(const char *s, size_t *len)
{
    for (bool again = true; again;) {
        again = false;
        while (*len && (*s == ' ' || *s == '-' || *s == ':' || *s == '~')) s++, (*len)--;
        for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
            size_t n = strlen(prefixes[i]);
            if (*len >= n && strncasecmp(s, prefixes[i], n) == 0) {
                s += n, *len -= n;
                again = true;
                break;
            }
        }
    }
    return s;
}

/* "View all posts by A" -> "A": cuts at a connector when the words before it cannot be part of
 * a name (one starts in lower case, or the last is a cue such as "posts" or "Beitrag"). */
static const char *strip_lead_in(const char *s, size_t *len)
{
    for (size_t i = 1; i < *len; i++) {
        size_t c = match_any(s + i, connectors, sizeof connectors / sizeof *connectors);
        if (!c || i + c > *len) continue;
        bool cut = false;
        size_t w = 0, last = 0;
        while (w < i) {
            while (w < i && s[w] == ' ') w++;
            size_t e = w;
            while (e < i && s[e] != ' ') e++;
            if (e > w && (unsigned char)s[w] >= 'a' && (unsigned char)s[w] <= 'z') cut = true;
            if (e > w) last = w;
            w = e;
        }
        char word[MAX_WORD + 1];
        size_t e = last;
        while (e < i && s[e] != ' ') e++;
        lower_word(s + last, e - last, word);
        if (cut || IN_LIST(word, cues)) {
            *len -= i + c;
            return s + i + c;
        }
    }
    return s;
}

/* Punctuation, quotes and marks around a name (a full stop only before the name: after it, it
 * may end an initial). */
static size_t edge_punct_len(const char *s, size_t len, size_t i, bool lead)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) return strchr(" \"'-:*()[]~", c) || (lead && c == '.') ? (c ? 1 : 0) : 0;
    if (c == 0xc2 && i + 1 < len && strchr("\xab\xbb\xa9", s[i + 1])) return 2; /* « » © */
    if (c == 0xe2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80) {
        unsigned char d = (unsigned char)s[i + 2];
        if ((d >= 0x93 && d <= 0x9f) || d == 0xb9 || d == 0xba) return 3; /* dashes, quotes, ‹ › */
    }
    if (c == 0xe2 && i + 2 < len && (unsigned char)s[i + 1] == 0x86) return 3; /* arrows */
    return 0;
}

/* Lower-case words that may stand inside a name ("Ursula von der Leyen", "Jose de la Cruz"). */
static const char *const particles[] = {"von", "van", "der", "den", "de", "la", "le", "da", "di", "du", "del",
                                        "della", "y", "bin", "ibn", "al", "zu", "ten", "ter", "dos", "das", "e"};
/* Marks of an organisation's legal form. */
static const char *const org_marks[] = {"gmbh", "ggmbh", "e.v.", "e.v", "inc.", "inc", "ltd", "ltd.", "llc", "ag",
                                        "kg", "s.a.", "plc"};
/* Top-level domains that make a word a host name ("stern.de"). */
static const char *const tlds[] = {"de", "at", "ch", "com", "net", "org", "fr", "it", "eu", "info", "uk", "io",
                                   "es", "nl", "pl", "be", "us", "tv", "fm"};

/* Whether the word (lower case) is a host name: letters, a dot, and a known top-level domain. */
static bool host_word(const char *w)
{
    const char *dot = strrchr(w, '.');
    return dot && dot > w + 1 && IN_LIST(dot + 1, tlds);
}

/* Whether s[0..len) looks like the name of a person (or of a team or agency): not too long, not
 * dates and link words only, no host names, no legal forms, no sentence-like lower-case words. */
static bool plausible_name(const char *s, size_t len, bool strict)
{
    if (!len || len > MAX_NAME_BYTES) return false;
    size_t words = 0, letters = 0, plain = 0; /* plain: words that are not noise */
    bool lower_word_seen = false, upper_word_seen = false, bad = false;
    for (size_t i = 0; i < len && !bad;) {
        while (i < len && s[i] == ' ') i++;
        size_t e = i;
        while (e < len && s[e] != ' ') e++;
        if (e == i) break;
        words++;
        char w[MAX_WORD + 1];
        lower_word(s + i, e - i, w);
        if (!IN_LIST(w, noise)) plain++;
        for (size_t k = 0; k < sizeof link_words / sizeof *link_words; k++) bad = bad || strstr(w, link_words[k]);
        bad = bad || IN_LIST(w, org_marks) || host_word(w);
        if (s[i] >= 'a' && s[i] <= 'z' && !IN_LIST(w, particles)) lower_word_seen = true;
        if ((s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0x80) upper_word_seen = true;
        for (size_t k = i; k < e; k++) {
            unsigned char c = (unsigned char)s[k];
            if (strchr("@<>={}[]?!#", c)) bad = true;
            letters += ascii_alpha(c) || c >= 0x80;
        }
        i = e;
    }
    /* "Expertin für Neue Arbeit", "in Uncategorized": a lower-case word among capitalised ones
     * (all lower case is a user name: "jancak", "giampiero maggio") */
    if (bad || letters < 2 || !plain || words > MAX_NAME_WORDS || s[0] == '_') return false;
    if (strict && ((lower_word_seen && upper_word_seen) || (lower_word_seen && !upper_word_seen && words > 2)))
        return false;
    char tmp[MAX_NAME_BYTES + 1];
    memcpy(tmp, s, len);
    tmp[len] = '\0';
    return !meta_icontains(tmp, "://") && !meta_istarts(tmp, "www.") && !meta_icontains(tmp, "e. v") &&
           !meta_icontains(tmp, ".htm");
}

static bool add_name(const char *s, size_t len, bool strict, meta_list *names)
{
    s = strip_prefix(s, &len);
    s = strip_lead_in(s, &len);
    s = strip_prefix(s, &len);
    size_t n;
    while (len && (n = edge_punct_len(s, len, 0, true))) s += n, len -= n;
    for (bool more = true; more && len;) {
        more = false;
        for (size_t k = 1; k <= 3 && k <= len; k++)
            if (edge_punct_len(s, len, len - k, false) == k) {
                len -= k;
                more = true;
                break;
            }
    }
    /* calendar and link words after the name: "A Stand", "A February" (before a cut date) */
    while (len) {
        size_t w = len;
        while (w && s[w - 1] != ' ') w--;
        char word[MAX_WORD + 1];
        lower_word(s + w, len - w, word);
        if (!w || !IN_LIST(word, noise)) break;
        len = w;
        while (len && s[len - 1] == ' ') len--;
    }
    /* the same name twice ("A B A B": a visible and a hidden copy) */
    if (len % 2 && s[len / 2] == ' ' && strncmp(s, s + len / 2 + 1, len / 2) == 0) len /= 2;
    /* a remark in brackets after the name: "A (dpa)" */
    const char *paren = memchr(s, '(', len);
    if (paren && paren > s) {
        len = (size_t)(paren - s);
        while (len && s[len - 1] == ' ') len--;
    }
    if (!plausible_name(s, len, strict)) return true;
    char *name;
    if (!meta_clean(s, len, &name)) return false;
    if (!name) return true;
    for (size_t i = 0; i < names->len; i++)
        if (meta_ieq(names->items[i], name)) {
            free(name);
            return true;
        }
    if (vec_push(names, name)) return true;
    free(name);
    return false;
}

bool meta_author_split(const char *raw, bool strict, meta_list *names)
{
    if (meta_icontains(raw, "://") || meta_istarts(raw, "www.")) return true;
    size_t len = strlen(raw);
    for (size_t i = 1; i < len; i++)
        if (match_any(raw + i, terminators, sizeof terminators / sizeof *terminators)) {
            len = i;
            break;
        }
    /* no splitting inside brackets: "A (Text und Fotos)" is one name with a remark */
    size_t start = 0, i = 0, depth = 0;
    while (i < len) {
        size_t n = 0;
        bool split = false;
        if (raw[i] == '(') depth++;
        else if (raw[i] == ')' && depth) depth--;
        /* a number starting a word (a date, a time) ends a name */
        if (is_digit(raw[i]) && (i == 0 || !(ascii_alpha((unsigned char)raw[i - 1]) || is_digit(raw[i - 1]) ||
                                             (unsigned char)raw[i - 1] >= 0x80))) {
            n = 1;
            while (i + n < len && !strchr(" ,;|", raw[i + n])) n++;
            split = true;
        } else if (!depth && (n = match_any(raw + i, separators, sizeof separators / sizeof *separators))) {
            split = true;
        }
        if (!split) {
            i++;
            continue;
        }
        if (!add_name(raw + start, i - start, strict, names)) return false;
        i += n;
        start = i;
    }
    return add_name(raw + start, len - start, strict, names);
}

/* extract_words.c — the word lists of the extractor: function words of common web languages
 * (prose has many, menus and link lists few) and the phrases of page furniture ("Share on",
 * "Read more", "All rights reserved" …) in English, German, French and Spanish. */
#include <string.h>

#include "html/extract.h"
#include "text/text.h"

/* Function words, lowercase, in strcmp order (a few languages mixed: the test is only whether a
 * block reads like sentences). */
static const char *const function_words[] = {
    "a",      "aber",   "about",  "after",  "al",     "all",    "als",    "also",   "am",     "an",
    "and",    "are",    "as",     "at",     "auch",   "auf",    "aus",    "be",     "been",   "bei",
    "but",    "by",     "can",    "com",    "como",   "con",    "dans",   "das",    "dass",   "de",
    "del",    "dem",    "den",    "der",    "des",    "die",    "do",     "du",     "durch",  "e",
    "ein",    "eine",   "einem",  "einen",  "einer",  "el",     "en",     "er",     "es",     "est",
    "et",     "for",    "from",   "f\xc3\xbc" "r",   "had",    "has",    "have",   "he",     "her",    "his",    "i",
    "ich",    "if",     "il",     "im",     "in",     "is",     "ist",    "it",     "its",    "ja",
    "jest",   "kann",   "la",     "las",    "le",     "les",    "los",    "mit",    "nach",   "nicht",
    "no",     "noch",   "not",    "nur",    "o",      "oder",   "of",     "on",     "one",    "or",
    "os",     "par",    "para",   "pas",    "por",    "pour",   "que",    "qui",    "se",     "she",
    "sich",   "sie",    "sind",   "so",     "sont",   "su",     "sur",    "that",   "the",    "their",
    "there",  "they",   "this",   "to",     "um",     "un",     "una",    "und",    "une",    "uns",
    "von",    "vor",    "w",      "war",    "was",    "we",     "were",   "when",   "which",  "who",
    "wie",    "will",    "wir",    "wird",   "with",   "would",  "y",      "you",    "z",      "zu",
    "zum",    "zur",    "\xc3\xbc" "ber",
};

bool function_word(const char *w, size_t len)
{
    return wordlist_find(function_words, sizeof function_words / sizeof *function_words, w, len);
}

typedef struct phrase {
    const char *text; /* lowercase */
    size_t len;
    bool whole; /* the block must be just this (trailing punctuation aside) */
} phrase;

/* A lowercase word or phrase and its length. */
typedef struct word {
    const char *text;
    size_t len;
} word;

#define W(s) {s, sizeof(s) - 1}

/* Phrases that open (or, when `whole`, make up) blocks of page furniture: copyright lines,
 * sharing and sign-up prompts, links to more articles, photo credits, dates of publication. */
static const phrase furniture[] = {
    {"\xc2\xa9", sizeof("\xc2\xa9") - 1, false},
    {"alle rechte vorbehalten", sizeof("alle rechte vorbehalten") - 1, false},
    {"all rights reserved", sizeof("all rights reserved") - 1, false},
    {"article continues below", sizeof("article continues below") - 1, false},
    {"auch interessant", sizeof("auch interessant") - 1, false},
    {"back to top", sizeof("back to top") - 1, false},
    {"bild:", sizeof("bild:") - 1, false},
    {"bildquelle", sizeof("bildquelle") - 1, false},
    {"copyright", sizeof("copyright") - 1, false},
    {"credit:", sizeof("credit:") - 1, false},
    {"credits:", sizeof("credits:") - 1, false},
    {"cr\xc3\xa9" "dits", sizeof("cr\xc3\xa9" "dits") - 1, false},
    {"das k\xc3\xb6nnte dich auch interessieren", sizeof("das k\xc3\xb6nnte dich auch interessieren") - 1, false},
    {"das k\xc3\xb6nnte sie auch interessieren", sizeof("das k\xc3\xb6nnte sie auch interessieren") - 1, false},
    {"diese website verwendet cookies", sizeof("diese website verwendet cookies") - 1, false},
    {"filed under", sizeof("filed under") - 1, false},
    {"folgen sie uns", sizeof("folgen sie uns") - 1, false},
    {"follow us", sizeof("follow us") - 1, false},
    {"foto:", sizeof("foto:") - 1, false},
    {"fotos:", sizeof("fotos:") - 1, false},
    {"abbildung:", sizeof("abbildung:") - 1, false},
    {"titelbild", sizeof("titelbild") - 1, false},
    {"photo:", sizeof("photo:") - 1, false},
    {"image:", sizeof("image:") - 1, false},
    {"quelle:", sizeof("quelle:") - 1, false},
    {"source:", sizeof("source:") - 1, false},
    {"kommentar schreiben", sizeof("kommentar schreiben") - 1, false},
    {"lesen sie auch", sizeof("lesen sie auch") - 1, false},
    {"lesen sie mehr", sizeof("lesen sie mehr") - 1, false},
    {"leave a comment", sizeof("leave a comment") - 1, false},
    {"leave a reply", sizeof("leave a reply") - 1, false},
    {"mehr zum thema", sizeof("mehr zum thema") - 1, false},
    {"more from", sizeof("more from") - 1, false},
    {"most popular", sizeof("most popular") - 1, false},
    {"most read", sizeof("most read") - 1, false},
    {"posted in", sizeof("posted in") - 1, false},
    {"posted on", sizeof("posted on") - 1, false},
    {"privacy policy", sizeof("privacy policy") - 1, false},
    {"related", sizeof("related") - 1, false},
    {"schlagw\xc3\xb6rter", sizeof("schlagw\xc3\xb6rter") - 1, false},
    {"schreibe einen kommentar", sizeof("schreibe einen kommentar") - 1, false},
    {"share on", sizeof("share on") - 1, false},
    {"share this", sizeof("share this") - 1, false},
    {"sign up", sizeof("sign up") - 1, false},
    {"subscribe", sizeof("subscribe") - 1, false},
    {"tags:", sizeof("tags:") - 1, false},
    {"terms of use", sizeof("terms of use") - 1, false},
    {"tous droits r\xc3\xa9serv\xc3\xa9s", sizeof("tous droits r\xc3\xa9serv\xc3\xa9s") - 1, false},
    {"wir verwenden cookies", sizeof("wir verwenden cookies") - 1, false},
    {"you may also like", sizeof("you may also like") - 1, false},
    {"you might also like", sizeof("you might also like") - 1, false},
    {"zum artikel", sizeof("zum artikel") - 1, false},
    {"\xc3\xa4hnliche beitr\xc3\xa4ge", sizeof("\xc3\xa4hnliche beitr\xc3\xa4ge") - 1, false},
    {"\xc3\xa4hnliche artikel", sizeof("\xc3\xa4hnliche artikel") - 1, false},
    {"weitere artikel", sizeof("weitere artikel") - 1, false},
    {"mehr artikel", sizeof("mehr artikel") - 1, false},
    {"alle artikel", sizeof("alle artikel") - 1, false},
    {"weitere themen", sizeof("weitere themen") - 1, false},
    {"weitere aktuelle", sizeof("weitere aktuelle") - 1, false},
    {"mehr zu ", sizeof("mehr zu ") - 1, false},
    {"\xc3\xbc" "ber den autor", sizeof("\xc3\xbc" "ber den autor") - 1, false},
    {"\xc3\xbc" "ber die autorin", sizeof("\xc3\xbc" "ber die autorin") - 1, false},
    {"about the author", sizeof("about the author") - 1, false},
    {"unsere partner", sizeof("unsere partner") - 1, false},
    {"lea tambi\xc3\xa9n", sizeof("lea tambi\xc3\xa9n") - 1, false},
    {"le\xc3\xa9 tambi\xc3\xa9n", sizeof("le\xc3\xa9 tambi\xc3\xa9n") - 1, false},
    {"lire aussi", sizeof("lire aussi") - 1, false},
    {"\xc3\xa0 lire aussi", sizeof("\xc3\xa0 lire aussi") - 1, false},
    {"voir aussi", sizeof("voir aussi") - 1, false},
    {"read also", sizeof("read also") - 1, false},
    {"see also", sizeof("see also") - 1, false},
    {"passend dazu", sizeof("passend dazu") - 1, false},
    {"aktualisiert", sizeof("aktualisiert") - 1, false},
    {"updated", sizeof("updated") - 1, false},
    {"ver\xc3\xb6" "ffentlicht", sizeof("ver\xc3\xb6" "ffentlicht") - 1, false},
    {"published", sizeof("published") - 1, false},
    {"erstellt am", sizeof("erstellt am") - 1, false},
    {"zuletzt ge\xc3\xa4ndert", sizeof("zuletzt ge\xc3\xa4ndert") - 1, false},
    {"last updated", sizeof("last updated") - 1, false},
    {"stand:", sizeof("stand:") - 1, false},
    {"weitere informationen zum thema", sizeof("weitere informationen zum thema") - 1, false},
    {"das k\xc3\xb6nnte ihnen auch gefallen", sizeof("das k\xc3\xb6nnte ihnen auch gefallen") - 1, false},
    {"empfohlene artikel", sizeof("empfohlene artikel") - 1, false},
    {"recommended for you", sizeof("recommended for you") - 1, false},
    {"top stories", sizeof("top stories") - 1, false},
    {"meistgelesen", sizeof("meistgelesen") - 1, false},
    {"meist gelesen", sizeof("meist gelesen") - 1, false},
    {"am meisten gelesen", sizeof("am meisten gelesen") - 1, false},
    {"neueste beitr\xc3\xa4ge", sizeof("neueste beitr\xc3\xa4ge") - 1, false},
    {"letzte kommentare", sizeof("letzte kommentare") - 1, false},
    {"recent posts", sizeof("recent posts") - 1, false},
    {"recent comments", sizeof("recent comments") - 1, false},
    {"beliebte beitr\xc3\xa4ge", sizeof("beliebte beitr\xc3\xa4ge") - 1, false},
    {"popular posts", sizeof("popular posts") - 1, false},
    {"explore further", sizeof("explore further") - 1, false},
    {"zum weiterlesen", sizeof("zum weiterlesen") - 1, false},
    {"mehr themen", sizeof("mehr themen") - 1, false},
    {"weitere themen", sizeof("weitere themen") - 1, false},
    {"inhaltsverzeichnis", sizeof("inhaltsverzeichnis") - 1, false},
    {"table of contents", sizeof("table of contents") - 1, false},
    {"tagged:", sizeof("tagged:") - 1, false},
    {"alle angaben ohne gew\xc3\xa4hr", sizeof("alle angaben ohne gew\xc3\xa4hr") - 1, false},
    {"externer inhalt", sizeof("externer inhalt") - 1, false},
    {"pour lire la suite", sizeof("pour lire la suite") - 1, false},
    {"related articles", sizeof("related articles") - 1, false},
    {"weitere informationen", sizeof("weitere informationen") - 1, true},
    {"themen:", sizeof("themen:") - 1, false},
    {"topics:", sizeof("topics:") - 1, false},
    {"stichw\xc3\xb6rter", sizeof("stichw\xc3\xb6rter") - 1, false},
    {"stichworte:", sizeof("stichworte:") - 1, false},
    {"schlagworte:", sizeof("schlagworte:") - 1, false},
    {"kategorien:", sizeof("kategorien:") - 1, false},
    {"kategorie:", sizeof("kategorie:") - 1, false},
    {"last modified", sizeof("last modified") - 1, false},
    {"anzeige -", sizeof("anzeige -") - 1, false},
    {"anzeige:", sizeof("anzeige:") - 1, false},
    {"advertisement", sizeof("advertisement") - 1, true},
    {"anmelden", sizeof("anmelden") - 1, true},
    {"antworten", sizeof("antworten") - 1, true},
    {"anzeige", sizeof("anzeige") - 1, true},
    {"comments", sizeof("comments") - 1, true},
    {"datenschutz", sizeof("datenschutz") - 1, true},
    {"drucken", sizeof("drucken") - 1, true},
    {"e-mail", sizeof("e-mail") - 1, true},
    {"email", sizeof("email") - 1, true},
    {"facebook", sizeof("facebook") - 1, true},
    {"impressum", sizeof("impressum") - 1, true},
    {"kommentare", sizeof("kommentare") - 1, true},
    {"log in", sizeof("log in") - 1, true},
    {"login", sizeof("login") - 1, true},
    {"nach oben", sizeof("nach oben") - 1, true},
    {"newsletter", sizeof("newsletter") - 1, true},
    {"print", sizeof("print") - 1, true},
    {"read more", sizeof("read more") - 1, true},
    {"recommended", sizeof("recommended") - 1, true},
    {"reply", sizeof("reply") - 1, true},
    {"share", sizeof("share") - 1, true},
    {"teilen", sizeof("teilen") - 1, true},
    {"tweet", sizeof("tweet") - 1, true},
    {"twitter", sizeof("twitter") - 1, true},
    {"weiterlesen", sizeof("weiterlesen") - 1, true},
    {"werbung", sizeof("werbung") - 1, true},
    {"whatsapp", sizeof("whatsapp") - 1, true},
    {"zur\xc3\xbc" "ck", sizeof("zur\xc3\xbc" "ck") - 1, true},
    {"instagram", sizeof("instagram") - 1, true},
    {"pinterest", sizeof("pinterest") - 1, true},
    {"linkedin", sizeof("linkedin") - 1, true},
    {"xing", sizeof("xing") - 1, true},
    {"kontakt", sizeof("kontakt") - 1, true},
    {"contact", sizeof("contact") - 1, true},
    {"home", sizeof("home") - 1, true},
    {"startseite", sizeof("startseite") - 1, true},
    {"men\xc3\xbc", sizeof("men\xc3\xbc") - 1, true},
    {"menu", sizeof("menu") - 1, true},
    {"suche", sizeof("suche") - 1, true},
    {"search", sizeof("search") - 1, true},
    {"mehr", sizeof("mehr") - 1, true},
    {"more", sizeof("more") - 1, true},
    {"weiter", sizeof("weiter") - 1, true},
    {"next", sizeof("next") - 1, true},
    {"previous", sizeof("previous") - 1, true},
    {"zur\xc3\xbc" "ck zur \xc3\xbc" "bersicht", sizeof("zur\xc3\xbc" "ck zur \xc3\xbc" "bersicht") - 1, true},
    {"sponsored", sizeof("sponsored") - 1, true},
    {"gesponsert", sizeof("gesponsert") - 1, true},
    {"kommentieren", sizeof("kommentieren") - 1, true},
    {"jetzt kommentieren", sizeof("jetzt kommentieren") - 1, true},
};

/* Compares the start of text with a lowercase phrase, case-insensitively for ASCII letters and
 * the Latin-1 capitals (\xc3\x80..\xc3\x9e: Ä, Ö, Ü, É …). */
static bool starts_with_ci(const char *s, size_t len, const char *p, size_t plen)
{
    if (plen > len) return false;
    for (size_t i = 0; i < plen; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        else if (i > 0 && (unsigned char)s[i - 1] == 0xc3 && c >= 0x80 && c <= 0x9e && c != 0x97)
            c = (unsigned char)(c + 0x20);
        if (c != (unsigned char)p[i]) return false;
    }
    return true;
}

/* Phrases that introduce teasers of other articles wherever they stand in a short block ("Das
 * Thema könnte dich auch interessieren:", "LE PUEDE INTERESAR:"). */
static const word teaser_intros[] = {
    W("auch interessieren"), W("ihnen auch gefallen"), W("dir auch gefallen"), W("might also like"), W("may also like"),
    W("might also enjoy"), W("vous aimerez aussi"), W("pourrait vous int\xc3\xa9resser"), W("puede interesar"),
    W("tambi\xc3\xa9n te puede"),
};

/* Whether one of the n words starts at a word start of s (case-insensitively). */
static bool contains_any(const char *s, size_t len, const word *words, size_t n);

bool furniture_phrase(const char *s, size_t len)
{
    /* "(Alle Angaben ohne Gewähr)", "* Anzeige", "[Werbung]": brackets and marks before the phrase */
    while (len > 0 && (*s == '(' || *s == '[' || *s == '*' || *s == ' ')) {
        s++;
        len--;
    }
    for (size_t i = 0; i < sizeof furniture / sizeof *furniture; i++) {
        const phrase *p = &furniture[i];
        size_t pl = p->len;
        if (!starts_with_ci(s, len, p->text, pl)) continue;
        if (!p->whole) return true;
        size_t rest = pl;
        while (rest < len && strchr(" :.!?()0123456789|\xc2\xbb", s[rest])) rest++;
        if (rest == len) return true;
    }
    if (contains_any(s, len, teaser_intros, sizeof teaser_intros / sizeof *teaser_intros)) return true;
    /* a copyright line anywhere in a short block */
    for (size_t i = 0; i + 1 < len; i++)
        if ((unsigned char)s[i] == 0xc2 && (unsigned char)s[i + 1] == 0xa9) return true;
    return false;
}

/* Words that mark a call to action: newsletter sign-ups, appeals for support, app and social-media
 * plugs (lowercase, matched anywhere in the block). */
static const word appeals[] = {
    W("newsletter"), W("abonnier"), W("subscribe"), W("sign up"), W("signing up"), W("unterst\xc3\xbctzen sie"), W("support us"),
    W("support our"), W("jetzt spenden"), W("spenden sie"), W("ihre spende"), W("deine spende"), W("please donate"), W("donate now"),
    W("donate today"), W("make a donation"), W("folgen sie uns"), W("folge uns"), W("follow us"), W("follow me"), W("keep up with"),
    W("download our"), W("download the app"), W("app store"), W("google play"), W("patreon"), W("paypal"), W("become a member"),
    W("mitglied werden"), W("werde mitglied"), W("jetzt abo"), W("abo abschlie"), W("registrieren sie"), W("suscr\xc3\xad" "bete"),
    W("abonnez"), W("inscrivez"), W("gef\xc3\xa4llt dir"), W("gef\xc3\xa4llt ihnen"), W("hat dir der artikel"), W("hat ihnen der artikel"),
    W("if you enjoyed"), W("if you liked"), W("we want to hear"), W("let us know what you think"),
    /* app and social-media plugs, and licence notes, that close an article */
    W("for ios and android"), W("on ios and android"), W("f\xc3\xbcr ios und android"), W("send us a message"),
    W("on twitter and instagram"), W("on twitter and facebook"), W("on facebook and twitter"), W("never miss"),
    W("\xc2\xa9 "), W("copyrighted"), W("all rights reserved"), W("alle rechte vorbehalten"), W("written permission"),
    W("without permission"), W("ohne genehmigung"), W("tous droits r\xc3\xa9serv\xc3\xa9s"), W("todos los derechos reservados"),
    W("cc-by"), W("cc by-"), W("unter der lizenz"), W("under a creative commons"), W("we rely on your support"), W("rely on readers"), W("hazte miembro"), W("\xc3\xbanete"),
};

/* Whether one of the n words starts at a word start of s (case-insensitively). */
static bool contains_any(const char *s, size_t len, const word *words, size_t n)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char prev = i ? (unsigned char)s[i - 1] : ' ';
        if ((prev | 0x20) >= 'a' && (prev | 0x20) <= 'z') continue;
        if ((prev >= '0' && prev <= '9') || prev >= 0x80) continue;
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        for (size_t k = 0; k < n; k++)
            if ((unsigned char)words[k].text[0] == c && starts_with_ci(s + i, len - i, words[k].text, words[k].len))
                return true;
    }
    return false;
}

bool appeal_phrase(const char *s, size_t len)
{
    return contains_any(s, len, appeals, sizeof appeals / sizeof *appeals);
}

/* Words of an author's biography. */
static const word bio_words[] = {
    W("journalist"), W("writer"), W("author"), W("editor"), W("reporter"), W("correspondent"), W("columnist"),
    W("founder"), W("contributor"), W("freelance"), W("autor"), W("redakteur"), W("korrespondent"), W("chefredakt"),
    W("gr\xc3\xbcnder"), W("journaliste"), W("r\xc3\xa9" "dact"), W("periodista"), W("redactor"), W("escritor"), W("head of"), W("leiter"),
    W("writes about"), W("schreibt \xc3\xbc" "ber"), W("studied"), W("studierte"),
};

/* A capitalised word (an ASCII capital or a two-byte Latin capital, then letters) at s[i]; returns
 * its end, or i when there is none. */
static size_t capitalised_word(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    bool cap = (c >= 'A' && c <= 'Z') || (c == 0xc3 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
                                          (unsigned char)s[i + 1] <= 0x9e);
    if (!cap) return i;
    size_t k = i + 1;
    while (k < len && ((((unsigned char)s[k] | 0x20) >= 'a' && ((unsigned char)s[k] | 0x20) <= 'z') ||
                       (unsigned char)s[k] >= 0x80 || s[k] == '-' || s[k] == '.'))
        k++;
    return k;
}

bool bio_line(const char *s, size_t len)
{
    /* two or three capitalised words (a name), then "is", "ist", "was", "war", "est", "es" */
    size_t i = 0, names = 0;
    for (;;) {
        size_t k = capitalised_word(s, len, i);
        if (k == i || k >= len || s[k] != ' ') break;
        names++;
        i = k + 1;
        if (names == 3) break;
    }
    if (names < 2) return false;
    static const char *const verbs[] = {"is ", "ist ", "was ", "war ", "est ", "es "};
    bool verb = false;
    for (size_t v = 0; v < sizeof verbs / sizeof *verbs && !verb; v++)
        verb = starts_with_ci(s + i, len - i, verbs[v], strlen(verbs[v]));
    return verb && contains_any(s, len, bio_words, sizeof bio_words / sizeof *bio_words);
}

/* Month names and abbreviations (English, German, French, Spanish), lowercase. */
static const word months[] = {
    W("jan"), W("feb"), W("mar"), W("m\xc3\xa4r"), W("apr"), W("may"), W("mai"), W("jun"), W("jul"), W("aug"), W("sep"), W("oct"), W("okt"), W("nov"), W("dec"),
    W("dez"), W("janv"), W("f\xc3\xa9v"), W("avr"), W("juin"), W("juil"), W("ao\xc3\xbb"), W("sept"), W("d\xc3\xa9" "c"), W("ene"), W("abr"), W("ago"),
    W("dic"), W("enero"), W("febrero"), W("marzo"), W("abril"), W("mayo"), W("junio"), W("julio"), W("agosto"), W("septiembre"), W("octubre"),
    W("noviembre"), W("diciembre"),
};

static bool month_word(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof months / sizeof *months; i++) {
        if (n >= months[i].len && starts_with_ci(w, n, months[i].text, months[i].len)) return true;
    }
    return false;
}

bool date_line(const char *s, size_t len)
{
    if (len > 60) return false;
    size_t numbers = 0, month = 0, words = 0, digits = 0;
    bool numeric_date = false;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c >= '0' && c <= '9') {
            size_t k = i;
            while (k < len && s[k] >= '0' && s[k] <= '9') k++;
            digits += k - i;
            numbers++;
            /* 12.03.2020, 12/03/2020, 2020-03-12 */
            if (k + 1 < len && (s[k] == '.' || s[k] == '/' || s[k] == '-') && s[k + 1] >= '0' && s[k + 1] <= '9') {
                size_t m = k + 1;
                while (m < len && s[m] >= '0' && s[m] <= '9') m++;
                if (m + 1 < len && s[m] == s[k] && s[m + 1] >= '0' && s[m + 1] <= '9') numeric_date = true;
            }
            i = k;
            continue;
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xc3) {
            size_t k = i;
            while (k < len && ((((unsigned char)s[k] | 0x20) >= 'a' && ((unsigned char)s[k] | 0x20) <= 'z') ||
                               (unsigned char)s[k] >= 0x80))
                k++;
            if (month_word(s + i, k - i)) month++;
            else words++;
            i = k > i ? k : i + 1;
            continue;
        }
        i++;
    }
    return digits >= 4 && (numeric_date || (month && numbers >= 1)) && words <= 4;
}

/* Marks of a photo credit inside a short block: such a block is an image caption. */
static const word credits[] = {
    W("foto:"), W("fotos:"), W("(foto"), W("foto \xc2\xa9"), W("photo:"), W("(photo"), W("photo credit"), W("bild:"), W("(bild"), W("bildquelle"),
    W("image:"), W("image credit"), W("credit:"), W("getty images"), W("shutterstock"), W("istock"), W("imago images"), W("picture alliance"),
    W("picture-alliance"), W("dpa-bildfunk"), W("(c) "), W("\xc2\xa9 "),
};

/* Words that label a figure when a block opens with one of them, a number or not, and a colon
 * ("Abbildung 4:", "Fig. 2:", "Beitragsbild:"). */
static const word figure_labels[] = {
    W("abbildung"), W("abb."), W("figure"), W("fig."), W("figura"), W("beitragsbild"), W("titelbild"), W("vorschaubild"),
    W("grafik"), W("graphic"), W("illustration"),
};

/* Whether the block opens with a figure label and a colon. */
static bool figure_label(const char *s, size_t len)
{
    for (size_t k = 0; k < sizeof figure_labels / sizeof *figure_labels; k++) {
        size_t n = figure_labels[k].len;
        if (!starts_with_ci(s, len, figure_labels[k].text, n)) continue;
        if (n < len && figure_labels[k].text[n - 1] != '.' && ((unsigned char)s[n] | 0x20) >= 'a' && ((unsigned char)s[n] | 0x20) <= 'z')
            continue; /* a longer word ("Figures", "Grafiken") */
        while (n < len && (s[n] == ' ' || (s[n] >= '0' && s[n] <= '9') || s[n] == '.')) n++;
        return n < len && s[n] == ':';
    }
    return false;
}

bool credit_phrase(const char *s, size_t len)
{
    return figure_label(s, len) || contains_any(s, len, credits, sizeof credits / sizeof *credits);
}

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
    bool whole;       /* the block must be just this (trailing punctuation aside) */
} phrase;

/* Phrases that open (or, when `whole`, make up) blocks of page furniture: copyright lines,
 * sharing and sign-up prompts, links to more articles, photo credits, dates of publication. */
static const phrase furniture[] = {
    {"\xc2\xa9", false},
    {"alle rechte vorbehalten", false},
    {"all rights reserved", false},
    {"article continues below", false},
    {"auch interessant", false},
    {"back to top", false},
    {"bild:", false},
    {"bildquelle", false},
    {"copyright", false},
    {"credit:", false},
    {"credits:", false},
    {"cr\xc3\xa9" "dits", false},
    {"das k\xc3\xb6nnte dich auch interessieren", false},
    {"das k\xc3\xb6nnte sie auch interessieren", false},
    {"diese website verwendet cookies", false},
    {"filed under", false},
    {"folgen sie uns", false},
    {"follow us", false},
    {"foto:", false},
    {"fotos:", false},
    {"abbildung:", false},
    {"titelbild", false},
    {"photo:", false},
    {"image:", false},
    {"quelle:", false},
    {"source:", false},
    {"kommentar schreiben", false},
    {"lesen sie auch", false},
    {"lesen sie mehr", false},
    {"leave a comment", false},
    {"leave a reply", false},
    {"mehr zum thema", false},
    {"more from", false},
    {"most popular", false},
    {"most read", false},
    {"posted in", false},
    {"posted on", false},
    {"privacy policy", false},
    {"related", false},
    {"schlagw\xc3\xb6rter", false},
    {"schreibe einen kommentar", false},
    {"share on", false},
    {"share this", false},
    {"sign up", false},
    {"subscribe", false},
    {"tags:", false},
    {"terms of use", false},
    {"tous droits r\xc3\xa9serv\xc3\xa9s", false},
    {"wir verwenden cookies", false},
    {"you may also like", false},
    {"you might also like", false},
    {"zum artikel", false},
    {"\xc3\xa4hnliche beitr\xc3\xa4ge", false},
    {"\xc3\xa4hnliche artikel", false},
    {"weitere artikel", false},
    {"mehr artikel", false},
    {"lea tambi\xc3\xa9n", false},
    {"le\xc3\xa9 tambi\xc3\xa9n", false},
    {"lire aussi", false},
    {"\xc3\xa0 lire aussi", false},
    {"voir aussi", false},
    {"read also", false},
    {"see also", false},
    {"passend dazu", false},
    {"aktualisiert", false},
    {"updated", false},
    {"ver\xc3\xb6" "ffentlicht", false},
    {"published", false},
    {"erstellt am", false},
    {"zuletzt ge\xc3\xa4ndert", false},
    {"last updated", false},
    {"stand:", false},
    {"weitere informationen zum thema", false},
    {"das k\xc3\xb6nnte ihnen auch gefallen", false},
    {"empfohlene artikel", false},
    {"recommended for you", false},
    {"top stories", false},
    {"meistgelesen", false},
    {"meist gelesen", false},
    {"am meisten gelesen", false},
    {"neueste beitr\xc3\xa4ge", false},
    {"letzte kommentare", false},
    {"recent posts", false},
    {"recent comments", false},
    {"beliebte beitr\xc3\xa4ge", false},
    {"popular posts", false},
    {"explore further", false},
    {"zum weiterlesen", false},
    {"mehr themen", false},
    {"weitere themen", false},
    {"inhaltsverzeichnis", false},
    {"table of contents", false},
    {"tagged:", false},
    {"alle angaben ohne gew\xc3\xa4hr", false},
    {"externer inhalt", false},
    {"pour lire la suite", false},
    {"related articles", false},
    {"weitere informationen", true},
    {"advertisement", true},
    {"anmelden", true},
    {"antworten", true},
    {"anzeige", true},
    {"comments", true},
    {"datenschutz", true},
    {"drucken", true},
    {"e-mail", true},
    {"email", true},
    {"facebook", true},
    {"impressum", true},
    {"kommentare", true},
    {"log in", true},
    {"login", true},
    {"nach oben", true},
    {"newsletter", true},
    {"print", true},
    {"read more", true},
    {"recommended", true},
    {"reply", true},
    {"share", true},
    {"teilen", true},
    {"tweet", true},
    {"twitter", true},
    {"weiterlesen", true},
    {"werbung", true},
    {"whatsapp", true},
    {"zur\xc3\xbc" "ck", true},
    {"instagram", true},
    {"pinterest", true},
    {"linkedin", true},
    {"xing", true},
    {"kontakt", true},
    {"contact", true},
    {"home", true},
    {"startseite", true},
    {"men\xc3\xbc", true},
    {"menu", true},
    {"suche", true},
    {"search", true},
    {"mehr", true},
    {"more", true},
    {"weiter", true},
    {"next", true},
    {"previous", true},
    {"zur\xc3\xbc" "ck zur \xc3\xbc" "bersicht", true},
    {"sponsored", true},
    {"gesponsert", true},
    {"kommentieren", true},
    {"jetzt kommentieren", true},
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

bool furniture_phrase(const char *s, size_t len)
{
    for (size_t i = 0; i < sizeof furniture / sizeof *furniture; i++) {
        const phrase *p = &furniture[i];
        size_t pl = strlen(p->text);
        if (!starts_with_ci(s, len, p->text, pl)) continue;
        if (!p->whole) return true;
        size_t rest = pl;
        while (rest < len && strchr(" :.!?()0123456789|\xc2\xbb", s[rest])) rest++;
        if (rest == len) return true;
    }
    /* a copyright line anywhere in a short block */
    for (size_t i = 0; i + 1 < len; i++)
        if ((unsigned char)s[i] == 0xc2 && (unsigned char)s[i + 1] == 0xa9) return true;
    return false;
}

/* Words that mark a call to action: newsletter sign-ups, appeals for support, app and social-media
 * plugs (lowercase, matched anywhere in the block). */
static const char *const appeals[] = {
    "newsletter", "abonnier", "subscribe", "sign up", "signing up", "unterst\xc3\xbctzen sie", "support us",
    "support our", "jetzt spenden", "spenden sie", "ihre spende", "deine spende", "please donate", "donate now",
    "donate today", "make a donation", "folgen sie uns", "folge uns", "follow us", "follow me", "keep up with",
    "download our", "download the app", "app store", "google play", "patreon", "paypal", "become a member",
    "mitglied werden", "werde mitglied", "jetzt abo", "abo abschlie", "registrieren sie", "suscr\xc3\xad" "bete",
    "abonnez", "inscrivez", "gef\xc3\xa4llt dir", "gef\xc3\xa4llt ihnen", "hat dir der artikel", "hat ihnen der artikel",
    "if you enjoyed", "if you liked", "we want to hear", "let us know what you think",
};

/* Finds a lowercase needle in s, ASCII letters of s compared case-insensitively. */
static bool contains_ci(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (starts_with_ci(s + i, len - i, needle, n)) return true;
    return false;
}

bool appeal_phrase(const char *s, size_t len)
{
    for (size_t i = 0; i < sizeof appeals / sizeof *appeals; i++)
        if (contains_ci(s, len, appeals[i])) return true;
    return false;
}

/* Month names and abbreviations (English, German, French, Spanish), lowercase. */
static const char *const months[] = {
    "jan", "feb", "mar", "m\xc3\xa4r", "apr", "may", "mai", "jun", "jul", "aug", "sep", "oct", "okt", "nov", "dec",
    "dez", "janv", "f\xc3\xa9v", "avr", "juin", "juil", "ao\xc3\xbb", "sept", "d\xc3\xa9" "c", "ene", "abr", "ago",
    "dic", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
    "noviembre", "diciembre",
};

static bool month_word(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof months / sizeof *months; i++) {
        size_t ml = strlen(months[i]);
        if (n >= ml && starts_with_ci(w, n, months[i], ml)) return true;
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
static const char *const credits[] = {
    "foto:", "fotos:", "(foto", "foto \xc2\xa9", "photo:", "(photo", "photo credit", "bild:", "(bild", "bildquelle",
    "image:", "image credit", "credit:", "getty images", "shutterstock", "istock", "imago images", "picture alliance",
    "picture-alliance", "dpa-bildfunk", "(c) ", "\xc2\xa9 ",
};

bool credit_phrase(const char *s, size_t len)
{
    for (size_t i = 0; i < sizeof credits / sizeof *credits; i++)
        if (contains_ci(s, len, credits[i])) return true;
    return false;
}

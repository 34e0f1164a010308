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

/* Phrases that open (or make up) blocks of page furniture. */
static const phrase furniture[] = {
    {"\xc2\xa9", false},
    {"advertisement", true},
    {"alle rechte vorbehalten", false},
    {"all rights reserved", false},
    {"anmelden", true},
    {"antworten", true},
    {"anzeige", true},
    {"article continues below", false},
    {"auch interessant", false},
    {"back to top", false},
    {"bild:", false},
    {"comments", true},
    {"copyright", false},
    {"das k\xc3\xb6nnte sie auch interessieren", false},
    {"datenschutz", true},
    {"diese website verwendet cookies", false},
    {"drucken", true},
    {"e-mail", true},
    {"email", true},
    {"facebook", true},
    {"filed under", false},
    {"folgen sie uns", false},
    {"follow us", false},
    {"foto:", false},
    {"fotos:", false},
    {"impressum", true},
    {"kommentar schreiben", false},
    {"kommentare", true},
    {"lesen sie auch", false},
    {"leave a comment", false},
    {"leave a reply", false},
    {"log in", true},
    {"login", true},
    {"mehr zum thema", false},
    {"more from", false},
    {"most popular", false},
    {"most read", false},
    {"nach oben", true},
    {"newsletter", true},
    {"photo:", false},
    {"posted in", false},
    {"print", true},
    {"privacy policy", false},
    {"read more", true},
    {"recommended", true},
    {"related", false},
    {"reply", true},
    {"schlagw\xc3\xb6rter", false},
    {"schreibe einen kommentar", false},
    {"share", true},
    {"share on", false},
    {"share this", false},
    {"sign up", false},
    {"subscribe", false},
    {"tags:", false},
    {"teilen", true},
    {"terms of use", false},
    {"tous droits r\xc3\xa9serv\xc3\xa9s", false},
    {"tweet", true},
    {"twitter", true},
    {"weiterlesen", true},
    {"werbung", true},
    {"whatsapp", true},
    {"wir verwenden cookies", false},
    {"you may also like", false},
    {"you might also like", false},
    {"zum artikel", false},
    {"zur\xc3\xbc" "ck", true},
};

/* Compares the start of text with a lowercase phrase, ASCII letters case-insensitively. */
static bool starts_with_ci(const char *s, size_t len, const char *p, size_t plen)
{
    if (plen > len) return false;
    for (size_t i = 0; i < plen; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c != p[i]) return false;
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

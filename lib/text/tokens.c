/* tokens.c — splits text into word, number and punctuation tokens (byte ranges, no copies). ASCII is
 * classified inline (letters, digits and spaces without a call); other code points by their
 * Unicode general category (utf8proc). */
#include <utf8proc.h>

#include "text/text.h"

typedef enum cclass {
    C_SPACE,  /* white space, control and most format characters: separate tokens */
    C_LETTER, /* letters and combining marks */
    C_DIGIT,  /* decimal digits */
    C_APOS,   /* ' and ’: inside a word between two letters */
    C_SEP,    /* , . : inside a number between two digits */
    C_JOIN,   /* soft hyphen, zero-width (non-)joiner, word joiner: invisible inside a word */
    C_PUNCT,  /* everything else */
} cclass;

/* The class of each ASCII byte as a digit (the cclass value): controls, space and DEL 0, letters 1,
 * digits 2, the apostrophe 3, , . : 4, other punctuation 6. Bytes from 0x80 on are 0 (not a digit):
 * they start code points classified by class_at. */
static const char ascii_classes[256] =
    "00000000000000000000000000000000"  /* controls */
    "06666663666646462222222222466666"  /* space ! " # $ % & ' ( ) * + , - . / 0-9 : ; < = > ? */
    "61111111111111111111111111166666"  /* @ A-Z [ \\ ] ^ _ */
    "61111111111111111111111111166660"; /* ` a-z { | } ~ DEL */

static cclass ascii_class(unsigned char c) { return (cclass)(ascii_classes[c] - '0'); }

static cclass unicode_class(uint32_t cp)
{
    switch (cp) {
    case 0x2019: return C_APOS;
    case 0x00ad: case 0x200c: case 0x200d: case 0x2060: return C_JOIN;
    default: break;
    }
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return C_LETTER;
    case UTF8PROC_CATEGORY_ND: return C_DIGIT;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
        return C_SPACE;
    default: return C_PUNCT;
    }
}

/* Class of the code point at s[pos]; *next gets the offset after it. */
static cclass class_at(const char *s, size_t len, size_t pos, size_t *next)
{
    unsigned char c = (unsigned char)s[pos];
    if (c < 0x80) {
        *next = pos + 1;
        return ascii_class(c);
    }
    *next = pos;
    return unicode_class(utf8_decode(s, len, next));
}

static bool ascii_letter(const char *s, size_t len, size_t i)
{
    return i < len && ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z');
}

/* Length of dotted initials at s[i] ("U.S.", "a.m.", "J.R.R."): two or more single letters each
 * followed by '.'; 0 when there are none. */
static size_t initials_len(const char *s, size_t len, size_t i)
{
    size_t k = i, n = 0;
    while (ascii_letter(s, len, k) && k + 1 < len && s[k + 1] == '.') {
        n++;
        k += 2;
    }
    if (n < 2 || ascii_letter(s, len, k)) return 0;
    return k - i;
}

bool token_next(const char *s, size_t len, size_t *pos, token *out)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = *pos, next;
    cclass c = C_SPACE;
    for (; i < len; i = next) {
        if (p[i] < 0x80) {
            c = ascii_class(p[i]);
            next = i + 1;
        } else {
            c = class_at(s, len, i, &next);
        }
        if (c != C_SPACE) break;
    }
    if (i >= len) {
        *pos = len;
        return false;
    }
    out->start = i;
    if (c != C_LETTER && c != C_DIGIT) {
        /* One punctuation character; an apostrophe, separator or joiner outside a word is punctuation too. */
        out->end = next;
        out->kind = TOKEN_PUNCT;
        *pos = next;
        return true;
    }
    size_t dots = next < len && p[next] == '.' ? initials_len(s, len, i) : 0;
    if (dots) {
        out->end = i + dots;
        out->kind = TOKEN_WORD;
        *pos = out->end;
        return true;
    }
    bool letters = c == C_LETTER;
    cclass prev = c;
    i = next;
    while (i < len) {
        /* Runs of ASCII letters or digits, the bulk of every word, a table look-up a byte. */
        char t = ascii_classes[p[i]];
        if (t == '0' + C_LETTER || t == '0' + C_DIGIT) {
            letters |= t == '0' + C_LETTER;
            prev = (cclass)(t - '0');
            do i++;
            while (i < len && ascii_classes[p[i]] == t);
            continue;
        }
        if (t == '0' + C_SPACE || t == '0' + C_PUNCT) break;
        cclass k = class_at(s, len, i, &next);
        if (k == C_LETTER || k == C_DIGIT) {
            letters |= k == C_LETTER;
        } else if (k == C_APOS || k == C_SEP || k == C_JOIN) {
            /* Inside only: between two letters (apostrophe, joiner) or two digits (separator). */
            if (next >= len) break;
            size_t after;
            cclass f = class_at(s, len, next, &after);
            bool inner = k == C_SEP ? (prev == C_DIGIT && f == C_DIGIT) : (prev == C_LETTER && f == C_LETTER);
            if (!inner) break;
            k = f;
            letters |= f == C_LETTER;
            next = after;
        } else {
            break;
        }
        prev = k;
        i = next;
    }
    out->end = i;
    out->kind = letters ? TOKEN_WORD : TOKEN_NUMBER;
    *pos = i;
    return true;
}

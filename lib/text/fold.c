/* fold.c — the matching form of text: NFKC, case-folded, with typographic quotes, apostrophes and
 * dashes made plain ASCII, so that "U.S.", "Ｕ.Ｓ." and "u.s." or "don’t" and "don't" compare equal. */
#include <stdlib.h>
#include <utf8proc.h>

#include "text/text.h"

/* Straightens quotes and dashes before normalisation (utf8proc calls it on each code point). */
static utf8proc_int32_t plain_punct(utf8proc_int32_t cp, void *data)
{
    (void)data;
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201a: case 0x201b: /* ‘ ’ ‚ ‛ */
    case 0x2032: case 0x02bc: case 0xff07:              /* ′ ʼ ＇ */
        return '\'';
    case 0x201c: case 0x201d: case 0x201e: case 0x201f: /* “ ” „ ‟ */
    case 0x2033: case 0x00ab: case 0x00bb: case 0xff02: /* ″ « » ＂ */
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: /* ‐ ‑ ‒ – */
    case 0x2014: case 0x2015: case 0x2212: case 0xfe58: /* — ― − ﹘ */
    case 0xfe63: case 0xff0d:                           /* ﹣ － */
        return '-';
    default:
        return cp;
    }
}

/* The ASCII stand-in plain_punct gives the code point E2 80 x (U+2010 to U+201F), or 0. */
static char plain_e280(unsigned char x)
{
    if (x >= 0x90 && x <= 0x95) return '-';  /* ‐ ‑ ‒ – — ― */
    if (x >= 0x98 && x <= 0x9b) return '\''; /* ‘ ’ ‚ ‛ */
    if (x >= 0x9c && x <= 0x9f) return '"';  /* “ ” „ ‟ */
    return 0;
}

/* Whether s[0..len) is ASCII but for quotes and dashes of E2 80 x that plain_punct makes ASCII:
 * then NFKC and case folding leave the rest as its lower case (most words that are not ASCII are
 * "don’t" and "Sony’s"). */
static bool nearly_ascii(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len; i++) {
        if (p[i] < 0x80) continue;
        if (p[i] != 0xe2 || len - i < 3 || p[i + 1] != 0x80 || !plain_e280(p[i + 2])) return false;
        i += 2;
    }
    return true;
}

bool text_fold(const char *s, size_t len, buf *out)
{
    if (nearly_ascii(s, len)) {
        /* folding is lower-casing, and the quotes and dashes made plain */
        if (!buf_reserve(out, len)) return false;
        char *d = out->data + out->len;
        size_t n = 0;
        for (size_t k = 0; k < len; k++) {
            char c = s[k];
            if ((unsigned char)c >= 0x80) {
                c = plain_e280((unsigned char)s[k + 2]);
                k += 2;
            }
            d[n++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        }
        out->len += n;
        out->data[out->len] = '\0';
        return true;
    }
    utf8proc_uint8_t *folded = NULL;
    utf8proc_ssize_t n = utf8proc_map_custom((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &folded,
                                             UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                                 UTF8PROC_CASEFOLD | UTF8PROC_IGNORE,
                                             plain_punct, NULL);
    if (n < 0) return false; /* the input is valid UTF-8, so only allocation can fail */
    bool ok = buf_append(out, (const char *)folded, (size_t)n);
    free(folded);
    return ok;
}

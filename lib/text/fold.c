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

bool text_fold(const char *s, size_t len, buf *out)
{
    size_t i = 0;
    while (i < len && (unsigned char)s[i] < 0x80) i++;
    if (i == len) {
        /* ASCII: folding is lower-casing. */
        if (!buf_reserve(out, len)) return false;
        char *d = out->data + out->len;
        for (size_t k = 0; k < len; k++) {
            char c = s[k];
            d[k] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        }
        out->len += len;
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

/* utf8.c — UTF-8 validation (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF, no NUL),
 * decoding of text that was validated, and the white space beyond ASCII. */
#include "common/bytes.h"
#include "text/text.h"

bool td_utf8_valid(const char *s, size_t len, size_t *bad_offset)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        /* Eight bytes at once while all are ASCII and none is NUL (most text). */
        for (uint64_t x; len - i >= 8 && !bytes_any_high(x = bytes_load64(p + i)) && !bytes_any_below(x, 1);)
            i += 8;
        if (i == len) break;
        unsigned char c = p[i];
        if (c >= 0x01 && c < 0x80) {
            i++;
            continue;
        }
        size_t need;
        uint32_t cp, min;
        if (c >= 0xc2 && c <= 0xdf) {
            need = 1, cp = c & 0x1f, min = 0x80;
        } else if (c >= 0xe0 && c <= 0xef) {
            need = 2, cp = c & 0x0f, min = 0x800;
        } else if (c >= 0xf0 && c <= 0xf4) {
            need = 3, cp = c & 0x07, min = 0x10000;
        } else {
            goto bad; /* NUL, stray continuation byte, or a lead byte that cannot start a valid sequence */
        }
        if (len - i <= need) goto bad;
        for (size_t k = 1; k <= need; k++) {
            if ((p[i + k] & 0xc0) != 0x80) goto bad;
            cp = (cp << 6) | (p[i + k] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) goto bad;
        i += need + 1;
    }
    return true;
bad:
    if (bad_offset) *bad_offset = i;
    return false;
}

uint32_t utf8_decode(const char *s, size_t len, size_t *pos)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = *pos;
    unsigned char c = p[i];
    if (c < 0x80 || i + 1 >= len) {
        *pos = i + 1;
        return c;
    }
    size_t need = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
    uint32_t cp = c & (0x3f >> need);
    size_t k = 1;
    for (; k <= need && i + k < len; k++) cp = (cp << 6) | (p[i + k] & 0x3f);
    *pos = i + k;
    return cp;
}

/* text_space_len for a byte from 0x80 on: no-break and other Unicode spaces, line and paragraph
 * separators, the byte-order mark. */
size_t text_space_len_wide(const char *s, size_t len, size_t i)
{
    const unsigned char *p = (const unsigned char *)s + i;
    size_t left = len - i;
    if (p[0] == 0xc2 && left >= 2) return (p[1] == 0xa0 || p[1] == 0x85) ? 2 : 0;
    if (left < 3) return 0;
    if (p[0] == 0xe2 && p[1] == 0x80) return ((p[2] >= 0x80 && p[2] <= 0x8b) || p[2] == 0xa8 || p[2] == 0xa9 || p[2] == 0xaf) ? 3 : 0;
    if (p[0] == 0xe2 && p[1] == 0x81 && p[2] == 0x9f) return 3;
    if (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80) return 3;
    if (p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf) return 3;
    if (p[0] == 0xe1 && p[1] == 0x9a && p[2] == 0x80) return 3;
    return 0;
}

/* charset.c — the character encoding of a web page (byte-order mark, <?xml encoding>, <meta charset>,
 * <meta http-equiv=Content-Type>) and its conversion to UTF-8 with iconv. */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html/extract.h"

/* How far the declaration is looked for: browsers stop at 1024 bytes, but pages in the wild put
 * their <meta charset> after long scripts, so the whole head (up to this cap) is read. */
#define PRESCAN_MAX 32768

/* Windows-1252 bytes 0x80..0x9F as code points (0 where the code page leaves a hole: then the
 * C1 control of the same value, as browsers do). 0xA0..0xFF equal their Latin-1 code points. */
static const uint16_t cp1252_high[32] = {
    0x20ac, 0,      0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017d, 0,      0,      0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
    0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0,      0x017e, 0x0178,
};

static size_t put_utf8(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xc0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xe0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        out[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
    out[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

/* Length of the valid UTF-8 sequence at p[i] (RFC 3629), 0 when the bytes there are not one. */
static size_t utf8_seq(const unsigned char *p, size_t len, size_t i)
{
    unsigned char c = p[i];
    if (c < 0x80) return 1;
    size_t need;
    uint32_t cp, min;
    if (c >= 0xc2 && c <= 0xdf) need = 1, cp = c & 0x1f, min = 0x80;
    else if (c >= 0xe0 && c <= 0xef) need = 2, cp = c & 0x0f, min = 0x800;
    else if (c >= 0xf0 && c <= 0xf4) need = 3, cp = c & 0x07, min = 0x10000;
    else return 0;
    if (len - i <= need) return 0;
    for (size_t k = 1; k <= need; k++) {
        if ((p[i + k] & 0xc0) != 0x80) return 0;
        cp = (cp << 6) | (p[i + k] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
    return need + 1;
}

/* What the bytes look like as UTF-8: whether they all decode, and whether any is not ASCII.
 * NUL bytes count as invalid (the parser would stop there). */
static void utf8_survey(const unsigned char *p, size_t len, bool *valid, bool *non_ascii)
{
    *valid = true;
    *non_ascii = false;
    for (size_t i = 0; i < len;) {
        if (p[i] >= 0x01 && p[i] < 0x80) {
            i++;
            continue;
        }
        size_t n = p[i] ? utf8_seq(p, len, i) : 0;
        if (!n) {
            *valid = false;
            return;
        }
        *non_ascii = true;
        i += n;
    }
}

/* UTF-8 where the bytes are UTF-8, Windows-1252 for every byte that is not (pages that mix both
 * after careless editing read right either way); NUL bytes are dropped. */
static char *decode_utf8_or_1252(const unsigned char *p, size_t len, size_t *out_len)
{
    if (len > (SIZE_MAX - 1) / 3) return NULL;
    char *out = malloc(len * 3 + 1);
    if (!out) return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        size_t n = p[i] ? utf8_seq(p, len, i) : 0;
        if (n) {
            memcpy(out + o, p + i, n);
            o += n;
            i += n;
            continue;
        }
        unsigned char c = p[i++];
        if (!c) continue;
        uint32_t cp = c >= 0x80 && c < 0xa0 && cp1252_high[c - 0x80] ? cp1252_high[c - 0x80] : c;
        o += put_utf8(out + o, cp);
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}

static bool ascii_ieq(const char *a, size_t alen, const char *b)
{
    size_t blen = strlen(b);
    if (alen != blen) return false;
    for (size_t i = 0; i < alen; i++) {
        char x = a[i];
        if (x >= 'A' && x <= 'Z') x = (char)(x + 32);
        if (x != b[i]) return false;
    }
    return true;
}

/* Finds `word` (lowercase ASCII) at or after p[i], ignoring case, before `end`. */
static size_t find_ci(const char *p, size_t i, size_t end, const char *word)
{
    size_t n = strlen(word);
    for (; i + n <= end; i++) {
        size_t k = 0;
        while (k < n && (p[i + k] | 0x20) == word[k]) k++;
        if (k == n) return i;
    }
    return end;
}

static bool label_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c == ':';
}

/* The label after "charset" / "encoding" at p[i]: optional spaces, '=', an optional quote. */
static bool label_after(const char *p, size_t i, size_t end, char *label, size_t cap)
{
    while (i < end && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r')) i++;
    if (i >= end || p[i] != '=') return false;
    i++;
    while (i < end && (p[i] == ' ' || p[i] == '"' || p[i] == '\'')) i++;
    size_t n = 0;
    while (i < end && label_char(p[i]) && n + 1 < cap) label[n++] = p[i++];
    label[n] = '\0';
    return n > 0;
}

/* The encoding a page declares in its first bytes (<?xml encoding=…?>, <meta charset=…>,
 * <meta http-equiv content="…; charset=…">), comments skipped. False when none. */
static bool declared_label(const char *p, size_t len, char *label, size_t cap)
{
    size_t end = len < PRESCAN_MAX ? len : PRESCAN_MAX;
    if (end > 5 && !memcmp(p, "<?xml", 5)) {
        size_t close = find_ci(p, 5, end, "?>");
        size_t at = find_ci(p, 5, close, "encoding");
        if (at < close && label_after(p, at + 8, close, label, cap)) return true;
    }
    for (size_t i = 0; i < end;) {
        const char *lt = memchr(p + i, '<', end - i);
        if (!lt) break;
        i = (size_t)(lt - p);
        if (i + 4 <= end && !memcmp(p + i, "<!--", 4)) {
            i = find_ci(p, i + 4, end, "-->") + 3;
            continue;
        }
        if (i + 5 <= end && (p[i + 1] | 0x20) == 'm' && (p[i + 2] | 0x20) == 'e' && (p[i + 3] | 0x20) == 't' &&
            (p[i + 4] | 0x20) == 'a') {
            const char *gt = memchr(p + i, '>', end - i);
            size_t close = gt ? (size_t)(gt - p) : end;
            size_t at = find_ci(p, i + 5, close, "charset");
            if (at < close && label_after(p, at + 7, close, label, cap)) return true;
            i = close;
            continue;
        }
        if (i + 6 <= end && (p[i + 1] == '/') && ascii_ieq(p + i + 2, 4, "head")) break;
        if (i + 5 <= end && ascii_ieq(p + i + 1, 4, "body")) break;
        i++;
    }
    return false;
}

enum label_class { LABEL_UTF8, LABEL_1252, LABEL_OTHER };

/* Labels that browsers read as UTF-8 or as Windows-1252 (the WHATWG Encoding Standard: Latin-1 and
 * ASCII labels mean Windows-1252; UTF-16 labels in an ASCII-compatible file mean UTF-8). */
static enum label_class classify_label(const char *label)
{
    static const char *const utf8[] = {"utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be",
                                       "unicode", "ucs-2", "x-user-defined"};
    static const char *const latin[] = {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",   "latin-1", "l1",
                                        "us-ascii",   "ascii",     "windows-1252", "cp1252", "x-cp1252", "cp819",
                                        "ibm819",     "iso-ir-100", "csisolatin1", "ansi_x3.4-1968", "8859-1"};
    size_t n = strlen(label);
    for (size_t i = 0; i < sizeof utf8 / sizeof *utf8; i++)
        if (ascii_ieq(label, n, utf8[i])) return LABEL_UTF8;
    for (size_t i = 0; i < sizeof latin / sizeof *latin; i++)
        if (ascii_ieq(label, n, latin[i])) return LABEL_1252;
    return LABEL_OTHER;
}

/* Converts with iconv; a byte the encoding cannot read becomes U+FFFD. NULL when iconv does not
 * know the encoding (*unknown set) or when out of memory. */
static char *convert_iconv(const char *from, const char *p, size_t len, size_t *out_len, bool *unknown)
{
    iconv_t cd = iconv_open("UTF-8", from);
    *unknown = cd == (iconv_t)-1;
    if (*unknown) return NULL;
    size_t cap = len + len / 2 + 64, o = 0;
    char *out = malloc(cap);
    char *in = (char *)p;
    size_t left = len;
    while (out) {
        /* room for at least one character, a U+FFFD and the NUL, whatever was written before */
        bool full = cap - o < 16;
        char *dst = out + o;
        size_t room = full ? 0 : cap - o - 4; /* keeps space for U+FFFD and the NUL */
        size_t r = full ? (size_t)-1 : iconv(cd, left ? &in : NULL, left ? &left : NULL, &dst, &room);
        if (full) errno = E2BIG;
        o = (size_t)(dst - out);
        if (r != (size_t)-1 && !left) break;
        if (r == (size_t)-1 && errno == E2BIG) {
            char *bigger = cap < SIZE_MAX / 2 ? realloc(out, cap * 2) : NULL;
            if (!bigger) {
                free(out);
                out = NULL;
                break;
            }
            out = bigger;
            cap *= 2;
            continue;
        }
        if (r == (size_t)-1) { /* EILSEQ or a truncated sequence at the end: skip one byte */
            o += put_utf8(out + o, 0xfffd);
            in++;
            left--;
            iconv(cd, NULL, NULL, NULL, NULL);
        }
    }
    iconv_close(cd);
    if (!out) return NULL;
    /* NUL bytes (from UTF-16 text or the source) would end the document early */
    size_t w = 0;
    for (size_t i = 0; i < o; i++)
        if (out[i]) out[w++] = out[i];
    out[w] = '\0';
    *out_len = w;
    return out;
}

char *charset_to_utf8(const char *bytes, size_t len, size_t *out_len, bool *copied)
{
    const unsigned char *p = (const unsigned char *)bytes;
    *copied = true;
    if (len >= 2 && ((p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe && p[1] == 0xff))) {
        bool unknown;
        char *out = convert_iconv(p[0] == 0xff ? "UTF-16LE" : "UTF-16BE", bytes + 2, len - 2, out_len, &unknown);
        if (out || !unknown) return out;
    }
    if (len >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf) {
        bytes += 3;
        p += 3;
        len -= 3;
    }
    bool valid, non_ascii;
    utf8_survey(p, len, &valid, &non_ascii);
    char label[64];
    bool declared = declared_label(bytes, len, label, sizeof label);
    enum label_class cls = declared ? classify_label(label) : LABEL_UTF8;
    /* Text that decodes as UTF-8 and is not all ASCII is UTF-8 whatever the page claims: legacy
     * bytes almost never form valid sequences by chance, while pages re-saved as UTF-8 with a
     * stale declaration are common. ASCII text declared in another encoding still goes through
     * iconv, for the encodings that are not ASCII-compatible (ISO-2022-JP escapes, UTF-7). */
    if (valid && (non_ascii || cls != LABEL_OTHER)) {
        *copied = false;
        *out_len = len;
        return (char *)bytes;
    }
    if (cls == LABEL_OTHER) {
        bool unknown;
        char *out = convert_iconv(label, bytes, len, out_len, &unknown);
        if (out || !unknown) return out;
    }
    return decode_utf8_or_1252(p, len, out_len);
}

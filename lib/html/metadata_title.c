/* metadata_title.c — the headline inside a page title such as "Headline | Site" or
 * "Site - Section - Headline". */
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "html/metadata.h"

enum { MAX_PARTS = 16, MIN_CONTAIN = 4, MAX_SITES = 6 };

/* Separators between the headline and the site, with their spaces (a hyphen inside a word or a
 * colon after a kicker is no separator). */
static const char *const separators[] = {
    " | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ", " \xc2\xb7 ", " \xe2\x80\xa2 ", " \xc2\xbb ",
    " \xc2\xab ", " \xe2\x80\xba ", " ~ ", " // ",
};

typedef struct part {
    size_t start, end; /* bytes of the title */
} part;

/* Bytes that count in a matching key: ASCII letters and digits, and all non-ASCII bytes. */
static bool is_key_byte(unsigned char c) { return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

/* Matching key of s[0..len): ASCII letters and digits lower-cased, other ASCII dropped, non-ASCII
 * bytes kept. */
static bool key_of(const char *s, size_t len, buf *out)
{
    buf_clear(out);
    if (!buf_reserve(out, len)) return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || (c >= '0' && c <= '9')) buf_putc(out, (char)c);
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') buf_putc(out, (char)(c | 0x20));
    }
    out->data[out->len] = '\0'; /* reserved: len + 1 bytes fit */
    return true;
}

/* Whether two keys name the same thing: equal, or the shorter (long enough, and at least half
 * the longer: "spiegel" in "spiegelonline", not "news" in a headline) inside the other. */
static bool keys_match(const buf *a, const buf *b)
{
    if (!a->len || !b->len) return false;
    const buf *s = a->len <= b->len ? a : b, *l = a->len <= b->len ? b : a;
    if (s->len == l->len) return memcmp(s->data, l->data, s->len) == 0;
    return s->len >= MIN_CONTAIN && 2 * s->len >= l->len && strstr(l->data, s->data) != NULL;
}

/* Keys of the names a site goes by: its names on the page, its host without "www." ("spiegel.de"
 * gives "spiegelde") and the host's main label ("spiegel"). */
typedef struct site_keys {
    buf key[MAX_SITES + 2];
    size_t n;
} site_keys;

static void site_keys_free(site_keys *k)
{
    for (size_t i = 0; i < MAX_SITES + 2; i++) buf_free(&k->key[i]);
}

static bool site_keys_make(const char *const *sites, size_t n_sites, const char *url, site_keys *k)
{
    memset(k, 0, sizeof *k);
    for (size_t i = 0; i < n_sites && i < MAX_SITES; i++)
        if (sites[i] && !key_of(sites[i], strlen(sites[i]), &k->key[k->n++])) return false;
    const char *h = url ? strstr(url, "//") : NULL;
    if (!h) return true;
    h += 2;
    size_t n = strcspn(h, "/?#:");
    if (n >= 4 && strncmp(h, "www.", 4) == 0) h += 4, n -= 4;
    const char *dot = NULL;
    for (size_t i = 0; i < n; i++)
        if (h[i] == '.') dot = h + i;
    if (!key_of(h, n, &k->key[k->n++])) return false;
    if (!dot) return true;
    const char *lab = dot;
    while (lab > h && lab[-1] != '.') lab--;
    return key_of(lab, (size_t)(dot - lab), &k->key[k->n++]);
}

static bool names_site(const buf *key, const site_keys *k)
{
    for (size_t i = 0; i < k->n; i++)
        if (keys_match(key, &k->key[i])) return true;
    return false;
}

bool meta_is_site_name(const char *text, const char *const *sites, size_t n_sites, const char *url, bool *yes)
{
    site_keys k;
    buf key = {0};
    bool ok = site_keys_make(sites, n_sites, url, &k) && key_of(text, strlen(text), &key);
    *yes = ok && names_site(&key, &k);
    site_keys_free(&k);
    buf_free(&key);
    return ok;
}

bool meta_same_name(const char *a, const char *b)
{
    for (;; a++, b++) {
        while (*a && !is_key_byte((unsigned char)*a)) a++;
        while (*b && !is_key_byte((unsigned char)*b)) b++;
        if (!*a || !*b) return !*a && !*b;
        unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
        if (x < 0x80) x |= 0x20; /* ASCII letters and digits: | 0x20 lower-cases letters, keeps digits */
        if (y < 0x80) y |= 0x20;
        if (x != y) return false;
    }
}

static size_t split(const char *t, part *parts)
{
    size_t n = 0, start = 0, len = strlen(t);
    for (size_t i = 0; i < len && n < MAX_PARTS - 1; i++) {
        for (size_t k = 0; k < sizeof separators / sizeof *separators; k++) {
            size_t sl = strlen(separators[k]);
            if (strncmp(t + i, separators[k], sl) == 0) {
                parts[n++] = (part){start, i};
                start = i + sl;
                i = start - 1;
                break;
            }
        }
    }
    parts[n++] = (part){start, len};
    return n;
}

/* Whether s[0..len) is one host name ("mactechnews.de", "www.example.com"): letters, digits,
 * hyphens and dots, ending in a dot and a top-level domain of 2 to 4 letters. */
static bool host_name(const char *s, size_t len)
{
    size_t dot = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '.') dot = i;
        else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
    }
    if (!dot || len - dot - 1 < 2 || len - dot - 1 > 4) return false;
    for (size_t i = dot + 1; i < len; i++)
        if (!((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')) return false;
    return true;
}

/* Whether a part of the title names the site: one of its names, or a host name. */
static bool is_site(const char *t, part p, const site_keys *k, buf *tmp, bool *ok)
{
    *ok = key_of(t + p.start, p.end - p.start, tmp);
    return *ok && (names_site(tmp, k) || host_name(t + p.start, p.end - p.start));
}

bool meta_title_strip(const char *title, const char *const *sites, size_t n_sites, const char *url,
                      const char *const *other, size_t n_other, char **out)
{
    *out = NULL;
    part parts[MAX_PARTS];
    size_t n = split(title, parts), first = 0, last = n; /* parts [first, last) are kept */
    site_keys k;
    buf tmp = {0}, whole = {0};
    bool ok = site_keys_make(sites, n_sites, url, &k);
    /* a shorter title given elsewhere (og:title, h1) that is a run of parts is the headline */
    for (size_t o = 0; ok && n > 1 && o < n_other && last - first == n; o++) {
        if (!other[o] || !(ok = key_of(other[o], strlen(other[o]), &whole))) continue;
        for (size_t a = 0; ok && a < n && last - first == n; a++)
            for (size_t b = a + 1; ok && b <= n; b++) {
                if (a == 0 && b == n) continue;
                ok = key_of(title + parts[a].start, parts[b - 1].end - parts[a].start, &tmp);
                /* (an <h1> that is the site's logo names a run too: that run is not the headline) */
                if (ok && tmp.len && tmp.len == whole.len && memcmp(tmp.data, whole.data, tmp.len) == 0 &&
                    !names_site(&tmp, &k)) {
                    first = a, last = b;
                    break;
                }
            }
    }
    /* parts at either end that name the site */
    while (ok && last - first > 1 && is_site(title, parts[last - 1], &k, &tmp, &ok)) last--;
    while (ok && last - first > 1 && is_site(title, parts[first], &k, &tmp, &ok)) first++;
    if (ok) {
        size_t s = parts[first].start, e = parts[last - 1].end;
        ok = meta_clean(title + s, e - s, out);
    }
    site_keys_free(&k);
    buf_free(&tmp);
    buf_free(&whole);
    return ok;
}

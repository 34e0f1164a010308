/* extract_eval.c — scores td_extract_html on the extraction-dev set (bench/extract builds and runs
 * it): for every page in gold.json, the `with` snippets found in the extracted text are true
 * positives, the missing ones false negatives, the `without` snippets found false positives
 * (white space normalised on both sides; a failed page counts as all missing). Prints a Markdown
 * table overall and for English and German pages, and the speed of extraction on one core.
 * Usage: extract_eval GOLD.json PAGES_DIR [DUMP_DIR]  (DUMP_DIR gets one .txt per page) */
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "gz.h"
#include "tidings.h"

typedef struct score {
    size_t tp, fn, fp, pages, failed;
} score;

enum { L_ALL, L_EN, L_DE, L_OTHER, L_N };

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Collapses white space (ASCII, no-break space, Unicode spaces) to single spaces, trimmed. */
static char *normalise(const char *s)
{
    size_t n = strlen(s), o = 0;
    char *out = malloc(n + 1);
    if (!out) return NULL;
    bool space = false;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t sp = 0;
        if (c == ' ' || (c >= '\t' && c <= '\r')) sp = 1;
        else if (c == 0xc2 && (unsigned char)s[i + 1] == 0xa0) sp = 2;
        else if (c == 0xe2 && (unsigned char)s[i + 1] == 0x80 && (((unsigned char)s[i + 2] >= 0x80 &&
                 (unsigned char)s[i + 2] <= 0x8a) || (unsigned char)s[i + 2] == 0xaf)) sp = 3;
        else if (c == 0xe3 && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80) sp = 3;
        if (sp) {
            space = o > 0;
            i += sp;
            continue;
        }
        if (space) out[o++] = ' ';
        space = false;
        out[o++] = s[i++];
    }
    out[o] = '\0';
    return out;
}

/* The lang attribute of the <html> start tag of the raw page, lowercased primary subtag. */
static void html_lang(const char *page, size_t len, char out[4])
{
    out[0] = '\0';
    size_t lim = len < 200000 ? len : 200000;
    for (size_t i = 0; i + 5 < lim; i++) {
        if (page[i] != '<' || strncasecmp(page + i + 1, "html", 4) || isalnum((unsigned char)page[i + 5])) continue;
        for (size_t k = i + 5; k + 5 < lim && page[k] != '>'; k++) {
            if (strncasecmp(page + k, "lang=", 5) || isalpha((unsigned char)page[k - 1]) || page[k - 1] == ':') continue;
            size_t v = k + 5;
            if (page[v] == '"' || page[v] == '\'') v++;
            size_t j = 0;
            while (j < 3 && isalpha((unsigned char)page[v + j])) {
                out[j] = (char)tolower((unsigned char)page[v + j]);
                j++;
            }
            out[j] = '\0';
            return;
        }
        return;
    }
}

/* The language of <meta http-equiv="content-language" content="de"> or <meta property="og:locale"
 * content="de_DE">, lowercased primary subtag, when <html lang> is absent. */
static void meta_lang(const char *page, size_t len, char out[4])
{
    out[0] = '\0';
    size_t lim = len < 200000 ? len : 200000;
    static const char *const keys[] = {"content-language", "og:locale"};
    for (size_t k = 0; k < 2 && !out[0]; k++) {
        for (size_t i = 0; i + 5 < lim; i++) {
            if (strncasecmp(page + i, "<meta", 5)) continue;
            const char *end = memchr(page + i, '>', lim - i);
            if (!end) break;
            size_t n = (size_t)(end - (page + i));
            const char *key = NULL;
            for (size_t j = 0; j + strlen(keys[k]) <= n; j++)
                if (!strncasecmp(page + i + j, keys[k], strlen(keys[k]))) key = page + i + j;
            const char *c = NULL;
            for (size_t j = 0; j + 8 <= n; j++)
                if (!strncasecmp(page + i + j, "content=", 8)) c = page + i + j + 8;
            if (key && c) {
                if (*c == '"' || *c == '\'') c++;
                size_t m = 0;
                while (m < 3 && isalpha((unsigned char)c[m])) {
                    out[m] = (char)tolower((unsigned char)c[m]);
                    m++;
                }
                out[m] = '\0';
                break;
            }
        }
    }
}

/* English or German by function words when the page does not say. */
static int guess_lang(const char *text)
{
    static const char *const en[] = {"the", "and", "of", "to", "is", "that", "for", "with", "was", "are"};
    static const char *const de[] = {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "ein"};
    size_t ne = 0, nd = 0;
    const char *p = text;
    while (*p) {
        while (*p && !isalpha((unsigned char)*p)) p++;
        const char *s = p;
        while (isalpha((unsigned char)*p)) p++;
        size_t n = (size_t)(p - s);
        if (!n) continue;
        for (size_t i = 0; i < 10; i++) {
            if (strlen(en[i]) == n && !strncasecmp(s, en[i], n)) ne++;
            if (strlen(de[i]) == n && !strncasecmp(s, de[i], n)) nd++;
        }
    }
    if (ne + nd < 5) return L_OTHER;
    return ne > 2 * nd ? L_EN : nd > 2 * ne ? L_DE : L_OTHER;
}

static void row(const char *name, const score *s)
{
    double p = s->tp + s->fp ? (double)s->tp / (double)(s->tp + s->fp) : 0;
    double r = s->tp + s->fn ? (double)s->tp / (double)(s->tp + s->fn) : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    printf("| %s | %zu | %zu | %.3f | %.3f | **%.3f** | %zu | %zu | %zu |\n", name, s->pages, s->failed, p, r, f, s->tp,
           s->fn, s->fp);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: extract_eval GOLD.json PAGES_DIR [DUMP_DIR]\n");
        return 2;
    }
    json_error_t jerr;
    json_t *gold = json_load_file(argv[1], 0, &jerr);
    if (!gold || !json_is_object(gold)) {
        fprintf(stderr, "extract_eval: %s: %s\n", argv[1], jerr.text);
        return 1;
    }
    const char *dump = argc > 3 ? argv[3] : NULL;
    score sc[L_N] = {{0}};
    double total_time = 0, slowest = 0;
    size_t total_bytes = 0, largest = 0;
    const char *key;
    json_t *item;
    json_object_foreach(gold, key, item)
    {
        const char *file = json_string_value(json_object_get(item, "file"));
        if (!file) continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.gz", argv[2], file);
        size_t len = 0;
        char *page = bench_read_gz(path, &len);
        if (!page) {
            fprintf(stderr, "extract_eval: cannot read %s\n", path);
            return 1;
        }
        td_error err = {0};
        double t0 = now();
        td_article *a = td_extract_html(page, len, file, &err);
        double t = now() - t0;
        total_time += t;
        total_bytes += len;
        if (t > slowest) slowest = t;
        if (len > largest) largest = len;
        char *text = a ? normalise(a->text) : NULL;
        char lang[4];
        html_lang(page, len, lang);
        if (!lang[0]) meta_lang(page, len, lang);
        int li = !strcmp(lang, "en") ? L_EN : !strcmp(lang, "de") ? L_DE : L_OTHER;
        if (!lang[0] && a && a->language) li = !strcmp(a->language, "en") ? L_EN : !strcmp(a->language, "de") ? L_DE : L_OTHER;
        else if (!lang[0] && text) li = guess_lang(text);
        score *s[2] = {&sc[L_ALL], &sc[li]};
        json_t *with = json_object_get(item, "with"), *without = json_object_get(item, "without");
        size_t i;
        json_t *v;
        for (int k = 0; k < 2; k++) {
            s[k]->pages++;
            if (!a) s[k]->failed++;
        }
        if (dump) {
            char out[4096];
            snprintf(out, sizeof out, "%s/%s.txt", dump, file);
            FILE *f = fopen(out, "w");
            if (f) {
                fprintf(f, "%s\n", a ? a->text : err.message);
                fclose(f);
            }
        }
        json_array_foreach(with, i, v)
        {
            char *snip = normalise(json_string_value(v));
            bool found = text && snip && strstr(text, snip);
            for (int k = 0; k < 2; k++) {
                if (found) s[k]->tp++;
                else s[k]->fn++;
            }
            if (!found && getenv("SHOW")) printf("MISS\t%s\t%s\n", file, snip);
            free(snip);
        }
        json_array_foreach(without, i, v)
        {
            char *snip = normalise(json_string_value(v));
            bool found = text && snip && strstr(text, snip);
            for (int k = 0; k < 2; k++)
                if (found) s[k]->fp++;
            if (found && getenv("SHOW")) printf("FP\t%s\t%s\n", file, snip);
            free(snip);
        }
        free(text);
        td_article_free(a);
        free(page);
    }
    json_decref(gold);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("| pages | n | failed | precision | recall | F1 | TP | FN | FP |\n|---|---|---|---|---|---|---|---|---|\n");
    row("all", &sc[L_ALL]);
    row("English", &sc[L_EN]);
    row("German", &sc[L_DE]);
    row("other", &sc[L_OTHER]);
    printf("\n| speed (one core) | |\n|---|---|\n");
    printf("| HTML extracted | %.1f MB in %.2f s |\n", (double)total_bytes / 1e6, total_time);
    printf("| throughput | **%.1f MB/s** |\n", (double)total_bytes / 1e6 / total_time);
    printf("| slowest page | %.1f ms |\n", slowest * 1e3);
    printf("| largest page | %.2f MB |\n", (double)largest / 1e6);
    printf("| peak memory of the run (max RSS) | %.1f MB |\n", (double)ru.ru_maxrss / 1024);
    return 0;
}

/* bench/metadata.c — scores html_metadata against the title, author and date annotations of
 * ../shared/data/extraction-dev/gold.json: exact matches after normalisation, per field.
 * Usage: metadata SHARED_DIR [MISSES_FILE]. Prints a Markdown table; MISSES_FILE lists every
 * miss (gold, then ours) for looking at the method's errors. Built and run by bench/metadata. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gz.h"
#include "common/buf.h"
#include "html/html.h"
#include "html/metadata.h"
#include "text/text.h"

enum { F_TITLE, F_AUTHOR, F_DATE, F_URL, F_N };
static const char *const field_names[F_N] = {"title", "author", "date", "url"};

/* Counts of one field. */
typedef struct score {
    size_t gold;     /* pages whose gold has a value */
    size_t answered; /* ... where we give a value */
    size_t correct;  /* ... equal to the gold after normalisation */
    size_t empty;    /* pages annotated with an empty value */
    size_t spurious; /* ... where we give one anyway */
} score;

/* Normal form for comparing: invisible characters dropped, white space collapsed, folded (case,
 * NFKC, quotes and dashes), and punctuation at the ends trimmed. */
static void normalise(const char *s, buf *out)
{
    buf_clear(out);
    char *clean;
    if (!s || !meta_clean(s, strlen(s), &clean) || !clean) return;
    text_fold(clean, strlen(clean), out);
    free(clean);
    size_t a = 0, e = out->len;
    while (a < e && strchr(" .,;:-\"'", out->data[a])) a++;
    while (e > a && strchr(" .,;:-\"'", out->data[e - 1])) e--;
    memmove(out->data, out->data + a, e - a);
    out->len = e - a;
    out->data[out->len] = '\0';
}

/* Author names as a sorted, '\n'-joined list of normalised names: split at ; , & | and the words
 * "and", "und", a leading "by" or "von" dropped. Independent of the library's own splitter. */
static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void author_key(const char *const *names, size_t n, buf *out)
{
    buf all = {0}, one = {0};
    for (size_t i = 0; i < n; i++) {
        if (i) buf_putc(&all, ';');
        buf_puts(&all, names[i]);
    }
    normalise(all.data, &one);
    char *s = one.data ? one.data : "";
    /* replace the word separators by ';' */
    static const char *const words[] = {" and ", " und ", " & ", ",", "|", "&"};
    for (size_t w = 0; w < sizeof words / sizeof *words; w++)
        for (char *p; (p = strstr(s, words[w]));) {
            size_t wl = strlen(words[w]);
            *p = ';';
            memmove(p + 1, p + wl, strlen(p + wl) + 1);
        }
    char *parts[64];
    size_t np = 0;
    for (char *tok = strtok(s, ";"); tok && np < 64; tok = strtok(NULL, ";")) {
        while (*tok == ' ') tok++;
        if (strncmp(tok, "by ", 3) == 0 || strncmp(tok, "von ", 4) == 0) tok = strchr(tok, ' ') + 1;
        size_t l = strlen(tok);
        while (l && tok[l - 1] == ' ') tok[--l] = '\0';
        if (l) parts[np++] = tok;
    }
    qsort(parts, np, sizeof *parts, cmp_str);
    buf_clear(out);
    for (size_t i = 0; i < np; i++) {
        if (i && strcmp(parts[i], parts[i - 1]) == 0) continue;
        if (out->len) buf_putc(out, '\n');
        buf_puts(out, parts[i]);
    }
    buf_free(&all);
    buf_free(&one);
}

/* The gold author: a string, or an array of names. */
static void gold_authors(json_t *v, buf *out)
{
    const char *names[64];
    size_t n = 0;
    if (json_is_string(v)) names[n++] = json_string_value(v);
    for (size_t i = 0; json_is_array(v) && i < json_array_size(v) && n < 64; i++)
        if (json_is_string(json_array_get(v, i))) names[n++] = json_string_value(json_array_get(v, i));
    author_key(names, n, out);
}

/* URLs compared without scheme, "www.", trailing slash, query and fragment. */
static void url_key(const char *u, buf *out)
{
    buf_clear(out);
    if (!u) return;
    const char *p = strstr(u, "//");
    p = p ? p + 2 : u;
    if (strncmp(p, "www.", 4) == 0) p += 4;
    size_t n = strcspn(p, "?#");
    while (n && p[n - 1] == '/') n--;
    buf_append(out, p, n);
}

static void tally(score *s, bool gold_present, bool gold_empty, bool ours, bool equal)
{
    if (gold_present && !gold_empty) {
        s->gold++;
        s->answered += ours;
        s->correct += ours && equal;
    } else if (gold_present) {
        s->empty++;
        s->spurious += ours;
    }
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: metadata SHARED_DIR [MISSES_FILE]\n");
        return 2;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/data/extraction-dev/gold.json", argv[1]);
    json_error_t jerr;
    json_t *gold = json_load_file(path, 0, &jerr);
    if (!gold) {
        fprintf(stderr, "metadata: %s: %s\n", path, jerr.text);
        return 1;
    }
    FILE *misses = argc > 2 ? fopen(argv[2], "w") : NULL;
    score sc[F_N] = {{0}};
    size_t pages = 0, unreadable = 0, with_lang = 0, with_site = 0;
    double seconds = 0; /* spent in html_metadata */
    buf g = {0}, o = {0};
    const char *url;
    json_t *entry;
    json_object_foreach(gold, url, entry) {
        const char *file = json_string_value(json_object_get(entry, "file"));
        if (!file) continue;
        snprintf(path, sizeof path, "%s/data/extraction-dev/pages/%s.gz", argv[1], file);
        size_t len;
        char *html = bench_read_gz(path, &len);
        htmlDocPtr doc = html ? htmlReadMemory(html, (int)len, NULL, NULL,
                                               HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                                   HTML_PARSE_NONET)
                              : NULL;
        free(html);
        if (!doc) {
            unreadable++;
            continue;
        }
        pages++;
        td_article a = {0};
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        bool ok = html_metadata(doc, &a);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        seconds += (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        if (!ok) {
            fprintf(stderr, "metadata: out of memory\n");
            return 1;
        }
        xmlFreeDoc(doc);
        with_lang += a.language != NULL;
        with_site += a.site != NULL;
        for (int f = 0; f < F_N; f++) {
            json_t *gv = f == F_URL ? NULL : json_object_get(entry, field_names[f]);
            const char *gs = f == F_URL ? url : json_string_value(gv);
            bool present = f == F_URL || gv != NULL, ours;
            if (f == F_TITLE) normalise(gs, &g), normalise(a.title, &o), ours = a.title != NULL;
            else if (f == F_DATE) normalise(gs, &g), normalise(a.date, &o), ours = a.date != NULL;
            else if (f == F_URL) url_key(gs, &g), url_key(a.url, &o), ours = a.url != NULL;
            else gold_authors(gv, &g), author_key((const char *const *)a.authors, a.n_authors, &o), ours = a.n_authors > 0;
            bool empty = !g.len, equal = g.len && o.len && strcmp(g.data, o.data) == 0;
            tally(&sc[f], present, empty, ours, equal);
            if (misses && present && !equal && (!empty || ours))
                fprintf(misses, "%s\t%s\tgold=%s\tours=%s\n", field_names[f], file, g.len ? g.data : "",
                        o.len ? o.data : "");
        }
        html_article_clear(&a);
    }
    printf("%zu pages read (%zu unreadable); %zu with a language, %zu with a site name; html_metadata took %.2f ms "
           "a page (parsing not counted).\n\n",
           pages, unreadable, with_lang, with_site, pages ? 1000.0 * seconds / (double)pages : 0.0);
    printf("| field | gold values | answered | correct | accuracy | precision | gold empty | answered anyway |\n");
    printf("|---|---|---|---|---|---|---|---|\n");
    for (int f = 0; f < F_N; f++) {
        const score *s = &sc[f];
        printf("| %s | %zu | %zu | %zu | %.1f%% | %.1f%% | %zu | %zu |\n", field_names[f], s->gold, s->answered,
               s->correct, s->gold ? 100.0 * (double)s->correct / (double)s->gold : 0.0,
               s->answered ? 100.0 * (double)s->correct / (double)s->answered : 0.0, s->empty, s->spurious);
    }
    if (misses) fclose(misses);
    buf_free(&g);
    buf_free(&o);
    json_decref(gold);
    return 0;
}

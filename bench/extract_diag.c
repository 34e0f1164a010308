/* extract_diag.c — where the errors of bench/extract come from: for every missed `with` snippet and
 * every wrongly kept `without` snippet (the MISS and FP lines that `SHOW=1 extract_eval` prints),
 * the block of the page that holds it (its first 25 characters; a kept copy first), with the
 * block's class, whether it was kept, whether it lies in the chosen container, its element and
 * its furniture region; then the errors counted by these. Runs the passes of lib/html/extract.h
 * on each page (not td_extract_html), so text from JSON scripts shows as "no block".
 * Usage: SHOW=1 extract_eval GOLD PAGES | extract_diag PAGES   (bench/extract with DIAG=1) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gz.h"
#include "common/strmap.h"
#include "common/vec.h"
#include "html/extract.h"

/* Characters of a snippet looked for in the blocks (snippets may run across blocks). */
#define KEY_CHARS 25

static const char *const class_names[] = {"skip", "bad", "short", "heading", "medium", "good"};

/* One page, parsed and run through the passes. */
typedef struct diag_page {
    htmlDocPtr doc;
    xpage pg;
    uint32_t container;
    buf text;
} diag_page;

static void page_close(diag_page *p)
{
    if (p->doc) xmlFreeDoc(p->doc);
    xpage_free(&p->pg);
    buf_free(&p->text);
    memset(p, 0, sizeof *p);
    p->container = NO_NODE;
}

static bool page_open(diag_page *p, const char *dir, const char *file)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.gz", dir, file);
    size_t len = 0;
    char *html = bench_read_gz(path, &len);
    if (!html) return false;
    td_error err = {0};
    p->doc = page_parse(html, len, file, &err);
    free(html);
    if (!p->doc || !blocks_build(&p->pg, p->doc)) return false;
    blocks_classify(&p->pg);
    p->container = select_container(&p->pg);
    return p->container == NO_NODE ? assemble_lines(&p->pg, &p->text) : assemble_text(&p->pg, p->container, &p->text);
}

/* The block holding key: the first kept one, else the first; SIZE_MAX when none. */
static size_t find_block(const xpage *pg, const char *key)
{
    size_t found = SIZE_MAX, n = strlen(key);
    for (size_t i = 0; i < pg->blocks.len; i++) {
        const xblock *b = &pg->blocks.items[i];
        const char *s = pg->text.data + b->start;
        bool hit = false;
        for (size_t k = 0; !hit && k + n <= b->len; k++) hit = memcmp(s + k, key, n) == 0;
        if (!hit) continue;
        if (found == SIZE_MAX) found = i;
        if (b->keep) return i;
    }
    return found;
}

static const char *tag_name(int tag)
{
    static const char *const names[] = {"other", "a", "address", "article", "aside", "blockquote", "body", "br",
        "caption", "dd", "div", "dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr",
        "ul", "noscript", "inline", "block", "skip"};
    return tag >= 0 && (size_t)tag < sizeof names / sizeof *names ? names[tag] : "?";
}

/* Describes the block of one error into out ("good kept in-container p -" …); the first four
 * words make the class the summary counts. */
static void describe(const diag_page *p, size_t i, char *out, size_t cap)
{
    if (i == SIZE_MAX) {
        snprintf(out, cap, "no-block");
        return;
    }
    const xblock *b = &p->pg.blocks.items[i];
    const xnode *c = p->container == NO_NODE ? NULL : &p->pg.nodes.items[p->container];
    bool inside = c && i >= c->block0 && i < c->block1;
    char region[64] = "-";
    if (b->region != NO_NODE) {
        const xnode *r = &p->pg.nodes.items[b->region];
        snprintf(region, sizeof region, "%s-%s", tag_name(r->tag), r->furniture == FURN_STRONG ? "strong" : "weak");
    }
    snprintf(out, cap, "%s %s %s %s\tflags=%u %s chars=%u links=%u", class_names[b->cls], b->keep ? "kept" : "dropped",
             inside ? "in-container" : "outside", region, b->flags, tag_name(b->tag), b->chars, b->link_chars);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: SHOW=1 extract_eval GOLD PAGES | extract_diag PAGES\n");
        return 2;
    }
    strmap classes; /* "MISS | good dropped outside -" … -> id */
    strmap_init(&classes);
    VEC(size_t) counts = {0};
    diag_page p = {.container = NO_NODE};
    char current[1024] = "", line[16384], what[512];
    bool ok = false;
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = '\0';
        char *kind = strtok(line, "\t"), *file = strtok(NULL, "\t"), *snippet = strtok(NULL, "");
        if (!kind || !file || !snippet || (strcmp(kind, "MISS") && strcmp(kind, "FP"))) continue;
        if (strcmp(file, current)) {
            page_close(&p);
            snprintf(current, sizeof current, "%s", file);
            ok = page_open(&p, argv[1], file);
        }
        char key[4 * KEY_CHARS + 1];
        size_t n = 0;
        for (size_t chars = 0; snippet[n] && n < sizeof key - 4; n++)
            if (((unsigned char)snippet[n] & 0xc0) != 0x80 && chars++ == KEY_CHARS) break;
        memcpy(key, snippet, n);
        key[n] = '\0';
        describe(&p, ok ? find_block(&p.pg, key) : SIZE_MAX, what, sizeof what);
        printf("%s\t%s\t%s\t%s\n", kind, file, what, snippet);
        char summary[600];
        snprintf(summary, sizeof summary, "%s | %.*s", kind, (int)strcspn(what, "\t"), what);
        uint32_t id = strmap_intern(&classes, summary, strlen(summary), NULL);
        while (id != STRMAP_NONE && counts.len <= id && vec_push(&counts, 0)) {}
        if (id != STRMAP_NONE && id < counts.len) counts.items[id]++;
    }
    page_close(&p);
    printf("\n| error | block (class, kept, where, region) | n |\n|---|---|---|\n");
    for (size_t i = 0; i < counts.len; i++) printf("| %s | %zu |\n", classes.keys[i], counts.items[i]);
    strmap_free(&classes);
    vec_free(&counts);
    return 0;
}

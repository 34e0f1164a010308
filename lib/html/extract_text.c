/* extract_text.c — the article's text from the blocks of its container: prose kept, links and
 * furniture dropped, headings kept when text follows them, short lines kept when they stand
 * between text, and list items, table rows and short paragraphs when text stands on either side
 * (a closing line, an opening line such as "This post first appeared on …"). The container is
 * first widened backwards over a lead paragraph that sits just before it (a standfirst in the
 * article's <header>); small islands of text that trail the article behind a stretch of furniture
 * are cut off. A paragraph left out that opens with the page's description is its standfirst and
 * opens the text. Paragraphs are separated by one blank line; the cells of a table row are joined
 * by " | ". */
#include <string.h>

#include "html/extract.h"

/* How far the lead may sit above the container: ancestors climbed, and characters of link text
 * or furniture crossed on the way. */
#define LEAD_LEVELS 4
#define LEAD_GAP 150
/* Longest link or furniture line (a date, a byline with a link) between a headline and its lead. */
#define HEADLINE_BAD_MAX 80

/* A trailing island: text after at least ISLAND_GAP characters of links or furniture that makes
 * less than ISLAND_SHARE of the text kept. */
#define ISLAND_GAP 100
#define ISLAND_SHARE 0.15

/* Siblings of the container that score at least SIBLING_MIN, and either SIBLING_SHARE of its
 * score or SIBLING_CLEAN of their own prose (prose with little against it), are more of the
 * article: a body cut into several boxes by ads, embeds or a box of links. */
#define SIBLING_SHARE 0.2
#define SIBLING_CLEAN 0.75
#define SIBLING_MIN 100
/* Fewest characters of short lines that make the text of a page without prose. */
#define LINES_MIN 100
/* Longest line of links that does not end a run of text for the short lines after it. */
#define LINK_LINE_MAX 80
/* Levels above the container whose siblings are looked at. */
#define SIBLING_LEVELS 3
/* Fewest short items of a list next to the container that is taken in with it. */
#define LIST_ITEMS_MIN 3

static bool substantive(int cls) { return cls == BLOCK_GOOD || cls == BLOCK_MEDIUM || cls == BLOCK_BAD; }
static bool content(int cls) { return cls == BLOCK_GOOD || cls == BLOCK_MEDIUM; }
static bool gallery_caption(const xblock *b) { return b->cls == BLOCK_SKIP && (b->flags & (BF_CAPTION | BF_HIDDEN)) == BF_CAPTION; }
static bool link_line(const xblock *b) { return b->cls == BLOCK_BAD && b->chars < LINK_LINE_MAX && 2 * b->link_chars > b->chars; }

/* Whether the block is page furniture inside element a. */
static bool in_furniture(const xpage *pg, const xblock *b, uint32_t a)
{
    return b->region != NO_NODE && b->region > a && b->region < pg->nodes.items[a].end;
}

/* Whether block b is a byline, a date or a heading between a headline and its lead. */
static bool under_headline(const xpage *pg, const xblock *b, uint32_t a)
{
    if (in_furniture(pg, b, a) && pg->nodes.items[b->region].tag != TAG_HEADER) return false;
    return b->cls == BLOCK_SHORT || b->cls == BLOCK_SKIP || b->cls == BLOCK_HEADING ||
           (b->cls == BLOCK_BAD && b->chars < HEADLINE_BAD_MAX);
}

/* Whether block b, inside a furniture region, is text of a <header> that the article keeps: all of
 * it before the first element taken (the headline box above the body), and prose anywhere when
 * the <header> is furniture by its tag alone, no furniture word in its class (the standfirst in
 * an article's own <header>, which often sits inside the container). */
static bool header_text(const xpage *pg, const xblock *b, bool before_first)
{
    const xnode *r = &pg->nodes.items[b->region];
    return r->tag == TAG_HEADER && (before_first || (content(b->cls) && r->furniture == FURN_WEAK && r->hint > -2));
}

/* The standfirst right under the page's <h1>, inside element a and before block `start`, when
 * the search for a lead found none close enough (more links or furniture than LEAD_GAP between,
 * or the headline box outside the container's ancestors): its paragraphs start the text and what
 * lies between stays out (BF_OUTSIDE). When `clean`, nothing but links, furniture and short lines
 * may lie between. Returns `start` when there is none. */
static size_t headline_lead(xpage *pg, uint32_t a, size_t start, bool clean)
{
    xblock *bl = pg->blocks.items;
    size_t h = start;
    while (h-- > pg->nodes.items[a].block0 && bl[h].tag != TAG_H1) pg->stats.steps++;
    if (h == SIZE_MAX || h < pg->nodes.items[a].block0) return start;
    size_t lead = h + 1;
    while (lead < start && under_headline(pg, &bl[lead], a)) lead++;
    size_t end = lead;
    while (end < start && content(bl[end].cls) && !in_furniture(pg, &bl[end], a)) end++;
    if (end == lead) return start;
    for (size_t i = end; clean && i < start; i++)
        if (content(bl[i].cls) && !in_furniture(pg, &bl[i], a)) return start;
    for (size_t i = end; i < start; i++) bl[i].flags |= BF_OUTSIDE;
    pg->stats.steps += start - h;
    return lead;
}

/* The first block of the text: the container's first, or an earlier lead paragraph found in the
 * container's parent or grandparent, with at most LEAD_GAP characters of links and furniture
 * between. Furniture by tag <header> does not stop the search: article headers hold the lead. */
static size_t lead_start(xpage *pg, uint32_t c)
{
    const xnode *nodes = pg->nodes.items;
    uint32_t a = c;
    for (int k = 0; k < LEAD_LEVELS; k++) {
        uint32_t up = nodes[a].parent;
        if (up == NO_NODE || nodes[up].tag == TAG_BODY || nodes[up].tag == TAG_HTML) break;
        a = up;
    }
    size_t start = nodes[c].block0;
    double gap = 0;
    for (size_t i = start; i-- > nodes[a].block0 && gap <= LEAD_GAP;) {
        const xblock *b = &pg->blocks.items[i];
        if (in_furniture(pg, b, a) && nodes[b->region].tag != TAG_HEADER) gap += b->chars;
        else if (content(b->cls)) start = i;
        else if (b->cls == BLOCK_BAD) gap += b->chars;
    }
    if (start < nodes[c].block0 && gap <= LEAD_GAP) return start;
    size_t lead = headline_lead(pg, a, start, false);
    /* the headline box may lie outside the container's ancestors searched */
    return lead == start && start == nodes[c].block0 ? headline_lead(pg, 0, start, true) : lead;
}

static bool sibling_taken(const xnode *x, double min)
{
    return x->region == NO_NODE && x->score >= SIBLING_MIN && (x->score >= min || x->score >= SIBLING_CLEAN * x->mass);
}

/* Whether element x is a list or table of short lines without links (the ingredients of a
 * recipe, the data of a product or an event): LIST_ITEMS_MIN items or cells or more, nothing else
 * but headings. */
static bool plain_list(xpage *pg, const xnode *x)
{
    if (x->region != NO_NODE) return false;
    size_t items = 0;
    for (size_t i = x->block0; i < x->block1; i++) {
        const xblock *b = &pg->blocks.items[i];
        pg->stats.steps++;
        if (b->cls == BLOCK_HEADING || b->cls == BLOCK_SKIP) continue;
        if (b->cls != BLOCK_SHORT || !(b->flags & (BF_ITEM | BF_CELL)) || b->link_chars || (b->flags & BF_HIDDEN)) return false;
        items++;
    }
    return items >= LIST_ITEMS_MIN;
}

/* Sets BF_OUTSIDE on the blocks of the children of p other than `except` that are not taken in
 * (set = true), or clears it on those taken in (set = false). */
static void mark_children(xpage *pg, uint32_t p, uint32_t except, double min, bool set)
{
    xnode *nodes = pg->nodes.items;
    for (uint32_t k = p + 1; k < nodes[p].end; k = nodes[k].end) {
        pg->stats.steps++;
        if (k == except || sibling_taken(&nodes[k], min) == set) continue;
        for (size_t b = nodes[k].block0; b < nodes[k].block1; b++) {
            if (set) pg->blocks.items[b].flags |= BF_OUTSIDE;
            else pg->blocks.items[b].flags &= (uint8_t)~BF_OUTSIDE;
        }
        pg->stats.steps += nodes[k].block1 - nodes[k].block0;
    }
}

/* Takes in the siblings of container c, and of its ancestors up to SIBLING_LEVELS above it, that
 * read like more of the article; the blocks of the others between them are marked BF_OUTSIDE.
 * Sets [*first, *end) to the blocks from the first to the last element taken (c's own when none)
 * and *scope to the element that holds them all; returns the first element taken. */
static uint32_t take_siblings(xpage *pg, uint32_t c, size_t *first, size_t *end, uint32_t *scope)
{
    xnode *nodes = pg->nodes.items;
    uint32_t lead = c, a = c;
    *first = nodes[c].block0;
    *end = nodes[c].block1;
    *scope = c;
    double min = nodes[c].score * SIBLING_SHARE;
    uint32_t lists[2 * SIBLING_LEVELS];
    size_t n_lists = 0;
    for (int level = 0; level < SIBLING_LEVELS; level++) {
        uint32_t p = nodes[a].parent;
        if (p == NO_NODE || nodes[p].tag == TAG_BODY || nodes[p].tag == TAG_HTML) break;
        uint32_t before = NO_NODE, after = NO_NODE;
        for (uint32_t k = p + 1; k < nodes[p].end; k = nodes[k].end) {
            pg->stats.steps++;
            if (nodes[k].block0 == nodes[k].block1) continue;
            if (k < a) before = k;
            else if (k > a && after == NO_NODE) after = k;
        }
        for (uint32_t k = p + 1; k < nodes[p].end; k = nodes[k].end) {
            pg->stats.steps++;
            if (k == a) continue;
            if (sibling_taken(&nodes[k], min)) {
            } else if ((k == before || k == after) && plain_list(pg, &nodes[k])) {
                lists[n_lists++] = k;
            } else {
                continue;
            }
            if (nodes[k].block0 < *first) {
                *first = nodes[k].block0;
                lead = k;
            }
            if (nodes[k].block1 > *end) *end = nodes[k].block1;
            *scope = p;
        }
        a = p;
    }
    if (*scope == c) return c;
    /* what lies between the elements taken and is not one of them stays out: the levels below
     * the scope mark the siblings they do not take */
    for (a = c; a != *scope; a = nodes[a].parent) mark_children(pg, nodes[a].parent, a, min, true);
    for (size_t l = 0; l < n_lists; l++)
        for (size_t b = nodes[lists[l]].block0; b < nodes[lists[l]].block1; b++)
            pg->blocks.items[b].flags &= (uint8_t)~BF_OUTSIDE;
    return lead;
}

/* When the text starts inside a list or table, its short items or cells before that point
 * belong to it (ingredients before the longer ones): the start moves back over them. */
static size_t list_start(xpage *pg, size_t b0)
{
    const xblock *bl = pg->blocks.items;
    const xnode *nodes = pg->nodes.items;
    if (!(bl[b0].flags & (BF_ITEM | BF_CELL))) return b0;
    uint32_t list = nodes[bl[b0].owner].parent;
    while (b0 > 0) {
        const xblock *b = &bl[b0 - 1];
        pg->stats.steps++;
        if (b->cls != BLOCK_SHORT || b->region != NO_NODE || (b->flags & BF_OUTSIDE) || nodes[b->owner].parent != list) break;
        b0--;
    }
    return b0;
}

/* When the captions among blocks [b0, b1) hold more characters than their prose, the page is a
 * gallery whose captions tell the story (a slide show, steps of a guide): the captions are read
 * as text, by their length and words; photo credits among them stay out. */
static void gallery_captions(xpage *pg, size_t b0, size_t b1, uint32_t scope)
{
    xblock *bl = pg->blocks.items;
    size_t captions = 0, prose = 0;
    for (size_t i = b0; i < b1; i++) {
        const xblock *b = &bl[i];
        if (in_furniture(pg, b, scope) || (b->flags & BF_OUTSIDE)) continue;
        if (gallery_caption(b)) captions += b->chars;
        else if (content(b->cls)) prose += b->chars;
    }
    pg->stats.steps += b1 - b0;
    if (captions <= prose) return;
    for (size_t i = b0; i < b1; i++) {
        xblock *b = &bl[i];
        const char *s = pg->text.data + b->start;
        if (gallery_caption(b) && !(b->chars < CREDIT_MAX && credit_phrase(s, b->len))) b->cls = (uint8_t)prose_class(b, s);
    }
}

bool assemble_text(xpage *pg, uint32_t c, buf *out)
{
    size_t first, b1;
    uint32_t scope;
    uint32_t lead = take_siblings(pg, c, &first, &b1, &scope);
    size_t b0 = lead_start(pg, lead);
    if (first < b0) b0 = first;
    b0 = list_start(pg, b0);
    while (b0 < pg->nodes.items[scope].block0) scope = pg->nodes.items[scope].parent;
    xblock *bl = pg->blocks.items;
    /* the class of the nearest substantive block after each one (furniture left out), by a
     * backward pass; the forward pass below knows the one before */
    gallery_captions(pg, b0, b1, scope);
    int next = -1;
    bool good_follows = false;
    for (size_t i = b1; i-- > b0;) {
        xblock *b = &bl[i];
        b->after = (int8_t)next;
        /* calls to action: after the text, and short ones (a newsletter box) within it */
        if ((b->flags & BF_APPEAL) && (!good_follows || b->cls != BLOCK_GOOD)) b->cls = BLOCK_BAD;
        if (!in_furniture(pg, b, scope) && !(b->flags & BF_OUTSIDE) && substantive(b->cls)) next = b->cls;
        if (b->cls == BLOCK_GOOD) good_follows = true;
    }
    pg->stats.steps += 2 * (b1 - b0);
    /* what to keep */
    int prev = -1;
    size_t kept_chars = 0;
    for (size_t i = b0; i < b1; i++) {
        xblock *b = &bl[i];
        int after = b->after;
        b->keep = 0;
        if ((b->flags & BF_OUTSIDE) || (in_furniture(pg, b, scope) && !header_text(pg, b, i < first))) {
            b->gap = 1;
            continue;
        }
        b->gap = b->cls == BLOCK_BAD;
        bool keep;
        switch (b->cls) {
        case BLOCK_GOOD:
        case BLOCK_MEDIUM: keep = true; break;
        case BLOCK_HEADING: keep = content(after); break;
        case BLOCK_SHORT:
            /* items, cells and short paragraphs next to prose; other short lines between prose */
            if ((b->flags & (BF_ITEM | BF_CELL)) || b->tag == TAG_P) keep = content(prev) || content(after);
            else keep = content(prev) && content(after);
            break;
        default: keep = false; break;
        }
        /* a short link line ("Read more: …") between paragraphs does not end the run of text for
         * the short lines after it (subheadings set as paragraphs) */
        if (substantive(b->cls) && !link_line(b)) prev = b->cls;
        b->keep = keep;
        if (keep) kept_chars += b->chars;
    }
    /* a small island of text after a stretch of furniture at the end (an author's box, an appeal,
     * a teaser after the sharing buttons) is not the article's */
    for (;;) {
        size_t island = 0, gap = 0, i = b1;
        while (i > b0 && gap < ISLAND_GAP) {
            xblock *b = &bl[--i];
            pg->stats.steps++;
            if (b->keep) {
                island += b->chars;
                gap = 0;
            } else if (b->gap) {
                gap += b->chars;
            }
        }
        if (gap < ISLAND_GAP || island == 0 || island >= ISLAND_SHARE * kept_chars) break;
        for (size_t k = i; k < b1; k++) bl[k].keep = 0;
        kept_chars -= island;
        b1 = i;
    }
    size_t last_kept = SIZE_MAX;
    for (size_t i = b0; i < b1; i++) {
        xblock *b = &bl[i];
        if (!b->keep) continue;
        if (out->len) {
            bool cell = b->row_cont && last_kept == i - 1;
            if (!buf_puts(out, cell ? " | " : "\n\n")) return false;
        }
        if (!buf_append(out, pg->text.data + b->start, b->len)) return false;
        last_kept = i;
    }
    return true;
}

/* The part of the page's description, in bytes, that must open a paragraph for it to be the
 * standfirst the description names (cut back to a character boundary), and the shortest
 * description looked at, in bytes: short ones are taglines that may open any line. */
#define DESCRIPTION_KEY 40
#define DESCRIPTION_MIN 80

bool add_described_standfirst(xpage *pg, buf *out)
{
    const char *d = pg->description;
    if (!d || strlen(d) < DESCRIPTION_MIN) return true;
    size_t key = DESCRIPTION_KEY;
    while (key > 0 && ((unsigned char)d[key] & 0xc0) == 0x80) key--;
    pg->stats.steps += out->len;
    for (size_t i = 0; i + key <= out->len; i++)
        if (out->data[i] == d[0] && memcmp(out->data + i, d, key) == 0) return true;
    for (size_t i = 0; i < pg->blocks.len; i++) {
        const xblock *b = &pg->blocks.items[i];
        pg->stats.steps++;
        if (b->keep || !content(b->cls) || b->len < key || memcmp(pg->text.data + b->start, d, key) != 0) continue;
        buf text = {0};
        bool ok = buf_append(&text, pg->text.data + b->start, b->len) && (!out->len || buf_puts(&text, "\n\n")) &&
                  (!out->len || buf_append(&text, out->data, out->len));
        if (!ok) {
            buf_free(&text);
            return false;
        }
        buf_free(out);
        *out = text;
        return true;
    }
    return true;
}

bool assemble_lines(xpage *pg, buf *out)
{
    xnode *nodes = pg->nodes.items;
    /* furniture inherited from the ancestors, parents first (kept in the scratch field `region`) */
    for (size_t i = 0; i < pg->nodes.len; i++) {
        uint32_t up = nodes[i].parent == NO_NODE ? NO_NODE : nodes[nodes[i].parent].region;
        nodes[i].region = nodes[i].furniture != FURN_NONE ? (uint32_t)i : up;
    }
    size_t chars = 0;
    for (size_t i = 0; i < pg->blocks.len; i++) {
        xblock *b = &pg->blocks.items[i];
        b->keep = nodes[b->node].region == NO_NODE && b->cls != BLOCK_BAD && b->cls != BLOCK_SKIP;
        if (b->keep) chars += b->chars;
    }
    pg->stats.steps += pg->nodes.len + 2 * pg->blocks.len;
    if (chars < LINES_MIN) return true;
    for (size_t i = 0; i < pg->blocks.len; i++) {
        const xblock *b = &pg->blocks.items[i];
        if (!b->keep) continue;
        if ((out->len && !buf_puts(out, "\n\n")) || !buf_append(out, pg->text.data + b->start, b->len)) return false;
    }
    return true;
}


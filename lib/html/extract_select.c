/* extract_select.c — the choice of the element that holds the article. Page furniture (nav,
 * aside, footer, header, form, furniture words in class or id) becomes a region whose text counts
 * against any container around it — unless it holds most of the page's prose, as wrappers with
 * layout classes ("right-sidebar", "has-footer") or whole-page <form>s do. Every block then adds
 * its weight (positive for prose, negative for links, furniture and regions) to all its
 * ancestors, and the element with the highest sum wins (a little more when its class names
 * content): the smallest part of the page that keeps the most prose while leaving out the most
 * furniture. */
#include <string.h>

#include "html/extract.h"

/* Extra score of an element whose class or id names content ("article-body", "entry-content",
 * "story", "post" …). */
#define CONTENT_BONUS 0.2

/* A parent replaces the chosen container when it holds CLIMB_MASS times its prose and keeps
 * CLIMB_SCORE of its score. */
#define CLIMB_MASS 1.5
#define CLIMB_SCORE 0.6

/* Share of the page's prose above which a furniture element is taken for a layout wrapper. */
#define WRAPPER_SHARE 0.5

/* A <header> with no furniture word in its class that holds HEADER_PROSE_MIN characters of prose,
 * HEADER_PROSE_SHARE of its text, is part of the article (prose_header). */
#define HEADER_PROSE_MIN 300
#define HEADER_PROSE_SHARE 0.5

/* A block's part in the container scores: prose counts for, links and furniture against. Text in
 * furniture regions counts at half weight: regions are left out of the text anyway, so their
 * weight only has to keep large ones (comments, sidebars) out of the container, while small ones
 * inside the article (a share bar, a box of related links) must not split it. */
static double block_weight(const xblock *b)
{
    double chars = b->chars, links = b->link_chars;
    if (b->region != NO_NODE) return -0.5 * chars;
    switch (b->cls) {
    case BLOCK_GOOD: return chars - 2 * links;
    case BLOCK_MEDIUM: return (chars - 2 * links) * 0.5;
    case BLOCK_HEADING:
    case BLOCK_SKIP: return 0;
    case BLOCK_SHORT: return -0.25 * chars;
    default: return -chars;
    }
}

/* Whether x is a <header> by its tag alone (no furniture word in its class) that is mostly
 * prose: the heading and the first paragraphs of an article, or a section of one, set in a
 * <header> — a page's own header holds a logo, a menu and a search box, not paragraphs. Needs
 * mass (prose) and, as scratch, score (all text) summed over the subtree. */
static bool prose_header(const xnode *x)
{
    return x->tag == TAG_HEADER && x->hint > -2 && x->mass >= HEADER_PROSE_MIN && x->mass >= HEADER_PROSE_SHARE * x->score;
}

/* Sums a per-node value over subtrees: children come after their parent in document order, so one
 * backward pass adds each node into its parent. */
static void sum_subtrees(xnode *nodes, size_t n, bool score)
{
    for (size_t i = n; i-- > 0;) {
        if (nodes[i].parent == NO_NODE) continue;
        if (score) nodes[nodes[i].parent].score += nodes[i].score;
        else nodes[nodes[i].parent].mass += nodes[i].mass;
    }
}

/* Marks regions (top down: parents first) and picks the best container; weak furniture counts
 * only when use_weak, strong furniture only when use_strong. */
static uint32_t select_pass(xpage *pg, bool use_weak, bool use_strong)
{
    xnode *nodes = pg->nodes.items;
    size_t n = pg->nodes.len;
    xblock *blocks = pg->blocks.items;
    size_t nb = pg->blocks.len;
    /* comment sections first: the share of prose that makes a layout wrapper is taken without them */
    for (size_t i = 0; i < n; i++) {
        uint32_t up = nodes[i].parent == NO_NODE ? NO_NODE : nodes[nodes[i].parent].region;
        nodes[i].region = use_strong && nodes[i].furniture == FURN_STRONG ? (uint32_t)i : up;
        nodes[i].mass = nodes[i].score = 0;
    }
    for (size_t i = 0; i < nb; i++) {
        if (nodes[blocks[i].node].region != NO_NODE) continue;
        if (blocks[i].cls == BLOCK_GOOD || blocks[i].cls == BLOCK_MEDIUM) nodes[blocks[i].node].mass += blocks[i].chars;
        nodes[blocks[i].node].score += blocks[i].chars; /* scratch: all text, for prose_header */
    }
    sum_subtrees(nodes, n, false);
    sum_subtrees(nodes, n, true);
    double total = 0;
    for (size_t i = 0; i < n; i++)
        if (nodes[i].parent == NO_NODE) total += nodes[i].mass;
    for (size_t i = 0; i < n; i++) {
        xnode *x = &nodes[i];
        uint32_t up = x->parent == NO_NODE ? NO_NODE : nodes[x->parent].region;
        bool furniture = (use_strong && x->furniture == FURN_STRONG) ||
                         (use_weak && x->furniture == FURN_WEAK && !(total > 0 && x->mass >= WRAPPER_SHARE * total) &&
                          !prose_header(x));
        x->region = furniture ? (uint32_t)i : up;
    }
    for (size_t i = 0; i < n; i++) nodes[i].score = 0;
    for (size_t i = 0; i < nb; i++) {
        blocks[i].region = nodes[blocks[i].node].region;
        blocks[i].weight = block_weight(&blocks[i]);
        nodes[blocks[i].node].score += blocks[i].weight;
    }
    sum_subtrees(nodes, n, true);
    pg->stats.steps += 7 * n + 2 * nb;
    uint32_t best = NO_NODE;
    double best_score = 0;
    for (size_t i = 0; i < n; i++) {
        double sc = nodes[i].score > 0 && nodes[i].hint > 0 ? nodes[i].score * (1 + CONTENT_BONUS) : nodes[i].score;
        if (sc > best_score) {
            best_score = sc;
            best = (uint32_t)i;
        }
    }
    return best;
}

/* The headline: the first <h1> that <title> contains, else the first <h1>. The prose within
 * HEADLINE_REACH blocks after it starts the article; when the chosen container leaves it out, the
 * smallest element around both (below <body>) becomes the container if the part around that prose
 * scores at least HEADLINE_SCORE of the container: a short article beside a bigger box (teasers,
 * an author's biography, a shop's terms) is kept with it instead of being lost to it. */
#define HEADLINE_REACH 12
#define HEADLINE_SCORE 0.1
/* <h1>s compared with <title>: a page of thousands of them must not cost that many searches. */
#define HEADLINE_TRIES 8

/* Whether <title> contains the text of block b. */
static bool title_has(xpage *pg, const xblock *b)
{
    char *end = pg->text.data + b->start + b->len, save = *end;
    *end = '\0';
    bool found = strstr(pg->title, pg->text.data + b->start) != NULL;
    *end = save;
    return found;
}

static bool contains(const xnode *nodes, uint32_t a, uint32_t x) { return x >= a && x < nodes[a].end; }

static uint32_t widen_to_headline(xpage *pg, uint32_t best)
{
    const xnode *nodes = pg->nodes.items;
    const xblock *bl = pg->blocks.items;
    size_t nb = pg->blocks.len, h = 0, first_h1 = nb, tries = 0;
    for (; h < nb; h++) {
        if (bl[h].tag != TAG_H1 || !bl[h].len) continue;
        if (first_h1 == nb) first_h1 = h;
        if (!pg->title || ++tries > HEADLINE_TRIES) {
            h = nb;
            break;
        }
        if (title_has(pg, &bl[h])) break;
    }
    pg->stats.steps += h;
    if (h == nb) h = first_h1;
    if (h == nb || contains(nodes, best, bl[h].owner)) return best;
    size_t p = h + 1;
    while (p < nb && p <= h + HEADLINE_REACH && !((bl[p].cls == BLOCK_GOOD || bl[p].cls == BLOCK_MEDIUM) && bl[p].region == NO_NODE))
        p++;
    pg->stats.steps += p - h;
    if (p >= nb || p > h + HEADLINE_REACH || contains(nodes, best, bl[p].owner)) return best;
    /* climb from that prose to the common ancestor, noting the best score on the way */
    uint32_t top = bl[p].owner;
    for (uint32_t up = nodes[top].parent; up != NO_NODE; up = nodes[up].parent) {
        pg->stats.steps++;
        if (nodes[up].tag == TAG_BODY || nodes[up].tag == TAG_HTML) break;
        if (contains(nodes, up, best)) return nodes[top].score >= HEADLINE_SCORE * nodes[best].score ? up : best;
        if (nodes[up].score > nodes[top].score) top = up;
    }
    return best;
}

static bool page_level(const xnode *x) { return x->tag == TAG_BODY || x->tag == TAG_HTML; }

/* When furniture covers all the prose (an unlucky class on the article itself), the choice is
 * made again without weak furniture, then without any. */
uint32_t select_container(xpage *pg)
{
    if (!pg->nodes.len) return NO_NODE;
    uint32_t best = select_pass(pg, true, true);
    if (best == NO_NODE) best = select_pass(pg, false, true);
    if (best == NO_NODE) best = select_pass(pg, false, false);
    if (best == NO_NODE) return NO_NODE;
    /* climb to a parent that holds clearly more prose at a modest cost in furniture: a box of
     * links between two parts of the article must not cut it in two */
    xnode *nodes = pg->nodes.items;
    for (uint32_t up = nodes[best].parent; up != NO_NODE; up = nodes[best].parent) {
        if (page_level(&nodes[up])) break;
        if (!(nodes[up].mass >= CLIMB_MASS * nodes[best].mass && nodes[up].score >= CLIMB_SCORE * nodes[best].score))
            break;
        best = up;
    }
    /* a single paragraph is a part of the article, never all of it (a short post whose metadata
     * lines of links weigh its parent down): the nearest ancestor that holds more blocks, below
     * <body>, takes its place, for the lines around it */
    if (nodes[best].block1 - nodes[best].block0 == 1) {
        uint32_t up = nodes[best].parent;
        while (up != NO_NODE && !page_level(&nodes[up]) && nodes[up].block1 - nodes[up].block0 == 1) {
            pg->stats.steps++;
            up = nodes[up].parent;
        }
        if (up != NO_NODE && !page_level(&nodes[up])) best = up;
    }
    return widen_to_headline(pg, best);
}

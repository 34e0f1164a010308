/* extract_select.c — the choice of the element that holds the article: every block adds its
 * weight (positive for prose, negative for links, furniture and page-furniture regions) to all its
 * ancestors, and the element with the highest sum wins: the smallest part of the page that keeps
 * the most prose while leaving out the most furniture. */
#include "html/extract.h"

uint32_t select_container(xpage *pg)
{
    xnode *nodes = pg->nodes.items;
    size_t n = pg->nodes.len;
    for (size_t i = 0; i < n; i++) nodes[i].score = 0;
    for (size_t i = 0; i < pg->blocks.len; i++) nodes[pg->blocks.items[i].owner].score += pg->blocks.items[i].weight;
    /* children come after their parent in document order: one backward pass sums subtrees */
    for (size_t i = n; i-- > 0;)
        if (nodes[i].parent != NO_NODE) nodes[nodes[i].parent].score += nodes[i].score;
    pg->stats.steps += n + pg->blocks.len;
    uint32_t best = NO_NODE;
    double best_score = 0;
    for (size_t i = 0; i < n; i++) {
        if (nodes[i].score > best_score) {
            best_score = nodes[i].score;
            best = (uint32_t)i;
        }
    }
    return best;
}

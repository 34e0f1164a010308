/* extract_text.c — the article's text from the blocks of its container: prose kept, links and
 * furniture dropped, headings kept when text follows them, short lines kept when they stand
 * between text (list items, table rows, a short paragraph). Paragraphs are separated by one blank
 * line; the cells of a table row are joined by " | ". */
#include "html/extract.h"

static bool substantive(int cls) { return cls == BLOCK_GOOD || cls == BLOCK_MEDIUM || cls == BLOCK_BAD; }
static bool content(int cls) { return cls == BLOCK_GOOD || cls == BLOCK_MEDIUM; }

/* Whether the block is left out as page furniture inside container c. */
static bool in_furniture(const xpage *pg, const xblock *b, uint32_t c)
{
    return b->region != NO_NODE && b->region > c && b->region < pg->nodes.items[c].end;
}

bool assemble_text(xpage *pg, uint32_t c, buf *out)
{
    const xnode *box = &pg->nodes.items[c];
    size_t b0 = box->block0, b1 = box->block1;
    xblock *bl = pg->blocks.items;
    /* the class of the nearest substantive block after each one (furniture left out), by a
     * backward pass; the forward pass below knows the one before */
    int next = -1;
    for (size_t i = b1; i-- > b0;) {
        xblock *b = &bl[i];
        b->after = (int8_t)next;
        if (!in_furniture(pg, b, c) && substantive(b->cls)) next = b->cls;
    }
    int prev = -1;
    size_t last_kept = SIZE_MAX;
    pg->stats.steps += 2 * (b1 - b0);
    for (size_t i = b0; i < b1; i++) {
        xblock *b = &bl[i];
        int after = b->after;
        if (in_furniture(pg, b, c)) continue;
        bool keep;
        switch (b->cls) {
        case BLOCK_GOOD:
        case BLOCK_MEDIUM: keep = true; break;
        case BLOCK_HEADING: keep = content(after); break;
        case BLOCK_SHORT: keep = content(after) && content(prev); break;
        default: keep = false; break;
        }
        if (substantive(b->cls)) prev = b->cls;
        if (!keep) continue;
        if (out->len) {
            bool cell = b->row_cont && last_kept == i - 1;
            if (!buf_puts(out, cell ? " | " : "\n\n")) return false;
        }
        if (!buf_append(out, pg->text.data + b->start, b->len)) return false;
        last_kept = i;
    }
    return true;
}

/* extract_classify.c — paragraph-level classification of blocks: link density, length, function
 * words and phrases of page furniture decide whether a block reads like article text. */
#include "html/extract.h"

/* Letters of words: ASCII letters and the bytes of non-ASCII characters, except those of general
 * punctuation (U+2000…, lead byte 0xE2: dashes, quotes, ellipsis) and Latin-1 signs (0xC2: «, ©). */
static bool word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0x80 && c != 0xe2 && c != 0xc2);
}

/* Counts words and function words of a block's text (ASCII letters lowercased for the lookup). */
static void count_words(const char *s, size_t len, xblock *b, extract_stats *st)
{
    char w[16];
    size_t words = 0, stops = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (!word_byte(c) || (c & 0xc0) == 0x80) {
            i++;
            continue;
        }
        size_t n = 0;
        while (i < len) {
            c = (unsigned char)s[i];
            if (!word_byte(c)) break;
            if (n < sizeof w) w[n] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            n++;
            i++;
        }
        
        words++;
        if (n <= sizeof w && function_word(w, n)) stops++;
    }
    st->steps += len;
    b->words = (uint16_t)(words > 65535 ? 65535 : words);
    b->stops = (uint16_t)(stops > 65535 ? 65535 : stops);
}

/* Sentence punctuation (. ! ? and the ellipsis) in the text. */
static size_t sentence_marks(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] == '.' || s[i] == '!' || s[i] == '?') n++;
    return n;
}

/* Longest block read as a call to action or a licence note (when nothing but such blocks follows). */
#define APPEAL_MAX 400

/* Longest caption: a "caption" holding more text is a page section with an unlucky class name. */
#define CAPTION_MAX 400

/* Share of the page's text above which a hidden element is shown after all: libxml2 builds the
 * tree by HTML 4 rules, so a stray tag can put the whole article inside a hidden menu, and pages
 * saved while a dialog was open hide everything behind it. */
#define HIDDEN_MAX_SHARE 0.5
/* Longest list item that may link less than half of its text and still be a line of text. */
#define ITEM_LINK_MAX 40

/* Sets `flag` on the blocks of every element for which mark(node) holds, once for nested ones. */
static void mark_blocks(xpage *pg, bool (*mark)(const xnode *, double), double total, uint8_t flag)
{
    xnode *nodes = pg->nodes.items;
    size_t done_until = 0;
    for (size_t i = 0; i < pg->nodes.len; i++) {
        if (i < done_until || !mark(&nodes[i], total)) continue;
        for (size_t b = nodes[i].block0; b < nodes[i].block1; b++) pg->blocks.items[b].flags |= flag;
        done_until = nodes[i].end;
    }
    pg->stats.steps += pg->nodes.len + pg->blocks.len;
}

static bool short_caption(const xnode *x, double total)
{
    (void)total;
    return x->caption && x->mass <= CAPTION_MAX;
}

static bool minor_hidden(const xnode *x, double total) { return x->hidden && x->mass < HIDDEN_MAX_SHARE * total; }

/* Flags the blocks of short captions and of hidden elements that hold a minor part of the text
 * (text sums by a backward pass over the tree, kept in the scratch field `mass`). */
static void mark_captions(xpage *pg)
{
    xnode *nodes = pg->nodes.items;
    size_t n = pg->nodes.len;
    for (size_t i = 0; i < n; i++) nodes[i].mass = 0;
    for (size_t i = 0; i < pg->blocks.len; i++) nodes[pg->blocks.items[i].node].mass += pg->blocks.items[i].chars;
    for (size_t i = n; i-- > 0;)
        if (nodes[i].parent != NO_NODE) nodes[nodes[i].parent].mass += nodes[i].mass;
    double total = 0;
    for (size_t i = 0; i < n; i++)
        if (nodes[i].parent == NO_NODE) total += nodes[i].mass;
    mark_blocks(pg, short_caption, total, BF_CAPTION);
    mark_blocks(pg, minor_hidden, total, BF_HIDDEN);
    pg->stats.steps += 3 * n;
}

/* A short list item with a word or two linked ("2 onions, chopped" with a link on "onions": a
 * recipe's ingredient, a product's part), not a link of a list of links. */
static bool linked_word_item(const xblock *b) { return (b->flags & BF_ITEM) && b->chars < ITEM_LINK_MAX; }

/* Short blocks that may link up to half of their text and still be text: such list items, and
 * lines of a block quotation (an embedded post ends in its links: "… pic.twitter.com/…"). */
static bool may_link_half(const xblock *b) { return linked_word_item(b) || (b->flags & BF_QUOTE); }

int prose_class(const xblock *b, const char *s)
{
    double stop_ratio = b->words ? (double)b->stops / b->words : 0;
    if (b->chars >= 150 || (b->chars >= 80 && sentence_marks(s, b->len) > 0 && stop_ratio >= 0.15)) return BLOCK_GOOD;
    return b->chars >= 40 ? BLOCK_MEDIUM : BLOCK_SHORT;
}

void blocks_classify(xpage *pg)
{
    mark_captions(pg);
    for (size_t i = 0; i < pg->blocks.len; i++) {
        xblock *b = &pg->blocks.items[i];
        const char *s = pg->text.data + b->start;
        count_words(s, b->len, b, &pg->stats);
        double ld = (double)b->link_chars / b->chars;
        bool furniture = b->chars < 160 && (furniture_phrase(s, b->len) || date_line(s, b->len));
        if (b->chars < APPEAL_MAX && (appeal_phrase(s, b->len) || bio_line(s, b->len))) b->flags |= BF_APPEAL;
        /* Image captions describe the picture, not the story: left out (and credits with them). */
        if (b->flags & (BF_CAPTION | BF_HIDDEN)) b->cls = BLOCK_SKIP;
        else if (b->chars < CREDIT_MAX && credit_phrase(s, b->len)) b->cls = BLOCK_SKIP; /* a caption */
        /* a "heading" of two lines or more is a paragraph set in a heading's style */
        else if (tag_is_heading(b->tag) && b->chars < 100) b->cls = (ld > 0.5 || furniture) ? BLOCK_BAD : BLOCK_HEADING;
        else if (ld > 0.5 || (ld > 0.3 && b->chars < 200 && !may_link_half(b)) || furniture) b->cls = BLOCK_BAD;
        else b->cls = (uint8_t)prose_class(b, s);
    }
}

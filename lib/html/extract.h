/* extract.h — internal interface of main-text extraction from a web page: charset conversion,
 * parsing, and the passes over the tree (blocks, classification, choice of the article's
 * container, text assembly). td_extract_html (article.c) puts them together. */
#ifndef TD_HTML_EXTRACT_H
#define TD_HTML_EXTRACT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/HTMLparser.h>

#include "common/buf.h"
#include "common/vec.h"
#include "tidings.h"

/* ---------------------------------------------------------------- charset.c, parse.c */

/* The page as UTF-8 (valid, no NUL bytes): the encoding comes from a byte-order mark, else the
 * declaration (<?xml encoding>, <meta charset>, <meta http-equiv=Content-Type>), else UTF-8 with
 * Windows-1252 for bytes that are not UTF-8. Returns `bytes` itself (*copied false) when they
 * are usable as they are, else a malloc'd copy; NULL when out of memory. */
char *charset_to_utf8(const char *bytes, size_t len, size_t *out_len, bool *copied);

/* Parses a page with libxml2's HTML parser (recovering from any markup) after converting it to
 * UTF-8. NULL with err set (naming `name`) when out of memory or when nothing could be parsed. */
htmlDocPtr page_parse(const char *html, size_t len, const char *name, td_error *err);

/* ---------------------------------------------------------------- extract_tags.c */

/* The elements the extractor tells apart; everything else is TAG_OTHER. */
typedef enum tag_id {
    TAG_OTHER = 0,
    TAG_A, TAG_ADDRESS, TAG_ARTICLE, TAG_ASIDE, TAG_BLOCKQUOTE, TAG_BODY, TAG_BR, TAG_CAPTION, TAG_DD, TAG_DIV,
    TAG_DL, TAG_DT, TAG_FIGCAPTION, TAG_FIGURE, TAG_FOOTER, TAG_FORM, TAG_H1, TAG_H2, TAG_H3, TAG_H4, TAG_H5,
    TAG_H6, TAG_HEADER, TAG_HR, TAG_HTML, TAG_LI, TAG_MAIN, TAG_NAV, TAG_OL, TAG_P, TAG_PRE, TAG_SECTION,
    TAG_TABLE, TAG_TD, TAG_TH, TAG_TR, TAG_UL, TAG_NOSCRIPT, TAG_INLINE, TAG_BLOCK, TAG_SKIP,
} tag_id;

/* How an element takes part in the text. */
typedef enum tag_kind {
    KIND_INLINE,  /* text flows through it (span, b, a, unknown inline tags) */
    KIND_BLOCK,   /* starts and ends a paragraph (p, div, li, h1, td, custom elements …) */
    KIND_BREAK,   /* a line break (br) */
    KIND_SKIP,    /* never text: script, style, head, form controls, media, templates */
    KIND_BOILER,  /* a block that holds page furniture: nav, aside, footer, header, form, menu */
} tag_kind;

/* The id and kind of an element name (lowercase, as libxml2 gives them). */
tag_id tag_lookup(const char *name, tag_kind *kind);
static inline bool tag_is_heading(int tag) { return tag >= TAG_H1 && tag <= TAG_H6; }

/* What the class and id attributes of an element say. */
typedef struct class_hints {
    int score;    /* negative for page furniture (-4: comments, cookie notices, newsletters, ad
                     networks; -2 or -3: sharing, related links, navigation, ads …), positive for
                     content (article, entry, post, story, text …), 0 for neither */
    bool hidden;  /* a class that hides the element ("hidden", "sr-only" …) */
    bool caption; /* an image caption or credit, or a pull quote */
} class_hints;

void hint_score(const char *klass, const char *id, class_hints *h);

/* True when a style attribute hides the element (display:none, visibility:hidden). */
bool style_hidden(const char *style);

/* ---------------------------------------------------------------- extract_blocks.c */

#define NO_NODE UINT32_MAX

/* One element of the page, in document (pre-)order. */
typedef struct xnode {
    uint32_t parent; /* index of the parent element, NO_NODE for the first */
    uint32_t end;    /* one past the index of its last descendant */
    uint32_t block0; /* its blocks are [block0, block1) */
    uint32_t block1;
    uint32_t region; /* innermost ancestor-or-self that is page furniture, NO_NODE when none */
    uint32_t owner;  /* itself when block-level, else its nearest block-level ancestor */
    uint8_t tag;     /* tag_id */
    int8_t hint;     /* hint_score of its class and id */
    uint8_t flags;   /* BF_* of itself and its ancestors */
    uint8_t furniture; /* FURN_*: what its tag and hints say */
    bool caption;    /* figcaption, or a caption, credit or pull-quote class */
    bool hidden;     /* hidden by a style, a class, the hidden or aria-hidden attribute */
    float mass;      /* characters of prose (good and medium blocks) inside it */
    float score;     /* container score: the weights of its blocks, summed */
} xnode;

/* Page furniture by tag or class/id (xnode.furniture). */
enum {
    FURN_NONE,
    FURN_WEAK,   /* nav, aside, footer, header, form, or a furniture word in class/id: unless it holds
                    most of the page's prose (layout classes such as "right-sidebar" on wrappers) */
    FURN_STRONG, /* comment sections, cookie notices, newsletter boxes, ad networks: always */
};

/* Block classes (extract_classify.c). */
enum {
    BLOCK_SKIP,    /* not part of the article's text, but no sign against its container (captions) */
    BLOCK_BAD,     /* link lists, boilerplate phrases: never kept */
    BLOCK_SHORT,   /* a few words: kept only between content */
    BLOCK_HEADING, /* a heading: kept when content follows */
    BLOCK_MEDIUM,  /* a sentence or two */
    BLOCK_GOOD,    /* a paragraph of prose */
};

/* Flags of a block. */
enum {
    BF_CAPTION = 1, /* inside a (short) caption */
    BF_CELL = 2,    /* a table cell */
    BF_ITEM = 4,    /* inside a list item */
    BF_QUOTE = 8,   /* inside a block quotation */
    BF_PRE = 16,    /* preformatted: line breaks kept */
    BF_APPEAL = 32, /* a call to action (appeal_phrase) */
    BF_HIDDEN = 64, /* inside a hidden element that holds a minor part of the page's text */
    BF_OUTSIDE = 128, /* in a sibling of the container that is not part of the text (extract_text.c) */
};

/* A run of text between two block boundaries: a paragraph, a heading, a list item, a cell. */
typedef struct xblock {
    uint32_t start;      /* its text: page->text.data[start .. start + len) */
    uint32_t len;
    uint32_t owner;      /* innermost block-level element around it */
    uint32_t node;       /* innermost element around it (inline ones too) */
    uint32_t region;     /* innermost page-furniture element around it, NO_NODE when none */
    uint32_t chars;      /* characters, spaces not counted */
    uint32_t link_chars; /* characters inside links */
    uint16_t words;      /* words (capped at 65535) */
    uint16_t stops;      /* of them, function words of a common language */
    uint8_t tag;         /* tag_id of the owner */
    uint8_t cls;         /* BLOCK_* */
    uint8_t flags;       /* BF_* */
    uint8_t row_cont;    /* 1 when it is a cell that continues the row of the block before */
    int8_t after;        /* class of the next substantive block of the container, -1 if none */
    uint8_t keep;        /* 1 when it goes into the text (extract_text.c) */
    uint8_t gap;         /* 1 when it is furniture or links that separate parts of the text */
    float weight;        /* its part of the container scores */
} xblock;

/* Work counters, for tests that prove linear work on growing input. */
typedef struct extract_stats {
    size_t nodes;      /* tree nodes visited (elements, text, others) */
    size_t text_bytes; /* bytes of text scanned */
    size_t blocks;     /* blocks made */
    size_t steps;      /* other loop steps of the passes after the walk */
} extract_stats;

typedef struct xpage {
    VEC(xnode) nodes;    /* elements from the root down, <head> and skipped subtrees left out */
    VEC(xblock) blocks;  /* in document order */
    buf text;            /* the blocks' texts, white space normalised */
    char *title;         /* text of <title>, else NULL (malloc'd) */
    char *description;   /* content of <meta name=description> or og:description, else NULL (malloc'd) */
    char *h1;            /* text of the first <h1>, else NULL (malloc'd) */
    char *lang;          /* <html lang>, else NULL (malloc'd) */
    VEC(xmlNodePtr) scripts; /* <script>s that hold JSON (JSON-LD, state objects), in document order */
    extract_stats stats;
} xpage;

/* Walks the tree once: fills nodes, blocks (text, counts, flags), title, h1, lang. False when out
 * of memory. Iterative: any nesting depth is fine. */
bool blocks_build(xpage *pg, htmlDocPtr doc);
void xpage_free(xpage *pg);

/* ---------------------------------------------------------------- extract_words.c */

/* True when the lowercased word is a function word of a common web language. */
bool function_word(const char *w, size_t len);
/* True when a short block opens with (or is) a phrase of page furniture: "Share on", "Read more",
 * "Kommentare", "© 2020 …", "All rights reserved". */
bool furniture_phrase(const char *s, size_t len);
/* True when the block holds a photo credit ("Foto: dpa", "Getty Images", "© Reuters") or opens with
 * a figure label and a colon ("Abbildung 4:", "Fig. 2:", "Beitragsbild:"). */
bool credit_phrase(const char *s, size_t len);
/* Longest block that a credit phrase makes a caption. */
#define CREDIT_MAX 200
/* True when the block asks the reader to do something: subscribe, donate, follow, download. */
bool appeal_phrase(const char *s, size_t len);
/* True when the block is an author's biography: a name, then "is"/"ist"/"est" …, and a word such
 * as "journalist", "author", "Redakteurin", "founder". */
bool bio_line(const char *s, size_t len);
/* True when a short block is a date line ("12.03.2020", "5. Mai 2014, 10:30", "March 3, 2020"). */
bool date_line(const char *s, size_t len);

/* ---------------------------------------------------------------- extract_classify.c */

/* Sets the class of every block: link density, length, function words, furniture phrases; text
 * of short captions and of hidden elements is left out (BLOCK_SKIP). */
void blocks_classify(xpage *pg);
/* The class of a counted block by its length, sentence marks and function words alone (links and
 * phrases left aside): BLOCK_GOOD, BLOCK_MEDIUM or BLOCK_SHORT. */
int prose_class(const xblock *b, const char *text);

/* ---------------------------------------------------------------- extract_select.c */

/* Marks page-furniture regions, weighs the blocks, sums their weights into element scores and
 * returns the element that best holds the article (NO_NODE when the page has no text). */
uint32_t select_container(xpage *pg);

/* ---------------------------------------------------------------- extract_text.c */

/* Appends the kept blocks of container c to out, paragraphs separated by one blank line.
 * False when out of memory. */
bool assemble_text(xpage *pg, uint32_t c, buf *out);

/* When the page's description is not in out but a paragraph that the text left out starts with
 * it (a standfirst set apart from the body: in a headline box, a <header> outside the container),
 * puts that paragraph before the text. False when out of memory. */
bool add_described_standfirst(xpage *pg, buf *out);

/* For a page where no element holds prose: appends its lines outside page furniture (short
 * lines, headings; not links, captions or hidden text) when they add up to 100 characters or
 * more (a page of notes, a list, a data sheet). False when out of memory. */
bool assemble_lines(xpage *pg, buf *out);

/* ---------------------------------------------------------------- extract_script.c */

/* True when a <script>'s type says it holds JSON ("application/ld+json", "application/json"). */
bool script_holds_json(const char *type);

/* Puts into out (cleared first) the longest `articleBody` of the page's JSON scripts, as
 * paragraphs separated by one blank line (markup and character references cleaned); out stays
 * empty when there is none. False when out of memory. */
bool script_article_body(const xpage *pg, buf *out);

/* ---------------------------------------------------------------- extract.c */

/* What extract_main_text finds; strings malloc'd (extract_result_free), NULL when absent. */
typedef struct extract_result {
    char *text;          /* the main text, paragraphs separated by one blank line */
    char *title;         /* the first <h1> when <title> contains it, else <title>, else that <h1> */
    char *lang;          /* <html lang> */
    extract_stats stats; /* work done */
} extract_result;

/* Extracts the main text of a parsed page. TD_ERR_INPUT when the page has none (res->text NULL;
 * title and lang may still be set), TD_ERR_NOMEM. */
td_status extract_main_text(htmlDocPtr doc, extract_result *res);
void extract_result_free(extract_result *res);

#endif

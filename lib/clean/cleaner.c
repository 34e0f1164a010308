/* cleaner.c — td_cleaner: cleans the articles of a cluster. Each article is split into sentences,
 * the sentences into paragraphs ("blocks": sentences that share lines), and every paragraph is
 * judged on its own text (rules.c), then by its place in the article (runs of headlines are link
 * lists; everything after an end marker such as "About the author" is debris), then against the
 * other articles (repeat.c). Kept paragraphs are handed out sentence by sentence; a title glued to
 * the first sentence and a cut-off last sentence become pieces of their own. */
#include <stdlib.h>
#include <string.h>

#include "clean/clean.h"
#include "clean/rules.h"
#include "common/bytes.h"
#include "common/error.h"
#include "text/text.h"

struct td_cleaner {
    VEC(td_span) sents;           /* sentences of every article, article by article */
    block_vec blocks;             /* paragraphs of every article, article by article */
    index_vec doc_block;          /* article d's paragraphs: blocks [doc_block[d], doc_block[d + 1]) */
    VEC(td_clean_piece) pieces;   /* pieces of every article */
    index_vec doc_piece;          /* article d's pieces: [doc_piece[d], doc_piece[d + 1]) */
    repeat_state repeats;         /* scratch of the cluster pass */
};

/* A glued title is looked for in the first GLUE_BLOCKS paragraphs only, before any kept one, and
 * a guessed one in the first GLUE_SCAN bytes. A last sentence of TRUNCATED_WORDS words or more
 * without final punctuation was cut off. */
enum { GLUE_BLOCKS = 3, GLUE_SCAN = 300, TRUNCATED_WORDS = 12 };

/* The last sentence of a kept paragraph is checked for prompts and credits up to this many words. */
enum { SENTENCE_RULE_WORDS = 12 };

static bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static char fold(char c) { return is_upper(c) ? (char)(c | 0x20) : c; }

static size_t skip_space(const char *s, size_t i, size_t end)
{
    size_t n;
    while (i < end && (n = text_space_len(s, end, i))) i += n;
    return i;
}

static size_t trim_back(const char *s, size_t start, size_t end)
{
    while (end > start && is_space(s[end - 1])) end--;
    return end;
}

/* ---------------------------------------------------------------- glued titles */

/* The known title at the start of s, glued to what follows ("…with USThis Friday, …"): the offset
 * where the title ends, or 0. A space between them still counts when a capital follows a title of
 * four words or more. */
static size_t glued_known(const char *s, size_t len, const char *title)
{
    size_t i = 0, words = 1;
    const char *t = title;
    while (*t) {
        if (is_space(*t)) {
            while (is_space(*t)) t++;
            while (i < len && is_space(s[i])) i++;
            words++;
            continue;
        }
        if (i == len || fold(s[i]) != fold(*t)) return 0;
        i++, t++;
    }
    size_t j = i;
    while (j < len && is_space(s[j])) j++;
    if (j + 1 >= len || !(is_upper(s[j]) || (j == i && s[j] >= '0' && s[j] <= '9'))) return 0;
    /* a short title followed by a space may just be how the sentence begins ("Obama Signs …") */
    return j == i ? (words >= 2 ? i : 0) : (words >= 4 ? i : 0);
}

/* The first byte of s[i..end) that is a capital or a sentence mark (. ! ?), `end` when none; eight
 * bytes a step (the lowest flagged byte is exact: a borrow flags no byte below the first match). */
static size_t next_capital_or_mark(const char *s, size_t i, size_t end)
{
    for (; i + 8 <= end; i += 8) {
        uint64_t x = bytes_load64_le(s + i), low7 = x & ~BYTES_HIGHS;
        uint64_t capital = (low7 + BYTES_ONES * (0x80 - 'A')) & ~(low7 + BYTES_ONES * (0x80 - 'Z' - 1)) & ~x;
        uint64_t stop = x ^ (BYTES_ONES * '.'), bang = x ^ (BYTES_ONES * '!'), ask = x ^ (BYTES_ONES * '?');
        uint64_t mark = ((stop - BYTES_ONES) & ~stop) | ((bang - BYTES_ONES) & ~bang) | ((ask - BYTES_ONES) & ~ask);
        uint64_t hit = (capital | mark) & BYTES_HIGHS;
        if (hit) return i + (size_t)__builtin_ctzll(hit) / 8;
    }
    while (i < end && !is_upper(s[i]) && s[i] != '.' && s[i] != '!' && s[i] != '?') i++;
    return i;
}

/* Without a known title: a title-like run of three words or more, then a lower-case word that runs
 * into a capitalised one ("Bridge shut for repair aheadCommuters from …"). Names that mix cases
 * (iPhone, McCain, YouTube) have fewer than three lower-case letters before the capital, or begin
 * with a capital. Only capitals and sentence marks are looked at; the words before a capital are
 * counted when it is one between two lower-case letters. */
static size_t glued_guess(const char *s, size_t len)
{
    if (!len || !is_upper(s[0])) return 0;
    size_t limit = len < GLUE_SCAN ? len : GLUE_SCAN;
    for (size_t p = 1; (p = next_capital_or_mark(s, p, limit - 1)) + 1 < limit; p++) {
        char c = s[p];
        if (c == '.' || c == '!' || c == '?') {
            if (is_space(s[p + 1])) return 0; /* a sentence ended first */
            continue;
        }
        if (!is_lower(s[p - 1]) || !is_lower(s[p + 1])) continue;
        size_t w = p;
        while (w > 0 && !is_space(s[w - 1])) w--;
        if (!is_lower(s[w]) || p - w < 3) continue;
        size_t words = 1; /* words before s[p]: ends of words followed by white space */
        for (size_t q = 1; q < p; q++) words += is_space(s[q]) && !is_space(s[q - 1]);
        if (words > 3) return p;
    }
    return 0;
}

/* ---------------------------------------------------------------- paragraphs of one article */

/* Groups the article's sentences [s0, s1) into paragraphs and judges each on its own. */
static bool read_blocks(td_cleaner *cl, const td_document *doc, size_t s0, size_t s1)
{
    const char *text = doc->text;
    bool seen_content = false;
    size_t first_block = cl->blocks.len;
    for (size_t i = s0; i < s1;) {
        td_span first = cl->sents.items[i];
        size_t j = i + 1;
        while (j < s1) {
            size_t gap = cl->sents.items[j - 1].end;
            if (memchr(text + gap, '\n', cl->sents.items[j].start - gap)) break;
            j++;
        }
        block b = {0};
        size_t start = first.start;
        while (start > 0 && text[start - 1] != '\n') start--;
        b.span = (td_span){skip_space(text, start, first.start), cl->sents.items[j - 1].end};
        b.first = (uint32_t)i;
        b.n = (uint32_t)(j - i);
        b.docs = 1;
        const char *s = text + b.span.start;
        size_t len = b.span.end - b.span.start;
        if (!seen_content && cl->blocks.len - first_block < GLUE_BLOCKS) {
            b.cut = doc->title ? glued_known(s, len, doc->title) : glued_guess(s, len);
            b.cut_reason = TD_CLEAN_GLUED_TITLE;
        }
        if (!b.cut && (b.cut = rules_leading_credit(s, len)) != 0) b.cut_reason = TD_CLEAN_CREDIT;
        size_t body = b.cut ? skip_space(s, b.cut, len) : 0;
        if (body == len) { /* a credit alone: the paragraph rules see it whole */
            b.cut = 0;
            body = 0;
        }
        view v;
        view_make(&v, s + body, len - body);
        rules_place at = {doc->title, b.span.start * 2 >= doc->text_len};
        b.reason = (uint8_t)rules_paragraph(s + body, len - body, &v, &at);
        b.words = v.words;
        b.prose = view_ends_sentence(&v) && v.words >= CLEAN_PROSE_WORDS;
        b.marker = rules_end_marker(&v);
        b.key = repeat_key(&v, s + body, len - body);
        seen_content |= b.reason == TD_CLEAN_CONTENT;
        if (!vec_push(&cl->blocks, b)) return false;
        i = j;
    }
    return true;
}

/* Runs of two headlines or more are link lists; from an end marker in the article's second half
 * on, nothing is the article's. */
static void place_blocks(block *b, size_t n, size_t text_len)
{
    for (size_t i = 0, j; i < n; i = j) {
        j = i + 1;
        if (b[i].reason != TD_CLEAN_HEADLINE && b[i].reason != TD_CLEAN_RELATED) continue;
        while (j < n && (b[j].reason == TD_CLEAN_HEADLINE || b[j].reason == TD_CLEAN_RELATED)) j++;
        if (j - i < 2) continue;
        for (size_t k = i; k < j; k++)
            if (b[k].reason == TD_CLEAN_HEADLINE) b[k].reason = TD_CLEAN_RELATED;
    }
    bool tail = false;
    for (size_t i = 0; i < n; i++) {
        tail |= b[i].marker && b[i].span.start * 2 >= text_len;
        if (tail && (td_clean_keeps((td_clean_reason)b[i].reason) || b[i].reason == TD_CLEAN_HEADLINE))
            b[i].reason = TD_CLEAN_TAIL;
    }
}

/* ---------------------------------------------------------------- pieces */

static bool push_piece(td_cleaner *cl, size_t start, size_t end, td_clean_reason reason)
{
    if (start >= end) return true;
    return vec_push(&cl->pieces, ((td_clean_piece){{start, end}, reason}));
}

/* Words of s[0..len), counted up to `most`. */
static size_t count_words(const char *s, size_t len, size_t most)
{
    size_t n = 0, i = 0;
    bool space = true; /* the byte before s[i] is white space, or there is none */
    /* eight bytes a step: the top bit of each byte that is white space, then of each word start */
    for (; i + 8 <= len && n < most; i += 8) {
        uint64_t x = bytes_load64_le(s + i), low7 = x & ~BYTES_HIGHS, y = low7 ^ (BYTES_ONES * ' ');
        uint64_t blank = ~((y + BYTES_ONES * 0x7f) | y);                                    /* ' ' */
        uint64_t control = (low7 + BYTES_ONES * (0x80 - '\t')) & ~(low7 + BYTES_ONES * (0x80 - '\r' - 1)); /* \t..\r */
        uint64_t white = (blank | control) & ~x & BYTES_HIGHS;
        uint64_t starts = ~white & BYTES_HIGHS & (white << 8 | (uint64_t)space << 7);
        n += bytes_count_highs(starts);
        space = white >> 63;
    }
    for (; i < len && n < most; i++) {
        bool white = is_space(s[i]);
        n += space && !white;
        space = white;
    }
    return n < most ? n : most;
}

/* What a sentence of a kept paragraph is, mostly by its end. The last sentence of a paragraph of
 * several is also read by the sentence rules, as that is where prompts and credits hide ("…
 * Click here for more.", "… (Associated Press)"), and they are short. */
static td_clean_reason sentence_reason(const char *s, size_t len, bool last_of_many)
{
    if (last_of_many && count_words(s, len, SENTENCE_RULE_WORDS + 1) <= SENTENCE_RULE_WORDS)
        return rules_sentence(s, len);
    unsigned char end = view_final_mark(s, len);
    if (end == '?') return TD_CLEAN_QUESTION;
    return end == '.' || end == '!' ? TD_CLEAN_CONTENT : TD_CLEAN_NO_END;
}

/* Whether s ends in the stump of a word: one to three lower-case letters that make no common
 * short word ("… by the end of the mon"). */
static bool cut_word(const char *s, size_t len)
{
    static const char *const whole[] = {
        "a",   "i",   "an",  "as",  "at",  "be",  "by",  "do",  "go",  "he",  "if",  "in",  "is",  "it",
        "me",  "my",  "no",  "of",  "on",  "or",  "so",  "to",  "up",  "us",  "we",  "ago", "all", "and",
        "any", "are", "but", "can", "day", "did", "end", "far", "few", "for", "get", "got", "had", "has",
        "her", "him", "his", "how", "its", "law", "man", "may", "new", "not", "now", "off", "old", "one",
        "our", "out", "own", "put", "saw", "say", "see", "set", "she", "the", "too", "two", "use",
        "war", "was", "way", "who", "why", "yet", "you", NULL,
    };
    size_t k = len;
    while (k > 0 && s[k - 1] >= 'a' && s[k - 1] <= 'z') k--;
    size_t n = len - k;
    if (n == 0 || n > 3 || (k > 0 && !is_space(s[k - 1]))) return false;
    for (const char *const *w = whole; *w; w++)
        if (strlen(*w) == n && memcmp(*w, s + k, n) == 0) return false;
    return true;
}

/* Hands out article d's pieces; a last sentence with no final punctuation is cut off when it is
 * long, ends a paragraph of several, or ends in the stump of a word. */
static bool emit_pieces(td_cleaner *cl, const char *text, size_t d)
{
    size_t last = SIZE_MAX, last_block_sents = 0;
    for (size_t k = cl->doc_block.items[d]; k < cl->doc_block.items[d + 1]; k++) {
        const block *b = &cl->blocks.items[k];
        size_t body = skip_space(text, b->span.start + b->cut, b->span.end);
        if (b->cut && !push_piece(cl, b->span.start, trim_back(text, b->span.start, b->span.start + b->cut),
                                  (td_clean_reason)b->cut_reason))
            return false;
        if (!td_clean_keeps((td_clean_reason)b->reason)) {
            if (!push_piece(cl, body, b->span.end, (td_clean_reason)b->reason)) return false;
            continue;
        }
        for (size_t i = b->first; i < b->first + b->n; i++) {
            td_span sp = cl->sents.items[i];
            if (sp.end <= body) continue;
            if (sp.start < body) sp.start = body;
            td_clean_reason r = sentence_reason(text + sp.start, sp.end - sp.start, i > b->first && i + 1 == b->first + b->n);
            if (!push_piece(cl, sp.start, sp.end, r)) return false;
            if (td_clean_keeps(r)) {
                last = cl->pieces.len - 1;
                last_block_sents = b->n;
            }
        }
    }
    if (last != SIZE_MAX) {
        td_clean_piece *p = &cl->pieces.items[last];
        const char *s = text + p->span.start;
        size_t len = p->span.end - p->span.start;
        unsigned char end = view_final_mark(s, len);
        bool open = end != '.' && end != '!' && end != '?' && end != ':';
        size_t words = count_words(s, len, TRUNCATED_WORDS);
        if (open && (last_block_sents > 1 || words >= TRUNCATED_WORDS || (words >= 4 && cut_word(s, len))))
            p->reason = TD_CLEAN_TRUNCATED;
    }
    /* a short last line that looks like a headline but ends in a stump was cut too */
    size_t first = cl->doc_piece.items[d];
    if (cl->pieces.len > first) {
        td_clean_piece *p = &cl->pieces.items[cl->pieces.len - 1];
        const char *s = text + p->span.start;
        size_t len = p->span.end - p->span.start;
        if (p->reason == TD_CLEAN_HEADLINE && count_words(s, len, 4) >= 4 && cut_word(s, len))
            p->reason = TD_CLEAN_TRUNCATED;
    }
    return true;
}

/* ---------------------------------------------------------------- the API */

td_cleaner *td_cleaner_new(void) { return calloc(1, sizeof(td_cleaner)); }

void td_cleaner_free(td_cleaner *cl)
{
    if (!cl) return;
    vec_free(&cl->sents);
    vec_free(&cl->blocks);
    vec_free(&cl->doc_block);
    vec_free(&cl->pieces);
    vec_free(&cl->doc_piece);
    repeat_free(&cl->repeats);
    free(cl);
}

static bool clean_cluster(td_cleaner *cl, const td_cluster *c)
{
    cl->sents.len = cl->blocks.len = cl->pieces.len = 0;
    cl->doc_block.len = cl->doc_piece.len = 0;
    if (!vec_reserve(&cl->doc_block, c->n_docs + 1) || !vec_reserve(&cl->doc_piece, c->n_docs + 1)) return false;
    /* the arrays exist even when an article has no sentence, so offsets into them stay defined */
    if (!vec_reserve(&cl->sents, 1) || !vec_reserve(&cl->blocks, 1) || !vec_reserve(&cl->pieces, 1)) return false;
    for (size_t d = 0; d < c->n_docs; d++) {
        const td_document *doc = &c->docs[d];
        td_span *spans;
        size_t n;
        if (td_split_sentences(doc->text, doc->text_len, &spans, &n) != TD_OK) return false;
        bool ok = vec_reserve(&cl->sents, n);
        if (ok) {
            if (n) memcpy(cl->sents.items + cl->sents.len, spans, n * sizeof *spans);
            cl->sents.len += n;
        }
        free(spans);
        cl->doc_block.items[cl->doc_block.len++] = cl->blocks.len;
        if (!ok || !read_blocks(cl, doc, cl->sents.len - n, cl->sents.len)) return false;
        place_blocks(cl->blocks.items + cl->doc_block.items[d], cl->blocks.len - cl->doc_block.items[d], doc->text_len);
    }
    cl->doc_block.items[cl->doc_block.len++] = cl->blocks.len;
    if (!repeat_mark(&cl->repeats, c, cl->blocks.items, cl->doc_block.items)) return false;
    for (size_t d = 0; d < c->n_docs; d++) {
        cl->doc_piece.items[cl->doc_piece.len++] = cl->pieces.len;
        if (!emit_pieces(cl, c->docs[d].text, d)) return false;
    }
    cl->doc_piece.items[cl->doc_piece.len++] = cl->pieces.len;
    return true;
}

td_status td_clean_cluster(td_cleaner *cl, const td_cluster *c, td_error *err)
{
    if (!clean_cluster(cl, c)) {
        cl->doc_piece.len = 0;
        return error_nomem(err);
    }
    return TD_OK;
}

const td_clean_piece *td_clean_pieces(const td_cleaner *cl, size_t doc, size_t *n)
{
    if (doc + 1 >= cl->doc_piece.len) {
        *n = 0;
        return NULL;
    }
    *n = cl->doc_piece.items[doc + 1] - cl->doc_piece.items[doc];
    return cl->pieces.items + cl->doc_piece.items[doc];
}

bool td_clean_keeps(td_clean_reason reason) { return reason <= TD_CLEAN_QUESTION; }

const char *td_clean_reason_name(td_clean_reason reason)
{
    static const char *const names[TD_CLEAN_N_REASONS] = {
        [TD_CLEAN_CONTENT] = "content",          [TD_CLEAN_NO_END] = "no-end",
        [TD_CLEAN_QUESTION] = "question",        [TD_CLEAN_TITLE] = "title",
        [TD_CLEAN_HEADLINE] = "headline",        [TD_CLEAN_NAVIGATION] = "navigation",
        [TD_CLEAN_SHARE] = "share-prompt",       [TD_CLEAN_COMMENT] = "comment-prompt",
        [TD_CLEAN_READER_QUESTION] = "reader-question", [TD_CLEAN_BYLINE] = "byline",
        [TD_CLEAN_BIO] = "author-bio",           [TD_CLEAN_RELATED] = "related",
        [TD_CLEAN_CREDIT] = "image-credit",      [TD_CLEAN_COPYRIGHT] = "copyright",
        [TD_CLEAN_TIMESTAMP] = "timestamp",      [TD_CLEAN_TAGS] = "tags",
        [TD_CLEAN_COUNTER] = "counter",          [TD_CLEAN_SEPARATOR] = "separator",
        [TD_CLEAN_EMBED] = "embed",              [TD_CLEAN_ADVERT] = "advert",
        [TD_CLEAN_NOTE] = "note",                [TD_CLEAN_REPEATED] = "repeated",
        [TD_CLEAN_DUPLICATE] = "duplicate",      [TD_CLEAN_TAIL] = "after-end",
        [TD_CLEAN_GLUED_TITLE] = "glued-title",  [TD_CLEAN_TRUNCATED] = "truncated",
    };
    return (unsigned)reason < TD_CLEAN_N_REASONS ? names[reason] : "unknown";
}

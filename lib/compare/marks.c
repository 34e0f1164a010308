/* marks.c — the quoted pieces of an article: tokens with their quotation marks, paragraphs and
 * sentences; marks paired within a paragraph; titles, nicknames and scare quotes set aside; pieces
 * joined into one quote when only an attribution ("…," he said. "…") or a paragraph break (a quote
 * that goes on in the next paragraph) separates them. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "compare/quotes.h"

/* Words that join a second clause to an attribution ("Blige sings before asking her, "…""): the next
 * piece is another quote. */
static const char *const linkers[] = {"after", "and", "because", "before", "but", "then", "when", "while"};
/* Words of at least four letters that a title leaves in lower case. */
static const char *const title_small[] = {"about", "from", "into", "over", "than", "that", "this", "upon", "with"};

bool qtok_is(const qdoc *d, size_t t, const char *const *sorted, size_t n)
{
    if (t >= d->tok.len || d->tok.items[t].kind != TOKEN_WORD) return false;
    size_t len = d->tok.items[t].end - d->tok.items[t].start;
    char low[24];
    if (len >= sizeof low) return false;
    for (size_t i = 0; i < len; i++) {
        char c = d->text[d->tok.items[t].start + i];
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return wordlist_find(sorted, n, low, len);
}

bool qtok_char(const qdoc *d, size_t t, char c)
{
    return t < d->tok.len && d->tok.items[t].end - d->tok.items[t].start == 1 && d->text[d->tok.items[t].start] == c;
}

/* The QT_OPEN/QT_CLOSE bits of the punctuation at s[0..n). */
static uint8_t mark_flags(const char *s, size_t n)
{
    if (n == 1 && s[0] == '"') return QT_OPEN | QT_CLOSE;
    if (n == 3 && !memcmp(s, "\xe2\x80\x9c", 3)) return QT_OPEN;   /* “ */
    if (n == 3 && !memcmp(s, "\xe2\x80\x9e", 3)) return QT_OPEN;   /* „ */
    if (n == 3 && !memcmp(s, "\xe2\x80\x9d", 3)) return QT_CLOSE;  /* ” */
    if (n == 2 && !memcmp(s, "\xc2\xab", 2)) return QT_OPEN;       /* « */
    if (n == 2 && !memcmp(s, "\xc2\xbb", 2)) return QT_CLOSE;      /* » */
    return 0;
}

static bool upper_start(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    size_t pos = i;
    uint32_t cp = utf8_decode(s, len, &pos);
    return utf8proc_isupper((utf8proc_int32_t)cp);
}

/* Tokens with marks, paragraphs and sentences. */
static bool tokenise(qdoc *d)
{
    td_span *sp = NULL;
    size_t n_sp = 0;
    if (td_split_sentences(d->text, d->len, &sp, &n_sp) != TD_OK) return false;
    d->n_sent = n_sp;
    size_t pos = 0, prev_end = 0, s = 0;
    uint32_t para = 0;
    token t;
    bool ok = true;
    while (ok && token_next(d->text, d->len, &pos, &t)) {
        size_t newlines = 0;
        for (size_t i = prev_end; i < t.start; i++) newlines += d->text[i] == '\n';
        if (newlines >= 2 && d->tok.len) para++;
        qtok q = {.start = t.start, .end = t.end, .kind = t.kind, .para = para};
        if (t.kind == TOKEN_PUNCT) {
            const char *c = d->text + t.start;
            q.flags = mark_flags(c, t.end - t.start);
            /* '' (NYT style) and `` are double marks written as two single ones. */
            if ((*c == '\'' || *c == '`') && t.end < d->len && d->text[t.end] == *c) {
                q.flags = *c == '\'' ? QT_OPEN | QT_CLOSE : QT_OPEN;
                q.end = t.end + 1;
                pos = q.end;
            }
        } else if (upper_start(d->text, d->len, t.start)) {
            q.flags = QT_CAP;
        }
        while (s + 1 < n_sp && sp[s + 1].start <= q.start) s++;
        q.sent = (uint32_t)s;
        prev_end = q.end;
        ok = vec_push(&d->tok, q);
    }
    free(sp);
    return ok;
}

static bool space_or_edge(const qdoc *d, size_t byte_before)
{
    return byte_before == 0 || text_space_len(d->text, d->len, byte_before - 1) ||
           (d->text[byte_before - 1] & 0xc0) == 0x80; /* after a multi-byte character: judged by its token */
}

/* Pairs the marks of the paragraph of tokens [a, b) into pieces. */
static bool pair_paragraph(qdoc *d, size_t a, size_t b)
{
    size_t open = SIZE_MAX;
    for (size_t i = a; i < b; i++) {
        uint8_t f = d->tok.items[i].flags & (QT_OPEN | QT_CLOSE);
        if (!f) continue;
        bool before_space = space_or_edge(d, d->tok.items[i].start);
        bool after_word = i + 1 < b && d->tok.items[i + 1].kind != TOKEN_PUNCT &&
                          d->tok.items[i + 1].start == d->tok.items[i].end;
        if (open == SIZE_MAX) {
            if ((f & QT_OPEN) || (before_space && after_word)) open = i; /* a ” written for “ */
            continue;
        }
        if ((f & QT_CLOSE) || !before_space) {
            if (i > open + 1 && !vec_push(&d->pieces, ((qpiece){.open = open, .close = i}))) return false;
            open = SIZE_MAX;
        }
    }
    if (open != SIZE_MAX && b > open + 1)
        return vec_push(&d->pieces, ((qpiece){.open = open, .close = b, .open_end = true}));
    return true;
}

static bool all_capitalised(const qdoc *d, const qpiece *p)
{
    bool first = true;
    size_t caps = 0;
    for (size_t i = p->open + 1; i < p->close; i++) {
        const qtok *t = &d->tok.items[i];
        if (t->kind != TOKEN_WORD) continue;
        size_t len = t->end - t->start;
        bool cap = t->flags & QT_CAP;
        caps += cap;
        if (first && !cap) return false;
        first = false;
        if (!cap && len >= 4 && !QTOK_IS(d, i, title_small)) return false;
    }
    return caps >= 2;
}

/* A speech verb within `reach` tokens before the piece, or within twice that after it when the piece
 * ends a sentence or clause inside its marks (`"No," the mayor, Jane Doe, said`), in its paragraph. */
static bool cue_near(const qdoc *d, const qpiece *p, size_t reach)
{
    size_t last = p->close - 1;
    bool closes_clause = qtok_char(d, last, ',') || qtok_char(d, last, '.') || qtok_char(d, last, '?') ||
                         qtok_char(d, last, '!');
    uint32_t para = d->tok.items[p->open].para;
    for (size_t k = 1; k <= reach && k <= p->open; k++) {
        if (d->tok.items[p->open - k].para != para) break;
        if (speech_verb(d, p->open - k)) return true;
    }
    for (size_t k = 1; closes_clause && k <= 2 * reach && p->close + k < d->tok.len; k++) {
        if (d->tok.items[p->close + k].para != para || (d->tok.items[p->close + k].flags & (QT_OPEN | QT_CLOSE))) break;
        if (speech_verb(d, p->close + k)) return true;
    }
    return false;
}

static bool sentence_end(const qdoc *d, size_t t)
{
    return qtok_char(d, t, '.') || qtok_char(d, t, '?') || qtok_char(d, t, '!');
}

/* A speech verb in the sentence of the piece (outside it), in its paragraph. */
static bool cue_in_sentence(const qdoc *d, const qpiece *p)
{
    const qtok *t = d->tok.items;
    for (size_t i = p->open; i-- > 0 && t[i].sent == t[p->open].sent && t[i].para == t[p->open].para;)
        if (speech_verb(d, i)) return true;
    for (size_t i = p->close + 1; i < d->tok.len && t[i].sent == t[p->close - 1].sent && t[i].para == t[p->open].para; i++)
        if (speech_verb(d, i)) return true;
    return false;
}

/* Whether a quoted piece is speech: not a title ("The Interview"), nickname (Dwayne "The Rock"
 * Johnson) or scare quote (a word or two with no speech verb at hand). */
static bool is_speech(const qdoc *d, const qpiece *p)
{
    if (!p->words) return false;
    bool starts_paragraph = p->open == 0 || d->tok.items[p->open - 1].para != d->tok.items[p->open].para;
    if (!starts_paragraph && p->words <= 8 && all_capitalised(d, p)) return false;
    if (p->words <= 3 && p->open > 0 && p->close + 1 < d->tok.len && (d->tok.items[p->open - 1].flags & QT_CAP) &&
        (d->tok.items[p->close + 1].flags & QT_CAP) && !p->open_end)
        return false;
    /* three words or fewer: a term or a scare quote unless a speech verb is at hand or it is a whole
       sentence ("It's about me.") */
    const qtok *first = &d->tok.items[p->open + 1];
    bool sentence = p->words >= 2 && (first->flags & QT_CAP) && !p->open_end && sentence_end(d, p->close - 1);
    if (p->words <= 3) return sentence || cue_near(d, p, 6) || (p->words == 3 && cue_in_sentence(d, p));
    /* a short phrase quoted inside a sentence that reports no speech is a term ("a living room in
       western Pennsylvania") */
    if (p->words <= 6 && !(first->flags & QT_CAP) && !cue_in_sentence(d, p)) return false;
    return true;
}


static bool dash(const qdoc *d, size_t t)
{
    if (t >= d->tok.len || d->tok.items[t].kind != TOKEN_PUNCT) return false;
    const char *c = d->text + d->tok.items[t].start;
    size_t n = d->tok.items[t].end - d->tok.items[t].start;
    return (n == 1 && *c == '-') || (n == 3 && (!memcmp(c, "\xe2\x80\x94", 3) || !memcmp(c, "\xe2\x80\x93", 3) ||
                                                 !memcmp(c, "\xe2\x80\xa6", 3)));
}

size_t piece_label(const qdoc *d, const qpiece *p)
{
    size_t t = p->open + 1;
    while (t < p->close && t < p->open + 4 && d->tok.items[t].kind == TOKEN_WORD) {
        for (size_t i = d->tok.items[t].start; i < d->tok.items[t].end; i++)
            if (d->text[i] < 'A' || d->text[i] > 'Z') return 0;
        t++;
    }
    return t > p->open + 1 && t < p->close && qtok_char(d, t, ':') ? t : 0;
}

/* True when piece b goes on with the quote of piece a: the next paragraph opens with it after a
 * left open, or only an attribution stands between them (`"…," he said. "…"`). */
static bool continues(const qdoc *d, const qpiece *a, const qpiece *b)
{
    const qtok *t = d->tok.items;
    if (piece_label(d, b)) return false; /* the next speaker of a transcript */
    if (a->open_end) return t[b->open].para == t[a->close - 1].para + 1 && t[b->open - 1].para < t[b->open].para;
    if (t[a->close].para != t[b->open].para || b->open - a->close > 12) return false;
    size_t last = a->close - 1;
    bool comma_break = qtok_char(d, last, ',') || dash(d, last) || qtok_char(d, a->close + 1, ',') ||
                       ((qtok_char(d, last, '?') || qtok_char(d, last, '!')) && !(t[a->close + 1].flags & QT_CAP));
    if (!comma_break) return false;
    size_t cues = 0;
    for (size_t i = a->close + 1; i < b->open; i++) {
        if ((sentence_end(d, i) && i + 1 != b->open) || QTOK_IS(d, i, linkers)) return false;
        cues += speech_verb(d, i);
    }
    return cues == 1 && b->open - a->close <= 12;
}

/* Partial: the quote begins inside a sentence of the article's words, in lower case. */
static bool partial(const qdoc *d, const qpiece *p)
{
    if (p->open == 0) return false;
    const qtok *before = &d->tok.items[p->open - 1];
    const qtok *first = &d->tok.items[p->open + 1];
    return before->para == first->para && before->kind == TOKEN_WORD && !(first->flags & QT_CAP);
}

bool marks_find(qdoc *d)
{
    if (!tokenise(d)) return false;
    size_t a = 0;
    for (size_t i = 1; i <= d->tok.len; i++) {
        if (i < d->tok.len && d->tok.items[i].para == d->tok.items[a].para) continue;
        if (!pair_paragraph(d, a, i)) return false;
        a = i;
    }
    size_t kept = 0;
    for (size_t i = 0; i < d->pieces.len; i++) {
        qpiece *p = &d->pieces.items[i];
        for (size_t k = p->open + 1; k < p->close; k++) p->words += d->tok.items[k].kind != TOKEN_PUNCT;
        if (is_speech(d, p)) d->pieces.items[kept++] = *p;
    }
    d->pieces.len = kept;
    for (size_t i = 0; i < d->pieces.len; i++) {
        qquote *last = d->quotes.len ? &d->quotes.items[d->quotes.len - 1] : NULL;
        if (last && last->first + last->n == i && continues(d, &d->pieces.items[i - 1], &d->pieces.items[i])) {
            last->n++;
            continue;
        }
        qquote q = {.first = i, .n = 1, .partial = partial(d, &d->pieces.items[i])};
        if (!vec_push(&d->quotes, q)) return false;
    }
    return true;
}

void qdoc_free(qdoc *d)
{
    vec_free(&d->tok);
    vec_free(&d->pieces);
    vec_free(&d->quotes);
}

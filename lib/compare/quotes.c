/* quotes.c — td_find_quotes: runs the mark finder and the speaker finder over one article and copies
 * the quotes out (text without marks, speaker, role, offsets) into storage owned by the result. */
#include <stdlib.h>

#include "common/arena.h"
#include "common/buf.h"
#include "common/error.h"
#include "compare/quotes.h"

typedef struct quotes_store {
    td_quotes pub;
    arena strings; /* every string and array of the result */
} quotes_store;

/* Appends text[a, b) with each run of white space made one space; false when out of memory. */
static bool append_collapsed(buf *out, const char *text, size_t a, size_t b)
{
    bool space = false;
    for (size_t i = a; i < b;) {
        size_t n = text_space_len(text, b, i);
        if (n) {
            space = true;
            i += n;
            continue;
        }
        if (space && out->len && !buf_putc(out, ' ')) return false;
        space = false;
        if (!buf_append(out, text + i, 1)) return false;
        i++;
    }
    return true;
}

/* Tokens [a, b) as collapsed text in the arena; NULL for an empty range or out of memory (*oom). */
static char *range_text(const qdoc *d, arena *ar, size_t a, size_t b, bool *oom)
{
    if (a >= b) return NULL;
    buf out = {0};
    char *s = NULL;
    if (append_collapsed(&out, d->text, d->tok.items[a].start, d->tok.items[b - 1].end))
        s = arena_strndup(ar, out.data ? out.data : "", out.len);
    if (!s) *oom = true;
    buf_free(&out);
    return s;
}

/* The quoted byte range of a piece: its inner tokens without a trailing comma, colon or dash. */
static td_span piece_span(const qdoc *d, const qpiece *p)
{
    size_t last = p->close;
    while (last > p->open + 1) {
        const qtok *t = &d->tok.items[last - 1];
        const char *c = d->text + t->start;
        bool trail = t->kind == TOKEN_PUNCT && (*c == ',' || *c == ':' || *c == ';' || *c == '-' ||
                                                (t->end - t->start == 3 && c[0] == '\xe2' && c[1] == '\x80' &&
                                                 (c[2] == '\x94' || c[2] == '\x93')));
        if (!trail) break;
        last--;
    }
    if (last == p->open + 1) last = p->close;
    return (td_span){d->tok.items[p->open + 1].start, d->tok.items[last - 1].end};
}

static bool copy_quote(const qdoc *d, const qquote *q, arena *ar, td_quote *out)
{
    bool oom = false;
    out->pieces = arena_alloc(ar, q->n * sizeof *out->pieces);
    if (!out->pieces) return false;
    out->n_pieces = q->n;
    buf text = {0};
    for (size_t i = 0; i < q->n; i++) {
        td_span s = piece_span(d, &d->pieces.items[q->first + i]);
        out->pieces[i] = s;
        if ((i && !buf_putc(&text, ' ')) || !append_collapsed(&text, d->text, s.start, s.end)) oom = true;
    }
    out->text = oom ? NULL : arena_strndup(ar, text.data ? text.data : "", text.len);
    buf_free(&text);
    out->start = out->pieces[0].start;
    out->end = out->pieces[q->n - 1].end;
    out->partial = q->partial;
    if (q->name_b > q->name_a) {
        out->speaker = range_text(d, ar, q->name_a, q->name_b, &oom);
        out->role = range_text(d, ar, q->role_a, q->role_b, &oom);
        out->speaker_at = (td_span){d->tok.items[q->name_a].start, d->tok.items[q->name_b - 1].end};
        out->described = q->described;
    }
    return out->text && !oom;
}

td_quotes *td_find_quotes(const char *text, size_t len, td_error *err)
{
    quotes_store *st = calloc(1, sizeof *st);
    if (!st) {
        error_nomem(err);
        return NULL;
    }
    arena_init(&st->strings);
    st->pub.pool_ = &st->strings;
    qdoc d = {.text = text, .len = len};
    bool ok = marks_find(&d) && speakers_find(&d);
    if (ok && d.quotes.len) {
        st->pub.items = arena_alloc(&st->strings, d.quotes.len * sizeof *st->pub.items);
        ok = st->pub.items != NULL;
        for (size_t i = 0; ok && i < d.quotes.len; i++) {
            ok = copy_quote(&d, &d.quotes.items[i], &st->strings, &st->pub.items[i]);
            st->pub.n = i + 1;
        }
    }
    qdoc_free(&d);
    if (!ok) {
        td_quotes_free(&st->pub);
        error_nomem(err);
        return NULL;
    }
    return &st->pub;
}

void td_quotes_free(td_quotes *quotes)
{
    if (!quotes) return;
    quotes_store *st = (quotes_store *)quotes;
    arena_free(&st->strings);
    free(st);
}

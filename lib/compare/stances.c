/* stances.c — statements that say opposite things: one article has a party reject (deny, refuse)
 * what another has it accept (admit, agree to), or still not answer ("has yet to respond"). The
 * cue's object — the content words after it, up to the end of the clause — must be the same in
 * both: two shared words, two of them side by side. Cues in quotes, after "if" or a modal, or
 * negated, are not the article's statement and are left out. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/error.h"
#include "compare/compare.h"

typedef enum stance { STANCE_NONE, STANCE_REFUSE, STANCE_ACCEPT, STANCE_PENDING } stance;

static const char *const stance_names[] = {"", "refused", "accepted", "no answer yet"};

enum { OBJECT_WORDS = 8 };

typedef struct cue {
    uint32_t sent;                /* model sentence index */
    stance st;
    size_t start, end;            /* the cue's bytes */
    uint32_t object[OBJECT_WORDS]; /* lexicon terms of the content words after it, in order */
    td_span object_at[OBJECT_WORDS]; /* where those words are */
    size_t n_object;
} cue;

typedef VEC(cue) cue_vec;

static bool starts(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    return len >= n && !strncasecmp(s, prefix, n);
}

static bool eq(const char *s, size_t len, const char *lit)
{
    return len == strlen(lit) && !strncasecmp(s, lit, len);
}

static stance cue_word(const char *s, size_t len)
{
    static const char *const refuse[] = {"reject", "refus", "denied", "deny", "denies", "denying", "dismiss"};
    static const char *const accept[] = {"accept", "agreed", "agrees", "approv", "admit", "acknowledg"};
    for (size_t i = 0; i < sizeof refuse / sizeof *refuse; i++)
        if (starts(s, len, refuse[i])) return STANCE_REFUSE;
    for (size_t i = 0; i < sizeof accept / sizeof *accept; i++)
        if (starts(s, len, accept[i])) return STANCE_ACCEPT;
    return STANCE_NONE;
}

static bool answer_word(const char *s, size_t len)
{
    return starts(s, len, "respond") || starts(s, len, "repl") || starts(s, len, "comment") ||
           starts(s, len, "answer") || starts(s, len, "react");
}

static bool hedge_word(const char *s, size_t len)
{
    static const char *const hedges[] = {"if", "unless", "can", "could", "would", "should", "may", "might",
                                         "will", "not", "n't", "never", "whether", "to"};
    for (size_t i = 0; i < sizeof hedges / sizeof *hedges; i++)
        if (eq(s, len, hedges[i])) return true;
    return false;
}

static bool negation(const char *s, size_t len)
{
    return eq(s, len, "not") || eq(s, len, "n't") || eq(s, len, "never") || eq(s, len, "no");
}

/* Whether byte offset at is inside a quote of article doc. */
static bool quoted(const td_quotes *q, size_t at)
{
    for (size_t i = 0; i < q->n; i++)
        for (size_t p = 0; p < q->items[i].n_pieces; p++)
            if (q->items[i].pieces[p].start <= at && at < q->items[i].pieces[p].end) return true;
    return false;
}

/* Finds the cues of one sentence. */
static bool sentence_cues(compare_ctx *cx, uint32_t si, cue_vec *out)
{
    const sentence *s = &cx->m.sents.items[si];
    const char *text = cx->cluster->docs[s->doc].text;
    VEC(token) w = {0};
    size_t pos = s->span.start;
    token t;
    while (token_next(text, s->span.end, &pos, &t))
        if (!vec_push(&w, t)) {
            vec_free(&w);
            return false;
        }
    bool ok = true;
    size_t clause = 0; /* first token of the current clause */
    for (size_t i = 0; ok && i < w.len; i++) {
        const char *x = text + w.items[i].start;
        size_t len = w.items[i].end - w.items[i].start;
        if (w.items[i].kind == TOKEN_PUNCT && (*x == ',' || *x == ';' || *x == ':')) clause = i + 1;
        cue c = {.sent = si, .start = w.items[i].start, .end = w.items[i].end};
        size_t object_from = i + 1;
        if (eq(x, len, "yet") && i + 2 < w.len && eq(text + w.items[i + 1].start, 2, "to") &&
            answer_word(text + w.items[i + 2].start, w.items[i + 2].end - w.items[i + 2].start)) {
            c.st = STANCE_PENDING;
            c.end = w.items[i + 2].end;
            object_from = i + 3;
        } else if (answer_word(x, len) && i >= 1 &&
                   (negation(text + w.items[i - 1].start, w.items[i - 1].end - w.items[i - 1].start) ||
                    (i >= 2 && negation(text + w.items[i - 2].start, w.items[i - 2].end - w.items[i - 2].start)))) {
            c.st = STANCE_PENDING;
            c.start = w.items[i - 1].start;
        } else {
            c.st = cue_word(x, len);
            for (size_t k = clause; c.st != STANCE_NONE && k < i; k++)
                if (hedge_word(text + w.items[k].start, w.items[k].end - w.items[k].start)) c.st = STANCE_NONE;
        }
        if (c.st == STANCE_NONE || quoted(cx->out->quotes[s->doc], c.start)) continue;
        for (size_t k = object_from; k < w.len && c.n_object < OBJECT_WORDS; k++) {
            lex_word lw;
            const char *y = text + w.items[k].start;
            if (!(ok = lexicon_word(cx->lx, y, w.items[k].end - w.items[k].start, w.items[k].kind, &lw))) break;
            if ((lw.flags & LEX_PUNCT) && (*y == '.' || *y == ';' || *y == ',')) break;
            if (lw.flags & (LEX_STOP | LEX_PUNCT)) continue;
            c.object_at[c.n_object] = (td_span){w.items[k].start, w.items[k].end};
            c.object[c.n_object++] = lw.term;
        }
        ok = ok && vec_push(out, c);
    }
    vec_free(&w);
    return ok;
}

/* The same object: two shared content words, two of them next to each other in both; *pair_at gets
 * the index in a of the first of the two. */
static bool same_object(const cue *a, const cue *b, size_t *pair_at)
{
    size_t shared = 0;
    for (size_t i = 0; i < a->n_object; i++)
        for (size_t j = 0; j < b->n_object; j++)
            if (a->object[i] == b->object[j]) {
                shared++;
                break;
            }
    for (size_t i = 0; i + 1 < a->n_object; i++)
        for (size_t j = 0; j + 1 < b->n_object; j++)
            if (a->object[i] == b->object[j] && a->object[i + 1] == b->object[j + 1]) {
                *pair_at = i;
                return shared >= 2;
            }
    return false;
}

td_status stances_compare(compare_ctx *cx, td_error *err)
{
    const model *m = &cx->m;
    cue_vec cues = {0};
    bool ok = true;
    for (uint32_t i = 0; ok && i < m->sents.len; i++)
        if (m->sents.items[i].debris == 0) ok = sentence_cues(cx, i, &cues);
    buf about = {0};
    for (size_t i = 0; ok && i < cues.len; i++) {
        for (size_t j = i + 1; ok && j < cues.len; j++) {
            const cue *a = &cues.items[i], *b = &cues.items[j];
            size_t da = m->sents.items[a->sent].doc, db = m->sents.items[b->sent].doc;
            size_t at = 0;
            if (da == db || a->st == b->st || !same_object(a, b, &at)) continue;
            td_claim claims[2];
            const char *ta = cx->cluster->docs[da].text, *tb = cx->cluster->docs[db].text;
            td_span what = {a->object_at[at].start, a->object_at[at + 1].end};
            buf_clear(&about);
            ok = buf_printf(&about, "%s / %s: %.*s", stance_names[a->st], stance_names[b->st],
                            (int)(what.end - what.start), ta + what.start) &&
                 compare_claim(cx, &m->sents.items[a->sent], ta + a->start, a->end - a->start, &claims[0]) &&
                 compare_claim(cx, &m->sents.items[b->sent], tb + b->start, b->end - b->start, &claims[1]) &&
                 compare_add_disagreement(cx, TD_DISAGREE_STANCE, about.data, claims, 2);
        }
    }
    buf_free(&about);
    vec_free(&cues);
    return ok ? TD_OK : error_nomem(err);
}

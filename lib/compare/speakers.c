/* speakers.c — who said each quote. Every verb of speech outside the quotes gets its subject (phrases.c): the
 * noun phrase before it ("X said", "X, the mayor, said", "X told reporters") or after it ("said X",
 * "according to X, ROLE,"), split into a name and a role ("North Korea's deputy U.N. ambassador, An
 * Myong Hun"). Pronouns and definite descriptions ("he", "the spokesman") take the most recent
 * compatible speaker named before. A quote takes the attribution between its pieces, after it or
 * before it in its sentence; a quote standing alone takes the speaker of the paragraphs just before. */
#include <stdlib.h>
#include <string.h>

#include "compare/phrases.h"

/* How many letters of a head noun must match: six (spokesman / spokesperson), or the whole word. */
static size_t head_prefix(const qctx *c, size_t t)
{
    size_t n = tk(c, t)->end - tk(c, t)->start;
    return n < 6 ? n : 6;
}

/* Whether a description's head noun (its last word) appears among the words of [a, b). */
static bool head_in(const qctx *c, size_t head, size_t a, size_t b)
{
    size_t n = head_prefix(c, head);
    const char *h = c->d->text + tk(c, head)->start;
    for (size_t t = a; t < b; t++) {
        if (tk(c, t)->end - tk(c, t)->start < n) continue;
        const char *w = c->d->text + tk(c, t)->start;
        size_t k = 0;
        while (k < n && (w[k] | 32) == (h[k] | 32)) k++;
        if (k == n) return true;
    }
    return false;
}

/* Resolves a pronoun or a definite description to the most recent compatible speaker before
 * mention m: any speaker for a pronoun, one whose role or description has the same head noun for
 * "the spokesman". Unresolved pronouns become unknown; unresolved descriptions stay. */
static subject resolve(const qctx *c, size_t m, subject s)
{
    if (s.kind != NP_PRONOUN && !(s.kind == NP_DESCRIPTION && s.definite)) return s;
    size_t head = s.name_b - 1;
    while (head > s.name_a && !is_word(c, head)) head--;
    for (size_t k = m; k-- > 0;) {
        const mention *p = &c->mentions.items[k];
        if (p->reported || p->who.kind == NP_NONE || p->who.kind == NP_PRONOUN) continue;
        if (s.kind == NP_PRONOUN) {
            /* he and she: a person, so no description, no organisation ("the Commission") */
            bool plural = phrase_plural_pronoun(c->d, s.name_a);
            if (!plural && (p->who.kind == NP_DESCRIPTION || p->who.definite || p->who.plural)) continue;
            return p->who;
        }
        if (head_in(c, head, p->who.role_a, p->who.role_b) ||
            (p->who.kind == NP_DESCRIPTION && head_in(c, head, p->who.name_a, p->who.name_b)))
            return p->who;
    }
    if (s.kind == NP_PRONOUN) s.kind = NP_NONE;
    return s;
}

/* Every speech verb outside the quotes and its resolved subject, in text order. */
static bool collect_mentions(qctx *c)
{
    for (size_t t = 0; t < c->d->tok.len; t++) {
        if (c->inside[t]) continue;
        bool opens = t == 0 || tk(c, t - 1)->sent != tk(c, t)->sent || tk(c, t - 1)->para != tk(c, t)->para;
        bool cue = speech_verb(c->d, t);
        if (!opens && !cue) continue;
        subject s = cue ? phrase_subject_of(c, t, phrase_sentence_start(c, t), phrase_sentence_end(c, t))
                        : phrase_sentence_subject(c, t, phrase_sentence_end(c, t));
        if (s.kind == NP_NONE) continue;
        mention m = {.cue = t, .who = s, .reported = cue && cue_reporting(c->d, t), .spoke = cue};
        m.who = resolve(c, c->mentions.len, s);
        if (!vec_push(&c->mentions, m)) return false;
    }
    return true;
}

/* The mention of the verb at t, or NULL. */
static const mention *mention_at(const qctx *c, size_t t)
{
    size_t lo = 0, hi = c->mentions.len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->mentions.items[mid].cue < t) lo = mid + 1;
        else hi = mid;
    }
    while (lo < c->mentions.len && c->mentions.items[lo].cue == t && !c->mentions.items[lo].spoke) lo++;
    return lo < c->mentions.len && c->mentions.items[lo].cue == t ? &c->mentions.items[lo] : NULL;
}

/* The first mention of a cue in [a, b) (the last one when backwards), or NULL. */
static const mention *cue_in(const qctx *c, size_t a, size_t b, bool backwards)
{
    for (size_t i = 0; i < b - a && a < b; i++) {
        size_t t = backwards ? b - 1 - i : a + i;
        const mention *m = mention_at(c, t);
        if (m && m->who.kind != NP_NONE) return m;
    }
    return NULL;
}

/* A dash: - – — ― */
static bool is_dash(const qctx *c, size_t t)
{
    if (t >= c->d->tok.len || tk(c, t)->kind != TOKEN_PUNCT) return false;
    const char *p = c->d->text + tk(c, t)->start;
    size_t n = tk(c, t)->end - tk(c, t)->start;
    return (n == 1 && *p == '-') ||
           (n == 3 && p[0] == '\xe2' && p[1] == '\x80' && (p[2] == '\x93' || p[2] == '\x94' || p[2] == '\x95'));
}

/* A dash and a name after a quote, on its line (`"…" ― Pamela Padilla`). */
static subject dash_name(const qctx *c, size_t t)
{
    subject none = {.kind = NP_NONE};
    const qdoc *d = c->d;
    if (!is_dash(c, t) || is_char(c, t, '-')) return none;
    size_t e = t + 1;
    while (e < d->tok.len && e < t + 8 && !c->inside[e] && tk(c, e)->para == tk(c, t)->para &&
           !memchr(d->text + tk(c, e - 1)->end, '\n', tk(c, e)->start - tk(c, e - 1)->end) &&
           (is_cap(c, e) || is_char(c, e, '.') || phrase_particle(d, e)))
        e++;
    subject s = phrase_analyse(c, t + 1, e);
    return s.kind == NP_NAME ? s : none;
}

/* A transcript's label at the start of a quote ("WALLACE: …"). */
static subject label(const qctx *c, const qpiece *p)
{
    size_t colon = piece_label(c->d, p);
    return colon ? (subject){.kind = NP_NAME, .name_a = p->open + 1, .name_b = colon} : (subject){.kind = NP_NONE};
}

static subject spoken(const mention *m) { return m ? m->who : (subject){.kind = NP_NONE}; }

/* The speaker of quote q: a transcript label, the attribution between its pieces, after it (or a
 * dash and a name), before it in its sentence, the name its sentence opens with, or the speaker of
 * this paragraph or the one before when the quote stands alone. */
static subject attribution(const qctx *c, const qquote *q)
{
    const qdoc *d = c->d;
    const qpiece *first = &d->pieces.items[q->first], *last = &d->pieces.items[q->first + q->n - 1];
    subject s = label(c, first);
    if (s.kind != NP_NONE) return s;
    for (size_t i = 1; i < q->n; i++) {
        const qpiece *a = &d->pieces.items[q->first + i - 1], *b = &d->pieces.items[q->first + i];
        if (!a->open_end && (s = spoken(cue_in(c, a->close + 1, b->open, false))).kind != NP_NONE) return s;
    }
    subject after = {.kind = NP_NONE}, before = {.kind = NP_NONE};
    if (!last->open_end && last->close + 1 < d->tok.len && tk(c, last->close + 1)->para == tk(c, last->close)->para) {
        size_t a = last->close + 1, end = phrase_sentence_end(c, a), b = end < a + 14 ? end : a + 14;
        after = spoken(cue_in(c, a, b, false));
        if (after.kind == NP_NONE && end > b) { /* a long apposition: the subject must follow the quote */
            subject far = spoken(cue_in(c, b, end < a + 32 ? end : a + 32, false));
            size_t from = far.role_b > far.role_a && far.role_a < far.name_a ? far.role_a : far.name_a;
            if (far.kind != NP_NONE && from <= a + 1) after = far;
        }
        if (after.kind == NP_NONE) after = dash_name(c, a);
    }
    bool inside_sentence = first->open > 0 && tk(c, first->open - 1)->para == tk(c, first->open)->para &&
                           tk(c, first->open - 1)->sent == tk(c, first->open)->sent && !c->inside[first->open - 1];
    size_t s0 = inside_sentence ? phrase_sentence_start(c, first->open - 1) : first->open;
    if (inside_sentence) {
        before = spoken(cue_in(c, s0, first->open, true));
        size_t head = s0; /* or a verb before an earlier quote of the sentence: it said "a" and "b" */
        while (head > 0 && tk(c, head - 1)->sent == tk(c, s0)->sent && tk(c, head - 1)->para == tk(c, s0)->para) head--;
        if (before.kind == NP_NONE && head < s0) before = spoken(cue_in(c, head, s0, true));
    }
    /* "… Mitt Romney -- ''It is disqualifying …''" or "Trump: "…"": a name just before the quote */
    if (inside_sentence && first->open >= 2 && (is_char(c, first->open - 1, ':') || is_dash(c, first->open - 1))) {
        size_t e = first->open - 1;
        while (e > s0 && is_dash(c, e - 1)) e--;
        size_t j = e;
        while (j > s0 && j + 6 > e && (is_cap(c, j - 1) || is_char(c, j - 1, '.')) && !speech_verb(c->d, j - 1)) j--;
        subject named = j < e ? phrase_analyse(c, j, e) : (subject){.kind = NP_NONE};
        if (named.kind == NP_NAME) return named;
    }
    if (q->partial && before.kind != NP_NONE) return before;
    if (after.kind != NP_NONE) return after;
    if (before.kind != NP_NONE) return before;
    if (inside_sentence) return phrase_sentence_subject(c, s0, first->open);
    if (first->open > 0 && is_char(c, first->open - 1, ':')) { /* "Sanders made this comment:" ¶ "…" */
        size_t s1 = phrase_sentence_start(c, first->open - 1);
        s = spoken(cue_in(c, s1, first->open - 1, true));
        if (s.kind == NP_NONE) s = phrase_sentence_subject(c, s1, first->open - 1);
        if (s.kind != NP_NONE) return s;
    }
    uint32_t para = tk(c, first->open)->para;
    for (size_t k = c->mentions.len; k-- > 0;) {
        const mention *m = &c->mentions.items[k];
        if (m->cue > first->open) continue;
        if (tk(c, m->cue)->para + 1 < para) break;
        if (m->spoke && !m->reported && m->who.kind != NP_NONE) return m->who;
    }
    return (subject){.kind = NP_NONE};
}

bool speakers_find(qdoc *d)
{
    qctx c = {.d = d};
    c.inside = calloc(d->tok.len + 1, sizeof *c.inside);
    if (!c.inside) return false;
    for (size_t i = 0; i < d->pieces.len; i++) {
        const qpiece *p = &d->pieces.items[i];
        size_t end = p->open_end ? p->close : p->close + 1;
        for (size_t t = p->open; t < end && t < d->tok.len; t++) c.inside[t] = true;
    }
    bool ok = collect_mentions(&c);
    for (size_t i = 0; ok && i < d->quotes.len; i++) {
        qquote *q = &d->quotes.items[i];
        subject who = attribution(&c, q);
        if (who.kind == NP_NONE || who.kind == NP_PRONOUN) continue;
        q->name_a = who.name_a;
        q->name_b = who.name_b;
        q->role_a = who.role_a;
        q->role_b = who.role_b;
        q->described = who.kind == NP_DESCRIPTION;
    }
    vec_free(&c.mentions);
    free(c.inside);
    return ok;
}

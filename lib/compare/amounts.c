/* amounts.c — numbers in the same slot: money, percentages, counts of the same thing, times and
 * dates that articles give differently ("$48 million" / "$52 million"), and the timeline of the
 * dates they mention. A slot is the kind of amount (and its unit) in sentences that share their
 * content; two articles disagree when each gives a value the other never mentions. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/error.h"
#include "compare/compare.h"

typedef enum amount_kind { AMOUNT_MONEY, AMOUNT_PERCENT, AMOUNT_COUNT, AMOUNT_TIME, AMOUNT_DATE, AMOUNT_YEAR } amount_kind;

static const char *const kind_names[] = {"money", "percentage", "number", "time", "date", "year"};

typedef struct amount {
    uint32_t sent;    /* model sentence index */
    uint8_t kind;     /* amount_kind */
    uint32_t unit;    /* counts: lexicon term of the thing counted; money: the currency mark */
    double value;     /* money in units, dates as month * 100 + day, times in minutes */
    unsigned year;    /* dates: the year when given */
    bool loose;       /* a time without a.m./p.m. (known up to 12 hours), a date known to a third of a month
                         ("mid-March": its middle day) */
    size_t start;     /* bytes of the amount as written */
    size_t end;
} amount;

typedef VEC(amount) amount_vec;

/* A token as the rules below read it. */
typedef struct word {
    token t;
    const char *s;
    size_t len;
} word;

static bool is(const word *w, const char *lit)
{
    return w->len == strlen(lit) && !strncasecmp(w->s, lit, w->len);
}

static int month_of(const word *w)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    static const char *const full[] = {"january", "february", "march", "april", "may", "june", "july",
                                       "august", "september", "october", "november", "december"};
    if (w->t.kind != TOKEN_WORD || !isupper((unsigned char)w->s[0])) return 0;
    for (int i = 0; i < 12; i++) {
        if (is(w, full[i])) return i + 1;
        if (is(w, months[i]) && i != 4) return i + 1;
        if (w->len == 4 && !strncasecmp(w->s, "sept", 4) && i == 8) return 9;
    }
    return 0;
}

static double number_value(const word *w)
{
    char digits[64];
    size_t n = 0;
    for (size_t i = 0; i < w->len && n + 1 < sizeof digits; i++)
        if (w->s[i] != ',') digits[n++] = w->s[i];
    digits[n] = 0;
    return strtod(digits, NULL);
}

static double scale_of(const word *w)
{
    if (is(w, "thousand")) return 1e3;
    if (is(w, "million") || is(w, "mln") || is(w, "m")) return 1e6;
    if (is(w, "billion") || is(w, "bn")) return 1e9;
    if (is(w, "trillion")) return 1e12;
    return 0;
}

/* Reads the amounts of one sentence into out. */
static bool sentence_amounts(compare_ctx *cx, uint32_t si, amount_vec *out)
{
    const sentence *s = &cx->m.sents.items[si];
    const char *text = cx->cluster->docs[s->doc].text;
    VEC(word) w = {0};
    size_t pos = s->span.start;
    token t;
    while (token_next(text, s->span.end, &pos, &t)) {
        word x = {t, text + t.start, t.end - t.start};
        if (!vec_push(&w, x)) {
            vec_free(&w);
            return false;
        }
    }
    bool ok = true;
    for (size_t i = 0; ok && i < w.len; i++) {
        const word *cur = &w.items[i], *prev = i ? &w.items[i - 1] : NULL, *next = i + 1 < w.len ? &w.items[i + 1] : NULL;
        int month = month_of(cur);
        /* "mid-March", "early March", "late March": a third of the month */
        const word *part = prev && is(prev, "-") && i >= 2 ? &w.items[i - 2] : prev;
        int middle = !month || !part ? 0 : is(part, "early") ? 5 : is(part, "mid") ? 15 : is(part, "late") ? 25 : 0;
        if (middle) {
            amount a = {.sent = si, .kind = AMOUNT_DATE, .value = month * 100 + middle, .loose = true,
                        .start = part->t.start, .end = cur->t.end};
            ok = vec_push(out, a);
            continue;
        }
        if (month && next && next->t.kind == TOKEN_NUMBER && next->len <= 2) {
            amount a = {.sent = si, .kind = AMOUNT_DATE, .value = month * 100 + number_value(next),
                        .start = cur->t.start, .end = next->t.end};
            size_t after = i + 2;
            if (after + 1 < w.len && is(&w.items[after], ",") && w.items[after + 1].t.kind == TOKEN_NUMBER &&
                w.items[after + 1].len == 4) {
                a.year = (unsigned)number_value(&w.items[after + 1]);
                a.end = w.items[after + 1].t.end;
            }
            ok = vec_push(out, a);
            i++;
            continue;
        }
        if (cur->t.kind != TOKEN_NUMBER) continue;
        /* identifiers, not amounts: "No. 4", "Route 9" */
        if (prev && (is(prev, "no") || is(prev, "number") || (is(prev, ".") && i >= 2 && is(&w.items[i - 2], "no"))))
            continue;
        amount a = {.sent = si, .value = number_value(cur), .start = cur->t.start, .end = cur->t.end};
        if (prev && (is(prev, "$") || is(prev, "£") || is(prev, "€") || is(prev, "¥"))) {
            a.kind = AMOUNT_MONEY;
            a.unit = (unsigned char)prev->s[0];
            a.start = prev->t.start;
            double scale = next ? scale_of(next) : 0;
            if (scale) {
                a.value *= scale;
                a.end = next->t.end;
            }
        } else if (next && (is(next, "%") || is(next, "percent"))) {
            a.kind = AMOUNT_PERCENT;
            a.end = next->t.end;
        } else if (memchr(cur->s, ':', cur->len) || (next && (is(next, "a.m.") || is(next, "p.m.") || is(next, "am") || is(next, "pm")))) {
            a.kind = AMOUNT_TIME;
            double h = a.value, m = 0;
            const char *colon = memchr(cur->s, ':', cur->len);
            if (colon) m = strtod(colon + 1, NULL);
            if (next && (is(next, "p.m.") || is(next, "pm")) && h < 12) h += 12;
            a.value = (double)(int)h * 60 + m;
            if (next && (is(next, "a.m.") || is(next, "p.m.") || is(next, "am") || is(next, "pm"))) a.end = next->t.end;
            else a.loose = true;
        } else if (cur->len == 4 && a.value >= 1800 && a.value <= 2100 && !memchr(cur->s, '.', cur->len)) {
            a.kind = AMOUNT_YEAR;
        } else if (prev && month_of(prev)) {
            continue; /* handled as a date */
        } else {
            /* a count: the unit is the next word that is not a scale or a stopword */
            size_t k = i + 1;
            double scale = next ? scale_of(next) : 0;
            if (scale) {
                a.value *= scale;
                k++;
            }
            a.kind = AMOUNT_COUNT;
            a.unit = UINT32_MAX;
            for (; k < w.len && k < i + 4; k++) {
                lex_word lw;
                if (!lexicon_word(cx->lx, w.items[k].s, w.items[k].len, w.items[k].t.kind, &lw)) {
                    ok = false;
                    break;
                }
                if (lw.flags & LEX_PUNCT) break;
                if (lw.flags & (LEX_STOP | LEX_NUMBER)) continue;
                a.unit = lw.term;
                a.end = w.items[k].t.end;
                break;
            }
            if (a.unit == UINT32_MAX) continue; /* a bare number: nothing to compare it by */
        }
        ok = ok && vec_push(out, a);
    }
    vec_free(&w);
    return ok;
}

static bool same_slot(const amount *a, const amount *b)
{
    return a->kind == b->kind && a->unit == b->unit;
}

/* Whether two amounts of one slot can be the same: equal, a loose one compatible with the other, or
 * money, percentages and counts within ROUNDING of each other ("about $973,000" and "$972,814"). */
static bool same_value(const amount *a, const amount *b)
{
    static const double ROUNDING = 0.03;
    if (a->value == b->value) return true;
    if (a->kind == AMOUNT_MONEY || a->kind == AMOUNT_PERCENT || a->kind == AMOUNT_COUNT) {
        double big = a->value > b->value ? a->value : b->value, small = a->value > b->value ? b->value : a->value;
        return big > 0 && (big - small) / big <= ROUNDING;
    }
    if (a->kind == AMOUNT_TIME && (a->loose || b->loose))
        return (int)a->value % 720 == (int)b->value % 720;
    if (a->kind == AMOUNT_DATE && a->loose != b->loose) {
        const amount *rough = a->loose ? a : b, *exact = a->loose ? b : a;
        int month = (int)rough->value / 100, middle = (int)rough->value % 100, day = (int)exact->value % 100;
        return (int)exact->value / 100 == month && day >= middle - 5 && day <= middle + 6;
    }
    return false;
}

/* Whether article doc gives value v in the slot of a anywhere. */
static bool doc_mentions(const compare_ctx *cx, const amount_vec *all, size_t doc, const amount *a)
{
    for (size_t i = 0; i < all->len; i++) {
        const amount *b = &all->items[i];
        if (cx->m.sents.items[b->sent].doc == doc && same_slot(a, b) && same_value(a, b)) return true;
    }
    return false;
}

/* Sentences about the same thing: enough shared content terms. */
static bool same_context(const model *m, uint32_t a, uint32_t b)
{
    const sentence *x = &m->sents.items[a], *y = &m->sents.items[b];
    size_t da = compare_distinct_terms(m, x), db = compare_distinct_terms(m, y);
    size_t shared = compare_shared_terms(m, x, y);
    return shared >= 3 && (double)shared >= 0.4 * (double)(da < db ? da : db);
}

static size_t find_root(size_t *parent, size_t i)
{
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
}

/* "money: cost, repairs": the kind and up to four words nearest the first claim's amount that most
 * of the other claims' sentences share, in text order. */
static bool describe(compare_ctx *cx, const amount_vec *all, const size_t *members, size_t n, buf *about)
{
    enum { MAX_WORDS = 4, MAX_CANDIDATES = 96 };
    const amount *first = &all->items[members[0]];
    const sentence *s = &cx->m.sents.items[first->sent];
    const char *text = cx->cluster->docs[s->doc].text;
    struct candidate {
        size_t start, end, distance;
        uint32_t term;
    } cand[MAX_CANDIDATES];
    size_t n_cand = 0, pos = s->span.start;
    token t;
    while (n_cand < MAX_CANDIDATES && token_next(text, s->span.end, &pos, &t)) {
        if (t.end > first->start && t.start < first->end) continue;
        lex_word lw;
        if (!lexicon_word(cx->lx, text + t.start, t.end - t.start, t.kind, &lw)) return false;
        word x = {t, text + t.start, t.end - t.start};
        if (lw.flags & (LEX_STOP | LEX_NUMBER | LEX_PUNCT) || scale_of(&x) || month_of(&x)) continue;
        bool repeated = false;
        for (size_t k = 0; k < n_cand; k++) repeated |= cand[k].term == lw.term;
        uint32_t local = u64map_find(&cx->m.term_ids, lw.term);
        size_t others = 0; /* other claims' sentences with the word */
        for (size_t i = 1; i < n; i++) {
            const sentence *o = &cx->m.sents.items[all->items[members[i]].sent];
            const uint32_t *ot = sentence_terms(&cx->m, o);
            bool has = false;
            for (size_t k = 0; k < o->n_terms && !has; k++) has = ot[k] == local;
            others += has;
        }
        if (2 * others < n - 1 || repeated) continue;
        size_t distance = t.start > first->start ? t.start - first->start : first->start - t.start;
        cand[n_cand++] = (struct candidate){t.start, t.end, distance, lw.term};
    }
    /* keep the nearest MAX_WORDS, in text order */
    while (n_cand > MAX_WORDS) {
        size_t far = 0;
        for (size_t k = 1; k < n_cand; k++)
            if (cand[k].distance > cand[far].distance) far = k;
        memmove(cand + far, cand + far + 1, (n_cand - far - 1) * sizeof *cand);
        n_cand--;
    }
    if (!buf_puts(about, kind_names[first->kind])) return false;
    for (size_t k = 0; k < n_cand; k++)
        if (!buf_puts(about, k ? ", " : ": ") || !buf_append(about, text + cand[k].start, cand[k].end - cand[k].start))
            return false;
    return true;
}

/* Turns the groups of conflicting amounts into disagreements: one claim per article. */
static bool report_groups(compare_ctx *cx, const amount_vec *all, size_t *parent, const bool *conflicting)
{
    size_t n = all->len;
    size_t *members = malloc((n ? n : 1) * sizeof *members);
    td_claim *claims = malloc((cx->out->n_docs ? cx->out->n_docs : 1) * sizeof *claims);
    bool ok = members && claims;
    buf about = {0};
    for (size_t r = 0; ok && r < n; r++) {
        if (!conflicting[r] || find_root(parent, r) != r) continue;
        size_t k = 0, n_claims = 0;
        for (size_t i = 0; i < n; i++)
            if (conflicting[i] && find_root(parent, i) == r) members[k++] = i;
        for (size_t i = 0; ok && i < k; i++) {
            const amount *a = &all->items[members[i]];
            const sentence *s = &cx->m.sents.items[a->sent];
            bool have = false;
            for (size_t c = 0; c < n_claims; c++) have |= claims[c].doc == s->doc;
            if (have) continue;
            const char *text = cx->cluster->docs[s->doc].text;
            ok = compare_claim(cx, s, text + a->start, a->end - a->start, &claims[n_claims++]);
        }
        buf_clear(&about);
        ok = ok && describe(cx, all, members, k, &about) &&
             compare_add_disagreement(cx, TD_DISAGREE_AMOUNT, about.data, claims, n_claims);
    }
    buf_free(&about);
    free(members);
    free(claims);
    return ok;
}

static int by_date(const void *a, const void *b)
{
    const td_dated *x = a, *y = b;
    return x->key < y->key ? -1 : x->key > y->key;
}

/* The dates the articles mention, each with its first sentence and the articles naming it. */
static bool build_timeline(compare_ctx *cx, const amount_vec *all)
{
    td_comparison *out = cx->out;
    size_t n_dates = 0;
    for (size_t i = 0; i < all->len; i++) n_dates += all->items[i].kind == AMOUNT_DATE;
    out->timeline = arena_alloc(cx->pool, (n_dates ? n_dates : 1) * sizeof *out->timeline);
    if (!out->timeline) return false;
    for (size_t i = 0; i < all->len; i++) {
        const amount *a = &all->items[i];
        if (a->kind != AMOUNT_DATE) continue;
        const sentence *s = &cx->m.sents.items[a->sent];
        unsigned key = a->year * 10000u + (unsigned)a->value;
        td_dated *d = NULL;
        for (size_t k = 0; k < out->n_timeline && !d; k++)
            if (out->timeline[k].key % 10000u == key % 10000u &&
                (!a->year || out->timeline[k].key / 10000u == 0 || out->timeline[k].key == key))
                d = &out->timeline[k];
        if (!d) {
            d = &out->timeline[out->n_timeline++];
            d->key = key;
            d->when = arena_strndup(cx->pool, cx->cluster->docs[s->doc].text + a->start, a->end - a->start);
            d->sources = arena_alloc(cx->pool, out->n_docs * sizeof *d->sources);
            if (!d->when || !d->sources || !compare_claim(cx, s, NULL, 0, &d->first)) return false;
        }
        if (!d->n_sources || d->sources[d->n_sources - 1] != s->doc) d->sources[d->n_sources++] = s->doc;
    }
    qsort(out->timeline, out->n_timeline, sizeof *out->timeline, by_date);
    return true;
}

td_status amounts_compare(compare_ctx *cx, td_error *err)
{
    const model *m = &cx->m;
    amount_vec all = {0};
    bool ok = true;
    for (uint32_t i = 0; ok && i < m->sents.len; i++)
        if (m->sents.items[i].debris == 0) ok = sentence_amounts(cx, i, &all);
    size_t n = all.len;
    size_t *parent = malloc((n ? n : 1) * sizeof *parent);
    bool *conflicting = calloc(n ? n : 1, sizeof *conflicting);
    ok = ok && parent && conflicting;
    for (size_t i = 0; ok && i < n; i++) parent[i] = i;
    for (size_t i = 0; ok && i < n; i++) {
        const amount *a = &all.items[i];
        size_t da = m->sents.items[a->sent].doc;
        for (size_t j = i + 1; j < n; j++) {
            const amount *b = &all.items[j];
            size_t db = m->sents.items[b->sent].doc;
            if (da == db || !same_slot(a, b) || same_value(a, b) || a->kind == AMOUNT_YEAR) continue;
            if (!same_context(m, a->sent, b->sent)) continue;
            if (doc_mentions(cx, &all, da, b) || doc_mentions(cx, &all, db, a)) continue;
            conflicting[i] = conflicting[j] = true;
            parent[find_root(parent, i)] = find_root(parent, j);
        }
    }
    /* the same value of the same slot in conflicting groups is one disagreement */
    for (size_t i = 0; ok && i < n; i++)
        for (size_t j = i + 1; conflicting[i] && j < n; j++)
            if (conflicting[j] && same_slot(&all.items[i], &all.items[j]) && same_value(&all.items[i], &all.items[j]))
                parent[find_root(parent, i)] = find_root(parent, j);
    ok = ok && report_groups(cx, &all, parent, conflicting) && build_timeline(cx, &all);
    free(parent);
    free(conflicting);
    vec_free(&all);
    return ok ? TD_OK : error_nomem(err);
}

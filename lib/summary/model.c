/* model.c — builds the analysed form of a cluster (see model.h). */
#include "summary/model.h"

#include <stdlib.h>
#include <string.h>

#include "common/bytes.h"
#include "common/error.h"
#include "common/sort.h"
#include "summary/compress.h"
#include "summary/dateline.h"

/* Words and collapsed bytes of a span, as the budget counts them: the same white space as
 * td_sentence_text collapses. ASCII is taken eight bytes at a time: a word starts at each byte that
 * is not white space after one that is; the collapsed length is the bytes in words plus one space
 * between two words. Other bytes go one by one. */
static void measure(const char *text, td_span sp, uint32_t *words, uint32_t *bytes)
{
    uint32_t w = 0, b = 0; /* words, and bytes inside words */
    bool in_word = false;
    for (size_t i = sp.start; i < sp.end;) {
        if (i + 8 <= sp.end) {
            uint64_t x = bytes_load64_le(text + i);
            if (!bytes_any_high(x)) {
                uint64_t space = bytes_ascii_space(x);
                uint64_t word = ~space & BYTES_HIGHS;
                uint64_t after_space = (space << 8) | (in_word ? 0 : 0x80);
                w += bytes_count_highs(word & after_space);
                b += bytes_count_highs(word);
                in_word = (word >> 63) != 0;
                i += 8;
                continue;
            }
        }
        size_t space = text_space_len(text, sp.end, i);
        if (space) {
            in_word = false;
            i += space;
            continue;
        }
        if (!in_word) {
            w++;
            in_word = true;
        }
        b++;
        i++;
    }
    *words = w;
    *bytes = b + (w ? w - 1 : 0);
}

/* Room in local_terms for the lexicon's terms, and as many again as it learns; false when out of
 * memory. Out of line: local_term, called for every word, stays small. */
static __attribute__((noinline)) bool grow_local_terms(model *m, const lexicon *lx)
{
    size_t n = lexicon_n_terms(lx) * 2, more = n - m->local_terms.len;
    if (!vec_reserve(&m->local_terms, more)) return false;
    memset(m->local_terms.items + m->local_terms.len, 0, more * sizeof *m->local_terms.items);
    m->local_terms.len = n;
    return true;
}

/* Whether the chunk text[a..b) (no ASCII white space in it) holds a no-break or other wide space,
 * as measure finds them: then measure counts its words; else it is one word of b - a bytes (the
 * chunks with bytes beyond ASCII are mostly words in curly quotes or with accents). Spaces start
 * with a byte of 0xc2 or above, never a continuation byte. */
static bool has_wide_space(const char *text, size_t a, size_t b)
{
    for (size_t j = a; j < b; j++)
        if ((unsigned char)text[j] >= 0xc2 && text_space_len_wide(text, b, j)) return true;
    return false;
}

/* The cluster-local id of a lexicon term, the next one at its first sighting in this build: an
 * array look-up (the lexicon's ids are dense), not a hash. UINT32_MAX when out of memory. */
static inline uint32_t local_term(model *m, const lexicon *lx, uint32_t term)
{
    if (term >= m->local_terms.len && !grow_local_terms(m, lx)) return UINT32_MAX;
    model_local *l = &m->local_terms.items[term];
    if (l->build != m->build) *l = (model_local){m->build, (uint32_t)m->n_terms++};
    return l->id;
}

/* The previous word of a sentence being analysed, for its bigrams, and where new ids start. */
typedef struct bigram_state {
    uint32_t prev;          /* its local term, UINT32_MAX at the start and after punctuation */
    bool prev_stop;         /* it is a stopword */
    uint32_t first_term;    /* local term ids from here on were given out by this sentence */
    uint32_t first_concept; /* concept ids too */
} bigram_state;

/* Appends id to the older ids (from the pool) or to the ones the sentence gave out (new). */
static inline void push_id(uint32_t id, uint32_t first_new, uint32_t *older, size_t *n_older, uint32_t *new_ids,
                           size_t *n_new)
{
    if (id < first_new) older[(*n_older)++] = id;
    else new_ids[(*n_new)++] = id;
}

/* Adds one token (lexicon term and flags) of the sentence: its local term to the pool when it is a
 * content term, its bigram with the previous word to scratch; ids the sentence gave out go apart, to
 * new_terms and new_concepts. Room for all was reserved. False when out of memory. */
static inline bool add_token(model *m, const lexicon *lx, uint32_t lex_term, uint8_t flags, bigram_state *b)
{
    if (flags & LEX_PUNCT) { /* breaks a bigram, and is nothing else */
        b->prev = UINT32_MAX;
        return true;
    }
    bool stop = (flags & LEX_STOP) != 0;
    uint32_t term = local_term(m, lx, lex_term);
    if (term == UINT32_MAX) return false;
    if (!stop) push_id(term, b->first_term, m->terms.items, &m->terms.len, m->new_terms.items, &m->new_terms.len);
    if (b->prev != UINT32_MAX && !(stop && b->prev_stop)) {
        uint32_t id = u64map_intern(&m->concept_ids, ((uint64_t)b->prev << 32) | term);
        if (id == U64MAP_NONE) return false;
        push_id(id, b->first_concept, m->scratch.items, &m->scratch.len, m->new_concepts.items, &m->new_concepts.len);
    }
    b->prev = term;
    b->prev_stop = stop;
    return true;
}

/* Sorts the older ids of a sentence, then puts its new ones after them, sorted: ids are given out in
 * increasing order, so the new ones are above every older one and came in order but for repeats
 * (which sort_u32 finds at the cost of a pass). a has room for n_older + new_ids.len. */
static void sort_ids(uint32_t *a, size_t n_older, const uint32_t *new_ids, size_t n_new)
{
    sort_u32(a, n_older);
    memcpy(a + n_older, new_ids, n_new * sizeof *a);
    sort_u32(a + n_older, n_new);
}

/* Tokenises one sentence: content terms into the pool (sorted), distinct bigram concepts too; and
 * its words and bytes as measure counts them. The text goes chunk by chunk (text between ASCII
 * white space and controls), each chunk's tokens and words at once. A chunk of ASCII bytes is one
 * word; one with other bytes too, unless it holds a no-break or other wide space (then it is
 * measured); a control
 * between chunks that is not white space to measure joins them: then the whole span is measured.
 * A chunk the lexicon knows as one token (most) is looked up inline; others go to lexicon_chunk.
 * A span of n bytes has at most n tokens: room for its terms and bigrams is made once. */
static td_status analyse_sentence(model *m, lexicon *lx, const char *text, sentence *s, td_error *err)
{
    s->terms = (uint32_t)m->terms.len;
    s->concepts = (uint32_t)m->concepts.len;
    m->scratch.len = 0;
    const unsigned char *p = (const unsigned char *)text;
    size_t pos = s->span.start, end = s->span.end;
    m->new_terms.len = m->new_concepts.len = 0;
    if (!vec_reserve(&m->terms, end - pos) || !vec_reserve(&m->scratch, end - pos) ||
        !vec_reserve(&m->new_terms, end - pos) || !vec_reserve(&m->new_concepts, end - pos))
        return error_nomem(err);
    bigram_state b = {UINT32_MAX, true, (uint32_t)m->n_terms, (uint32_t)m->concept_ids.len};
    uint32_t n_words = 0, word_bytes = 0; /* as measure counts: words, and bytes inside words */
    bool joined = false;                  /* a control that is not white space was between chunks */
    for (;;) {
        if (pos < end && p[pos] == ' ') pos++; /* the usual gap */
        for (; pos < end && text_chunk_break(p[pos]); pos++) joined |= p[pos] != ' ' && (p[pos] < '\t' || p[pos] > '\r');
        if (pos >= end) break;
        size_t chunk = pos;
        bool wide;
        pos = text_chunk_end(text, end, pos, &wide);
        size_t len = pos - chunk;
        if (!wide || !has_wide_space(text, chunk, pos)) {
            n_words++;
            word_bytes += (uint32_t)len;
        } else {
            uint32_t w, wb;
            measure(text, (td_span){chunk, pos}, &w, &wb);
            n_words += w;
            word_bytes += w ? wb - (w - 1) : 0;
        }
        const lex_slot *known = len <= LEX_INLINE_MAX ? lexicon_known(lx, text + chunk, len) : NULL;
        if (known) {
            if (!add_token(m, lx, known->term, known->flags, &b)) return error_nomem(err);
            continue;
        }
        lex_chunk c;
        if (!lexicon_chunk(lx, text + chunk, len, &c)) return error_nomem(err);
        for (size_t k = 0; k < c.n; k++)
            if (!add_token(m, lx, c.term[k], c.flags[k], &b)) return error_nomem(err);
    }
    if (joined) {
        measure(text, s->span, &s->words, &s->bytes);
    } else {
        s->words = n_words;
        s->bytes = word_bytes + (n_words ? n_words - 1 : 0);
    }
    sort_ids(m->terms.items + s->terms, m->terms.len - s->terms, m->new_terms.items, m->new_terms.len);
    m->terms.len += m->new_terms.len;
    s->n_terms = (uint32_t)(m->terms.len - s->terms);
    sort_ids(m->scratch.items, m->scratch.len, m->new_concepts.items, m->new_concepts.len);
    m->scratch.len += m->new_concepts.len;
    if (!vec_reserve(&m->concepts, m->scratch.len)) return error_nomem(err);
    const uint32_t *id = m->scratch.items;
    uint32_t *to = m->concepts.items + m->concepts.len;
    size_t n = 0;
    for (size_t i = 0; i < m->scratch.len; i++)
        if (!i || id[i] != id[i - 1]) to[n++] = id[i]; /* sorted: a repeat follows its first */
    m->concepts.len += n;
    s->n_concepts = (uint32_t)n;
    return TD_OK;
}

/* The compressed form of sentence s (at index in model.sents), when the rules find one that is
 * shorter and still usable: its words, terms and concepts are those of the kept text. */
static td_status add_variant(model *m, lexicon *lx, const char *text, uint32_t index, td_error *err)
{
    sentence *s = &m->sents.items[index];
    compression c;
    if (!compress_sentence(text, s->span, m->compress, &c)) return TD_OK;
    m->joined.len = 0;
    for (size_t k = 0; k < c.n_kept; k++) {
        size_t len = c.kept[k].end - c.kept[k].start;
        if (!vec_reserve(&m->joined, len + 1)) return error_nomem(err);
        memcpy(m->joined.items + m->joined.len, text + c.kept[k].start, len);
        m->joined.len += len;
    }
    sentence v = *s;
    v.span = (td_span){0, m->joined.len};
    measure(m->joined.items, v.span, &v.words, &v.bytes);
    if (v.words >= s->words) return TD_OK;
    td_status st = analyse_sentence(m, lx, m->joined.items, &v, err);
    if (st != TD_OK) return st;
    v.usable = v.words >= MODEL_MIN_WORDS && v.n_terms >= 3;
    if (!v.usable) { /* the pools' new entries are nobody's: take them back */
        m->terms.len = v.terms;
        m->concepts.len = v.concepts;
        return TD_OK;
    }
    v.span = s->span;
    v.twin = index;
    v.kept = (uint32_t)m->kept.len;
    v.n_kept = (uint8_t)c.n_kept;
    if (!vec_reserve(&m->kept, c.n_kept) || !vec_reserve(&m->variants, 1)) return error_nomem(err);
    memcpy(m->kept.items + m->kept.len, c.kept, c.n_kept * sizeof *c.kept);
    m->kept.len += c.n_kept;
    s->twin = (uint32_t)m->variants.len;
    m->variants.items[m->variants.len++] = v;
    return TD_OK;
}

/* The article's sentences: what the cleaner kept (content, and kept text that is never quoted,
 * marked as debris), or, with no_clean, every sentence of the raw text. Dropped pieces are not in
 * the model at all, so positions count the article's own sentences. Spans stay offsets into the
 * original text. */
static td_status analyse_document(model *m, lexicon *lx, uint32_t doc_index, td_error *err)
{
    const td_document *d = &m->cluster->docs[doc_index];
    const td_clean_piece *pieces = NULL;
    td_span *spans = NULL;
    size_t n = 0, kept = 0;
    if (!m->no_clean) {
        pieces = td_clean_pieces(m->cleaner, doc_index, &n);
        for (size_t i = 0; i < n; i++) kept += td_clean_keeps(pieces[i].reason);
    } else {
        if (td_split_sentences(d->text, d->text_len, &spans, &n) != TD_OK) return error_nomem(err);
        kept = n;
    }
    if (!vec_reserve(&m->sents, kept)) {
        free(spans);
        return error_nomem(err);
    }
    td_status st = TD_OK;
    uint32_t index = 0;
    for (size_t i = 0; i < n && st == TD_OK; i++) {
        if (pieces && !td_clean_keeps(pieces[i].reason)) continue;
        sentence *s = &m->sents.items[m->sents.len++];
        memset(s, 0, sizeof *s);
        s->doc = doc_index;
        s->index = index++;
        s->n_in_doc = (uint32_t)kept;
        s->span = dateline_skip(d->text, pieces ? pieces[i].span : spans[i]);
        s->debris = pieces ? (uint8_t)pieces[i].reason : 0;
        st = analyse_sentence(m, lx, d->text, s, err); /* and its words and bytes */
        s->usable = s->debris == 0 && s->words >= MODEL_MIN_WORDS && s->words <= MODEL_MAX_WORDS && s->n_terms >= 3;
        s->twin = MODEL_NONE;
        if (st == TD_OK && m->compress && s->usable)
            st = add_variant(m, lx, d->text, (uint32_t)(m->sents.len - 1), err);
    }
    free(spans);
    return st;
}

td_status model_build(model *m, lexicon *lx, const td_cluster *c, td_error *err)
{
    m->cluster = c;
    m->sents.len = m->terms.len = m->concepts.len = m->variants.len = m->kept.len = 0;
    /* the pools exist even when empty, so sentence_terms/concepts never offset a null pointer */
    if (!vec_reserve(&m->terms, 1) || !vec_reserve(&m->concepts, 1)) return error_nomem(err);
    if (++m->build == UINT32_MAX) { /* after 4 billion builds: old numbers come back */
        memset(m->local_terms.items, 0, m->local_terms.len * sizeof *m->local_terms.items);
        m->build = 1;
    }
    m->n_terms = 0;
    u64map_clear(&m->concept_ids);
    if (!m->no_clean) {
        if (!m->cleaner && !(m->cleaner = td_cleaner_new())) return error_nomem(err);
        td_status st = td_clean_cluster(m->cleaner, c, err);
        if (st != TD_OK) return st;
    }
    for (size_t d = 0; d < c->n_docs; d++) {
        td_status st = analyse_document(m, lx, (uint32_t)d, err);
        if (st != TD_OK) return st;
    }
    m->n_concepts = m->concept_ids.len;
    return TD_OK;
}

void model_free(model *m)
{
    vec_free(&m->sents);
    vec_free(&m->terms);
    vec_free(&m->concepts);
    vec_free(&m->scratch);
    vec_free(&m->new_terms);
    vec_free(&m->new_concepts);
    vec_free(&m->variants);
    vec_free(&m->kept);
    vec_free(&m->joined);
    td_cleaner_free(m->cleaner);
    m->cleaner = NULL;
    vec_free(&m->local_terms);
    u64map_free(&m->concept_ids);
}

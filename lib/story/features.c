/* features.c — what identifies an event in an article: stems of content words, bigrams of
 * adjacent content words, named entities (runs of capitalised words, not counting the first word
 * of a sentence alone), and numbers; the title's are counted twice. Each feature is a 64-bit hash
 * of its kind and stems, so that it means the same in every process. */
#include <stdlib.h>
#include <string.h>

#include "common/bytes.h"
#include "common/strmap.h"
#include "story/story.h"

enum { KIND_TERM = 1, KIND_BIGRAM, KIND_ENTITY, KIND_NUMBER };

bool featurizer_init(featurizer *fz, unsigned kinds)
{
    *fz = (featurizer){0};
    fz->kinds = kinds;
    fz->lx = lexicon_new();
    return fz->lx != NULL;
}

void featurizer_free(featurizer *fz)
{
    lexicon_free(fz->lx);
    vec_free(&fz->term_hash);
    u64map_free(&fz->slots);
    vec_free(&fz->counts);
}

/* Hash of the stem behind a term id, computed once per term. */
static uint64_t term_hash(featurizer *fz, uint32_t term)
{
    if (term >= fz->term_hash.len) {
        if (!vec_reserve(&fz->term_hash, term + 1 - fz->term_hash.len)) return 0;
        while (fz->term_hash.len <= term) fz->term_hash.items[fz->term_hash.len++] = 0;
    }
    uint64_t *h = &fz->term_hash.items[term];
    if (!*h) {
        size_t len;
        const char *stem = lexicon_term(fz->lx, term, &len);
        *h = hash_bytes(stem, len) | 1; /* never 0, the mark of "not computed" */
    }
    return *h;
}

static bool count(featurizer *fz, uint64_t key, float by)
{
    uint32_t slot = u64map_intern(&fz->slots, key);
    if (slot == U64MAP_NONE) return false;
    if (slot == fz->counts.len) return vec_push(&fz->counts, ((feature){key, by}));
    fz->counts.items[slot].weight += by;
    return true;
}

static inline bool capitalised(const char *s, token t) { return s[t.start] >= 'A' && s[t.start] <= 'Z'; }

/* A sentence ends at . ! ? and at a line break (headlines, datelines). */
static bool ends_sentence(const char *s, token prev, size_t next_start)
{
    if (prev.kind == TOKEN_PUNCT && (s[prev.start] == '.' || s[prev.start] == '!' || s[prev.start] == '?'))
        return true;
    for (size_t i = prev.end; i < next_start; i++)
        if (s[i] == '\n') return true;
    return false;
}

/* Counts the features of one text, each occurrence `by` times. */
static bool featurize_text(featurizer *fz, const char *s, size_t len, float by)
{
    size_t pos = 0;
    token t, prev = {0, 0, TOKEN_PUNCT};
    bool at_start = true;      /* t is the first token of a sentence */
    uint64_t last_term = 0;    /* hash of the previous content word when adjacent, else 0 */
    uint64_t entity = 0;       /* hash of the capitalised run so far, 0 when none */
    size_t entity_words = 0;
    bool entity_from_start = false;
    while (true) {
        bool more = token_next(s, len, &pos, &t);
        if (more) at_start = prev.end == 0 || ends_sentence(s, prev, t.start);
        lex_word w = {0};
        if (more && !lexicon_word(fz->lx, s + t.start, t.end - t.start, t.kind, &w)) return false;
        bool word = more && t.kind == TOKEN_WORD;
        bool in_entity = word && capitalised(s, t) && !(w.flags & LEX_STOP);
        /* the capitalised run ends: an entity unless it is one word that opens a sentence */
        if (entity_words && (!in_entity || at_start)) {
            if ((fz->kinds & TD_FEATURE_ENTITIES) && (entity_words > 1 || !entity_from_start) &&
                !count(fz, entity, by))
                return false;
            entity = 0;
            entity_words = 0;
        }
        if (!more) break;
        if (in_entity) {
            if (!entity_words) {
                entity = bytes_seed(KIND_ENTITY);
                entity_from_start = at_start;
            }
            entity = bytes_mix(entity, term_hash(fz, w.term));
            entity_words++;
        }
        if (w.flags & LEX_NUMBER) {
            if ((fz->kinds & TD_FEATURE_NUMBERS) &&
                !count(fz, bytes_finish(bytes_mix(bytes_seed(KIND_NUMBER), term_hash(fz, w.term))), by))
                return false;
            last_term = 0;
        } else if (word && !(w.flags & LEX_STOP) && t.end - t.start > 1) {
            uint64_t h = term_hash(fz, w.term);
            if ((fz->kinds & TD_FEATURE_TERMS) && !count(fz, h, by)) return false;
            if ((fz->kinds & TD_FEATURE_BIGRAMS) && last_term && !at_start &&
                !count(fz, bytes_finish(bytes_mix(bytes_mix(bytes_seed(KIND_BIGRAM), last_term), h)), by))
                return false;
            last_term = h;
        } else if (!(w.flags & LEX_STOP)) {
            last_term = 0; /* punctuation breaks a bigram; a stopword between two words does not */
        }
        prev = t;
    }
    return true;
}

/* Starts an article: no counts, and the title's counted twice. */
static bool featurize_start(featurizer *fz, const td_document *doc)
{
    /* features are hashes of stems, not term ids: forgetting the lexicon changes no feature, and
       a stream's memory does not grow with its vocabulary */
    if (lexicon_n_terms(fz->lx) > LEXICON_TERMS_MAX) {
        if (!lexicon_forget(fz->lx)) return false;
        fz->term_hash.len = 0;
    }
    u64map_clear(&fz->slots);
    fz->counts.len = 0;
    return !doc->title || featurize_text(fz, doc->title, strlen(doc->title), 2.0f);
}

bool featurize(featurizer *fz, const td_document *doc)
{
    size_t len = doc->text_len ? doc->text_len : strlen(doc->text);
    return featurize_start(fz, doc) && featurize_text(fz, doc->text, len, 1.0f);
}

bool featurize_kept(featurizer *fz, const td_document *doc, const td_clean_piece *pieces, size_t n)
{
    if (!featurize_start(fz, doc)) return false;
    for (size_t i = 0; i < n; i++)
        if (td_clean_keeps(pieces[i].reason) &&
            !featurize_text(fz, doc->text + pieces[i].span.start, pieces[i].span.end - pieces[i].span.start, 1.0f))
            return false;
    return true;
}

/* rouge_text.c — reads a summary the way ROUGE-1.5.5.pl reads an SPL file: lines (empty ones
 * skipped), ASCII upper case lowered, cut to the word or byte limit (readText for the n-gram text,
 * readText_LCS for the sentences of ROUGE-L, whose byte cut differs), then tokens = runs of
 * [a-z0-9] (every other byte separates words, hyphens included), stopwords dropped, stemmed. */
#include <stdlib.h>
#include <string.h>

#include "eval/rouge.h"

/* A piece of a line that is read: bytes [start, end) of the text. */
typedef struct piece {
    size_t start;
    size_t end;
} piece;

typedef VEC(piece) pieces;

void rouge_lexicon_init(rouge_lexicon *lx, const rouge_exceptions *exceptions, bool stopwords)
{
    memset(lx, 0, sizeof *lx);
    strmap_init(&lx->raw);
    strmap_init(&lx->terms);
    lx->exceptions = exceptions;
    lx->stopwords = stopwords;
}

void rouge_lexicon_free(rouge_lexicon *lx)
{
    strmap_free(&lx->raw);
    strmap_free(&lx->terms);
    vec_free(&lx->raw_term);
    free(lx->scratch);
    memset(lx, 0, sizeof *lx);
}

/* Term id of a new raw token (lowercase): ROUGE_DROPPED for a stopword; a word longer than 3
 * characters is replaced by its WordNet base form when it has one, else stemmed (the script's
 * MorphStem). STRMAP_NONE when out of memory. */
static uint32_t classify(rouge_lexicon *lx, const char *tok, size_t len)
{
    if (lx->stopwords && rouge_stopword(tok, len)) return ROUGE_DROPPED;
    if (!lx->exceptions || len <= 3) return strmap_intern(&lx->terms, tok, len, NULL);
    size_t base_len;
    const char *base = rouge_exception(lx->exceptions, tok, len, &base_len);
    if (base) return strmap_intern(&lx->terms, base, base_len, NULL);
    if (lx->scratch_cap < len + 2) {
        char *p = realloc(lx->scratch, len + 2);
        if (!p) return STRMAP_NONE;
        lx->scratch = p;
        lx->scratch_cap = len + 2;
    }
    memcpy(lx->scratch, tok, len);
    size_t n = rouge_porter_stem(lx->scratch, len);
    return strmap_intern(&lx->terms, lx->scratch, n, NULL);
}

/* Term id of a lowercase token, from the cache. STRMAP_NONE when out of memory. */
static uint32_t term_of(rouge_lexicon *lx, const char *tok, size_t len)
{
    bool added;
    uint32_t raw = strmap_intern(&lx->raw, tok, len, &added);
    if (raw == STRMAP_NONE) return STRMAP_NONE;
    if (!added) return lx->raw_term.items[raw];
    uint32_t term = classify(lx, tok, len);
    /* Ids that would reach the markers are refused like a failed allocation (4 billion terms). */
    if (term == STRMAP_NONE || term == ROUGE_NO_WORD || !vec_push(&lx->raw_term, term)) return STRMAP_NONE;
    return term;
}

static bool is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Appends the term ids of text[p.start, p.end) to out. */
static bool tokenize(rouge_lexicon *lx, const char *text, piece p, rouge_ids *out)
{
    char tok[64];
    size_t i = p.start;
    while (i < p.end) {
        if (!is_word_byte((unsigned char)text[i])) {
            i++;
            continue;
        }
        size_t start = i;
        while (i < p.end && is_word_byte((unsigned char)text[i])) i++;
        size_t len = i - start;
        char *lower = len <= sizeof tok ? tok : malloc(len);
        if (!lower) return false;
        for (size_t k = 0; k < len; k++) {
            char c = text[start + k];
            lower[k] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
        }
        uint32_t term = term_of(lx, lower, len);
        if (lower != tok) free(lower);
        if (term == STRMAP_NONE) return false;
        if (term != ROUGE_DROPPED && !vec_push(out, term)) return false;
    }
    return true;
}

static bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* Fields of Perl's split(/\s+/, line): the runs of non-space, plus an empty first field when the
 * line starts with white space (and has any run at all). */
static size_t count_fields(const char *text, piece line)
{
    size_t runs = 0;
    for (size_t i = line.start; i < line.end; i++)
        if (!is_space((unsigned char)text[i]) && (i == line.start || is_space((unsigned char)text[i - 1]))) runs++;
    if (runs && is_space((unsigned char)text[line.start])) runs++;
    return runs;
}

/* The end of the first k fields of the line (k >= 1, fewer than the line has or all of them). */
static size_t fields_end(const char *text, piece line, size_t k)
{
    size_t seen = is_space((unsigned char)text[line.start]) ? 1 : 0;
    size_t end = line.start;
    for (size_t i = line.start; i < line.end && seen < k; i++) {
        if (is_space((unsigned char)text[i])) continue;
        while (i < line.end && !is_space((unsigned char)text[i])) i++;
        end = i;
        seen++;
    }
    return end;
}

/* Splits the text into its non-empty lines (a line keeps a trailing \r, as Perl's chomp does). */
static bool split_lines(const char *text, size_t len, pieces *lines)
{
    size_t start = 0;
    while (start < len) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - text) : len;
        if (end > start && !vec_push(lines, ((piece){start, end}))) return false;
        start = end + 1;
    }
    return true;
}

/* Applies ROUGE's cut-offs to the lines: into *ngram the pieces readText keeps, into *lcs those
 * readText_LCS keeps (with a byte limit it never adds up the bytes kept, so it keeps every line
 * shorter than the limit up to the first one that is not, which it cuts to the limit). */
static bool cut(const char *text, const piece *lines, size_t n, size_t words, size_t bytes,
                pieces *ngram, pieces *lcs)
{
    size_t kept = 0;
    bool done_ngram = false;
    for (size_t i = 0; i < n; i++) {
        piece line = lines[i];
        if (!words && !bytes) {
            if (!vec_push(ngram, line) || !vec_push(lcs, line)) return false;
            continue;
        }
        if (words) {
            size_t f = count_fields(text, line);
            if (kept + f < words) {
                kept += f;
                if (!vec_push(ngram, line) || !vec_push(lcs, line)) return false;
                continue;
            }
            piece part = {line.start, fields_end(text, line, words - kept)};
            return vec_push(ngram, part) && vec_push(lcs, part);
        }
        size_t len = line.end - line.start;
        if (!done_ngram) {
            if (kept + len < bytes) {
                kept += len;
                if (!vec_push(ngram, line)) return false;
            } else {
                if (!vec_push(ngram, ((piece){line.start, line.start + (bytes - kept)}))) return false;
                done_ngram = true;
            }
        }
        if (len < bytes) {
            if (!vec_push(lcs, line)) return false;
        } else {
            return vec_push(lcs, ((piece){line.start, line.start + bytes}));
        }
    }
    return true;
}

bool rouge_doc_read(rouge_doc *d, rouge_lexicon *lx, const char *text, size_t len,
                    size_t word_limit, size_t byte_limit)
{
    d->words.len = d->units.len = d->unit_ends.len = 0;
    pieces lines = {0}, ngram = {0}, lcs = {0};
    bool ok = split_lines(text, len, &lines) &&
              cut(text, lines.items, lines.len, word_limit, byte_limit, &ngram, &lcs);
    for (size_t i = 0; ok && i < ngram.len; i++) ok = tokenize(lx, text, ngram.items[i], &d->words);
    for (size_t i = 0; ok && i < lcs.len; i++)
        ok = tokenize(lx, text, lcs.items[i], &d->units) && vec_push(&d->unit_ends, d->units.len);
    vec_free(&lines);
    vec_free(&ngram);
    vec_free(&lcs);
    return ok;
}

void rouge_doc_free(rouge_doc *d)
{
    vec_free(&d->words);
    vec_free(&d->units);
    vec_free(&d->unit_ends);
}

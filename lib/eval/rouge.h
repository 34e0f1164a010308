/* rouge.h — internals of the ROUGE scorer (lib/eval): ROUGE-1.5.5's stemmer and stopwords, reading a
 * summary into token ids the way ROUGE-1.5.5.pl does, and the gram and LCS matchers. */
#ifndef TD_EVAL_ROUGE_H
#define TD_EVAL_ROUGE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/strmap.h"
#include "common/vec.h"
#include "tidings.h"

/* A growable list of term ids. */
typedef VEC(uint32_t) rouge_ids;

/* Marks a token dropped as a stopword in the token cache. Term ids stay below ROUGE_NO_WORD (a
 * lexicon refuses more terms), and UINT32_MAX is strmap's "none". */
#define ROUGE_DROPPED (UINT32_MAX - 1)
/* Second half of a unigram in the pair list of ROUGE-SU. */
#define ROUGE_NO_WORD (UINT32_MAX - 2)

/* True when the lowercased word is in ROUGE-1.5.5's smart_common_words.txt. */
bool rouge_stopword(const char *word, size_t len);

/* WordNet's irregular forms and their base forms, as ROUGE-1.5.5's -m uses them. */
typedef struct rouge_exceptions {
    strmap forms;      /* the forms ROUGE can look up (runs of [a-z0-9] longer than 3 characters) */
    VEC(struct rouge_base {
        const char *text; /* NUL-terminated, inside one of files */
        size_t len;
    }) bases;          /* form id -> its base form */
    VEC(char *) files; /* the lists as read, which hold the base forms */
} rouge_exceptions;

void rouge_exceptions_init(rouge_exceptions *ex);
/* Reads adv.exc, noun.exc, verb.exc and adj.exc of dir (NULL or "": $TIDINGS_WORDNET_DIR, else
 * /usr/share/wordnet of Debian's wordnet-base) into ex. Errors name the file: TD_ERR_IO when it
 * cannot be read (with a hint to install wordnet-base when it is missing), TD_ERR_INPUT for a line
 * without a base form. */
td_status rouge_exceptions_load(rouge_exceptions *ex, const char *dir, td_error *err);
void rouge_exceptions_free(rouge_exceptions *ex);
/* The base form ROUGE-1.5.5 puts in place of an irregular word ("went" -> "go"), NUL-terminated
 * with its length in *base_len, or NULL. */
const char *rouge_exception(const rouge_exceptions *ex, const char *word, size_t len, size_t *base_len);

/* Stems w[0..len) in place with the Porter stemmer of ROUGE-1.5.5.pl (the published algorithm with
 * that script's regular expressions and its change to step 4); returns the new length, which is
 * never more than len + 1 (w must have room for that). */
size_t rouge_porter_stem(char *w, size_t len);

/* Turns raw tokens into term ids: stopwords dropped and words stemmed as the options say; each
 * distinct token is classified once. */
typedef struct rouge_lexicon {
    strmap raw;             /* lowercased tokens as read */
    rouge_ids raw_term;     /* raw id -> term id, or ROUGE_DROPPED */
    strmap terms;           /* the forms that are compared (stems when stemming) */
    const rouge_exceptions *exceptions; /* -m: WordNet's irregular forms, then stems; NULL: no stemming */
    bool stopwords;         /* -s */
    char *scratch;          /* room for stemming one token */
    size_t scratch_cap;
} rouge_lexicon;

/* exceptions: stem words (-m) after looking them up there; NULL: no stemming. It must outlive lx. */
void rouge_lexicon_init(rouge_lexicon *lx, const rouge_exceptions *exceptions, bool stopwords);
void rouge_lexicon_free(rouge_lexicon *lx);

/* One summary as ROUGE-1.5.5 sees it. */
typedef struct rouge_doc {
    rouge_ids words;       /* the term ids of the text cut to the length limit (its readText) */
    rouge_ids units;       /* the term ids of its sentences for ROUGE-L (its readText_LCS) */
    VEC(size_t) unit_ends; /* end of each sentence in units */
} rouge_doc;

/* Reads text as ROUGE-1.5.5 reads an SPL file with the given limits (0: none). False when out of
 * memory. The doc is emptied first, so one can be reused. */
bool rouge_doc_read(rouge_doc *d, rouge_lexicon *lx, const char *text, size_t len,
                    size_t word_limit, size_t byte_limit);
void rouge_doc_free(rouge_doc *d);

/* A list of grams: count grams of width ids each, the i-th at base + i * stride. */
typedef struct rouge_grams {
    const uint32_t *base;
    size_t stride;
    size_t width;
    size_t count;
} rouge_grams;

/* Counts the grams of one summary and matches those of others against them. */
typedef struct rouge_gram_table {
    uint32_t *slots; /* entry index + 1, 0 when empty */
    size_t n_slots;  /* power of two */
    struct rouge_gram_entry {
        const uint32_t *key; /* the gram's ids (in the peer's list) */
        uint32_t count;      /* occurrences in the peer */
        uint32_t used;       /* of those, matched by the current model */
    } *entries;
    size_t n_entries;
    size_t cap;
    size_t width;
} rouge_gram_table;

/* Fills the table with the peer's grams (replacing what it held). False when out of memory. */
bool rouge_grams_load(rouge_gram_table *t, const rouge_grams *peer);
/* Clipped matches of the model's grams: sum over grams of min(model count, peer count). */
size_t rouge_grams_hits(rouge_gram_table *t, const rouge_grams *model);
void rouge_grams_free(rouge_gram_table *t);

/* The n-grams of a token list (none when it is shorter than n). */
rouge_grams rouge_ngrams(const uint32_t *ids, size_t len, size_t n);
/* The skip-bigrams of a token list as ROUGE-1.5.5's createSkipBigram makes them, into pairs
 * (2 ids each; a unigram is (id, ROUGE_NO_WORD)). distance < 0: no limit. False when out of memory. */
bool rouge_skip_bigrams(const uint32_t *ids, size_t len, int distance, bool unigrams,
                        rouge_ids *pairs, rouge_grams *out);

/* Scratch memory of the LCS matcher, kept between calls. */
typedef struct rouge_lcs_work {
    uint32_t *table;     /* DP lengths */
    size_t table_cap;
    uint8_t *mask;       /* LCS hits of one model sentence */
    size_t mask_cap;
    int32_t *model_left; /* unigram counts left to match, indexed by term id */
    int32_t *peer_left;
    size_t counts_cap;
} rouge_lcs_work;

/* ROUGE-1.5.5's summary-level LCS of a model against the peer: for each model sentence the union
 * of its LCS with every peer sentence, each hit clipped by the unigram counts of the two (length
 * limited) texts. *hits gets the matches, *base the words of the model sentences. n_terms bounds
 * the term ids. False when out of memory. */
bool rouge_lcs_hits(rouge_lcs_work *w, const rouge_doc *model, const rouge_doc *peer, size_t n_terms,
                    size_t *hits, size_t *base);
void rouge_lcs_free(rouge_lcs_work *w);

/* TD_ERR_USAGE with a message when the options cannot be used together or are out of range. */
td_status rouge_opts_check(const td_rouge_opts *opts, td_error *err);
/* Writes the measures the options ask for into out (room for max_n + 2); returns how many. */
size_t rouge_list_measures(const td_rouge_opts *opts, td_rouge_measure *out);

/* x rounded to 5 decimals as Perl's sprintf("%7.5f") and read back. */
double rouge_round5(double x);

#endif

/* story.h — internal interface of the story stage: the features that identify an event in an
 * article, and the clusterer's state for the store (lib/store) to save and load. The public side
 * (td_clusterer_*) is in tidings.h. */
#ifndef TD_STORY_H
#define TD_STORY_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/buf.h"
#include "common/u64map.h"
#include "common/vec.h"
#include "text/text.h"
#include "tidings.h"

/* One weighted feature: a hashed stem, bigram of stems, named entity or number. Hashes, not
 * ids, so that the features of two processes (runs, machines) are the same. */
typedef struct feature {
    uint64_t key;
    float weight;
} feature;

typedef VEC(feature) feature_vec;

/* Turns articles into raw feature counts; keeps its lexicon and buffers across articles. */
typedef struct featurizer {
    lexicon *lx;               /* tokens -> stems, stopwords */
    VEC(uint64_t) term_hash;   /* term id -> hash of its stem, 0 while not computed */
    u64map slots;              /* feature key -> index in counts, for one article */
    feature_vec counts;        /* the article's features with their counts */
    unsigned kinds;            /* TD_FEATURE_* bits in use */
} featurizer;

bool featurizer_init(featurizer *fz, unsigned kinds);
/* The features of an article (title counted twice) with their counts, in first-seen order, into
 * fz->counts. False when out of memory. */
bool featurize(featurizer *fz, const td_document *doc);
/* The same with only the pieces of the text that the cleaner kept (td_clean_keeps). */
bool featurize_kept(featurizer *fz, const td_document *doc, const td_clean_piece *pieces, size_t n);
void featurizer_free(featurizer *fz);

/* The clusterer's state in a portable byte string (little-endian numbers; stories, document
 * frequencies, counters), and back. story_state_load checks every length and count: a damaged or
 * hostile blob is an error, never a crash. */
bool story_state_save(const td_clusterer *c, buf *out);
td_status story_state_load(td_clusterer *c, const void *data, size_t len, td_error *err);
/* How many articles the clusterer has placed: those a state saved now covers. */
uint64_t story_state_placed(const td_clusterer *c);

/* Remembers an article for copy detection (its text goes to td_dedup) and where it went; the
 * store replays the last articles of earlier runs this way. */
td_status clusterer_remember(td_clusterer *c, const char *text, size_t len, const char *id, uint64_t story_key,
                             td_dedup_match *match, td_error *err);

/* How many articles copy detection remembers (0: none). */
size_t story_copy_window(const td_clusterer *c);

#endif

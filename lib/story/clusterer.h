/* clusterer.h — the clusterer's insides, shared by its placing (clusterer.c) and its saving and
 * loading (state.c). */
#ifndef TD_STORY_CLUSTERER_H
#define TD_STORY_CLUSTERER_H
#include <math.h>

#include "story/story.h"

enum {
    ARTICLE_FEATURES = 1000, /* an article keeps its heaviest features only */
    INDEX_FEATURES = 24,    /* of which the heaviest find candidate stories */
    CENTROID_MAX = 1000,    /* features a centroid keeps (pruned back when half as many again) */
    CANDIDATES = 12,        /* candidate stories scored in full */
    POSTINGS_MAX = 256,     /* stories remembered under one feature (the newest) */
    POSTINGS_FIRST = 3,     /* entries of a new list: the 24 bytes of glibc's smallest block */
    MAINTAIN_EVERY = 1024,  /* articles between closings of idle stories */
    DF_MAX = (1 << 20) - 1, /* features with a document frequency (their key table stays at 2^21 slots) */
    LOG_MEMO = 64,          /* small counts whose logarithms are kept */
    IDF_MEMO = 4096,        /* document frequencies whose idf is kept for the article being weighed */
};

/* A live story. */
typedef struct story {
    u64map keys;         /* feature -> index in weights */
    VEC(float) weights;  /* the centroid: sum of its articles' unit vectors */
    double norm;         /* length of the centroid */
    char *id;            /* the id of its first article (malloc'd) */
    uint64_t key;        /* its number */
    uint32_t n_articles; /* articles placed in it */
    uint32_t n_vectors;  /* of which summed into the centroid (copies are not) */
    uint32_t gen;        /* generation of the slot: postings of an older story in the slot are stale */
    bool live;           /* false when the slot is free */
    bool dated;          /* some article had a date */
    long long last_time; /* the latest date of its articles (seconds), when dated */
    uint64_t last_seq;   /* arrival number of its latest article */
} story;

typedef VEC(uint64_t) posting_list; /* entries: slot << 32 | generation */

/* Per story slot, for the article being placed. */
typedef struct candidate {
    uint64_t round; /* the article it was last reached by */
    uint32_t slot;
    float shared;   /* weight of the article's features that led to it */
} candidate;

/* An article remembered for copy detection: where it went. */
typedef struct recent {
    char *id;           /* its id (malloc'd) */
    uint64_t story_key; /* its story */
    uint32_t slot, gen; /* the story's slot and generation then */
} recent;

struct td_clusterer {
    td_story_opts opts;
    featurizer fz;
    u64map df_keys;           /* feature -> index in df (bounded: frequencies.c) */
    VEC(uint32_t) df;         /* articles that had the feature */
    uint64_t n_docs;          /* articles counted in df */
    double log_count[LOG_MEMO];  /* ln k, when log_count_set */
    double idf_memo[IDF_MEMO];   /* the idf of document frequency k for idf_memo_docs[k] - 1 articles */
    uint64_t idf_memo_docs[IDF_MEMO];
    bool log_count_set;
    VEC(story) stories;       /* slots */
    VEC(uint32_t) free_slots; /* slots of closed stories */
    size_t n_live;
    u64map index_keys;        /* feature -> index in postings */
    VEC(posting_list) postings;
    size_t n_postings;        /* entries in all the lists */
    uint64_t seq;             /* articles placed */
    uint64_t next_key;        /* number of the next story */
    long long now;            /* the latest date seen */
    bool have_now;
    feature_vec vec;          /* the article being placed */
    feature_vec scratch;
    VEC(uint32_t) cands;      /* candidate slots */
    VEC(candidate) stamp;     /* slot -> candidate record */
    uint64_t round;
    u64map key_ids;           /* story key -> index in key_slots (rebuilt with the live ones by maintain) */
    VEC(uint32_t) key_slots;  /* the slot of each story key */
    td_dedup *dedup;          /* copy detection over the last opts.copy_window articles, or NULL */
    double copy_jaccard;      /* its Jaccard threshold: a copy below it was found by containment alone */
    recent *recent;           /* ring of opts.copy_window entries: article index % window -> where it went */
    td_cleaner *cleaner;      /* finds what is left of a short text once cleaned (content.c), made when first needed */
    uint64_t cleaned;         /* the article (its seq) whose pieces the cleaner holds, 0: none */
    char *alone_id;           /* the id of the last article placed alone (place_alone), malloc'd */
};

/* Forgets the rarest features when n_new more would take the document frequencies past their
 * bound (frequencies.c); false when out of memory. */
bool story_df_make_room(td_clusterer *c, size_t n_new);
/* Counts an article that has the feature; its document frequency, 0 when out of memory. */
uint32_t story_df_count(td_clusterer *c, uint64_t key);
/* ln((n_docs + 1) / (df + 1)) + 1, the weight of a feature's rarity; computed once per article
 * for each df below IDF_MEMO. */
static inline double story_idf(td_clusterer *c, uint32_t df)
{
    if (df >= IDF_MEMO) return log((double)(c->n_docs + 1) / (df + 1)) + 1;
    if (c->idf_memo_docs[df] != c->n_docs + 1) { /* +1: 0 marks "not computed" */
        c->idf_memo[df] = log((double)(c->n_docs + 1) / (df + 1)) + 1;
        c->idf_memo_docs[df] = c->n_docs + 1;
    }
    return c->idf_memo[df];
}
/* Fills the table of ln k for whole k below LOG_MEMO. */
void story_log_counts_init(td_clusterer *c);
/* ln(count), from the table for small whole counts. */
static inline double story_log_count(td_clusterer *c, float count)
{
    if (!c->log_count_set) story_log_counts_init(c);
    int k = (int)count;
    return k >= 1 && k < LOG_MEMO && (float)k == count ? c->log_count[k] : log(count);
}
/* Cleans the article being placed (the c->seq-th) alone, once however often asked: its pieces
 * (td_clean_pieces) into *pieces, *n, valid until the next article. False when out of memory. */
bool story_clean(td_clusterer *c, const td_document *doc, size_t len, const td_clean_piece **pieces, size_t *n);
/* Whether the article's text (len bytes) keeps opts.min_words content words once cleaned of web
 * debris, into *has_news (always true for min_words 0 and long texts); false when out of memory. */
bool story_has_news(td_clusterer *c, const td_document *doc, size_t len, bool *has_news);
/* Recomputes the length of a centroid. */
void story_norm(story *s);
/* Adds n weighted features to a story's centroid (pruning it when it grows). */
bool story_add_vector(td_clusterer *c, story *s, const feature *v, size_t n);
/* A slot for a new live story numbered key, zeroed but for its generation and key. */
story *clusterer_new_story(td_clusterer *c, uint64_t key, uint32_t *slot);

#endif

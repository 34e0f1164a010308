/* clusterer.h — the clusterer's insides, shared by its placing (clusterer.c) and its saving and
 * loading (state.c). */
#ifndef TD_STORY_CLUSTERER_H
#define TD_STORY_CLUSTERER_H
#include "story/story.h"

enum {
    ARTICLE_FEATURES = 160, /* an article keeps its heaviest features only */
    INDEX_FEATURES = 24,    /* of which the heaviest find candidate stories */
    CENTROID_MAX = 400,     /* features a centroid keeps (pruned back when half as many again) */
    CANDIDATES = 12,        /* candidate stories scored in full */
    POSTINGS_MAX = 256,     /* stories remembered under one feature (the newest) */
    MAINTAIN_EVERY = 1024,  /* articles between closings of idle stories */
    DF_MAX = (1 << 20) - 1, /* features with a document frequency (their key table stays at 2^21 slots) */
};

/* A live story. */
typedef struct story {
    u64map keys;         /* feature -> index in weights */
    VEC(float) weights;  /* the centroid: sum of its articles' unit vectors */
    double norm;         /* length of the centroid */
    char *id;            /* the id of its first article (malloc'd) */
    uint64_t key;        /* its number */
    uint32_t n_articles; /* articles placed in it */
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
    recent *recent;           /* ring of opts.copy_window entries: article index % window -> where it went */
};

/* Forgets the rarest features when n_new more would take the document frequencies past their
 * bound (frequencies.c); false when out of memory. */
bool story_df_make_room(td_clusterer *c, size_t n_new);
/* Counts an article that has the feature; its document frequency, 0 when out of memory. */
uint32_t story_df_count(td_clusterer *c, uint64_t key);
/* Recomputes the length of a centroid. */
void story_norm(story *s);
/* Adds n weighted features to a story's centroid (pruning it when it grows). */
bool story_add_vector(td_clusterer *c, story *s, const feature *v, size_t n);
/* A slot for a new live story numbered key, zeroed but for its generation and key. */
story *clusterer_new_story(td_clusterer *c, uint64_t key, uint32_t *slot);

#endif

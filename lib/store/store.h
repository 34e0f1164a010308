/* store.h — the insides of the store, shared by its files: the open database, its prepared
 * statements, and the clusterer whose state it keeps. The public side is in tidings.h. */
#ifndef TD_STORE_H
#define TD_STORE_H
#include <sqlite3.h>

#include "common/buf.h"
#include "common/u64map.h"
#include "common/vec.h"
#include "tidings.h"

#define STORE_SCHEMA 6               /* PRAGMA user_version of the stores this code makes and reads
                                        (2: full-text search of the articles, the clusterer state saved
                                        every STORE_STATE_EVERY articles; 3: new articles indexed at the
                                        commit instead of by a trigger; 4: titles and leads indexed, not
                                        whole texts; 5: ids found by their hash (ids.c), not by a unique
                                        index; 6: each distinct text stored once (texts.c); 1 to 5 are
                                        upgraded on open) */
#define SEARCH_LEAD_WORDS 60         /* words of an article's text in the search index */
#define STORE_STATE_EVERY 50000      /* articles placed between two saves of the clusterer's state */
#define STORE_MERGE_EVERY 100000     /* new ids in recent_ids (or new texts' hashes in
                                        recent_text_hashes) before both are merged into article_ids
                                        and text_hashes */
#define STORE_APPLICATION 0x74696473 /* PRAGMA application_id: "tids" */

/* What a batch did to one story so far: its row is updated once, at the commit. */
typedef struct story_touch {
    unsigned long long key;
    long long n_articles; /* articles added */
    long long last_seq;   /* arrival number of the latest article or update */
    bool dated;           /* some article had a date that parses */
    long long when;       /* the latest of those dates (seconds) */
    size_t date;          /* offset of that date's text in touch_dates */
} story_touch;

/* The prepared statements, by what they do. */
enum {
    Q_FIND_ARTICLE,   /* seq, story, text, confidence, copy_of, story id, text key of an article id (by its hash) */
    Q_INSERT_ARTICLE, /* a new article */
    Q_INSERT_ID,      /* a new article's id hash into recent_ids */
    Q_UPDATE_ARTICLE, /* new text key and metadata of an article (by seq) */
    Q_INSERT_STORY,   /* a new story */
    Q_TOUCH_STORY,    /* a story got an article (or an update): counts, latest date, stale */
    Q_SAVE_STATE,     /* the clusterer's state */
    Q_INDEX_ADDED,    /* the search index of the articles from arrival number ?1 on */
    Q_UNINDEX_ARTICLE, /* an article (by seq) out of the search index (before an update) */
    Q_INDEX_ARTICLE,  /* an article (by seq) into the search index (after an update) */
    Q_FIND_TEXT,      /* the key of a stored text (by its hash ?1 and bytes ?2), and 1 when in recent_text_hashes */
    Q_INSERT_TEXT,    /* a new text (its key: the last rowid inserted) */
    Q_INSERT_TEXT_HASH, /* its hash into recent_text_hashes, held by one article */
    Q_REF_TEXT,       /* ?3 more articles hold the text of hash ?1 and key ?2 (in text_hashes) */
    Q_REF_RECENT_TEXT, /* the same in recent_text_hashes (follows Q_REF_TEXT) */
    Q_DROP_TEXT_HASH, /* the hash ?1 of the text of key ?2 out of text_hashes when no article holds it, */
    Q_DROP_RECENT_TEXT_HASH, /* the same out of recent_text_hashes, */
    Q_DROP_TEXT,      /* then the text itself when its hash is in neither (in this order) */
    Q_COUNT
};

struct td_store {
    sqlite3 *db;
    char *path;                  /* for messages */
    td_clusterer *clusterer;     /* placing new articles; its state is saved with each batch */
    sqlite3_stmt *q[Q_COUNT];
    bool in_batch;               /* a transaction is open */
    long long next_seq;          /* arrival number of the next article */
    long long unindexed_seq;     /* the open batch's articles from this arrival number on are not
                                    in the search index yet */
    uint64_t saved_placed;       /* articles placed when the clusterer's state was last saved */
    bool loaded;                 /* opened in full: the close may save the state */
    long long recent_ids;        /* rows in recent_ids (as far as this connection knows: it only
                                    decides when to merge them) */
    long long recent_texts;      /* rows in recent_text_hashes (the same) */
    bool must_save;              /* the batch updated an article: its state must be saved at the commit */
    buf story_id;                /* the story id handed out by the last td_store_add */
    buf copy_of;                 /* the copy_of handed out by the last td_store_add */
    buf state;                   /* scratch: the saved state */
    u64map touched_keys;         /* story key -> index in touched, for the open batch */
    VEC(story_touch) touched;
    buf touch_dates;             /* the dates of touched, each ended by a NUL */
};

/* Sets err to "PATH: what: SQLite's message" (locked and read-only stores get their own words)
 * and returns the status. */
td_status store_error(td_store *s, int rc, const char *what, td_error *err);
/* Writes the stories the open batch touched (counts, latest date, stale) to their rows. */
td_status store_flush_stories(td_store *s, td_error *err);
/* Adds the open batch's articles not yet in it to the search index. */
td_status store_index_added(td_store *s, td_error *err);
/* Adds the SQL function search_lead (search.c) to the store's connection. */
td_status store_search_functions(td_store *s, td_error *err);
/* Writes the clusterer's state (in the open transaction). */
td_status store_save_state(td_store *s, td_error *err);
/* The 64-bit hash of an article id or text that stores keep (ids.c). */
long long store_hash(const char *bytes, size_t len);
/* Adds the SQL function store_hash to the store's connection (for upgrades of older stores). */
td_status store_hash_function(td_store *s, td_error *err);
/* Moves the ids of recent_ids into article_ids (in the open transaction). */
td_status store_merge_ids(td_store *s, td_error *err);
/* The key of a text for a new holder: the stored text of the same bytes (one more article holds
 * it) or a new row (texts.c). */
td_status store_text_add(td_store *s, const char *text, size_t len, long long *key, td_error *err);
/* One article fewer holds the text of key (whose hash is given); deleted when none does. */
td_status store_text_release(td_store *s, long long hash, long long key, td_error *err);
/* Moves the hashes of recent_text_hashes into text_hashes (in the open transaction). */
td_status store_merge_texts(td_store *s, td_error *err);
/* Runs SQL without results; store_error on failure. */
td_status store_exec(td_store *s, const char *sql, td_error *err);
/* Steps a prepared statement that returns no rows, then resets it and clears its bindings. */
td_status store_run(td_store *s, sqlite3_stmt *st, td_error *err);
/* Frees n summary sentences and their array (listing.c). */
void store_sentences_free(td_story_sentence *k, size_t n);
/* Reads the articles (q[0], by story key) and the summary (q[1]) of story key into st (listing.c). */
td_status store_read_story(td_store *s, sqlite3_stmt *const q[2], long long key, td_story *st, td_error *err);

#endif

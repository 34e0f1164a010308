/* testutil.h — shared by the unit tests: cmocka, and finding ../shared/ (present in CI). */
#ifndef TD_TESTUTIL_H
#define TD_TESTUTIL_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cmocka.h>

#include "tidings.h"

/* Path of the shared data folder (tests run from the repository root), or NULL when it is absent;
 * then prints once that the tests which read it are skipped. */
static inline const char *shared_dir(void)
{
    static int warned;
    struct stat st;
    if (stat("../shared", &st) == 0 && S_ISDIR(st.st_mode)) return "../shared";
    if (!warned++) fprintf(stderr, "note: ../shared/ is absent: tests that read it are skipped\n");
    return NULL;
}

/* The bytes of a file, plain or gzip-compressed (zlib reads both), NUL-terminated (free() them);
 * NULL when it cannot be opened. */
static inline char *read_test_file(const char *path, size_t *len)
{
    gzFile gz = gzopen(path, "rb");
    if (!gz) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *data = malloc(cap);
    assert_non_null(data);
    int got;
    while ((got = gzread(gz, data + n, (unsigned)(cap - n - 1))) > 0) {
        n += (size_t)got;
        if (cap - n < 2) {
            cap *= 2;
            data = realloc(data, cap);
            assert_non_null(data);
        }
    }
    assert_true(got == 0);
    gzclose(gz);
    data[n] = '\0';
    *len = n;
    return data;
}

/* The one story of the articles in a file or folder (the first cluster the reader gives). */
static inline td_cluster *read_story(const char *path)
{
    const char *inputs[] = {path};
    td_error err = {0};
    td_reader *r = td_reader_open(inputs, 1, TD_FORMAT_AUTO, &err);
    assert_non_null(r);
    td_cluster *c = NULL;
    assert_int_equal(td_reader_next(r, &c, &err), 1);
    td_reader_close(r);
    return c;
}

/* The story of a folder of ../shared/ (e.g. "examples/sony-hack"), or NULL when ../shared is absent. */
static inline td_cluster *read_shared_story(const char *relative)
{
    const char *shared = shared_dir();
    if (!shared) return NULL;
    char path[512];
    snprintf(path, sizeof path, "%s/%s", shared, relative);
    return read_story(path);
}

/* A SQLite store of this test process: "/tmp/NAME_PID.db" into path (64 bytes or more). */
static inline void temp_store_path(char *path, size_t size, const char *name)
{
    snprintf(path, size, "/tmp/%s_%ld.db", name, (long)getpid());
}

/* Removes a SQLite file with its -wal and -shm companions. */
static inline void remove_store_files(const char *path)
{
    char p[600];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
}

/* SQL that turns a store of this code back into the shape of schema 5 (each article's text in its
 * row, no text tables), for the tests of upgrades. */
#define STORE_BACK_TO_SCHEMA_5                                                                              \
    "BEGIN; CREATE TABLE articles_5 (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, story INTEGER NOT NULL,"     \
    " source TEXT, title TEXT, url TEXT, date TEXT, text TEXT NOT NULL, copy_of TEXT, confidence REAL NOT NULL);" \
    " INSERT INTO articles_5 SELECT a.seq, a.id, a.story, a.source, a.title, a.url, a.date, t.text, a.copy_of,"  \
    " a.confidence FROM articles a JOIN texts t ON t.key = a.text_key; DROP TABLE articles;"                 \
    " ALTER TABLE articles_5 RENAME TO articles; CREATE INDEX articles_by_story ON articles (story, seq);"     \
    " DROP TABLE texts; DROP TABLE text_hashes; DROP TABLE recent_text_hashes; PRAGMA user_version = 5; COMMIT;"

/* ... and of schema 4 (its articles' ids under a unique index, no id tables). */
#define STORE_BACK_TO_SCHEMA_4                                                                              \
    STORE_BACK_TO_SCHEMA_5                                                                                  \
    "BEGIN; CREATE TABLE articles_4 (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, story INTEGER NOT NULL," \
    " source TEXT, title TEXT, url TEXT, date TEXT, text TEXT NOT NULL, copy_of TEXT, confidence REAL NOT NULL);" \
    " INSERT INTO articles_4 SELECT * FROM articles; DROP TABLE articles;"                                   \
    " ALTER TABLE articles_4 RENAME TO articles; CREATE INDEX articles_by_story ON articles (story, seq);"     \
    " DROP TABLE article_ids; DROP TABLE recent_ids; PRAGMA user_version = 4; COMMIT;"

#endif

/* ingest.h — internal interface between the parts of the reader: loading and checking input
 * files, format detection, and the parsers of each format. The public side is in tidings.h. */
#ifndef TD_INGEST_H
#define TD_INGEST_H
#include <stdbool.h>
#include <stddef.h>

#include "common/buf.h"
#include "tidings.h"

/* Longest line accepted in any input, in bytes (newline not counted). */
#define INGEST_MAX_LINE ((size_t)1 << 20)

/* One input file read whole into memory. */
typedef struct ingest_file {
    const char *path; /* name used in messages and article names ("<stdin>" for -) */
    char *data;       /* the bytes read, NUL-terminated; owned */
    size_t size;      /* bytes read */
    char *text;       /* the content: data after a UTF-8 byte order mark; CR LF made LF by ingest_check_text */
    size_t len;       /* bytes in text */
    size_t base;      /* offset of text in the file, for byte offsets in messages */
} ingest_file;

/* Reads a file (or stdin when is_stdin) whole, its bytes as they are (text is data). TD_ERR_IO with
 * "path: reason" on failure. */
td_status ingest_read(const char *path, bool is_stdin, ingest_file *f, td_error *err);
/* ingest_read, then gzip data decompressed and a UTF-8 byte order mark stepped over (text after it). */
td_status ingest_load(const char *path, bool is_stdin, ingest_file *f, td_error *err);
void ingest_file_free(ingest_file *f);
/* Whether the bytes loaded are gzip data, and their decompression in place (messages name the
 * file; more than 256 MiB of output is refused). ingest_load does both. */
bool ingest_is_gzip(const ingest_file *f);
td_status ingest_gunzip(ingest_file *f, td_error *err);

/* First checks, before the format is known: not empty or blank, not binary, not UTF-16. */
td_status ingest_check_content(const ingest_file *f, td_error *err);
/* Checks the rest, knowing the format (for line numbers in messages): valid UTF-8 and lines of at
 * most INGEST_MAX_LINE bytes. Also turns CR LF and lone CR line ends into LF, in place. */
td_status ingest_check_text(ingest_file *f, td_format format, td_error *err);

/* A page in UTF-16 (byte-order mark, then markup): the only input allowed to hold NUL bytes. */
bool ingest_utf16_page(const char *s, size_t len);

/* Format of a content: HTML, SGML, JSONL, Multi-News or plain text (never TD_FORMAT_AUTO). */
td_format ingest_detect(const char *s, size_t len);

/* True for the ASCII white space bytes (space, tab, LF, CR, FF, VT). */
static inline bool ingest_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* Appends s with every run of white space made one space, leading and trailing space dropped. */
bool ingest_collapse(buf *out, const char *s, size_t len);
/* Narrows [*start, *end) of s: leading blank lines and all trailing white space are dropped (the
 * indentation of the first line is kept, so its layout matches the others'). */
void ingest_trim_text(const char *s, size_t *start, size_t *end);
/* First occurrence of needle (n bytes) in s, or NULL (memmem is not in POSIX). */
const char *ingest_find(const char *s, size_t len, const char *needle, size_t n);
/* 1-based number of the line that holds byte offset `at` of s. */
size_t ingest_line_of(const char *s, size_t at);

/* Plain text: adds the file as one article to c (name = path, title guessed). */
td_status text_read(const ingest_file *f, td_cluster *c, td_error *err);
/* The first line of a text when it looks like a headline, else NULL (malloc'd, collapsed). */
char *text_guess_title(const char *s, size_t len);

/* A web page: adds its article (main text, title, site, URL, date) to c; a page with nothing to
 * extract is an error that names the file. */
td_status html_read(const ingest_file *f, td_cluster *c, td_error *err);

/* SGML (TREC/DUC): adds every <DOC> of the file to c. */
td_status sgml_read(const ingest_file *f, td_cluster *c, td_error *err);

/* Multi-News: position in a file whose clusters are being handed out. */
typedef struct multinews_iter {
    size_t pos;  /* start of the next line */
    size_t end;  /* end of the last line that is not blank */
    size_t line; /* number of the next line (1-based) */
} multinews_iter;

void multinews_start(const ingest_file *f, multinews_iter *it);
/* The next line's cluster: 1 when one was made, 0 at the end, -1 on error (out of memory). */
int multinews_next(const ingest_file *f, multinews_iter *it, td_cluster **out, td_error *err);
/* 1-based index of the article (among the "|||||"-separated parts of its line) holding byte `at`. */
size_t multinews_article_at(const char *s, size_t at);

/* JSON Lines: whether a file holds clusters ("documents") or articles, from its first object. */
bool jsonl_is_clusters(const ingest_file *f);
/* Article a line: adds every article to c. */
td_status jsonl_read_articles(const ingest_file *f, td_cluster *c, td_error *err);
/* Cluster a line: checks every line of the file (nothing is kept). */
td_status jsonl_check_clusters(const ingest_file *f, td_error *err);

/* Position in a cluster-a-line file whose clusters are being handed out. */
typedef struct jsonl_iter {
    size_t pos;  /* start of the next line */
    size_t line; /* number of the next line (1-based) */
} jsonl_iter;

/* The next line's cluster: 1 when one was made, 0 at the end, -1 on error. */
int jsonl_next_cluster(const ingest_file *f, jsonl_iter *it, td_cluster **out, td_error *err);

#endif

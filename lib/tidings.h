/* tidings.h — the one public header of the tidings engine: read news articles, split and
 * normalise their text, summarise a story from many articles with sources, and score summaries
 * with ROUGE. Every public name starts with td_. The library never prints and never exits:
 * failures come back as a td_status plus a td_error that names the input and the problem. */
#ifndef TIDINGS_H
#define TIDINGS_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TD_VERSION "0.1.0"

/* ---------------------------------------------------------------- errors */

typedef enum td_status {
    TD_OK = 0,
    TD_ERR_NOMEM,   /* out of memory */
    TD_ERR_IO,      /* a file could not be opened or read */
    TD_ERR_INPUT,   /* the input is not usable: invalid UTF-8, binary, empty, malformed */
    TD_ERR_USAGE,   /* the caller passed invalid options */
} td_status;

typedef struct td_error {
    td_status code;     /* TD_OK when nothing failed */
    char message[512];  /* one line, names the file and the problem, e.g. "a.txt: invalid UTF-8 at byte 17" */
} td_error;

/* Short name of a status ("out of memory", "bad input", ...). Never NULL. */
const char *td_status_name(td_status code);

/* ---------------------------------------------------------------- documents */

/* One article. All strings are UTF-8 (validated at ingest) and owned by the cluster. */
typedef struct td_document {
    char *name;      /* file name, DOCNO or JSON id; never NULL */
    char *title;     /* headline when known, else NULL */
    char *source;    /* outlet or agency when known, else NULL */
    char *url;       /* when known, else NULL */
    char *date;      /* as given (e.g. YYYY-MM-DD), else NULL */
    char *text;      /* the article body, NUL-terminated */
    size_t text_len; /* bytes in text */
} td_document;

/* A set of articles about one story. */
typedef struct td_cluster {
    char *id;          /* cluster id: the JSON id, the line number of a Multi-News line, or "1" */
    td_document *docs; /* n_docs articles in input order */
    size_t n_docs;
    void *pool_;       /* private: storage of the strings */
} td_cluster;

/* Makes an empty cluster with the given id (copied); NULL when out of memory. */
td_cluster *td_cluster_new(const char *id);
/* Adds a copy of the article; the text must be valid UTF-8. Fields other than name and text may be NULL.
 * Copies text_len bytes of text (strlen(text) when text_len is 0). TD_ERR_USAGE without name or text. */
td_status td_cluster_add(td_cluster *c, const td_document *doc);
void td_cluster_free(td_cluster *c);

/* ---------------------------------------------------------------- ingest */

typedef enum td_format {
    TD_FORMAT_AUTO = 0,  /* decide from the content of each input */
    TD_FORMAT_TEXT,      /* plain text: one article a file, all files one cluster */
    TD_FORMAT_MULTINEWS, /* one cluster a line, articles ending in "|||||", NEWLINE_CHAR for line breaks */
    TD_FORMAT_SGML,      /* TREC/DUC <DOC><DOCNO>…<TEXT>…</TEXT></DOC>, several DOCs a file allowed */
    TD_FORMAT_JSONL,     /* JSON Lines: an article a line (id, source, url, date, title, text) or a
                            cluster a line (id, documents: [article…]) */
    TD_FORMAT_HTML,      /* a web page: its main text and metadata become the article (td_extract_html) */
} td_format;

/* Parses "auto", "text", "multinews", "sgml", "jsonl", "html"; returns false for anything else.
 * Any input may be gzip-compressed: it is decompressed as it is read. */
bool td_format_parse(const char *name, td_format *out);
const char *td_format_name(td_format format);

/* Reads clusters from files, folders (their regular files, sorted by name) and "-" (stdin).
 * Plain text, SGML and article-a-line JSONL inputs together make one cluster; Multi-News and
 * cluster-a-line JSONL give one cluster a line, in order. Each file is checked whole before any
 * of its clusters is returned: invalid UTF-8 (with the byte offset), binary data, empty files,
 * missing files and folders with no text are errors that name the file.
 * A folder gives its regular files sorted by name (hidden ones skipped); a folder holding only
 * folders gives one cluster per sub-folder, in name order, its id the sub-folder's name. The
 * first non-blank line decides JSONL (a JSON object), "documents" in it cluster-a-line. The
 * pooled cluster (id "1", or the sub-folder's) comes after the clusters of line formats. */
typedef struct td_reader td_reader;

/* Opens the inputs (not copied: they must outlive the reader). NULL on error (err says why). */
td_reader *td_reader_open(const char *const *inputs, size_t n_inputs, td_format format, td_error *err);
/* Next cluster into *out (free with td_cluster_free): 1 when one was read, 0 at the end, -1 on error.
 * After an error the reader stays stopped: later calls return -1 with the same error. */
int td_reader_next(td_reader *r, td_cluster **out, td_error *err);
/* How much of the input was read, from 0 to 1 (files done, and the position in a Multi-News or
 * JSON Lines file being handed out): for progress bars. */
double td_reader_progress(const td_reader *r);
void td_reader_close(td_reader *r);

/* ---------------------------------------------------------------- text */

/* A byte range [start, end) of a text. */
typedef struct td_span {
    size_t start;
    size_t end;
} td_span;

/* Checks that s is valid UTF-8 without NUL bytes. On failure returns false and sets *bad_offset
 * to the byte offset of the first bad byte. */
bool td_utf8_valid(const char *s, size_t len, size_t *bad_offset);

/* Splits news text into sentences. *spans (free() it) gets *n ranges in text order, each trimmed
 * of surrounding white space. Headlines, bylines and list lines without final punctuation are
 * sentences of their own; hard-wrapped lines inside a paragraph are joined. */
td_status td_split_sentences(const char *text, size_t len, td_span **spans, size_t *n);

/* Copies the range with every run of white space (line breaks included) turned into one space. */
char *td_sentence_text(const char *text, td_span span);

/* ---------------------------------------------------------------- cleaning */
/* (lib/clean) */

/* What a piece of an article is. Pieces up to TD_CLEAN_QUESTION are kept (the article's text);
 * the others are web debris, dropped. Only TD_CLEAN_CONTENT may be quoted in a summary. */
typedef enum td_clean_reason {
    TD_CLEAN_CONTENT = 0,     /* article prose */
    TD_CLEAN_NO_END,          /* kept, not quoted: prose without final punctuation (list item, "…:") */
    TD_CLEAN_QUESTION,        /* kept, not quoted: a question inside prose, often a quote */
    TD_CLEAN_TITLE,           /* the article's title */
    TD_CLEAN_HEADLINE,        /* a headline or subheading: short, no final punctuation */
    TD_CLEAN_NAVIGATION,      /* menus, buttons, player controls, cookie notices: "Listen Live" */
    TD_CLEAN_SHARE,           /* share, follow and subscribe prompts */
    TD_CLEAN_COMMENT,         /* comment prompts: "Leave a Reply", "Tell us in the comments" */
    TD_CLEAN_READER_QUESTION, /* a question put to the reader: "Do you think …?" */
    TD_CLEAN_BYLINE,          /* bylines, contributor and contact lines */
    TD_CLEAN_BIO,             /* an author's biography */
    TD_CLEAN_RELATED,         /* related-article lists and links */
    TD_CLEAN_CREDIT,          /* image credits and captions */
    TD_CLEAN_COPYRIGHT,       /* copyright and legal lines */
    TD_CLEAN_TIMESTAMP,       /* a date or time alone: "02:33 GMT 02 March 2021" */
    TD_CLEAN_TAGS,            /* tag and topic lists */
    TD_CLEAN_COUNTER,         /* numbers alone: share and comment counters "0 64" */
    TD_CLEAN_SEPARATOR,       /* rules: "___", "* * *" */
    TD_CLEAN_EMBED,           /* text of embedded players, tweets and web archives */
    TD_CLEAN_ADVERT,          /* "Advertisement", "Story continues below" */
    TD_CLEAN_NOTE,            /* notes about the article: "Editor's note: …", "This story appears in …" */
    TD_CLEAN_REPEATED,        /* a line repeated by other articles of the same source, or page boilerplate */
    TD_CLEAN_DUPLICATE,       /* a paragraph the article already had */
    TD_CLEAN_TAIL,            /* after an end-of-article marker such as "About the author" */
    TD_CLEAN_GLUED_TITLE,     /* the title glued to the first sentence ("…with USThis Friday") */
    TD_CLEAN_TRUNCATED,       /* the last sentence, cut off ("by the end of the mon") */
    TD_CLEAN_N_REASONS
} td_clean_reason;

/* Short name of a reason ("content", "share-prompt", "byline", …); never NULL. */
const char *td_clean_reason_name(td_clean_reason reason);
/* Whether pieces with this reason are kept as the article's text. */
bool td_clean_keeps(td_clean_reason reason);

/* A piece of an article: a sentence of a kept paragraph, a dropped paragraph, or the part of a
 * sentence that a glued title or a leading credit took. */
typedef struct td_clean_piece {
    td_span span;           /* bytes in the article's text, trimmed of white space */
    td_clean_reason reason; /* what it is */
} td_clean_piece;

/* A cleaner keeps its buffers across clusters: reuse one for a stream. */
typedef struct td_cleaner td_cleaner;

/* NULL when out of memory. */
td_cleaner *td_cleaner_new(void);
/* Cleans every article of the cluster: each paragraph is classified alone (prompts, bylines,
 * credits, dates, headlines, …), then against the cluster (lines repeated by articles of the same
 * source: td_document.source, else the file's folder or name prefix), then the title glued to the
 * first sentence and a truncated last sentence are cut off. TD_ERR_NOMEM is the only error. */
td_status td_clean_cluster(td_cleaner *cl, const td_cluster *c, td_error *err);
/* The pieces of article `doc` of the last cleaned cluster, in text order; every non-blank byte of
 * the text is in one piece, except list markers. Valid until the next td_clean_cluster or free. */
const td_clean_piece *td_clean_pieces(const td_cleaner *cl, size_t doc, size_t *n);
void td_cleaner_free(td_cleaner *cl);

/* ---------------------------------------------------------------- copies */
/* (lib/dedup) */

/* Finds syndicated copies: the same article republished with another headline, byline or
 * boilerplate, copy edits, a trimmed or extended ending, dropped or merged paragraphs, or cut down
 * to its first part (containment). Each article's text becomes a set of word shingles (words
 * normalised for spelling, number and quote styles); a MinHash sketch with LSH banding proposes
 * earlier articles, and each candidate is verified on the actual shingle sets (Jaccard and
 * containment). Different articles about the same event, sharing names and quotes, are not copies.
 * Method and figures: docs/dedup.md. */

typedef struct td_dedup_opts {
    double threshold;      /* 0.5: a candidate is a copy when its Jaccard similarity reaches this... */
    double containment;    /* 0.4: ...or when this share of the smaller article's shingles is in the other */
    size_t window;         /* 0: keep every article; else keep the last `window` articles only (the oldest
                              are forgotten, memory stays bounded on an endless stream) */
    size_t shingle_words;  /* 5: words in a shingle (1 to 16) */
    bool exact_words;      /* false: words normalised for copy edits (case, spelling, number, quote and
                              date styles, "says"/"said"); true: words compared as written, case aside */
} td_dedup_opts;

void td_dedup_opts_defaults(td_dedup_opts *opts);

/* What td_dedup_add found for one article. Indexes count the articles added, from 0. */
typedef struct td_dedup_match {
    long long copy_of;  /* a kept earlier article it is a copy of, or -1: the most similar of those
                           verified (candidates are verified likeliest first, one per copy group) */
    long long original; /* the first article of its copy group (copy_of's original), its own index when
                           it copies nothing: articles with the same original are copies of one article */
    double similarity;  /* Jaccard similarity of the shingle sets with copy_of; 0 when copy_of is -1 */
    double containment; /* shared shingles over the smaller set's size, with copy_of; 0 when -1 */
} td_dedup_match;

/* A detector keeps the shingle sets and sketches of the articles it was given (or of the last
 * opts.window of them). */
typedef struct td_dedup td_dedup;

/* opts NULL: defaults. NULL on error: TD_ERR_USAGE for options out of range, TD_ERR_NOMEM. */
td_dedup *td_dedup_new(const td_dedup_opts *opts, td_error *err);
/* Adds the next article (its index is the number added before it) and tells in *out whether it is a
 * copy of a kept earlier article. The text is read as UTF-8 and not kept; an article without words
 * is nobody's copy. TD_ERR_NOMEM is the only error (the article is then not added). */
td_status td_dedup_add(td_dedup *d, const char *text, size_t len, td_dedup_match *out, td_error *err);
/* Number of articles added so far. */
size_t td_dedup_count(const td_dedup *d);

/* One article's place in the groups of copies. */
typedef struct td_dedup_member {
    size_t group;       /* index of its group's representative, the fullest version (most shingles; the
                           earliest on a tie); its own index when it has no copy */
    double similarity;  /* Jaccard similarity with the representative (1 for the representative) */
    double containment; /* shared shingles over the smaller set's size, with the representative */
} td_dedup_member;

/* Groups all articles added so far: copies found by td_dedup_add, joined transitively. out gets
 * td_dedup_count(d) entries, in input order. TD_ERR_USAGE when a window made the detector forget
 * articles; TD_ERR_NOMEM. */
td_status td_dedup_groups(td_dedup *d, td_dedup_member *out, td_error *err);
void td_dedup_free(td_dedup *d);

/* ---------------------------------------------------------------- summaries */

typedef enum td_method {
    TD_METHOD_CONCEPTS = 0, /* default: weighted bigram-concept coverage with position and support */
    TD_METHOD_LEAD,         /* first sentences of the articles, round-robin */
    TD_METHOD_CENTROID,     /* closeness to the tf-idf centroid (Radev et al. 2004) */
    TD_METHOD_LEXRANK,      /* eigenvector centrality on a cosine graph (Erkan & Radev 2004) */
    TD_METHOD_TEXTRANK,     /* PageRank on word-overlap similarity (Mihalcea & Tarau 2004) */
    TD_METHOD_ILP,          /* concepts, the greedy choice improved by an exact integer program (GLPK); slower */
} td_method;

bool td_method_parse(const char *name, td_method *out);
const char *td_method_name(td_method method);

/* Length budget: the summary never exceeds any limit that is not 0. */
typedef struct td_summary_opts {
    td_method method;     /* TD_METHOD_CONCEPTS */
    size_t max_words;     /* 250 words (white-space separated) */
    size_t max_bytes;     /* 0: no byte limit */
    size_t max_sentences; /* 0: no sentence limit */
    bool no_clean;        /* false: articles are cleaned first (td_clean_cluster); true: raw text */
    bool no_compress;     /* false: the default method may print a sentence compressed (td_summary_sentence) */
} td_summary_opts;

void td_summary_opts_defaults(td_summary_opts *opts);

/* A sentence of the summary. The default method may print a sentence compressed: a short
 * parenthesis, or a relative clause (", who ...,") or age (", 82,") between commas left out, never
 * anything inside quote marks. Then span is still the whole source sentence, kept lists the ranges
 * of it that text is made of (in order), and text is those ranges joined, white space collapsed.
 * An uncompressed sentence has kept NULL and text is span's text. */
typedef struct td_summary_sentence {
    char *text;      /* the sentence, white space collapsed, original characters kept, except that a
                      * quotation mark the split left unpaired (a sentence from a quotation of several)
                      * gets its partner added at the other end, or is dropped under a byte limit */
    size_t doc;      /* index of the article it was taken from */
    td_span span;    /* the whole source sentence's bytes in that article's text */
    size_t words;    /* white-space separated words of text */
    double score;    /* the method's score for it (higher is better) */
    size_t *sources; /* indexes of every article that reports what text says, ascending; includes doc */
    size_t n_sources;
    td_span *kept;   /* compressed: the ranges of span that text is made of; NULL when whole */
    size_t n_kept;
} td_summary_sentence;

typedef struct td_summary {
    td_method method;
    td_summary_sentence *sentences; /* in reading order */
    size_t n_sentences;
    size_t words; /* total words */
    size_t bytes; /* total bytes of the sentence texts joined by single spaces */
} td_summary;

/* A summariser keeps caches (stems, word classes) across clusters: reuse one for a stream. */
typedef struct td_summarizer td_summarizer;

td_summarizer *td_summarizer_new(const td_summary_opts *opts, td_error *err);
/* Summarises one cluster; NULL on error. The summary is the caller's (td_summary_free). */
td_summary *td_summarize(td_summarizer *s, const td_cluster *cluster, td_error *err);
void td_summary_free(td_summary *summary);
void td_summarizer_free(td_summarizer *s);

/* ---------------------------------------------------------------- output */

typedef enum td_output_format {
    TD_OUTPUT_TEXT = 0, /* sentences each followed by its sources "[1,2]", then the numbered sources */
    TD_OUTPUT_JSON,     /* one JSON object on one line (JSON Lines) */
    TD_OUTPUT_MARKDOWN, /* a heading, the sentences as a list with source links, the sources */
} td_output_format;

/* Renders a summary of a cluster; returns a NUL-terminated string to free(), NULL when out of memory. */
char *td_render_summary(const td_summary *summary, const td_cluster *cluster, const td_summary_opts *opts,
                        td_output_format format);

/* ---------------------------------------------------------------- HTML pages */
/* (lib/html) */

/* The article of a web page: its main text and what the page says about it. */
typedef struct td_article {
    char *url;        /* canonical URL, else NULL */
    char *title;      /* headline, else NULL */
    char **authors;   /* n_authors names */
    size_t n_authors;
    char *date;       /* publication date as YYYY-MM-DD, else NULL */
    char *site;       /* site or publisher name, else NULL */
    char *language;   /* language tag such as "en" or "de", else NULL */
    char *text;       /* main text, UTF-8, paragraphs separated by one blank line */
} td_article;

/* Parses an HTML page (any charset: BOM, <meta charset>, http-equiv; converted to UTF-8) and
 * extracts its article. name is used in error messages. NULL on error: err says why (e.g. a page
 * with nothing to extract). The article is the caller's (td_article_free). */
td_article *td_extract_html(const char *html, size_t len, const char *name, td_error *err);
void td_article_free(td_article *article);

/* ---------------------------------------------------------------- output of pages */
/* (lib/output) */

/* The article as Markdown: the title as a heading, a line with authors, date and site, the URL, then
 * the text, with the characters Markdown reads as markup escaped. A string to free(), NULL when out of
 * memory. */
char *td_render_article_markdown(const td_article *article);

/* ---------------------------------------------------------------- ROUGE */
/* (lib/eval) */

/* ROUGE scoring that reproduces ROUGE-1.5.5.pl: the same tokens (runs of ASCII letters and digits,
 * lowercased), the same stemming (words longer than 3 characters: WordNet base form of irregular
 * words, else the script's Porter stemmer variant), the same SMART
 * stopword list, the same word and byte cut-offs (applied to the references too), the same pooling
 * of several references (-f A sums hits and counts over the references; ROUGE-1.5.5 does no
 * jackknifing), the same rounding to 5 decimals, and the same bootstrap, seeded as Perl's srand/rand,
 * for the reported averages and confidence intervals. Summaries are one sentence a line. */

typedef enum td_rouge_unit {
    TD_ROUGE_UNIT_SUMMARY = 0, /* -t 0: average the per-summary scores */
    TD_ROUGE_UNIT_TOKEN = 1,   /* -t 1: pool the counts of all summaries, then score */
    TD_ROUGE_UNIT_COUNTS = 2,  /* -t 2: report the pooled counts only */
} td_rouge_unit;

/* The options of ROUGE-1.5.5.pl; td_rouge_opts_defaults gives its defaults (no option given). */
typedef struct td_rouge_opts {
    int max_n;             /* -n: ROUGE-1 … ROUGE-max_n; 0 (default): no ROUGE-N */
    bool lcs;              /* ROUGE-L; true (-x turns it off) */
    bool skip;             /* -2 given: ROUGE-S; false */
    int skip_distance;     /* -2: most words skipped between the two of a pair; negative: no limit */
    bool skip_unigrams;    /* -u: ROUGE-SU, unigrams counted with the skip-bigrams; false */
    bool stem;             /* -m: Porter stemming; false */
    bool remove_stopwords; /* -s: drop ROUGE's stopwords; false */
    size_t word_limit;     /* -l: only the first N words of every summary; 0: none */
    size_t byte_limit;     /* -b: only the first N bytes of every summary; 0: none */
    bool best_model;       /* -f B: score against the best reference; false (-f A: all references) */
    double alpha;          /* -p: F = 1/(alpha/P + (1-alpha)/R); 0.5 */
    td_rouge_unit unit;    /* -t; TD_ROUGE_UNIT_SUMMARY */
    double confidence;     /* -c: confidence level of the intervals, in percent; 95 */
    size_t resamples;      /* -r: bootstrap resamples; 1000 */
    const char *wordnet_dir; /* -m: folder of WordNet's {adv,noun,verb,adj}.exc; NULL: $TIDINGS_WORDNET_DIR,
                              * else /usr/share/wordnet (Debian's wordnet-base) */
} td_rouge_opts;

void td_rouge_opts_defaults(td_rouge_opts *opts);

/* Sets the ROUGE-1.5.5.pl option `flag` ('n', 'x', '2', 'u', 'm', 's', 'l', 'b', 'f', 'p', 't', 'c',
 * 'r'; 'a', 'd' and 'e' are accepted and change nothing here) with its value (NULL for flags that
 * take none). TD_ERR_USAGE with a message for an unknown flag or a bad value. */
td_status td_rouge_opts_set(td_rouge_opts *opts, char flag, const char *value, td_error *err);

typedef enum td_rouge_kind {
    TD_ROUGE_N, /* n-gram co-occurrence */
    TD_ROUGE_L, /* longest common subsequence, summary level (union LCS) */
    TD_ROUGE_S, /* skip-bigram co-occurrence (with unigrams: ROUGE-SU) */
} td_rouge_kind;

typedef struct td_rouge_measure {
    td_rouge_kind kind;
    int n;         /* the n of ROUGE-N, the skip distance of ROUGE-S */
    char name[24]; /* as ROUGE-1.5.5 prints it: "ROUGE-2", "ROUGE-L", "ROUGE-SU4", "ROUGE-S*" */
} td_rouge_measure;

/* The scores of one system summary on one measure. */
typedef struct td_rouge_score {
    double recall;      /* rounded to 5 decimals, as ROUGE-1.5.5 prints and averages them */
    double precision;
    double f;           /* from the rounded recall and precision, then rounded */
    size_t model_count; /* grams (ROUGE-L: words) of the references, summed (-f B: of the best one) */
    size_t peer_count;  /* grams of the system summary, counted once per reference pooled */
    size_t hits;        /* matches, clipped per reference */
} td_rouge_score;

/* Averages over many cases, as ROUGE-1.5.5 reports them. */
typedef struct td_rouge_average {
    double recall, precision, f;      /* Average_R/P/F: the mean of the bootstrap resamples, rounded */
    double recall_low, recall_high;   /* confidence interval, rounded to 5 decimals */
    double precision_low, precision_high;
    double f_low, f_high;
    size_t model_count, peer_count, hits; /* counts summed over the cases (what -t 2 prints) */
} td_rouge_average;

/* A scorer keeps its options and a cache of tokens and stems: reuse one for many cases. */
typedef struct td_rouge_scorer td_rouge_scorer;

/* NULL on error: invalid options (TD_ERR_USAGE, e.g. -l with -b), with -m WordNet's exception lists
 * missing or unreadable (TD_ERR_IO, naming the file) or malformed (TD_ERR_INPUT), or out of memory. */
td_rouge_scorer *td_rouge_scorer_new(const td_rouge_opts *opts, td_error *err);
/* The measures it computes, in ROUGE-1.5.5's order (ROUGE-1…N, ROUGE-L, ROUGE-S); returns how many. */
size_t td_rouge_scorer_measures(const td_rouge_scorer *s, const td_rouge_measure **measures);
/* Scores one system summary against n_refs >= 1 reference summaries (texts of one sentence a line,
 * read as bytes). scores gets one entry per measure, in the order of td_rouge_scorer_measures. */
td_status td_rouge_score_texts(td_rouge_scorer *s, const char *system, size_t system_len,
                               const char *const *refs, const size_t *ref_lens, size_t n_refs,
                               td_rouge_score *scores, td_error *err);
void td_rouge_scorer_free(td_rouge_scorer *s);

/* Averages one measure over n >= 1 cases and computes the confidence interval by ROUGE-1.5.5's
 * bootstrap. ids are the test ids as ROUGE-1.5.5 names them, "<case>.<system>" (e.g. "d30003t.S"):
 * their byte order decides which case each resample draws. */
td_status td_rouge_average_scores(const td_rouge_opts *opts, const char *const *ids,
                                  const td_rouge_score *scores, size_t n, td_rouge_average *out,
                                  td_error *err);

/* The order in which ROUGE-1.5.5 prints cases (-d): numerically by leading digits when both ids
 * start with a digit, else byte order. A strcmp-like result. */
int td_rouge_id_compare(const char *a, const char *b);

/* Reads a whole summary file (NUL-terminated copy in *text, free() it) and checks that it is UTF-8.
 * Errors name the file: TD_ERR_IO when it cannot be read, TD_ERR_INPUT for invalid UTF-8. */
td_status td_rouge_read_file(const char *path, char **text, size_t *len, td_error *err);

/* One case to score: a system summary and its reference summaries, as paths. */
typedef struct td_rouge_case {
    char *id;      /* the case's name: the ID of a pairs line, else the system file's name without
                      folders and .txt */
    char *system;  /* path of the system summary */
    char **refs;   /* n_refs >= 1 paths of its references */
    size_t n_refs;
} td_rouge_case;

/* The cases of a run, in input order (folders: by the system file's name). Free with
 * td_rouge_cases_free; everything is owned by it. */
typedef struct td_rouge_cases {
    td_rouge_case *items;
    size_t n;
} td_rouge_cases;

/* One case: the system summary and n_refs >= 1 references (paths copied). NULL on error:
 * TD_ERR_USAGE without a reference, TD_ERR_NOMEM. */
td_rouge_cases *td_rouge_cases_from_files(const char *system, const char *const *refs, size_t n_refs,
                                          td_error *err);
/* The cases of a file of lines ID<TAB>SYSTEM<TAB>REFERENCE[<TAB>REFERENCE...] (paths as written;
 * empty lines and lines starting with # skipped). NULL on error, naming the file: as
 * td_rouge_read_file, or TD_ERR_INPUT for a malformed line (and its number) or no case at all. */
td_rouge_cases *td_rouge_cases_from_pairs(const char *path, td_error *err);
/* A case for every ID.txt of system_dir, scored against every ID.*.txt of reference_dir (e.g.
 * ID.A.txt, ID.B.txt); hidden files skipped. NULL on error, naming the folder: TD_ERR_IO when it
 * cannot be read, TD_ERR_INPUT when system_dir has no .txt file or a case has no reference. */
td_rouge_cases *td_rouge_cases_from_dirs(const char *system_dir, const char *reference_dir, td_error *err);
void td_rouge_cases_free(td_rouge_cases *cases);

/* Reads the summaries of a case (td_rouge_read_file, with its errors) and scores them as
 * td_rouge_score_texts does: scores gets one entry per measure. */
td_status td_rouge_score_case(td_rouge_scorer *s, const td_rouge_case *c, td_rouge_score *scores, td_error *err);

/* ---------------------------------------------------------------- streams of articles */
/* (lib/ingest) */

/* Reads a web page from a file ("-": standard input), gzip-compressed or not, and extracts its article
 * as td_extract_html does (path names it in messages). NULL on error: TD_ERR_IO "path: reason" when it
 * cannot be read, TD_ERR_INPUT for corrupt gzip data or a page with nothing to extract. */
td_article *td_extract_html_file(const char *path, td_error *err);

/* Reads a date, YYYY-MM-DD or ISO 8601 (YYYY-MM-DDThh:mm[:ss[.fff]][Z|±hh:mm]), into seconds since
 * 1970-01-01 UTC. False when it does not parse or names no real day or time. */
bool td_date_parse(const char *s, long long *seconds);

/* Articles one at a time, for a stream: JSON Lines (an article a line: "id" and "text" required,
 * "title", "source", "url", "date" optional) are read line by line as they arrive, and checked:
 * a missing or empty id or text, malformed JSON, invalid UTF-8 and a date that does not parse are
 * errors naming the file and line. Other inputs (folders, web pages, plain text, SGML) go through
 * td_reader; their article names are the ids, and a date that does not parse is dropped. */
typedef struct td_article_stream td_article_stream;

/* The inputs are not copied ("-" is standard input, which must be JSON Lines). NULL when out of memory. */
td_article_stream *td_article_stream_open(const char *const *inputs, size_t n_inputs, td_format format,
                                          td_error *err);
/* The next article into *doc (its strings valid until the next call): 1, 0 at the end, -1 on error.
 * After an error the stream stays stopped. */
int td_article_stream_next(td_article_stream *s, td_document *doc, td_error *err);
void td_article_stream_close(td_article_stream *s);

/* ---------------------------------------------------------------- stories */
/* (lib/story) */

/* Online clustering of a stream into stories, one pass, each article placed as it arrives: it
 * joins the live story whose centroid (tf-idf weighted stems, bigrams, named entities, numbers) is
 * closest, when close enough, else starts a story. See docs/stories.md. */

enum {
    TD_FEATURE_TERMS = 1,    /* stems of content words */
    TD_FEATURE_BIGRAMS = 2,  /* adjacent content words */
    TD_FEATURE_ENTITIES = 4, /* runs of capitalised words */
    TD_FEATURE_NUMBERS = 8,  /* numbers */
    TD_FEATURE_ALL = 15,
};

typedef struct td_story_opts {
    double threshold;      /* 0.11: least similarity (story score, after time decay) to join a story */
    double decay_days;     /* 0: no time decay; else the similarity to a story last updated d days
                              away is scaled by 1 / (1 + d / decay_days) (only when both have dates) */
    double idle_days;      /* 730: a dated story with no article for this long in stream time is closed */
    size_t max_live;       /* 4096: most live stories; beyond, the least recently updated are closed */
    unsigned features;     /* TD_FEATURE_ALL: the kinds of features used (fewer for ablations) */
    size_t copy_window;    /* 20000: the last articles remembered for copy detection (td_dedup); a copy
                              joins its original's story and is counted once; 0: no copy detection */
    size_t min_words;      /* 5: an article whose text keeps fewer content words once cleaned of web
                              debris (td_clean_cluster) is not placed: it is a story of its own with
                              confidence 0, never a copy nor copied, and changes no other story;
                              and a copy found by containment alone joins its original's story only
                              when its cleaned text is close enough to it (docs/stories.md); 0: every
                              article placed and every copy filed, as before (at most 50) */
} td_story_opts;

void td_story_opts_defaults(td_story_opts *opts);

/* Where an article went. */
typedef struct td_placement {
    const char *story;   /* the story's id: the id of its first article; valid until the next add */
    unsigned long long story_key; /* the story's number (1, 2, … in order of creation) */
    double confidence;   /* joined: the similarity to the story (a copy: its Jaccard similarity with
                            the original); new story: 1 - the best similarity; not placed: 0 */
    bool new_story;      /* true when the article started the story */
    const char *copy_of; /* the id of the earlier article it copies (td_dedup), else NULL; valid until
                            the next add */
    bool unplaced;       /* true when the text had too little news left once cleaned (min_words):
                            the article is a story of its own (new_story true, confidence 0) */
} td_placement;

typedef struct td_clusterer td_clusterer;

/* NULL on error (invalid options, out of memory). */
td_clusterer *td_clusterer_new(const td_story_opts *opts, td_error *err);
/* Places one article (doc->name is its id, doc->date optional). Dates need not be in order: an
 * article's date only decides its time distance to each story. TD_ERR_INPUT for a date that does
 * not parse, TD_ERR_NOMEM. */
td_status td_clusterer_add(td_clusterer *c, const td_document *doc, td_placement *out, td_error *err);
/* Number of live stories (those an article can still join). */
size_t td_clusterer_live(const td_clusterer *c);
void td_clusterer_free(td_clusterer *c);

/* ---------------------------------------------------------------- the store */
/* (lib/store) */

/* Stories kept in one SQLite file (WAL mode, schema version in PRAGMA user_version, checked on
 * open), so that a stream can be fed in several runs and give the same stories as in one run: the
 * clusterer's state is saved with every batch, and the last articles are read back into copy
 * detection when the store is opened. Articles are added in batches, one transaction each: a
 * crash loses at most the batch in progress and never corrupts the file. An article id seen again
 * with the same text is ignored; with another text it is an update: the stored article takes the
 * new text and metadata, stays in its story, and the story's summary is made again. See
 * docs/stories.md for the schema. */
typedef struct td_store td_store;

/* Opens the store at path, creating it when absent (with opts, NULL for defaults; an existing
 * store keeps the settings it was made with). NULL on error, with one line naming the file: locked
 * by another process, read-only, not a tidings store, made by a newer tidings (TD_ERR_IO or
 * TD_ERR_INPUT), out of memory. */
td_store *td_store_open(const char *path, const td_story_opts *opts, td_error *err);

/* What td_store_add did with an article. */
typedef enum td_store_action {
    TD_STORE_ADDED = 0, /* a new id: placed in a story */
    TD_STORE_SAME,      /* an id already stored with the same text: nothing changed */
    TD_STORE_UPDATED,   /* an id already stored with another text: text and metadata replaced */
} td_store_action;

/* Adds an article to the current batch (opened by the first add after a commit) and places it.
 * For SAME and UPDATED, *out tells the story it is in (confidence as when it was placed). Errors:
 * TD_ERR_INPUT (a date that does not parse), TD_ERR_IO (the file), TD_ERR_NOMEM. After an error
 * the batch can only be given up (td_store_close). */
td_status td_store_add(td_store *s, const td_document *doc, td_placement *out, td_store_action *action,
                       td_error *err);
/* Commits the current batch (nothing to do without one). */
td_status td_store_commit(td_store *s, td_error *err);
/* Closes the store; a batch not committed is rolled back. */
void td_store_close(td_store *s);

/* An article of a stored story. */
typedef struct td_story_article {
    char *id;
    char *source;  /* NULL when unknown */
    char *title;   /* NULL when unknown */
    char *date;    /* as given, NULL when unknown */
    char *copy_of; /* the id of the article it copies, else NULL */
} td_story_article;

/* A sentence of a story's summary and every outlet that carries it (copies included; an article
 * without a source counts under its id). */
typedef struct td_story_sentence {
    char *text;
    char **sources;
    size_t n_sources;
} td_story_sentence;

typedef struct td_story {
    char *id;                    /* the id of its first article */
    char *headline;              /* its first article's title, else its summary's first sentence */
    char *updated;               /* the latest date of its articles, NULL when none has a date */
    td_story_article *articles;  /* in arrival order */
    size_t n_articles;
    td_story_sentence *summary;  /* in reading order */
    size_t n_summary;
} td_story;

/* Summarises again the stories that changed since their last summary (one transaction), with the
 * summariser given; the rest keep theirs. Copies are left out of the summary's input and counted
 * among the sources of the sentences of their originals. */
td_status td_store_summarize(td_store *s, td_summarizer *summarizer, td_error *err);
/* A summary can also be made apart from the store's writer, so that a server summarises without
 * keeping its batches waiting: td_store_summaries_make reads the stale stories and summarises them
 * on any handle (a reader's too), td_store_summaries_write writes them on the writing handle in one
 * short transaction. A story's stale mark counts its changes since its last summary: a summary is
 * written only when the mark is still the one it was made from, so a story that got an article
 * meanwhile stays stale for the next round. */
typedef struct td_store_summaries td_store_summaries;
/* Summarises at most max (0: all) of the stories stale at the last commit, those changed longest
 * ago first, into *out (free with td_store_summaries_free), *n of them; nothing is written. */
td_status td_store_summaries_make(td_store *s, td_summarizer *summarizer, size_t max, td_store_summaries **out,
                                  size_t *n, td_error *err);
/* Writes the summaries made, on the writing handle (commits its batch first); those of stories
 * changed since they were made are dropped. */
td_status td_store_summaries_write(td_store *s, const td_store_summaries *made, td_error *err);
void td_store_summaries_free(td_store_summaries *made);
/* Gives each of the n stories (as read by td_store_story or td_store_latest) whose stored summary is
 * stale a summary and headline made now from its committed articles; nothing is written. With made
 * not NULL, *made gets those summaries too, for td_store_summaries_write (free it either way). */
td_status td_store_fresh_summaries(td_store *s, td_summarizer *summarizer, td_story *stories, size_t n,
                                   td_store_summaries **made, td_error *err);
/* The stored stories, newest first (latest date, then latest arrival; undated ones after dated),
 * those updated on or after `since` (a date, NULL: all) with at least min_articles articles. */
td_status td_store_stories(td_store *s, const char *since, size_t min_articles, td_story **out, size_t *n,
                           td_error *err);
void td_stories_free(td_story *stories, size_t n);

/* A second handle on a store, for reading only (td_store_stories, td_store_story…; never td_store_add or
 * td_store_summarize): in WAL mode its reads see the last commit and never wait for a writer. Close with
 * td_store_close. NULL on error (no such file, not a tidings store). */
td_store *td_store_open_reader(const char *path, td_error *err);
/* The story of id into *out (free with td_stories_free(*out, 1)), NULL when there is none. */
td_status td_store_story(td_store *s, const char *id, td_story **out, td_error *err);
/* The articles of story id with their texts, copies left out, as a cluster whose id is the story's
 * (td_cluster_free); NULL when there is no such story. */
td_status td_store_story_cluster(td_store *s, const char *id, td_cluster **out, td_error *err);
/* The article id as a cluster of one whose id is its story's id; NULL when there is none. */
td_status td_store_article(td_store *s, const char *id, td_cluster **out, td_error *err);
/* At most limit stories, newest first (as td_store_stories), updated on or after since (NULL: all) and,
 * when query is not NULL, with an article whose title and lead (the first 60 words of its text; a copy:
 * its title only) have every word of query (SQLite FTS5:
 * words matched whole, case and accents aside; a word ending in '*' is a prefix; a query of no word
 * matches nothing). Free with td_stories_free. */
td_status td_store_latest(td_store *s, const char *since, const char *query, size_t limit, td_story **out,
                          size_t *n, td_error *err);

/* ---------------------------------------------------------------- quotes */
/* (lib/compare) Direct quotes of an article, who said them, and the same quote across articles. */

/* One direct quote. Strings are owned by the td_quotes that holds it. */
typedef struct td_quote {
    char *text;          /* the quoted words without the marks; the pieces of a split quote joined by a space */
    char *speaker;       /* who said it as the article names them (a pronoun or "the spokesman" resolved to the
                            named speaker it refers to; an organisation can speak), NULL when unknown */
    char *role;          /* the speaker's role as the article gives it ("North Korea's deputy U.N. ambassador"),
                            NULL when none is given */
    size_t start;        /* byte offset of the first quoted character in the article text */
    size_t end;          /* byte offset after the last quoted character (after the last piece) */
    td_span *pieces;     /* n_pieces quoted ranges: a quote broken by "he said" or running over paragraphs has
                            several */
    size_t n_pieces;
    td_span speaker_at;  /* where the article names the speaker (the mention the name was taken from; for a
                            pronoun, its antecedent); {0, 0} when the speaker is unknown */
    bool partial;        /* a fragment quoted inside the article's own sentence (`called it "a disaster"`) */
    bool described;      /* the speaker is a description ("North Korean spokesman", "country's foreign ministry"),
                            not a name */
} td_quote;

/* The quotes of one article, in text order. */
typedef struct td_quotes {
    td_quote *items;
    size_t n;
    void *pool_; /* private: storage of the strings */
} td_quotes;

/* Finds the direct quotes of a text (valid UTF-8) in straight, curly, guillemet and '' marks, and their
 * speakers. Titles, nicknames and scare quotes are not speech and are left out. NULL when out of memory
 * (err says so); free the result with td_quotes_free. */
td_quotes *td_find_quotes(const char *text, size_t len, td_error *err);
void td_quotes_free(td_quotes *quotes);

/* A quote in one article: the article's index and the quote's index in its td_quotes. */
typedef struct td_quote_ref {
    size_t doc;
    size_t quote;
} td_quote_ref;

/* One quote reported by one or more articles, perhaps worded or cut differently. */
typedef struct td_quote_group {
    td_quote_ref *refs;   /* n_refs members in article order, then text order */
    size_t n_refs;
    size_t n_docs;        /* distinct articles among the members */
    td_quote_ref longest; /* the member with the most words: its text stands for the group */
    const char *speaker;  /* the speaker most members name (the first named on a tie), NULL when no member knows;
                             points into the member's td_quotes */
    const char *role;     /* a role given with that speaker, NULL when none */
} td_quote_group;

typedef struct td_quote_groups {
    td_quote_group *items; /* groups in order of their first member */
    size_t n;
    void *pool_; /* private */
} td_quote_groups;

/* Groups the quotes of n_docs articles (docs[i] from td_find_quotes on article i): two quotes are one when
 * most words of the shorter appear in the longer (folded word tokens; short quotes must match whole). Every
 * quote is in exactly one group. NULL when out of memory; free with td_quote_groups_free (the td_quotes
 * must outlive the groups). */
td_quote_groups *td_group_quotes(const td_quotes *const *docs, size_t n_docs, td_error *err);
void td_quote_groups_free(td_quote_groups *groups);

/* ---------------------------------------------------------------- comparing sources */
/* (lib/compare) What the articles of one story say in common, alone, and against each other. */

/* A statement of one article: the sentence it is in, and the part that differs from other articles. */
typedef struct td_claim {
    size_t doc;     /* index of the article */
    td_span span;   /* the sentence's bytes in that article's text */
    char *text;     /* the sentence, white space collapsed */
    char *value;    /* what this article says in the disputed slot ("$48 million", "rejected", a speaker) */
} td_claim;

/* A content unit: sentences of one or more articles that say the same thing. */
typedef struct td_unit {
    td_claim first;     /* the sentence that stands for the unit (earliest article, then earliest sentence) */
    td_claim *members;  /* every sentence of the unit (first included), in article order; value NULL */
    size_t n_members;
    size_t *sources;    /* indexes of every article with a sentence in the unit, ascending */
    size_t n_sources;
    bool disputed;      /* a sentence of the unit is a claim of a disagreement about an amount */
} td_unit;

typedef enum td_disagreement_kind {
    TD_DISAGREE_AMOUNT = 0, /* the same slot with different numbers, money, dates, times or counts */
    TD_DISAGREE_SPEAKER,    /* the same quote attributed to different speakers */
    TD_DISAGREE_STANCE,     /* opposite statements: rejected / accepted / has yet to respond, denied / admitted */
} td_disagreement_kind;

/* Articles that contradict each other; one claim per article (at least two articles). */
typedef struct td_disagreement {
    td_disagreement_kind kind;
    char *about;      /* a short description of the slot: "money: cost, repairs", "who said “…”" */
    td_claim *claims; /* in article order */
    size_t n_claims;
} td_disagreement;

/* A date the articles mention, with the first sentence that mentions it. */
typedef struct td_dated {
    char *when;       /* as written ("March 3") */
    unsigned key;     /* sortable: year * 10000 + month * 100 + day (year 0 when not given) */
    td_claim first;   /* the first sentence naming it */
    size_t *sources;  /* articles naming it, ascending */
    size_t n_sources;
} td_dated;

/* The comparison of the articles of one cluster. Everything is owned by it. */
typedef struct td_comparison {
    size_t n_docs;
    td_unit *units;    /* every content unit, most sources first, then in order of first appearance */
    size_t n_units;
    size_t n_consensus; /* the first n_consensus units are reported by most articles (and at least two) */
    size_t n_unique;    /* the last n_unique units are reported by one article only */
    td_disagreement *disagreements;
    size_t n_disagreements;
    td_dated *timeline; /* dates mentioned, in date order */
    size_t n_timeline;
    td_quotes **quotes;          /* n_docs: the quotes of each article */
    td_quote_groups *quote_groups; /* the same quote across articles */
    td_span **sentences;         /* n_docs arrays: the sentences the cleaner kept of each article, in order */
    size_t *n_sentences;
    void *pool_; /* private */
} td_comparison;

/* Compares the articles of a cluster (cleaned first, as td_summarize does): content units with their
 * sources, consensus and unique details, disagreements, dates, quotes. NULL on error (out of memory);
 * free with td_comparison_free. */
td_comparison *td_compare(const td_cluster *cluster, td_error *err);
void td_comparison_free(td_comparison *cmp);
/* Short name of a kind: "amount", "speaker", "stance". */
const char *td_disagreement_kind_name(td_disagreement_kind kind);

/* Renders a comparison: TD_OUTPUT_TEXT (readable) or TD_OUTPUT_JSON (one line: id, documents, quotes,
 * consensus, unique, disagreements); TD_OUTPUT_MARKDOWN is the text form. A string to free(), NULL when
 * out of memory. */
char *td_render_comparison(const td_comparison *cmp, const td_cluster *cluster, td_output_format format);

typedef enum td_report_format {
    TD_REPORT_HTML = 0, /* one self-contained page: no scripts, no external resources, a strict CSP */
    TD_REPORT_MARKDOWN,
    TD_REPORT_JSON,     /* one line */
} td_report_format;

/* The story report: headline, the summary with sources, quotes by speaker, the coverage of content units
 * by article, disagreements, a timeline, the cleaned articles with the summary's sentences marked. All
 * text from the input is escaped. A string to free(), NULL when out of memory. */
char *td_render_report(const td_comparison *cmp, const td_summary *summary, const td_cluster *cluster,
                       td_report_format format);

/* ---------------------------------------------------------------- serving */
/* (lib/serve) An HTTP API and a web page over a store (libmicrohttpd): articles in, stories and their
 * reports out. See docs/serve.md for the routes. */

typedef struct td_serve_opts {
    const char *store;        /* "tidings.db": the store's file (created when absent) */
    const char *bind;         /* "127.0.0.1": the address to listen on (IPv4 or IPv6) */
    unsigned port;            /* 8080; 0: any free port (td_server_port tells which) */
    const char *token;        /* NULL: writes need no token; else `Authorization: Bearer TOKEN` */
    size_t max_body;          /* 32 MB: larger request bodies get 413 */
    size_t max_articles;      /* 1000: most articles in one POST (more: 413) */
    unsigned max_connections; /* 256: connections served at once (a thread each) */
    unsigned timeout;         /* 30: seconds a connection may stay idle */
    void (*log)(void *ctx, const char *line); /* NULL, or called with one line per request (no newline) */
    void *log_ctx;
} td_serve_opts;

void td_serve_opts_defaults(td_serve_opts *opts);

typedef struct td_server td_server;

/* Opens the store (errors as td_store_open) and makes the server; nothing listens yet. The strings of
 * opts are copied. NULL on error. */
td_server *td_server_new(const td_serve_opts *opts, td_error *err);
/* Starts listening (threads of its own answer requests). TD_ERR_IO when the address cannot be bound. */
td_status td_server_listen(td_server *s, td_error *err);
/* The port listened on (after td_server_listen). */
unsigned td_server_port(const td_server *s);

/* One HTTP response: status, media type and body (the body is the caller's: free() it). */
typedef struct td_http_response {
    int status;
    const char *content_type; /* static */
    char *body;
    size_t len;
} td_http_response;

/* Answers one request without sockets (what the listener calls; the fuzz target and tests call it
 * directly). url is the path with its query; content_type and authorization are the headers (NULL when
 * absent). TD_ERR_NOMEM when no response could be made; every other failure is a response. */
td_status td_server_handle(td_server *s, const char *method, const char *url, const char *content_type,
                           const char *authorization, const char *body, size_t len, td_http_response *out);
/* Stops listening (waiting for requests in progress), closes the store. */
void td_server_free(td_server *s);

#ifdef __cplusplus
}
#endif
#endif

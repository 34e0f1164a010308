/* test_ingest.c — clusters, format detection and the reader on every input format, on our own
 * fixtures (tests/data/ingest/), on bad inputs made at test time, and on ../shared when present. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "ingest/ingest.h"
#include "testutil.h"
#include "tidings.h"

#define FIX "tests/data/ingest/"
#define MAX_CLUSTERS 256

/* Everything a reader handed out for some inputs. */
typedef struct result {
    td_cluster *c[MAX_CLUSTERS]; /* the clusters in order */
    size_t n;                    /* how many */
    int last;                    /* last td_reader_next value; -2 when td_reader_open failed */
    td_error err;                /* the error, when last < 0 */
} result;

static void read_inputs(const char *const *in, size_t n_in, td_format fmt, result *res)
{
    memset(res, 0, sizeof *res);
    td_reader *r = td_reader_open(in, n_in, fmt, &res->err);
    if (!r) {
        res->last = -2;
        return;
    }
    td_cluster *c;
    while ((res->last = td_reader_next(r, &c, &res->err)) == 1) {
        assert_true(res->n < MAX_CLUSTERS);
        res->c[res->n++] = c;
    }
    assert_null(c);
    if (res->last < 0) {
        /* errors are sticky */
        td_error again = {0};
        assert_int_equal(td_reader_next(r, &c, &again), -1);
        assert_string_equal(again.message, res->err.message);
    }
    td_reader_close(r);
}

static void read_one(const char *path, td_format fmt, result *res) { read_inputs(&path, 1, fmt, res); }

static void result_free(result *res)
{
    for (size_t i = 0; i < res->n; i++) td_cluster_free(res->c[i]);
    res->n = 0;
}

static size_t total_docs(const result *res)
{
    size_t n = 0;
    for (size_t i = 0; i < res->n; i++) n += res->c[i]->n_docs;
    return n;
}

/* ------------------------------------------------------------ temporary files */

static char tmp_dir[64];
static char *tmp_paths[64]; /* created files and folders, removed in reverse order */
static size_t n_tmp;

/* Path of a new file in the temporary folder holding len bytes of data. */
static const char *tmp_file(const char *name, const void *data, size_t len)
{
    char *path = malloc(strlen(tmp_dir) + strlen(name) + 2);
    assert_non_null(path);
    sprintf(path, "%s/%s", tmp_dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
    assert_true(n_tmp < 64);
    tmp_paths[n_tmp++] = path;
    return path;
}

static const char *tmp_text(const char *name, const char *text) { return tmp_file(name, text, strlen(text)); }

static const char *tmp_folder(const char *name)
{
    char *path = malloc(strlen(tmp_dir) + strlen(name) + 2);
    assert_non_null(path);
    sprintf(path, "%s/%s", tmp_dir, name);
    assert_int_equal(mkdir(path, 0700), 0);
    tmp_paths[n_tmp++] = path;
    return path;
}

static int tmp_setup(void **state)
{
    (void)state;
    strcpy(tmp_dir, "/tmp/td_ingest_XXXXXX");
    return mkdtemp(tmp_dir) ? 0 : -1;
}

static int tmp_teardown(void **state)
{
    (void)state;
    while (n_tmp) {
        char *p = tmp_paths[--n_tmp];
        if (unlink(p) != 0) rmdir(p);
        free(p);
    }
    return rmdir(tmp_dir);
}

/* Reads one input expected to fail at open or while reading; returns the message. */
static const char *fails(const char *path, td_format fmt, td_status code, result *res)
{
    read_one(path, fmt, res);
    assert_true(res->last < 0);
    assert_int_equal(res->err.code, code);
    assert_null(strchr(res->err.message, '\n'));
    return res->err.message;
}

/* ------------------------------------------------------------ clusters and formats */

static void test_cluster_add_copies(void **state)
{
    (void)state;
    td_cluster *c = td_cluster_new("42");
    assert_non_null(c);
    assert_string_equal(c->id, "42");
    assert_int_equal(c->n_docs, 0);
    char name[32], text[64];
    for (int i = 0; i < 100; i++) {
        snprintf(name, sizeof name, "doc-%d", i);
        snprintf(text, sizeof text, "Article number %d.", i);
        td_document d = {.name = name, .text = text, .title = i % 2 ? "Title" : NULL, .date = "2020-01-01"};
        assert_int_equal(td_cluster_add(c, &d), TD_OK);
    }
    strcpy(name, "changed"); /* the cluster keeps its own copies */
    strcpy(text, "changed");
    assert_int_equal(c->n_docs, 100);
    assert_string_equal(c->docs[0].name, "doc-0");
    assert_string_equal(c->docs[99].name, "doc-99");
    assert_string_equal(c->docs[57].text, "Article number 57.");
    assert_int_equal(c->docs[57].text_len, strlen("Article number 57."));
    assert_null(c->docs[10].title);
    assert_string_equal(c->docs[11].title, "Title");
    assert_null(c->docs[3].source);
    assert_null(c->docs[3].url);
    assert_string_equal(c->docs[3].date, "2020-01-01");
    /* text_len bytes are copied, so the text may be part of a longer buffer */
    td_document part = {.name = "part", .text = "Hello world", .text_len = 5};
    assert_int_equal(td_cluster_add(c, &part), TD_OK);
    assert_string_equal(c->docs[100].text, "Hello");
    td_document nameless = {.text = "x"};
    assert_int_equal(td_cluster_add(c, &nameless), TD_ERR_USAGE);
    assert_int_equal(c->n_docs, 101);
    td_cluster_free(c);
    td_cluster_free(NULL);
}

static void test_format_names(void **state)
{
    (void)state;
    const td_format all[] = {TD_FORMAT_AUTO, TD_FORMAT_TEXT, TD_FORMAT_MULTINEWS, TD_FORMAT_SGML,
                             TD_FORMAT_JSONL, TD_FORMAT_HTML};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
        td_format back = (td_format)-1;
        assert_true(td_format_parse(td_format_name(all[i]), &back));
        assert_int_equal(back, all[i]);
    }
    td_format f = TD_FORMAT_TEXT;
    assert_true(td_format_parse("sgml", &f));
    assert_int_equal(f, TD_FORMAT_SGML);
    assert_false(td_format_parse("SGML ", &f));
    assert_false(td_format_parse("pdf", &f));
    assert_false(td_format_parse("", &f));
    assert_false(td_format_parse(NULL, &f));
    assert_string_equal(td_format_name(TD_FORMAT_MULTINEWS), "multinews");
}

static void test_detect(void **state)
{
    (void)state;
#define DETECT(s) ingest_detect(s, strlen(s))
    assert_int_equal(DETECT("\n  <DOC>\n<DOCNO> X </DOCNO>"), TD_FORMAT_SGML);
    assert_int_equal(DETECT("\n{\"text\": \"a\"}\n{\"text\": \"b\"}\n"), TD_FORMAT_JSONL);
    assert_int_equal(DETECT("{\"id\": 1, \"documents\": []}"), TD_FORMAT_JSONL);
    assert_int_equal(DETECT("one . ||||| two . |||||\n"), TD_FORMAT_MULTINEWS);
    assert_int_equal(DETECT("a line NEWLINE_CHAR another line"), TD_FORMAT_MULTINEWS);
    assert_int_equal(DETECT("Headline\n\nBody text about <DOC> tags."), TD_FORMAT_TEXT);
    /* braces that do not make a JSON object on the first line are text */
    assert_int_equal(DETECT("{not json} said the sign.\nMore text."), TD_FORMAT_TEXT);
    assert_int_equal(DETECT("[1, 2, 3]\n"), TD_FORMAT_TEXT);
#undef DETECT
}

static void test_title_guess(void **state)
{
    (void)state;
    struct {
        const char *text;
        const char *title; /* NULL: no headline */
    } cases[] = {
        {"Harbour Ferry Runs Aground\n\nA ferry ran aground.", "Harbour Ferry Runs Aground"},
        {"  Storm  Hits   Coast  \nThe storm hit the coast.", "Storm Hits Coast"},
        {"Is the Bridge Safe?\n\nEngineers say yes.", "Is the Bridge Safe?"},
        {"\xe2\x80\x9cWe Will Rebuild\xe2\x80\x9d, Says Mayor\n\nText.",
         "\xe2\x80\x9cWe Will Rebuild\xe2\x80\x9d, Says Mayor"},
        {"The ferry ran aground on Tuesday.\nNobody was hurt.", NULL},                /* a sentence */
        {"He said \"it will sink.\"\nNobody was hurt.", NULL},                        /* a sentence in quotes */
        {"The ferry, which left at 7, struck the bank\ntwenty minutes later.", NULL}, /* hard-wrapped */
        {"The ferry was operated by\nNorthgate Marine.", NULL},                       /* runs on */
        {"02:33 GMT 02 March 2021\nListen Live\nText.", NULL},                        /* a time stamp */
        {"Only One Line Here", NULL},                                                 /* nothing follows */
        {"Menu\n\nText follows.", NULL},                                              /* one word */
        {"home | news | sport\n\nText follows.", NULL},                               /* lower case */
        {"Latest:\nText follows.", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *t = text_guess_title(cases[i].text, strlen(cases[i].text));
        if (cases[i].title) {
            assert_non_null(t);
            assert_string_equal(t, cases[i].title);
        } else if (t) {
            fail_msg("case %zu: unexpected title \"%s\"", i, t);
        }
        free(t);
    }
    char longline[400];
    memset(longline, 'A', sizeof longline);
    for (size_t i = 5; i < 300; i += 6) longline[i] = ' ';
    memcpy(longline + 300, "\nText.", 7);
    char *t = text_guess_title(longline, strlen(longline));
    assert_null(t);
}

/* ------------------------------------------------------------ formats */

static void test_text_folder(void **state)
{
    (void)state;
    result res;
    read_one(FIX "text", TD_FORMAT_AUTO, &res);
    assert_int_equal(res.last, 0);
    assert_int_equal(res.n, 1);
    td_cluster *c = res.c[0];
    assert_string_equal(c->id, "1");
    assert_int_equal(c->n_docs, 2); /* .notes.txt is hidden */
    assert_string_equal(c->docs[0].name, FIX "text/a.txt");
    assert_string_equal(c->docs[1].name, FIX "text/b.txt");
    assert_string_equal(c->docs[0].title, "Harbour Ferry Runs Aground Near Northgate");
    assert_null(c->docs[1].title);
    /* the text stays whole, headline included, trailing newline trimmed */
    const char *a = c->docs[0].text;
    assert_true(strncmp(a, "Harbour Ferry Runs Aground Near Northgate\n\nA passenger ferry", 60) == 0);
    assert_true(strstr(a, "by lifeboat crews, the coastguard said.\n\nThe operator said") != NULL);
    assert_int_equal(a[c->docs[0].text_len - 1], '.');
    assert_int_equal(strlen(a), c->docs[0].text_len);
    assert_null(c->docs[0].date);
    result_free(&res);

    /* a trailing slash gives the same names */
    read_one(FIX "text/", TD_FORMAT_AUTO, &res);
    assert_int_equal(res.n, 1);
    assert_string_equal(res.c[0]->docs[1].name, FIX "text/b.txt");
    result_free(&res);
}

static void test_sgml(void **state)
{
    (void)state;
    result res;
    read_one(FIX "docs.sgml", TD_FORMAT_AUTO, &res);
    assert_int_equal(res.last, 0);
    assert_int_equal(res.n, 1);
    td_cluster *c = res.c[0];
    assert_int_equal(c->n_docs, 2);
    td_document *d = &c->docs[0];
    assert_string_equal(d->name, "ABC19990301.0042");
    assert_string_equal(d->title, "Rail Strike & Bus Delays Hit Commuters");
    assert_string_equal(d->date, "03/01/1999 10:15:00");
    /* lines and tab indents kept exactly; &QL; dropped, &amp; decoded */
    assert_string_equal(d->text, "\t   RIVERTON (AP) _ Train drivers walked out on Monday, and bus\n"
                                 "services were cut  by half, the transport authority said.\n"
                                 "\t   ``We are sorry for the disruption,'' said a spokeswoman, who\n"
                                 "added that talks would resume on Tuesday & Wednesday.");
    d = &c->docs[1];
    assert_string_equal(d->name, "ABC19990301.0077");
    assert_null(d->title);
    assert_string_equal(d->date, "1999-03-01");
    /* <P> makes paragraph breaks, the annotation goes, &#8212; is an em dash */
    assert_string_equal(d->text, "   Union leaders said the strike would last 48 hours. Fares <\n"
                                 "> wages, read one placard.\n"
                                 "\n"
                                 "   Commuters queued for buses \xe2\x80\x94 some for an hour.");
    assert_int_equal(d->text_len, strlen(d->text));
    result_free(&res);
}

static void test_multinews(void **state)
{
    (void)state;
    result res;
    read_one(FIX "multinews.src", TD_FORMAT_AUTO, &res);
    assert_int_equal(res.last, 0);
    assert_int_equal(res.n, 3);
    assert_string_equal(res.c[0]->id, "1");
    assert_string_equal(res.c[1]->id, "2");
    assert_string_equal(res.c[2]->id, "3");
    assert_int_equal(res.c[0]->n_docs, 2);
    assert_string_equal(res.c[0]->docs[0].name, "1.1");
    assert_string_equal(res.c[0]->docs[1].name, "1.2");
    assert_string_equal(res.c[0]->docs[0].text,
                        "Crews battled a wildfire near Redhill on Friday .\n\nAbout 300 homes were evacuated .");
    assert_string_equal(res.c[0]->docs[1].text,
                        "Firefighters said the wind had dropped overnight .\nRain is forecast .");
    assert_null(res.c[0]->docs[0].title);
    /* a line whose articles are all blank still gives its (empty) cluster */
    assert_int_equal(res.c[1]->n_docs, 0);
    assert_int_equal(res.c[2]->n_docs, 1);
    assert_string_equal(res.c[2]->docs[0].name, "3.1");
    assert_string_equal(res.c[2]->docs[0].text, "A single report about the Redhill fire without a separator .");
    result_free(&res);
}

static void test_jsonl_articles(void **state)
{
    (void)state;
    result res;
    read_one(FIX "articles.jsonl", TD_FORMAT_AUTO, &res);
    assert_int_equal(res.last, 0);
    assert_int_equal(res.n, 1);
    td_cluster *c = res.c[0];
    assert_string_equal(c->id, "1");
    assert_int_equal(c->n_docs, 2);
    assert_string_equal(c->docs[0].name, "lake-1");
    assert_string_equal(c->docs[0].source, "Lakeside Post");
    assert_string_equal(c->docs[0].url, "https://example.org/lake-1");
    assert_string_equal(c->docs[0].date, "2021-06-01");
    assert_string_equal(c->docs[0].title, "Lake Closed After Algae Bloom");
    assert_string_equal(c->docs[0].text,
                        "The lake was closed to swimmers on Tuesday.\n\nTests found blue-green algae.");
    assert_string_equal(c->docs[1].name, "17");
    assert_null(c->docs[1].source);
    assert_null(c->docs[1].date);
    assert_null(c->docs[1].title);
    assert_null(c->docs[1].url);
    result_free(&res);
}

static void test_jsonl_clusters(void **state)
{
    (void)state;
    result res;
    read_one(FIX "clusters.jsonl", TD_FORMAT_AUTO, &res);
    assert_int_equal(res.last, 0);
    assert_int_equal(res.n, 3);
    assert_string_equal(res.c[0]->id, "storm");
    assert_int_equal(res.c[0]->n_docs, 2);
    assert_string_equal(res.c[0]->docs[0].name, "s1");
    assert_string_equal(res.c[0]->docs[0].title, "Storm Hits Coast");
    assert_string_equal(res.c[0]->docs[1].name, "storm.2");
    assert_string_equal(res.c[0]->docs[1].text, "Power was cut to 2,000 homes.");
    assert_string_equal(res.c[1]->id, "7");
    assert_int_equal(res.c[1]->n_docs, 0);
    assert_string_equal(res.c[2]->id, "3"); /* no id: the line number */
    assert_string_equal(res.c[2]->docs[0].name, "q1");
    result_free(&res);
}

static void test_folder_of_folders(void **state)
{
    (void)state;
    result res;
    read_one(FIX "topics", TD_FORMAT_AUTO, &res);
    assert_int_equal(res.last, 0);
    assert_int_equal(res.n, 2);
    assert_string_equal(res.c[0]->id, "alpha");
    assert_int_equal(res.c[0]->n_docs, 2);
    assert_string_equal(res.c[0]->docs[0].name, FIX "topics/alpha/1.txt");
    assert_string_equal(res.c[0]->docs[0].title, "Town Council Approves New Library");
    assert_string_equal(res.c[1]->id, "beta");
    assert_int_equal(res.c[1]->n_docs, 1);
    assert_string_equal(res.c[1]->docs[0].name, "XYZ20200101.0001");
    assert_string_equal(res.c[1]->docs[0].title, "Orchard Frost Damages Apple Crop");
    result_free(&res);
}

static void test_mixed_inputs_pool(void **state)
{
    (void)state;
    /* text, SGML and article JSONL make one cluster, after the clusters of line formats */
    const char *in[] = {FIX "text/b.txt", FIX "multinews.src", FIX "docs.sgml", FIX "articles.jsonl"};
    result res;
    read_inputs(in, 4, TD_FORMAT_AUTO, &res);
    assert_int_equal(res.last, 0);
    assert_int_equal(res.n, 4);
    assert_string_equal(res.c[0]->id, "1");
    assert_int_equal(res.c[0]->n_docs, 2); /* Multi-News line 1 */
    assert_int_equal(res.c[2]->n_docs, 1); /* Multi-News line 3 */
    td_cluster *pool = res.c[3];
    assert_string_equal(pool->id, "1");
    assert_int_equal(pool->n_docs, 5);
    assert_string_equal(pool->docs[0].name, FIX "text/b.txt");
    assert_string_equal(pool->docs[1].name, "ABC19990301.0042");
    assert_string_equal(pool->docs[2].name, "ABC19990301.0077");
    assert_string_equal(pool->docs[3].name, "lake-1");
    assert_string_equal(pool->docs[4].name, "17");
    result_free(&res);
}

static void test_groups_order(void **state)
{
    (void)state;
    /* a sub-folder's line-format file gives its clusters, then the sub-folder's pooled articles;
     * the command's own pool comes last of all */
    tmp_folder("groups");
    tmp_folder("groups/first");
    tmp_text("groups/first/a.txt", "Dam Holds After Heavy Rain\n\nThe dam held overnight, engineers said.\n");
    tmp_text("groups/first/b.src",
             "Water levels fell . ||||| Roads reopened . |||||\nSchools stay shut . |||||\n");
    tmp_folder("groups/second");
    tmp_text("groups/second/c.jsonl", "{\"id\": \"x\", \"documents\": [{\"text\": \"A second story.\"}]}\n");
    char folder[128];
    snprintf(folder, sizeof folder, "%s/groups", tmp_dir);
    const char *in[] = {FIX "text/b.txt", folder};
    result res;
    read_inputs(in, 2, TD_FORMAT_AUTO, &res);
    assert_int_equal(res.last, 0);
    assert_int_equal(res.n, 5);
    const char *ids[] = {"1", "2", "first", "x", "1"};
    const size_t docs[] = {2, 1, 1, 1, 1};
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(res.c[i]->id, ids[i]);
        assert_int_equal(res.c[i]->n_docs, docs[i]);
    }
    assert_string_equal(res.c[2]->docs[0].title, "Dam Holds After Heavy Rain");
    assert_string_equal(res.c[4]->docs[0].name, FIX "text/b.txt");
    result_free(&res);
}

static void test_sgml_variants(void **state)
{
    (void)state;
    /* AQUAINT-2 style: id attribute, no DOCNO, inline <P>s, lower-case entities */
    const char *p = tmp_text("aquaint.xml", "<DOC id=\"AFP_ENG_20050101.0001\" type=\"story\" >\n"
                                            "<HEADLINE>\nQuake &amp; Tsunami Toll Rises\n</HEADLINE>\n"
                                            "<DATELINE>JAKARTA, Jan 1</DATELINE>\n<TEXT>\n"
                                            "<P>The toll rose again on Saturday. </P>\n"
                                            "<P>Aid began to arrive &quot;in earnest&quot;.</P>\n"
                                            "</TEXT>\n</DOC>\n");
    result res;
    read_one(p, TD_FORMAT_AUTO, &res);
    assert_int_equal(res.last, 0);
    assert_int_equal(res.n, 1);
    const td_document *d = &res.c[0]->docs[0];
    assert_string_equal(d->name, "AFP_ENG_20050101.0001");
    assert_string_equal(d->title, "Quake & Tsunami Toll Rises");
    assert_null(d->date);
    assert_string_equal(d->text, "The toll rose again on Saturday.\n\nAid began to arrive \"in earnest\".");
    result_free(&res);
}

static void test_forced_format(void **state)
{
    (void)state;
    result res;
    /* as text, the SGML file is one article holding its markup */
    read_one(FIX "docs.sgml", TD_FORMAT_TEXT, &res);
    assert_int_equal(res.n, 1);
    assert_int_equal(res.c[0]->n_docs, 1);
    assert_string_equal(res.c[0]->docs[0].name, FIX "docs.sgml");
    assert_true(strncmp(res.c[0]->docs[0].text, "<DOC>\n<DOCNO> ABC19990301.0042", 30) == 0);
    result_free(&res);
    assert_string_equal(fails(FIX "text/a.txt", TD_FORMAT_SGML, TD_ERR_INPUT, &res),
                        FIX "text/a.txt: no <DOC> found");
    const char *msg = fails(FIX "text/a.txt", TD_FORMAT_JSONL, TD_ERR_INPUT, &res);
    assert_true(strncmp(msg, FIX "text/a.txt: line 1, column ", strlen(FIX "text/a.txt: line 1, column ")) == 0);
    /* as Multi-News, a text file is one cluster a line */
    read_one(FIX "topics/alpha/1.txt", TD_FORMAT_MULTINEWS, &res);
    assert_int_equal(res.n, 2);
    assert_string_equal(res.c[1]->docs[0].text,
                        "The council voted 7 to 2 on Monday to build a library on Mill Street.");
    result_free(&res);
}

static void test_stdin(void **state)
{
    (void)state;
    const char *path = tmp_text("stdin.txt", "Bridge Reopens After Repairs\n\nThe bridge reopened on Sunday.\n");
    int saved = dup(STDIN_FILENO);
    int fd = open(path, O_RDONLY);
    assert_true(saved >= 0 && fd >= 0);
    assert_int_equal(dup2(fd, STDIN_FILENO), STDIN_FILENO);
    close(fd);
    result res;
    read_one("-", TD_FORMAT_AUTO, &res);
    assert_int_equal(res.last, 0);
    assert_int_equal(res.n, 1);
    assert_string_equal(res.c[0]->docs[0].name, "<stdin>");
    assert_string_equal(res.c[0]->docs[0].title, "Bridge Reopens After Repairs");
    result_free(&res);
    const char *twice[] = {"-", "-"};
    read_inputs(twice, 2, TD_FORMAT_AUTO, &res);
    assert_int_equal(res.last, -2);
    assert_int_equal(res.err.code, TD_ERR_USAGE);
    assert_int_equal(dup2(saved, STDIN_FILENO), STDIN_FILENO);
    close(saved);
}

static void test_line_ends_and_bom(void **state)
{
    (void)state;
    const char *path =
        tmp_text("crlf.txt", "\xef\xbb\xbfWindows Headline Here\r\n\r\nFirst line.\r\nSecond line.\rThird.\r\n");
    result res;
    read_one(path, TD_FORMAT_AUTO, &res);
    assert_int_equal(res.n, 1);
    assert_string_equal(res.c[0]->docs[0].title, "Windows Headline Here");
    assert_string_equal(res.c[0]->docs[0].text, "Windows Headline Here\n\nFirst line.\nSecond line.\nThird.");
    result_free(&res);
}

/* ------------------------------------------------------------ bad input */

static void test_missing_and_empty(void **state)
{
    (void)state;
    result res;
    assert_string_equal(fails("no/such/x.txt", TD_FORMAT_AUTO, TD_ERR_IO, &res),
                        "no/such/x.txt: No such file or directory");
    assert_int_equal(res.last, -2); /* found at open */
    char want[256];
    const char *empty = tmp_text("empty.txt", "");
    snprintf(want, sizeof want, "%s: empty file", empty);
    assert_string_equal(fails(empty, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
    const char *blank = tmp_text("blank.txt", " \n\t\n  \r\n");
    snprintf(want, sizeof want, "%s: empty file", blank);
    assert_string_equal(fails(blank, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
    const char *bom = tmp_text("bom.txt", "\xef\xbb\xbf\n");
    snprintf(want, sizeof want, "%s: empty file", bom);
    assert_string_equal(fails(bom, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
    /* a bad input among good ones stops the reader */
    const char *in[] = {FIX "text/a.txt", blank};
    read_inputs(in, 2, TD_FORMAT_AUTO, &res);
    assert_int_equal(res.last, -1);
    assert_int_equal(res.n, 0);
    snprintf(want, sizeof want, "%s: empty file", blank);
    assert_string_equal(res.err.message, want);
}

static void test_binary(void **state)
{
    (void)state;
    result res;
    char want[256];
    const unsigned char nul[] = "Some text\0with a NUL byte in it.\n";
    const char *p = tmp_file("nul.bin", nul, sizeof nul - 1);
    snprintf(want, sizeof want, "%s: binary data, not text", p);
    assert_string_equal(fails(p, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
    /* many control characters, no NUL */
    unsigned char ctl[4096];
    for (size_t i = 0; i < sizeof ctl; i++) ctl[i] = (unsigned char)(i % 7 == 0 ? 0x01 + i % 8 : 'a' + i % 26);
    p = tmp_file("ctl.bin", ctl, sizeof ctl);
    snprintf(want, sizeof want, "%s: binary data, not text", p);
    assert_string_equal(fails(p, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
    /* the share of control characters is counted exactly (text is scanned 8 bytes at a time):
     * 4 in 399 bytes is over 1%, 4 in 400 is not */
    char mixed[401];
    for (size_t len = 399; len <= 400; len++) {
        for (size_t i = 0; i < len; i++) mixed[i] = (char)('a' + i % 26);
        mixed[9] = mixed[100] = '\x01';
        mixed[203] = '\x7f';
        mixed[len - 1] = '\x02';
        p = tmp_file(len == 399 ? "ctl399.txt" : "ctl400.txt", mixed, len);
        if (len == 399) {
            snprintf(want, sizeof want, "%s: binary data, not text", p);
            assert_string_equal(fails(p, TD_FORMAT_TEXT, TD_ERR_INPUT, &res), want);
        } else {
            read_one(p, TD_FORMAT_TEXT, &res);
            assert_int_equal(res.n, 1);
            result_free(&res);
        }
    }
    /* a single stray control character in text is tolerated */
    p = tmp_text("stray.txt", "A stray bell \x07 in an otherwise ordinary article about the harbour.\n");
    read_one(p, TD_FORMAT_AUTO, &res);
    assert_int_equal(res.last, 0);
    assert_int_equal(res.n, 1);
    result_free(&res);
    const unsigned char utf16[] = {0xff, 0xfe, 'H', 0, 'i', 0, '\n', 0};
    p = tmp_file("utf16.txt", utf16, sizeof utf16);
    snprintf(want, sizeof want, "%s: UTF-16 text, not UTF-8", p);
    assert_string_equal(fails(p, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    char data[2000];
    memset(data, 'x', sizeof data);
    for (size_t i = 79; i < sizeof data; i += 80) data[i] = '\n';
    data[1234] = (char)0xc3; /* a lead byte followed by 'x' */
    const char *p = tmp_file("bad.txt", data, sizeof data);
    result res;
    char want[256];
    snprintf(want, sizeof want, "%s: invalid UTF-8 at byte 1234", p);
    assert_string_equal(fails(p, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
    /* the byte offset counts the byte order mark */
    char bom[16] = "\xef\xbb\xbfok \xff ok\n";
    p = tmp_file("bom-bad.txt", bom, strlen(bom));
    snprintf(want, sizeof want, "%s: invalid UTF-8 at byte 6", p);
    assert_string_equal(fails(p, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
    /* Multi-News: line and article too, and no cluster comes before the error */
    const char *mn = "First story . |||||\nSecond story . ||||| Its other \xe9 article . |||||\n";
    p = tmp_text("bad.src", mn);
    snprintf(want, sizeof want, "%s: line 2, article 2: invalid UTF-8 at byte %zu", p,
             (size_t)(strchr(mn, '\xe9') - mn));
    assert_string_equal(fails(p, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
    assert_int_equal(res.n, 0);
    /* SGML keeps the plain form */
    const char *sgml = "<DOC>\n<DOCNO> A </DOCNO>\n<TEXT>\n\xc0\xaf\n</TEXT>\n</DOC>\n";
    p = tmp_text("bad.sgml", sgml);
    snprintf(want, sizeof want, "%s: invalid UTF-8 at byte %zu", p, (size_t)(strchr(sgml, '\xc0') - sgml));
    assert_string_equal(fails(p, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
}

static void test_long_line(void **state)
{
    (void)state;
    size_t n = 10u << 20;
    char *big = malloc(n);
    assert_non_null(big);
    memset(big, 'a', n);
    const char *p = tmp_file("long.txt", big, n);
    result res;
    char want[256];
    snprintf(want, sizeof want, "%s: line 1 is longer than 1 MiB", p);
    assert_string_equal(fails(p, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
    /* exactly 1 MiB is fine; one more byte on line 3 is not */
    memcpy(big, "Short\n\n", 7);
    big[7 + (1u << 20)] = '\n';
    p = tmp_file("edge.txt", big, 8 + (1u << 20));
    read_one(p, TD_FORMAT_AUTO, &res);
    assert_int_equal(res.last, 0);
    assert_int_equal(res.c[0]->docs[0].text_len, 7 + (1u << 20));
    result_free(&res);
    big[7 + (1u << 20)] = 'a';
    big[8 + (1u << 20)] = '\n';
    p = tmp_file("edge2.txt", big, 9 + (1u << 20));
    snprintf(want, sizeof want, "%s: line 3 is longer than 1 MiB", p);
    assert_string_equal(fails(p, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
    free(big);
}

static void test_bad_folders(void **state)
{
    (void)state;
    result res;
    char want[256];
    const char *empty = tmp_folder("nothing");
    snprintf(want, sizeof want, "%s/: no text files", empty);
    assert_string_equal(fails(empty, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
    assert_int_equal(res.last, -2);
    const char *hidden = tmp_folder("hidden");
    tmp_text("hidden/.only", "A hidden article nobody should read.\n");
    snprintf(want, sizeof want, "%s/: no text files", hidden);
    assert_string_equal(fails(hidden, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
    /* a folder of folders where one sub-folder is empty */
    const char *outer = tmp_folder("outer");
    tmp_folder("outer/a");
    tmp_text("outer/a/1.txt", "Something happened on Monday in the town.\n");
    tmp_folder("outer/b");
    snprintf(want, sizeof want, "%s/b/: no text files", outer);
    assert_string_equal(fails(outer, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
}

static void test_bad_sgml(void **state)
{
    (void)state;
    result res;
    char want[256];
    const char *p =
        tmp_text("notext.sgml", "<DOC>\n<DOCNO> N1 </DOCNO>\n<TEXT>\nFine.\n</TEXT>\n</DOC>\n"
                                "<DOC>\n<DOCNO> N2 </DOCNO>\n<HEADLINE> Only a headline </HEADLINE>\n</DOC>\n");
    snprintf(want, sizeof want, "%s: N2 has no <TEXT>", p);
    assert_string_equal(fails(p, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
    p = tmp_text("open.sgml",
                 "<DOC>\n<DOCNO> N1 </DOCNO>\n<TEXT>\nFine.\n</TEXT>\n</DOC>\n\n<DOC>\n<TEXT>\nCut off");
    snprintf(want, sizeof want, "%s: <DOC> at line 8 is not closed", p);
    assert_string_equal(fails(p, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
    p = tmp_text("opentext.sgml", "<DOC>\n<TEXT>\nNo end of text.\n</DOC>\n");
    snprintf(want, sizeof want, "%s: <TEXT> at line 2 (DOC 1) is not closed", p);
    assert_string_equal(fails(p, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
    p = tmp_text("emptytext.sgml", "<DOC>\n<DOCNO>E1</DOCNO>\n<TEXT>\n<P>\n</P>\n</TEXT>\n</DOC>\n");
    snprintf(want, sizeof want, "%s: E1 has an empty <TEXT>", p);
    assert_string_equal(fails(p, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
    /* no DOCNO: named after the file and the DOC's number */
    p = tmp_text("nodocno.sgml", "<DOC>\n<TEXT>\nA body &UNKNOWN; with AT&T and 1 < 2.\n</TEXT>\n</DOC>\n");
    read_one(p, TD_FORMAT_AUTO, &res);
    assert_int_equal(res.n, 1);
    snprintf(want, sizeof want, "%s#1", p);
    assert_string_equal(res.c[0]->docs[0].name, want);
    assert_string_equal(res.c[0]->docs[0].text, "A body  with AT&T and 1 < 2.");
    result_free(&res);
}

static void test_bad_jsonl(void **state)
{
    (void)state;
    result res;
    char want[256];
    const char *p = tmp_text("syntax.jsonl", "{\"text\": \"fine\"}\n{\"text\": \"broken\",}\n");
    const char *msg = fails(p, TD_FORMAT_AUTO, TD_ERR_INPUT, &res);
    snprintf(want, sizeof want, "%s: line 2, column ", p);
    assert_true(strncmp(msg, want, strlen(want)) == 0);
    assert_true(strlen(msg) > strlen(want) + 4); /* jansson's reason follows */
    p = tmp_text("type.jsonl", "{\"text\": \"fine\", \"title\": 3}\n");
    snprintf(want, sizeof want, "%s: line 1: \"title\" is not a string", p);
    assert_string_equal(fails(p, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
    p = tmp_text("notext.jsonl", "{\"id\": \"a\", \"title\": \"No Body\"}\n");
    snprintf(want, sizeof want, "%s: line 1: no \"text\"", p);
    assert_string_equal(fails(p, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
    p = tmp_text("emptyid.jsonl", "{\"id\": \"a\", \"text\": \"fine\"}\n{\"id\": \"\", \"text\": \"fine\"}\n");
    snprintf(want, sizeof want, "%s: line 2: empty \"id\"", p);
    assert_string_equal(fails(p, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
    p = tmp_text("array.jsonl", "{\"text\": \"fine\"}\n[1, 2]\n");
    snprintf(want, sizeof want, "%s: line 2: not a JSON object", p);
    assert_string_equal(fails(p, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
    /* a cluster line is checked whole before the file's first cluster is handed out */
    p = tmp_text("clusters.jsonl", "{\"id\": 1, \"documents\": [{\"text\": \"ok\"}]}\n"
                                   "{\"id\": 2, \"documents\": [{\"text\": \"ok\"}, {\"text\": \"  \"}]}\n");
    snprintf(want, sizeof want, "%s: line 2, document 2: empty \"text\"", p);
    assert_string_equal(fails(p, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
    assert_int_equal(res.n, 0);
    p = tmp_text("docs.jsonl", "{\"id\": 1, \"documents\": {}}\n");
    snprintf(want, sizeof want, "%s: line 1: \"documents\" is not an array", p);
    assert_string_equal(fails(p, TD_FORMAT_AUTO, TD_ERR_INPUT, &res), want);
}

/* ------------------------------------------------------------ shared data */

static void test_shared_multinews(void **state)
{
    (void)state;
    const char *dir = shared_dir();
    if (!dir) skip();
    char path[512];
    snprintf(path, sizeof path, "%s/data/multinews-dev/dev.src", dir);
    result res;
    read_one(path, TD_FORMAT_AUTO, &res);
    assert_int_equal(res.last, 0);
    assert_int_equal(res.n, 100);
    assert_int_equal(total_docs(&res), 285);
    assert_string_equal(res.c[99]->id, "100");
    for (size_t i = 0; i < res.n; i++) {
        for (size_t k = 0; k < res.c[i]->n_docs; k++) {
            const td_document *d = &res.c[i]->docs[k];
            assert_null(strstr(d->text, "NEWLINE_CHAR"));
            assert_null(strstr(d->text, "|||||"));
            assert_true(d->text_len > 0 && !ingest_space(d->text[0]) && !ingest_space(d->text[d->text_len - 1]));
        }
    }
    result_free(&res);
}

static void test_shared_duc(void **state)
{
    (void)state;
    const char *dir = shared_dir();
    if (!dir) skip();
    char path[512];
    snprintf(path, sizeof path, "%s/data/duc2003/docs", dir);
    result res;
    read_one(path, TD_FORMAT_AUTO, &res);
    assert_int_equal(res.last, 0);
    assert_int_equal(res.n, 23);
    assert_string_equal(res.c[0]->id, "d30003t");
    for (size_t i = 1; i < res.n; i++) assert_true(strcmp(res.c[i - 1]->id, res.c[i]->id) < 0);
    for (size_t i = 0; i < res.n; i++) {
        assert_true(res.c[i]->n_docs >= 5);
        for (size_t k = 0; k < res.c[i]->n_docs; k++) {
            const td_document *d = &res.c[i]->docs[k];
            assert_null(strchr(d->name, ' '));
            assert_non_null(d->date);
            assert_null(strstr(d->text, "<P>"));
            assert_null(strstr(d->text, "&Cx"));
            assert_null(strstr(d->text, "STORY CAN END HERE"));
        }
    }
    result_free(&res);
}

static void test_shared_sony(void **state)
{
    (void)state;
    const char *dir = shared_dir();
    if (!dir) skip();
    char path[512];
    snprintf(path, sizeof path, "%s/examples/sony-hack", dir);
    result res;
    read_one(path, TD_FORMAT_AUTO, &res);
    assert_int_equal(res.last, 0);
    assert_int_equal(res.n, 1);
    td_cluster *c = res.c[0];
    assert_int_equal(c->n_docs, 5);
    const char *titles[] = {
        "North Korea Denies Involvement In Sony Hack, Asks U.S. For Evidence",
        NULL, /* 02.txt starts with a time stamp, then page furniture */
        "North Korea Rejects Involvement Claims In Sony Hack",
        "North Korea denies any involvement in Sony Pictures hack, proposes joint investigation with US",
        "North Korea Denies Involvement In Sony's Hack Attack",
    };
    for (size_t i = 0; i < 5; i++) {
        char name[600];
        snprintf(name, sizeof name, "%s/0%zu.txt", path, i + 1);
        assert_string_equal(c->docs[i].name, name);
        if (titles[i]) assert_string_equal(c->docs[i].title, titles[i]);
        else assert_null(c->docs[i].title);
        if (titles[i]) assert_true(strncmp(c->docs[i].text, titles[i], strlen(titles[i])) == 0);
    }
    result_free(&res);
}

static void test_shared_stories(void **state)
{
    (void)state;
    const char *dir = shared_dir();
    if (!dir) skip();
    char path[512];
    snprintf(path, sizeof path, "%s/data/stories-dev/articles.jsonl", dir);
    result res;
    read_one(path, TD_FORMAT_AUTO, &res);
    assert_int_equal(res.last, 0);
    assert_int_equal(res.n, 1);
    assert_int_equal(res.c[0]->n_docs, 863);
    assert_string_equal(res.c[0]->docs[0].name, "XIE19960221.0147");
    assert_string_equal(res.c[0]->docs[0].source, "XIE");
    assert_string_equal(res.c[0]->docs[0].date, "1996-02-21");
    result_free(&res);
}


/* ------------------------------------------------------------ web pages and gzip */

static void test_html_pages(void **state)
{
    (void)state;
    assert_int_equal(ingest_detect("<!DOCTYPE html><html><body>", 27), TD_FORMAT_HTML);
    assert_int_equal(ingest_detect("  <html lang=\"en\"><p>x</p></html>", 34), TD_FORMAT_HTML);
    assert_int_equal(ingest_detect("<?xml version=\"1.0\"?>\n<html><body>x", 38), TD_FORMAT_HTML);
    assert_int_equal(ingest_detect("<DOC>\n<DOCNO> X </DOCNO>", 24), TD_FORMAT_SGML);
    assert_int_equal(ingest_detect("<b>bold</b> is not a page", 25), TD_FORMAT_TEXT);
    result res;
    read_one("tests/data/html/article.html", TD_FORMAT_AUTO, &res);
    assert_int_equal(res.last, 0);
    assert_int_equal(res.n, 1);
    const td_document *d = &res.c[0]->docs[0];
    assert_string_equal(d->name, "tests/data/html/article.html");
    assert_non_null(d->title);
    assert_non_null(strstr(d->text, "first buses crossed it"));
    assert_null(strstr(d->text, "<p>"));
    result_free(&res);
    /* a page in UTF-16 (with its byte-order mark) is a page, not binary data */
    read_one("tests/data/html/utf16.html", TD_FORMAT_AUTO, &res);
    assert_int_equal(res.last, 0);
    assert_true(td_utf8_valid(res.c[0]->docs[0].text, res.c[0]->docs[0].text_len, NULL));
    result_free(&res);
    const char *empty = tmp_text("empty.html", "<!DOCTYPE html><html><head><title>x</title></head><body></body></html>");
    const char *msg = fails(empty, TD_FORMAT_AUTO, TD_ERR_INPUT, &res);
    assert_non_null(strstr(msg, "empty.html"));
}

/* Writes data gzip-compressed to a temporary file. */
static const char *tmp_gzip(const char *name, const char *data, size_t len)
{
    const char *path = tmp_file(name, "", 0);
    gzFile gz = gzopen(path, "wb");
    assert_non_null(gz);
    assert_int_equal(gzwrite(gz, data, (unsigned)len), (int)len);
    assert_int_equal(gzclose(gz), Z_OK);
    return path;
}

static void test_gzip_inputs(void **state)
{
    (void)state;
    const char *text = "Bridge closed\n\nThe harbour bridge closed on Tuesday after inspectors found cracks.\n";
    result res;
    read_one(tmp_gzip("story.txt.gz", text, strlen(text)), TD_FORMAT_AUTO, &res);
    assert_int_equal(res.last, 0);
    /* the same article as uncompressed: text whole (trailing white space trimmed), title guessed */
    assert_int_equal(strncmp(res.c[0]->docs[0].text, text, strlen(text) - 1), 0);
    assert_string_equal(res.c[0]->docs[0].title, "Bridge closed");
    result_free(&res);
    const char *page = "<html><head><title>Ferry</title></head><body><article><p>The ferry ran every fifteen "
                       "minutes between the quay and the point while the bridge was closed for repairs.</p>"
                       "</article></body></html>";
    read_one(tmp_gzip("page.html.gz", page, strlen(page)), TD_FORMAT_AUTO, &res);
    assert_int_equal(res.last, 0);
    assert_non_null(strstr(res.c[0]->docs[0].text, "every fifteen minutes"));
    result_free(&res);
    /* a gzip header followed by garbage */
    const char *bad = tmp_file("bad.gz", "\x1f\x8b\x08\x00garbage, not deflate data at all", 37);
    const char *msg = fails(bad, TD_FORMAT_AUTO, TD_ERR_INPUT, &res);
    assert_non_null(strstr(msg, "bad.gz"));
    assert_non_null(strstr(msg, "gzip"));
}

/* A page read from its file alone, plain or gzip-compressed: the same article as from its bytes. */
static void test_page_files(void **state)
{
    (void)state;
    size_t len = 0;
    char *html = read_test_file("tests/data/html/article.html", &len);
    assert_non_null(html);
    td_error err = {0};
    td_article *want = td_extract_html(html, len, "article.html", &err);
    assert_non_null(want);
    td_article *plain = td_extract_html_file("tests/data/html/article.html", &err);
    td_article *packed = td_extract_html_file(tmp_gzip("article.html.gz", html, len), &err);
    free(html);
    assert_non_null(plain);
    assert_non_null(packed);
    assert_string_equal(plain->text, want->text);
    assert_string_equal(packed->text, want->text);
    assert_string_equal(packed->title, "Harbour bridge reopens after repairs");
    assert_non_null(strstr(packed->text, "The old harbour bridge reopened to traffic on Monday morning"));
    td_article_free(want);
    td_article_free(plain);
    td_article_free(packed);
    assert_null(td_extract_html_file("tests/data/html/no-such-page.html", &err));
    assert_int_equal(err.code, TD_ERR_IO);
    assert_string_equal(err.message, "tests/data/html/no-such-page.html: No such file or directory");
    const char *bad = tmp_file("bad-page.html.gz", "\x1f\x8b\x08\x00garbage, not deflate data at all", 37);
    assert_null(td_extract_html_file(bad, &err));
    assert_int_equal(err.code, TD_ERR_INPUT);
    assert_non_null(strstr(err.message, "bad-page.html.gz"));
    const char *empty = tmp_text("nothing.html", "<!DOCTYPE html><html><head><title>x</title></head><body></body></html>");
    assert_null(td_extract_html_file(empty, &err));
    assert_non_null(strstr(err.message, "nothing.html: no main text found"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cluster_add_copies),
        cmocka_unit_test(test_format_names),
        cmocka_unit_test(test_detect),
        cmocka_unit_test(test_title_guess),
        cmocka_unit_test(test_text_folder),
        cmocka_unit_test(test_sgml),
        cmocka_unit_test(test_multinews),
        cmocka_unit_test(test_jsonl_articles),
        cmocka_unit_test(test_jsonl_clusters),
        cmocka_unit_test(test_folder_of_folders),
        cmocka_unit_test(test_mixed_inputs_pool),
        cmocka_unit_test(test_groups_order),
        cmocka_unit_test(test_sgml_variants),
        cmocka_unit_test(test_forced_format),
        cmocka_unit_test(test_stdin),
        cmocka_unit_test(test_line_ends_and_bom),
        cmocka_unit_test(test_missing_and_empty),
        cmocka_unit_test(test_binary),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_long_line),
        cmocka_unit_test(test_bad_folders),
        cmocka_unit_test(test_bad_sgml),
        cmocka_unit_test(test_bad_jsonl),
        cmocka_unit_test(test_html_pages),
        cmocka_unit_test(test_gzip_inputs),
        cmocka_unit_test(test_page_files),
        cmocka_unit_test(test_shared_multinews),
        cmocka_unit_test(test_shared_duc),
        cmocka_unit_test(test_shared_sony),
        cmocka_unit_test(test_shared_stories),
    };
    return cmocka_run_group_tests(tests, tmp_setup, tmp_teardown);
}

/* rouge_wordnet.c — WordNet's exception lists, which ROUGE-1.5.5.pl consults before its Porter stemmer
 * (-m): read at run time from Debian's wordnet-base (/usr/share/wordnet/{adv,noun,verb,adj}.exc).
 * ROUGE ships them as a database built from WordNet 2.0, which no distribution packages any more;
 * WordNet 3.0's lists are read the same way. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/buf.h"
#include "common/error.h"
#include "eval/rouge.h"

/* Where wordnet-base installs the lists. */
#define WORDNET_DIR "/usr/share/wordnet"

/* ROUGE-1.5.5 builds its WordNet-2.0.exc.db from these files in turn, a later file or line replacing
 * the base of a form seen before: in name order, but adj.exc last, since ROUGE's data maps "best"
 * and "better" to "good" (adj.exc), not to "well" (adv.exc). verb.exc after noun.exc keeps
 * "testes" as it is (verb.exc) rather than "testis" (noun.exc). */
static const char *const list_names[] = {"adv.exc", "noun.exc", "verb.exc", "adj.exc"};

void rouge_exceptions_init(rouge_exceptions *ex)
{
    memset(ex, 0, sizeof *ex);
    strmap_init(&ex->forms);
}

void rouge_exceptions_free(rouge_exceptions *ex)
{
    strmap_free(&ex->forms);
    vec_free(&ex->bases);
    for (size_t i = 0; i < ex->files.len; i++) free(ex->files.items[i]);
    vec_free(&ex->files);
    memset(ex, 0, sizeof *ex);
}

/* True for a form ROUGE can look up: its tokens are runs of [a-z0-9], and only those longer than 3
 * characters are looked up. */
static bool may_be_looked_up(const char *s, size_t len)
{
    if (len <= 3) return false;
    for (size_t i = 0; i < len; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9'))) return false;
    return true;
}

static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* Adds form -> base (which stays in the file's text), replacing an earlier base of the form. False
 * when out of memory. */
static bool put(rouge_exceptions *ex, const char *form, size_t form_len, const char *base, size_t base_len)
{
    bool added;
    uint32_t f = strmap_intern(&ex->forms, form, form_len, &added);
    if (f == STRMAP_NONE) return false;
    struct rouge_base b = {base, base_len};
    if (!added) {
        ex->bases.items[f] = b;
        return true;
    }
    return vec_push(&ex->bases, b);
}

/* Reads the lines "form base [other bases]" of one list (the first base counts, as in ROUGE's
 * database); each base is cut out of the text with a NUL. */
static td_status parse(rouge_exceptions *ex, const char *path, char *text, size_t len, td_error *err)
{
    char *p = text, *end = text + len;
    for (size_t line_no = 1; p < end; line_no++) {
        char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        while (p < eol && is_blank(*p)) p++;
        if (p < eol) {
            const char *form = p;
            while (p < eol && !is_blank(*p)) p++;
            size_t form_len = (size_t)(p - form);
            while (p < eol && is_blank(*p)) p++;
            char *base = p;
            while (p < eol && !is_blank(*p)) p++;
            if (p == base)
                return error_set(err, TD_ERR_INPUT, "%s: line %zu: '%.*s' has no base form", path, line_no,
                                 (int)(form_len < 64 ? form_len : 64), form);
            *p = '\0'; /* a blank, the newline, or the NUL after the text */
            if (may_be_looked_up(form, form_len) && !put(ex, form, form_len, base, (size_t)(p - base)))
                return error_nomem(err);
        }
        p = eol + 1;
    }
    return TD_OK;
}

static td_status load_file(rouge_exceptions *ex, const char *path, td_error *err)
{
    char *text;
    size_t len;
    td_status st = td_rouge_read_file(path, &text, &len, err);
    if (st == TD_ERR_IO && err && access(path, F_OK) != 0 && errno == ENOENT) {
        size_t n = strlen(err->message);
        snprintf(err->message + n, sizeof err->message - n, " (install wordnet-base)");
    }
    if (st) return st;
    if (!vec_push(&ex->files, text)) {
        free(text);
        return error_nomem(err);
    }
    return parse(ex, path, text, len, err);
}

td_status rouge_exceptions_load(rouge_exceptions *ex, const char *dir, td_error *err)
{
    if (!dir || !*dir) dir = getenv("TIDINGS_WORDNET_DIR");
    if (!dir || !*dir) dir = WORDNET_DIR;
    const char *sep = dir[strlen(dir) - 1] == '/' ? "" : "/";
    td_status st = TD_OK;
    for (size_t i = 0; !st && i < sizeof list_names / sizeof list_names[0]; i++) {
        buf path = {0};
        st = buf_printf(&path, "%s%s%s", dir, sep, list_names[i]) ? load_file(ex, path.data, err) : error_nomem(err);
        buf_free(&path);
    }
    return st;
}

const char *rouge_exception(const rouge_exceptions *ex, const char *word, size_t len, size_t *base_len)
{
    uint32_t f = strmap_find(&ex->forms, word, len);
    if (f == STRMAP_NONE) return NULL;
    *base_len = ex->bases.items[f].len;
    return ex->bases.items[f].text;
}

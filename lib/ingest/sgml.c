/* sgml.c — TREC/DUC SGML input: <DOC>s with DOCNO (the name), HEADLINE (the title), DATE or
 * DATE_TIME and TEXT. The text keeps its line structure exactly (the sentence splitter reads the
 * hard wraps and indents); <P> tags become paragraph breaks, other tags go, and entities are
 * decoded, unknown ones (DUC's &Cx1f; &QL; ...) dropped. <ANNOTATION>s (editors' notes such as
 * "STORY CAN END HERE") are dropped with their content. Without DOCNO, the id attribute of
 * <DOC id="..."> (AQUAINT-2) names the article, else "<file>#<k>". */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/error.h"
#include "ingest/ingest.h"

enum {
    TAG_MAX = 256,   /* longest tag, attributes included */
    ENTITY_MAX = 12, /* longest entity name */
};

/* A tag in the text: <name ...> or </name>. */
typedef struct tag {
    size_t start;    /* offset of '<' */
    size_t end;      /* offset after '>' */
    size_t name;     /* offset of the name */
    size_t name_len; /* bytes in the name */
    bool closing;    /* </name> */
} tag;

static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static bool is_name_char(char c) { return is_alpha(c) || (c >= '0' && c <= '9') || c == '_' || c == '-'; }

/* Reads the tag at s[i] == '<' in [i, end); false when it is not a tag (e.g. "a < b"). */
static bool parse_tag(const char *s, size_t i, size_t end, tag *t)
{
    size_t j = i + 1;
    t->start = i;
    t->closing = j < end && s[j] == '/';
    if (t->closing) j++;
    if (j >= end || !is_alpha(s[j])) return false;
    t->name = j;
    while (j < end && is_name_char(s[j])) j++;
    t->name_len = j - t->name;
    size_t limit = end - i > TAG_MAX ? i + TAG_MAX : end;
    while (j < limit && s[j] != '>' && s[j] != '<' && s[j] != '\n') j++;
    if (j >= limit || s[j] != '>') return false;
    t->end = j + 1;
    return true;
}

static bool tag_is(const char *s, const tag *t, const char *name)
{
    size_t n = strlen(name);
    return t->name_len == n && strncasecmp(s + t->name, name, n) == 0;
}

/* Finds the next tag in [i, end) that is (closing or opening) `name`; false when there is none. */
static bool find_tag(const char *s, size_t i, size_t end, const char *name, bool closing, tag *t)
{
    while (i < end) {
        const char *lt = memchr(s + i, '<', end - i);
        if (!lt) return false;
        i = (size_t)(lt - s);
        if (parse_tag(s, i, end, t) && t->closing == closing && tag_is(s, t, name)) return true;
        i++;
    }
    return false;
}

/* An element <name>…</name> found in [i, end): 1 with its content in [*a, *b) and *after past it,
 * 0 when there is none, -1 when it is opened at *a but not closed. */
static int find_element(const char *s, size_t i, size_t end, const char *name, size_t *a, size_t *b,
                        size_t *after, tag *open_tag)
{
    tag open, close;
    if (!find_tag(s, i, end, name, false, &open)) return 0;
    if (open_tag) *open_tag = open;
    *a = open.start;
    if (!find_tag(s, open.end, end, name, true, &close)) return -1;
    *a = open.end;
    *b = close.start;
    *after = close.end;
    return 1;
}

/* Appends code point cp as UTF-8. */
static bool put_utf8(buf *out, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp, n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xc0 | (cp >> 6)), u[1] = (char)(0x80 | (cp & 0x3f)), n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xe0 | (cp >> 12)), u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        u[2] = (char)(0x80 | (cp & 0x3f)), n = 3;
    } else {
        u[0] = (char)(0xf0 | (cp >> 18)), u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3f)), u[3] = (char)(0x80 | (cp & 0x3f)), n = 4;
    }
    return buf_append(out, u, n);
}

/* Decodes the entity at s[i] == '&': returns the bytes it spans (0 when it is no entity, as in
 * "AT&T"); *ok false when out of memory. Known entities are appended, unknown ones dropped. */
static size_t entity(const char *s, size_t i, size_t end, buf *out, bool *ok)
{
    static const struct {
        const char *name;
        const char *text;
    } known[] = {{"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}};
    size_t j = i + 1;
    while (j < end && j - i <= ENTITY_MAX && (is_name_char(s[j]) || (j == i + 1 && s[j] == '#'))) j++;
    if (j >= end || s[j] != ';' || j == i + 1) return 0;
    const char *name = s + i + 1;
    size_t n = j - i - 1;
    *ok = true;
    if (name[0] == '#') {
        bool hex = n > 1 && (name[1] == 'x' || name[1] == 'X');
        uint32_t cp = 0;
        size_t k = hex ? 2 : 1;
        if (k == n) return 0;
        for (; k < n; k++) {
            char c = name[k];
            unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0')
                         : hex && c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
                         : hex && c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
                                                        : 99;
            if (d == 99) return 0;
            cp = cp * (hex ? 16 : 10) + d;
            if (cp > 0x10ffff) return j + 1 - i; /* out of range: dropped */
        }
        bool control = (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7f && cp < 0xa0);
        if (!control && !(cp >= 0xd800 && cp <= 0xdfff)) *ok = put_utf8(out, cp);
        return j + 1 - i;
    }
    for (size_t k = 0; k < sizeof known / sizeof *known; k++) {
        if (strlen(known[k].name) == n && strncasecmp(name, known[k].name, n) == 0) {
            *ok = buf_puts(out, known[k].text);
            break;
        }
    }
    return j + 1 - i;
}

/* Ends the paragraph in out: trailing blanks go, and out ends in a blank line (unless empty). */
static bool paragraph_break(buf *out)
{
    if (!out->data) return true;
    while (out->len && (out->data[out->len - 1] == ' ' || out->data[out->len - 1] == '\t')) out->len--;
    out->data[out->len] = '\0';
    if (out->len == 0) return true;
    if (out->data[out->len - 1] != '\n' && !buf_putc(out, '\n')) return false;
    if (out->len < 2 || out->data[out->len - 2] != '\n') return buf_putc(out, '\n');
    return true;
}

/* When out's current line holds only blanks and s has only blanks up to its next line end
 * after i, drops both (a line that held nothing but markup vanishes); returns the new i. */
static size_t drop_markup_line(buf *out, const char *s, size_t i, size_t end)
{
    size_t line = out->len;
    while (line && (out->data[line - 1] == ' ' || out->data[line - 1] == '\t')) line--;
    if (line && out->data[line - 1] != '\n') return i;
    size_t j = i;
    while (j < end && (s[j] == ' ' || s[j] == '\t')) j++;
    if (j < end && s[j] != '\n') return i;
    out->len = line;
    if (out->data) out->data[line] = '\0';
    return j < end ? j + 1 : j;
}

/* Appends the cleaned content of [i, end) to out: entities decoded and, in a block (TEXT), tags
 * removed with <P> as paragraph breaks; inline (DOCNO, HEADLINE, DATE), tags become spaces. */
static bool clean(const char *s, size_t i, size_t end, bool block, buf *out)
{
    size_t run = i;
    while (i < end) {
        const char *hit = s + i;
        while (hit < s + end && *hit != '<' && *hit != '&') hit++;
        i = (size_t)(hit - s);
        if (!buf_append(out, s + run, i - run)) return false;
        if (i == end) return true;
        tag t;
        if (s[i] == '&') {
            bool ok = true;
            size_t n = entity(s, i, end, out, &ok);
            if (!ok) return false;
            if (n == 0 && !buf_putc(out, '&')) return false;
            i += n ? n : 1;
        } else if (!parse_tag(s, i, end, &t)) {
            if (!buf_putc(out, '<')) return false;
            i++;
        } else if (!block) {
            if (!buf_putc(out, ' ')) return false;
            i = t.end;
        } else if (tag_is(s, &t, "P")) {
            if (!paragraph_break(out)) return false;
            i = t.end;
            while (i < end && (s[i] == ' ' || s[i] == '\t')) i++;
            if (i < end && s[i] == '\n') i++;
        } else {
            size_t a, b, after;
            i = t.end;
            if (!t.closing && tag_is(s, &t, "ANNOTATION") &&
                find_element(s, t.start, end, "ANNOTATION", &a, &b, &after, NULL) == 1)
                i = after;
            i = drop_markup_line(out, s, i, end);
        }
        run = i;
    }
    return buf_append(out, s + run, i - run);
}

/* Cleaned, collapsed content of the first element `name` in [a, b), or NULL when absent or blank;
 * *ok false when out of memory. Uses scratch, returns a copy to free(). */
static char *field(const char *s, size_t a, size_t b, const char *name, buf *scratch, bool *ok)
{
    size_t ca, cb, after;
    *ok = true;
    if (find_element(s, a, b, name, &ca, &cb, &after, NULL) != 1) return NULL;
    buf_clear(scratch);
    buf flat = {0};
    if (!clean(s, ca, cb, false, scratch) ||
        !ingest_collapse(&flat, scratch->data ? scratch->data : "", scratch->len)) {
        buf_free(&flat);
        *ok = false;
        return NULL;
    }
    if (flat.len == 0) {
        buf_free(&flat);
        return NULL;
    }
    return buf_take(&flat);
}

/* The value of the id="..." attribute of a tag (<DOC id="..."> in AQUAINT-2), or NULL; *ok false
 * when out of memory. */
static char *id_attribute(const char *s, const tag *t, bool *ok)
{
    *ok = true;
    for (size_t i = t->name + t->name_len; i + 4 < t->end; i++) {
        if (!ingest_space(s[i]) || strncasecmp(s + i + 1, "id=", 3) != 0) continue;
        char quote = s[i + 4];
        if (quote != '"' && quote != '\'') return NULL;
        const char *v = s + i + 5, *close = memchr(v, quote, (size_t)(s + t->end - v));
        if (!close || close == v) return NULL;
        buf out = {0};
        if (!ingest_collapse(&out, v, (size_t)(close - v))) {
            buf_free(&out);
            *ok = false;
            return NULL;
        }
        return buf_take(&out);
    }
    return NULL;
}

/* Reads the DOC opened by `open` and whose content ends at b (the k-th of the file) into c. */
static td_status read_doc(const ingest_file *f, const tag *open, size_t b, size_t k, td_cluster *c, buf *scratch,
                          td_error *err)
{
    const char *s = f->text;
    size_t a = open->end;
    bool ok1, ok2, ok3, ok4 = true;
    char *docno = field(s, a, b, "DOCNO", scratch, &ok1);
    if (!docno && ok1) docno = id_attribute(s, open, &ok1);
    char *title = field(s, a, b, "HEADLINE", scratch, &ok2);
    char *date = field(s, a, b, "DATE", scratch, &ok3);
    if (!date && ok3) date = field(s, a, b, "DATE_TIME", scratch, &ok4);
    char fallback[64];
    snprintf(fallback, sizeof fallback, "DOC %zu", k);
    const char *label = docno ? docno : fallback;
    buf body = {0};
    td_status st = TD_OK;
    if (!ok1 || !ok2 || !ok3 || !ok4) st = error_nomem(err);
    size_t i = a, ta, tb, after;
    int found = 0, r;
    while (st == TD_OK && (r = find_element(s, i, b, "TEXT", &ta, &tb, &after, NULL)) != 0) {
        if (r < 0) {
            st = error_set(err, TD_ERR_INPUT, "%s: <TEXT> at line %zu (%s) is not closed", f->path,
                           ingest_line_of(s, ta), label);
            break;
        }
        if ((found++ && !paragraph_break(&body)) || !clean(s, ta, tb, true, &body)) st = error_nomem(err);
        i = after;
    }
    size_t start = 0, end = body.len;
    if (body.data) ingest_trim_text(body.data, &start, &end);
    if (st == TD_OK && !found) st = error_set(err, TD_ERR_INPUT, "%s: %s has no <TEXT>", f->path, label);
    if (st == TD_OK && start == end)
        st = error_set(err, TD_ERR_INPUT, "%s: %s has an empty <TEXT>", f->path, label);
    if (st == TD_OK) {
        char *name = docno;
        if (!name && !(name = malloc(strlen(f->path) + 32))) st = error_nomem(err);
        if (name && !docno) sprintf(name, "%s#%zu", f->path, k);
        td_document d = {
            .name = name, .title = title, .date = date, .text = body.data + start, .text_len = end - start};
        if (st == TD_OK && td_cluster_add(c, &d) != TD_OK) st = error_nomem(err);
        if (name != docno) free(name);
    }
    buf_free(&body);
    free(docno);
    free(title);
    free(date);
    return st;
}

td_status sgml_read(const ingest_file *f, td_cluster *c, td_error *err)
{
    const char *s = f->text;
    size_t i = 0, k = 0, a, b, after;
    buf scratch = {0};
    td_status st = TD_OK;
    int r;
    tag open;
    while (st == TD_OK && (r = find_element(s, i, f->len, "DOC", &a, &b, &after, &open)) != 0) {
        if (r < 0) {
            st = error_set(err, TD_ERR_INPUT, "%s: <DOC> at line %zu is not closed", f->path,
                           ingest_line_of(s, a));
            break;
        }
        st = read_doc(f, &open, b, ++k, c, &scratch, err);
        i = after;
    }
    buf_free(&scratch);
    if (st == TD_OK && k == 0) st = error_set(err, TD_ERR_INPUT, "%s: no <DOC> found", f->path);
    return st;
}

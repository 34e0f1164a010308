/* rouge_cases.c — the cases of a ROUGE run (a system summary and its references, as paths): from
 * files named one by one, a pairs file, or a system folder beside a reference folder; and the
 * scoring of one case from its files. */
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "common/vec.h"
#include "ingest/folder.h"
#include "tidings.h"

typedef VEC(td_rouge_case) case_vec;

static void free_case(td_rouge_case *c)
{
    free(c->id);
    free(c->system);
    for (size_t i = 0; c->refs && i < c->n_refs; i++) free(c->refs[i]);
    free(c->refs);
}

void td_rouge_cases_free(td_rouge_cases *cases)
{
    if (!cases) return;
    for (size_t i = 0; i < cases->n; i++) free_case(&cases->items[i]);
    free(cases->items);
    free(cases);
}

static void free_vec(case_vec *v)
{
    for (size_t i = 0; i < v->len; i++) free_case(&v->items[i]);
    vec_free(v);
}

/* Hands the cases over as a td_rouge_cases; NULL when out of memory (they are freed). */
static td_rouge_cases *finish(case_vec *v, td_error *err)
{
    td_rouge_cases *cs = malloc(sizeof *cs);
    if (!cs) {
        free_vec(v);
        error_nomem(err);
        return NULL;
    }
    *cs = (td_rouge_cases){v->items, v->len};
    return cs;
}

/* Adds a case; the strings are copied (id_len bytes of id). TD_ERR_NOMEM is the only error. */
static td_status add_case(case_vec *v, const char *id, size_t id_len, const char *system, const char *const *refs,
                          size_t n_refs, td_error *err)
{
    td_rouge_case c = {strndup(id, id_len), strdup(system), calloc(n_refs ? n_refs : 1, sizeof(char *)), n_refs};
    bool ok = c.id && c.system && c.refs;
    for (size_t i = 0; ok && i < n_refs; i++) ok = (c.refs[i] = strdup(refs[i])) != NULL;
    if (ok && vec_push(v, c)) return TD_OK;
    free_case(&c);
    return error_nomem(err);
}

/* Length of a name without its ".txt" ending; 0 when it has none (or nothing before it). */
static size_t txt_stem(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && !strcmp(name + n - 4, ".txt") ? n - 4 : 0;
}

td_rouge_cases *td_rouge_cases_from_files(const char *system, const char *const *refs, size_t n_refs, td_error *err)
{
    if (!n_refs) {
        error_set(err, TD_ERR_USAGE, "%s: no reference summary", system);
        return NULL;
    }
    const char *base = strrchr(system, '/');
    base = base ? base + 1 : system;
    size_t n = txt_stem(base);
    case_vec v = {0};
    if (add_case(&v, base, n ? n : strlen(base), system, refs, n_refs, err)) return NULL;
    return finish(&v, err);
}

td_rouge_cases *td_rouge_cases_from_pairs(const char *path, td_error *err)
{
    char *text;
    size_t len;
    if (td_rouge_read_file(path, &text, &len, err)) return NULL;
    case_vec v = {0};
    td_status st = TD_OK;
    size_t line_no = 0;
    for (char *line = text; st == TD_OK && line && *line;) {
        char *next = strchr(line, '\n');
        if (next) *next++ = '\0';
        line_no++;
        size_t n = strlen(line);
        if (n && line[n - 1] == '\r') line[--n] = '\0';
        if (n && line[0] != '#') {
            VEC(const char *) fields = {0};
            for (char *f = line; f && st == TD_OK;) {
                char *tab = strchr(f, '\t');
                if (tab) *tab++ = '\0';
                if (!vec_push(&fields, f)) st = error_nomem(err);
                f = tab;
            }
            if (st == TD_OK && (fields.len < 3 || !*fields.items[0]))
                st = error_set(err, TD_ERR_INPUT, "%s: line %zu: expected ID<TAB>SYSTEM<TAB>REFERENCE...", path,
                               line_no);
            if (st == TD_OK)
                st = add_case(&v, fields.items[0], strlen(fields.items[0]), fields.items[1], fields.items + 2,
                              fields.len - 2, err);
            vec_free(&fields);
        }
        line = next;
    }
    free(text);
    if (st == TD_OK && !v.len) st = error_set(err, TD_ERR_INPUT, "%s: no cases", path);
    if (st != TD_OK) {
        free_vec(&v);
        return NULL;
    }
    return finish(&v, err);
}

/* The case of system file `name` of sys_dir: its references are the ID.*.txt files of refs. */
static td_status case_from_dirs(case_vec *v, const char *sys_dir, const char *name, const char *ref_dir,
                                const folder *refs, td_error *err)
{
    size_t id_len = txt_stem(name);
    VEC(char *) paths = {0};
    td_status st = TD_OK;
    for (size_t j = 0; st == TD_OK && j < refs->files.len; j++) {
        const char *r = refs->files.items[j];
        if (strncmp(r, name, id_len) || r[id_len] != '.' || txt_stem(r) <= id_len + 1) continue;
        char *p = folder_join(ref_dir, r);
        if (!p || !vec_push(&paths, p)) {
            free(p);
            st = error_nomem(err);
        }
    }
    char *system = folder_join(sys_dir, name);
    if (st == TD_OK && !system) st = error_nomem(err);
    if (st == TD_OK && !paths.len)
        st = error_set(err, TD_ERR_INPUT, "%s: no reference %.*s.*.txt for %s", ref_dir, (int)id_len, name, system);
    if (st == TD_OK) st = add_case(v, name, id_len, system, (const char *const *)paths.items, paths.len, err);
    free(system);
    for (size_t j = 0; j < paths.len; j++) free(paths.items[j]);
    vec_free(&paths);
    return st;
}

td_rouge_cases *td_rouge_cases_from_dirs(const char *system_dir, const char *reference_dir, td_error *err)
{
    folder sys, refs;
    if (folder_read(system_dir, &sys, err)) return NULL;
    if (folder_read(reference_dir, &refs, err)) {
        folder_free(&sys);
        return NULL;
    }
    case_vec v = {0};
    td_status st = TD_OK;
    for (size_t i = 0; st == TD_OK && i < sys.files.len; i++)
        if (txt_stem(sys.files.items[i]))
            st = case_from_dirs(&v, system_dir, sys.files.items[i], reference_dir, &refs, err);
    if (st == TD_OK && !v.len) st = error_set(err, TD_ERR_INPUT, "%s: no .txt files", system_dir);
    folder_free(&sys);
    folder_free(&refs);
    if (st != TD_OK) {
        free_vec(&v);
        return NULL;
    }
    return finish(&v, err);
}

td_status td_rouge_score_case(td_rouge_scorer *s, const td_rouge_case *c, td_rouge_score *scores, td_error *err)
{
    char **texts = calloc(c->n_refs + 1, sizeof *texts);
    size_t *lens = calloc(c->n_refs + 1, sizeof *lens);
    td_status st = texts && lens ? TD_OK : error_nomem(err);
    if (st == TD_OK) st = td_rouge_read_file(c->system, &texts[0], &lens[0], err);
    for (size_t i = 0; st == TD_OK && i < c->n_refs; i++)
        st = td_rouge_read_file(c->refs[i], &texts[i + 1], &lens[i + 1], err);
    if (st == TD_OK)
        st = td_rouge_score_texts(s, texts[0], lens[0], (const char *const *)texts + 1, lens + 1, c->n_refs, scores,
                                  err);
    for (size_t i = 0; texts && i <= c->n_refs; i++) free(texts[i]);
    free(texts);
    free(lens);
    return st;
}

/* sentences_eval.c — scores td_split_sentences on a sentences-dev style JSON Lines file under the
 * protocol of ../shared/data/sentences-dev/README.md: boundary precision, recall and F1 (positions
 * counted in non-white-space characters, micro-averaged) and the share of cases split exactly right,
 * by group and overall, and the errors by the kind of mark before them. Gold sentences are read only
 * to score. Usage: sentences_eval CASES.jsonl [--dump] [--only PREFIX]
 *   --dump         print every case with an error: its id, note, and each wrong boundary in context
 *   --only PREFIX  score only the cases whose id starts with PREFIX
 *   --half odd|even  score only every other case (odd or even line numbers), for a held-out check */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tidings.h"
#include "text/text.h"

enum { MAX_GROUPS = 64, N_CLASSES = 12 };

typedef struct tally {
    char name[64];
    size_t cases, exact, tp, fp, fn;
} tally;

/* The text without white space, and for each of its bytes the offset in the original text. */
typedef struct squeezed {
    char *s;
    size_t *at;
    size_t len;
} squeezed;

static squeezed squeeze(const char *t, size_t len)
{
    squeezed q = {malloc(len + 1), malloc((len + 1) * sizeof(size_t)), 0};
    if (!q.s || !q.at) {
        fprintf(stderr, "sentences_eval: out of memory\n");
        exit(1);
    }
    for (size_t i = 0; i < len;) {
        size_t w = text_space_len(t, len, i);
        if (w) {
            i += w;
            continue;
        }
        q.at[q.len] = i;
        q.s[q.len++] = t[i++];
    }
    q.at[q.len] = len;
    q.s[q.len] = '\0';
    return q;
}

static void squeezed_free(squeezed *q)
{
    free(q->s);
    free(q->at);
}

/* Every run of white space one space, the ends stripped (the protocol's normalisation). */
static char *normalise(const char *t) { return td_sentence_text(t, (td_span){0, strlen(t)}); }

/* Boundary positions of a list of sentences inside the squeezed text: each sentence is found
 * searching forward from the previous one's end; one not found advances by its own length. The end
 * of the text is not a boundary. Returns the count written to pos (at most n - 1). */
static size_t positions(const squeezed *text, char *const *sents, size_t n, bool search, size_t *pos)
{
    size_t at = 0, k = 0;
    for (size_t i = 0; i < n; i++) {
        squeezed q = squeeze(sents[i], strlen(sents[i]));
        const char *hit = search && q.len ? strstr(text->s + (at < text->len ? at : text->len), q.s) : NULL;
        at = hit ? (size_t)(hit - text->s) + q.len : at + q.len;
        squeezed_free(&q);
        if (i + 1 < n && at > 0 && at < text->len) pos[k++] = at;
    }
    return k;
}

static bool member(const size_t *set, size_t n, size_t x)
{
    for (size_t i = 0; i < n; i++)
        if (set[i] == x) return true;
    return false;
}

/* Kind of a boundary by what comes before it in the squeezed text. */
static const char *const class_names[N_CLASSES] = {
    "after . (abbreviation-like word)", "after . (number)", "after . (other word)", "after ? or !",
    "after a closing quote", "after a closing bracket", "after an ellipsis", "after : or ;",
    "after a letter or digit (line break)", "after other punctuation", "", ""};

static int boundary_class(const squeezed *t, size_t p)
{
    const char *s = t->s;
    size_t k = p;
    unsigned char c = (unsigned char)s[k - 1];
    if (c == '"' || c == '\'' || (k >= 3 && (unsigned char)s[k - 3] == 0xe2 && (c == 0x9d || c == 0x99))) return 4;
    if (c == ')' || c == ']') return 5;
    if ((k >= 3 && (unsigned char)s[k - 3] == 0xe2 && (unsigned char)s[k - 2] == 0x80 && c == 0xa6) ||
        (k >= 2 && c == '.' && s[k - 2] == '.'))
        return 6;
    if (c == '?' || c == '!') return 3;
    if (c == ':' || c == ';') return 7;
    if (c == '.') {
        size_t j = k - 1;
        if (j && s[j - 1] >= '0' && s[j - 1] <= '9') return 1;
        /* the word before, as far as the squeezed text lets us see: letters and inner dots */
        size_t w = j;
        while (w && (((s[w - 1] | 32) >= 'a' && (s[w - 1] | 32) <= 'z') || s[w - 1] == '.')) w--;
        size_t wl = j - w;
        if (wl && (memchr(s + w, '.', wl) || (wl <= 4 && s[w] >= 'A' && s[w] <= 'Z'))) return 0;
        return 2;
    }
    if ((c | 32) >= 'a' && (c | 32) <= 'z') return 8;
    if (c >= '0' && c <= '9') return 8;
    return 9;
}

/* Prints the original text around a boundary, the line breaks shown as ⏎. */
static void show_context(const char *text, size_t len, const squeezed *t, size_t p)
{
    size_t at = t->at[p - 1] + 1, from = at > 60 ? at - 60 : 0, to = at + 60 < len ? at + 60 : len;
    while (from > 0 && ((unsigned char)text[from] & 0xc0) == 0x80) from--;
    while (to < len && ((unsigned char)text[to] & 0xc0) == 0x80) to++;
    for (size_t i = from; i < to; i++) {
        if (i == at) fputs(" ‖ ", stdout);
        if (text[i] == '\n') fputs("⏎", stdout);
        else putchar(text[i]);
    }
    putchar('\n');
}

static void add(tally *t, size_t exact, size_t tp, size_t fp, size_t fn)
{
    t->cases++;
    t->exact += exact;
    t->tp += tp;
    t->fp += fp;
    t->fn += fn;
}

static void print_row(const tally *t)
{
    double p = t->tp + t->fp ? (double)t->tp / (double)(t->tp + t->fp) : 1;
    double r = t->tp + t->fn ? (double)t->tp / (double)(t->tp + t->fn) : 1;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    printf("| %s | %zu | %zu | %zu | %zu | %.3f | %.3f | **%.3f** | %zu/%zu (%.0f%%) |\n", t->name, t->tp + t->fn, t->tp, t->fp,
           t->fn, p, r, f, t->exact, t->cases, 100.0 * (double)t->exact / (double)t->cases);
}

int main(int argc, char **argv)
{
    const char *path = NULL, *only = "";
    bool dump = false;
    int half = -1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--dump")) dump = true;
        else if (!strcmp(argv[i], "--only") && i + 1 < argc) only = argv[++i];
        else if (!strcmp(argv[i], "--half") && i + 1 < argc) half = !strcmp(argv[++i], "odd");
        else path = argv[i];
    }
    if (!path) {
        fprintf(stderr, "usage: sentences_eval CASES.jsonl [--dump] [--only PREFIX] [--half odd|even]\n");
        return 2;
    }
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "sentences_eval: cannot open %s\n", path);
        return 1;
    }
    tally groups[MAX_GROUPS] = {0}, all = {.name = "**all**"};
    size_t n_groups = 0, class_fp[N_CLASSES] = {0}, class_fn[N_CLASSES] = {0};
    char *line = NULL;
    size_t cap = 0, line_no = 0;
    while (getline(&line, &cap, f) > 0) {
        line_no++;
        if (half >= 0 && (int)(line_no % 2) != half) continue;
        json_error_t jerr;
        json_t *c = json_loads(line, 0, &jerr);
        const char *id = c ? json_string_value(json_object_get(c, "id")) : NULL;
        const char *text = c ? json_string_value(json_object_get(c, "text")) : NULL;
        const char *note = c ? json_string_value(json_object_get(c, "note")) : NULL;
        json_t *gold = c ? json_object_get(c, "sentences") : NULL;
        if (!id || !text || !json_is_array(gold)) {
            fprintf(stderr, "sentences_eval: %s line %zu: not a case\n", path, line_no);
            return 1;
        }
        if (strncmp(id, only, strlen(only))) {
            json_decref(c);
            continue;
        }
        size_t len = strlen(text);
        td_span *sp;
        size_t n_pred;
        if (td_split_sentences(text, len, &sp, &n_pred) != TD_OK) {
            fprintf(stderr, "sentences_eval: out of memory\n");
            return 1;
        }
        size_t n_gold = json_array_size(gold);
        char **pred = malloc((n_pred + 1) * sizeof *pred), **want = malloc((n_gold + 1) * sizeof *want);
        for (size_t i = 0; i < n_pred; i++) pred[i] = td_sentence_text(text, sp[i]);
        for (size_t i = 0; i < n_gold; i++) want[i] = normalise(json_string_value(json_array_get(gold, i)));
        free(sp);

        squeezed t = squeeze(text, len);
        size_t *gp = malloc((n_gold + 1) * sizeof *gp), *pp = malloc((n_pred + 1) * sizeof *pp);
        size_t ng = positions(&t, want, n_gold, false, gp), np = positions(&t, pred, n_pred, true, pp);
        size_t tp = 0, fp = 0, fn = 0;
        for (size_t i = 0; i < np; i++) {
            if (member(gp, ng, pp[i])) tp++;
            else fp++, class_fp[boundary_class(&t, pp[i])]++;
        }
        for (size_t i = 0; i < ng; i++)
            if (!member(pp, np, gp[i])) fn++, class_fn[boundary_class(&t, gp[i])]++;
        bool exact = n_pred == n_gold;
        for (size_t i = 0; exact && i < n_pred; i++) exact = !strcmp(pred[i], want[i]);

        if (dump && !exact) {
            printf("== %s (%s): %zu false splits, %zu missed\n", id, note ? note : "", fp, fn);
            for (size_t i = 0; i < np; i++)
                if (!member(gp, ng, pp[i])) fputs("  split: ", stdout), show_context(text, len, &t, pp[i]);
            for (size_t i = 0; i < ng; i++)
                if (!member(pp, np, gp[i])) fputs("  MISSED: ", stdout), show_context(text, len, &t, gp[i]);
            if (!fp && !fn)
                for (size_t i = 0; i < n_pred || i < n_gold; i++)
                    if (i >= n_pred || i >= n_gold || strcmp(pred[i], want[i]))
                        printf("  got  [%s]\n  want [%s]\n", i < n_pred ? pred[i] : "", i < n_gold ? want[i] : "");
        }

        /* the group: the id up to its last '-' */
        const char *dash = strrchr(id, '-');
        size_t gl = dash ? (size_t)(dash - id) : strlen(id);
        size_t g = 0;
        while (g < n_groups && (strlen(groups[g].name) != gl || strncmp(groups[g].name, id, gl))) g++;
        if (g == n_groups && n_groups < MAX_GROUPS) snprintf(groups[n_groups++].name, sizeof groups[0].name, "%.*s", (int)gl, id);
        if (g < n_groups) add(&groups[g], exact, tp, fp, fn);
        add(&all, exact, tp, fp, fn);

        for (size_t i = 0; i < n_pred; i++) free(pred[i]);
        for (size_t i = 0; i < n_gold; i++) free(want[i]);
        free(pred);
        free(want);
        free(gp);
        free(pp);
        squeezed_free(&t);
        json_decref(c);
    }
    free(line);
    fclose(f);

    printf("\n| group | boundaries | TP | FP | FN | precision | recall | F1 | exact cases |\n|---|---|---|---|---|---|---|---|---|\n");
    for (size_t g = 0; g < n_groups; g++) print_row(&groups[g]);
    print_row(&all);
    printf("\n| errors by what comes before the boundary | false splits (FP) | missed (FN) |\n|---|---|---|\n");
    for (int k = 0; k < N_CLASSES; k++)
        if (class_fp[k] || class_fn[k]) printf("| %s | %zu | %zu |\n", class_names[k], class_fp[k], class_fn[k]);
    return 0;
}

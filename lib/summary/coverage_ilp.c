/* coverage_ilp.c — the concept-coverage problem solved exactly with GLPK's branch and bound
 * (Gillick & Favre 2009): choose sentences x_i and covered concepts y_c to maximise Σ w_c y_c
 * subject to the budget and y_c ≤ Σ_{i ∋ c} x_i, over a small candidate set, starting from the
 * greedy choice and stopping after a fixed number of branch-and-bound nodes. */
#include "summary/coverage_ilp.h"

#include <glpk.h>
#include <stdlib.h>
#include <string.h>

typedef struct search {
    const double *start; /* the greedy solution, columns 1..n, offered once as the first incumbent */
    bool offered;
    int nodes;     /* subproblems taken up so far */
    int max_nodes; /* stop past this */
} search;

static void on_event(glp_tree *tree, void *info)
{
    search *s = info;
    switch (glp_ios_reason(tree)) {
    case GLP_IHEUR:
        if (!s->offered) {
            s->offered = true;
            glp_ios_heur_sol(tree, s->start);
        }
        break;
    case GLP_IPREPRO: /* once for every subproblem, before its LP is solved */
        if (++s->nodes > s->max_nodes) glp_ios_terminate(tree);
        break;
    default:
        break;
    }
}

bool coverage_ilp(const model *m, const double *weight, const budget *limit, const uint32_t *candidates,
                  size_t n_cand, int max_nodes, index_list *chosen, bool *improved)
{
    *improved = false;
    if (!n_cand) return true;
    /* concept column of every concept the candidates hold, 0 for the others */
    int *column = calloc(m->n_concepts ? m->n_concepts : 1, sizeof *column);
    bool *in_start = calloc(m->sents.len ? m->sents.len : 1, sizeof *in_start);
    size_t nnz = 0;
    for (size_t k = 0; k < n_cand; k++) nnz += m->sents.items[candidates[k]].n_concepts;
    /* entries: 3 budget rows and its concepts per candidate, 1 per concept column; 1-based */
    size_t n_entries = 2 * nnz + 3 * n_cand + 1;
    int *ia = malloc(n_entries * sizeof *ia);
    int *ja = malloc(n_entries * sizeof *ja);
    double *ar = malloc(n_entries * sizeof *ar);
    double *start = NULL;
    bool ok = column && in_start && ia && ja && ar;
    glp_prob *lp = NULL;
    if (!ok) goto done;
    for (size_t k = 0; k < chosen->len; k++) in_start[chosen->items[k]] = true;

    int n_y = 0;
    for (size_t k = 0; k < n_cand; k++) {
        const sentence *s = &m->sents.items[candidates[k]];
        const uint32_t *c = sentence_concepts(m, s);
        for (size_t j = 0; j < s->n_concepts; j++)
            if (!column[c[j]] && weight[c[j]] > 0) column[c[j]] = (int)n_cand + ++n_y;
    }
    int n_cols = (int)n_cand + n_y;
    if (!(start = calloc((size_t)n_cols + 1, sizeof *start))) {
        ok = false;
        goto done;
    }
    glp_term_out(GLP_OFF);
    lp = glp_create_prob();
    glp_set_obj_dir(lp, GLP_MAX);
    glp_add_cols(lp, n_cols);
    for (int j = 1; j <= n_cols; j++) glp_set_col_kind(lp, j, GLP_BV);
    /* rows: words, bytes, sentences (those limited), then one per concept */
    int n_rows = 0, row_words = 0, row_bytes = 0, row_sents = 0;
    if (limit->words) row_words = ++n_rows;
    if (limit->bytes) row_bytes = ++n_rows;
    if (limit->sentences) row_sents = ++n_rows;
    int first_concept_row = n_rows + 1;
    glp_add_rows(lp, n_rows + n_y);
    if (row_words) glp_set_row_bnds(lp, row_words, GLP_UP, 0, (double)limit->words);
    if (row_bytes) glp_set_row_bnds(lp, row_bytes, GLP_UP, 0, (double)limit->bytes + 1); /* +1: a space per sentence */
    if (row_sents) glp_set_row_bnds(lp, row_sents, GLP_UP, 0, (double)limit->sentences);
    for (int r = first_concept_row; r < first_concept_row + n_y; r++) glp_set_row_bnds(lp, r, GLP_UP, 0, 0);
    size_t e = 0;
    for (size_t k = 0; k < n_cand; k++) {
        const sentence *s = &m->sents.items[candidates[k]];
        int x = (int)k + 1;
        if (row_words) ++e, ia[e] = row_words, ja[e] = x, ar[e] = s->words;
        if (row_bytes) ++e, ia[e] = row_bytes, ja[e] = x, ar[e] = s->bytes + 1.0;
        if (row_sents) ++e, ia[e] = row_sents, ja[e] = x, ar[e] = 1;
        const uint32_t *c = sentence_concepts(m, s);
        for (size_t j = 0; j < s->n_concepts; j++) {
            if (!column[c[j]]) continue;
            ++e, ia[e] = first_concept_row + column[c[j]] - (int)n_cand - 1, ja[e] = x, ar[e] = -1;
        }
        if (in_start[candidates[k]]) {
            start[x] = 1;
            for (size_t j = 0; j < s->n_concepts; j++)
                if (column[c[j]]) start[column[c[j]]] = 1;
        }
    }
    for (size_t c = 0; c < m->n_concepts; c++) {
        if (!column[c]) continue;
        glp_set_obj_coef(lp, column[c], weight[c]);
        ++e, ia[e] = first_concept_row + column[c] - (int)n_cand - 1, ja[e] = column[c], ar[e] = 1;
    }
    glp_load_matrix(lp, (int)e, ia, ja, ar);

    glp_smcp lp_opts;
    glp_init_smcp(&lp_opts);
    lp_opts.msg_lev = GLP_MSG_OFF;
    if (glp_simplex(lp, &lp_opts) != 0 || glp_get_status(lp) != GLP_OPT) goto done;
    search state = {.start = start, .max_nodes = max_nodes};
    glp_iocp mip_opts;
    glp_init_iocp(&mip_opts);
    mip_opts.msg_lev = GLP_MSG_OFF;
    mip_opts.cb_func = on_event;
    mip_opts.cb_info = &state;
    int rc = glp_intopt(lp, &mip_opts);
    if ((rc != 0 && rc != GLP_ESTOP) || (glp_mip_status(lp) != GLP_OPT && glp_mip_status(lp) != GLP_FEAS)) goto done;
    double start_value = 0;
    for (int j = (int)n_cand + 1; j <= n_cols; j++) start_value += start[j] * glp_get_obj_coef(lp, j);
    if (glp_mip_obj_val(lp) <= start_value * (1 + 1e-9)) goto done;
    chosen->len = 0;
    for (size_t k = 0; k < n_cand && ok; k++)
        if (glp_mip_col_val(lp, (int)k + 1) > 0.5) ok = vec_push(chosen, candidates[k]);
    *improved = ok;
done:
    if (lp) glp_delete_prob(lp);
    free(column);
    free(in_start);
    free(ia);
    free(ja);
    free(ar);
    free(start);
    return ok;
}

/* story_simmat.c — all pairwise dot products of sparse vectors, for the offline probe
 * (bench/story_probe). Reads from stdin the number of vectors N, then N lines "K id:weight …"
 * (feature ids from 0); writes the N × N matrix of float32 dot products to stdout, row by row. */
#include <stdio.h>
#include <stdlib.h>

typedef struct sparse {
    int n;     /* features */
    int *id;   /* their ids */
    float *w;  /* their weights */
} sparse;

int main(void)
{
    int n;
    if (scanf("%d", &n) != 1 || n < 0) return 1;
    sparse *v = calloc((size_t)n + 1, sizeof *v);
    int max_id = 0;
    for (int i = 0; v && i < n; i++) {
        if (scanf("%d", &v[i].n) != 1 || v[i].n < 0) return 1;
        v[i].id = malloc(((size_t)v[i].n + 1) * sizeof *v[i].id);
        v[i].w = malloc(((size_t)v[i].n + 1) * sizeof *v[i].w);
        if (!v[i].id || !v[i].w) return 1;
        for (int j = 0; j < v[i].n; j++) {
            if (scanf("%d:%f", &v[i].id[j], &v[i].w[j]) != 2 || v[i].id[j] < 0) return 1;
            if (v[i].id[j] > max_id) max_id = v[i].id[j];
        }
    }
    float *dense = calloc((size_t)max_id + 1, sizeof *dense);
    float *m = calloc((size_t)n * n + 1, sizeof *m);
    if (!v || !dense || !m) return 1;
    for (int a = 0; a < n; a++) {
        for (int j = 0; j < v[a].n; j++) dense[v[a].id[j]] = v[a].w[j];
        for (int b = 0; b <= a; b++) {
            double s = 0;
            for (int j = 0; j < v[b].n; j++) s += (double)dense[v[b].id[j]] * v[b].w[j];
            m[(size_t)a * n + b] = m[(size_t)b * n + a] = (float)s;
        }
        for (int j = 0; j < v[a].n; j++) dense[v[a].id[j]] = 0;
    }
    fwrite(m, sizeof *m, (size_t)n * n, stdout);
    for (int i = 0; i < n; i++) {
        free(v[i].id);
        free(v[i].w);
    }
    free(v);
    free(dense);
    free(m);
    return 0;
}

/* story_dump.c — the story stage's raw features of each article of a JSON Lines stream, for the
 * offline probe (bench/story_probe): per article its id, date, the copy it is (the clusterer's own
 * copy detection, default options) and, for each kind of feature, its counts in the title and in
 * each paragraph of the text. Reads only id, title, date and text (never a gold label). A probe,
 * not a user of the library: it calls the story stage's featurizer (story/story.h) directly, so
 * that the probe weighs exactly the features the clusterer sees. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "story/story.h"

static const unsigned kinds[4] = {TD_FEATURE_TERMS, TD_FEATURE_BIGRAMS, TD_FEATURE_ENTITIES, TD_FEATURE_NUMBERS};

/* Prints {"key": count, …} of one text featurized with one kind. */
static void print_counts(featurizer *fz, const char *text, size_t len)
{
    td_document d = {.name = "x", .text = (char *)text, .text_len = len};
    printf("{");
    if (len && featurize(fz, &d))
        for (size_t i = 0; i < fz->counts.len; i++)
            printf("%s\"%016llx\":%g", i ? "," : "", (unsigned long long)fz->counts.items[i].key,
                   fz->counts.items[i].weight);
    printf("}");
}

/* Prints [title, para1, para2, …] for one kind; paragraphs split at blank lines. */
static void print_kind(featurizer *fz, const char *title, const char *text)
{
    printf("[");
    print_counts(fz, title ? title : "", title ? strlen(title) : 0);
    const char *p = text;
    while (*p) {
        const char *end = strstr(p, "\n\n");
        size_t len = end ? (size_t)(end - p) : strlen(p);
        printf(",");
        print_counts(fz, p, len);
        p += len;
        while (*p == '\n') p++;
    }
    printf("]");
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: story_dump FILE.jsonl\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "r");
    if (!f) return 1;
    featurizer fz[4];
    for (int k = 0; k < 4; k++)
        if (!featurizer_init(&fz[k], kinds[k])) return 1;
    td_error err;
    td_clusterer *c = td_clusterer_new(NULL, &err);
    if (!c) return 1;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        json_t *a = json_loads(line, 0, NULL);
        if (!a) continue;
        const char *id = json_string_value(json_object_get(a, "id"));
        const char *title = json_string_value(json_object_get(a, "title"));
        const char *date = json_string_value(json_object_get(a, "date"));
        const char *text = json_string_value(json_object_get(a, "text"));
        if (!id || !text) {
            json_decref(a);
            continue;
        }
        td_document d = {.name = (char *)id, .title = (char *)title, .date = (char *)date, .text = (char *)text,
                         .text_len = strlen(text)};
        td_placement pl;
        if (td_clusterer_add(c, &d, &pl, &err) != TD_OK) return 1;
        json_t *head = json_pack("{s:s, s:s?, s:s?, s:s?}", "id", id, "date", date, "copy_of", pl.copy_of, "title",
                                 title);
        char *h = json_dumps(head, JSON_COMPACT);
        h[strlen(h) - 1] = '\0';
        printf("%s,\"kinds\":[", h);
        free(h);
        json_decref(head);
        for (int k = 0; k < 4; k++) {
            if (k) printf(",");
            print_kind(&fz[k], title, text);
        }
        printf("]}\n");
        json_decref(a);
    }
    free(line);
    fclose(f);
    td_clusterer_free(c);
    for (int k = 0; k < 4; k++) featurizer_free(&fz[k]);
    return 0;
}

/* fuzz_story_state.c — libFuzzer target for the clusterer's saved state, which a store reads back
 * from its file: any bytes are loaded (or refused with an error), then an article is placed and the
 * state saved again. Seeds: tests/data/stories/state/. Built by `make fuzz`. */
#include <stdint.h>
#include <stdlib.h>

#include "story/story.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    td_error err;
    td_story_opts opts;
    td_story_opts_defaults(&opts);
    opts.copy_window = 16;
    td_clusterer *c = td_clusterer_new(&opts, &err);
    if (!c) return 0;
    if (story_state_load(c, data, size, &err) == TD_OK) {
        td_document doc = {.name = "fuzz", .date = "2025-03-02",
                           .text = "Fire on the ferry Aldous Grey off Kelmsley: 212 passengers rescued."};
        td_placement p;
        if (td_clusterer_add(c, &doc, &p, &err) == TD_OK) {
            buf out = {0};
            story_state_save(c, &out);
            buf_free(&out);
        }
    }
    td_clusterer_free(c);
    return 0;
}

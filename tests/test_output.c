/* test_output.c — the article of a web page rendered as Markdown (td_render_article_markdown):
 * the title, byline and URL lines, and the escaping that keeps the page's text as text. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static void test_article_markdown(void **state)
{
    (void)state;
    char *authors[] = {"Ana Ruiz", "Tom_Lee"};
    td_article a = {
        .url = "https://example.org/news/bridge",
        .title = "Harbour bridge reopens *after* repairs",
        .authors = authors,
        .n_authors = 2,
        .date = "2025-03-03",
        .site = "Harbour Times",
        .text = "The old harbour bridge reopened on Monday.\n\n"
                "# of lanes: two, each [3.5 m] wide.\n\n"
                "- Cyclists get <their own> lane.\n\n"
                "Tolls - as before - stay at 2 euros.",
    };
    char *md = td_render_article_markdown(&a);
    assert_non_null(md);
    assert_string_equal(md, "# Harbour bridge reopens \\*after\\* repairs\n\n"
                            "*Ana Ruiz, Tom\\_Lee \xc2\xb7 2025-03-03 \xc2\xb7 Harbour Times*\n\n"
                            "<https://example.org/news/bridge>\n\n"
                            "The old harbour bridge reopened on Monday.\n\n"
                            "\\# of lanes: two, each \\[3.5 m\\] wide.\n\n"
                            "\\- Cyclists get \\<their own\\> lane.\n\n"
                            "Tolls - as before - stay at 2 euros.\n");
    free(md);

    /* Without metadata: the text alone; a date without authors opens the byline. */
    td_article bare = {.text = "Divers found the crack."};
    md = td_render_article_markdown(&bare);
    assert_string_equal(md, "Divers found the crack.\n");
    free(md);
    td_article dated = {.date = "2025-03-04", .site = "Quay News", .text = "Ferries ran all day."};
    md = td_render_article_markdown(&dated);
    assert_string_equal(md, "*2025-03-04 \xc2\xb7 Quay News*\n\nFerries ran all day.\n");
    free(md);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_article_markdown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

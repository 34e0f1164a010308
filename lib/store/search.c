/* search.c — what the store's full-text index (FTS5, schema 4) holds of an article: its title and
 * its lead (the first SEARCH_LEAD_WORDS words of its text), a copy only its title, as its text is
 * that of an article of the same story, already indexed. The lead is cut by an SQL function of the
 * writer's connection, so that a batch's articles are indexed by one statement at its commit. */
#include "store/store.h"

/* The first SEARCH_LEAD_WORDS words of text (runs of other bytes than blanks), with what separates
 * them: a deterministic function of the stored text, as the contentless index is updated by giving
 * it back what it was given. */
static void lead(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const unsigned char *text = sqlite3_value_text(argv[0]);
    if (!text) {
        sqlite3_result_null(ctx);
        return;
    }
    size_t len = (size_t)sqlite3_value_bytes(argv[0]), i = 0;
    for (int words = 0; i < len && words < SEARCH_LEAD_WORDS; words++) {
        while (i < len && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) i++;
        while (i < len && text[i] != ' ' && text[i] != '\n' && text[i] != '\t' && text[i] != '\r') i++;
    }
    sqlite3_result_text(ctx, (const char *)text, (int)i, SQLITE_TRANSIENT);
}

td_status store_search_functions(td_store *s, td_error *err)
{
    int rc = sqlite3_create_function_v2(s->db, "search_lead", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                                        NULL, lead, NULL, NULL, NULL);
    return rc == SQLITE_OK ? TD_OK : store_error(s, rc, "cannot open", err);
}

/* content.c — whether an article holds enough news to be placed in a story: the content words its
 * text keeps once the clean stage (td_clean_cluster, the article alone) has dropped web debris. A
 * failed extraction ("Starting in 1996, Alexa Internet has been donating their crawl data…",
 * "Tweet with a location…") keeps none; its words name no event, and every page that failed the
 * same way would otherwise be one story. */
#include <string.h>

#include "story/clusterer.h"

/* A text of this many words (white-space separated) or more is not checked: on the dev streams the
 * longest text the cleaner left with fewer than 5 content words had 112 words, and texts of 150
 * words or more kept at least 39 (docs/stories.md); checking only short texts spares the cleaner's
 * cost (about as much as featurizing) on most articles. */
enum { CHECK_WORDS = 300 };

/* Whether s[0..len) has fewer than max white-space separated words; reads no further than that. */
static bool fewer_words(const char *s, size_t len, size_t max)
{
    size_t words = 0, pos = 0;
    while (pos < len) {
        while (pos < len && text_chunk_break((unsigned char)s[pos])) pos++;
        if (pos == len) break;
        bool wide;
        pos = text_chunk_end(s, len, pos, &wide);
        if (++words >= max) return false;
    }
    return true;
}

bool story_clean(td_clusterer *c, const td_document *doc, size_t len, const td_clean_piece **pieces, size_t *n)
{
    if (c->cleaned != c->seq) { /* not yet for this article */
        if (!c->cleaner && !(c->cleaner = td_cleaner_new())) return false;
        td_document one = *doc;
        one.text_len = len;
        const td_cluster alone = {.id = doc->name, .docs = &one, .n_docs = 1};
        td_error err;
        if (td_clean_cluster(c->cleaner, &alone, &err) != TD_OK) return false;
        c->cleaned = c->seq;
    }
    *pieces = td_clean_pieces(c->cleaner, 0, n);
    return true;
}

bool story_has_news(td_clusterer *c, const td_document *doc, size_t len, bool *has_news)
{
    *has_news = true;
    if (!c->opts.min_words || !fewer_words(doc->text, len, CHECK_WORDS)) return true;
    size_t n, words = 0;
    const td_clean_piece *pieces;
    if (!story_clean(c, doc, len, &pieces, &n)) return false;
    /* content words as the featurizer counts terms: words of two letters or more, not stopwords,
       not numbers */
    for (size_t i = 0; i < n && words < c->opts.min_words; i++) {
        if (!td_clean_keeps(pieces[i].reason)) continue;
        size_t pos = pieces[i].span.start;
        token t;
        while (words < c->opts.min_words && token_next(doc->text, pieces[i].span.end, &pos, &t)) {
            lex_word w;
            if (t.kind != TOKEN_WORD || t.end - t.start < 2) continue;
            if (!lexicon_word(c->fz.lx, doc->text + t.start, t.end - t.start, t.kind, &w)) return false;
            words += !(w.flags & (LEX_STOP | LEX_NUMBER));
        }
    }
    *has_news = words >= c->opts.min_words;
    return true;
}

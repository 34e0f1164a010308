/* test_text.c — text primitives: folding, tokens, stopwords, stemming and the lexicon cache. */
#include <stdlib.h>
#include <ctype.h>
#include <string.h>

#include <libstemmer.h>

#include "testutil.h"
#include "text/text.h"

static void assert_fold(const char *in, const char *want)
{
    buf b = {0};
    assert_true(text_fold(in, strlen(in), &b));
    assert_string_equal(b.data, want);
    assert_true(td_utf8_valid(b.data, b.len, NULL));
    buf_free(&b);
}

static void test_fold(void **state)
{
    (void)state;
    assert_fold("Hello, World 42", "hello, world 42");
    assert_fold("don\xe2\x80\x99t", "don't");                                    /* ’ */
    assert_fold("\xe2\x80\x9cQuote\xe2\x80\x9d \xe2\x80\x98x\xe2\x80\x99", "\"quote\" 'x'"); /* “ ” ‘ ’ */
    assert_fold("a\xe2\x80\x93" "b\xe2\x80\x94" "c\xe2\x80\x92" "d\xe2\x88\x92" "e", "a-b-c-d-e"); /* – — ‒ − */
    assert_fold("\xef\xbc\xb5.\xef\xbc\xb3.", "u.s.");                          /* fullwidth Ｕ.Ｓ. (NFKC) */
    assert_fold("Stra\xc3\x9f" "e", "strasse");                                  /* ß case-folds to ss */
    assert_fold("Caf\xc3\xa9", "caf\xc3\xa9");                                   /* composed é */
    assert_fold("Cafe\xcc\x81", "caf\xc3\xa9");                                  /* e + combining acute */
    assert_fold("\xef\xac\x81re", "fire");                                       /* ﬁ ligature */
    assert_fold("infor\xc2\xad" "mation", "information");                        /* soft hyphen dropped */
    assert_fold("\xc3\x89TAT", "\xc3\xa9tat");                                   /* É */
    assert_fold("", "");
    /* ASCII with quotes and dashes of U+2010 to U+201F is lower-cased and made plain directly; any
     * other character beyond ASCII in the token sends the whole through normalisation */
    assert_fold("\xe2\x80\x9bX\xe2\x80\x9f \xe2\x80\x9aY\xe2\x80\x9e", "'x\" 'y\"");       /* ‛ ‟ ‚ „ */
    assert_fold("x\xe2\x80\x90y\xe2\x80\x91z\xe2\x80\x95W", "x-y-z-w");                 /* ‐ ‑ ― */
    assert_fold("Sony\xe2\x80\x99s Caf\xc3\xa9", "sony's caf\xc3\xa9");                  /* ’ and é */
    assert_fold("A\xe2\x80\xa6" "B\xe2\x80\x99", "a...b'");                              /* … (NFKC) and ’ */
    assert_fold("ABC\xe2\x80\x99\xe2\x80\x8b", "abc'");                                 /* zero-width space dropped */
    /* it appends */
    buf b = {0};
    assert_true(buf_puts(&b, "x:"));
    assert_true(text_fold("AB", 2, &b));
    assert_true(text_fold("\xc3\x89", 2, &b));
    assert_string_equal(b.data, "x:ab\xc3\xa9");
    buf_free(&b);
}

/* Tokens of s as "kind:text" joined by '|' (kind w, n or p). */
static char *tokens_of(const char *s)
{
    buf b = {0};
    size_t pos = 0, len = strlen(s);
    token t;
    while (token_next(s, len, &pos, &t)) {
        assert_true(t.start < t.end && t.end <= len && pos == t.end);
        if (b.len) assert_true(buf_putc(&b, '|'));
        assert_true(buf_putc(&b, t.kind == TOKEN_WORD ? 'w' : t.kind == TOKEN_NUMBER ? 'n' : 'p'));
        assert_true(buf_putc(&b, ':'));
        assert_true(buf_append(&b, s + t.start, t.end - t.start));
    }
    assert_int_equal(pos, len);
    return buf_take(&b);
}

static void assert_tokens(const char *s, const char *want)
{
    char *got = tokens_of(s);
    assert_string_equal(got, want);
    free(got);
}

static void test_tokens(void **state)
{
    (void)state;
    assert_tokens("Don't stop: 3,000 people paid $2.5 at 5:30.",
                  "w:Don't|w:stop|p::|n:3,000|w:people|w:paid|p:$|n:2.5|w:at|n:5:30|p:.");
    assert_tokens("O'Neill's U.S.-led plan", "w:O'Neill's|w:U.S.|p:-|w:led|w:plan");
    assert_tokens("Kim Jong-un.", "w:Kim|w:Jong|p:-|w:un|p:.");
    assert_tokens("at 5 p.m. in 2014.", "w:at|n:5|w:p.m.|w:in|n:2014|p:.");
    assert_tokens("the Jones' house, 'quoted'", "w:the|w:Jones|p:'|w:house|p:,|p:'|w:quoted|p:'");
    assert_tokens("North Korea\xe2\x80\x99s \xe2\x80\x9c" "deed\xe2\x80\x9d",
                  "w:North|w:Korea\xe2\x80\x99s|p:\xe2\x80\x9c|w:" "deed|p:\xe2\x80\x9d");
    assert_tokens("na\xc3\xafve caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac", "w:na\xc3\xafve|w:caf\xc3\xa9|w:\xe6\x97\xa5\xe6\x9c\xac");
    /* no-break and ideographic spaces separate; a soft hyphen stays inside the word */
    assert_tokens("a\xc2\xa0" "b\xe3\x80\x80" "c infor\xc2\xad" "mation", "w:a|w:b|w:c|w:infor\xc2\xad" "mation");
    assert_tokens("1990s MP3 3D", "w:1990s|w:MP3|w:3D");
    assert_tokens("192.168.0.1, 7.", "n:192.168.0.1|p:,|n:7|p:.");
    assert_tokens("A.B", "w:A|p:.|w:B");
    assert_tokens("", "");
    assert_tokens(" \t\n ", "");
}

static void test_stopwords(void **state)
{
    (void)state;
    static const char *const stop[] = {"a", "about", "and", "are", "be", "but", "can't", "don't", "for", "he",
                                       "i'm", "it's", "nevertheless", "of", "said", "says", "the", "their",
                                       "they're", "was", "which", "who", "would", "yourselves"};
    for (size_t i = 0; i < sizeof stop / sizeof *stop; i++) assert_true(stopword(stop[i], strlen(stop[i])));
    static const char *const content[] = {"sony", "hack", "korea", "evidence", "sanctions", "fbi", "", "th",
                                          "thee", "yourselvesx", "zzz", "aaa"};
    for (size_t i = 0; i < sizeof content / sizeof *content; i++)
        assert_false(stopword(content[i], strlen(content[i])));
    /* the length is respected: a prefix of a longer text */
    assert_true(stopword("theory", 3));
    /* every stopword's stem in the table is the stemmer's own */
    stemmer *st = stemmer_new();
    assert_non_null(st);
    size_t n_words = 0;
    for (const char *w; (w = stopword_at(n_words)) != NULL; n_words++) {
        const char *stem = stopword_stem_at(n_words);
        assert_non_null(stem);
        size_t n;
        const char *want = stemmer_stem(st, w, strlen(w), &n);
        assert_int_equal(strlen(stem), n);
        assert_memory_equal(stem, want, n);
        if (n_words) assert_true(strcmp(stopword_at(n_words - 1), w) < 0); /* sorted, as the search needs */
    }
    assert_true(n_words > 250);
    assert_null(stopword_at(n_words));
    assert_null(stopword_stem_at(n_words));
    stemmer_free(st);
}

/* The lexicon tells stopwords by its own table of them: every stopword of the list, in any case, is
 * one (with the list's stem), and words of the text that are not, or only start like one, are not. */
static void test_lexicon_knows_the_stopwords(void **state)
{
    (void)state;
    lexicon *lx = lexicon_new();
    assert_non_null(lx);
    const char *w;
    for (size_t i = 0; (w = stopword_at(i)) != NULL; i++) {
        size_t len = strlen(w);
        char upper[32];
        for (size_t k = 0; k <= len; k++) upper[k] = (char)(w[k] >= 'a' && w[k] <= 'z' ? w[k] - 32 : w[k]);
        for (int form = 0; form < 2; form++) {
            lex_word lw;
            assert_true(lexicon_word(lx, form ? upper : w, len, TOKEN_WORD, &lw));
            assert_true(lw.flags & LEX_STOP);
            size_t n;
            const char *stem = lexicon_term(lx, lw.term, &n);
            assert_int_equal(n, strlen(stopword_stem_at(i)));
            assert_memory_equal(stem, stopword_stem_at(i), n);
        }
    }
    lex_word them;
    assert_true(lexicon_word(lx, "Themselves", 10, TOKEN_WORD, &them));
    size_t n_them;
    assert_string_equal(lexicon_term(lx, them.term, &n_them), "themselv");
    static const char *const content[] = {"Harbour", "bridge", "Okafor", "retrofit", "saidx", "thems", "wherever1",
                                          "yourselvesx", "Sony", "theory", "anywhereelse"};
    for (size_t i = 0; i < sizeof content / sizeof *content; i++) {
        lex_word lw;
        assert_true(lexicon_word(lx, content[i], strlen(content[i]), TOKEN_WORD, &lw));
        assert_false(lw.flags & LEX_STOP);
    }
    lexicon_free(lx);
}

static void assert_stem(stemmer *st, const char *word, const char *want)
{
    size_t n;
    const char *s = stemmer_stem(st, word, strlen(word), &n);
    assert_non_null(s);
    assert_int_equal(n, strlen(want));
    assert_memory_equal(s, want, n);
}

static void test_stemmer(void **state)
{
    (void)state;
    stemmer *st = stemmer_new();
    assert_non_null(st);
    assert_stem(st, "running", "run");
    assert_stem(st, "hacked", "hack");
    assert_stem(st, "hacking", "hack");
    assert_stem(st, "investigation", "investig");
    assert_stem(st, "sony's", "soni");
    assert_stem(st, "sanctions", "sanction");
    assert_stem(st, "caf\xc3\xa9s", "caf\xc3\xa9");
    stemmer_free(st);
    stemmer_free(NULL);
}

/* ASCII words go to english_stem (long ones to libstemmer's single-byte build): it must give what
 * libstemmer's UTF-8 build gives. */
static void assert_same_stem(stemmer *st, struct sb_stemmer *utf8, const char *w, size_t len)
{
    size_t n;
    const char *got = stemmer_stem(st, w, len, &n);
    assert_non_null(got);
    const char *want = (const char *)sb_stemmer_stem(utf8, (const sb_symbol *)w, (int)len);
    assert_non_null(want);
    assert_int_equal(n, (size_t)sb_stemmer_length(utf8));
    assert_memory_equal(got, want, n);
}

static void test_stemmer_builds_agree(void **state)
{
    (void)state;
    stemmer *st = stemmer_new();
    struct sb_stemmer *utf8 = sb_stemmer_new("english", NULL);
    assert_non_null(st);
    assert_non_null(utf8);
    /* the algorithm's special cases: exceptions, 'y', apostrophes, short words, -eed/-ing */
    static const char *const words[] = {
        "skies", "dying", "lying", "tying", "idly", "gently", "ugly", "early", "only", "singly", "sky",
        "news", "howe", "atlas", "cosmos", "bias", "andes", "inning", "outing", "canning", "herring",
        "earring", "proceed", "exceed", "succeed", "generously", "general", "communism", "arsenal",
        "yes", "young", "boyish", "'tis", "y'all", "'s", "a's", "it's'", "''", "'", "a", "by", "ied",
        "cries", "ties", "gas", "this", "kiwis", "crying", "agreed", "feed", "luxuriously", "hopefulness",
        "electricity", "formalize", "rationalization", "sensitivity", "predictability", "fluently",
        "ionization", "archaeology", "happily", "sensational", "meetings", "dimension", "inflation",
    };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) assert_same_stem(st, utf8, words[i], strlen(words[i]));
    /* words with a letter beyond ASCII in their first eight bytes, after them, or in their last few
     * (the test for ASCII reads eight bytes a step) go to the UTF-8 build */
    static const char *const accented[] = {
        "caf\xc3\xa9s", "d\xc3\xa9velopments", "reconnaissanc\xc3\xa9s", "Montr\xc3\xa9" "al", "na\xc3\xafvet\xc3\xa9",
        "pok\xc3\xa9mon", "expos\xc3\xa9s", "protegee\xc3\xa9", "underst\xc3\xa4ndings",
    };
    for (size_t i = 0; i < sizeof accented / sizeof *accented; i++)
        assert_same_stem(st, utf8, accented[i], strlen(accented[i]));
    /* made-up words: prefixes the regions know, a few random letters, and one or two of the suffixes
     * every step looks for (ASCII words are stemmed by english_stem, the reference is libstemmer) */
    static const char *const prefixes[] = {"", "gener", "commun", "arsen", "y", "'", "ay", "oy", "st", "e", "u"};
    static const char *const suffixes[] = {
        "'s'", "'s", "'", "sses", "ied", "ies", "s", "us", "ss", "eed", "eedly", "ed", "edly", "ing", "ingly",
        "at", "bl", "iz", "bb", "tt", "nn", "y", "tional", "enci", "anci", "abli", "entli", "izer", "ization",
        "ational", "ation", "ator", "alism", "aliti", "alli", "fulness", "ousli", "ousness", "iveness", "iviti",
        "biliti", "bli", "ogi", "logi", "fulli", "lessli", "li", "cli", "ali", "alize", "icate", "iciti", "ical",
        "ful", "ness", "ative", "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent",
        "ism", "ate", "iti", "ous", "ive", "ize", "ion", "sion", "tion", "e", "l", "ll", "",
    };
    static const char letters[] = "aeiouybcdlmnrstwxhgkp'0";
    enum { N_PRE = sizeof prefixes / sizeof *prefixes, N_SUF = sizeof suffixes / sizeof *suffixes };
    uint32_t x = 2024;
    for (size_t i = 0; i < 200000; i++) {
        char w[64];
        size_t n = 0;
        x = x * 1103515245u + 12345u;
        const char *p = prefixes[(x >> 8) % N_PRE];
        memcpy(w, p, strlen(p));
        n += strlen(p);
        for (size_t k = (x >> 16) % 7; k > 0; k--) {
            x = x * 1103515245u + 12345u;
            w[n++] = letters[(x >> 12) % (sizeof letters - 1)];
        }
        for (int k = 0; k < 1 + (int)((x >> 28) & 1); k++) {
            x = x * 1103515245u + 12345u;
            const char *sfx = suffixes[(x >> 10) % N_SUF];
            memcpy(w + n, sfx, strlen(sfx));
            n += strlen(sfx);
        }
        if (n) assert_same_stem(st, utf8, w, n);
    }
    /* every word of the Multi-News reference summaries */
    const char *dir = shared_dir();
    char path[512];
    snprintf(path, sizeof path, "%s/data/multinews-dev/dev.tgt", dir ? dir : "");
    FILE *f = dir ? fopen(path, "rb") : NULL;
    if (dir && !f) fprintf(stderr, "note: %s is absent: skipped\n", path);
    if (f) {
        buf text = {0}, folded = {0};
        char chunk[4096];
        size_t got, n_words = 0;
        while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) assert_true(buf_append(&text, chunk, got));
        fclose(f);
        size_t pos = 0;
        token t;
        while (token_next(text.data, text.len, &pos, &t)) {
            if (t.kind != TOKEN_WORD) continue;
            folded.len = 0;
            assert_true(text_fold(text.data + t.start, t.end - t.start, &folded));
            assert_same_stem(st, utf8, folded.data, folded.len);
            n_words++;
        }
        assert_true(n_words > 10000);
        buf_free(&text);
        buf_free(&folded);
    }
    sb_stemmer_delete(utf8);
    stemmer_free(st);
}

static lex_word word(lexicon *lx, const char *s, token_kind kind)
{
    lex_word w;
    assert_true(lexicon_word(lx, s, strlen(s), kind, &w));
    return w;
}

static void assert_term(lexicon *lx, uint32_t term, const char *want)
{
    size_t n;
    const char *t = lexicon_term(lx, term, &n);
    assert_non_null(t);
    assert_int_equal(n, strlen(want));
    assert_string_equal(t, want);
}

static void test_lexicon(void **state)
{
    (void)state;
    lexicon *lx = lexicon_new();
    assert_non_null(lx);
    assert_int_equal(lexicon_n_terms(lx), 0);
    lex_word hacks = word(lx, "Hacks", TOKEN_WORD), hacked = word(lx, "hacked", TOKEN_WORD);
    lex_word hacking = word(lx, "HACKING", TOKEN_WORD), sony = word(lx, "Sony", TOKEN_WORD);
    assert_int_equal(hacks.term, hacked.term);
    assert_int_equal(hacks.term, hacking.term);
    assert_int_not_equal(hacks.term, sony.term);
    assert_int_equal(hacks.flags, 0);
    assert_term(lx, hacks.term, "hack");
    assert_term(lx, sony.term, "soni");
    assert_int_equal(lexicon_n_terms(lx), 2);

    lex_word the = word(lx, "The", TOKEN_WORD);
    assert_int_equal(the.flags, LEX_STOP);
    assert_int_equal(word(lx, "don\xe2\x80\x99t", TOKEN_WORD).term, word(lx, "don't", TOKEN_WORD).term);
    assert_int_equal(word(lx, "don't", TOKEN_WORD).flags, LEX_STOP);

    lex_word n1 = word(lx, "3,000", TOKEN_NUMBER), n2 = word(lx, "3000", TOKEN_NUMBER);
    assert_int_equal(n1.flags, LEX_NUMBER);
    assert_int_equal(n1.term, n2.term);
    assert_term(lx, n1.term, "3000");
    lex_word dot = word(lx, ".", TOKEN_PUNCT), dash = word(lx, "\xe2\x80\x94", TOKEN_PUNCT);
    assert_int_equal(dot.flags, LEX_PUNCT);
    assert_term(lx, dash.term, "-");

    /* case variants of every length (inline up to 16 bytes, hashed beyond), ASCII or not, in any
     * order: one term, and a term id for each stem in order of first sighting */
    static const char *const variants[][3] = {
        {"Investigations", "INVESTIGATIONS", "investigations"},           /* 14 bytes */
        {"internationally", "Internationally", "INTERNATIONALLY"},         /* 15 */
        {"Telecommunications", "telecommunications", "TELECOMMUNICATIONS"}, /* 18 */
        {"Zo\xc3\xab", "ZO\xc3\x8b", "zo\xc3\xab"},                          /* non-ASCII */
        {"\xef\xbc\xb3ony", "sony", "SONY"},                                /* fullwidth S first */
    };
    for (size_t v = 0; v < sizeof variants / sizeof *variants; v++) {
        size_t before = lexicon_n_terms(lx);
        lex_word first = word(lx, variants[v][0], TOKEN_WORD);
        for (int k = 1; k < 3; k++) assert_int_equal(word(lx, variants[v][k], TOKEN_WORD).term, first.term);
        assert_int_equal(lexicon_n_terms(lx), before + (v < 4)); /* "sony" was seen above */
    }
    assert_int_equal(word(lx, "sONY", TOKEN_WORD).term, sony.term);
    assert_int_equal(word(lx, "THE", TOKEN_WORD).flags, LEX_STOP);

    /* cached answers are the same as the first ones */
    lex_word again = word(lx, "Hacks", TOKEN_WORD);
    assert_int_equal(again.term, hacks.term);
    assert_int_equal(again.flags, hacks.flags);
    size_t terms = lexicon_n_terms(lx);
    size_t len;
    assert_null(lexicon_term(lx, (uint32_t)terms, &len));
    lexicon_free(lx);
    lexicon_free(NULL);
}

/* A new ASCII word is lower-cased eight bytes at a time: every case of a word of the example story,
 * of 1 to 16 bytes, met first in capitals or first in lower case, is the lower-case word, with its
 * stem; the bytes next to A and Z ('@', '[') and after a and z ('`', '{') are not letters. */
static void test_lexicon_case_variants(void **state)
{
    (void)state;
    static const char *const words[][2] = {
        {"a", "a"}, {"of", "of"}, {"bay", "bay"}, {"deck", "deck"}, {"steel", "steel"}, {"cables", "cabl"},
        {"harbour", "harbour"}, {"councils", "council"}, {"engineers", "engin"}, {"inspection", "inspect"},
        {"retrofitted", "retrofit"}, {"retrofitting", "retrofit"}, {"commissioners", "commission"},
        {"infrastructures", "infrastructur"}, {"internationalise", "internationalis"},
    };
    for (int upper_first = 0; upper_first < 2; upper_first++) {
        lexicon *lx = lexicon_new();
        assert_non_null(lx);
        for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
            const char *w = words[i][0];
            size_t len = strlen(w);
            char caps[LEX_INLINE_MAX + 1], title[LEX_INLINE_MAX + 1];
            for (size_t k = 0; k <= len; k++) caps[k] = (char)toupper((unsigned char)w[k]);
            memcpy(title, w, len + 1);
            title[0] = caps[0];
            lex_word a = word(lx, upper_first ? caps : w, TOKEN_WORD);
            lex_word b = word(lx, title, TOKEN_WORD);
            lex_word c = word(lx, upper_first ? w : caps, TOKEN_WORD);
            assert_int_equal(a.term, b.term);
            assert_int_equal(a.term, c.term);
            assert_int_equal(a.flags, c.flags);
            assert_term(lx, a.term, words[i][1]);
        }
        /* "Q@[" is "q@[", not "q`{" */
        lex_word odd = word(lx, "Q@[", TOKEN_WORD), low = word(lx, "q@[", TOKEN_WORD), shifted = word(lx, "q`{", TOKEN_WORD);
        assert_int_equal(odd.term, low.term);
        assert_int_not_equal(odd.term, shifted.term);
        lex_word z = word(lx, "ZEBRA", TOKEN_WORD);
        assert_term(lx, z.term, "zebra");
        lexicon_free(lx);
    }
}

/* A forgotten lexicon hands out ids from 0 again, and every token is what it was: the same stem,
 * the same class, case variants and long tokens included. */
static void test_lexicon_forget(void **state)
{
    (void)state;
    static const char *const words[] = {"Hacks", "hacking", "The", "Sony", "SONY", "3,000", "don\xe2\x80\x99t",
                                        "internationalisations", "Pyongyang's", ";"};
    static const token_kind kinds[] = {TOKEN_WORD, TOKEN_WORD, TOKEN_WORD, TOKEN_WORD, TOKEN_WORD,
                                       TOKEN_NUMBER, TOKEN_WORD, TOKEN_WORD, TOKEN_WORD, TOKEN_PUNCT};
    enum { N = sizeof words / sizeof *words };
    lexicon *lx = lexicon_new();
    assert_non_null(lx);
    lex_word before[N];
    char stems[N][64];
    for (size_t i = 0; i < N; i++) {
        before[i] = word(lx, words[i], kinds[i]);
        size_t len;
        const char *t = lexicon_term(lx, before[i].term, &len);
        assert_true(len < sizeof stems[i]);
        memcpy(stems[i], t, len + 1);
    }
    assert_int_equal(lexicon_n_terms(lx), 8); /* hack, the, soni, 3000, don't, internationalis, pyongyang, ; */
    assert_true(lexicon_forget(lx));
    assert_int_equal(lexicon_n_terms(lx), 0);
    for (size_t i = N; i-- > 0;) { /* in the other order: other ids, the same words */
        lex_word w = word(lx, words[i], kinds[i]);
        assert_int_equal(w.flags, before[i].flags);
        assert_term(lx, w.term, stems[i]);
    }
    assert_int_equal(lexicon_n_terms(lx), 8);
    assert_int_equal(word(lx, ";", TOKEN_PUNCT).term, 0);
    lexicon_free(lx);
}

/* Every token of a real article goes through the lexicon; terms are stems of folded tokens. */
static void test_lexicon_article(void **state)
{
    (void)state;
    const char *dir = shared_dir();
    if (!dir) return;
    char path[512];
    snprintf(path, sizeof path, "%s/examples/sony-hack/01.txt", dir);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "note: %s is absent: skipped\n", path);
        return;
    }
    char text[16384];
    size_t len = fread(text, 1, sizeof text, f);
    fclose(f);
    assert_true(len > 1000 && len < sizeof text);
    assert_true(td_utf8_valid(text, len, NULL));
    lexicon *lx = lexicon_new();
    assert_non_null(lx);
    size_t pos = 0, n_tokens = 0, n_stop = 0, n_korea = 0;
    uint32_t korea = UINT32_MAX;
    token t;
    while (token_next(text, len, &pos, &t)) {
        lex_word w;
        assert_true(lexicon_word(lx, text + t.start, t.end - t.start, t.kind, &w));
        assert_true(w.term < lexicon_n_terms(lx));
        n_tokens++;
        n_stop += (w.flags & LEX_STOP) != 0;
        if (t.end - t.start == 5 && !memcmp(text + t.start, "Korea", 5)) korea = w.term;
        if (w.term == korea) n_korea++;
    }
    assert_true(n_tokens > 500);
    assert_true(n_stop * 5 > n_tokens);       /* function words are a large share of English */
    assert_true(lexicon_n_terms(lx) < n_tokens / 2);
    assert_true(n_korea >= 10);               /* "Korea", "Korea’s", "KOREA" ... one term */
    assert_term(lx, korea, "korea");
    lexicon_free(lx);
}

/* The tokens of a chunk, looked up one by one: what lexicon_chunk must give. */
static size_t chunk_words_one_by_one(lexicon *lx, const char *s, size_t len, lex_word *out, size_t max)
{
    size_t pos = 0, n = 0;
    token t;
    while (token_next(s, len, &pos, &t)) {
        assert_true(n < max);
        assert_true(lexicon_word(lx, s + t.start, t.end - t.start, t.kind, &out[n]));
        n++;
    }
    return n;
}

/* A text read chunk by chunk (between ASCII white space and controls) gives the tokens and words of
 * the whole text read token by token, the first time a chunk is seen and from the cache after;
 * chunk ends and their non-ASCII flag are found eight bytes at a time as one byte at a time. */
static void test_lexicon_chunks(void **state)
{
    (void)state;
    static const char text[] =
        "U.S.-based (AP) \xe2\x80\x94 \xe2\x80\x9c" "Don\xe2\x80\x99t,\xe2\x80\x9d she said: 3,000.5 people...... at 5 a.m.\t"
        "rock'n'roll\xc2\xa0NBSP-joined x\x01y\x7fz Telecommunications-related! internationally, [12] "
        "\xe2\x80\x98quoted\xe2\x80\x99 \"Why?\" co-op's 2.5% (1994). U.S.A. \xef\xbc\xb3ony \xe2\x80\x94" "and\xe2\x80\x94" "then \r\n"
        "Harbour bridge, Harbour bridge; harbour BRIDGE. "
        /* punctuation at the ends of known words, numbers and initials */
        "(bridge), \"Harbour?\" 'harbour' said: \"U.S.\", U.S.. (U.S.A.), a.m.) 3,000, (2.5). 3. "
        "x.U.S. \"A. -- ... !? \"Tis 'n' rock'n'roll', co-op's: \xe2\x80\x9c" "bridge.\xe2\x80\x9d "
        /* new words and numbers first seen between punctuation, the punctuation new too */
        "(Okafor), \"Zebedee\" 2019, ((x7b9)). {Quayside}; <1066> ~Wharf~ |tolls| "
        /* curly quotes and dashes at the ends, around known and new words; ’ inside a word stays */
        "\xe2\x80\x9c" "bridge\xe2\x80\x9d \xe2\x80\x98" "Zebulon\xe2\x80\x99, \xe2\x80\x93" "1215\xe2\x80\x93 "
        "\xe2\x80\x9cQuayfront\xe2\x80\x99s\xe2\x80\x9d \xe2\x80\x94\xe2\x80\x94 (\xe2\x80\x9cU.S.\xe2\x80\x9d) "
        "\xe2\x80\x99" "90s \xe2\x80\x9c\xe2\x80\x9d";
    size_t len = sizeof text - 1;
    lexicon *lx = lexicon_new(), *by_token = lexicon_new();
    assert_non_null(lx);
    assert_non_null(by_token);
    for (int round = 0; round < 2; round++) {
        size_t pos = 0, whole = 0, n_chunks = 0;
        token t;
        for (;;) {
            while (pos < len && text_chunk_break((unsigned char)text[pos])) pos++;
            if (pos >= len) break;
            bool wide;
            size_t end = text_chunk_end(text, len, pos, &wide);
            size_t e = pos;
            bool any_high = false;
            while (e < len && !text_chunk_break((unsigned char)text[e])) any_high |= (unsigned char)text[e++] >= 0x80;
            assert_int_equal(end, e);
            assert_int_equal(wide, any_high);
            lex_chunk got;
            assert_true(lexicon_chunk(lx, text + pos, end - pos, &got));
            lex_word want[32], fresh[32];
            size_t n = got.n;
            assert_int_equal(n, chunk_words_one_by_one(lx, text + pos, end - pos, want, 32));
            /* a lexicon that only ever saw tokens one by one learnt them in the same order: same ids */
            assert_int_equal(n, chunk_words_one_by_one(by_token, text + pos, end - pos, fresh, 32));
            for (size_t k = 0; k < n; k++) {
                assert_int_equal(got.flags[k], want[k].flags);
                assert_int_equal(got.term[k], want[k].term);
                assert_int_equal(got.term[k], fresh[k].term);
                /* the same token as the whole text read at once */
                assert_true(token_next(text, len, &whole, &t));
                assert_true(t.start >= pos && t.end <= end);
                assert_int_equal(t.kind == TOKEN_PUNCT, (want[k].flags & LEX_PUNCT) != 0);
            }
            n_chunks++;
            pos = end;
        }
        assert_false(token_next(text, len, &whole, &t)); /* every token was in a chunk */
        assert_true(n_chunks > 30);
    }
    lexicon_free(by_token);
    lexicon_free(lx);
}

/* ASCII is checked 8 bytes at a time: a bad byte (NUL, stray continuation byte, truncated
 * sequence) is still reported at its exact offset wherever it falls in or after such a run. */
static void test_utf8_offsets(void **state)
{
    (void)state;
    static const char *const bad[] = {"\x00", "\x80", "\xc3", "\xe2\x80", "\xc0\xaf", "\xed\xa0\x80"};
    static const size_t bad_len[] = {1, 1, 1, 2, 2, 3};
    char text[64];
    for (size_t b = 0; b < sizeof bad / sizeof *bad; b++) {
        for (size_t at = 0; at + 3 <= 40; at++) {
            memset(text, 'a', sizeof text);
            memcpy(text + at, "\xc3\xa9", 2 * (at % 3 == 1)); /* sometimes an é before the bad byte */
            memcpy(text + at + 2, bad[b], bad_len[b]);
            size_t off = 999;
            assert_false(td_utf8_valid(text, 48, &off));
            assert_int_equal(off, at + 2);
        }
    }
    memset(text, 'a', sizeof text);
    assert_true(td_utf8_valid(text, sizeof text, NULL));
    memcpy(text + 61, "\xe2\x80\x94", 3); /* a dash ending the text */
    assert_true(td_utf8_valid(text, sizeof text, NULL));
    assert_false(td_utf8_valid(text, sizeof text - 1, NULL)); /* cut short */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold),    cmocka_unit_test(test_tokens),  cmocka_unit_test(test_stopwords),
        cmocka_unit_test(test_stemmer), cmocka_unit_test(test_lexicon), cmocka_unit_test(test_lexicon_forget),
        cmocka_unit_test(test_lexicon_case_variants),
        cmocka_unit_test(test_lexicon_article),
        cmocka_unit_test(test_utf8_offsets),    cmocka_unit_test(test_stemmer_builds_agree),
        cmocka_unit_test(test_lexicon_chunks),
        cmocka_unit_test(test_lexicon_knows_the_stopwords),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

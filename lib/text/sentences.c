/* sentences.c — splits news text into sentences: each paragraph (paragraphs.c) at . ? ! … unless
 * an abbreviation, initial, number, quotation or lower-case continuation says otherwise; a full date
 * run into a headline or a first sentence stands apart. No allocation but the output array. */
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "common/bytes.h"
#include "common/vec.h"
#include "text/abbrev.h"
#include "text/split.h"

typedef VEC(td_span) span_vec;

/* What td_split_sentences hands each paragraph: the text and the spans found so far. */
typedef struct split_ctx {
    const char *text;
    span_vec out;
} split_ctx;

/* ---------------------------------------------------------------- sentence ends */

static bool emit(const char *s, size_t start, size_t end, span_vec *out)
{
    start = skip_space(s, end, start);
    end = trim_back(s, start, end);
    if (start == end) return true;
    return vec_push(out, ((td_span){start, end}));
}

/* Whether the paragraph is a title-cased headline ("Asks U.S. For Evidence"), where capitals say
 * nothing about sentence starts. */
static bool title_case(const char *s, size_t ps, size_t pe)
{
    if (pe - ps > 300) return false;
    size_t caps = 0, lower = 0;
    for (size_t i = ps; i < pe;) {
        size_t n = alpha_run(s, pe, i);
        if (!n) {
            i++;
            continue;
        }
        if (s[i] >= 'A' && s[i] <= 'Z') caps++;
        else if (n > 3) lower++; /* short words (of, in, the, and) stay lower-case in titles */
        i += n;
    }
    return caps >= 3 && lower * 4 <= caps;
}

/* Number of white-space separated words in s[from, to), counting no further than `most`. */
static size_t count_words(const char *s, size_t from, size_t to, size_t most)
{
    size_t n = 0;
    for (size_t i = skip_space(s, to, from); i < to && n < most; n++) {
        while (i < to && !text_space_len(s, to, i)) i++;
        i = skip_space(s, to, i);
    }
    return n;
}

/* Whether a speech verb follows within three words ('"Why?" Smith asked.'), or further on after a
 * name of capitalised words and titles ('"Why not?" Dr. Smith said', '"Why?" Transport Secretary
 * Ann Lee asked'), unless no one speaks ('No one answered', 'Nobody replied'). */
static bool attribution_follows(const char *s, size_t pe, size_t i)
{
    bool name = true;
    for (int words = 0; words < 3 || (name && words < 6); words++) {
        i = skip_space(s, pe, i);
        size_t n = alpha_run(s, pe, i);
        if (!n) return false;
        if (abbrev_speech_verb(s + i, n)) return true;
        /* a subject that says nothing: '"Who approved this?" No one answered.' */
        if (words == 0 && ((n == 2 && !memcmp(s + i, "No", 2)) || (n == 6 && !memcmp(s + i, "Nobody", 6)))) return false;
        name &= s[i] >= 'A' && s[i] <= 'Z';
        if (i + n < pe && s[i + n] == '.' && abbrev_lookup(s + i, n) == ABBREV_TITLE) n++; /* "Dr." */
        i += n;
    }
    return false;
}

/* Whether the word before s[bang] is a name spelt with '!' (Yahoo!, Jeopardy!). */
static bool brand_before(const char *s, size_t ps, size_t bang)
{
    static const char *const brands[] = {"Jeopardy", "Yahoo"};
    size_t k = bang;
    while (k > ps && is_alpha(s[k - 1])) k--;
    return wordlist_find(brands, sizeof brands / sizeof *brands, s + k, bang - k);
}

/* Whether a dash (— – --) and then a lower-case word start at s[i]. */
static bool dash_then_lower(const char *s, size_t pe, size_t i)
{
    if (has3(s, pe, i, 0xe2, 0x80, 0x94) || has3(s, pe, i, 0xe2, 0x80, 0x93)) i += 3;
    else if (i + 1 < pe && s[i] == '-' && s[i + 1] == '-') i += 2;
    else return false;
    if (i >= pe || !text_space_len(s, pe, i)) return false;
    i = skip_space(s, pe, i);
    return i < pe && case_at(s, pe, i) == CASE_LOWER;
}

/* Whether the word that ends at s[end] is capitalised and the word before it lower-case ("in Co"). */
static bool lower_word_before(const char *s, size_t ps, size_t end)
{
    while (end > ps && is_alpha(s[end - 1])) end--;
    if (s[end] < 'A' || s[end] > 'Z') return false;
    size_t k = trim_back(s, ps, end);
    if (k == end) return false;
    while (k > ps && is_alpha(s[k - 1])) k--;
    return s[k] >= 'a' && s[k] <= 'z';
}

/* Whether the word that ends at s[dot] follows a capitalised word and a comma, as a state follows
 * its city ("Erie, Pa"). */
static bool city_before(const char *s, size_t ps, size_t dot)
{
    size_t k = dot;
    while (k > ps && is_alpha(s[k - 1])) k--;
    if (k < ps + 4 || s[k - 1] != ' ' || s[k - 2] != ',') return false;
    k -= 2;
    while (k > ps && is_alpha(s[k - 1])) k--;
    return s[k] >= 'A' && s[k] <= 'Z';
}

/* Kind of the word before a period at s[dot]; *w and *wl get the word. */
static abbrev_kind word_before(const char *s, size_t ps, size_t dot)
{
    size_t k = dot;
    /* ASCII letters, digits and dots are neither space nor opener: skip them quickly */
    while (k > ps && (is_alpha(s[k - 1]) || is_digit(s[k - 1]) || s[k - 1] == '.')) k--;
    while (k > ps) {
        size_t j = k - 1;
        while (j > ps && ((unsigned char)s[j] & 0xc0) == 0x80) j--;
        if (text_space_len(s, dot, j) || opener_len(s, dot, j)) break;
        k = j;
    }
    const char *w = s + k;
    size_t wl = dot - k;
    if (wl == 0) return ABBREV_NONE;
    abbrev_kind kind = abbrev_lookup(w, wl);
    if (kind != ABBREV_NONE) return kind;
    /* "in." after a number is inches ("4 ft. 2 in. long"), "C." and "F." degrees ("minus 4 C. Schools") */
    bool after_number = k >= ps + 2 && s[k - 1] == ' ' && s[k - 2] >= '0' && s[k - 2] <= '9';
    if (after_number && ((wl == 2 && w[0] == 'i' && w[1] == 'n') || (wl == 1 && (w[0] == 'C' || w[0] == 'F'))))
        return ABBREV_END;
    if (wl == 1 && w[0] >= 'A' && w[0] <= 'Z') return ABBREV_AMBIGUOUS; /* an initial: James B. Comey */
    /* Dotted abbreviations: U.S, a.m, J.R.R, Ph.D, W.Va: two pieces or more of one to three letters */
    size_t piece = 0, pieces = 1;
    for (size_t j = 0; j < wl; j++) {
        if (w[j] == '.') {
            if (!piece) return ABBREV_NONE;
            piece = 0;
            pieces++;
        } else if (!is_alpha(w[j]) || ++piece > 3) {
            return ABBREV_NONE;
        }
    }
    return pieces >= 2 && piece ? ABBREV_AMBIGUOUS : ABBREV_NONE;
}

/* Whether the period at s[dot] closes a plain word (letters, or a number of two or more digits,
 * standing alone) and so ends a sentence even before a lower-case word, as informal text has it:
 * "I'm 33. ive never been", "it ruins it. or use". Short capitalised words are left alone: they
 * are mostly abbreviations not in the lists ("Eng. project", "Epis. church"); so are short words
 * after a number, units ("20 pts. and"). A period set off by a space (tokenised text: "becca is
 * right . iv owned") ends the sentence too. */
static bool plain_word_before(const char *s, size_t ps, size_t dot)
{
    size_t k = dot;
    while (k > ps && (is_alpha(s[k - 1]) || (s[k - 1] >= '0' && s[k - 1] <= '9'))) k--;
    size_t wl = dot - k;
    if (k > ps && !text_space_len(s, dot, k - 1) && !opener_len(s, dot, k - 1)) return false;
    if (wl == 0) return k > ps; /* " . " */
    size_t digits = 0;
    for (size_t j = k; j < dot; j++) digits += s[j] >= '0' && s[j] <= '9';
    if (digits) return digits == wl && wl >= 2;
    if (wl <= 4 && k >= ps + 2 && s[k - 1] == ' ' && is_digit(s[k - 2])) return false; /* a unit: "20 pts. and" */
    return !(s[k] >= 'A' && s[k] <= 'Z' && wl <= 4);
}

/* The paragraph being split. */
typedef struct para {
    const char *s;
    size_t start, end; /* its bytes */
    size_t sentence;   /* start of the sentence being read */
    int title;         /* title_case() once asked: -1 not yet, 0 no, 1 yes */
    size_t counted;    /* straight quotes are counted up to here... */
    size_t quotes;     /* ...and this is how many there are */
} para;

/* Whether a sentence ends at marks with no space after them, as in scraped text: "the
 * interstate.Around 4 a.m.", "in 2004.Officials say", "again.\"When she". The word before must be 3+
 * lower-case letters or digits and the word after capitalised (or "A", "I"); web and e-mail
 * addresses, file names and numbers (example.com, Node.js, 3.5, IGC.org) never match. */
static bool glued(const char *s, size_t from, size_t pe, size_t run, size_t end)
{
    size_t k = run;
    while (k > from && ((s[k - 1] >= 'a' && s[k - 1] <= 'z') || (s[k - 1] >= '0' && s[k - 1] <= '9'))) k--;
    if (run - k < 3 || (s[run] == '.' && s[run + 1] == '.')) return false;
    if (end < pe && s[end] == '"') end++; /* an opening quote (see opens_glued_quote) */
    if (end >= pe || s[end] < 'A' || s[end] > 'Z') return false;
    size_t n = end + 1 + alpha_run(s, pe, end + 1);
    if (n == end + 1 && s[end] != 'A' && s[end] != 'I') return false;
    if (n < pe && s[n] >= 'A' && s[n] <= 'Z') return false; /* McDonald's, iPhone-like mixed case */
    if (n < pe && strchr(".(@/:_0123456789", s[n])) return false;
    /* Last, and bounded: the token before must not hold address or file-name punctuation. */
    for (size_t j = k; j > from && !text_space_len(s, pe, j - 1); j--)
        if (k - j > 256 || strchr("./@:\\_", s[j - 1])) return false;
    return true;
}

/* Decides whether the terminators s[run, run_end) followed by closers up to `end` end a sentence. */
static bool is_boundary(para *p, size_t run, size_t run_end, size_t end, bool quoted)
{
    const char *s = p->s;
    size_t pe = p->end;
    if (end >= pe) return false; /* the paragraph's end */
    if (!text_space_len(s, pe, end)) return glued(s, p->sentence, pe, run, end);
    size_t n = skip_space(s, pe, end), o;
    while (n < pe && (o = opener_len(s, pe, n))) n += o;
    if (n >= pe) return false;
    letter_case next = case_at(s, pe, n);

    bool question = false;
    size_t n_dots = 0;
    for (size_t k = run; k < run_end; k++) {
        if (s[k] == '?' || s[k] == '!') question = true;
        if (s[k] == '.') n_dots++;
        if ((unsigned char)s[k] == 0xe2) n_dots += 3; /* … */
    }
    bool dots = n_dots > 1;
    if (question) {
        /* "Yahoo! News", "Jeopardy! champion": the mark belongs to the name. */
        if (s[run] == '!' && run_end == run + 1 && brand_before(s, p->start, run)) return false;
        /* '"Why?" she asked.' goes on; 'a lonely place? and how big are they?' is two questions. */
        if (next == CASE_LOWER) return !quoted;
        /* "The question — who knew what, and when? — remains open." */
        if (dash_then_lower(s, pe, n)) return false;
        return !(quoted && attribution_follows(s, pe, end));
    }
    if (dots) {
        /* "[…]" marks words left out of a quotation; a free-standing " ... " inside a sentence does
         * too, unless a fourth dot ends the sentence (". . . ."). */
        if (run > p->start && (s[run - 1] == '[' || s[run - 1] == '(')) return false;
        if (n_dots == 3 && run > p->start && text_space_len(s, pe, run - 1)) return false;
        return next == CASE_UPPER;
    }
    /* Before a lower-case word only a plain word's period set off by a space ends a sentence;
     * 'is great." she said' and '(as an engineer.) at the' go on. */
    if (next == CASE_LOWER) {
        bool q;
        return text_space_len(s, pe, run_end) && !closer_len(s, pe, skip_space(s, pe, run_end), &q) &&
               plain_word_before(s, p->start, run) && word_before(s, p->start, run) == ABBREV_NONE;
    }
    abbrev_kind kind = word_before(s, p->start, run);
    switch (kind) {
    case ABBREV_TITLE: return false;
    case ABBREV_NUMBER: return next != CASE_DIGIT;
    case ABBREV_AMBIGUOUS: case ABBREV_STATE: {
        if (next != CASE_UPPER) return false;
        if (kind == ABBREV_STATE && city_before(s, p->start, run) && count_words(s, p->sentence, run, 4) == 4) {
            if (p->title < 0) p->title = title_case(s, p->start, pe);
            return !p->title;
        }
        size_t wl = alpha_run(s, pe, n);
        if (!wl || !abbrev_starter(s + n, wl)) return false;
        /* "At 5 a.m. Mr. Smith went": a fragment this short is an opening phrase, not a sentence. */
        if (count_words(s, p->sentence, run, 4) < 4) return false;
        if (p->title < 0) p->title = title_case(s, p->start, pe);
        return !p->title;
    }
    case ABBREV_COMPANY: case ABBREV_TIME: case ABBREV_END: {
        if (next != CASE_UPPER) return false;
        size_t wl = alpha_run(s, pe, n);
        /* "Sony Corp. Chairman Kazuo Hirai", "Microsoft Corp. Tuesday reported", "7 a.m. Tuesday" */
        if (kind == ABBREV_COMPANY && (abbrev_company_title(s + n, wl) || abbrev_time_follower(s + n, wl))) return false;
        if (kind == ABBREV_TIME && abbrev_time_follower(s + n, wl)) return false;
        /* A company's name comes before its suffix; after a lower-case word "Co." is a county: "born
         * in Co. Kerry" (but "Jane and co. They"). */
        if (kind == ABBREV_COMPANY && lower_word_before(s, p->start, run)) return false;
        /* "At 5 a.m. Mr. Smith went", "Warner Bros. Discovery said": too short for a sentence. */
        if (count_words(s, p->sentence, run, 4) < 4) return false;
        if (p->title < 0) p->title = title_case(s, p->start, pe);
        return !p->title;
    }
    case ABBREV_NONE: break;
    }
    return true;
}

/* Length of the run of sentence-final marks at s[i]: . ? ! … and spaced ". . ."; 0 when none. */
static size_t terminator_run(const char *s, size_t len, size_t i)
{
    size_t k = i;
    for (;;) {
        if (k < len && (s[k] == '.' || s[k] == '?' || s[k] == '!')) {
            k++;
        } else if (has3(s, len, k, 0xe2, 0x80, 0xa6)) {
            k += 3;
        } else if (k > i && k + 2 < len && s[k] == ' ' && (s[k + 1] == '?' || s[k + 1] == '!' || s[k + 1] == '.') &&
                   text_space_len(s, len, k + 2)) {
            k += 1; /* "? ? ?", "it? ." */
        } else if (k > i && s[k - 1] == '.' && k + 1 < len && s[k] == ' ' && s[k + 1] == '.' &&
                   (k - i >= 2 || (k + 3 < len && s[k + 2] == ' ' && s[k + 3] == '.'))) {
            k += 1; /* ". . ." */
        } else {
            break;
        }
    }
    return k - i;
}

/* Whether the run of dots at s[i, i + run) is a period closing the word before it followed by an
 * ellipsis that opens the next sentence: "compounds. . . . The practice". */
static bool period_then_ellipsis(const char *s, size_t ps, size_t pe, size_t i, size_t run)
{
    if (run < 7 || i == ps || text_space_len(s, pe, i - 1) || s[i] != '.' || s[i + 1] != ' ') return false;
    size_t n = i + run;
    if (n >= pe || !text_space_len(s, pe, n)) return false;
    n = skip_space(s, pe, n);
    return n < pe && case_at(s, pe, n) == CASE_UPPER;
}

/* Number of straight '"' in the paragraph before s[i] (i never going back), found by memchr. */
static size_t quotes_before(para *p, size_t i)
{
    const char *q;
    while (p->counted < i && (q = memchr(p->s + p->counted, '"', i - p->counted))) {
        p->quotes++;
        p->counted = (size_t)(q - p->s) + 1;
    }
    if (p->counted < i) p->counted = i;
    return p->quotes;
}

/* Whether the straight '"' at s[i], glued to both a sentence mark and the next word, opens a quotation
 * (an even number of '"' before it in the paragraph): 'seem."It sucks," she says.' The count is kept
 * in p and only moves forward, so the paragraph is read once. */
static bool opens_glued_quote(para *p, size_t i)
{
    const char *s = p->s;
    if (s[i] != '"' || i + 1 >= p->end || text_space_len(s, p->end, i + 1)) return false;
    return quotes_before(p, i) % 2 == 0;
}

/* Length of a straight quote set off by spaces at s[i] that closes a quotation, 0 when none: the
 * closing '' of tokenised text ("`` We are ready . '' Critics"), or a '"' after an odd number of
 * '"' in the paragraph ('said : " We are ready . " Critics'). */
static size_t spaced_closing_quote(para *p, size_t i)
{
    const char *s = p->s;
    if (i + 1 < p->end && s[i] == '\'' && s[i + 1] == '\'') return 2;
    return s[i] == '"' ? quotes_before(p, i) % 2 : 0;
}

/* Length of a reference marker at s[i] ("[12]", "[3, 4]", "[7–9]", "[a]"), 0 when none. */
static size_t reference_len(const char *s, size_t pe, size_t i)
{
    if (i + 2 >= pe || s[i] != '[') return 0;
    if (is_alpha(s[i + 1]) && s[i + 2] == ']') return 3;
    size_t k = i + 1;
    if (s[k] < '0' || s[k] > '9') return 0;
    while (k < pe && k - i <= 12) {
        if ((s[k] >= '0' && s[k] <= '9') || s[k] == ',' || s[k] == ' ' || s[k] == '-') k++;
        else if (has3(s, pe, k, 0xe2, 0x80, 0x93)) k += 3; /* – */
        else break;
    }
    return k < pe && s[k] == ']' ? k + 1 - i : 0;
}

/* Length of an emoticon standing alone at s[i] (":)", ";-)", "^_^"), 0 when none. */
static size_t emoticon_len(const char *s, size_t pe, size_t i)
{
    static const char *const faces[] = {":'(", ":(", ":)", ":-(", ":-)", ":-D", ":-P", ":D", ":P", ":p",
                                        ";)", ";-)", "=)", ">:(", "^_^"};
    size_t k = i;
    while (k < pe && k - i < 4 && !text_space_len(s, pe, k)) k++;
    if (k < pe && !text_space_len(s, pe, k)) return 0;
    return wordlist_find(faces, sizeof faces / sizeof *faces, s + i, k - i) ? k - i : 0;
}

/* Whether the ')' at s[i] closes an emoticon that ends a sentence with no mark before it: "it was very
 * deep, so nothing was affected :) As for the town". A capitalised word must follow. */
static bool emoticon_ends_sentence(const char *s, size_t ps, size_t pe, size_t i)
{
    size_t k = i;
    while (k > ps && i - k < 3 && !text_space_len(s, pe, k - 1)) k--;
    if (k == i || (k > ps && !text_space_len(s, pe, k - 1)) || emoticon_len(s, pe, k) != i + 1 - k) return false;
    if (i + 1 >= pe || !text_space_len(s, pe, i + 1)) return false;
    size_t n = skip_space(s, pe, i + 1);
    return n < pe && case_at(s, pe, n) == CASE_UPPER;
}

/* The end of a footnote number after the end of a sentence, on its line and followed by a
 * capitalised word ("a publication fee. 8 Yet some"), or `end` when none. */
static size_t after_footnote(const char *s, size_t pe, size_t end)
{
    size_t i = skip_space(s, pe, end), k = i;
    while (k < pe && k - i < 3 && is_digit(s[k])) k++;
    if (k == i || k - i > 2 || k >= pe || s[k] != ' ' || memchr(s + end, '\n', i - end)) return end;
    size_t n = skip_space(s, pe, k);
    return n < pe && case_at(s, pe, n) == CASE_UPPER ? k : end;
}

/* The end of what follows a sentence's final mark and still belongs to the sentence, or `end` when
 * nothing does: footnote and citation markers ("...in 1805. [6] [7]"), a cut ("the same? [...]"),
 * an emoticon ("like that. ;)"). */
static size_t after_references(const char *s, size_t pe, size_t end)
{
    for (;;) {
        size_t k = skip_space(s, pe, end);
        char c = k < pe ? s[k] : '\0';
        if (c != '[' && c != ':' && c != ';' && c != '=' && c != '>' && c != '^') return end;
        size_t r = reference_len(s, pe, k);
        if (!r) r = emoticon_len(s, pe, k);
        if (!r && k + 4 < pe && !memcmp(s + k, "[...]", 5)) r = 5;
        if (!r && k + 4 < pe && !memcmp(s + k, "[\xe2\x80\xa6]", 5)) r = 5;
        if (!r) return end;
        end = k + r;
    }
}

/* Whether byte c can start a sentence mark: . ? ! or the lead byte of … */
static bool mark_byte(unsigned char c) { return c == '.' || c == '?' || c == '!' || c == 0xe2; }

/* Offset of the first byte at or after i that can start a sentence mark, `end` when none; 16 bytes
 * a step with SSE2 (four compares and one mask), else 8 (the marks' zero bytes after an XOR). */
static size_t next_mark(const char *s, size_t i, size_t end)
{
#if defined(__SSE2__)
    const __m128i stop = _mm_set1_epi8('.'), ask = _mm_set1_epi8('?'), bang = _mm_set1_epi8('!'),
                  e2 = _mm_set1_epi8((char)0xe2);
    for (; end - i >= 16; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, stop), _mm_cmpeq_epi8(x, ask)),
                                   _mm_or_si128(_mm_cmpeq_epi8(x, bang), _mm_cmpeq_epi8(x, e2)));
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);
        if (mask) return i + (size_t)__builtin_ctz(mask);
    }
#endif
    for (; end - i >= 8; i += 8) {
        uint64_t x = bytes_load64(s + i), a = x ^ (BYTES_ONES * '.'), b = x ^ (BYTES_ONES * '?'),
                 c = x ^ (BYTES_ONES * '!'), d = x ^ (BYTES_ONES * 0xe2);
        /* the top bit of a byte that is zero in a, b, c or d (and maybe of bytes after it) */
        uint64_t zero = ((a - BYTES_ONES) & ~a) | ((b - BYTES_ONES) & ~b) | ((c - BYTES_ONES) & ~c) |
                        ((d - BYTES_ONES) & ~d);
        if (zero & BYTES_HIGHS) break;
    }
    while (i < end && !mark_byte((unsigned char)s[i])) i++;
    return i;
}

/* Offset of the first ')' at or after i (it may close a list marker, "2)"), `end` when none. */
static size_t next_paren(const char *s, size_t i, size_t end)
{
    const char *p = i < end ? memchr(s + i, ')', end - i) : NULL;
    return p ? (size_t)(p - s) : end;
}

/* A list marker inside a paragraph: "1." "2)" "(3)" "4.)", or a section number "2.1." */
typedef struct marker {
    size_t start, end; /* its bytes, the opening '(' included */
    unsigned number;   /* its number; 0 for a section number (2.1.) */
} marker;

/* Whether the '.' or ')' at s[i] closes a list marker standing alone before a capitalised word. */
static bool marker_at(const char *s, size_t ps, size_t pe, size_t i, marker *mk)
{
    size_t d = i;
    if (s[i - 1] >= 'a' && s[i - 1] <= 'z') {
        /* a lettered item, "a) The coast road b) The old rail line", numbered a = 1, b = 2 */
        bool paren = i - 1 > ps && s[i - 2] == '(';
        mk->start = paren ? i - 2 : i - 1;
        mk->end = i + 1;
        if ((paren && s[i] != ')') || (mk->start > ps && !text_space_len(s, pe, mk->start - 1))) return false;
        if (mk->end >= pe || !text_space_len(s, pe, mk->end)) return false;
        size_t n = skip_space(s, pe, mk->end);
        mk->number = (unsigned)(s[i - 1] - 'a' + 1);
        return n < pe && case_at(s, pe, n) == CASE_UPPER;
    }
    while (d > ps && i - d <= 8 && (is_digit(s[d - 1]) || s[d - 1] == '.')) d--;
    if (d == i || !is_digit(s[d]) || s[i - 1] == '.') return false;
    bool paren = d > ps && s[d - 1] == '(';
    mk->start = paren ? d - 1 : d;
    if (!paren && mk->start > ps && s[mk->start - 1] == '*') mk->start--; /* "*3. The third" */
    if (mk->start > ps && !text_space_len(s, pe, mk->start - 1)) return false;
    mk->end = i + 1;
    if (s[i] == '.' && mk->end < pe && s[mk->end] == ')') mk->end++;
    if (paren && s[mk->end - 1] != ')') return false;
    if (mk->end >= pe || !text_space_len(s, pe, mk->end)) return false;
    size_t n = skip_space(s, pe, mk->end);
    if (n >= pe || case_at(s, pe, n) != CASE_UPPER) return false;
    mk->number = 0;
    if (memchr(s + d, '.', i - d)) return s[i] == '.'; /* a section number: "2.1." */
    if (i - d > 2) return false;
    for (size_t k = d; k < i; k++) mk->number = mk->number * 10 + (unsigned)(s[k] - '0');
    return true;
}

static bool split_paragraph(const char *s, size_t ps, size_t pe, unsigned item, span_vec *out)
{
    para p = {s, ps, pe, ps, -1, ps, 0};
    size_t start = ps;
    unsigned next_item = item ? item + 1 : 0; /* the number the next item of a numbered list has */
    size_t paren = next_paren(s, ps, pe); /* the next ')' */
    for (size_t i = ps;;) {
        if (paren < i) paren = next_paren(s, i, pe);
        if ((i = next_mark(s, i, paren)) >= pe) break;
        marker mk;
        if ((s[i] == '.' || s[i] == ')') && i > ps &&
            (is_digit(s[i - 1]) || (s[i - 1] >= 'a' && s[i - 1] <= 'z' && (i - 1 == ps || !is_alpha(s[i - 2])))) &&
            marker_at(s, ps, pe, i, &mk)) {
            /* Numbered items run on inside one paragraph: "advice: 1. Be kind. 2. Save up" or "1) The
             * first item 2) The second item". An item opens a sentence when it starts one, follows a
             * colon (the first), or is the number after the last item's; its marker never ends one.
             * Nor does a section number opening a sentence ("2.1. Property Rights"). */
            size_t at = skip_space(s, mk.start, start), before = trim_back(s, start, mk.start);
            bool opens = at == mk.start;
            bool item_here = opens || (mk.number == 1 && before > start && s[before - 1] == ':') ||
                             (next_item > 1 && mk.number == next_item);
            if (item_here) {
                /* A list marker is layout, as at the start of a line: the item's sentence follows it.
                 * A section number stays with its heading. */
                if (!opens && !emit(s, start, mk.start, out)) return false;
                start = p.sentence = mk.number ? mk.end : mk.start;
                if (mk.number) next_item = mk.number + 1;
                i = mk.end;
                continue;
            }
        }
        if (s[i] == ')' && emoticon_ends_sentence(s, ps, pe, i)) {
            size_t end = i + 1;
            if (!emit(s, start, end, out)) return false;
            start = p.sentence = i = end;
            continue;
        }
        if (s[i] == ')' || (s[i] == '?' && i >= ps + 3 && broken_closing_quote(s, pe, i - 3))) {
            i++;
            continue;
        }
        size_t run = terminator_run(s, pe, i);
        if (!run) {
            i++;
            continue;
        }
        if (period_then_ellipsis(s, ps, pe, i, run)) run = 1;
        size_t end = i + run, k;
        bool quoted = false, q;
        while (end < pe && !opens_glued_quote(&p, end) && (k = closer_len(s, pe, end, &q))) {
            end += k;
            quoted |= q;
        }
        /* A curly closing quote or a bracket set off by a space still belongs here: "really are.' ”
         * Linda", tokenised "( who took office in May . ) spoke" */
        size_t d = skip_space(s, pe, end);
        if (d > end && d < pe && (k = closer_len(s, pe, d, &q))) {
            if (q && k == 1) k = spaced_closing_quote(&p, d); /* tokenised: 'ready . " Critics' */
            else if (!q && s[d] == '}') k = 0;
            size_t after = d + k;
            if (k && (after >= pe || text_space_len(s, pe, after))) end = after, quoted |= q;
        }
        end = after_references(s, pe, end);
        if (is_boundary(&p, i, i + run, end, quoted)) {
            end = after_footnote(s, pe, end);
            if (!emit(s, start, end, out)) return false;
            start = p.sentence = end;
        }
        i = end;
    }
    return emit(s, start, pe, out);
}

/* Length of a full date at s[i] ("Tuesday, September 1, 2015": a weekday, a month, a day of one or
 * two digits, a year of four), 0 when none. */
static size_t full_date_len(const char *s, size_t pe, size_t i)
{
    static const char *const weekdays[] = {"Friday", "Monday", "Saturday", "Sunday", "Thursday", "Tuesday", "Wednesday"};
    static const char *const months[] = {"April", "August", "December", "February", "January", "July", "June",
                                         "March", "May", "November", "October", "September"};
    size_t n = alpha_run(s, pe, i);
    if (n < 6 || n > 9 || memcmp(s + i + n - 3, "day", 3) ||
        !wordlist_find(weekdays, sizeof weekdays / sizeof *weekdays, s + i, n))
        return 0;
    size_t k = i + n;
    if (k + 2 >= pe || s[k] != ',' || s[k + 1] != ' ') return 0;
    k += 2;
    n = alpha_run(s, pe, k);
    if (!n || !wordlist_find(months, sizeof months / sizeof *months, s + k, n)) return 0;
    k += n;
    if (k >= pe || s[k++] != ' ') return 0;
    size_t d = k;
    while (k < pe && k - d < 3 && is_digit(s[k])) k++;
    if (k == d || k - d > 2 || k + 6 > pe || s[k] != ',' || s[k + 1] != ' ') return 0;
    for (k += 2, d = k; k < pe && is_digit(s[k]); k++) {}
    return k - d == 4 && (k == pe || !is_alpha(s[k])) ? k - i : 0;
}

/* Splits a paragraph, first taking off a full date that a headline runs into ("Biologist tells
 * Wikinews about ants Tuesday, September 1, 2015") or that runs into the first sentence ("Thursday,
 * March 15, 2012 Wikinews interviewed"): a dateline of its own, as on its own line. Not after a
 * comma or a preposition ("Updated on Tuesday, May 1, 2012"). */
static bool split_dated_paragraph(const char *s, size_t ps, size_t pe, unsigned item, span_vec *out)
{
    static const char *const leads[] = {"after", "at", "before", "by", "from", "of", "on", "since", "to", "until"};
    char c = s[ps]; /* weekdays start with M T W F S */
    size_t d = c == 'M' || c == 'T' || c == 'W' || c == 'F' || c == 'S' ? full_date_len(s, pe, ps) : 0;
    if (d && ps + d < pe && s[ps + d] == ' ' && case_at(s, pe, skip_space(s, pe, ps + d)) == CASE_UPPER) {
        if (!emit(s, ps, ps + d, out)) return false;
        ps = skip_space(s, pe, ps + d);
    }
    size_t body = pe, date = pe; /* the paragraph's text up to `body`, a date from `date` on */
    bool year_last = pe >= ps + 20 && is_digit(s[pe - 1]) && s[pe - 5] == ' ';
    for (size_t j = pe - ps > 29 ? pe - 29 : ps + 1; year_last && j + 19 <= pe; j++) {
        if (s[j - 1] != ' ' || full_date_len(s, pe, j) != pe - j) continue;
        size_t b = trim_back(s, ps, j), w = b;
        while (w > ps && is_alpha(s[w - 1])) w--;
        if (b > ps && s[b - 1] != ',' && !wordlist_find(leads, sizeof leads / sizeof *leads, s + w, b - w))
            body = b, date = j;
        break;
    }
    return split_paragraph(s, ps, body, item, out) && (date == pe || emit(s, date, pe, out));
}

/* text_paragraph_fn: splits one paragraph into the span vector ctx. */
static bool split_into(void *ctx, size_t start, size_t end, unsigned item)
{
    return split_dated_paragraph(((split_ctx *)ctx)->text, start, end, item, &((split_ctx *)ctx)->out);
}

/* Bytes of news text per sentence, about (Multi-News: 127). */
enum { SPAN_GUESS = 128 };

td_status td_split_sentences(const char *text, size_t len, td_span **spans, size_t *n)
{
    split_ctx c = {text, {0}};
    *spans = NULL;
    *n = 0;
    /* room for a sentence every SPAN_GUESS bytes, which news text about fills, with few regrowths */
    if (!vec_reserve(&c.out, len / SPAN_GUESS + 1) || !text_paragraphs(text, len, split_into, &c)) {
        vec_free(&c.out);
        return TD_ERR_NOMEM;
    }
    *spans = c.out.items;
    *n = c.out.len;
    return TD_OK;
}

/* Whether the byte is visible ASCII (above the space, below 0x80). */
static bool visible_ascii(unsigned char c) { return c > ' ' && c < 0x80; }

/* The end of the run at text[i] that td_sentence_text copies as it is: visible ASCII bytes, and
 * single spaces between two of them. Eight bytes a step while nine are left (the byte after each
 * space is looked at): a byte below 0x21 or from 0x80 on stops the run unless it is a space before
 * a visible byte. Every stop is found; a borrow may flag a byte after a true stop, or after a space
 * that does not stop, which only ends the run early (the caller copies that byte itself). */
static size_t verbatim_end(const char *text, size_t end, size_t i)
{
    for (; i + 9 <= end; i += 8) {
        uint64_t x = bytes_load64_le(text + i), next = bytes_load64_le(text + i + 1);
        uint64_t stop = ((x - BYTES_ONES * 0x21) & ~x & BYTES_HIGHS) | (x & BYTES_HIGHS);
        uint64_t space = bytes_equal(x, ' ');
        uint64_t visible = ((next & ~BYTES_HIGHS) + BYTES_ONES * (0x80 - 0x21)) & ~next & BYTES_HIGHS;
        stop &= ~(space & visible);
        if (stop) return i + (size_t)__builtin_ctzll(stop) / 8;
    }
    while (i < end && (visible_ascii((unsigned char)text[i]) ||
                       (text[i] == ' ' && i + 1 < end && visible_ascii((unsigned char)text[i + 1]))))
        i++;
    return i;
}

char *td_sentence_text(const char *text, td_span span)
{
    char *r = malloc(span.end - span.start + 1);
    if (!r) return NULL;
    size_t k = 0, i = skip_space(text, span.end, span.start);
    size_t end = trim_back(text, i, span.end);
    while (i < end) {
        size_t run = verbatim_end(text, end, i); /* copied at once */
        memcpy(r + k, text + i, run - i);
        k += run - i;
        i = run;
        if (i >= end) break;
        size_t w = text_space_len(text, end, i);
        if (w) {
            r[k++] = ' ';
            i = skip_space(text, end, i);
        } else {
            r[k++] = text[i++];
        }
    }
    r[k] = '\0';
    return r;
}

/* metadata_date.c — calendar dates in the many ways pages write them, normalised to YYYY-MM-DD. */
#include <string.h>

#include "html/metadata.h"
#include "text/text.h"

enum { TOK_NUM, TOK_WORD, TOK_SEP, MAX_TOKENS = 96, MAX_WORD = 24 };

typedef struct dtok {
    int kind;         /* TOK_* */
    bool space;       /* white space before it */
    size_t len;       /* bytes (digits of a number) */
    long num;         /* value of a number (only up to 8 digits are read) */
    char sep;         /* the character of a separator */
    char word[MAX_WORD + 1]; /* a word, lower-cased (ASCII and Latin-1 capitals), cut at MAX_WORD */
} dtok;

/* Month names and their usual abbreviations in English, German, French, Spanish, Italian, Dutch
 * and Portuguese, lower case, each with its month. */
static const struct month_name {
    const char *name;
    int month;
} months[] = {
    {"january", 1},    {"jan", 1},       {"januar", 1},    {"jänner", 1},    {"jän", 1},       {"janvier", 1},
    {"janv", 1},       {"enero", 1},     {"ene", 1},       {"gennaio", 1},   {"gen", 1},       {"januari", 1},
    {"janeiro", 1},    {"february", 2},  {"feb", 2},       {"februar", 2},   {"feber", 2},     {"février", 2},
    {"fevrier", 2},    {"févr", 2},      {"fevr", 2},      {"febrero", 2},   {"febbraio", 2},  {"februari", 2},
    {"fevereiro", 2},  {"fev", 2},       {"march", 3},     {"mar", 3},       {"märz", 3},      {"mär", 3},
    {"mrz", 3},        {"mars", 3},      {"marzo", 3},     {"maart", 3},     {"mrt", 3},       {"março", 3},
    {"april", 4},      {"apr", 4},       {"avril", 4},     {"avr", 4},       {"abril", 4},     {"abr", 4},
    {"aprile", 4},     {"may", 5},       {"mai", 5},       {"mayo", 5},      {"maggio", 5},    {"mag", 5},
    {"mei", 5},        {"maio", 5},      {"june", 6},      {"jun", 6},       {"juni", 6},      {"juin", 6},
    {"junio", 6},      {"giugno", 6},    {"giu", 6},       {"junho", 6},     {"july", 7},      {"jul", 7},
    {"juli", 7},       {"juillet", 7},   {"juil", 7},      {"julio", 7},     {"luglio", 7},    {"lug", 7},
    {"julho", 7},      {"august", 8},    {"aug", 8},       {"août", 8},      {"aout", 8},      {"agosto", 8},
    {"ago", 8},        {"augustus", 8},  {"september", 9}, {"sep", 9},       {"sept", 9},      {"septembre", 9},
    {"septiembre", 9}, {"setiembre", 9}, {"settembre", 9}, {"set", 9},       {"setembro", 9},  {"october", 10},
    {"oct", 10},       {"oktober", 10},  {"okt", 10},      {"octobre", 10},  {"octubre", 10},  {"ottobre", 10},
    {"ott", 10},       {"outubro", 10},  {"out", 10},      {"november", 11}, {"nov", 11},      {"novembre", 11},
    {"noviembre", 11}, {"novembro", 11}, {"december", 12}, {"dec", 12},      {"dezember", 12}, {"dez", 12},
    {"décembre", 12},  {"decembre", 12}, {"déc", 12},      {"diciembre", 12}, {"dic", 12},     {"dicembre", 12},
    {"dezembro", 12},
};

static int month_of(const char *word)
{
    for (size_t i = 0; i < sizeof months / sizeof *months; i++)
        if (strcmp(word, months[i].name) == 0) return months[i].month;
    return 0;
}

static bool valid_date(long y, long m, long d)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1990 || y > 2099 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) return false;
    return !(m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
}

static bool emit(long y, long m, long d, char out[11])
{
    if (!valid_date(y, m, d)) return false;
    /* valid_date bounds the numbers: 4, 2 and 2 digits */
    long parts[3] = {y, m, d};
    static const int width[3] = {4, 2, 2};
    char *p = out;
    for (int i = 0; i < 3; i++) {
        if (i) *p++ = '-';
        for (int k = width[i] - 1; k >= 0; k--, parts[i] /= 10) p[k] = (char)('0' + parts[i] % 10);
        p += width[i];
    }
    *p = '\0';
    return true;
}

/* Splits s into numbers, words and single separator characters; at most MAX_TOKENS. */
static size_t tokenize(const char *s, dtok *t)
{
    size_t n = 0, len = strlen(s), i = 0;
    bool space = false;
    while (i < len && n < MAX_TOKENS) {
        unsigned char c = (unsigned char)s[i];
        size_t sp = text_space_len(s, len, i);
        if (sp) {
            space = true;
            i += sp;
            continue;
        }
        dtok *k = &t[n++];
        memset(k, 0, sizeof *k);
        k->space = space;
        space = false;
        if (c >= '0' && c <= '9') {
            k->kind = TOK_NUM;
            while (i < len && s[i] >= '0' && s[i] <= '9') {
                if (k->len < 8) k->num = k->num * 10 + (s[i] - '0');
                k->len++;
                i++;
            }
        } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? true : c >= 0x80) {
            k->kind = TOK_WORD;
            size_t w = 0;
            while (i < len && !text_space_len(s, len, i)) {
                unsigned char d = (unsigned char)s[i];
                bool ascii_letter = (d | 0x20) >= 'a' && (d | 0x20) <= 'z';
                if (d < 0x80 && !ascii_letter) break;
                if (ascii_letter) d |= 0x20;
                /* Latin-1 capitals (À-Þ, not ×) are C3 80-9E: lower them by 0x20 */
                else if (w && (unsigned char)k->word[w - 1] == 0xc3 && d >= 0x80 && d <= 0x9e && d != 0x97) d += 0x20;
                if (w < MAX_WORD) k->word[w++] = (char)d;
                i++;
            }
            /* a cut word must not match a short month name */
            if (w == MAX_WORD) k->word[0] = '\0';
        } else {
            k->kind = TOK_SEP;
            k->sep = (char)c;
            i++;
        }
    }
    return n;
}

static bool is_num(const dtok *t, size_t n, size_t i, size_t min_len, size_t max_len)
{
    return i < n && t[i].kind == TOK_NUM && t[i].len >= min_len && t[i].len <= max_len;
}

static bool is_sep(const dtok *t, size_t n, size_t i, char c, bool spaced)
{
    return i < n && t[i].kind == TOK_SEP && t[i].sep == c && (spaced || !t[i].space);
}

/* Skips what may stand between the parts of a written date: '.', ',' and the words "de", "del",
 * "of", "den"; an ordinal ending right after a day number (1st, 2nd, 1er, 3rd, 4th, 1º). */
static size_t skip_filler(const dtok *t, size_t n, size_t i)
{
    while (i < n) {
        if (t[i].kind == TOK_SEP && (t[i].sep == '.' || t[i].sep == ',')) i++;
        else if (t[i].kind == TOK_WORD && (strcmp(t[i].word, "de") == 0 || strcmp(t[i].word, "del") == 0 ||
                                           strcmp(t[i].word, "of") == 0 || strcmp(t[i].word, "den") == 0))
            i++;
        else break;
    }
    return i;
}

static size_t skip_ordinal(const dtok *t, size_t n, size_t i)
{
    static const char *const ord[] = {"st", "nd", "rd", "th", "er", "\xc2\xba", "e"};
    if (i < n && t[i].kind == TOK_WORD && !t[i].space)
        for (size_t k = 0; k < sizeof ord / sizeof *ord; k++)
            if (strcmp(t[i].word, ord[k]) == 0) return i + 1;
    return i;
}

/* Tries every date pattern starting at token i. */
static bool match_at(const dtok *t, size_t n, size_t i, char out[11])
{
    /* 2012-05-31, 2012/05/31, 2012.05.31 (ISO 8601 with any time after it) */
    if (is_num(t, n, i, 4, 4))
        for (const char *c = "-/."; *c; c++)
            if (is_sep(t, n, i + 1, *c, false) && is_num(t, n, i + 2, 1, 2) && is_sep(t, n, i + 3, *c, false) &&
                is_num(t, n, i + 4, 1, 2) && !t[i + 2].space && !t[i + 4].space)
                return emit(t[i].num, t[i + 2].num, t[i + 4].num, out);
    /* 20120531 (basic ISO 8601), only as the start of a value */
    if (i == 0 && is_num(t, n, i, 8, 8)) return emit(t[i].num / 10000, t[i].num / 100 % 100, t[i].num % 100, out);
    if (is_num(t, n, i, 1, 2)) {
        /* 31.05.2012 (spaces allowed after the dots), 31-05-2012; 31/05/2012 and 05/31/2012 when
         * the day is the number above 12 */
        if (is_sep(t, n, i + 1, '.', false) && is_num(t, n, i + 2, 1, 2) && is_sep(t, n, i + 3, '.', false) &&
            is_num(t, n, i + 4, 4, 4))
            return emit(t[i + 4].num, t[i + 2].num, t[i].num, out);
        for (const char *c = "-/"; *c; c++)
            if (is_sep(t, n, i + 1, *c, false) && is_num(t, n, i + 2, 1, 2) && !t[i + 2].space &&
                is_sep(t, n, i + 3, *c, false) && is_num(t, n, i + 4, 4, 4) && !t[i + 4].space) {
                long a = t[i].num, b = t[i + 2].num;
                if (*c == '-' || (a > 12 && b <= 12)) return emit(t[i + 4].num, b, a, out);
                if (b > 12 && a <= 12) return emit(t[i + 4].num, a, b, out);
                return false;
            }
        /* 31. Mai 2012, 31 May 2012, 1er mai 2012, 31 de mayo de 2012 */
        size_t j = skip_filler(t, n, skip_ordinal(t, n, i + 1));
        int m = j < n && t[j].kind == TOK_WORD ? month_of(t[j].word) : 0;
        if (m) {
            j = skip_filler(t, n, j + 1);
            if (is_num(t, n, j, 4, 4)) return emit(t[j].num, m, t[i].num, out);
        }
    }
    /* May 31, 2012; Mai 31 2012; Sept. 3rd, 2012 */
    if (i < n && t[i].kind == TOK_WORD) {
        int m = month_of(t[i].word);
        size_t j = i + 1;
        if (m && j < n && t[j].kind == TOK_SEP && t[j].sep == '.') j++;
        if (m && is_num(t, n, j, 1, 2)) {
            size_t k = skip_filler(t, n, skip_ordinal(t, n, j + 1));
            if (is_num(t, n, k, 4, 4)) return emit(t[k].num, m, t[j].num, out);
        }
    }
    return false;
}

bool meta_date_parse(const char *s, char out[11])
{
    dtok t[MAX_TOKENS];
    size_t n = tokenize(s, t);
    for (size_t i = 0; i < n; i++)
        if (match_at(t, n, i, out)) return true;
    return false;
}

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

static long number(const char *s, size_t n)
{
    long v = 0;
    for (size_t i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
    return v;
}

bool meta_date_from_url(const char *url, char out[11])
{
    /* the path: after "//host" when there is a scheme */
    const char *p = strstr(url, "//");
    p = p ? strchr(p + 2, '/') : url;
    if (!p) return false;
    const char *end = p + strcspn(p, "?#");
    for (const char *q = p; q < end; q++) {
        if (*q != '/' && *q != '-' && *q != '_') continue;
        const char *y = q + 1;
        size_t left = (size_t)(end - y);
        bool term; /* the date is not followed by more digits */
        /* /2012/05/31, /2012-05-31, _2012_05_31 */
        if (left >= 10 && digits(y, 4) && (y[4] == '/' || y[4] == '-' || y[4] == '_') && digits(y + 5, 2) &&
            y[7] == y[4] && digits(y + 8, 2)) {
            term = left == 10 || !(y[10] >= '0' && y[10] <= '9');
            if (term && emit(number(y, 4), number(y + 5, 2), number(y + 8, 2), out)) return true;
        }
        /* /20120531/ or /20120531- */
        if (left >= 8 && digits(y, 8) && *q == '/') {
            term = left == 8 || y[8] == '/' || y[8] == '-' || y[8] == '_' || y[8] == '.';
            if (term && emit(number(y, 4), number(y + 4, 2), number(y + 6, 2), out)) return true;
        }
    }
    return false;
}

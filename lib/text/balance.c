/* balance.c — balances the double quotation marks of a sentence cut out of its text. A sentence from
 * a quotation of several sentences keeps the mark that opened it ("“My country has nothing to do
 * with it.") or the one that closed it ("We want evidence.”"); shown alone, it would quote half of
 * something. The mark is closed (or opened) with its partner, or dropped when there is no room.
 * Also counts the words a sentence quotes, for the summariser's value of quoted speech. */
#include <stdlib.h>
#include <string.h>

#include "common/bytes.h"
#include "text/text.h"

typedef struct mark {
    size_t at, len;
    bool opens;          /* opens a quotation (else closes one) */
    const char *partner; /* the mark that pairs with it */
} mark;

/* The double quotation mark at s[i] (" “ ” „ « »), if any. A straight '"' opens a quotation at the
 * start, after white space or an opening bracket, closes one after anything else but a digit, and is
 * an inch mark after a digit. */
static bool mark_at(const char *s, size_t len, size_t i, mark *m)
{
    const unsigned char *p = (const unsigned char *)s + i;
    m->at = i;
    if (p[0] == '"') {
        if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') return false; /* inches: a 6" pipe */
        m->len = 1;
        m->opens = i == 0 || text_space_len(s, len, i - 1) || s[i - 1] == '(' || s[i - 1] == '[';
        m->partner = "\"";
        return true;
    }
    if (i + 2 < len && p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0x9c || p[2] == 0x9d || p[2] == 0x9e)) {
        m->len = 3;
        m->opens = p[2] != 0x9d;
        m->partner = p[2] == 0x9d ? "\xe2\x80\x9c" : "\xe2\x80\x9d";
        return true;
    }
    if (i + 1 < len && p[0] == 0xc2 && (p[1] == 0xab || p[1] == 0xbb)) {
        m->len = 2;
        m->opens = p[1] == 0xab;
        m->partner = p[1] == 0xab ? "\xc2\xbb" : "\xc2\xab";
        return true;
    }
    return false;
}

bool text_balance_quotes(char **text, bool may_grow)
{
    char *s = *text;
    size_t len = strlen(s);
    /* The first closing mark with no opening one before it, and the last opening mark left open. */
    mark first_close = {0}, last_open = {0}, m;
    bool have_close = false;
    size_t open = 0;
    for (size_t i = 0; (i += strcspn(s + i, "\"\xe2\xc2")) < len; i++) {
        if (!mark_at(s, len, i, &m)) continue;
        if (m.opens) {
            open++;
            last_open = m;
        } else if (open) {
            open--;
        } else if (!have_close) {
            first_close = m;
            have_close = true;
        }
        i += m.len - 1;
    }
    if (!open && !have_close) return true;
    if (!may_grow) {
        /* Drop the unpaired marks (the later one first, so that the earlier offset holds). */
        if (open) memmove(s + last_open.at, s + last_open.at + last_open.len, len + 1 - last_open.at - last_open.len);
        if (have_close)
            memmove(s + first_close.at, s + first_close.at + first_close.len,
                    strlen(s) + 1 - first_close.at - first_close.len);
        return true;
    }
    size_t before = have_close ? strlen(first_close.partner) : 0, after = open ? strlen(last_open.partner) : 0;
    char *r = malloc(len + before + after + 1);
    if (!r) return false;
    if (before) memcpy(r, first_close.partner, before);
    memcpy(r + before, s, len);
    if (after) memcpy(r + before + len, last_open.partner, after);
    r[before + len + after] = '\0';
    free(s);
    *text = r;
    return true;
}

/* The first bytes of quotation marks: " “ ” „ « », `` and '' of tokenised text. */
static const bool may_start_mark[256] = {['"'] = true, ['`'] = true, ['\''] = true, [0xe2] = true, [0xc2] = true};

/* The quotation mark at s[i] as mark_at finds it, or `` and '' of tokenised text. */
static bool any_mark_at(const char *s, size_t len, size_t i, mark *m)
{
    if ((s[i] == '`' || s[i] == '\'') && i + 1 < len && s[i + 1] == s[i]) {
        *m = (mark){.at = i, .len = 2, .opens = s[i] == '`'};
        return true;
    }
    return s[i] != '`' && s[i] != '\'' && mark_at(s, len, i, m);
}

/* Per byte of x (eight bytes, the first lowest), 0x80 where a quotation mark may start: a byte
 * that is not ASCII, '"', '`' or '\''. The lowest flag is exact. */
static inline uint64_t mark_candidates(uint64_t x) { return bytes_flag_high_or3(x, '"', '`', '\''); }

size_t text_quoted_words(const char *s, size_t len, size_t min_words)
{
    mark m;
    size_t first = 0; /* most sentences quote nothing: find the first mark before counting words */
    while (first < len) {
        if (first + 8 <= len) { /* to the first byte of eight that may start a mark, at once */
            uint64_t c = mark_candidates(bytes_load64_le(s + first));
            if (!c) {
                first += 8;
                continue;
            }
            first += (size_t)__builtin_ctzll(c) / 8;
        }
        if (may_start_mark[(unsigned char)s[first]] && any_mark_at(s, len, first, &m)) break;
        first++;
    }
    if (first == len) return 0;
    size_t quoted = 0, words = 0, run = 0; /* run: words of the quotation open now */
    bool open = false, any_mark = false, in_word = false;
    for (size_t i = 0; i < len;) {
        if (i + 8 <= len) { /* eight ASCII bytes with no mark: words start after white space */
            uint64_t x = bytes_load64_le(s + i);
            if (!mark_candidates(x)) {
                uint64_t word = ~bytes_ascii_space(x) & BYTES_HIGHS;
                uint32_t starts = bytes_count_highs(word & (~word << 8 | (in_word ? 0 : 0x80)));
                words += starts;
                run += open ? starts : 0;
                in_word = (word >> 63) != 0;
                i += 8;
                continue;
            }
        }
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || (c >= '\t' && c <= '\r')) { /* the common case first: ASCII white space */
            in_word = false;
            i++;
            continue;
        }
        if (i >= first && may_start_mark[c] && any_mark_at(s, len, i, &m)) {
            if (m.opens && !open) {
                open = true;
                run = 0;
            } else if (!m.opens && open) {
                quoted += run >= min_words ? run : 0;
                open = false;
            } else if (!m.opens && !any_mark) { /* the end of a quotation that began before the sentence */
                quoted += words >= min_words ? words : 0;
            }
            any_mark = true;
            in_word = false;
            i += m.len;
            continue;
        }
        size_t space = c < 0x80 ? 0 : text_space_len_wide(s, len, i);
        if (space) {
            in_word = false;
            i += space;
            continue;
        }
        if (!in_word) {
            words++;
            run += open;
            in_word = true;
        }
        i++;
    }
    if (open) quoted += run >= min_words ? run : 0; /* a quotation that goes on after the sentence */
    return quoted;
}

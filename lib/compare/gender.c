/* gender.c — what the text says of a speaker's sex, so that "he" and "she" skip the speakers they
 * cannot refer to: a courtesy title before the name (Mr. / Mrs. / Ms.), the same surname written
 * with one anywhere in the article ("Mrs. Clinton"), a gendered word in the role ("spokeswoman",
 * "his wife"), a common given name (the most frequent US given names, written here), and what
 * was found of an earlier mention of the same person (same surname, and same given name when both
 * have one). Pronouns are no evidence: one resolved
 * wrongly would spread its error to every later mention. A one-word name the article also writes in lower
 * case ("Police said" / "the police") is a common noun, never he or she. */
#include <stdlib.h>
#include <string.h>

#include "compare/phrases.h"

static const char *const male_names[] = {
    "aaron", "adam", "alan", "albert", "alexander", "andrew", "andy", "anthony", "arthur", "austin", "barry", "ben", "benjamin", "bill", "billy", "bob", "bobby", "brandon", "brian", "bruce", "bryan", "carl", "carlos", "chad", "charles", "christian", "christopher", "craig", "curtis", "dan", "daniel", "david", "dennis", "derek", "donald", "douglas", "dylan", "eddie", "edward", "elijah", "eric", "ethan", "eugene", "frank", "fred", "gabriel", "gary", "george", "gerald", "glenn", "greg", "gregory", "harold", "harry", "henry", "howard", "hugh", "ian", "jack", "jacob", "james", "jason", "jeff", "jeffrey", "jeremy", "jerome", "jerry", "jesse", "jim", "jimmy", "joe", "john", "johnny", "jon", "jonathan", "jordan", "jose", "joseph", "joshua", "juan", "justin", "keith", "ken", "kenneth", "kevin", "kurt", "kyle", "larry", "lawrence", "leonard", "logan", "louis", "luis", "luke", "marcus", "mark", "martin", "mason", "matt", "matthew", "michael", "mike", "nathan", "neil", "nicholas", "nick", "noah", "patrick", "paul", "peter", "phil", "philip", "ralph", "randy", "raymond", "richard", "rick", "ricky", "robert", "roger", "ron", "ronald", "roy", "russell", "ryan", "samuel", "scott", "sean", "shawn", "stanley", "stephen", "steve", "steven", "ted", "terry", "thomas", "tim", "timothy", "todd", "tom", "tommy", "tony", "travis", "tyler", "vincent", "walter", "wayne", "william", "willie", "zachary",
};
static const char *const female_names[] = {
    "abigail", "alexis", "alice", "amanda", "amber", "amy", "ana", "andrea", "angela", "ann", "anna", "anne", "ashley", "barbara", "betty", "beverly", "brenda", "brittany", "carmen", "carol", "carolyn", "catherine", "charlotte", "cheryl", "christina", "christine", "claire", "crystal", "cynthia", "danielle", "deborah", "debra", "denise", "diana", "diane", "donna", "doris", "dorothy", "elizabeth", "ellen", "emily", "emma", "erin", "evelyn", "frances", "gina", "gloria", "grace", "hannah", "heather", "heidi", "helen", "hillary", "isabella", "jacqueline", "jane", "janet", "janice", "jean", "jennifer", "jessica", "jill", "joan", "joanne", "joyce", "judith", "judy", "julia", "julie", "karen", "kate", "katherine", "kathleen", "kathryn", "kayla", "kelly", "kimberly", "kristen", "kristin", "laura", "lauren", "linda", "lisa", "liz", "lori", "madison", "margaret", "maria", "marie", "marilyn", "martha", "mary", "megan", "melanie", "melissa", "michelle", "monica", "nancy", "natalie", "nicole", "olivia", "pamela", "patricia", "peggy", "rachel", "rebecca", "rosa", "rose", "ruth", "samantha", "sandra", "sara", "sarah", "sharon", "shirley", "sophia", "stacy", "stephanie", "sue", "susan", "tara", "teresa", "theresa", "tiffany", "tina", "tracy", "valerie", "vanessa", "victoria", "virginia", "wendy",
};
/* Nouns of a role or description that tell the sex. */
static const char *const male_words[] = {
    "boy", "brother", "businessman", "congressman", "councilman", "dad", "father", "grandfather", "husband",
    "king", "man", "prince", "son", "spokesman", "uncle", "widower",
};
static const char *const female_words[] = {
    "actress", "aunt", "businesswoman", "chairwoman", "congresswoman", "councilwoman", "daughter", "girl",
    "grandmother", "lady", "mom", "mother", "princess", "queen", "sister", "spokeswoman", "widow", "wife", "woman",
};
static const char *const male_courtesy[] = {"mr"};
static const char *const female_courtesy[] = {"miss", "mrs", "ms"};
static const char *const he_word[] = {"he"};
static const char *const she_word[] = {"she"};

/* Evidence so far: a bit for each sex. */
enum { SAYS_MALE = 1, SAYS_FEMALE = 2 };

static unsigned courtesy_at(const qctx *c, size_t t)
{
    if (t >= c->d->tok.len || !is_cap(c, t) || tk(c, t)->end - tk(c, t)->start > 4) return 0;
    return QTOK_IS(c->d, t, male_courtesy) ? SAYS_MALE : QTOK_IS(c->d, t, female_courtesy) ? SAYS_FEMALE : 0;
}

/* The courtesy title just before token t (Mr. Kerry, Mrs Clinton), as evidence bits. */
static unsigned courtesy_before(const qctx *c, size_t t)
{
    if (t > 0 && is_char(c, t - 1, '.')) t--;
    return t > 0 ? courtesy_at(c, t - 1) : 0;
}

/* A word in ASCII lower case into out (cap bytes); its length, 0 when longer. */
static size_t lowered(const qctx *c, size_t t, char *out, size_t cap)
{
    size_t n = tk(c, t)->end - tk(c, t)->start;
    if (n > cap) return 0;
    for (size_t i = 0; i < n; i++) {
        char ch = c->d->text[tk(c, t)->start + i];
        out[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    return n;
}


static unsigned words_say(const qctx *c, size_t a, size_t b)
{
    unsigned says = 0;
    for (size_t t = a; t < b; t++)
        says |= QTOK_IS(c->d, t, male_words) ? SAYS_MALE : QTOK_IS(c->d, t, female_words) ? SAYS_FEMALE : 0;
    return says;
}

/* The last capitalised word of a name (its surname), or name_a when there is none. */
static size_t surname_of(const qctx *c, subject s)
{
    size_t last = s.name_b;
    while (last > s.name_a && !is_cap(c, last - 1)) last--;
    return last > s.name_a ? last - 1 : s.name_a;
}

/* A key of the people map: a tag ('t' a word after a courtesy title anywhere in the article, 'a'
 * the surname of any name, '1' a one-word name, 'f' given name and surname) and the words. 0 when
 * too long. */
static size_t person_key(const qctx *c, char tag, size_t given, size_t surname, char *key, size_t cap)
{
    size_t n = 1, g = given < surname ? tk(c, given)->end - tk(c, given)->start : 0;
    size_t sn = tk(c, surname)->end - tk(c, surname)->start;
    if (1 + g + 1 + sn > cap) return 0;
    key[0] = tag;
    if (g) {
        memcpy(key + n, c->d->text + tk(c, given)->start, g);
        n += g;
        key[n++] = ' ';
    }
    memcpy(key + n, c->d->text + tk(c, surname)->start, sn);
    return n + sn;
}

/* What earlier mentions of the same person said (same surname, and same given name when both
 * have one: Keith Scott is not Rakeyia Scott). */
static unsigned remembered(const qctx *c, subject s, size_t surname)
{
    char key[96];
    size_t n;
    unsigned says = 0;
    uint32_t id;
    bool one_word = surname == s.name_a;
    if ((n = person_key(c, 't', surname, surname, key, sizeof key)) && (id = strmap_find(&c->people, key, n)) != STRMAP_NONE)
        says |= c->people_says.items[id]; /* "Mrs. Clinton" anywhere in the article */
    if (one_word) {
        if ((n = person_key(c, 'a', surname, surname, key, sizeof key)) &&
            (id = strmap_find(&c->people, key, n)) != STRMAP_NONE)
            says |= c->people_says.items[id];
        return says;
    }
    if ((n = person_key(c, '1', surname, surname, key, sizeof key)) && (id = strmap_find(&c->people, key, n)) != STRMAP_NONE)
        says |= c->people_says.items[id];
    if ((n = person_key(c, 'f', s.name_a, surname, key, sizeof key)) && (id = strmap_find(&c->people, key, n)) != STRMAP_NONE)
        says |= c->people_says.items[id];
    return says;
}

static bool remember_key(qctx *c, char tag, size_t given, size_t surname, unsigned says)
{
    char key[96];
    size_t n = person_key(c, tag, given, surname, key, sizeof key);
    if (!n) return true;
    bool added;
    uint32_t id = strmap_intern(&c->people, key, n, &added);
    if (id == STRMAP_NONE || (added && !vec_push(&c->people_says, 0))) return false;
    c->people_says.items[id] |= (uint8_t)says;
    return true;
}

bool gender_remember(qctx *c, subject s, gender sex)
{
    if (s.kind != NP_NAME || sex == GENDER_UNKNOWN) return true;
    unsigned says = sex == GENDER_MALE ? SAYS_MALE : SAYS_FEMALE;
    size_t surname = surname_of(c, s);
    if (!remember_key(c, 'a', surname, surname, says)) return false;
    return surname == s.name_a ? remember_key(c, '1', surname, surname, says) : remember_key(c, 'f', s.name_a, surname, says);
}

gender gender_of(const qctx *c, subject s)
{
    unsigned says = 0;
    if (s.kind == NP_NAME || s.kind == NP_DESCRIPTION) says |= words_say(c, s.role_a, s.role_b);
    if (s.kind == NP_DESCRIPTION) says |= words_say(c, s.name_a, s.name_b);
    if (s.kind == NP_NAME && s.name_b > s.name_a) {
        size_t surname = surname_of(c, s);
        says |= courtesy_before(c, s.name_a);
        if (surname > s.name_a) /* a given name only before a surname: "Scott" alone may be one */
            says |= QTOK_IS(c->d, s.name_a, male_names) ? SAYS_MALE : QTOK_IS(c->d, s.name_a, female_names) ? SAYS_FEMALE : 0;
        says |= remembered(c, s, surname);
    }
    return says == SAYS_MALE ? GENDER_MALE : says == SAYS_FEMALE ? GENDER_FEMALE : GENDER_UNKNOWN;
}

gender gender_of_pronoun(const qctx *c, size_t t)
{
    return QTOK_IS(c->d, t, he_word) ? GENDER_MALE : QTOK_IS(c->d, t, she_word) ? GENDER_FEMALE : GENDER_UNKNOWN;
}

bool gender_common_noun(const qctx *c, subject s)
{
    if (s.kind != NP_NAME || s.name_b != s.name_a + 1) return false;
    char low[64];
    size_t n = lowered(c, s.name_a, low, sizeof low);
    return n && strmap_find(&c->lower_words, low, n) != STRMAP_NONE;
}

bool gender_prepare(qctx *c)
{
    strmap_init(&c->lower_words);
    strmap_init(&c->people);
    for (size_t t = 0; t < c->d->tok.len; t++) {
        char low[64];
        size_t n = lower_word(c, t) ? lowered(c, t, low, sizeof low) : 0;
        if (n && strmap_intern(&c->lower_words, low, n, NULL) == STRMAP_NONE) return false;
        unsigned title = courtesy_at(c, t); /* Mrs. Hillary Clinton: each capitalised word after it */
        size_t k = t + 1 + is_char(c, t + 1, '.');
        for (; title && k < c->d->tok.len && k < t + 6 && is_cap(c, k); k++)
            if (!remember_key(c, 't', k, k, title)) return false;
    }
    return true;
}

void gender_free(qctx *c)
{
    strmap_free(&c->lower_words);
    strmap_free(&c->people);
    vec_free(&c->people_says);
}

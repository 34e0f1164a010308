/* gender.c — what the text says of a speaker's sex, so that "he" and "she" skip the speakers they
 * cannot refer to: a courtesy title before the name (Mr. / Mrs. / Ms.), the same surname written
 * with one anywhere in the article ("Mrs. Clinton"), a gendered word in the role ("spokeswoman",
 * "his wife"), a common given name (the most frequent US given names, written here), and what
 * was found of an earlier mention of the same person (same surname, and same given name when both
 * have one). Pronouns are no evidence: one resolved
 * wrongly would spread its error to every later mention. A one-word name the article also writes in lower
 * case ("Police said" / "the police") is a common noun, never he or she. */
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

/* Whether tokens s and t are the same bytes. */
static bool same_word(const qctx *c, size_t s, size_t t)
{
    size_t n = tk(c, s)->end - tk(c, s)->start;
    return tk(c, t)->end - tk(c, t)->start == n && !memcmp(c->d->text + tk(c, s)->start, c->d->text + tk(c, t)->start, n);
}

/* Courtesy titles the article gives the surname at token t anywhere ("Mrs. Clinton" in a later
 * paragraph): the titles of every capitalised run ending in the same word. */
static unsigned surname_titles(const qctx *c, size_t surname)
{
    unsigned says = 0;
    for (size_t i = 0; i < c->courtesy.len; i++) {
        size_t t = c->courtesy.items[i];
        unsigned title = courtesy_at(c, t);
        size_t k = t + 1;
        if (is_char(c, k, '.')) k++;
        while (k < c->d->tok.len && is_cap(c, k) && !same_word(c, k, surname) && k < t + 5) k++;
        if (k < c->d->tok.len && same_word(c, k, surname)) says |= title;
    }
    return says;
}

bool gender_prepare(qctx *c)
{
    for (size_t t = 0; t < c->d->tok.len; t++)
        if (courtesy_at(c, t) && !vec_push(&c->courtesy, t)) return false;
    return true;
}

static unsigned words_say(const qctx *c, size_t a, size_t b)
{
    unsigned says = 0;
    for (size_t t = a; t < b; t++)
        says |= QTOK_IS(c->d, t, male_words) ? SAYS_MALE : QTOK_IS(c->d, t, female_words) ? SAYS_FEMALE : 0;
    return says;
}

gender gender_of(const qctx *c, subject s)
{
    unsigned says = 0;
    if (s.kind == NP_NAME || s.kind == NP_DESCRIPTION) says |= words_say(c, s.role_a, s.role_b);
    if (s.kind == NP_DESCRIPTION) says |= words_say(c, s.name_a, s.name_b);
    if (s.kind == NP_NAME) {
        size_t last = s.name_b;
        while (last > s.name_a && !is_cap(c, last - 1)) last--;
        says |= courtesy_before(c, s.name_a);
        if (last > s.name_a + 1) /* a given name only before a surname: "Scott" alone may be one */
            says |= QTOK_IS(c->d, s.name_a, male_names) ? SAYS_MALE : QTOK_IS(c->d, s.name_a, female_names) ? SAYS_FEMALE : 0;
        if (last > s.name_a) {
            says |= surname_titles(c, last - 1);
            for (size_t k = 0; k < c->mentions.len; k++) { /* what was said of the same name before */
                const mention *m = &c->mentions.items[k];
                if (m->who.kind == NP_NAME && m->who.name_b > m->who.name_a && m->sex != GENDER_UNKNOWN &&
                    same_word(c, m->who.name_b - 1, last - 1) && /* Keith Scott is not Rakeyia Scott */
                    (m->who.name_b == m->who.name_a + 1 || last == s.name_a + 1 || same_word(c, m->who.name_a, s.name_a)))
                    says |= m->sex == GENDER_MALE ? SAYS_MALE : SAYS_FEMALE;
            }
        }
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
    size_t n = tk(c, s.name_a)->end - tk(c, s.name_a)->start;
    const char *w = c->d->text + tk(c, s.name_a)->start;
    for (size_t t = 0; t < c->d->tok.len; t++) {
        if (!lower_word(c, t) || tk(c, t)->end - tk(c, t)->start != n) continue;
        const char *x = c->d->text + tk(c, t)->start;
        size_t k = 0;
        while (k < n && (x[k] | 32) == (w[k] | 32)) k++;
        if (k == n) return true;
    }
    return false;
}

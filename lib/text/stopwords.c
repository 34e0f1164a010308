/* stopwords.c — English function words that carry no topic (articles, pronouns, auxiliaries,
 * conjunctions, common prepositions and adverbs, and "said"/"says" which fill news text). */
#include <stdint.h>

#include "text/text.h"

/* Folded forms, sorted by bytes (strcmp order) for binary search. */
static const char *const words[] = {
    "a", "about", "above", "across", "after", "afterwards", "again", "against", "ago", "all", "almost",
    "along", "already", "also", "although", "always", "am", "among", "an", "and", "another", "any",
    "anybody", "anyone", "anything", "anyway", "anywhere", "are", "aren't", "around", "as", "at", "be",
    "became", "because", "become", "becomes", "been", "before", "beforehand", "behind", "being",
    "below", "beside", "besides", "between", "beyond", "both", "but", "by", "can", "can't", "cannot",
    "could", "couldn't", "did", "didn't", "do", "does", "doesn't", "doing", "don't", "done", "down",
    "during", "each", "either", "else", "elsewhere", "enough", "etc", "even", "ever", "every",
    "everybody", "everyone", "everything", "everywhere", "few", "for", "from", "further", "furthermore",
    "had", "hadn't", "has", "hasn't", "have", "haven't", "having", "he", "he'd", "he'll", "he's",
    "hence", "her", "here", "here's", "hers", "herself", "him", "himself", "his", "how", "how's",
    "however", "i", "i'd", "i'll", "i'm", "i've", "if", "in", "indeed", "instead", "into", "is",
    "isn't", "it", "it's", "its", "itself", "just", "last", "least", "less", "let", "let's", "like",
    "many", "may", "maybe", "me", "meanwhile", "might", "mine", "more", "moreover", "most", "mostly",
    "much", "must", "mustn't", "my", "myself", "neither", "never", "nevertheless", "next", "no",
    "nobody", "none", "nor", "not", "nothing", "now", "nowhere", "of", "off", "often", "on", "once",
    "one", "only", "onto", "or", "other", "others", "otherwise", "ought", "our", "ours", "ourselves",
    "out", "over", "own", "per", "perhaps", "please", "quite", "rather", "really", "said", "same",
    "say", "says", "shall", "shan't", "she", "she'd", "she'll", "she's", "should", "shouldn't", "since",
    "so", "some", "somebody", "someone", "something", "sometimes", "somewhat", "somewhere", "still",
    "such", "than", "that", "that's", "the", "their", "theirs", "them", "themselves", "then", "there",
    "there's", "thereby", "therefore", "these", "they", "they'd", "they'll", "they're", "they've",
    "this", "those", "though", "through", "throughout", "thus", "to", "together", "too", "toward",
    "towards", "under", "unless", "until", "up", "upon", "us", "very", "via", "was", "wasn't", "we",
    "we'd", "we'll", "we're", "we've", "well", "were", "weren't", "what", "what's", "whatever", "when",
    "when's", "whenever", "where", "where's", "whereas", "wherever", "whether", "which", "while", "who",
    "who's", "whoever", "whole", "whom", "whose", "why", "why's", "will", "with", "within", "without",
    "won't", "would", "wouldn't", "yet", "you", "you'd", "you'll", "you're", "you've", "your", "yours",
    "yourself", "yourselves",
};

enum { N_WORDS = sizeof words / sizeof *words };

/* The Snowball (Porter 2) stem of each word above, in the same order: libstemmer's English
 * output, written down once (test_text checks every one against the stemmer). */
static const char *const stems[N_WORDS] = {
    "a", "about", "abov", "across", "after", "afterward", "again", "against", "ago", "all",
    "almost", "along", "alreadi", "also", "although", "alway", "am", "among", "an", "and", "anoth",
    "ani", "anybodi", "anyon", "anyth", "anyway", "anywher", "are", "aren't", "around", "as", "at",
    "be", "becam", "becaus", "becom", "becom", "been", "befor", "beforehand", "behind", "be",
    "below", "besid", "besid", "between", "beyond", "both", "but", "by", "can", "can't", "cannot",
    "could", "couldn't", "did", "didn't", "do", "doe", "doesn't", "do", "don't", "done", "down",
    "dure", "each", "either", "els", "elsewher", "enough", "etc", "even", "ever", "everi",
    "everybodi", "everyon", "everyth", "everywher", "few", "for", "from", "further", "furthermor",
    "had", "hadn't", "has", "hasn't", "have", "haven't", "have", "he", "he'd", "he'll", "he",
    "henc", "her", "here", "here", "her", "herself", "him", "himself", "his", "how", "how",
    "howev", "i", "i'd", "i'll", "i'm", "i'v", "if", "in", "inde", "instead", "into", "is",
    "isn't", "it", "it", "it", "itself", "just", "last", "least", "less", "let", "let", "like",
    "mani", "may", "mayb", "me", "meanwhil", "might", "mine", "more", "moreov", "most", "most",
    "much", "must", "mustn't", "my", "myself", "neither", "never", "nevertheless", "next", "no",
    "nobodi", "none", "nor", "not", "noth", "now", "nowher", "of", "off", "often", "on", "onc",
    "one", "onli", "onto", "or", "other", "other", "otherwis", "ought", "our", "our", "ourselv",
    "out", "over", "own", "per", "perhap", "pleas", "quit", "rather", "realli", "said", "same",
    "say", "say", "shall", "shan't", "she", "she'd", "she'll", "she", "should", "shouldn't",
    "sinc", "so", "some", "somebodi", "someon", "someth", "sometim", "somewhat", "somewher",
    "still", "such", "than", "that", "that", "the", "their", "their", "them", "themselv", "then",
    "there", "there", "therebi", "therefor", "these", "they", "they'd", "they'll", "they'r",
    "they'v", "this", "those", "though", "through", "throughout", "thus", "to", "togeth", "too",
    "toward", "toward", "under", "unless", "until", "up", "upon", "us", "veri", "via", "was",
    "wasn't", "we", "we'd", "we'll", "we'r", "we'v", "well", "were", "weren't", "what", "what",
    "whatev", "when", "when", "whenev", "where", "where", "wherea", "wherev", "whether", "which",
    "while", "who", "who", "whoever", "whole", "whom", "whose", "whi", "whi", "will", "with",
    "within", "without", "won't", "would", "wouldn't", "yet", "you", "you'd", "you'll", "you'r",
    "you'v", "your", "your", "yourself", "yourselv",
};

/* For each length up to the longest word's (12), a bit for each first letter (a = bit 0) that a word
 * of that length above has: most words that are not stopwords need no search. Written down from
 * the list (test_text checks that every word of it is found). */
enum { LONGEST = 12 };
static const uint32_t first_letters[LONGEST + 1] = {
    0x0,      0x101,    0x5c718b, 0x16cf9bf, 0x17c7bbb, 0x15d799f, 0x15ef19f,
    0x4cb1ab, 0x14c1015, 0xc5010, 0x1080013, 0x20,     0x2000,
};

static bool may_be_stopword(const char *folded, size_t len)
{
    if (len < 1 || len > LONGEST) return false;
    unsigned letter = (unsigned)((unsigned char)folded[0] - 'a');
    return letter < 26 && ((first_letters[len] >> letter) & 1);
}

bool stopword(const char *folded, size_t len)
{
    return may_be_stopword(folded, len) && wordlist_find(words, N_WORDS, folded, len);
}

const char *stopword_at(size_t i) { return i < N_WORDS ? words[i] : NULL; }

const char *stopword_stem_at(size_t i) { return i < N_WORDS ? stems[i] : NULL; }

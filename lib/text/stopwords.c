/* stopwords.c — English function words that carry no topic (articles, pronouns, auxiliaries,
 * conjunctions, common prepositions and adverbs, and "said"/"says" which fill news text). */
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

bool stopword(const char *folded, size_t len)
{
    return wordlist_find(words, sizeof words / sizeof *words, folded, len);
}

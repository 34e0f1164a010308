/* abbrev.c — the word lists behind the sentence splitter: abbreviations that a period does not end
 * (by how they behave), common sentence openers, and verbs of speech. Entries are case-sensitive. */
#include <string.h>

#include "text/abbrev.h"

/* Titles and Latin abbreviations that always lead into more words: "Gen. Augusto Pinochet", "e.g. this",
 * and the dates of reference works: "(c. 1818 – 1880)", "(b. March 2009)", "(d. 1990)", "(m. 1949;
 * div. 1964)". */
static const char *const titles[] = {
    "Adm", "Ald", "Amb", "Atty", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Comdr", "Cpl", "Det", "Dr",
    "Drs", "Fr", "Ft", "Gen", "Gens", "Gov", "Govs", "Hon", "Hr", "Insp", "Lt", "Maj", "Messrs", "Mlle",
    "Mme", "Mmes", "Mr", "Mrs", "Ms", "Msgr", "Mssrs", "Mt", "Pres", "Prof", "Profs", "Pvt", "Rep",
    "Reps", "Rev", "Revs", "Sen", "Sens", "Sgt", "Sra", "Supt", "approx", "b", "c", "ca", "cf", "d",
    "div", "e.g", "eg", "fl", "i.e", "ie", "v", "viz", "vs",
};

/* Abbreviations that usually come before a number: "No. 5", "pp. 3". */
static const char *const before_numbers[] = {
    "Art", "Arts", "Ch", "Chap", "Ed", "Ex", "Fig", "Figs", "No", "Nos", "Nr", "N°", "Nº", "Op", "Para",
    "Pt", "Ref", "Sec", "Secs", "Tab", "Vol", "Vols", "art", "ch", "chap", "col", "ed", "ex", "fig", "figs",
    "m", "no", "nos", "nr", "n°", "nº", "op", "p", "para", "pp", "pt", "ref", "sec", "tab", "vol", "vols",
};

/* Abbreviations that often end a sentence as well: name suffixes, months, days, US states, "et al.". */
static const char *const ambiguous[] = {
    "Ala", "Apr", "Ariz", "Ark", "Assn", "Aug", "Ave", "Blvd", "Calif", "Colo", "Conn", "Dec", "Del",
    "Dept", "Feb", "Fla", "Fri", "Ga", "Govt", "Hwy", "Ill", "Ind", "Jan", "Jr", "Jul", "Jun", "Kan",
    "Kans", "Ky", "La", "Ln", "Mar", "Mass", "Md", "Mich", "Minn", "Miss", "Mo", "Mon", "Mont", "Neb",
    "Nev", "Nov", "Oct", "Okla", "Ore", "Pa", "Penn", "Pl", "Rd", "Sat", "Sep", "Sept", "Sq", "Sr", "St",
    "Sun", "Tenn", "Tex", "Thu", "Thur", "Thurs", "Tue", "Tues", "Univ", "Va", "Vt", "Wash", "Wed",
    "Wis", "Wyo", "al", "esp", "est", "sq", "st",
};

/* Units, which follow a number: a capitalised word after them opens a sentence ("It weighs 40 lbs.
 * Buyers like it."). "in" counts only after a number (see sentences.c). */
static const char *const units[] = {"cm", "ft", "gal", "hrs", "kg", "km", "lb", "lbs", "mi", "mins", "mm", "mph", "oz", "yd", "yds", "yrs"};

/* Company suffixes: a capitalised word after them opens a sentence unless it is a title. */
static const char *const companies[] = {"Bros", "Co", "Corp", "Cos", "Inc", "Ltd", "Plc", "co", "plc"};

/* Titles that follow a company's name. */
static const char *const company_titles[] = {
    "CEO", "Chair", "Chairman", "Chairwoman", "Chief", "Director", "Executive", "Founder", "Head",
    "Managing", "President", "Senior", "Spokesman", "Spokeswoman", "Vice",
};

/* Days, months and time zones that follow a time. */
static const char *const time_followers[] = {
    "Apr", "April", "Aug", "August", "BST", "CDT", "CET", "CST", "CT", "Central", "Dec", "December",
    "EDT", "EST", "ET", "Eastern", "Feb", "February", "Fri", "Friday", "GMT", "Jan", "January", "Jul",
    "July", "Jun", "June", "MDT", "MST", "MT", "Mar", "March", "May", "Mon", "Monday", "Mountain",
    "Nov", "November", "Oct", "October", "PDT", "PST", "PT", "Pacific", "Sat", "Saturday", "Sep",
    "Sept", "September", "Sun", "Sunday", "Thu", "Thursday", "Tue", "Tuesday", "UTC", "Wed",
    "Wednesday",
};

/* Capitalised words that open sentences far more often than they continue a name. */
static const char *const starters[] = {
    "A", "Additionally", "After", "Afterward", "Afterwards", "Against", "All", "Already", "Also",
    "Although", "Among", "An", "And", "Another", "Apparently", "Are", "As", "Asked", "At",
    "Authorities", "Because", "Before", "Besides", "Between", "Both", "But", "By", "Can", "Could",
    "Currently", "Despite", "Did", "Do", "Does", "Dr", "During", "Each", "Earlier", "Either",
    "Elsewhere", "Even", "Eventually", "Every", "Few", "Finally", "For", "Fortunately", "From",
    "Furthermore", "Had", "Has", "Have", "He", "Her", "Here", "His", "Hopefully", "How", "However", "I",
    "If", "In", "Indeed", "Initially", "Instead", "Interestingly", "Investigators", "Ironically", "Is",
    "It", "Its", "Just", "Last", "Later", "Let", "Like", "Likewise", "Luckily", "Many", "Meanwhile",
    "Moreover", "Most", "Mr", "Mrs", "Ms", "My", "Neither", "Nevertheless", "Next", "No", "None",
    "Nonetheless", "Nor", "Notably", "Now", "Officials", "On", "Only", "Or", "Other", "Otherwise",
    "Our", "Over", "Overall", "Please", "Police", "Previously", "Prosecutors", "Recently", "Regardless",
    "Separately", "Several", "She", "Should", "Similarly", "Since", "So", "Some", "Specifically",
    "Still", "Subsequently", "Such", "That", "The", "Their", "Then", "There", "These", "They", "This",
    "Those", "Though", "Thus", "To", "Today", "Tomorrow", "Ultimately", "Under", "Unfortunately",
    "Unlike", "Until", "Was", "We", "Were", "What", "When", "Where", "Which", "While", "Who", "Whom",
    "Whose", "Why", "With", "Within", "Without", "Witnesses", "Would", "Yesterday", "Yet", "You",
    "Your",
};

/* Verbs that attribute speech: '"Why?" Smith asked.' keeps the question in the sentence. */
static const char *const speech_verbs[] = {
    "add", "added", "adds", "answered", "answers", "ask", "asked", "asks", "began", "called", "calls",
    "continued", "continues", "cried", "cries", "declared", "declares", "demanded", "demands",
    "exclaimed", "explained", "explains", "howled", "insisted", "insists", "joked", "laughed",
    "murmured", "muttered", "noted", "notes", "pleaded", "recalled", "recalls", "remarked", "replied",
    "replies", "responded", "said", "say", "says", "screamed", "shouted", "shouts", "sighed", "snapped",
    "started", "tells", "told", "urged", "warned", "whispered", "wondered", "writes", "wrote", "yelled",
};

#define COUNT(a) (sizeof a / sizeof *a)

abbrev_kind abbrev_lookup(const char *w, size_t len)
{
    if (wordlist_find(titles, COUNT(titles), w, len)) return ABBREV_TITLE;
    if (wordlist_find(before_numbers, COUNT(before_numbers), w, len)) return ABBREV_NUMBER;
    if (wordlist_find(ambiguous, COUNT(ambiguous), w, len)) return ABBREV_AMBIGUOUS;
    if (wordlist_find(companies, COUNT(companies), w, len)) return ABBREV_COMPANY;
    if (len == 3 && (w[0] == 'a' || w[0] == 'p' || w[0] == 'A' || w[0] == 'P') && w[1] == '.' && (w[2] | 32) == 'm')
        return ABBREV_TIME;
    if ((len == 3 && !memcmp(w, "etc", 3)) || wordlist_find(units, COUNT(units), w, len)) return ABBREV_END;
    return ABBREV_NONE;
}

bool abbrev_company_title(const char *w, size_t len)
{
    return wordlist_find(company_titles, COUNT(company_titles), w, len);
}

bool abbrev_time_follower(const char *w, size_t len)
{
    return wordlist_find(time_followers, COUNT(time_followers), w, len);
}

bool abbrev_starter(const char *w, size_t len) { return wordlist_find(starters, COUNT(starters), w, len); }

bool abbrev_speech_verb(const char *w, size_t len)
{
    return wordlist_find(speech_verbs, COUNT(speech_verbs), w, len);
}

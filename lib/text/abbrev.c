/* abbrev.c — the word lists behind the sentence splitter: abbreviations that a period does not end
 * (by how they behave), common sentence openers, and verbs of speech. Entries are case-sensitive. */
#include "text/abbrev.h"

/* Every abbreviation a period does not end, with how it behaves (abbrev.h), in strcmp order so
 * that one search finds a word's kind:
 * - ABBREV_TITLE: titles and Latin abbreviations that always lead into more words ("Gen. Augusto
 *   Pinochet", "e.g. this") and the dates of reference works ("(c. 1818 – 1880)", "(b. March 2009)",
 *   "(d. 1990)", "(m. 1949; div. 1964)");
 * - ABBREV_NUMBER: abbreviations that usually come before a number ("No. 5", "pp. 3");
 * - ABBREV_AMBIGUOUS: abbreviations that often end a sentence as well: name suffixes, months, days,
 *   "et al.";
 * - ABBREV_STATE: US states, ambiguous too, but after a city ("moved to Erie, Pa. Schools") they end
 *   a sentence before any capital: AP style writes a comma after a state that goes on ("Erie, Pa.,
 *   police");
 * - ABBREV_COMPANY: company suffixes ("Sony Corp. Chairman" goes on, "went to Acme Inc. Rivals"
 *   does not);
 * - ABBREV_END: units, which follow a number ("It weighs 40 lbs. Buyers like it."), and "etc.".
 * "in", "C" and "F" are units only after a number, and a.m./p.m. are told apart by their form (sentences.c). */
typedef struct abbreviation {
    const char *word;
    abbrev_kind kind;
} abbreviation;

static const abbreviation abbreviations[] = {
    {"Adm", ABBREV_TITLE}, {"Ala", ABBREV_STATE}, {"Ald", ABBREV_TITLE}, {"Amb", ABBREV_TITLE},
    {"Apr", ABBREV_AMBIGUOUS}, {"Apt", ABBREV_NUMBER}, {"Ariz", ABBREV_STATE}, {"Ark", ABBREV_STATE},
    {"Art", ABBREV_NUMBER}, {"Arts", ABBREV_NUMBER}, {"Assn", ABBREV_AMBIGUOUS}, {"Assoc", ABBREV_TITLE},
    {"Asst", ABBREV_TITLE}, {"Atty", ABBREV_TITLE}, {"Aug", ABBREV_AMBIGUOUS}, {"Ave", ABBREV_AMBIGUOUS},
    {"Bldg", ABBREV_AMBIGUOUS}, {"Blvd", ABBREV_AMBIGUOUS}, {"Brig", ABBREV_TITLE}, {"Bros", ABBREV_COMPANY},
    {"Calif", ABBREV_STATE}, {"Capt", ABBREV_TITLE}, {"Cdr", ABBREV_TITLE}, {"Ch", ABBREV_NUMBER},
    {"Chap", ABBREV_NUMBER}, {"Cmdr", ABBREV_TITLE}, {"Co", ABBREV_COMPANY}, {"Col", ABBREV_TITLE},
    {"Colo", ABBREV_STATE}, {"Comdr", ABBREV_TITLE}, {"Conn", ABBREV_STATE}, {"Corp", ABBREV_COMPANY},
    {"Cos", ABBREV_COMPANY}, {"Cpl", ABBREV_TITLE}, {"Dec", ABBREV_AMBIGUOUS}, {"Del", ABBREV_STATE},
    {"Dept", ABBREV_AMBIGUOUS}, {"Det", ABBREV_TITLE}, {"Dist", ABBREV_AMBIGUOUS}, {"Dr", ABBREV_TITLE},
    {"Drs", ABBREV_TITLE}, {"Ed", ABBREV_NUMBER}, {"Esq", ABBREV_AMBIGUOUS},
    {"Ex", ABBREV_NUMBER}, {"Ext", ABBREV_NUMBER}, {"Feb", ABBREV_AMBIGUOUS},
    {"Fig", ABBREV_NUMBER}, {"Figs", ABBREV_NUMBER}, {"Fla", ABBREV_STATE}, {"Fr", ABBREV_TITLE},
    {"Fri", ABBREV_AMBIGUOUS}, {"Ft", ABBREV_TITLE}, {"Ga", ABBREV_STATE}, {"Gen", ABBREV_TITLE},
    {"Gens", ABBREV_TITLE}, {"Gov", ABBREV_TITLE}, {"Govs", ABBREV_TITLE}, {"Govt", ABBREV_AMBIGUOUS},
    {"Hon", ABBREV_TITLE}, {"Hr", ABBREV_TITLE}, {"Hwy", ABBREV_AMBIGUOUS}, {"Ill", ABBREV_STATE},
    {"Inc", ABBREV_COMPANY}, {"Ind", ABBREV_STATE}, {"Insp", ABBREV_TITLE}, {"Jan", ABBREV_AMBIGUOUS},
    {"Jr", ABBREV_AMBIGUOUS}, {"Jul", ABBREV_AMBIGUOUS}, {"Jun", ABBREV_AMBIGUOUS}, {"Kan", ABBREV_STATE},
    {"Kans", ABBREV_STATE}, {"Ky", ABBREV_STATE}, {"La", ABBREV_STATE}, {"Ln", ABBREV_AMBIGUOUS},
    {"Lt", ABBREV_TITLE}, {"Ltd", ABBREV_COMPANY}, {"Maj", ABBREV_TITLE}, {"Mar", ABBREV_AMBIGUOUS},
    {"Mass", ABBREV_STATE}, {"Md", ABBREV_STATE}, {"Messrs", ABBREV_TITLE},
    {"Mich", ABBREV_STATE}, {"Minn", ABBREV_STATE}, {"Miss", ABBREV_STATE},
    {"Mlle", ABBREV_TITLE}, {"Mme", ABBREV_TITLE}, {"Mmes", ABBREV_TITLE}, {"Mo", ABBREV_STATE},
    {"Mon", ABBREV_AMBIGUOUS}, {"Mont", ABBREV_STATE}, {"Mr", ABBREV_TITLE}, {"Mrs", ABBREV_TITLE},
    {"Ms", ABBREV_TITLE}, {"Msgr", ABBREV_TITLE}, {"Mssrs", ABBREV_TITLE}, {"Mt", ABBREV_TITLE},
    {"Neb", ABBREV_STATE}, {"Nev", ABBREV_STATE}, {"No", ABBREV_NUMBER}, {"Nos", ABBREV_NUMBER},
    {"Nov", ABBREV_AMBIGUOUS}, {"Nr", ABBREV_NUMBER}, {"N°", ABBREV_NUMBER}, {"Nº", ABBREV_NUMBER},
    {"Oct", ABBREV_AMBIGUOUS}, {"Okla", ABBREV_STATE}, {"Op", ABBREV_NUMBER}, {"Ore", ABBREV_STATE},
    {"Pa", ABBREV_STATE}, {"Para", ABBREV_NUMBER}, {"Penn", ABBREV_STATE}, {"Pl", ABBREV_AMBIGUOUS},
    {"Plc", ABBREV_COMPANY}, {"Pres", ABBREV_TITLE}, {"Prof", ABBREV_TITLE}, {"Profs", ABBREV_TITLE},
    {"Pt", ABBREV_NUMBER}, {"Pvt", ABBREV_TITLE}, {"Rd", ABBREV_AMBIGUOUS}, {"Ref", ABBREV_NUMBER},
    {"Rep", ABBREV_TITLE}, {"Reps", ABBREV_TITLE}, {"Rev", ABBREV_TITLE}, {"Revs", ABBREV_TITLE},
    {"Rt", ABBREV_TITLE}, {"Rte", ABBREV_AMBIGUOUS}, {"Sat", ABBREV_AMBIGUOUS}, {"Sec", ABBREV_NUMBER},
    {"Secs", ABBREV_NUMBER},
    {"Sen", ABBREV_TITLE}, {"Sens", ABBREV_TITLE}, {"Sep", ABBREV_AMBIGUOUS}, {"Sept", ABBREV_AMBIGUOUS},
    {"Sgt", ABBREV_TITLE}, {"Sq", ABBREV_AMBIGUOUS}, {"Sr", ABBREV_AMBIGUOUS}, {"Sra", ABBREV_TITLE},
    {"St", ABBREV_AMBIGUOUS}, {"Ste", ABBREV_AMBIGUOUS}, {"Sun", ABBREV_AMBIGUOUS}, {"Supt", ABBREV_TITLE},
    {"Tab", ABBREV_NUMBER}, {"Tenn", ABBREV_STATE}, {"Tex", ABBREV_STATE}, {"Thu", ABBREV_AMBIGUOUS},
    {"Thur", ABBREV_AMBIGUOUS}, {"Thurs", ABBREV_AMBIGUOUS}, {"Tue", ABBREV_AMBIGUOUS},
    {"Tues", ABBREV_AMBIGUOUS}, {"Univ", ABBREV_AMBIGUOUS}, {"Va", ABBREV_STATE}, {"Vol", ABBREV_NUMBER},
    {"Vols", ABBREV_NUMBER}, {"Vt", ABBREV_STATE}, {"Wash", ABBREV_STATE}, {"Wed", ABBREV_AMBIGUOUS},
    {"Wis", ABBREV_STATE}, {"Wyo", ABBREV_STATE}, {"a.k.a", ABBREV_TITLE},
    {"al", ABBREV_AMBIGUOUS}, {"approx", ABBREV_TITLE},
    {"art", ABBREV_NUMBER}, {"b", ABBREV_TITLE}, {"c", ABBREV_TITLE}, {"ca", ABBREV_TITLE},
    {"cf", ABBREV_TITLE}, {"ch", ABBREV_NUMBER}, {"chap", ABBREV_NUMBER}, {"cm", ABBREV_END},
    {"co", ABBREV_COMPANY}, {"col", ABBREV_NUMBER}, {"d", ABBREV_TITLE}, {"div", ABBREV_TITLE},
    {"e.g", ABBREV_TITLE}, {"ed", ABBREV_NUMBER}, {"eg", ABBREV_TITLE}, {"esp", ABBREV_AMBIGUOUS},
    {"est", ABBREV_AMBIGUOUS}, {"etc", ABBREV_END}, {"ex", ABBREV_NUMBER}, {"ext", ABBREV_NUMBER},
    {"fig", ABBREV_NUMBER},
    {"figs", ABBREV_NUMBER}, {"fl", ABBREV_TITLE}, {"ft", ABBREV_END}, {"gal", ABBREV_END},
    {"hrs", ABBREV_END}, {"i.e", ABBREV_TITLE}, {"ie", ABBREV_TITLE}, {"kg", ABBREV_END}, {"km", ABBREV_END},
    {"lb", ABBREV_END}, {"lbs", ABBREV_END}, {"m", ABBREV_NUMBER}, {"mi", ABBREV_END}, {"mins", ABBREV_END},
    {"mm", ABBREV_END}, {"mph", ABBREV_END}, {"no", ABBREV_NUMBER}, {"nos", ABBREV_NUMBER},
    {"nr", ABBREV_NUMBER}, {"n°", ABBREV_NUMBER}, {"nº", ABBREV_NUMBER}, {"op", ABBREV_NUMBER},
    {"oz", ABBREV_END}, {"p", ABBREV_NUMBER}, {"para", ABBREV_NUMBER}, {"plc", ABBREV_COMPANY}, {"pop", ABBREV_NUMBER},
    {"pp", ABBREV_NUMBER}, {"pt", ABBREV_NUMBER}, {"ref", ABBREV_NUMBER}, {"sec", ABBREV_NUMBER},
    {"sq", ABBREV_AMBIGUOUS}, {"st", ABBREV_AMBIGUOUS}, {"tab", ABBREV_NUMBER}, {"v", ABBREV_TITLE},
    {"viz", ABBREV_TITLE}, {"vol", ABBREV_NUMBER}, {"vols", ABBREV_NUMBER}, {"vs", ABBREV_TITLE},
    {"yd", ABBREV_END}, {"yds", ABBREV_END}, {"yrs", ABBREV_END},
};

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
    "add", "added", "adds", "admitted", "answered", "answers", "argued", "ask", "asked", "asks", "began",
    "called", "calls", "conceded", "continued", "continues", "countered", "cried", "cries", "declared",
    "declares", "demanded", "demands", "exclaimed", "explained", "explains", "howled", "insisted",
    "insists", "joked", "laughed", "murmured", "muttered", "noted", "notes", "pleaded", "posted", "quipped",
    "recalled", "recalls", "remarked", "replied", "replies", "responded", "said", "say", "says", "screamed",
    "shouted", "shouts", "sighed", "snapped", "started", "stated", "tells", "testified", "told", "tweeted",
    "urged", "warned", "whispered", "wondered", "writes", "wrote", "yelled",
};

#define COUNT(a) (sizeof a / sizeof *a)

abbrev_kind abbrev_lookup(const char *w, size_t len)
{
    if (len > 6) return ABBREV_NONE; /* longer than any entry ("Messrs", "approx") */
    size_t at = wordlist_index(abbreviations, COUNT(abbreviations), sizeof *abbreviations, w, len);
    if (at < COUNT(abbreviations)) return abbreviations[at].kind;
    if (len == 3 && (w[0] == 'a' || w[0] == 'p' || w[0] == 'A' || w[0] == 'P') && w[1] == '.' && (w[2] | 32) == 'm')
        return ABBREV_TIME;
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

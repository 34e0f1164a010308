/* phrases.c — the phrase tables of the cleaner (see phrases.h). The words are those of page
 * furniture in general (menus, share bars, comment forms, credits, embedded players and tweets,
 * web archives), collected from many outlets; none is one site's own wording. */
#include "clean/phrases.h"

#include <stddef.h>

enum {
    NAV = TD_CLEAN_NAVIGATION,
    SHARE = TD_CLEAN_SHARE,
    COMMENT = TD_CLEAN_COMMENT,
    BYLINE = TD_CLEAN_BYLINE,
    BIO = TD_CLEAN_BIO,
    RELATED = TD_CLEAN_RELATED,
    CREDIT = TD_CLEAN_CREDIT,
    COPYRIGHT = TD_CLEAN_COPYRIGHT,
    TAGS = TD_CLEAN_TAGS,
    EMBED = TD_CLEAN_EMBED,
    ADVERT = TD_CLEAN_ADVERT,
    NOTE = TD_CLEAN_NOTE,
};

const phrase phrases_line[] = {
    {"listen live", NAV, 0},   {"get short url", NAV, 0},  {"menu", NAV, 0},        {"home", NAV, 0},
    {"search", NAV, 0},        {"play", NAV, 0},           {"play video", NAV, 0},  {"video", NAV, 0},
    {"videos", NAV, 0},        {"photo", NAV, 0},          {"photos", NAV, 0},      {"gallery", NAV, 0},
    {"image", NAV, 0},         {"close", NAV, 0},          {"loading", NAV, 0},     {"loading...", NAV, 0},
    {"next", NAV, 0},          {"previous", NAV, 0},       {"log in", NAV, 0},      {"sign in", NAV, 0},
    {"print", NAV, 0},         {"comments", COMMENT, 0},   {"discussion", COMMENT, 0},
    {"twitter", SHARE, 0},     {"facebook", SHARE, 0},     {"email", SHARE, 0},     {"e-mail", SHARE, 0},
    {"share", SHARE, 0},       {"tweet", SHARE, 0},        {"reddit", SHARE, 0},    {"pinterest", SHARE, 0},
    {"linkedin", SHARE, 0},    {"whatsapp", SHARE, 0},     {"google+", SHARE, 0},   {"tumblr", SHARE, 0},
    {"play facebook", SHARE, 0}, {"advertisement", ADVERT, 0}, {"ad", ADVERT, 0},   {"sponsored", ADVERT, 0},
    {"tags", TAGS, 0},         {"topics", TAGS, 0},        {NULL, 0, 0},
};

const phrase phrases_start[] = {
    /* share, follow, subscribe */
    {"share this", SHARE, 30},      {"share on", SHARE, 30},        {"share:", SHARE, 30},
    {"share via", SHARE, 30},       {"share tweet", SHARE, 30},     {"email this", SHARE, 30},
    {"print this", SHARE, 30},      {"tweet this", SHARE, 30},      {"read or share this", SHARE, 30},
    {"like this:", SHARE, 30},      {"follow us", SHARE, 30},       {"follow @", SHARE, 30},
    {"like us on", SHARE, 30},      {"like and follow", SHARE, 40}, {"help spread the word", SHARE, 30},
    {"subscribe", SHARE, 30},       {"sign up", SHARE, 30},         {"get the latest", SHARE, 30},
    {"get breaking news", SHARE, 30}, {"download the", SHARE, 30},  {"join us on", SHARE, 30},
    {"connect with us", SHARE, 30}, {"get our newsletter", SHARE, 30},
    /* comments */
    {"leave a reply", COMMENT, 30}, {"leave a comment", COMMENT, 30}, {"post a comment", COMMENT, 30},
    {"add a comment", COMMENT, 30}, {"comments are closed", COMMENT, 30}, {"join the conversation", COMMENT, 30},
    {"view comments", COMMENT, 30}, {"show comments", COMMENT, 30}, {"discuss this", COMMENT, 30},
    {"have a news tip", COMMENT, 40}, {"got a news tip", COMMENT, 40}, {"we welcome", COMMENT, 40},
    {"see a mistake", COMMENT, 30}, {"report a typo", COMMENT, 30}, {"what do you think", COMMENT, 30},
    {"tell us what you think", COMMENT, 30}, {"community standards", COMMENT, 30},
    /* navigation and players */
    {"skip to", NAV, 12},           {"close modal", NAV, 12},       {"listen live", NAV, 12},
    {"get short url", NAV, 12},     {"back to top", NAV, 12},       {"now playing", NAV, 12},
    {"story highlights", NAV, 0},   {"click here", NAV, 30},        {"click to", NAV, 30},
    {"tap here", NAV, 30},          {"watch:", NAV, 30},            {"video:", NAV, 30},
    {"listen:", NAV, 30},           {"watch below", NAV, 20},       {"watch the full", NAV, 20},
    {"watch the video", NAV, 20},   {"\xc3\x97 close", NAV, 20},
    {"play video", NAV, 20},        {"embed", EMBED, 12},           {"[embedded content]", EMBED, 12},
    /* related links */
    {"related:", RELATED, 30},      {"related articles", RELATED, 30}, {"related stories", RELATED, 30},
    {"related coverage", RELATED, 30}, {"related content", RELATED, 30}, {"related news", RELATED, 30},
    {"related links", RELATED, 30}, {"[related", RELATED, 30},      {"see also", RELATED, 30},
    {"you may also like", RELATED, 30}, {"you might also like", RELATED, 30}, {"recommended", RELATED, 6},
    {"[recommended", RELATED, 40},  {"read more", RELATED, 25},     {"more from", RELATED, 10},
    {"more:", RELATED, 25},         {"more on this", RELATED, 25},  {"also read", RELATED, 25},
    {"also:", RELATED, 25},         {"also see", RELATED, 25},      {"[see", RELATED, 40},
    {"most popular", RELATED, 12},  {"most read", RELATED, 12},     {"trending", RELATED, 6},
    {"further reading", RELATED, 25}, {"full coverage", RELATED, 25}, {"read the full", RELATED, 25},
    {"read next", RELATED, 25},     {"next article", RELATED, 25},  {"previous article", RELATED, 25},
    {"up next", RELATED, 25},       {"more stories", RELATED, 25},  {"more news", RELATED, 12},
    {"other stories", RELATED, 12}, {"latest news", RELATED, 12},   {"more coverage", RELATED, 25},
    {"more in ", RELATED, 10},
    /* images */
    {"image copyright", CREDIT, 0}, {"image caption", CREDIT, 0},   {"image:", CREDIT, 80},
    {"images:", CREDIT, 80},        {"photo:", CREDIT, 80},         {"photos:", CREDIT, 80},
    {"picture:", CREDIT, 80},       {"pictured:", CREDIT, 80},      {"caption:", CREDIT, 80},
    {"(image", CREDIT, 30},         {"[image", CREDIT, 30},         {"(photo", CREDIT, 30},
    {"[photo", CREDIT, 30},         {"photo by", CREDIT, 20},       {"photos by", CREDIT, 20},
    {"photograph by", CREDIT, 20},  {"photography by", CREDIT, 20}, {"photo credit", CREDIT, 30},
    {"credit:", CREDIT, 20},        {"credits:", CREDIT, 20},       {"getty images", CREDIT, 25},
    {"getty (", CREDIT, 12},        {"slideshow", CREDIT, 12},      {"file photo", CREDIT, 60},
    {"source:", CREDIT, 12},        {"courtesy of", CREDIT, 12},    {"illustration:", CREDIT, 30},
    {"graphic:", CREDIT, 30},       {"video by", CREDIT, 20},       {"enlarge", CREDIT, 30},
    {"photo advertisement", ADVERT, 10},
    /* adverts */
    {"advertisement", ADVERT, 10},  {"story continues", ADVERT, 8}, {"story continued", ADVERT, 8},
    {"continue reading", ADVERT, 8}, {"sponsored", ADVERT, 8},      {"paid content", ADVERT, 8},
    {"paid post", ADVERT, 8},       {"promoted", ADVERT, 6},
    /* notes about the article */
    {"editor's note", NOTE, 0},     {"editors' note", NOTE, 0},     {"editors note", NOTE, 0},
    {"this article was", NOTE, 40}, {"this story was", NOTE, 40},   {"this story has been", NOTE, 40},
    {"this article has been", NOTE, 40}, {"this story appears", NOTE, 40}, {"this article appears", NOTE, 40},
    {"this article originally", NOTE, 40}, {"this story originally", NOTE, 40},
    {"an earlier version of this", NOTE, 60}, {"correction:", NOTE, 60}, {"clarification:", NOTE, 60},
    {"an expanded version", NOTE, 40}, {"a version of this", NOTE, 40},
    /* bylines and contacts */
    {"written by", BYLINE, 12},     {"reporting by", BYLINE, 40},   {"(reporting by", BYLINE, 40},
    {"(writing by", BYLINE, 40},    {"(editing by", BYLINE, 40},    {"(additional reporting", BYLINE, 40},
    {"additional reporting", BYLINE, 30}, {"compiled by", BYLINE, 12},
    {"contact the writer", BYLINE, 25}, {"contact the author", BYLINE, 25},
    {"email the author", BYLINE, 25}, {"email:", BYLINE, 10},       {"e-mail:", BYLINE, 10},
    {"twitter: @", BYLINE, 10},     {"the author is", BIO, 40},     {"the writer is", BIO, 40},
    /* tags */
    {"tags:", TAGS, 0},             {"topics:", TAGS, 0},           {"filed under", TAGS, 0},
    {"categories:", TAGS, 0},       {"keywords:", TAGS, 0},         {"tagged:", TAGS, 0},
    /* copyright */
    {"all rights reserved", COPYRIGHT, 30}, {"(c) ", COPYRIGHT, 30}, {"\xc2\xa9", COPYRIGHT, 40},
    {NULL, 0, 0},
};

const phrase phrases_anywhere[] = {
    {"all rights reserved", COPYRIGHT, 0}, {"may not be published, broadcast", COPYRIGHT, 0},
    {"may not be reproduced", COPYRIGHT, 40}, {"this material may not be", COPYRIGHT, 0},
    {"email address will not be published", COMMENT, 0}, {"required fields are marked", COMMENT, 0},
    {"in the comments", COMMENT, 40}, {"comments section", COMMENT, 40}, {"comment below", COMMENT, 40},
    {"comments below", COMMENT, 40}, {"let us know", COMMENT, 30}, {"we'd like to hear from you", COMMENT, 40},
    {"privacy policy", NAV, 40}, {"terms of use", NAV, 40}, {"terms of service", NAV, 40},
    {"enable javascript", NAV, 0}, {"javascript is disabled", NAV, 0}, {"uses cookies", NAV, 40},
    {"use of cookies", NAV, 40}, {"cookie policy", NAV, 40}, {"your browser does not support", EMBED, 0},
    {"sign up for our", SHARE, 40}, {"subscribe to our", SHARE, 40}, {"newsletter sign", SHARE, 25},
    {"share this story", SHARE, 25}, {"share this article", SHARE, 25}, {"follow us on", SHARE, 30},
    {"click here", NAV, 25},
    {"contributed to this report", BYLINE, 30}, {"contributed to this article", BYLINE, 30},
    {"contributed to this story", BYLINE, 30}, {"contributed reporting", BYLINE, 30},
    {"can be reached at", BYLINE, 40}, {"can be reached by", BYLINE, 40}, {"reported from", BYLINE, 10},
    {"(ap photo", CREDIT, 60}, {"ap photo/", CREDIT, 60}, {"/ staff photographer", CREDIT, 60},
    {"staff photographer)", CREDIT, 60}, {"getty images", CREDIT, 25}, {"photo credit", CREDIT, 40},
    {"(photo:", CREDIT, 60}, {"(image:", CREDIT, 60}, {"(photo by", CREDIT, 60}, {"(courtesy", CREDIT, 40},
    {"toggle caption", CREDIT, 40}, {"image caption", CREDIT, 60},
    /* embedded tweets, players and web archives */
    {"pic.twitter.com", EMBED, 0}, {"the interactive transcript could not be loaded", EMBED, 0},
    {"rating is available when the video", EMBED, 0}, {"this feature is not available right now", EMBED, 0},
    {"you can add location information to your tweets", EMBED, 0}, {"when you tweet with a location", EMBED, 0},
    {"tweet with a location", EMBED, 10}, {"add a location to your tweets", EMBED, 10},
    {"alexa internet has been donating", EMBED, 0}, {"crawls are part of an effort to archive", EMBED, 0},
    {"this copy is for your personal, non-commercial use", EMBED, 0}, {"you must enter the characters", EMBED, 0},
    {"this video is no longer available", EMBED, 0}, {"the video will start in", EMBED, 0},
    {"advertisement continue reading", ADVERT, 10},
    {NULL, 0, 0},
};

const char *const phrases_end_markers[] = {
    "about the author", "about the writer", "leave a reply", "leave a comment", "related articles",
    "related stories", "related coverage", "related:", "you may also like", "you might also like", "more from",
    "recommended", "comments", "share this article", "community standards", "read more:", "more stories",
    "most popular", "trending now", NULL,
};

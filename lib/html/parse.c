/* parse.c — a web page into a libxml2 tree: convert to UTF-8 (charset.c), then libxml2's HTML
 * parser, which recovers from any markup and expands entities. */
#include <limits.h>
#include <stdlib.h>

#include <libxml/parser.h>

#include "common/error.h"
#include "html/extract.h"

/* Whether the page looks like binary data: control characters other than white space (NUL
 * included) in more than 1% of its first 64 KiB. UTF-16 pages start with a byte-order mark. */
static bool binary_data(const char *html, size_t len)
{
    const unsigned char *p = (const unsigned char *)html;
    if (len >= 2 && ((p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe && p[1] == 0xff))) return false;
    size_t n = len < 65536 ? len : 65536, controls = 0;
    for (size_t i = 0; i < n; i++)
        if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' && p[i] != '\r' && p[i] != '\f') controls++;
    return controls * 100 > n;
}

htmlDocPtr page_parse(const char *html, size_t len, const char *name, td_error *err)
{
    if (len == 0) {
        error_set(err, TD_ERR_INPUT, "%s: empty page", name);
        return NULL;
    }
    if (len > INT_MAX / 2) {
        error_set(err, TD_ERR_INPUT, "%s: page too large (%zu bytes)", name, len);
        return NULL;
    }
    if (binary_data(html, len)) {
        error_set(err, TD_ERR_INPUT, "%s: binary data, not an HTML page", name);
        return NULL;
    }
    size_t ulen;
    bool copied;
    char *utf8 = charset_to_utf8(html, len, &ulen, &copied);
    if (!utf8) {
        error_nomem(err);
        return NULL;
    }
    xmlInitParser();
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    htmlDocPtr doc = NULL;
    if (ctxt) {
        /* The text is UTF-8 now: the parser must not switch on the page's own declaration.
         * XML_PARSE_HUGE lifts libxml2's limits on nesting depth and text node size. */
        int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                   HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOBLANKS | XML_PARSE_HUGE;
        doc = htmlCtxtReadMemory(ctxt, utf8, (int)ulen, NULL, "UTF-8", opts);
        htmlFreeParserCtxt(ctxt);
    }
    if (copied) free(utf8);
    if (!ctxt) error_nomem(err);
    else if (!doc) error_set(err, TD_ERR_INPUT, "%s: not an HTML page", name);
    return doc;
}

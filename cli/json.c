/* json.c — JSON strings of names that need not be UTF-8. */
#include "json.h"

#include <stdlib.h>
#include <string.h>

#include "tidings.h"

json_t *cli_json_name(const char *name)
{
    size_t n = strlen(name), bad;
    if (td_utf8_valid(name, n, &bad)) return json_stringn(name, n);
    char *fixed = malloc(3 * n + 1);
    if (!fixed) return NULL;
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        if (td_utf8_valid(name + i, n - i, &bad)) bad = n - i;
        memcpy(fixed + len, name + i, bad);
        len += bad;
        i += bad;
        if (i < n) {
            memcpy(fixed + len, "\xef\xbf\xbd", 3); /* U+FFFD for the byte at i */
            len += 3;
        }
    }
    json_t *s = json_stringn(fixed, len);
    free(fixed);
    return s;
}

/* json.h — what the commands that print JSON through jansson share. */
#ifndef TD_CLI_JSON_H
#define TD_CLI_JSON_H
#include <jansson.h>

/* A JSON string of a name that need not be UTF-8 (a file name, or a message holding one): each byte
 * that is not part of valid UTF-8 becomes U+FFFD, since JSON text must be UTF-8. NULL when out of
 * memory. */
json_t *cli_json_name(const char *name);

#endif

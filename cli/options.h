/* options.h — small helpers shared by the commands: strict number parsing, error lines. */
#ifndef TD_CLI_OPTIONS_H
#define TD_CLI_OPTIONS_H
#include <stdbool.h>
#include <stddef.h>

/* Parses a positive decimal integer (no sign, no trailing junk); false otherwise. */
bool parse_count(const char *s, size_t *out);

/* Prints "tidings CMD: message" on stderr, one line. */
void cli_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif

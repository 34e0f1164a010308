/* options.h — small helpers shared by the commands: numbers, formats, inputs, errors, output. */
#ifndef TD_CLI_OPTIONS_H
#define TD_CLI_OPTIONS_H
#include <stdbool.h>
#include <stddef.h>

#include "tidings.h"

/* Parses a decimal integer from 0 (no sign, no trailing junk); false otherwise. */
bool parse_whole(const char *s, size_t *out);
/* The same, from 1. */
bool parse_count(const char *s, size_t *out);

/* Prints "tidings CMD: message" on stderr, one line. */
void cli_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The usage error of getopt_long's answer c (':' for a missing value, anything else an unknown
 * option) for the option at argv[optind - 1]: prints it, naming cmd, and returns EXIT_USAGE (2). */
int cli_bad_option(const char *cmd, int c, char **argv);

/* Parses the value of --format; prints the error (naming cmd) and returns false when unknown. */
bool cli_format(const char *cmd, const char *name, td_format *out);

/* The inputs after the options: argv[first..argc), or "-" (standard input) when there are none. */
void cli_inputs(int argc, char **argv, int first, const char *const **inputs, size_t *n_inputs);

/* id as a file name: '/' and '\\' become '_' (at most size - 1 bytes). */
void cli_file_name(const char *id, char *out, size_t size);

/* Writes text to path through path.tmp and a rename, so that a failure leaves no half-written
 * file; false with err set ("PATH: cannot write (reason)"). */
bool cli_write_file(const char *path, const char *text, td_error *err);

/* Flushes standard output; a write error turns an exit code of 0 into 1 (with its message). */
int cli_flush(const char *cmd, int rc);

#endif

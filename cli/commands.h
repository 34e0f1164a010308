/* commands.h — the subcommands of the tidings program; each returns the process exit code. */
#ifndef TD_CLI_COMMANDS_H
#define TD_CLI_COMMANDS_H

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

int cmd_summarize(int argc, char **argv);
int cmd_sentences(int argc, char **argv);
int cmd_rouge(int argc, char **argv);
int cmd_clean(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_dedup(int argc, char **argv);
int cmd_cluster(int argc, char **argv);
int cmd_stories(int argc, char **argv);
int cmd_quotes(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_report(int argc, char **argv);

#endif

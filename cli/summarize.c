/* summarize.c — placeholder until the command lands (replaced in this session). */
#include <stdio.h>

#include "commands.h"

int cmd_summarize(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("tidings: summarize: not built yet\n", stderr);
    return EXIT_USAGE;
}

/* main.c — the tidings program: dispatches to a subcommand. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "options.h"
#include "tidings.h"

static const char usage[] =
    "Usage: tidings COMMAND [options] [inputs]\n"
    "\n"
    "Turns many news articles about one event into one story.\n"
    "\n"
    "Commands:\n"
    "  summarize   summarise the articles of a story, each sentence with its sources\n"
    "  sentences   print the sentences of a text, one a line\n"
    "  clean       print articles without web debris (--explain: why each line went)\n"
    "  rouge       score summaries against references (ROUGE-1.5.5 compatible)\n"
    "  extract     the main text of web pages (HTML, plain or gzip-compressed)\n"
    "  dedup       find the copies among articles (syndicated, cut down) and group them\n"
    "  cluster     group a stream of articles into stories, each placed as it arrives\n"
    "  stories     list the stories of a store, newest first, with their summaries\n"
    "  quotes      the direct quotes of each article, with speaker and role\n"
    "  compare     what the articles agree on, what one alone says, where they disagree\n"
    "  report      the story report: summary, quotes, coverage, disagreements (HTML)\n"
    "  serve       an HTTP API and a web page over a store of stories\n"
    "\n"
    "Options:\n"
    "  -h, --help     show this help (and `tidings COMMAND --help` for a command's)\n"
    "  -V, --version  print the version\n"
    "\n"
    "Exit status: 0 on success, 1 when an input is bad or unreadable, 2 on a usage error.\n";

/* `tidings serve ARGS` runs `tidings-serve ARGS`, the program beside this one (git's way with its
 * commands): only the server needs libmicrohttpd, which loads GnuTLS and its seven libraries, and
 * loading them cost every run of this program 4.9M instructions, 1.7 ms (bench/speed). Returns
 * only on failure. */
static int run_serve(char **argv)
{
    static const char name[] = "tidings-serve";
    char path[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", path, sizeof path - sizeof name);
    if (n <= 0) {
        execvp(name, argv); /* no /proc: the one on the PATH */
        cli_error("serve", "cannot run %s: %s", name, strerror(errno));
        return EXIT_INPUT;
    }
    path[n] = '\0';
    strcpy(strrchr(path, '/') + 1, name);
    argv[0] = path;
    execv(path, argv);
    cli_error("serve", "cannot run %s: %s", path, strerror(errno));
    return EXIT_INPUT;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        fputs(usage, stdout);
        return EXIT_OK;
    }
    if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version")) {
        printf("tidings %s\n", TD_VERSION);
        return EXIT_OK;
    }
    if (!strcmp(cmd, "summarize") || !strcmp(cmd, "summarise")) return cmd_summarize(argc - 1, argv + 1);
    if (!strcmp(cmd, "sentences")) return cmd_sentences(argc - 1, argv + 1);
    if (!strcmp(cmd, "rouge")) return cmd_rouge(argc - 1, argv + 1);
    if (!strcmp(cmd, "clean")) return cmd_clean(argc - 1, argv + 1);
    if (!strcmp(cmd, "extract")) return cmd_extract(argc - 1, argv + 1);
    if (!strcmp(cmd, "dedup")) return cmd_dedup(argc - 1, argv + 1);
    if (!strcmp(cmd, "cluster")) return cmd_cluster(argc - 1, argv + 1);
    if (!strcmp(cmd, "stories")) return cmd_stories(argc - 1, argv + 1);
    if (!strcmp(cmd, "quotes")) return cmd_quotes(argc - 1, argv + 1);
    if (!strcmp(cmd, "compare")) return cmd_compare(argc - 1, argv + 1);
    if (!strcmp(cmd, "report")) return cmd_report(argc - 1, argv + 1);
    if (!strcmp(cmd, "serve")) return run_serve(argv + 1);
    fprintf(stderr, "tidings: unknown command '%s' (see tidings --help)\n", cmd);
    return EXIT_USAGE;
}

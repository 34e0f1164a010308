/* testutil.h — shared by the unit tests: cmocka, and finding ../shared/ (present in CI). */
#ifndef TD_TESTUTIL_H
#define TD_TESTUTIL_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>

#include <cmocka.h>

/* Path of the shared data folder (tests run from the repository root), or NULL when it is absent;
 * then prints once that the tests which read it are skipped. */
static inline const char *shared_dir(void)
{
    static int warned;
    struct stat st;
    if (stat("../shared", &st) == 0 && S_ISDIR(st.st_mode)) return "../shared";
    if (!warned++) fprintf(stderr, "note: ../shared/ is absent: tests that read it are skipped\n");
    return NULL;
}

#endif

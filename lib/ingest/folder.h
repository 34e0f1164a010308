/* folder.h — listing an input folder: its regular files and sub-folders, sorted by name. */
#ifndef TD_FOLDER_H
#define TD_FOLDER_H
#include "common/vec.h"
#include "tidings.h"

typedef VEC(char *) name_vec;

/* The visible entries of a folder (names only, malloc'd). */
typedef struct folder {
    name_vec files; /* regular files (symbolic links followed) */
    name_vec dirs;  /* sub-folders */
} folder;

/* Lists path; TD_ERR_IO "path: reason" when it cannot be read. */
td_status folder_read(const char *path, folder *out, td_error *err);
void folder_free(folder *f);
/* dir + "/" + name (no doubled slash); malloc'd, NULL when out of memory. */
char *folder_join(const char *dir, const char *name);

#endif

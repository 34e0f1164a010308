/* error.h — filling a td_error: one formatted line naming the input and the problem. */
#ifndef TD_ERROR_H
#define TD_ERROR_H
#include "tidings.h"

/* Sets err (when not NULL) and returns code, so callers can `return error_set(...)`. */
td_status error_set(td_error *err, td_status code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Shorthand for an out-of-memory error. */
td_status error_nomem(td_error *err);

#endif

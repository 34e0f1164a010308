/* error.c — td_error helpers and status names. */
#include "common/error.h"

#include <stdarg.h>
#include <stdio.h>

const char *td_status_name(td_status code)
{
    switch (code) {
    case TD_OK: return "ok";
    case TD_ERR_NOMEM: return "out of memory";
    case TD_ERR_IO: return "input/output error";
    case TD_ERR_INPUT: return "bad input";
    case TD_ERR_USAGE: return "bad usage";
    }
    return "unknown error";
}

td_status error_set(td_error *err, td_status code, const char *fmt, ...)
{
    if (!err) return code;
    err->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}

td_status error_nomem(td_error *err) { return error_set(err, TD_ERR_NOMEM, "out of memory"); }

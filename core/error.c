/* error.c - the thread-local one-line error message and the always-on assertion. */
#include "ng_core.h"

#include <stdio.h>
#include <stdlib.h>

static _Thread_local char last_message[1024];

int ng_error_set(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_message, sizeof last_message, fmt, ap);
    va_end(ap);
    /* One line: a message that carries text from an article must not break the line. */
    for (char *p = last_message; *p; p++) {
        if (*p == '\n' || *p == '\r') *p = ' ';
    }
    return NG_ERROR;
}

const char *ng_error_last(void) { return last_message; }

void ng_error_clear(void) { last_message[0] = '\0'; }

const char *ng_error_name(int code)
{
    switch (code) {
    case NG_OK: return "success";
    case NG_ENOMEM: return "out of memory";
    case NG_EIO: return "input/output error";
    case NG_EINVAL: return "invalid argument";
    case NG_EFORMAT: return "malformed input";
    case NG_EGRAPH: return "graph library error";
    case NG_ELIMIT: return "limit exceeded";
    case NG_EINTR: return "interrupted";
    default: return "error";
    }
}

void ng_assert_fail(const char *expr, const char *file, int line)
{
    fprintf(stderr, "newsgraph: internal error: assertion '%s' failed at %s:%d\n", expr, file,
            line);
    abort();
}

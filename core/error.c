/* error.c - the thread-local one-line error message and the always-on assertion. */
#include "ng_core.h"

#include <stdio.h>
#include <stdlib.h>

static _Thread_local char last_message[NG_ERROR_MAX];

int ng_error_set(const char *fmt, ...)
{
    char raw[NG_ERROR_MAX];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    size_t len = (size_t)n < sizeof raw ? (size_t)n : sizeof raw - 1;
    /* One line, and nothing a terminal acts on: a message that carries text from an article
     * or a file name must not break the line; a long one is cut with a visible mark. */
    ng_text_printable(last_message, sizeof last_message, raw, len, (size_t)n >= sizeof raw);
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

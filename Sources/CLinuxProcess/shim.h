// Wraps the Linux process calls Swift cannot import: prctl is variadic, and Swift imports no
// variadic C function.
#ifndef ECOTOP_CLINUXPROCESS_SHIM_H
#define ECOTOP_CLINUXPROCESS_SHIM_H

#include <errno.h>
#include <sys/prctl.h>

/// Makes the calling process a child subreaper (PR_SET_CHILD_SUBREAPER, Linux 3.4+): orphaned
/// descendants are reparented to it instead of to init. Returns 0, or the error number.
static inline int ecotop_become_child_subreaper(void) {
    return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0 ? 0 : errno;
}

#endif

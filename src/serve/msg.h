/*
 * msg.h: what aipolicy-serve says on stderr, in the words and forms of
 * every aipolicy command: "aipolicy: error: MESSAGE", "aipolicy: FILE:
 * error: MESSAGE", and a policy's diagnostics as FILE:LINE:COLUMN with
 * the line and a caret. Lines are written whole (one fprintf each), so
 * that threads do not interleave within a line.
 */
#ifndef AIPOLICY_SERVE_MSG_H
#define AIPOLICY_SERVE_MSG_H

#include "aipolicy/diag.h"
#include "aipolicy/policy.h"
#include "core/translation.h"

/* msg_error: "aipolicy: error: MESSAGE"; returns CODE. */
int msg_error(int code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* msg_file_error: "aipolicy: FILE: error: MESSAGE"; returns CODE. */
int msg_file_error(int code, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* msg_warning: "aipolicy: FILE: warning: MESSAGE". */
void msg_warning(const char *file, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* msg_note: "aipolicy: MESSAGE" (news that is not an error). */
void msg_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* msg_usage: the synopsis of `aipolicy serve` on stderr; EXIT_USAGE. */
int msg_usage(void);

/*
 * msg_load: load the policy at PATH. On failure, says why on stderr (the
 * errors, without the warnings, or why the file cannot be read) and
 * returns EXIT_DATAERR or EXIT_NOINPUT (EXIT_NOMEM when out of memory).
 * EXIT_OK with *OUT set (the caller owns it) on success.
 */
int msg_load(const char *path, struct aipolicy **out);

/*
 * msg_translations: every translation beside the policy at PATH (loaded
 * as P) into SET, which it initialises (the caller releases it with
 * translation_set_release). A translation that cannot be read or has
 * errors is left out, after its errors (not its warnings) on stderr and
 * a warning that it is not served: the others are. EXIT_OK, or
 * EXIT_NOMEM after saying so (SET then empty).
 */
int msg_translations(const char *path, struct aipolicy *p,
    struct translation_set *set);

#endif

/*
 * result.h: a walk's result as the JSON object of `check --json` and
 * `check --batch`, rendered into a buffer.
 *
 * Everything that depends only on the policy (each outcome's fields up to
 * the path, each path step, each question's and answer's JSON strings, the
 * policy block) is encoded once by aipolicy_result_json_new (with jansson
 * where the text needs escaping), and kept with its length; rendering a
 * result then only copies those pieces, which keeps a batch of many
 * queries fast.
 *
 * Threads: one struct aipolicy_result_json may serve any number of threads
 * rendering at once (a "next" object made on first use is published
 * atomically).
 */
#ifndef AIPOLICY_RESULT_H
#define AIPOLICY_RESULT_H

#include <stdbool.h>
#include <stddef.h>

#include "aipolicy/policy.h"
#include "aipolicy/walk.h"
#include "aipolicy/version.h"

#ifdef __cplusplus
extern "C" {
#endif

struct aipolicy_result_json;

/* aipolicy_result_json_new: the encoded pieces of P, whose policy block
 * gives its dates and whether, on TODAY, it is stale and in force. NULL
 * when out of memory; caller owns it (aipolicy_result_json_free). P must
 * outlive it. It is never changed after it is made: any number of threads
 * may render with one at once. */
AIPOLICY_API struct aipolicy_result_json *aipolicy_result_json_new(
    const struct aipolicy *p, aipolicy_date_t today);
AIPOLICY_API void aipolicy_result_json_free(struct aipolicy_result_json *rj);

/*
 * aipolicy_result_json_render: the object for R (a verdict or incomplete
 * result of the N answers GIVEN), on one line without a newline, appended
 * to *OUT (a malloc'd buffer of *LEN bytes used, *CAP allocated; grown as
 * needed). LINE > 0 puts "line": LINE first (batch). Returns 0, or -1 when
 * out of memory.
 */
AIPOLICY_API int aipolicy_result_json_render(
    const struct aipolicy_result_json *rj,
    const struct aipolicy_walk_result *r, const struct aipolicy_given *given,
    size_t n, size_t line, char **out, size_t *len, size_t *cap);

/* aipolicy_result_json_error: {"line": LINE, "status": "error", "error": MSG}
 * (without "line" when LINE is 0), appended like
 * aipolicy_result_json_render. */
AIPOLICY_API int aipolicy_result_json_error(size_t line, const char *msg,
    char **out, size_t *len, size_t *cap);

/* aipolicy_result_bad_answer: "'X' is not an answer of question 'Q'
 * (answers: 'a', 'b')" for GIVEN, in English, every text sanitised (no
 * control or bidirectional characters), as a malloc'd string the caller owns;
 * NULL when out of memory. */
AIPOLICY_API char *aipolicy_result_bad_answer(const struct aipolicy *p,
    const struct aipolicy_given *given);

#ifdef __cplusplus
}
#endif

#endif

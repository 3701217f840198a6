/*
 * policy-private.h: what a loaded policy keeps besides its public fields:
 * its arena, its source (for the lines shown under diagnostics) and the
 * id indexes. Private to src/core.
 */
#ifndef AIPOLICY_POLICY_PRIVATE_H
#define AIPOLICY_POLICY_PRIVATE_H

#include "aipolicy/policy.h"
#include "util.h"

struct policy_private {
	struct arena arena;
	char *src;             /* the file's bytes, NUL-terminated */
	size_t len;
	uint32_t *lines;       /* byte offset of each line's start */
	size_t nlines;
	struct strindex questions, outcomes;
};

/* policy_build_index: the id indexes of a policy the loader filled in.
 * Returns 0, or -1 when out of memory. */
int policy_build_index(struct policy *p);

/* source_line: line LINE (1-based) of SRC, without its break. */
const char *source_line(const char *src, size_t len, const uint32_t *lines,
    size_t nlines, uint32_t line, size_t *out_len);

#endif

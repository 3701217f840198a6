/*
 * jsonmem.h: jansson's allocations, watched. jansson does not always say
 * that memory ran out: a dump whose first write fails leaves a quote out
 * of its output and goes on, and a parse whose string could not grow reads
 * as a syntax error, or succeeds with the string cut short. Once
 * jsonmem_watch() has routed jansson's allocations here (main() does it, before
 * anything else), jsonmem_dumps() is a json_dumps() that returns NULL instead
 * of a damaged text, and jsonmem_failed() tells a parse error from out of
 * memory.
 */
#ifndef AIPOLICY_JSONMEM_H
#define AIPOLICY_JSONMEM_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

/* jsonmem_watch: route jansson's allocations through the watch. */
void jsonmem_watch(void);

/* jsonmem_failed: whether an allocation of jansson's failed (in this
 * thread) since the last call; clears the mark. */
bool jsonmem_failed(void);

/* jsonmem_dumps: json_dumps(J, FLAGS), or NULL when memory ran out on the
 * way. The caller owns the result (free). */
char *jsonmem_dumps(const json_t *j, size_t flags);

#endif

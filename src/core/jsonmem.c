/*
 * jsonmem.c: jansson's allocations, watched, so that running out of memory
 * is never taken for bad JSON nor printed as damaged JSON (jsonmem.h).
 */
#include <stdlib.h>

#include "core/jsonmem.h"

/* An allocation of jansson's failed in this thread since the last look. */
static _Thread_local bool failed;

static void *jsonmem_alloc(size_t n);

/* jansson's malloc: malloc, remembering a failure. */
static void *
jsonmem_alloc(size_t n)
{
	void *p = malloc(n);

	if (p == NULL)
		failed = true;
	return p;
}

void
jsonmem_watch(void)
{
	json_set_alloc_funcs(jsonmem_alloc, free);
}

bool
jsonmem_failed(void)
{
	bool was = failed;

	failed = false;
	return was;
}

char *
jsonmem_dumps(const json_t *j, size_t flags)
{
	char *s;

	jsonmem_failed();
	s = json_dumps(j, flags);
	if (s != NULL && jsonmem_failed()) {
		free(s);
		return NULL;
	}
	return s;
}

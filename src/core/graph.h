/*
 * graph.h: the checks of a policy's graph that need no YAML: cycles, each
 * question's height and what start reaches, in one depth-first search on a
 * struct aipolicy whose targets are all resolved, with explicit stacks (a
 * chain of 200,000 questions must not overflow the C stack). What it finds
 * is returned as values; the loader turns it into diagnostics. Private to
 * src/core.
 */
#ifndef AIPOLICY_GRAPH_H
#define AIPOLICY_GRAPH_H

#include "aipolicy/policy.h"

/* A cycle: the answer that closes it, and its questions. */
struct graph_cycle {
	struct aipolicy_location at;   /* of the answer that closes the cycle */
	char *path;           /* "a -> b -> a"; owned (free) */
};

/*
 * graph_find_cycle: a depth-first search from start, then from each
 * question not yet visited in file order. Returns 1 with the first cycle
 * found in *OUT (the caller frees out->path); 0 when there is none, with
 * every question's height set (the questions on the longest path from it
 * to an outcome, itself included) and `reachable` set on every question
 * and outcome that a path from start leads to (cleared on the others); -1
 * when out of memory.
 */
int graph_find_cycle(struct aipolicy *p, struct graph_cycle *out);

#endif

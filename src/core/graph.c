/*
 * graph.c: cycles and heights, and what start reaches, on a policy whose
 * targets are resolved: one depth-first search, iterative, with explicit
 * stacks. What the search from start visits is what start reaches.
 */
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "util.h"

enum colour { WHITE, GREY, BLACK };

struct dfs {
	uint8_t *colour;   /* per question */
	uint32_t *stack;   /* questions on the current path */
	uint32_t *next;    /* per question: its next answer to follow */
	size_t sp;
};

static void set_height(struct aipolicy *p, struct aipolicy_question *q);
static char *cycle_path(const struct aipolicy *p, const struct dfs *s,
    uint32_t to);
static int dfs_from(struct aipolicy *p, struct dfs *s, uint32_t root,
    bool from_start, struct graph_cycle *out);

/* Q's answers are all done: its height is one more than its highest
 * question target's. */
static void
set_height(struct aipolicy *p, struct aipolicy_question *q)
{
	size_t i;

	q->height = 1;
	for (i = 0; i < q->nanswers; i++) {
		const struct aipolicy_target *t = &q->answers[i].target;
		if (t->kind == AIPOLICY_TARGET_QUESTION &&
		    p->questions[t->index].height + 1 > q->height)
			q->height = p->questions[t->index].height + 1;
	}
}

/* "a -> b -> ... -> TO": the path on the stack from TO; caller frees;
 * NULL when out of memory. */
static char *
cycle_path(const struct aipolicy *p, const struct dfs *s, uint32_t to)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; s->stack[i] != to; i++)
		;
	for (; i < s->sp; i++)
		buf_addf(&b, "%s -> ", p->questions[s->stack[i]].id);
	buf_adds(&b, p->questions[to].id);
	return buf_detach(&b);
}

/* Depth-first from ROOT (white); what it visits is marked reachable when
 * it starts FROM_START. 1 with *OUT at the first cycle, 0, or -1 when out
 * of memory. */
static int
dfs_from(struct aipolicy *p, struct dfs *s, uint32_t root, bool from_start,
    struct graph_cycle *out)
{
	s->sp = 0;
	s->stack[s->sp++] = root;
	s->colour[root] = GREY;
	p->questions[root].reachable = from_start;
	while (s->sp > 0) {
		uint32_t qi = s->stack[s->sp - 1];
		struct aipolicy_question *q = &p->questions[qi];
		struct aipolicy_answer *a;
		uint32_t t;

		if (s->next[qi] == q->nanswers) {
			set_height(p, q);
			s->colour[qi] = BLACK;
			s->sp--;
			continue;
		}
		a = &q->answers[s->next[qi]++];
		t = a->target.index;
		if (a->target.kind != AIPOLICY_TARGET_QUESTION) {
			p->outcomes[t].reachable |= from_start;
			continue;
		}
		if (s->colour[t] == WHITE) {
			s->colour[t] = GREY;
			p->questions[t].reachable = from_start;
			s->stack[s->sp++] = t;
		} else if (s->colour[t] == GREY) {
			out->at = a->loc;
			out->path = cycle_path(p, s, t);
			return out->path != NULL ? 1 : -1;
		}
	}
	return 0;
}

int
graph_find_cycle(struct aipolicy *p, struct graph_cycle *out)
{
	size_t n = p->nquestions ? p->nquestions : 1, r;
	struct dfs s;
	int rc = 0;

	memset(out, 0, sizeof *out);
	for (r = 0; r < p->noutcomes; r++)
		p->outcomes[r].reachable = false;
	s.colour = calloc(n, sizeof *s.colour);
	s.stack = malloc(n * sizeof *s.stack);
	s.next = calloc(n, sizeof *s.next);
	if (s.colour == NULL || s.stack == NULL || s.next == NULL)
		rc = -1;
	/* From start first, then every question in file order. */
	for (r = 0; rc == 0 && p->nquestions > 0 && r <= p->nquestions; r++) {
		uint32_t root = r == 0 ? p->start : (uint32_t)(r - 1);
		if (s.colour[root] == WHITE)
			rc = dfs_from(p, &s, root, r == 0, out);
	}
	free(s.colour);
	free(s.stack);
	free(s.next);
	return rc;
}

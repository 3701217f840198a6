/*
 * paths.c: every path from start to an outcome, one at a time (paths.h):
 * a depth-first walk whose stack is the path itself.
 */
#include <stdlib.h>

#include "core/paths.h"

struct paths {
	const struct aipolicy *p;
	/* the current path: question, answer taken */
	struct aipolicy_step *stack;
	size_t depth;
	bool started, done;
};

static bool advance(struct paths *it);
static void descend(struct paths *it, struct paths_row *row);

struct paths *
paths_new(const struct aipolicy *p)
{
	struct paths *it = calloc(1, sizeof *it);

	if (it == NULL)
		return NULL;
	it->p = p;
	/* The graph is acyclic: a path visits each question at most once. */
	it->stack = calloc(p->nquestions ? p->nquestions : 1,
	    sizeof *it->stack);
	if (it->stack == NULL) {
		free(it);
		return NULL;
	}
	return it;
}

void
paths_free(struct paths *it)
{
	if (it == NULL)
		return;
	free(it->stack);
	free(it);
}

/* Take the next answer of the deepest question that has one left,
 * dropping the questions that have none; false when none has. */
static bool
advance(struct paths *it)
{
	struct aipolicy_step *top;

	while (it->depth > 0) {
		top = &it->stack[it->depth - 1];
		if (++top->answer < it->p->questions[top->question].nanswers)
			return true;
		it->depth--;
	}
	return false;
}

/* Follow the first answer of each question from the top of the stack
 * down to an outcome, and describe that path in *ROW. */
static void
descend(struct paths *it, struct paths_row *row)
{
	const struct aipolicy_question *q;
	const struct aipolicy_target *t;
	struct aipolicy_step *top;

	for (;;) {
		top = &it->stack[it->depth - 1];
		q = &it->p->questions[top->question];
		t = &q->answers[top->answer].target;
		if (t->kind == AIPOLICY_TARGET_OUTCOME)
			break;
		it->stack[it->depth].question = t->index;
		it->stack[it->depth].answer = 0;
		it->depth++;
	}
	row->steps = it->stack;
	row->nsteps = it->depth;
	row->outcome = &it->p->outcomes[t->index];
}

bool
paths_next(struct paths *it, struct paths_row *row)
{
	if (it->done)
		return false;
	if (!it->started) {
		it->started = true;
		it->stack[0].question = it->p->start;
		it->stack[0].answer = 0;
		it->depth = 1;
	} else if (!advance(it)) {
		it->done = true;
		return false;
	}
	descend(it, row);
	return true;
}

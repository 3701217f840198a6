/*
 * walk.c: answering a query (struct aipolicy_walker) and a person's
 * step-by-step walk (struct aipolicy_walk_state, whose answers a walker
 * evaluates).
 *
 * A walker keeps per-question scratch arrays stamped with a generation
 * number, so that a query costs time in proportion to the answers given and
 * the questions it visits, never to the size of the policy: check --batch
 * runs many queries on one walker. "Not sure" branches are explored once
 * per question (memoised), the tie rule and the question that narrows a
 * worst case down included, so a DAG with 2^60 paths is answered at once.
 */
#include <stdlib.h>
#include <string.h>

#include "aipolicy/walk.h"
#include "util.h"

#define ANSWER_UNSURE (-2)

struct aipolicy_walker {
	const struct aipolicy *p;
	uint32_t gen;
	uint32_t *stamp;       /* stamp[q] == gen: q has an answer */
	int32_t *answer;       /* its index, or ANSWER_UNSURE */
	uint32_t *seen;        /* seen[q] == gen: q was explored */
	/* done[q] == gen: best[q] .. choice[q] are set */
	uint32_t *done;
	uint32_t *best;        /* worst outcome reachable from q */
	/* the first answer of q that leads to its verdict */
	uint32_t *first;
	uint32_t *choice;      /* the first answer of q on a clean path to it,
	                        * or first[q] when there is none */
	bool *clean;           /* some path from q to best[q]'s verdict has no
	                        * unanswered question (q included) */
	uint32_t *stack;       /* explicit DFS stack */
	uint32_t *next;        /* next answer to explore, per question */
	struct aipolicy_step *path;
	uint32_t *unsure;
	size_t *unused;
	size_t unused_cap;
	size_t *given_of;      /* given index that answered q */
	size_t nopen;          /* unanswered questions explored this run */
};

static void walker_reset(struct aipolicy_walker *w);
static inline bool is_branched(const struct aipolicy_walker *w, uint32_t q);
static inline bool is_unanswered(const struct aipolicy_walker *w, uint32_t q);
static inline enum aipolicy_verdict target_verdict(
    const struct aipolicy_walker *w, const struct aipolicy_target *t);
static inline bool target_clean(const struct aipolicy_walker *w,
    const struct aipolicy_target *t);
static void finish(struct aipolicy_walker *w, uint32_t q, size_t lo, size_t hi);
static void push(struct aipolicy_walker *w, size_t *sp, uint32_t q);
static void explore(struct aipolicy_walker *w, uint32_t root);
static int add_unused(struct aipolicy_walker *w, size_t i, size_t *n);
static size_t take_answers(struct aipolicy_walker *w,
    const struct aipolicy_given *given, size_t n);
static void walk_path(struct aipolicy_walker *w, unsigned flags,
    struct aipolicy_walk_result *r);
static void walk_state_evaluate(struct aipolicy_walk_state *s);

struct aipolicy_walker *
aipolicy_walker_new(const struct aipolicy *p)
{
	struct aipolicy_walker *w = calloc(1, sizeof *w);
	size_t n = p->nquestions ? p->nquestions : 1;

	if (w == NULL)
		return NULL;
	w->p = p;
	/* Only the stamps start zeroed: every other array is written before
	 * it is read (behind a stamp of this generation), so a query on a
	 * big policy touches the pages of the questions it visits only. */
	w->stamp = calloc(n, sizeof *w->stamp);
	w->seen = calloc(n, sizeof *w->seen);
	w->done = calloc(n, sizeof *w->done);
	w->answer = malloc(n * sizeof *w->answer);
	w->best = malloc(n * sizeof *w->best);
	w->first = malloc(n * sizeof *w->first);
	w->choice = malloc(n * sizeof *w->choice);
	w->clean = malloc(n * sizeof *w->clean);
	w->stack = malloc(n * sizeof *w->stack);
	w->next = malloc(n * sizeof *w->next);
	/* A path visits each question at most once (the graph is acyclic). */
	w->path = malloc(n * sizeof *w->path);
	w->unsure = malloc(n * sizeof *w->unsure);
	w->given_of = malloc(n * sizeof *w->given_of);
	/* As many unused answers as questions need no allocation later. */
	w->unused_cap = n;
	w->unused = malloc(n * sizeof *w->unused);
	if (w->stamp == NULL || w->answer == NULL || w->seen == NULL ||
	    w->done == NULL || w->best == NULL || w->first == NULL ||
	    w->choice == NULL || w->clean == NULL || w->stack == NULL ||
	    w->next == NULL || w->path == NULL || w->unsure == NULL ||
	    w->unused == NULL || w->given_of == NULL) {
		aipolicy_walker_free(w);
		return NULL;
	}
	return w;
}

void
aipolicy_walker_free(struct aipolicy_walker *w)
{
	if (w == NULL)
		return;
	free(w->stamp);
	free(w->answer);
	free(w->seen);
	free(w->done);
	free(w->best);
	free(w->first);
	free(w->choice);
	free(w->clean);
	free(w->stack);
	free(w->next);
	free(w->path);
	free(w->unsure);
	free(w->unused);
	free(w->given_of);
	free(w);
}

bool
aipolicy_given_is_unsure(const struct aipolicy_given *g)
{
	const char *s = g->answer;
	size_t n = g->answer_len;

	trim(&s, &n);
	return n == 1 && s[0] == '?';
}

/* Start a new generation; on wrap-around, clear every stamp. */
static void
walker_reset(struct aipolicy_walker *w)
{
	size_t n = w->p->nquestions;

	if (++w->gen == 0) {
		memset(w->stamp, 0, n * sizeof *w->stamp);
		memset(w->seen, 0, n * sizeof *w->seen);
		memset(w->done, 0, n * sizeof *w->done);
		w->gen = 1;
	}
}

static inline bool
is_branched(const struct aipolicy_walker *w, uint32_t q)
{
	return w->stamp[q] != w->gen || w->answer[q] == ANSWER_UNSURE;
}

/* An unanswered question: branched without an answer given (a question
 * answered "?" is not one). */
static inline bool
is_unanswered(const struct aipolicy_walker *w, uint32_t q)
{
	return w->stamp[q] != w->gen;
}

static inline enum aipolicy_verdict
target_verdict(const struct aipolicy_walker *w, const struct aipolicy_target *t)
{
	uint32_t o = t->kind == AIPOLICY_TARGET_OUTCOME ? t->index :
	    w->best[t->index];

	return w->p->outcomes[o].verdict;
}

/* A path from target T to its verdict with no unanswered question. */
static inline bool
target_clean(const struct aipolicy_walker *w, const struct aipolicy_target *t)
{
	return t->kind == AIPOLICY_TARGET_OUTCOME || w->clean[t->index];
}

/*
 * finish: every answer of Q in [LO, HI) is explored; set best[q], first[q],
 * choice[q] and clean[q] (the tie rule of "Not sure": among the paths to
 * the most restrictive verdict, the first reached with no unanswered
 * question, else the first reached).
 */
static void
finish(struct aipolicy_walker *w, uint32_t q, size_t lo, size_t hi)
{
	const struct aipolicy_answer *ans = w->p->questions[q].answers;
	enum aipolicy_verdict v = target_verdict(w, &ans[lo].target), tv;
	size_t i;

	w->first[q] = (uint32_t)lo;
	for (i = lo + 1; i < hi; i++) {
		tv = target_verdict(w, &ans[i].target);
		if (tv > v) {
			v = tv;
			w->first[q] = (uint32_t)i;
		}
	}
	w->choice[q] = w->first[q];
	w->clean[q] = false;
	for (i = w->first[q]; i < hi && !is_unanswered(w, q); i++) {
		if (target_verdict(w, &ans[i].target) == v &&
		    target_clean(w, &ans[i].target)) {
			w->choice[q] = (uint32_t)i;
			w->clean[q] = true;
			break;
		}
	}
	{
		const struct aipolicy_target *t = &ans[w->first[q]].target;
		w->best[q] = t->kind == AIPOLICY_TARGET_OUTCOME ? t->index :
		    w->best[t->index];
	}
	w->done[q] = w->gen;
}

/* push: put Q on the exploration stack (at *SP) and count it when it is
 * unanswered. */
static void
push(struct aipolicy_walker *w, size_t *sp, uint32_t q)
{
	w->stack[(*sp)++] = q;
	w->seen[q] = w->gen;
	w->next[q] = 0;
	if (is_unanswered(w, q))
		w->nopen++;
}

/*
 * Explore from question ROOT, where every question without an answer (or
 * answered "?") branches over all its answers, and finish each question
 * reached (see finish). Iterative post-order over the DAG; each question is
 * finished once per generation.
 */
static void
explore(struct aipolicy_walker *w, uint32_t root)
{
	const struct aipolicy *p = w->p;
	size_t sp = 0, lo, hi;

	if (w->done[root] == w->gen)
		return;
	push(w, &sp, root);
	while (sp > 0) {
		uint32_t q = w->stack[sp - 1];
		const struct aipolicy_question *qq = &p->questions[q];
		bool branched = is_branched(w, q);

		lo = branched ? 0 : (size_t)w->answer[q];
		hi = branched ? qq->nanswers : lo + 1;
		if (w->next[q] < lo)
			w->next[q] = (uint32_t)lo;
		if (w->next[q] < hi) {
			const struct aipolicy_target *t =
			    &qq->answers[w->next[q]++].target;
			if (t->kind == AIPOLICY_TARGET_QUESTION &&
			    w->done[t->index] != w->gen)
				push(w, &sp, t->index);
			continue;
		}
		finish(w, q, lo, hi);
		sp--;
	}
}

static int
add_unused(struct aipolicy_walker *w, size_t i, size_t *n)
{
	size_t *nv;

	if (*n == w->unused_cap) {
		w->unused_cap = w->unused_cap ? w->unused_cap * 2 : 16;
		nv = realloc(w->unused, w->unused_cap * sizeof *nv);
		if (nv == NULL)
			return -1;
		w->unused = nv;
	}
	w->unused[(*n)++] = i;
	return 0;
}

/*
 * take_answers: stamp each answer of GIVEN on its question (the first one
 * counts when a question is answered twice). Every answer is checked,
 * reached or not: the index of the first bad one, or N when all are good.
 */
static size_t
take_answers(struct aipolicy_walker *w, const struct aipolicy_given *given,
    size_t n)
{
	const struct aipolicy *p = w->p;
	int64_t qi, a;
	size_t i;

	for (i = 0; i < n; i++) {
		qi = aipolicy_find_question(p, given[i].question,
		    given[i].question_len);
		if (qi < 0)
			continue;
		if (aipolicy_given_is_unsure(&given[i])) {
			a = ANSWER_UNSURE;
		} else {
			a = aipolicy_question_match(&p->questions[qi],
			    given[i].answer, given[i].answer_len);
			if (a < 0)
				return i;
		}
		if (w->stamp[qi] == w->gen)
			continue;
		w->stamp[qi] = w->gen;
		w->answer[qi] = (int32_t)a;
		w->given_of[qi] = i;
	}
	return n;
}

/*
 * walk_path: from start, follow the answers given; at the first branched
 * question, explore and follow the worst case (see finish), recording the
 * path, the branched questions and the first unanswered one in R.
 */
static void
walk_path(struct aipolicy_walker *w, unsigned flags,
    struct aipolicy_walk_result *r)
{
	const struct aipolicy *p = w->p;
	uint32_t q = p->start;
	bool branching = false, clean = false;

	w->nopen = 0;
	for (;;) {
		w->seen[q] = w->gen;
		if (!branching) {
			if (w->stamp[q] != w->gen &&
			    !(flags & AIPOLICY_WALK_WORST_CASE)) {
				r->status = AIPOLICY_WALK_INCOMPLETE;
				r->next = q;
				return;
			}
			if (is_branched(w, q)) {
				branching = true;
				explore(w, q);
				/* A clean path wins the tie; else the first. */
				clean = w->clean[q];
			}
		}
		if (branching && is_branched(w, q))
			w->unsure[r->nunsure++] = q;
		if (branching && is_unanswered(w, q) &&
		    r->next == AIPOLICY_WALK_NO_NEXT)
			r->next = q;
		w->path[r->npath].question = q;
		w->path[r->npath].answer = !branching ?
		    (uint32_t)w->answer[q] : clean ? w->choice[q] : w->first[q];
		{
			const struct aipolicy_target *t =
			    &p->questions[q].answers[
			    w->path[r->npath].answer].target;
			r->npath++;
			if (t->kind == AIPOLICY_TARGET_OUTCOME) {
				r->status = AIPOLICY_WALK_VERDICT;
				r->outcome = &p->outcomes[t->index];
				return;
			}
			q = t->index;
		}
	}
}

int
aipolicy_walker_run(struct aipolicy_walker *w,
    const struct aipolicy_given *given, size_t n, unsigned flags,
    struct aipolicy_walk_result *r)
{
	const struct aipolicy *p = w->p;
	size_t i, nunused = 0;
	int64_t qi;

	walker_reset(w);
	memset(r, 0, sizeof *r);
	r->next = AIPOLICY_WALK_NO_NEXT;
	if ((r->bad = take_answers(w, given, n)) < n) {
		r->status = AIPOLICY_WALK_BAD_ANSWER;
		return 0;
	}
	r->bad = 0;
	walk_path(w, flags, r);
	/* Nothing can lower use-freely: no question to narrow it down. */
	if (r->status == AIPOLICY_WALK_VERDICT &&
	    r->outcome->verdict == AIPOLICY_VERDICT_USE_FREELY)
		r->next = AIPOLICY_WALK_NO_NEXT;
	r->nopen = w->nopen;
	/* Unused: unknown questions, and those no explored branch reached. */
	for (i = 0; i < n; i++) {
		qi = aipolicy_find_question(p, given[i].question,
		    given[i].question_len);
		if (qi >= 0 && w->seen[qi] == w->gen && w->given_of[qi] == i &&
		    w->stamp[qi] == w->gen)
			continue;
		if (add_unused(w, i, &nunused) != 0)
			return -1;
	}
	r->path = w->path;
	r->unsure = w->unsure;
	r->unused = w->unused;
	r->nunused = nunused;
	return 0;
}

int
aipolicy_walker_try_answers(struct aipolicy_walker *w,
    const struct aipolicy_given *given, size_t n, unsigned flags, uint32_t q,
    enum aipolicy_verdict *out)
{
	const struct aipolicy_question *qq = &w->p->questions[q];
	struct aipolicy_given *g = malloc((n + 1) * sizeof *g);
	struct aipolicy_walk_result r;
	size_t i, at = n, m = n;
	uint32_t a;

	if (g == NULL)
		return -1;
	memcpy(g, given, n * sizeof *g);
	for (i = 0; i < n; i++) {
		if (given[i].question_len == strlen(qq->id) &&
		    memcmp(given[i].question, qq->id, given[i].question_len) ==
		    0) {
			at = i;
			break;
		}
	}
	if (at == n) {
		g[n].question = qq->id;
		g[n].question_len = strlen(qq->id);
		m = n + 1;
	}
	for (a = 0; a < qq->nanswers; a++) {
		g[at].answer = qq->answers[a].key;
		g[at].answer_len = strlen(qq->answers[a].key);
		/* The rest stays unknown: still branched, as it was below Q. */
		if (aipolicy_walker_run(w, g, m,
		    flags | AIPOLICY_WALK_WORST_CASE, &r) != 0) {
			free(g);
			return -1;
		}
		/* Valid answers, every open question branched: a verdict. */
		out[a] = r.status == AIPOLICY_WALK_VERDICT ?
		    r.outcome->verdict : AIPOLICY_VERDICT_DO_NOT_USE;
	}
	free(g);
	return 0;
}

/* ---- a person's walk ---------------------------------------------------- */

int
aipolicy_walk_state_init(struct aipolicy_walk_state *s,
    const struct aipolicy *p)
{
	size_t n = p->nquestions ? p->nquestions : 1;

	memset(s, 0, sizeof *s);
	s->policy = p;
	/* An answer is only ever given to a question not answered yet. */
	s->choices = calloc(n, sizeof *s->choices);
	s->chosen = malloc(n * sizeof *s->chosen);
	s->given = calloc(n, sizeof *s->given);
	s->walker = aipolicy_walker_new(p);
	if (s->choices == NULL || s->chosen == NULL || s->given == NULL ||
	    s->walker == NULL) {
		aipolicy_walk_state_release(s);
		return -1;
	}
	aipolicy_walk_state_restart(s);
	return 0;
}

void
aipolicy_walk_state_release(struct aipolicy_walk_state *s)
{
	free(s->choices);
	free(s->chosen);
	free(s->given);
	aipolicy_walker_free(s->walker);
	memset(s, 0, sizeof *s);
}

/*
 * walk_state_evaluate: walk the choices as check would and set current and
 * outcome. It cannot fail: at most one answer per question is given, all
 * of them valid, so aipolicy_walker_run allocates nothing.
 */
static void
walk_state_evaluate(struct aipolicy_walk_state *s)
{
	const struct aipolicy *p = s->policy;
	size_t i;

	for (i = 0; i < s->count; i++) {
		const struct aipolicy_question *q =
		    &p->questions[s->choices[i].question];
		const char *a = s->choices[i].answer == AIPOLICY_WALK_NOT_SURE ?
		    "?" : q->answers[s->choices[i].answer].key;

		s->given[i] = (struct aipolicy_given){ q->id, strlen(q->id), a,
		    strlen(a) };
	}
	aipolicy_walker_run(s->walker, s->given, s->count, 0, &s->result);
	s->outcome = NULL;
	if (s->result.next != AIPOLICY_WALK_NO_NEXT)
		s->current = s->result.next;
	else
		s->outcome = s->result.outcome;
}

void
aipolicy_walk_state_restart(struct aipolicy_walk_state *s)
{
	size_t i;

	for (i = 0; i < s->policy->nquestions; i++)
		s->chosen[i] = AIPOLICY_WALK_CHOSEN_NONE;
	s->count = 0;
	walk_state_evaluate(s);
}

void
aipolicy_walk_state_answer(struct aipolicy_walk_state *s, uint32_t a)
{
	const struct aipolicy_question *q = &s->policy->questions[s->current];

	if (s->outcome != NULL ||
	    (a >= q->nanswers && a != AIPOLICY_WALK_NOT_SURE))
		return;
	s->chosen[s->current] = a == AIPOLICY_WALK_NOT_SURE ?
	    AIPOLICY_WALK_CHOSEN_NOT_SURE : (int32_t)a;
	s->choices[s->count++] = (struct aipolicy_walk_choice){ s->current, a };
	walk_state_evaluate(s);
}

bool
aipolicy_walk_state_back(struct aipolicy_walk_state *s)
{
	if (s->count == 0)
		return false;
	s->count--;
	walk_state_evaluate(s);
	return true;
}

bool
aipolicy_walk_state_narrowing(const struct aipolicy_walk_state *s)
{
	return s->outcome == NULL && s->result.status == AIPOLICY_WALK_VERDICT;
}

size_t
aipolicy_walk_state_remaining(const struct aipolicy_walk_state *s)
{
	if (s->outcome != NULL)
		return 0;
	if (aipolicy_walk_state_narrowing(s))
		return s->result.nopen;
	return s->policy->questions[s->current].height;
}

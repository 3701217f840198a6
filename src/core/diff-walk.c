/*
 * diff-walk.c: the combined walk of two versions of a policy.
 *
 * A state is a node in the old version, a node in the new one, and the
 * answers fixed so far on the way (a question id and its answer, which
 * each version may or may not have). From a state:
 *  - both at outcomes: compare them; a difference is a change;
 *  - both at the same question: branch over its answers in the new
 *    version's order, skipping those the old version does not have (no
 *    answer set through them is valid in both);
 *  - a side at a question already answered on the way: follow that answer
 *    (or drop the way, when that side's question lacks the answer);
 *  - otherwise branch over the question of one side: the old side's when
 *    it is a question the new version does not have, else the new side's.
 * So every set of answers valid in both versions follows exactly one
 * combined path, and each change's answers are the questions either
 * version asks on it. (In this order only the old side ever meets a
 * question answered before: the new side branches over each question it
 * passes, and the old side branches alone only where the new side is at
 * an outcome or the question is not the new version's.)
 *
 * The walk is iterative (an explicit stack of branching frames, at most
 * one per question) and it prunes: when everything below a frame was
 * walked without a change and without following an answer fixed above
 * the frame, then no set of answers can give a change from that pair of
 * nodes, whatever was answered before; the pair is remembered and never
 * walked again. Two versions that agree below a pair of nodes (the usual
 * case: a policy edited in a few places) cost one walk of that part, not
 * one per path through it. Versions that ask the same questions in very
 * different orders may still need many combinations: the walk stops after
 * max_steps.
 */
#include <stdlib.h>
#include <string.h>

#include "core/diff.h"
#include "diff-private.h"
#include "util.h"

/* A node: a question index, or an outcome index with this bit set. */
#define NODE_OUTCOME 0x80000000u

/* Which side a frame branches. */
enum side { SIDE_BOTH, SIDE_OLD, SIDE_NEW };

/* The remembered pairs: at least this many slots, at most this many
 * (past it nothing more is remembered; the walk stays correct). */
#define MEMO_MIN_SLOTS 1024
#define MEMO_MAX_SLOTS (4u * 1024 * 1024)

/* A branching point of the combined walk. */
struct frame {
	uint32_t o, n;         /* the pair of nodes it branches at */
	uint32_t q;            /* the branched question, in its side's
	                        * version (the new one for SIDE_BOTH) */
	uint32_t next;         /* the next answer of that question to try */
	uint32_t entry;        /* answers fixed when it was entered */
	uint32_t consulted;    /* lowest position of a fixed answer followed
	                        * below it, or DIFF_NONE */
	size_t changes;        /* changes listed when it was entered */
	enum side side;
};

/* A set of node pairs (key + 1 in each used slot, 0 when free). */
struct pairset {
	uint64_t *slots;
	size_t cap, count;
};

struct cwalk {
	const struct diff_match *m;
	const struct diff_options *opts;
	struct diff *d;
	struct frame *frames;
	size_t nframes;
	uint32_t *fixed;       /* unified question of each fixed answer */
	uint32_t nfixed;
	uint32_t *pos;         /* per unified question: position in fixed */
	uint32_t *ans_old;     /* per unified question: the answer fixed, as */
	uint32_t *ans_new;     /*   each version's index, or DIFF_NONE */
	const char **qid;      /* per unified question: its id */
	const char **key;      /* per unified question: the key fixed */
	struct diff_answer *scratch;
	struct pairset clean;  /* pairs below which nothing changes */
	bool failed;           /* out of memory */
	bool stopped;
};

static int cwalk_init(struct cwalk *w, const struct diff_match *m,
    const struct diff_options *opts, struct diff *d);
static void cwalk_release(struct cwalk *w);
static void advance(struct cwalk *w, uint32_t o, uint32_t n);
static bool branch_next(struct cwalk *w, struct frame *f);
static void finish_frame(struct cwalk *w);
static void leaf(struct cwalk *w, uint32_t o, uint32_t n);
static bool pairset_has(const struct pairset *s, uint64_t key);
static void pairset_add(struct pairset *s, uint64_t key);
static inline bool is_outcome(uint32_t node);
static inline uint32_t node_of(const struct aipolicy_target *t);
static inline uint64_t pair_key(uint32_t o, uint32_t n);
static inline size_t slot_of(uint64_t key, size_t cap);
static void fix(struct cwalk *w, uint32_t u, uint32_t ao, uint32_t an,
    const char *key);
static void unfix_to(struct cwalk *w, uint32_t k);
static void consult(struct cwalk *w, uint32_t p);
static void push(struct cwalk *w, uint32_t o, uint32_t n, uint32_t q,
    enum side side);

static inline bool
is_outcome(uint32_t node)
{
	return (node & NODE_OUTCOME) != 0;
}

static inline uint32_t
node_of(const struct aipolicy_target *t)
{
	return t->kind == AIPOLICY_TARGET_OUTCOME ? (t->index | NODE_OUTCOME) :
	    t->index;
}

static inline uint64_t
pair_key(uint32_t o, uint32_t n)
{
	return ((uint64_t)o << 32) | n;
}

/* ---- the set of pairs ------------------------------------------------ */

static inline size_t
slot_of(uint64_t key, size_t cap)
{
	key ^= key >> 33;
	key *= 0xff51afd7ed558ccdULL;
	key ^= key >> 33;
	key *= 0xc4ceb9fe1a85ec53ULL;
	key ^= key >> 33;
	return (size_t)key & (cap - 1);
}

static bool
pairset_has(const struct pairset *s, uint64_t key)
{
	size_t i;

	if (s->cap == 0)
		return false;
	for (i = slot_of(key, s->cap); s->slots[i] != 0;
	    i = (i + 1) & (s->cap - 1))
		if (s->slots[i] == key + 1)
			return true;
	return false;
}

/* Add KEY; when the set cannot grow (its cap, or no memory), it is not
 * added: the pair will be walked again, which is slower, not wrong. */
static void
pairset_add(struct pairset *s, uint64_t key)
{
	uint64_t *old = s->slots, *nv;
	size_t oldcap = s->cap, cap, i, j;

	if ((s->count + 1) * 2 > s->cap) {
		cap = s->cap ? s->cap * 2 : MEMO_MIN_SLOTS;
		if (cap > MEMO_MAX_SLOTS || (nv = calloc(cap, sizeof *nv)) ==
		    NULL)
			return;
		for (i = 0; i < oldcap; i++) {
			if (old[i] == 0)
				continue;
			for (j = slot_of(old[i] - 1, cap); nv[j] != 0;
			    j = (j + 1) & (cap - 1))
				;
			nv[j] = old[i];
		}
		free(old);
		s->slots = nv;
		s->cap = cap;
	}
	for (i = slot_of(key, s->cap); s->slots[i] != 0;
	    i = (i + 1) & (s->cap - 1))
		if (s->slots[i] == key + 1)
			return;
	s->slots[i] = key + 1;
	s->count++;
}

/* ---- the walk --------------------------------------------------------- */

static int
cwalk_init(struct cwalk *w, const struct diff_match *m,
    const struct diff_options *opts, struct diff *d)
{
	size_t nu = m->nunified, i;

	memset(w, 0, sizeof *w);
	w->m = m;
	w->opts = opts;
	w->d = d;
	/* Each frame below the top has fixed one question: at most nu + 1. */
	w->frames = malloc((nu + 1) * sizeof *w->frames);
	w->fixed = malloc((nu + 1) * sizeof *w->fixed);
	w->pos = malloc((nu + 1) * sizeof *w->pos);
	w->ans_old = malloc((nu + 1) * sizeof *w->ans_old);
	w->ans_new = malloc((nu + 1) * sizeof *w->ans_new);
	w->qid = malloc((nu + 1) * sizeof *w->qid);
	w->key = malloc((nu + 1) * sizeof *w->key);
	w->scratch = malloc((nu + 1) * sizeof *w->scratch);
	if (w->frames == NULL || w->fixed == NULL || w->pos == NULL ||
	    w->ans_old == NULL || w->ans_new == NULL || w->qid == NULL ||
	    w->key == NULL || w->scratch == NULL)
		return -1;
	for (i = 0; i < nu; i++)
		w->pos[i] = DIFF_NONE;
	for (i = 0; i < m->new->nquestions; i++)
		w->qid[i] = m->new->questions[i].id;
	for (i = 0; i < m->old->nquestions; i++)
		if (m->old_u[i] >= m->new->nquestions)
			w->qid[m->old_u[i]] = m->old->questions[i].id;
	return 0;
}

static void
cwalk_release(struct cwalk *w)
{
	free(w->frames);
	free(w->fixed);
	free(w->pos);
	free(w->ans_old);
	free(w->ans_new);
	free(w->qid);
	free(w->key);
	free(w->scratch);
	free(w->clean.slots);
}

/* Fix unified question U to answer AO of the old version and AN of the
 * new one (either DIFF_NONE where that version lacks it), spelled KEY. */
static void
fix(struct cwalk *w, uint32_t u, uint32_t ao, uint32_t an, const char *key)
{
	w->pos[u] = w->nfixed;
	w->fixed[w->nfixed++] = u;
	w->ans_old[u] = ao;
	w->ans_new[u] = an;
	w->key[u] = key;
}

/* Forget the answers fixed after the first K. */
static void
unfix_to(struct cwalk *w, uint32_t k)
{
	while (w->nfixed > k)
		w->pos[w->fixed[--w->nfixed]] = DIFF_NONE;
}

/* The walk follows the answer fixed at position P: the frame walking
 * this part depends on it. */
static void
consult(struct cwalk *w, uint32_t p)
{
	struct frame *f;

	if (w->nframes == 0)
		return;
	f = &w->frames[w->nframes - 1];
	if (p < f->consulted)
		f->consulted = p;
}

static void
push(struct cwalk *w, uint32_t o, uint32_t n, uint32_t q, enum side side)
{
	struct frame *f = &w->frames[w->nframes++];

	f->o = o;
	f->n = n;
	f->q = q;
	f->next = 0;
	f->entry = w->nfixed;
	f->consulted = DIFF_NONE;
	f->changes = w->d->nchanges;
	f->side = side;
}

/* Both sides reached outcomes: a change when they differ. */
static void
leaf(struct cwalk *w, uint32_t o, uint32_t n)
{
	const struct aipolicy_outcome *oo =
	    &w->m->old->outcomes[o & ~NODE_OUTCOME];
	const struct aipolicy_outcome *no =
	    &w->m->new->outcomes[n & ~NODE_OUTCOME];
	enum diff_kind kind = diff_classify(oo, no);
	uint32_t i;

	if (kind == DIFF_SAME)
		return;
	if (w->d->nchanges >= w->opts->limit) {
		w->d->stop = DIFF_STOP_LIMIT;
		w->stopped = true;
		return;
	}
	for (i = 0; i < w->nfixed; i++) {
		w->scratch[i].question = w->qid[w->fixed[i]];
		w->scratch[i].answer = w->key[w->fixed[i]];
	}
	if (diff_add_change(w->d, w->scratch, w->nfixed, oo, no, kind) != 0) {
		w->failed = true;
		w->stopped = true;
	}
}

/*
 * Walk on from the pair (O, N) without branching as far as it goes: to a
 * pair of outcomes, a pair known to change nothing, a way that is not
 * valid in both versions, or a question to branch over (a new frame).
 */
static void
advance(struct cwalk *w, uint32_t o, uint32_t n)
{
	const struct diff_match *m = w->m;
	uint32_t uo, un, a;

	for (;;) {
		if (++w->d->steps > w->opts->max_steps) {
			w->d->stop = DIFF_STOP_STEPS;
			w->stopped = true;
			return;
		}
		if (is_outcome(o) && is_outcome(n)) {
			leaf(w, o, n);
			return;
		}
		if (pairset_has(&w->clean, pair_key(o, n)))
			return;
		uo = is_outcome(o) ? DIFF_NONE : m->old_u[o];
		un = is_outcome(n) ? DIFF_NONE : n;
		if (un != DIFF_NONE && un == uo && w->pos[un] == DIFF_NONE) {
			push(w, o, n, n, SIDE_BOTH);
			return;
		}
		if (un != DIFF_NONE && w->pos[un] != DIFF_NONE) {
			consult(w, w->pos[un]);
			if ((a = w->ans_new[un]) == DIFF_NONE)
				return;
			n = node_of(&m->new->questions[n].answers[a].target);
			continue;
		}
		if (uo != DIFF_NONE && w->pos[uo] != DIFF_NONE) {
			consult(w, w->pos[uo]);
			if ((a = w->ans_old[uo]) == DIFF_NONE)
				return;
			o = node_of(&m->old->questions[o].answers[a].target);
			continue;
		}
		if (uo != DIFF_NONE && (un == DIFF_NONE ||
		    uo >= m->new->nquestions))
			push(w, o, n, o, SIDE_OLD);
		else
			push(w, o, n, n, SIDE_NEW);
		return;
	}
}

/*
 * Take frame F's next answer: fix it and walk on from there. Returns
 * false when F has no answer left.
 */
static bool
branch_next(struct cwalk *w, struct frame *f)
{
	const struct diff_match *m = w->m;
	const struct aipolicy_question *q;
	uint32_t a = f->next, ao, an, o = f->o, n = f->n;

	q = f->side == SIDE_OLD ? &m->old->questions[f->q] :
	    &m->new->questions[f->q];
	/* Answers the old version's question lacks lead nowhere valid. */
	while (f->side == SIDE_BOTH && a < q->nanswers &&
	    m->old_ans[f->q][a] == DIFF_NONE)
		a++;
	if (a >= q->nanswers)
		return false;
	f->next = a + 1;
	switch (f->side) {
	case SIDE_BOTH:
		ao = m->old_ans[f->q][a];
		fix(w, f->q, ao, a, q->answers[a].key);
		o = node_of(&m->old->questions[f->o].answers[ao].target);
		n = node_of(&q->answers[a].target);
		break;
	case SIDE_OLD:
		an = m->old_u[f->q] < m->new->nquestions ?
		    m->new_ans[f->q][a] : DIFF_NONE;
		fix(w, m->old_u[f->q], a, an, an == DIFF_NONE ?
		    q->answers[a].key :
		    m->new->questions[m->old_u[f->q]].answers[an].key);
		o = node_of(&q->answers[a].target);
		break;
	case SIDE_NEW:
		ao = m->old_of_new[f->q] != DIFF_NONE ? m->old_ans[f->q][a] :
		    DIFF_NONE;
		fix(w, f->q, ao, a, q->answers[a].key);
		n = node_of(&q->answers[a].target);
		break;
	}
	advance(w, o, n);
	return true;
}

/* The top frame has tried every answer: remember its pair when nothing
 * below it changed and nothing below it depended on the way there. */
static void
finish_frame(struct cwalk *w)
{
	struct frame *f = &w->frames[--w->nframes];

	if (f->consulted >= f->entry && w->d->nchanges == f->changes &&
	    !w->stopped)
		pairset_add(&w->clean, pair_key(f->o, f->n));
	if (w->nframes > 0 &&
	    f->consulted < w->frames[w->nframes - 1].consulted)
		w->frames[w->nframes - 1].consulted = f->consulted;
}

int
diff_walk(const struct diff_match *m, const struct diff_options *opts,
    struct diff *d)
{
	struct cwalk w;
	int rc;

	d->stop = DIFF_COMPLETE;
	if (cwalk_init(&w, m, opts, d) != 0) {
		cwalk_release(&w);
		return -1;
	}
	advance(&w, m->old->start, m->new->start);
	while (w.nframes > 0 && !w.stopped) {
		struct frame *f = &w.frames[w.nframes - 1];
		unfix_to(&w, f->entry);
		if (!branch_next(&w, f))
			finish_frame(&w);
	}
	rc = w.failed ? -1 : 0;
	cwalk_release(&w);
	return rc;
}

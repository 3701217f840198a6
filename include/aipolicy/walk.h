/*
 * walk.h: walking a policy with a set of answers.
 *
 * Two ways in:
 *  - struct aipolicy_walker answers a whole query at once (check, check
 *    --batch, test): given QUESTION=ANSWER pairs, it returns the verdict, or
 *    the next question when the answers stop short, or the answer that is
 *    not one. An answer "?" ("not sure") branches over every answer of its
 *    question and the walk returns the most restrictive outcome it can
 *    reach.
 *  - struct aipolicy_walk_state is a person's walk, one answer at a time
 *    ("not sure" included), with going back and restarting (ask), evaluated
 *    by a walker after each answer. It keeps no terminal state.
 *
 * Threads: a loaded policy is never changed, so any number of threads may
 * walk the same one at once, each with its own walker or walk state. A
 * walker or walk state is used by one thread at a time.
 */
#ifndef AIPOLICY_WALK_H
#define AIPOLICY_WALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "aipolicy/policy.h"
#include "aipolicy/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One answer as given by a person or a script; not NUL-terminated. */
struct aipolicy_given {
	const char *question;
	size_t question_len;
	const char *answer;
	size_t answer_len;
};

/* One step of a path: question index and answer index. */
struct aipolicy_step {
	uint32_t question;
	uint32_t answer;
};

enum aipolicy_walk_status {
	AIPOLICY_WALK_VERDICT,    /* outcome is set */
	AIPOLICY_WALK_INCOMPLETE, /* next: the first unanswered question */
	AIPOLICY_WALK_BAD_ANSWER, /* given[bad] is no answer of its question */
};

/* Flags of aipolicy_walker_run. */
/* Flag: every unanswered question counts as "?". */
#define AIPOLICY_WALK_WORST_CASE 0x1u

/* walk_result.next when there is no question to answer. */
#define AIPOLICY_WALK_NO_NEXT UINT32_MAX

/*
 * A result. In a "not sure" walk, an *unanswered* question is one branched
 * without an answer given (below a "?", or under AIPOLICY_WALK_WORST_CASE);
 * one answered "?" is not. Among the paths to the most restrictive verdict,
 * the first reached with no unanswered question is the result's path, or
 * the first reached when every one has one.
 */
struct aipolicy_walk_result {
	enum aipolicy_walk_status status;
	/* AIPOLICY_WALK_VERDICT: the outcome reached */
	const struct aipolicy_outcome *outcome;
	/* AIPOLICY_WALK_INCOMPLETE: the first question without an answer;
	 * AIPOLICY_WALK_VERDICT: the first unanswered question on path, whose
	 * answer could lower a worst case (never for use-freely); else
	 * AIPOLICY_WALK_NO_NEXT */
	uint32_t next;
	size_t bad;          /* AIPOLICY_WALK_BAD_ANSWER: index into given */
	const struct aipolicy_step *path; /* npath steps from start */
	size_t npath;
	const size_t *unused;   /* indexes into given, in given order */
	size_t nunused;
	const uint32_t *unsure; /* branched questions on path, in order */
	size_t nunsure;
	size_t nopen;        /* unanswered questions explored: a bound on how
	                      * many narrowing down can still ask */
};

struct aipolicy_walker;

/* aipolicy_walker_new: scratch space to walk P many times; NULL when out of
 * memory. P must outlive the walker. Caller owns the result
 * (aipolicy_walker_free). */
AIPOLICY_API struct aipolicy_walker *aipolicy_walker_new(
    const struct aipolicy *p);
/* aipolicy_walker_free: NULL is a no-op. */
AIPOLICY_API void aipolicy_walker_free(struct aipolicy_walker *w);

/*
 * aipolicy_walker_run: walk with the N answers in GIVEN (FLAGS:
 * AIPOLICY_WALK_WORST_CASE or 0) and fill *R. Answers are checked against
 * their question's keys first, all of them, reached or not. The arrays in
 * *R belong to W and stay valid until the next aipolicy_walker_run. Returns
 * 0, or -1 when out of memory (which cannot happen while N is at most the
 * policy's number of questions).
 */
AIPOLICY_API int aipolicy_walker_run(struct aipolicy_walker *w,
    const struct aipolicy_given *given, size_t n, unsigned flags,
    struct aipolicy_walk_result *r);

/*
 * aipolicy_walker_try_answers: after a "not sure" walk of the N answers GIVEN
 * (and FLAGS), what each answer of question Q would give: OUT[a] is the
 * verdict of the same answers with Q answered by its answer a instead of
 * "?" (or in addition, when GIVEN has no answer for Q). The questions that
 * stay unknown take their worst case (the walk runs with
 * AIPOLICY_WALK_WORST_CASE: every question above Q was answered, or there
 * would have been no verdict), so OUT[a] is the most restrictive verdict
 * that could still apply; one less restrictive than the walk's own is an
 * answer worth finding out. OUT has one entry per answer of Q. Overwrites
 * W's last result. Returns 0, or -1 when out of memory.
 */
AIPOLICY_API int aipolicy_walker_try_answers(struct aipolicy_walker *w,
    const struct aipolicy_given *given, size_t n, unsigned flags,
    uint32_t q, enum aipolicy_verdict *out);

/* aipolicy_given_is_unsure: the answer is "?" (after trimming white space). */
AIPOLICY_API bool aipolicy_given_is_unsure(const struct aipolicy_given *g);

/* aipolicy_walk_state_answer's answer for "Not sure". */
#define AIPOLICY_WALK_NOT_SURE UINT32_MAX

/* walk_state.chosen[q] when q has no answer to pre-select, and when the
 * last one chosen was "Not sure". */
#define AIPOLICY_WALK_CHOSEN_NONE     (-1)
#define AIPOLICY_WALK_CHOSEN_NOT_SURE (-2)

/* One answer of a person: a question and its answer (or
 * AIPOLICY_WALK_NOT_SURE). */
struct aipolicy_walk_choice {
	uint32_t question;
	uint32_t answer;
};

/*
 * A person's walk (ask): the list of answers in the order given, each a
 * question and its answer or "not sure", evaluated as check evaluates them
 * (aipolicy_walker_run, no flags) after every change. The question to answer
 * next is where that evaluation stops short, or, for a worst case, its
 * next question (narrowing down); once a verdict has nothing left to narrow
 * down, it is the outcome. Going back removes the last answer, restarting
 * all of them. chosen[q] is the answer last chosen for q and survives going
 * back, so that walking forward again can pre-select it.
 */
struct aipolicy_walk_state {
	const struct aipolicy *policy;
	/* count answers, in the order given */
	struct aipolicy_walk_choice *choices;
	size_t count;
	/* per question: an answer index, AIPOLICY_WALK_CHOSEN_NOT_SURE or
	 * AIPOLICY_WALK_CHOSEN_NONE */
	int32_t *chosen;
	uint32_t current;    /* the question shown, when !outcome */
	/* the verdict reached, or NULL */
	const struct aipolicy_outcome *outcome;
	/* the evaluation: path, unsure, next; its arrays belong to the state */
	struct aipolicy_walk_result result;
	/* the choices as aipolicy_walker_run took them (count entries) */
	struct aipolicy_given *given;
	struct aipolicy_walker *walker;
};

/* aipolicy_walk_state_init: no answers yet, at start. Returns 0, or -1
 * when out of memory. Release with aipolicy_walk_state_release. Nothing
 * after init allocates. */
AIPOLICY_API int aipolicy_walk_state_init(struct aipolicy_walk_state *s,
    const struct aipolicy *p);
AIPOLICY_API void aipolicy_walk_state_release(struct aipolicy_walk_state *s);

/* aipolicy_walk_state_answer: answer the current question with its answer
 * A, or AIPOLICY_WALK_NOT_SURE; nothing happens at a verdict or for a bad
 * A. */
AIPOLICY_API void aipolicy_walk_state_answer(struct aipolicy_walk_state *s,
    uint32_t a);
/* aipolicy_walk_state_back: remove the last answer; false when there is
 * none. */
AIPOLICY_API bool aipolicy_walk_state_back(struct aipolicy_walk_state *s);
/* aipolicy_walk_state_restart: remove every answer, forgetting what was
 * chosen. */
AIPOLICY_API void aipolicy_walk_state_restart(struct aipolicy_walk_state *s);
/* aipolicy_walk_state_narrowing: the current question is asked to narrow a
 * worst case down (s->result is that worst case). */
AIPOLICY_API bool aipolicy_walk_state_narrowing(
    const struct aipolicy_walk_state *s);
/* aipolicy_walk_state_remaining: at most how many questions are still to
 * come, the current one included: the longest path from it, or while
 * narrowing down, the open questions the worst case depends on. 0 at a
 * verdict. */
AIPOLICY_API size_t aipolicy_walk_state_remaining(
    const struct aipolicy_walk_state *s);

#ifdef __cplusplus
}
#endif

#endif

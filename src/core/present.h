/*
 * present.h: the words of a verdict, said once for every front end: check's
 * text output and errors, and the screens and line prompts of ask.
 *
 * A struct present is a list of lines, each with a role that says what the
 * line is (the verdict, a warning, ordinary text...), which a screen maps to
 * a colour and a text output ignores. Lines are laid out for a width in
 * display columns (a label such as "Why: " gives the lines after the first
 * a hanging indent), or not wrapped at all (width 0: one line per line of
 * the text). Every policy text is sanitised (text.h): a line never holds a
 * control character. The program's own words are those of a table of
 * words.h: English unless present_set_words gives another.
 *
 *	struct present pr;
 *	present_init(&pr, width, flags);
 *	present_set_words(&pr, &words);       (optional)
 *	present_result(&pr, p, &r, given, n, walk_flags);
 *	for (i = 0; i < pr.n; i++) ... pr.lines[i].role, pr.lines[i].text
 *	present_release(&pr);
 */
#ifndef AIPOLICY_PRESENT_H
#define AIPOLICY_PRESENT_H

#include <stdbool.h>
#include <stddef.h>

#include "aipolicy/policy.h"
#include "aipolicy/walk.h"
#include "core/words.h"

/* What a line is. */
enum present_role {
	PRESENT_TEXT,      /* ordinary text */
	PRESENT_STRONG,    /* what to do: the summary, the disclosure */
	PRESENT_FREE,      /* the verdict line, one role per verdict */
	PRESENT_REVIEW,
	PRESENT_STOP,
	PRESENT_WARNING,   /* a worst case; a stale or not yet valid policy */
	PRESENT_HINT,      /* how to go on: the question that narrows it down */
	PRESENT_BLANK,     /* a gap between groups, which a front end short of
	                    * room may leave out */
};

/* Flags of present_init. */
#define PRESENT_ASCII  0x1u /* "->" and "-" instead of "→" and "—" */
#define PRESENT_POLICY 0x2u /* name the policy and its version (check) */

struct present_line {
	enum present_role role;
	char *text;        /* one display line, no line break; owned */
	size_t len;        /* bytes of text */
};

struct present {
	struct present_line *lines;
	size_t n, cap;
	int width;         /* display columns; 0: not wrapped */
	unsigned flags;
	const struct words *words; /* the program's words; not owned */
	bool failed;       /* out of memory: lines are missing */
};

/* present_init: an empty list laid out for WIDTH columns (0: not
 * wrapped), with FLAGS (PRESENT_*), in English. Release with
 * present_release. */
void present_init(struct present *pr, int width, unsigned flags);
/* present_set_words: the lines appended from now on use W's words (NULL:
 * English); W must outlive PR's use. */
void present_set_words(struct present *pr, const struct words *w);
/* present_release: frees every line; PR is empty afterwards. */
void present_release(struct present *pr);

/* present_role_of: the role of the verdict line for V. */
enum present_role present_role_of(enum aipolicy_verdict v);

/*
 * present_result: append the words for R, a verdict or incomplete result
 * of aipolicy_walker_run on the N answers GIVEN with WALK_FLAGS over P. A
 * verdict: "Verdict: ...", or for a worst case "Worst case: ..." and what the
 * answers marked "not sure" could lead to; the summary, why, reviewer,
 * disclosure and conditions; the answers on the path (assumed ones marked
 * "not sure"); for a worst case, the answers that give a less restrictive
 * verdict (computed with a walker of its own: R's arrays stay valid) and
 * the question that narrows it down, when R has one. Incomplete: the next
 * question and its answers. Then the policy (PRESENT_POLICY) and whom to
 * ask. Returns 0, or -1 when out of memory.
 */
int present_result(struct present *pr, const struct aipolicy *p,
    const struct aipolicy_walk_result *r, const struct aipolicy_given *given,
    size_t n, unsigned walk_flags);

/* present_answers: Q's answers as a list people read, each quoted (keys
 * may hold commas) and sanitised: "'yes', 'no'". Caller owns the result;
 * NULL when out of memory. */
char *present_answers(const struct aipolicy_question *q);

/* present_narrowing: append the line ask shows above a question that
 * narrows the worst case R (a verdict with a next) down. 0, or -1 when out
 * of memory. */
int present_narrowing(struct present *pr, const struct aipolicy_walk_result *r);

/* How a policy's dates stand on a day. */
enum present_dates {
	PRESENT_CURRENT,   /* in force, and not due for review */
	PRESENT_STALE,     /* the day is after review_by */
	PRESENT_NOT_YET,   /* the day is before effective: not in force */
};

/* present_dates_on: how P's dates stand on TODAY. */
enum present_dates present_dates_on(const struct aipolicy *p,
    aipolicy_date_t today);

/*
 * present_date_warning: when P is stale or not yet in force on TODAY, one
 * line that names the date and whom to ask, lower-case first and without
 * a full stop ("this policy was due for review on 2026-12-31; ask OWNER
 * whether it still applies"), in the words of W (NULL: English),
 * sanitised, in *OUT (caller owns it); *OUT is NULL when the dates are in
 * order. Returns 0, or -1 when out of memory.
 */
int present_date_warning(const struct words *w, const struct aipolicy *p,
    aipolicy_date_t today, char **out);

/* present_dates: append that warning as a line "Warning: ...", when there
 * is one. 0, or -1 when out of memory. */
int present_dates(struct present *pr, const struct aipolicy *p,
    aipolicy_date_t today);

/* present_bad_answer: "'X' is not an answer of question 'Q' (answers:
 * 'a', 'b')" for GIVEN (its question is one of P's), in the words of W
 * (NULL: English), X sanitised and the answers as present_answers lists
 * them. Caller owns the result; NULL when out of memory. */
char *present_bad_answer(const struct words *w, const struct aipolicy *p,
    const struct aipolicy_given *given);

#endif

/*
 * tui.h: `aipolicy ask`, the walk a person takes one question at a time.
 *
 * Two front ends over the same struct walk_state (the engine's, which
 * keeps no terminal state):
 *  - tui_run: the ncurses screens (screen.c), the only code that includes
 *    curses;
 *  - plain_run: numbered line prompts on a stream, with no escape sequences
 *    (plain.c), for pipes, dumb terminals and screen readers.
 * Both record the last verdict they showed in a struct ask_last, which the
 * command writes to the decision log once the terminal is restored.
 *
 * Every question also offers a last choice, "Not sure" (shared/spec/cli.md,
 * "Not sure"): it ends the walk with the worst case for the answers so far
 * plus "?" for the current question, computed once by ask_worst_compute and
 * shown by both front ends from the same texts.
 */
#ifndef AIPOLICY_TUI_H
#define AIPOLICY_TUI_H

#include <stdbool.h>
#include <stdio.h>

#include "aipolicy/policy.h"
#include "aipolicy/walk.h"

/* tui_run's answer when curses cannot start on this terminal. */
#define TUI_UNAVAILABLE (-1)

/* The label of the extra last menu item. */
#define ASK_NOT_SURE "Not sure"

/* The last verdict shown, for the decision log. */
struct ask_last {
	const struct outcome *outcome; /* NULL until a verdict was shown */
	struct step *path;             /* npath steps; owned */
	size_t npath;
	uint32_t *unsure;              /* nunsure questions; owned (or NULL) */
	size_t nunsure;
};

/*
 * The worst case after "Not sure": the walk_result of walker_run (flags 0)
 * on the answers so far plus "?" for the current question, copied, and for
 * each question in unsure which of its answers would have given a less
 * restrictive verdict (walker_less_restrictive).
 */
struct ask_worst {
	const struct outcome *outcome; /* NULL when empty */
	struct step *path;             /* npath steps; owned */
	size_t npath;
	uint32_t *unsure;              /* nunsure questions, in path order; owned */
	size_t nunsure;
	bool *better;                  /* owned: for unsure[i], one entry per
	                                * answer, from better_at[i] on */
	size_t *better_at;             /* nunsure entries; owned */
};

/*
 * ask_worst_compute: the worst case for S (at a question, not a verdict)
 * into *W (overwritten, not released first). Returns 0, or -1 when out of
 * memory or the walk reached no verdict (*W is then empty). Caller owns
 * the result: ask_worst_release.
 */
int ask_worst_compute(const struct policy *p, const struct walk_state *s,
    struct ask_worst *w);
/* ask_worst_release: frees what W owns; W is empty afterwards. */
void ask_worst_release(struct ask_worst *w);
/* ask_worst_heading: "Worst case: you were not sure about 1 question." (and
 * how many below it were not asked) into BUF of SIZE bytes. */
void ask_worst_heading(const struct ask_worst *w, char *buf, size_t size);
/*
 * ask_worst_note: the line for W's I-th unsure question: its label, DASH,
 * and the answers that would have given a less restrictive verdict ("no
 * answer would change the verdict" when none). Raw policy text: sanitise it
 * when showing it. Caller owns the result; NULL when out of memory.
 */
char *ask_worst_note(const struct policy *p, const struct ask_worst *w,
    size_t i, const char *dash);
/*
 * ask_path_text: "Label answer ARROW Label answer ..." for the N steps of
 * PATH, with " (not sure)" after each step whose question is one of the
 * NUNSURE in UNSURE. Raw policy text. Caller owns the result; NULL when out
 * of memory.
 */
char *ask_path_text(const struct policy *p, const struct step *path,
    size_t n, const uint32_t *unsure, size_t nunsure, const char *arrow);

/* ask_last_record: remember S's verdict and path (S is at a verdict).
 * Returns 0, or -1 when out of memory (the previous record is kept). */
int ask_last_record(struct ask_last *last, const struct walk_state *s);
/* ask_last_record_worst: the same for the worst case W (not empty). */
int ask_last_record_worst(struct ask_last *last, const struct ask_worst *w);
/* ask_last_release: frees the path; the record is empty afterwards. */
void ask_last_release(struct ask_last *last);
/* ask_quit_code: the exit code when the person quits: the code of the last
 * verdict shown, or EXIT_QUIT (130) when none was. */
int ask_quit_code(const struct ask_last *last);

/*
 * ask_signals_install: SIGINT, SIGTERM and SIGHUP only set a flag (no
 * SA_RESTART, so a blocking read returns EINTR). Install before curses
 * starts, so that curses keeps these handlers.
 */
void ask_signals_install(void);
/* ask_signal_code: 0 while no signal came, else 129, 130 or 143. */
int ask_signal_code(void);

/* tui_usable: TERM is set, not "dumb", and known to terminfo. */
bool tui_usable(void);

/*
 * tui_run: the screens on the terminal (stdin and stdout, both terminals),
 * walking S (at start) over P, with TODAY deciding whether the policy is
 * stale. Restores the terminal before it returns the exit code: a verdict's
 * code, EXIT_QUIT, 129/130/143 after a signal; TUI_UNAVAILABLE when curses
 * could not start (nothing was drawn). LAST gets each verdict shown.
 */
int tui_run(const struct policy *p, struct walk_state *s, date_t today,
    struct ask_last *last);

/*
 * plain_run: the same walk as numbered line prompts on OUT, answers read
 * from IN. Returns the verdict's code, EXIT_QUIT when IN ends first, or
 * 129/130/143 after a signal. Prints no escape sequence and no control
 * character from the policy. LAST gets the verdict.
 */
int plain_run(const struct policy *p, struct walk_state *s, date_t today,
    FILE *in, FILE *out, struct ask_last *last);

#endif

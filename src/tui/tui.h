/*
 * tui.h: `aipolicy ask`, the walk a person takes one question at a time.
 *
 * Two front ends over the same struct aipolicy_walk_state (the engine's, which
 * keeps no terminal state):
 *  - tui_run: the ncurses screens (screen.c), the only code that includes
 *    curses;
 *  - plain_run: numbered line prompts on a stream, with no escape sequences
 *    (plain.c), for pipes, dumb terminals and screen readers.
 * Both show what the core's present.h words say, and tell the command
 * about each verdict screen reached through struct ask_hooks, so that the
 * command can log it.
 *
 * Both speak the program's words of one table (words.h).
 *
 * Every question also offers a last choice, "Not sure": the answer "?".
 * The walk goes on with the question that narrows the worst case down,
 * until there is none; then the verdict is shown, as a worst case.
 */
#ifndef AIPOLICY_TUI_H
#define AIPOLICY_TUI_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "aipolicy/policy.h"
#include "aipolicy/walk.h"
#include "core/words.h"

/* present.h's list of lines; not included here, because term.c includes
 * <term.h>, whose macros (lines, ...) clash with its field names. */
struct present;

/* tui_run's answer when curses cannot start on this terminal. */
#define TUI_UNAVAILABLE (-1)
/* plain_run's answer when its input ends before a verdict. */
#define ASK_INPUT_ENDED (-2)

/* What a front end tells the command. */
struct ask_hooks {
	/* verdict: S has just reached a verdict screen, which is shown
	 * (s->outcome, s->result); once per screen reached. */
	void (*verdict)(void *arg, const struct aipolicy_walk_state *s);
	void *arg;
};

/*
 * ask_present_verdict: the words of S's verdict (S at a verdict) into PR,
 * laid out as PR says (in PR's words). Returns 0, or -1 when out of
 * memory.
 */
int ask_present_verdict(struct present *pr,
    const struct aipolicy_walk_state *s);

/*
 * ask_signals_install: SIGINT, SIGTERM and SIGHUP only set a flag (no
 * SA_RESTART, so a blocking read returns EINTR). Install before curses
 * starts, so that curses keeps these handlers.
 */
void ask_signals_install(void);
/* ask_signal_code: 0 while no signal came, else 129, 130 or 143. */
int ask_signal_code(void);

/* Bytes plain mode reads at a time. */
#define LINE_IN_SIZE 4096

/* Lines from a file descriptor, read so that no signal of
 * ask_signals_install is lost while waiting for one (linein.c). */
struct line_in {
	int fd;
	char buf[LINE_IN_SIZE];
	size_t start, end;   /* the bytes of buf not yet returned */
	bool eof;            /* the input ended, or reading it failed */
	bool nomem;          /* a line could not be kept: out of memory */
	sigset_t saved;      /* the signal mask before line_in_open */
	sigset_t waiting;    /* the mask while waiting: the signals let in */
};

/* line_in_open: read FD; blocks the signals of ask_signals_install until
 * line_in_close, but while waiting for input. */
void line_in_open(struct line_in *li, int fd);
void line_in_close(struct line_in *li);
/* line_in_read: the next line of LI into *LINE (*CAP bytes allocated,
 * grown as needed; NUL-terminated), its newline kept; its length, or -1
 * at the end of the input, when a signal came (ask_signal_code) or when
 * out of memory (LI->nomem). */
ssize_t line_in_read(struct line_in *li, char **line, size_t *cap);

/* tui_usable: TERM is set, not "dumb", and known to terminfo. */
bool tui_usable(void);

/*
 * tui_run: the screens on the terminal (stdin and stdout, both terminals),
 * walking S (at start) over P in the words of W, with TODAY deciding
 * whether the policy is stale or not yet in force. Restores the terminal
 * before it returns the exit code: the verdict's when the person quits on
 * a verdict screen, EXIT_QUIT when anywhere else, 129/130/143 after a
 * signal; TUI_UNAVAILABLE when curses could not start (nothing was drawn).
 */
int tui_run(const struct aipolicy *p, struct aipolicy_walk_state *s,
    aipolicy_date_t today, const struct words *w,
    const struct ask_hooks *hooks);

/*
 * plain_run: the same walk as numbered line prompts on OUT, answers read
 * from IN, in the words of W. Returns the verdict's code, ASK_INPUT_ENDED
 * when IN ends first, 129/130/143 after a signal, or EXIT_NOMEM. Prints
 * no escape sequence and no control character from the policy. "Not
 * sure" may be typed in English or in W's words.
 */
int plain_run(const struct aipolicy *p, struct aipolicy_walk_state *s,
    aipolicy_date_t today, const struct words *w, FILE *in, FILE *out,
    const struct ask_hooks *hooks);

#endif

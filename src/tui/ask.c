/*
 * ask.c: what the two front ends of `aipolicy ask` share: the record of the
 * last verdict shown and the signal flag.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "aipolicy/exit.h"
#include "tui.h"

static void on_signal(int sig);

static volatile sig_atomic_t caught;

int ask_last_record(struct ask_last *last, const struct walk_state *s)
{
	struct step *path;

	if (s->outcome == NULL)
		return 0;
	path = malloc((s->depth ? s->depth : 1) * sizeof *path);
	if (path == NULL)
		return -1;
	walk_state_path(s, path);
	free(last->path);
	last->path = path;
	last->npath = s->depth;
	last->outcome = s->outcome;
	return 0;
}

void ask_last_release(struct ask_last *last)
{
	free(last->path);
	memset(last, 0, sizeof *last);
}

int ask_quit_code(const struct ask_last *last)
{
	if (last->outcome != NULL)
		return verdict_exit_code(last->outcome->verdict);
	return EXIT_QUIT;
}

static void on_signal(int sig)
{
	caught = sig;
}

void ask_signals_install(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: a blocked read returns EINTR */
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
}

int ask_signal_code(void)
{
	switch (caught) {
	case 0:
		return 0;
	case SIGHUP:
		return EXIT_SIGHUP;
	case SIGTERM:
		return EXIT_SIGTERM;
	default:
		return EXIT_QUIT;
	}
}

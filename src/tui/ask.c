/*
 * ask.c: what the two front ends of `aipolicy ask` share: the words of a
 * verdict for a walk, and the signal flag.
 */
#include <signal.h>
#include <string.h>

#include "cli/exit.h"
#include "core/present.h"
#include "tui.h"

static void on_signal(int sig);

static volatile sig_atomic_t caught;

int ask_present_verdict(struct present *pr, const struct aipolicy_walk_state *s)
{
	return present_result(pr, s->policy, &s->result, s->given, s->count,
	    0);
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

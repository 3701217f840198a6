/*
 * exit.h: the exit codes of every aipolicy command, as the command
 * reference (docs/cli.md) gives them. Nothing else picks a number.
 */
#ifndef AIPOLICY_EXIT_H
#define AIPOLICY_EXIT_H

#include "aipolicy/policy.h"

enum exit_code {
	EXIT_OK = 0,          /* verdict use-freely; or the command succeeded */
	EXIT_FOUND = 1,       /* lint errors, a failing test, diff changes */
	EXIT_REVIEW = 10,     /* verdict use-with-review */
	EXIT_STOP = 20,       /* verdict do-not-use */
	/* check: the answers do not reach a verdict yet */
	EXIT_INCOMPLETE = 30,
	/* unknown option, missing or malformed argument */
	EXIT_USAGE = 64,
	EXIT_DATAERR = 65,    /* invalid policy, or an answer that is not one */
	EXIT_NOINPUT = 66,    /* a file cannot be opened */
	EXIT_UNAVAILABLE = 69, /* serve: cannot listen on the address */
	EXIT_NOMEM = 71,      /* out of memory (every command) */
	EXIT_IOERR = 74,      /* a write failed (stdout, the decision log) */
	EXIT_SIGHUP = 129,    /* ask: ended by SIGHUP */
	/* ask: quit before a verdict, end of input, SIGINT */
	EXIT_QUIT = 130,
	EXIT_SIGTERM = 143,   /* ask: ended by SIGTERM */
};

/* exit_of_verdict: the exit code of a walk that ends in V. */
static inline int
exit_of_verdict(enum aipolicy_verdict v)
{
	static const int codes[AIPOLICY_VERDICT_COUNT] = {
		[AIPOLICY_VERDICT_USE_FREELY] = EXIT_OK,
		[AIPOLICY_VERDICT_USE_WITH_REVIEW] = EXIT_REVIEW,
		[AIPOLICY_VERDICT_DO_NOT_USE] = EXIT_STOP,
	};

	return codes[v];
}

#endif

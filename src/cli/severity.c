/*
 * severity.c: which exit code wins when a command works on several files
 * (lint, test, the two versions of diff): the most severe one.
 */
#include "cli/exit.h"
#include "cmd.h"

/* How severe the exit code of one file is; higher wins. */
enum rank { RANK_OK, RANK_FOUND, RANK_DATAERR, RANK_NOINPUT, RANK_OTHER };

static enum rank rank_of(int code);

static enum rank
rank_of(int code)
{
	switch (code) {
	case EXIT_OK: return RANK_OK;
	case EXIT_FOUND: return RANK_FOUND;
	case EXIT_DATAERR: return RANK_DATAERR;
	case EXIT_NOINPUT: return RANK_NOINPUT;
	default: return RANK_OTHER;
	}
}

int
cli_most_severe(int a, int b)
{
	return rank_of(b) > rank_of(a) ? b : a;
}

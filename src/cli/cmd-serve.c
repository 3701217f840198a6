/*
 * cmd-serve.c: aipolicy serve: runs aipolicy-serve, the HTTP server, with
 * the same arguments (a program of its own, as git runs its helpers, so
 * that no other command loads libmicrohttpd). It is looked for beside
 * this program first (the build tree), then where `make install` puts it.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/exit.h"
#include "cmd.h"

#define SERVE_PROGRAM "aipolicy-serve"

static bool beside_self(char *out, size_t size);

/* The path of SERVE_PROGRAM in the folder of /proc/self/exe. */
static bool
beside_self(char *out, size_t size)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	char *slash;

	if (n <= 0)
		return false;
	self[n] = '\0';
	slash = strrchr(self, '/');
	if (slash == NULL)
		return false;
	slash[1] = '\0';
	return (size_t)snprintf(out, size, "%s%s", self, SERVE_PROGRAM) < size;
}

int
cmd_serve(int argc, char **argv)
{
	char path[PATH_MAX];
	int i, err;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0)
			return cli_finish(cli_usage("serve", stdout));
	}
	argv[0] = SERVE_PROGRAM;
	fflush(stdout);
	if (beside_self(path, sizeof path) && access(path, X_OK) == 0)
		execv(path, argv);
	execv(AIPOLICY_LIBEXECDIR "/" SERVE_PROGRAM, argv);
	err = errno;
	cli_error(0, "serve: cannot run %s: %s", AIPOLICY_LIBEXECDIR "/"
	    SERVE_PROGRAM, strerror(err));
	return cli_finish(err == ENOMEM ? EXIT_NOMEM : EXIT_NOINPUT);
}

/*
 * cmd-diff.c: aipolicy diff (not built yet).
 */
#include "aipolicy/exit.h"
#include "cmd.h"

int
cmd_diff(int argc, char **argv)
{
	return cli_error(EXIT_USAGE, "'diff' is not built yet");
}

/*
 * cmd-test.c: aipolicy test (not built yet).
 */
#include "aipolicy/exit.h"
#include "cmd.h"

int
cmd_test(int argc, char **argv)
{
	return cli_error(EXIT_USAGE, "'test' is not built yet");
}

/*
 * cmd-paths.c: aipolicy paths (not built yet).
 */
#include "aipolicy/exit.h"
#include "cmd.h"

int
cmd_paths(int argc, char **argv)
{
	return cli_error(EXIT_USAGE, "'paths' is not built yet");
}

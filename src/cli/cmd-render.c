/*
 * cmd-render.c: aipolicy render (not built yet).
 */
#include "aipolicy/exit.h"
#include "cmd.h"

int
cmd_render(int argc, char **argv)
{
	return cli_error(EXIT_USAGE, "'render' is not built yet");
}

/*
 * cmd-report.c: aipolicy report (not built yet).
 */
#include "aipolicy/exit.h"
#include "cmd.h"

int
cmd_report(int argc, char **argv)
{
	return cli_error(EXIT_USAGE, "'report' is not built yet");
}

/*
 * usage.h: the synopsis and help of `aipolicy serve`, said once for the
 * command table of aipolicy (src/cli/main.c) and for aipolicy-serve, the
 * program that `aipolicy serve` runs.
 */
#ifndef AIPOLICY_SERVE_USAGE_H
#define AIPOLICY_SERVE_USAGE_H

#define SERVE_USAGE \
	"[--listen ADDR] [--threads N] [--log FILE] [--today DATE] POLICY"

#define SERVE_HELP \
	"Answer for the policy over HTTP: a JSON API (/v1/check, /v1/batch,\n" \
	"/v1/policy) and the walk in a web browser (/walk). SIGHUP reloads\n" \
	"the policy and reopens the log; SIGTERM or SIGINT stops.\n" \
	"  --listen ADDR  HOST:PORT, [IPV6]:PORT or :PORT (every address);\n" \
	"                 port 0 takes a free port (default 127.0.0.1:8080)\n" \
	"  --threads N    worker threads (default: the number of\n" \
	"                 processors)\n" \
	"  --log FILE     append a record of each verdict served to FILE\n" \
	"  --today DATE   judge staleness as of DATE (YYYY-MM-DD)\n" \
	"                 instead of the day of each request\n" \
	"  -h, --help     show this help\n"

#endif

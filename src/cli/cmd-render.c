/*
 * cmd-render.c: aipolicy render: the policy on one page (text, markdown,
 * html), as a flowchart (mermaid, dot) or as one JSON object, on stdout or
 * replacing a file whole (-o FILE); in the language of a translation
 * (--lang, or the environment's).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/exit.h"
#include "aipolicy/render.h"
#include "atomic-write.h"
#include "cmd.h"

static int parse_format(const char *arg, enum aipolicy_render_format *out);
static int output(const char *path, const char *s, size_t len);

/* ARG as a format name into *OUT: EXIT_OK, or EXIT_USAGE after saying
 * so, with the closest name. */
static int
parse_format(const char *arg, enum aipolicy_render_format *out)
{
	const char *names[AIPOLICY_RENDER_FORMAT_COUNT + 1];
	int f;

	for (f = 0; f < AIPOLICY_RENDER_FORMAT_COUNT; f++)
		names[f] =
		    aipolicy_render_format_name((enum aipolicy_render_format)f);
	names[AIPOLICY_RENDER_FORMAT_COUNT] = NULL;
	if ((f = cli_parse_format("render", arg, names)) < 0)
		return EXIT_USAGE;
	*out = (enum aipolicy_render_format)f;
	return EXIT_OK;
}

/* S (LEN bytes) to PATH, replaced whole, or to stdout when PATH is NULL
 * (a failed write to stdout is left for cli_finish to report). EXIT_OK, or
 * EXIT_IOERR or EXIT_NOMEM after saying why. */
static int
output(const char *path, const char *s, size_t len)
{
	int rc;

	if (path == NULL) {
		fwrite(s, 1, len, stdout);
		return EXIT_OK;
	}
	rc = atomic_write(path, s, len);
	if (rc == ATOMIC_NOMEM)
		return cli_nomem();
	if (rc == ATOMIC_NOT_REGULAR)
		return cli_file_error(EXIT_IOERR, path,
		    "cannot replace: not a regular file");
	if (rc != 0)
		return cli_file_error(EXIT_IOERR, path, "cannot write: %s",
		    strerror(errno));
	return EXIT_OK;
}

int
cmd_render(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "lang", required_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum aipolicy_render_format format = AIPOLICY_RENDER_TEXT;
	const char *out_path = NULL, *lang = NULL;
	struct cli_shown shown;
	char *s = NULL;
	size_t len = 0;
	int c, code;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (parse_format(optarg, &format) != EXIT_OK)
				return EXIT_USAGE;
			break;
		case 'o':
			if (optarg[0] == '\0')
				return cli_usage_error("render",
				    "-o needs a file name");
			/* "-" is standard output, as for most tools. */
			out_path = strcmp(optarg, "-") == 0 ? NULL : optarg;
			break;
		case 'L':
			if (!cli_parse_lang("render", optarg))
				return EXIT_USAGE;
			lang = optarg;
			break;
		case 'h': return cli_finish(cli_usage("render", stdout));
		default: return cli_bad_option("render", c, argv);
		}
	}
	if ((code = cli_one_policy("render", argc, argv, optind)) != EXIT_OK)
		return code;
	code = cli_load_shown("render", argv[optind], lang,
	    format == AIPOLICY_RENDER_JSON ? AIPOLICY_LOAD_DIGEST : 0, &shown,
	    NULL);
	if (code == EXIT_OK && aipolicy_render(shown.policy, format, NULL, &s,
	    &len) != 0)
		code = cli_nomem();
	if (code == EXIT_OK)
		code = output(out_path, s, len);
	free(s);
	cli_shown_release(&shown);
	return cli_finish(code);
}

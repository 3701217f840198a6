/*
 * cmd-render.c: aipolicy render: the policy on one page (text, markdown,
 * html), as a flowchart (mermaid, dot) or as one JSON object, on stdout or
 * replacing a file whole (-o FILE).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aipolicy/exit.h"
#include "aipolicy/render.h"
#include "aipolicy/text.h"
#include "atomic-write.h"
#include "cmd.h"

static int bad_format(const char *name);
static int output(const char *path, const char *s, size_t len);

/* A usage error naming the formats, with the closest one. */
static int
bad_format(const char *name)
{
	struct text_suggest sg;
	int f;

	text_suggest_init(&sg, name);
	for (f = 0; f < RENDER_FORMAT_COUNT; f++)
		text_suggest_add(&sg, render_format_name((enum render_format)f));
	if (sg.best != NULL)
		cli_error(0, "render: unknown format '%s' (did you mean '%s'?)",
		    name, sg.best);
	else
		cli_error(0, "render: unknown format '%s' (text, markdown, "
		    "mermaid, dot, html or json)", name);
	return EXIT_USAGE;
}

/* S (LEN bytes) to PATH, replaced whole, or to stdout when PATH is NULL. */
static int
output(const char *path, const char *s, size_t len)
{
	int rc;

	if (path == NULL) {
		fwrite(s, 1, len, stdout);
		return cli_finish(EXIT_OK);
	}
	rc = atomic_write(path, s, len);
	if (rc == ATOMIC_NOT_REGULAR)
		return cli_file_error(EXIT_IOERR, path,
		    "cannot replace: not a regular file");
	if (rc != 0)
		return cli_file_error(EXIT_IOERR, path, "cannot write: %s",
		    strerror(errno));
	return cli_finish(EXIT_OK);
}

int
cmd_render(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum render_format format = RENDER_TEXT;
	const char *out_path = NULL;
	struct policy *p = NULL;
	char *s = NULL;
	size_t len = 0;
	int c, code;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!render_format_parse(optarg, &format))
				return bad_format(optarg);
			break;
		case 'o':
			if (optarg[0] == '\0') {
				cli_error(0, "render: -o needs a file name");
				return cli_usage("render", stderr);
			}
			/* "-" is standard output, as for most tools. */
			out_path = strcmp(optarg, "-") == 0 ? NULL : optarg;
			break;
		case 'h': return cli_finish(cli_usage("render", stdout));
		default:
			cli_error(0, "render: %s '%s'", c == ':' ?
			    "missing argument for" : "unknown option",
			    argv[optind - 1]);
			return cli_usage("render", stderr);
		}
	}
	if (optind >= argc) {
		cli_error(0, "render: no policy file given");
		return cli_usage("render", stderr);
	}
	if (optind + 1 < argc) {
		cli_error(0, "render: one policy file only, found '%s' after "
		    "'%s'", argv[optind + 1], argv[optind]);
		return cli_usage("render", stderr);
	}
	if ((code = cli_load(argv[optind], &p, NULL)) != EXIT_OK)
		return code;
	if (render_policy(p, format, NULL, &s, &len) != 0) {
		policy_free(p);
		return cli_nomem();
	}
	code = output(out_path, s, len);
	free(s);
	policy_free(p);
	return code;
}

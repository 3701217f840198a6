/*
 * yaml-error.h: libyaml's syntax errors in words a policy owner can act on,
 * at the line to edit. Private to src/core: the loader calls it only when
 * libyaml gives up, so a valid file never pays for it.
 */
#ifndef AIPOLICY_YAML_ERROR_H
#define AIPOLICY_YAML_ERROR_H

#include <stddef.h>
#include <stdint.h>

#include <yaml.h>

/* What the explanation looks at. */
struct yaml_error_input {
	const char *src;              /* the whole file */
	size_t len;
	const uint32_t *lines;        /* byte offset of each line's start (the
	                                 first one after a byte-order mark) */
	size_t nlines;
	const yaml_parser_t *parser;  /* after yaml_parser_parse failed */
	/* A reader error's problem_offset (bytes) as a position (1-based,
	 * code points), converted by the caller. */
	uint32_t offset_line, offset_column;
};

/* The explanation: where to report it, what to say, what libyaml said. */
struct yaml_error {
	uint32_t line, column;  /* 1-based, column in code points */
	char *message;          /* plain words; owned */
	char *note;             /* "the YAML parser said: ..."; owned */
};

/*
 * yaml_error_explain: look at the source around the places libyaml names
 * and say what is wrong in plain words (a tab in the indentation, a line
 * indented to no level, a key without ':', a quote or bracket never closed,
 * ...), at the line the owner must edit. A case it does not know keeps
 * libyaml's words at libyaml's place. Returns 0 with OUT filled (the caller
 * owns it: yaml_error_release), or -1 when out of memory (OUT is empty).
 */
int yaml_error_explain(const struct yaml_error_input *in,
    struct yaml_error *out);

/* yaml_error_release: free what yaml_error_explain filled in. */
void yaml_error_release(struct yaml_error *e);

#endif

/*
 * bare-parse.c: the floor of loading a policy: read the file whole and let
 * libyaml parse it into events, doing nothing with them. `make bench`
 * compares the loader with it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

int
main(int argc, char **argv)
{
	FILE *f = argc > 1 ? fopen(argv[1], "rb") : NULL;
	static char buf[64 << 20];
	size_t n = f ? fread(buf, 1, sizeof buf, f) : 0;
	yaml_parser_t p;
	yaml_event_t e;
	int done = 0;

	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (unsigned char *)buf, n);
	while (!done && yaml_parser_parse(&p, &e)) {
		done = e.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&e);
	}
	yaml_parser_delete(&p);
	return done ? 0 : 1;
}

/*
 * test_yread.c: the event reader: the events a policy file gives, which
 * nodes are keys, the YAML-level rules it checks on the way (each told
 * where it is), and that it stops cleanly.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yaml-read.h"

struct reading {
	struct source src;
	struct aipolicy_diags d;
	struct yread r;
};

static void
start(struct reading *t, const char *yaml)
{
	aipolicy_diags_init(&t->d, "t.yaml");
	assert_int_equal(source_copy(&t->src, yaml, strlen(yaml)), 0);
	assert_int_equal(yread_init(&t->r, &t->src, &t->d), 0);
}

static void
stop(struct reading *t)
{
	yread_release(&t->r);
	source_release(&t->src);
	aipolicy_diags_release(&t->d);
}

/* Read every event; returns the last kind (DONE or FAIL). */
static enum yread_kind
drain(struct reading *t)
{
	struct yread_event ev;
	enum yread_kind k;

	while ((k = yread_next(&t->r, &ev)) != YREAD_DONE && k != YREAD_FAIL)
		;
	return k;
}

static bool
said(const struct aipolicy_diags *d, uint32_t line, uint32_t column,
    const char *text)
{
	size_t i;

	for (i = 0; i < d->count; i++) {
		if (d->items[i].line == line && d->items[i].column == column &&
		    strstr(d->items[i].message, text) != NULL)
			return true;
	}
	return false;
}

static void
test_events_and_keys(void **state)
{
	struct reading t;
	struct yread_event ev;

	(void)state;
	start(&t, "a: [x, y]\nb: |\n  text\n\n");
	assert_int_equal(yread_next(&t.r, &ev), YREAD_MAPPING);
	assert_false(ev.key);
	assert_int_equal(yread_next(&t.r, &ev), YREAD_SCALAR);
	assert_true(ev.key);
	assert_string_equal(ev.text, "a");
	assert_int_equal(yread_next(&t.r, &ev), YREAD_SEQUENCE);
	assert_false(ev.key);
	assert_int_equal(ev.line, 1);
	assert_int_equal(ev.column, 4);
	assert_int_equal(yread_next(&t.r, &ev), YREAD_SCALAR);
	assert_false(ev.key);
	assert_true(ev.plain);
	assert_int_equal(yread_next(&t.r, &ev), YREAD_SCALAR);
	assert_int_equal(yread_next(&t.r, &ev), YREAD_END);
	assert_int_equal(yread_next(&t.r, &ev), YREAD_SCALAR);
	assert_true(ev.key);
	/* A block scalar's trailing line breaks are dropped. */
	assert_int_equal(yread_next(&t.r, &ev), YREAD_SCALAR);
	assert_string_equal(ev.text, "text");
	assert_int_equal(ev.len, 4);
	assert_false(ev.plain);
	assert_int_equal(yread_next(&t.r, &ev), YREAD_END);
	assert_int_equal(yread_next(&t.r, &ev), YREAD_DONE);
	assert_int_equal(yread_next(&t.r, &ev), YREAD_DONE);
	assert_int_equal(t.d.count, 0);
	stop(&t);
}

static void
test_skip_passes_over_a_subtree(void **state)
{
	struct reading t;
	struct yread_event ev;

	(void)state;
	start(&t, "a: {b: [1, {c: d}], e: f}\ng: h\n");
	yread_next(&t.r, &ev);
	yread_next(&t.r, &ev);
	assert_int_equal(yread_next(&t.r, &ev), YREAD_MAPPING);
	assert_true(yread_skip(&t.r, &ev));
	assert_int_equal(yread_next(&t.r, &ev), YREAD_SCALAR);
	assert_string_equal(ev.text, "g");
	assert_int_equal(drain(&t), YREAD_DONE);
	stop(&t);
}

/* Duplicates are flagged as they come and told when their mapping ends;
 * past eight keys the search goes through a hash index. */
static void
test_duplicate_keys(void **state)
{
	char yaml[512];
	struct reading t;
	struct yread_event ev;
	size_t n = 0, i, dups = 0;

	(void)state;
	for (i = 0; i < 20; i++)
		n += (size_t)sprintf(yaml + n, "k%zu: v\n", i);
	sprintf(yaml + n, "k3: again\nk17: again\n");
	start(&t, yaml);
	while (yread_next(&t.r, &ev) != YREAD_DONE) {
		if (ev.kind == YREAD_SCALAR && ev.duplicate) {
			dups++;
			/* Not told yet: the mapping has not ended. */
			assert_int_equal(t.d.count, 0);
		}
	}
	assert_int_equal(dups, 2);
	assert_true(said(&t.d, 21, 1, "duplicate key 'k3' (first at 4:1)"));
	assert_true(said(&t.d, 22, 1, "duplicate key 'k17' (first at 18:1)"));
	stop(&t);
}

/* The same key in two mappings is no duplicate. */
static void
test_keys_belong_to_their_mapping(void **state)
{
	struct reading t;

	(void)state;
	start(&t, "a: {x: 1, y: 2}\nb: {x: 1, y: 2}\n");
	assert_int_equal(drain(&t), YREAD_DONE);
	assert_int_equal(t.d.count, 0);
	stop(&t);
}

/* A mapping whose keys the caller indexes: the reader keeps none and
 * flags none; the repeats the caller tells come when the mapping ends. */
static void
test_caller_keys(void **state)
{
	struct reading t;
	struct yread_event ev;

	(void)state;
	start(&t, "q:\n  a: 1\n  a: 2\n  b: {x: 1, x: 2}\n");
	yread_next(&t.r, &ev);
	yread_next(&t.r, &ev);
	assert_int_equal(yread_next(&t.r, &ev), YREAD_MAPPING);
	yread_caller_keys(&t.r);
	yread_next(&t.r, &ev);
	yread_next(&t.r, &ev);
	assert_int_equal(yread_next(&t.r, &ev), YREAD_SCALAR);
	assert_string_equal(ev.text, "a");
	assert_false(ev.duplicate);
	assert_true(yread_duplicate(&t.r, "a", ev.line, ev.column, 2, 3));
	assert_int_equal(t.d.count, 0);
	assert_int_equal(drain(&t), YREAD_DONE);
	assert_true(said(&t.d, 3, 3, "duplicate key 'a' (first at 2:3)"));
	/* A mapping inside it is the reader's again. */
	assert_true(said(&t.d, 4, 13, "duplicate key 'x' (first at 4:7)"));
	assert_int_equal(t.d.count, 2);
	stop(&t);
}

static void
test_yaml_level_rules(void **state)
{
	struct reading t;

	(void)state;
	start(&t, "a: &x 1\nb: *x\nc: !!str 2\n? [k]\n: v\nd: \"\\e\"\n");
	assert_int_equal(drain(&t), YREAD_DONE);
	assert_true(said(&t.d, 1, 4, "(found the anchor '&x')"));
	assert_true(said(&t.d, 2, 4, "(found '*x')"));
	assert_true(said(&t.d, 3, 4, "tags are not supported in policy files "
	    "(found '!!str')"));
	assert_true(said(&t.d, 4, 3, "mapping keys must be scalars, found a "
	    "sequence"));
	assert_true(said(&t.d, 6, 4, "control character U+001B in text"));
	stop(&t);
}

static void
test_stops(void **state)
{
	struct reading t;
	char deep[256];
	size_t i;

	(void)state;
	start(&t, "a: 1\n---\nb: 2\n");
	assert_int_equal(drain(&t), YREAD_FAIL);
	assert_true(said(&t.d, 2, 1, "found a second one"));
	stop(&t);
	start(&t, "# nothing\n");
	assert_int_equal(drain(&t), YREAD_FAIL);
	assert_true(said(&t.d, 1, 1, "the file is empty"));
	stop(&t);
	for (i = 0; i < AIPOLICY_MAX_DEPTH + 1; i++)
		deep[i] = '[';
	deep[i] = '\0';
	start(&t, deep);
	assert_int_equal(drain(&t), YREAD_FAIL);
	assert_true(said(&t.d, 1, AIPOLICY_MAX_DEPTH + 1, "deeper than 32"));
	stop(&t);
	/* A syntax error: plain words, then libyaml's as a note. */
	start(&t, "a: [1, 2\n");
	assert_int_equal(drain(&t), YREAD_FAIL);
	assert_true(t.d.count == 2);
	assert_int_equal(t.d.items[1].severity, AIPOLICY_SEVERITY_NOTE);
	stop(&t);
}

/* Null is a plain scalar, empty or ~, null, Null or NULL; nothing else,
 * quoted or not. */
static void
test_is_null(void **state)
{
	static const struct {
		const char *yaml;
		bool null;
	} cases[] = {
		{ "-\n- ~\n- null\n- Null\n- NULL\n", true },
		{ "[\"null\", '~', '', nul, nulll, nUll, NULl, ~~, no, n]",
		    false },
	};
	struct reading t;
	struct yread_event ev;
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		start(&t, cases[i].yaml);
		assert_int_equal(yread_next(&t.r, &ev), YREAD_SEQUENCE);
		assert_false(yread_is_null(&ev));
		for (n = 0; yread_next(&t.r, &ev) == YREAD_SCALAR; n++) {
			if (yread_is_null(&ev) != cases[i].null)
				fail_msg("'%s' in %s", ev.text, cases[i].yaml);
		}
		assert_true(n >= 5);
		stop(&t);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_events_and_keys),
		cmocka_unit_test(test_skip_passes_over_a_subtree),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_keys_belong_to_their_mapping),
		cmocka_unit_test(test_caller_keys),
		cmocka_unit_test(test_yaml_level_rules),
		cmocka_unit_test(test_stops),
		cmocka_unit_test(test_is_null),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_render.c: aipolicy_render in every format and aipolicy_render_text_fit:
 * the example fits its page, shared questions are shown once, hostile policy
 * text cannot break out of any format, and the JSON object has the keys,
 * defaults and order of the command-line contract.
 */
#define _GNU_SOURCE /* strcasestr */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"
#include <jansson.h>

#include "aipolicy/policy.h"
#include "aipolicy/render.h"

/*
 * Text that would break each format if it went through unescaped: tags,
 * quotes, pipes, brackets, backslashes, Mermaid's #NN; codes, a
 * bidirectional override (U+202E), a tab, a multi-line ask with no label.
 */
static const char hostile_yaml[] =
	"aipolicy: 1\n"
	"id: hostile\n"
	"title: \"T <script>alert(1)</script> & | ] [x](y)\"\n"
	"version: \"v1 | 2\"\n"
	"owner: \"O \\\"q\\\" 'a' <o@x> \\\\ b\"\n"
	"effective: 2026-01-01\n"
	"review_by: 2026-12-31\n"
	"start: a\n"
	"questions:\n"
	"  a:\n"
	"    label: \"L <b>|</b> ] \\\"q\\\" #35; \\u202e x\"\n"
	"    ask: A?\n"
	"    answers:\n"
	"      \"y|es\": b\n"
	"      \"n]o\": free\n"
	"  b:\n"
	"    ask: |-\n"
	"      line one\n"
	"      line two \\ \"}\"\n"
	"    answers:\n"
	"      \"<script>\": rev\n"
	"      \"a\\tb\": { verdict: do-not-use, "
	    "summary: \"S -->|x| ]) ; x\" }\n"
	"outcomes:\n"
	"  free: { verdict: use-freely, summary: \"F & <i>i</i>\" }\n"
	"  rev:\n"
	"    verdict: use-with-review\n"
	"    summary: \"R | ] \\\\ \\\"x\\\"\"\n"
	"    reviewer: \"Rv <u>|</u>\"\n"
	"    disclose: true\n"
	"    conditions: [\"C <script>x</script> | ]\"]\n";

/* For the JSON shape: a label on one question only, help, why, an inline
 * outcome, review_minutes, a DAG (b reached twice). */
static const char shape_yaml[] =
	"aipolicy: 1\n"
	"id: shape\n"
	"title: Shape\n"
	"version: 2026-Q4\n"
	"owner: Owner <o@example>\n"
	"effective: 2026-10-01\n"
	"review_by: 2026-12-31\n"
	"start: a\n"
	"questions:\n"
	"  a:\n"
	"    label: First?\n"
	"    ask: The first question?\n"
	"    help: Some help.\n"
	"    answers:\n"
	"      Yes: b\n"
	"      no: free\n"
	"      Maybe: { verdict: do-not-use, summary: Stop. }\n"
	"  b:\n"
	"    ask: Second?\n"
	"    answers:\n"
	"      x: rev\n"
	"      y: free\n"
	"outcomes:\n"
	"  rev:\n"
	"    verdict: use-with-review\n"
	"    summary: Review it.\n"
	"    reviewer: A colleague\n"
	"    review_minutes: 15\n"
	"    conditions: [One., Two.]\n"
	"  free:\n"
	"    verdict: use-freely\n"
	"    summary: Go.\n"
	"    why: Low risk.\n";

/* P rendered as F; the caller frees the result. */
static char *
render(const struct aipolicy *p, enum aipolicy_render_format f)
{
	char *s = NULL;
	size_t len = 0;

	assert_int_equal(aipolicy_render(p, f, NULL, &s, &len), 0);
	assert_non_null(s);
	assert_int_equal(strlen(s), len);
	assert_true(len > 0 && s[len - 1] == '\n');
	return s;
}

/* The line of S that starts with PREFIX, copied; NULL when none. */
static char *
line_starting(const char *s, const char *prefix)
{
	const char *end;

	for (; *s != '\0'; s = end + 1) {
		end = strchr(s, '\n');
		if (end == NULL)
			end = s + strlen(s);
		if (strncmp(s, prefix, strlen(prefix)) == 0)
			return strndup(s, (size_t)(end - s));
		if (*end == '\0')
			break;
	}
	return NULL;
}

/* ---- the text page ---------------------------------------------------- */

static void
test_render_example_fits_page(void **state)
{
	struct aipolicy *p = NULL;
	struct aipolicy_diags d;
	struct aipolicy_render_fit fit;
	char *s, *line, *save = NULL;
	size_t lines = 0;

	(void)state;
	aipolicy_diags_init(&d, "example.yaml");
	assert_int_equal(aipolicy_load_file(SOURCE_DIR "/policies/example.yaml",
	    &p, &d), AIPOLICY_OK);
	aipolicy_diags_release(&d);
	s = render(p, AIPOLICY_RENDER_TEXT);
	/* 'Audience?' is reached from two answers: its answers are shown
	 * once, and the second answer refers to it. */
	assert_int_equal(test_count(s, "-> Q5 Audience?\n"), 1);
	assert_int_equal(test_count(s, "-> see Q5 Audience?\n"), 1);
	assert_int_equal(test_count(s, "only me ->"), 1);
	for (line = strtok_r(s, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		assert_true(aipolicy_render_width(line, strlen(line)) <=
		    AIPOLICY_RENDER_PAGE_COLUMNS);
		lines++;
	}
	free(s);
	/* strtok skips empty lines: count them from the fit instead. */
	assert_int_equal(aipolicy_render_text_fit(p, &fit), 0);
	assert_true(fit.lines >= lines);
	assert_true(fit.lines <= AIPOLICY_RENDER_PAGE_LINES);
	assert_true(fit.width <= AIPOLICY_RENDER_PAGE_COLUMNS);
	assert_null(fit.wide_question);
	assert_null(fit.wide_answer);
	aipolicy_free(p);
}

/* A question reached twice is shown once and referred to by number. */
static void
test_render_text_shared_once(void **state)
{
	struct aipolicy *p = TEST_LOAD(shape_yaml);
	char *s = render(p, AIPOLICY_RENDER_TEXT);

	(void)state;
	assert_non_null(strstr(s, "\nQ1 First?\n"));
	assert_non_null(strstr(s, "\n  Yes -> Q2 Second?\n"));
	assert_non_null(strstr(s, "\n    x -> Use AI with review [1]\n"));
	assert_non_null(strstr(s, "\n    y -> Use AI freely [2]\n"));
	/* 'no' leads to the outcome shown as [2] already. */
	assert_non_null(strstr(s, "\n  no -> Use AI freely [2]\n"));
	assert_non_null(strstr(s, "\n  Maybe -> Do not use AI [3]\n"));
	assert_int_equal(test_count(s, "Q2 Second?"), 1);
	assert_non_null(strstr(s, "\n[1] Use AI with review: Review it.\n"
	    "    Reviewer: A colleague.\n    - One.\n    - Two.\n"
	    "[2] Use AI freely: Go.\n[3] Do not use AI: Stop.\n"));
	assert_non_null(strstr(s, "\nShape, version 2026-Q4: in force from "
	    "2026-10-01, review by 2026-12-31.\nOwner: Owner <o@example>\n"));
	free(s);
	aipolicy_free(p);
}

static void
test_render_text_hostile(void **state)
{
	struct aipolicy *p = TEST_LOAD(hostile_yaml);
	char *s = render(p, AIPOLICY_RENDER_TEXT);
	const unsigned char *u;

	(void)state;
	for (u = (const unsigned char *)s; *u != '\0'; u++)
		assert_true(*u >= 0x20 || *u == '\n');
	assert_null(strstr(s, "\xE2\x80\xAE"));
	assert_non_null(strstr(s, "Q1 L <b>|</b> ] \"q\" #35; ? x\n"));
	/* A multi-line ask as the label: one line; a tab: a space. */
	assert_non_null(strstr(s, "y|es -> Q2 line one line two \\ \"}\"\n"));
	assert_non_null(strstr(s, "a b -> Do not use AI [2]\n"));
	free(s);
	aipolicy_free(p);
}

/* A policy of N questions in a chain, each with a long answer of LEN
 * characters; caller frees. */
static char *
chain_yaml(size_t n, size_t len)
{
	FILE *f;
	char *s = NULL;
	size_t size = 0, i, k;

	f = open_memstream(&s, &size);
	assert_non_null(f);
	fprintf(f, "aipolicy: 1\nid: chain\ntitle: Chain\nversion: v\n"
	    "owner: O\neffective: 2026-01-01\nreview_by: 2026-12-31\n"
	    "start: q0\nquestions:\n");
	for (i = 0; i < n; i++) {
		fprintf(f, "  q%zu:\n    label: Q%zu?\n    ask: Q%zu?\n"
		    "    answers:\n      ", i, i, i);
		for (k = 0; k < len; k++)
			fputc('a' + (int)(k % 26), f);
		if (i + 1 < n)
			fprintf(f, ": q%zu\n      other: done\n", i + 1);
		else
			fprintf(f, ": done\n      other: done\n");
	}
	fprintf(f, "outcomes:\n  done: {verdict: use-freely, summary: Go.}\n");
	fclose(f);
	return s;
}

/* A policy whose start question has N answers; caller frees. */
static char *
fan_yaml(size_t n)
{
	FILE *f;
	char *s = NULL;
	size_t size = 0, i;

	f = open_memstream(&s, &size);
	assert_non_null(f);
	fprintf(f, "aipolicy: 1\nid: fan\ntitle: Fan\nversion: v\n"
	    "owner: O\neffective: 2026-01-01\nreview_by: 2026-12-31\n"
	    "start: q\nquestions:\n  q:\n    ask: Which?\n    answers:\n");
	for (i = 0; i < n; i++)
		fprintf(f, "      a%zu: done\n", i);
	fprintf(f, "outcomes:\n  done: {verdict: use-freely, summary: Go.}\n");
	fclose(f);
	return s;
}

static void
test_render_fit_too_long(void **state)
{
	char *yaml = fan_yaml(100);
	struct aipolicy *p = test_load_ok(yaml, strlen(yaml));
	struct aipolicy_render_fit fit;
	char *s;

	(void)state;
	assert_int_equal(aipolicy_render_text_fit(p, &fit), 0);
	/* Rendering stops at the first line past the page. */
	assert_int_equal(fit.lines, AIPOLICY_RENDER_PAGE_LINES + 1);
	assert_null(fit.wide_answer);
	assert_null(fit.wide_question);
	/* The whole rendering goes on: 100 answers. */
	s = render(p, AIPOLICY_RENDER_TEXT);
	assert_non_null(strstr(s, "\n  a99 -> Use AI freely [1]\n"));
	free(s);
	aipolicy_free(p);
	free(yaml);

	/* Title, hint, blank, the question and N answers, blank, "Outcomes",
	 * one outcome, blank, two footer lines: N + 10 lines. */
	yaml = fan_yaml(AIPOLICY_RENDER_PAGE_LINES - 10);
	p = test_load_ok(yaml, strlen(yaml));
	assert_int_equal(aipolicy_render_text_fit(p, &fit), 0);
	assert_int_equal(fit.lines, AIPOLICY_RENDER_PAGE_LINES);
	aipolicy_free(p);
	free(yaml);
	yaml = fan_yaml(AIPOLICY_RENDER_PAGE_LINES - 9);
	p = test_load_ok(yaml, strlen(yaml));
	assert_int_equal(aipolicy_render_text_fit(p, &fit), 0);
	assert_int_equal(fit.lines, AIPOLICY_RENDER_PAGE_LINES + 1);
	aipolicy_free(p);
	free(yaml);
}

static void
test_render_fit_too_wide(void **state)
{
	/* The answers of q5 are indented by 12: 12 + 68 + " -> Use AI freely
	 * [1]" (21) = 101 columns; the lines above are narrower. */
	char *yaml = chain_yaml(6, 68);
	struct aipolicy *p = test_load_ok(yaml, strlen(yaml));
	struct aipolicy_render_fit fit;
	char *s, *line;

	(void)state;
	assert_int_equal(aipolicy_render_text_fit(p, &fit), 0);
	assert_non_null(fit.wide_answer);
	assert_string_equal(fit.wide_question->id, "q5");
	assert_ptr_equal(fit.wide_answer, &p->questions[5].answers[0]);
	assert_int_equal(fit.wide_width, AIPOLICY_RENDER_PAGE_COLUMNS + 1);
	assert_int_equal(fit.width, fit.wide_width);
	/* The line is cut to the page, with a mark. */
	s = render(p, AIPOLICY_RENDER_TEXT);
	line = line_starting(s, "            abcdef");
	assert_non_null(line);
	assert_int_equal(aipolicy_render_width(line, strlen(line)),
	    AIPOLICY_RENDER_PAGE_COLUMNS);
	assert_string_equal(line + strlen(line) - 3, "...");
	free(line);
	free(s);
	aipolicy_free(p);
	free(yaml);

	/* One character less: the line fits exactly. */
	yaml = chain_yaml(6, 67);
	p = test_load_ok(yaml, strlen(yaml));
	assert_int_equal(aipolicy_render_text_fit(p, &fit), 0);
	assert_null(fit.wide_question);
	assert_null(fit.wide_answer);
	assert_int_equal(fit.width, AIPOLICY_RENDER_PAGE_COLUMNS);
	s = render(p, AIPOLICY_RENDER_TEXT);
	assert_null(strstr(s, "..."));
	free(s);
	aipolicy_free(p);
	free(yaml);
}

/* An ask of many words as the start question's label: too wide, and
 * outcome text is wrapped, never wider than the page. */
static void
test_render_fit_wide_start_and_wrap(void **state)
{
	static const char yaml[] =
	    "aipolicy: 1\nid: w\ntitle: W\nversion: v\nowner: O\n"
	    "effective: 2026-01-01\nreview_by: 2026-12-31\nstart: a\n"
	    "questions:\n  a:\n    ask: >-\n"
	    "      Is this a question that goes on and on, well past the"
	    " width of one line of the page, because nobody gave it a"
	    " label?\n"
	    "    answers: {x: free, y: free}\n"
	    "outcomes:\n  free:\n    verdict: use-freely\n    summary: >-\n"
	    "      A summary long enough to need more than one line of the"
	    " page, so that it is wrapped at a space and goes on below with"
	    " an indent of four spaces.\n";
	struct aipolicy *p = TEST_LOAD(yaml);
	struct aipolicy_render_fit fit;
	char *s;

	(void)state;
	assert_int_equal(aipolicy_render_text_fit(p, &fit), 0);
	assert_non_null(fit.wide_question);
	assert_null(fit.wide_answer);
	assert_string_equal(fit.wide_question->id, "a");
	s = render(p, AIPOLICY_RENDER_TEXT);
	assert_non_null(strstr(s, "\n[1] Use AI freely: A summary long enough "
	    "to need more than one line of the page, so that it is\n    "
	    "wrapped at a space and goes on below with an indent of four "
	    "spaces.\n"));
	assert_non_null(strstr(s, "\nQ1 Is this a question that goes on and "
	    "on, well past the width of one line of the page, because n...\n"));
	free(s);
	aipolicy_free(p);
}

static void
test_render_width(void **state)
{
	(void)state;
	assert_int_equal(aipolicy_render_width("abc", 3), 3);
	assert_int_equal(aipolicy_render_width("", 0), 0);
	/* CJK and an emoji are 2 columns wide; a combining accent is 0. */
	assert_int_equal(aipolicy_render_width("\xE6\x97\xA5\xE6\x9C\xAC", 6),
	    4);
	assert_int_equal(aipolicy_render_width("\xF0\x9F\x98\x80", 4), 2);
	assert_int_equal(aipolicy_render_width("e\xCC\x81", 3), 1);
	assert_int_equal(aipolicy_render_width("\xC3\xA9", 2), 1);
	/* An invalid byte is shown as one '?'. */
	assert_int_equal(aipolicy_render_width("\xFF" "a", 2), 2);
}

/* ---- escaping in the other formats ------------------------------------- */

static void
test_render_markdown_hostile(void **state)
{
	struct aipolicy *p = TEST_LOAD(hostile_yaml);
	char *s = render(p, AIPOLICY_RENDER_MARKDOWN), *row;
	const char *c;
	size_t pipes;

	(void)state;
	assert_non_null(strstr(s, "# T \\<script\\>alert\\(1\\)\\</script\\> "
	    "\\& \\| \\] \\[x\\]\\(y\\)\n"));
	assert_non_null(strstr(s, "- **Q1** L \\<b\\>\\|\\</b\\> \\] \"q\" "
	    "\\#35; ? x\n"));
	assert_non_null(strstr(s, "  - y\\|es \xE2\x86\x92 **Q2** line one "
	    "line two \\\\ \"\\}\"\n"));
	row = line_starting(s, "| 1 |");
	assert_non_null(row);
	assert_string_equal(row, "| 1 | Use AI with review | R \\| \\] \\\\ "
	    "\"x\" | Rv \\<u\\>\\|\\</u\\> | yes | "
	    "C \\<script\\>x\\</script\\> \\| \\] |");
	/* Seven cell borders: no pipe of the text starts a cell. */
	for (c = row, pipes = 0; *c != '\0'; c++)
		pipes += *c == '|' && (c == row || c[-1] != '\\');
	assert_int_equal(pipes, 7);
	free(row);
	assert_null(strstr(s, "\xE2\x80\xAE"));
	free(s);
	aipolicy_free(p);
}

static void
test_render_html_hostile(void **state)
{
	struct aipolicy *p = TEST_LOAD(hostile_yaml);
	char *s = render(p, AIPOLICY_RENDER_HTML);

	(void)state;
	assert_null(strcasestr(s, "<script"));
	assert_null(strstr(s, "<b>"));
	assert_null(strstr(s, "<u>"));
	assert_null(strstr(s, "<i>"));
	/* Self-contained: no external resource, no script. */
	assert_null(strstr(s, "://"));
	assert_null(strstr(s, "src="));
	assert_null(strstr(s, "href="));
	assert_null(strstr(s, "@import"));
	assert_non_null(strstr(s, "<title>T &lt;script&gt;alert(1)&lt;/script"
	    "&gt; &amp; | ] [x](y)</title>"));
	assert_non_null(strstr(s, "O &quot;q&quot; &#39;a&#39; &lt;o@x&gt; "
	    "\\ b"));
	assert_non_null(strstr(s, "<li>C &lt;script&gt;x&lt;/script&gt; | ]"
	    "</li>"));
	assert_non_null(strstr(s, "@page { size: A4;"));
	assert_null(strstr(s, "\xE2\x80\xAE"));
	free(s);
	aipolicy_free(p);
}

static void
test_render_dot_hostile(void **state)
{
	struct aipolicy *p = TEST_LOAD(hostile_yaml);
	char *s = render(p, AIPOLICY_RENDER_DOT);
	const char *c;
	size_t quotes;

	(void)state;
	assert_non_null(strstr(s, "  q0 [label=\"L <b>|</b> ] \\\"q\\\" #35; "
	    "? x\", penwidth=2];\n"));
	assert_non_null(strstr(s, "  o1 [label=\"Use AI with review\\nR | ] "
	    "\\\\ \\\"x\\\"\", style=\"rounded,filled\", "
	    "fillcolor=\"#ffe9b3\""));
	assert_non_null(strstr(s, "  q0 -> q1 [label=\"y|es\"];\n"));
	/* Unescaped quotes come in pairs on every line. */
	for (c = s, quotes = 0; *c != '\0'; c++) {
		if (*c == '"' && c[-1] != '\\')
			quotes++;
		if (*c == '\n') {
			assert_int_equal(quotes % 2, 0);
			quotes = 0;
		}
	}
	free(s);
	aipolicy_free(p);
}

static void
test_render_mermaid_hostile(void **state)
{
	struct aipolicy *p = TEST_LOAD(hostile_yaml);
	char *s = render(p, AIPOLICY_RENDER_MERMAID), *line;

	(void)state;
	assert_true(strncmp(s, "flowchart TD\n", 13) == 0);
	line = line_starting(s, "  q0[");
	assert_non_null(line);
	assert_string_equal(line, "  q0[\"L #60;b#62;#124;#60;/b#62; #93; "
	    "#34;q#34; #35;35#59; ? x\"]");
	free(line);
	assert_non_null(strstr(s, "  o2([\"Do not use AI#58; S --#62;#124;x"
	    "#124; #93;#41; #59; x\"])\n"));
	assert_non_null(strstr(s, "  q1 -->|\"#60;script#62;\"| o1\n"));
	/* Nothing of the text can open a tag or end a label. */
	assert_null(strchr(s, '<'));
	assert_int_equal(test_count(s, ">"), test_count(s, "-->"));
	assert_non_null(strstr(s, "  classDef free fill:#d9f2d9,"));
	assert_non_null(strstr(s, "  class o0 free\n  class o1 review\n"
	    "  class o2 stop\n"));
	free(s);
	aipolicy_free(p);
}

/* ---- JSON ------------------------------------------------------------- */

/* The whole object, byte for byte: keys in the contract's order, values
 * as written, null / false / [] for what is absent, the inline outcome
 * last with its QUESTION.answer id. */
static const char shape_json[] =
	"{\"id\": \"shape\", \"title\": \"Shape\", \"version\": \"2026-Q4\", "
	"\"owner\": \"Owner <o@example>\", \"effective\": \"2026-10-01\", "
	"\"review_by\": \"2026-12-31\", \"sha256\": \"%s\", \"start\": \"a\", "
	"\"questions\": [{\"id\": \"a\", \"ask\": \"The first question?\", "
	"\"label\": \"First?\", \"help\": \"Some help.\", \"answers\": "
	"[{\"key\": \"Yes\", \"label\": \"Yes\", \"next\": \"b\"}, "
	"{\"key\": \"no\", \"label\": \"no\", \"next\": \"free\"}, "
	"{\"key\": \"Maybe\", \"label\": \"Maybe\", \"next\": \"a.maybe\"}]}, "
	"{\"id\": \"b\", \"ask\": \"Second?\", \"label\": null, "
	"\"help\": null, \"answers\": [{\"key\": \"x\", \"label\": \"x\", "
	"\"next\": \"rev\"}, {\"key\": \"y\", \"label\": \"y\", "
	"\"next\": \"free\"}]}], \"outcomes\": [{\"id\": \"rev\", \"verdict\": "
	"\"use-with-review\", \"summary\": \"Review it.\", \"why\": null, "
	"\"reviewer\": \"A colleague\", \"disclose\": false, \"conditions\": "
	"[\"One.\", \"Two.\"], \"review_minutes\": 15}, {\"id\": \"free\", "
	"\"verdict\": \"use-freely\", \"summary\": \"Go.\", \"why\": "
	"\"Low risk.\", \"reviewer\": null, \"disclose\": false, "
	"\"conditions\": [], \"review_minutes\": null}, {\"id\": \"a.maybe\", "
	"\"verdict\": \"do-not-use\", \"summary\": \"Stop.\", \"why\": null, "
	"\"reviewer\": null, \"disclose\": false, \"conditions\": [], "
	"\"review_minutes\": null}], \"language\": null}\n";

static void
test_render_json_shape(void **state)
{
	struct aipolicy *p = TEST_LOAD(shape_yaml);
	char *s = render(p, AIPOLICY_RENDER_JSON), want[sizeof shape_json + 64];
	json_error_t err;
	json_t *j;

	(void)state;
	snprintf(want, sizeof want, shape_json, p->sha256);
	assert_string_equal(s, want);
	j = json_loads(s, JSON_REJECT_DUPLICATES, &err);
	assert_non_null(j);
	json_decref(j);
	free(s);
	aipolicy_free(p);
}

/* For serve: "stale" and "in_force" appended, as of the day given. */
static void
test_render_json_status(void **state)
{
	static const struct {
		aipolicy_date_t today;
		const char *tail;
	} days[] = {
		{ 20260930, "\"stale\": false, \"in_force\": false}\n" },
		{ 20261001, "\"stale\": false, \"in_force\": true}\n" },
		{ 20261231, "\"stale\": false, \"in_force\": true}\n" },
		{ 20270101, "\"stale\": true, \"in_force\": true}\n" },
	};
	struct aipolicy *p = TEST_LOAD(shape_yaml);
	struct aipolicy_render_opts o = { true, 0 };
	char *plain = render(p, AIPOLICY_RENDER_JSON), *s;
	size_t i, len;

	(void)state;
	for (i = 0; i < sizeof days / sizeof *days; i++) {
		o.today = days[i].today;
		assert_int_equal(aipolicy_render(p, AIPOLICY_RENDER_JSON, &o,
		    &s, &len), 0);
		/* The same object, two keys longer. */
		assert_memory_equal(s, plain, strlen(plain) - 2);
		assert_memory_equal(s + strlen(plain) - 2, ", ", 2);
		assert_string_equal(s + strlen(plain), days[i].tail);
		free(s);
	}
	free(plain);
	aipolicy_free(p);
}

/* JSON keeps text as written (JSON escaping alone makes it safe). */
static void
test_render_json_as_written(void **state)
{
	struct aipolicy *p = TEST_LOAD(hostile_yaml);
	char *s = render(p, AIPOLICY_RENDER_JSON);
	json_error_t err;
	json_t *j = json_loads(s, JSON_REJECT_DUPLICATES, &err), *q;

	(void)state;
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(j, "title")),
	    "T <script>alert(1)</script> & | ] [x](y)");
	q = json_array_get(json_object_get(j, "questions"), 0);
	assert_string_equal(json_string_value(json_object_get(q, "label")),
	    "L <b>|</b> ] \"q\" #35; \xE2\x80\xAE x");
	q = json_array_get(json_object_get(j, "questions"), 1);
	assert_string_equal(json_string_value(json_object_get(q, "ask")),
	    "line one\nline two \\ \"}\"");
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    json_object_get(q, "answers"), 1), "next")), "b.a\tb");
	json_decref(j);
	free(s);
	aipolicy_free(p);
}

static void
test_render_format_names(void **state)
{
	enum aipolicy_render_format f;
	int i;

	(void)state;
	for (i = 0; i < AIPOLICY_RENDER_FORMAT_COUNT; i++) {
		assert_true(aipolicy_render_format_parse(
		    aipolicy_render_format_name(
		    (enum aipolicy_render_format)i), &f));
		assert_int_equal(f, i);
	}
	assert_string_equal(
	    aipolicy_render_format_name(AIPOLICY_RENDER_MERMAID), "mermaid");
	assert_false(aipolicy_render_format_parse("Text", &f));
	assert_false(aipolicy_render_format_parse("", &f));
	assert_false(aipolicy_render_format_parse("svg", &f));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_render_example_fits_page),
		cmocka_unit_test(test_render_text_shared_once),
		cmocka_unit_test(test_render_text_hostile),
		cmocka_unit_test(test_render_fit_too_long),
		cmocka_unit_test(test_render_fit_too_wide),
		cmocka_unit_test(test_render_fit_wide_start_and_wrap),
		cmocka_unit_test(test_render_width),
		cmocka_unit_test(test_render_markdown_hostile),
		cmocka_unit_test(test_render_html_hostile),
		cmocka_unit_test(test_render_dot_hostile),
		cmocka_unit_test(test_render_mermaid_hostile),
		cmocka_unit_test(test_render_json_shape),
		cmocka_unit_test(test_render_json_status),
		cmocka_unit_test(test_render_json_as_written),
		cmocka_unit_test(test_render_format_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

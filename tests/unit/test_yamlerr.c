/*
 * test_yamlerr.c: YAML mistakes in plain words (yaml-error.c and the
 * notes of diag.c).
 *
 * The table holds layout mistakes made the way people make them: one line
 * of a real policy edited (a tab typed, a space too many, a ':' forgotten,
 * a quote left open). Each must give exactly one error, at the line to
 * edit, in words that say what is wrong, followed by a note with the YAML
 * parser's own words at the same place.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "aipolicy/diag.h"
#include "aipolicy/policy.h"

/* Where a test does not care about the column. */
#define ANY_COLUMN 0
/* Words a row's message must hold. */
#define WORDS_MAX 3

/* A policy as owners write it; the rows edit one of its lines. */
static const char *const BASE[] = {
	"aipolicy: 1",                                               /*  1 */
	"id: acme-ai-use",
	"title: Acme AI usage policy",
	"version: 2026-Q4",
	"owner: AI Governance Office <ai-policy@acme.example>",      /*  5 */
	"effective: 2026-10-01",
	"review_by: 2027-03-31",
	"start: data",
	"",
	"questions:",                                                /* 10 */
	"  data:",
	"    label: Client or personal data?",
	"    ask: Does the task involve client, confidential or personal data?",
	"    help: >",
	"      Client files and anything under NDA, customer records,", /* 15 */
	"      HR files, health data.",
	"    answers:",
	"      no: audience",
	"      client or confidential data: approved_tool",
	"      personal data: approved_tool",                         /* 20 */
	"  approved_tool:",
	"    ask: Will you use Acme Assist, the company-approved AI tool?",
	"    help: Acme Assist keeps prompts inside Acme's tenant and does not",
	"      train on them. Free web chatbots are not approved.",
	"    answers:",                                              /* 25 */
	"      yes: audience",
	"      no: { verdict: do-not-use, summary: Do not use an unapproved "
	    "tool. }",
	"  audience:",
	"    ask: Who will see or rely on the result?",
	"    answers:",                                              /* 30 */
	"      only me: free",
	"      clients or the public: external_review",
	"",
	"outcomes:",
	"  free:",                                                   /* 35 */
	"    verdict: use-freely",
	"    summary: Use AI freely; you stay responsible for the result.",
	"    why: Drafts for yourself carry little risk.",
	"  external_review:",
	"    verdict: use-with-review",                              /* 40 */
	"    summary: Use AI, and have the result reviewed before it leaves "
	    "Acme.",
	"    reviewer: Your line manager",
	"    disclose: true",
	"    conditions:",
	"      - Check every figure, name and citation against its source.",
	"      - Say in the document that AI assisted.",
	"",
	"tests:",
	"  - answers: { data: no, audience: only me }",
	"    expect: use-freely",                                    /* 50 */
	"  - answers: { data: personal data, approved_tool: no }",
	"    expect: do-not-use",
};
#define BASE_LINES (sizeof BASE / sizeof BASE[0])

struct mistake {
	const char *what;       /* the mistake, as a person makes it */
	unsigned edit;          /* the line of BASE replaced */
	const char *text;       /* its new text ("\n" between several lines) */
	uint32_t line, column;  /* where the error must be */
	const char *words[WORDS_MAX]; /* the message must hold each (or,
	                                 after a '!', must not hold it) */
};

static const struct mistake MISTAKES[] = {
	/* Tabs. */
	{ "an answer indented with a tab", 31, "\tonly me: free",
	  31, 1, { "tab in indentation: use spaces" } },
	{ "a tab typed after the spaces of an answer", 31,
	  "    \tonly me: free", 31, 5, { "tab in indentation" } },
	{ "a question id indented with a tab", 28, "\taudience:",
	  28, 1, { "tab in indentation" } },
	{ "an outcome field indented with spaces and a tab", 37,
	  "  \t  summary: Use AI freely.", 37, 3, { "tab in indentation" } },
	{ "a condition indented with a tab", 46,
	  "\t- Say in the document that AI assisted.", 46, 1,
	  { "tab in indentation" } },
	{ "an editor left a tab on an empty line", 9, "\t",
	  9, 1, { "tab in indentation" } },
	{ "a tab in the indentation of a folded help text", 16,
	  "\tHR files, health data.", 16, 1, { "tab in indentation" } },
	{ "a top-level key after a tab", 4, "\tversion: 2026-Q4",
	  4, 1, { "tab in indentation" } },
	/* One space too few or too many. */
	{ "an answer one space too few", 32,
	  "     clients or the public: external_review", 32, 6,
	  { "indented by 5 spaces", "around it are at 4 and 6" } },
	{ "an answer one space too many", 32,
	  "       clients or the public: external_review", 32, 8,
	  { "indented by 7 spaces", "'only me' above it (line 31) is at 6" } },
	{ "the first answer one space too many (seen on the next line)", 31,
	  "       only me: free", 31, 8,
	  { "indented by 7 spaces", "'clients or the public' below it "
	  "(line 32) is at 6", "must line up" } },
	{ "the first answer one space too few", 31, "     only me: free",
	  31, 6, { "indented by 5 spaces", "below it (line 32) is at 6" } },
	{ "a question id one space too few", 28, " audience:",
	  28, 2, { "indented by 1 space,", "around it are at 0 and 2" } },
	{ "a question id one space too many", 28, "   audience:",
	  28, 4, { "indented by 3 spaces", "around it are at 2 and 4" } },
	{ "'ask' one space too few (seen on the next line)", 29,
	  "   ask: Who will see or rely on the result?", 29, 4,
	  { "indented by 3 spaces", "'answers' below it (line 30) is at 4" } },
	{ "'ask' one space too many (seen on the next line)", 29,
	  "     ask: Who will see or rely on the result?", 29, 6,
	  { "indented by 5 spaces", "'answers' below it (line 30) is at 4" } },
	{ "'answers' one space too many", 30, "     answers:", 30, 6,
	  { "indented by 5 spaces", "'ask' above it (line 29) is at 4" } },
	{ "an outcome field one space too few", 38,
	  "   why: Drafts for yourself carry little risk.", 38, 4,
	  { "indented by 3 spaces", "keys around it are at 2 and 4" } },
	{ "an outcome field one space too many", 42,
	  "     reviewer: Your line manager", 42, 6,
	  { "indented by 5 spaces", "'summary' above it (line 41) is at 4" } },
	{ "a condition one space too few", 46,
	  "     - Say in the document that AI assisted.", 46, 6,
	  { "indented by 5 spaces", "around it are at 4 and 6" } },
	{ "a top-level key indented by a space", 3,
	  " title: Acme AI usage policy", 3, 2,
	  { "indented by 1 space,", "'id' above it (line 2) is at 0" } },
	{ "'outcomes:' indented by a space", 34, " outcomes:", 34, 2,
	  { "indented by 1 space,", "around it are at 0 and 2" } },
	{ "a test's 'expect' not under its 'answers'", 50,
	  "   expect: use-freely", 50, 4,
	  { "indented by 3 spaces", "around it are at 2 and 4" } },
	{ "the text of a folded help less indented than its first line", 16,
	  "     HR files, health data.", 16, 6,
	  { "indented by 5 spaces", "less than the text of 'help'" } },
	{ "the first question id one space too few (seen lines below)", 11,
	  " data:", 11, 2, { "indented by 1 space,", "'approved_tool' below "
	  "it (line 21) is at 2", "keys of one mapping must line up" } },
	{ "the first key of the file indented", 1, " aipolicy: 1", 1, 2,
	  { "indented by 1 space,", "'id' below it (line 2) is at 0" } },
	{ "the first test case one space too many", 49,
	  "   - answers: { data: no, audience: only me }", 49, 4,
	  { "indented by 3 spaces, so its 'answers' is at 5",
	  "'expect' below it (line 50) is at 4" } },
	{ "the first test case one space too few", 49,
	  " - answers: { data: no, audience: only me }", 49, 2,
	  { "indented by 1 space, so its 'answers' is at 3",
	  "'expect' below it (line 50) is at 4" } },
	{ "the first line of a folded help one space too many", 15,
	  "       Client files and anything under NDA, customer records,", 15,
	  8, { "indented by 7 spaces", "below it (line 16) is at 6",
	  "the lines of a text must line up" } },
	{ "a condition one space too few, seen at a ':' two lines below", 45,
	  "     - Check every figure, name and citation against its source.\n"
	  "      - Say in the document that AI assisted.\n"
	  "      - Mark commits with 'Assisted-by: AI'.", 45, 6,
	  { "indented by 5 spaces", "the list item below it (line 46) is "
	  "at 6", "items of one list must line up" } },
	/* A forgotten ':'. */
	{ "no ':' after an answer with spaces in it", 32,
	  "      clients or the public external_review", 32, 7,
	  { "missing ':' after 'clients or the public external_review'?" } },
	{ "no ':' after the first answer (seen on the next line)", 26,
	  "      yes audience", 26, 7,
	  { "missing ':' after 'yes audience'?" } },
	{ "no ':' after a top-level key", 4, "version 2026-Q4", 4, 1,
	  { "missing ':' after 'version 2026-Q4'?" } },
	{ "no ':' after 'answers'", 30, "    answers", 30, 5,
	  { "missing ':' after 'answers'?" } },
	{ "no ':' after 'answers' below a help text", 25, "    answers", 25,
	  5, { "missing ':' after 'answers'?", "!continues the text" } },
	{ "no ':' after a question id", 28, "  audience", 28, 3,
	  { "missing ':' after 'audience'?" } },
	{ "no ':' after the first question id", 11, "  data", 11, 3,
	  { "missing ':' after 'data'?" } },
	{ "no space after ':'", 38, "    why:Drafts for yourself.", 38, 5,
	  { "missing space after ':' in 'why:Drafts for yourself.'" } },
	{ "help text going on at the indentation of its key", 16,
	  "    HR files, health data.", 16, 5,
	  { "missing ':' after 'HR files, health data.'?",
	  "indent it more than 'help'" } },
	{ "a help text wrapped at the indentation of its key", 24,
	  "    train on them. Free web chatbots are not approved.", 24, 5,
	  { "missing ':' after 'train on them.", "if it continues the text "
	  "of 'help' above, indent it more than 'help'" } },
	{ "an answer key with '=' instead of ':'", 31, "      only me = free",
	  31, 7, { "missing ':' after 'only me = free'?" } },
	/* Quotes and brackets. */
	{ "a summary's closing quote forgotten", 37,
	  "    summary: \"Use AI freely; you stay responsible.", 37, 14,
	  { "unclosed quote", "'\"'", "runs on into line 38" } },
	{ "a single quote never closed", 42, "    reviewer: 'Your line manager",
	  42, 15, { "unclosed quote", "runs on into line 43" } },
	{ "a quoted answer key never closed", 31, "      \"only me: free",
	  31, 7, { "unclosed quote", "runs on into line 34" } },
	{ "an inline outcome's '}' forgotten", 27,
	  "      no: { verdict: do-not-use, summary: Do not use it.", 27, 11,
	  { "unclosed '{'", "runs on into line 28", "close it with '}'" } },
	{ "a quote left open inside '{ ... }' over two lines", 51,
	  "  - answers: { data: personal data,\n"
	  "               approved_tool: \"no }\n"
	  "    expect: do-not-use\n"
	  "  - answers: { data: \"no\" }\n"
	  "    expect: use-freely", 52, 31,
	  { "unclosed quote", "runs on into line 53" } },
	{ "a test's '}' forgotten", 49,
	  "  - answers: { data: no, audience: only me", 49, 14,
	  { "unclosed '{'", "runs on into line 50" } },
	{ "a list's ']' forgotten at the end of the file", 52,
	  "    expect: [do-not-use", 52, 13,
	  { "unclosed '['", "is never closed" } },
	{ "an extra '}' after an inline outcome", 27,
	  "      no: { verdict: do-not-use, summary: Do not. } }", 27, 53,
	  { "unmatched '}'" } },
	{ "']' closing a '{'", 27,
	  "      no: { verdict: do-not-use, summary: Do not. ]", 27, 51,
	  { "']' does not match the '{'", "close it with '}'" } },
	{ "an apostrophe inside single quotes", 38,
	  "    why: 'Drafts don't carry risk.'", 38, 22,
	  { "text after the closing \"'\"", "apostrophe", "''" } },
	{ "a quote inside double quotes", 46,
	  "      - \"Say \"AI assisted\" in the document.\"", 46, 15,
	  { "text after the closing '\"'", "\\\"" } },
	{ "text after a quoted part of a value", 37,
	  "    summary: \"Use AI\" freely.", 37, 23,
	  { "text after the closing '\"'", "quote the whole value" } },
	{ "a summary that starts with [draft]", 37,
	  "    summary: [Draft] Use AI freely.", 37, 22,
	  { "text after the closing ']'", "a list", "in quotes" } },
	{ "a comma forgotten in an inline outcome", 27,
	  "      no: { verdict: do-not-use summary: Do not. }", 27, 33,
	  { "missing ',' before 'summary'?" } },
	/* Characters YAML reads as syntax. */
	{ "': ' inside a plain summary", 37,
	  "    summary: Note: you stay responsible.", 37, 18,
	  { "': ' inside the value of 'summary'",
	  "\"Note: you stay responsible.\"" } },
	{ "': ' inside a summary that holds a bidirectional override", 37,
	  "    summary: Note: use \xE2\x80\xAE" "AI.", 37, 18,
	  { "\"Note: use ?AI.\"", "!\xE2\x80\xAE" } },
	{ "': ' inside a plain answer target", 31,
	  "      only me: free: always", 31, 20,
	  { "': ' inside the value of 'only me'" } },
	{ "': ' inside a condition", 46,
	  "      - Say: AI assisted: yes.", 46, 25,
	  { "': ' inside the text of a list item" } },
	{ "': ' inside a text in an inline outcome", 27,
	  "      no: { verdict: do-not-use, summary: Note: do not. }", 27, 47,
	  { "': ' inside a text in '{ ... }'", "quotes" } },
	{ "a summary that starts with '@'", 37,
	  "    summary: @team may use AI freely.", 37, 14,
	  { "'@' cannot start a value", "quotes" } },
	{ "a summary that starts with a backtick", 37,
	  "    summary: `ai` may be used freely.", 37, 14,
	  { "'`' cannot start a value" } },
	{ "a summary that starts with '*'", 37,
	  "    summary: *Always* stay responsible.", 37, 14,
	  { "'*' starts an alias" } },
	{ "a Windows path in double quotes", 38,
	  "    why: \"See C:\\docs\\policy.txt\"", 38, 17,
	  { "'\\d' is not an escape sequence", "\\\\", "'...'" } },
	{ "a Windows path with \\U in double quotes", 38,
	  "    why: \"See C:\\Users\\ai.txt\"", 38, 17,
	  { "'\\U' must be followed by 8 hex digits" } },
	{ "a list started on the line of its key", 44,
	  "    conditions: - Check every figure.", 44, 17,
	  { "a list cannot start on the line of its key" } },
	{ "a key among list items", 46, "      note: AI assisted.", 46, 7,
	  { "a key among list items" } },
	{ "a list item among keys", 43, "    - Check every figure.", 43, 5,
	  { "a list item where a key was expected" } },
	{ "text after '|' on its line", 14, "    help: | Client files", 14,
	  ANY_COLUMN, { "text after '|' or '>'" } },
};
#define NMISTAKES (sizeof MISTAKES / sizeof MISTAKES[0])

/* BASE with line EDIT (1-based) replaced by TEXT; the caller owns it. */
static char *
edited(unsigned edit, const char *text)
{
	size_t i, len = 0;
	char *s, *p;

	for (i = 0; i < BASE_LINES; i++)
		len += strlen(i + 1 == edit ? text : BASE[i]) + 1;
	s = p = malloc(len + 1);
	assert_non_null(s);
	for (i = 0; i < BASE_LINES; i++) {
		const char *l = i + 1 == edit ? text : BASE[i];
		size_t n = strlen(l);
		memcpy(p, l, n);
		p[n] = '\n';
		p += n + 1;
	}
	*p = '\0';
	return s;
}

static bool check_error(const struct aipolicy_diag *e,
    const struct aipolicy_diag *note, uint32_t line, uint32_t column);

static void
print_diags(const struct aipolicy_diags *d)
{
	size_t i;

	for (i = 0; i < d->count; i++)
		fprintf(stderr, "    %u:%u: %s: %s\n", d->items[i].line,
		    d->items[i].column,
		    aipolicy_severity_name(d->items[i].severity),
		    d->items[i].message);
}

/*
 * Load YAML (LEN bytes): it must fail with exactly one error, at LINE and
 * COLUMN (unless ANY_COLUMN), holding each of WORDS, and right after it a
 * note at the same place with the YAML parser's words. Returns whether it
 * did (printing what came instead when not).
 */
static bool
check_one(const char *what, const char *yaml, size_t len, uint32_t line,
    uint32_t column, const char *const *words, size_t nwords)
{
	struct aipolicy *p = NULL;
	struct aipolicy_diags d;
	const struct aipolicy_diag *e = NULL, *note = NULL;
	size_t i;
	bool ok;

	aipolicy_diags_init(&d, "t.yaml");
	ok = aipolicy_load_buffer("t.yaml", yaml, len, &p, &d) ==
	    AIPOLICY_INVALID;
	aipolicy_diags_sort(&d);
	for (i = 0; i < d.count; i++) {
		if (d.items[i].severity == AIPOLICY_SEVERITY_ERROR &&
		    e == NULL) {
			e = &d.items[i];
			note = i + 1 < d.count ? &d.items[i + 1] : NULL;
		}
	}
	ok = ok && d.nerrors == 1 && check_error(e, note, line, column);
	for (i = 0; ok && i < nwords && words[i] != NULL; i++)
		ok = words[i][0] == '!' ?
		    strstr(e->message, words[i] + 1) == NULL :
		    strstr(e->message, words[i]) != NULL;
	if (!ok) {
		fprintf(stderr, "  %s: wanted one error at %u:%u with", what,
		    line, column);
		for (i = 0; i < nwords && words[i] != NULL; i++)
			fprintf(stderr, " [%s]", words[i]);
		fprintf(stderr, " and a note; got:\n");
		print_diags(&d);
	}
	aipolicy_diags_release(&d);
	aipolicy_free(p);
	return ok;
}

/* The error E is at LINE:COLUMN (any column for ANY_COLUMN) and NOTE, the
 * diagnostic after it, is its note with the YAML parser's words. */
static bool
check_error(const struct aipolicy_diag *e, const struct aipolicy_diag *note,
    uint32_t line, uint32_t column)
{
	return e != NULL && e->line == line &&
	    (column == ANY_COLUMN || e->column == column) && note != NULL &&
	    note->severity == AIPOLICY_SEVERITY_NOTE && note->line == e->line &&
	    note->column == e->column &&
	    strncmp(note->message, "the YAML parser said: ", 22) == 0;
}

/* The base policy is valid: every row's error comes from its edit. */
static void
test_base_is_valid(void **state)
{
	struct aipolicy *p = NULL;
	struct aipolicy_diags d;
	char *yaml = edited(0, "");

	(void)state;
	aipolicy_diags_init(&d, "t.yaml");
	if (aipolicy_load_buffer("t.yaml", yaml, strlen(yaml), &p, &d) !=
	    AIPOLICY_OK)
		print_diags(&d);
	assert_non_null(p);
	assert_int_equal(d.nerrors, 0);
	aipolicy_free(p);
	aipolicy_diags_release(&d);
	free(yaml);
}

static void
test_mistakes(void **state)
{
	size_t i, failed = 0;
	char *yaml;

	(void)state;
	assert_true(NMISTAKES >= 30);
	for (i = 0; i < NMISTAKES; i++) {
		const struct mistake *m = &MISTAKES[i];
		yaml = edited(m->edit, m->text);
		if (!check_one(m->what, yaml, strlen(yaml), m->line, m->column,
		    m->words, WORDS_MAX))
			failed++;
		free(yaml);
	}
	if (failed > 0)
		fprintf(stderr, "%zu of %zu mistakes not explained\n", failed,
		    (size_t)NMISTAKES);
	assert_int_equal(failed, 0);
}

/*
 * Valid YAML in the forms policies use (and some they rarely do), each
 * followed by a mistake on its last line: the layout scan must read the
 * valid part without finding anything, so the one YAML error is on the
 * last line.
 */
static const char *const LAYOUTS[] = {
	"a:\n  help: one\n    two\n   three\n  b: x\n",
	"a: |-\n  line one\n\n    deeper\n  # not a comment\nb: >+\n  kept\n\n"
	    "c: x\n",
	"a: |2\n    indented text\nb: x\n",
	"a: >\n  folded\n  text\n\n  more\nb: x\n",
	"conditions:\n- one\n- two\nnext: x\n",
	"a:\n- x\n- y\nb:\n  - z\n",
	"tests:\n- answers:\n    data: no\n  expect: x\n- answers: {a: b}\n"
	    "  expect: y\n",
	"answers: {\n    yes: a,\n    no: b\n  }\nnext: x\n",
	"answers: [\n  a, b,\n]\nnext: x\n",
	"tests:\n  - answers: {data: no,\n      audience: only me}\n"
	    "    expect: x\n",
	"\"yes\": a\n'no': b\n\"a b\": c\n",
	"a: \"multi\n   line\"\nb: 'multi\n   line'\nc: x\n",
	"a: 'it''s'\nb: \"say \\\"hi\\\"\"\nc: x\n",
	"# comment\n   # indented comment\na: x   # trailing\n  # odd\nb: y\n",
	"---\na: x\n",
	"a: &x 1\nb: !!str 2\nc: *x\n",
	"key:\n  value on its own line\n  continued\nnext: x\n",
	"a: Don't [stop] #1, ok: fine\nb: 10:30 http://x.y/z\nc: -5\n",
	"a:\n  - b: 1\n    c:\n      - d\n      - e\n  - f\n",
	"a:\tvalue after a tab\nb: x\t\n",
	"a:\n  b:\n    c:\n      d: 1\n  e: 2\nf: 3\n",
	"a:\n  b: 1\n\n\n  c: 2\n",
	"x:\n- - a\n  - b\n- c\n",
	"a: !!str |\n  text\nb: &anchor\n  c: 1\n",
};
#define NLAYOUTS (sizeof LAYOUTS / sizeof LAYOUTS[0])

/* The mistake appended to each layout, and what must be said of it. */
#define LAYOUT_MISTAKE "zz: a: b\n"
#define LAYOUT_WORDS "': ' inside the value of 'zz'"
#define LAYOUT_COLUMN 6

/* YAML's syntax errors (an error followed by its note) of the load of
 * YAML: there must be one, at LINE:COLUMN, holding WORDS. */
static bool
check_syntax_error(const char *yaml, uint32_t line, uint32_t column,
    const char *words)
{
	struct aipolicy *p = NULL;
	struct aipolicy_diags d;
	const struct aipolicy_diag *e = NULL;
	size_t i, n = 0;
	bool ok;

	aipolicy_diags_init(&d, "t.yaml");
	aipolicy_load_buffer("t.yaml", yaml, strlen(yaml), &p, &d);
	aipolicy_diags_sort(&d);
	for (i = 0; i + 1 < d.count; i++) {
		if (d.items[i].severity == AIPOLICY_SEVERITY_ERROR &&
		    d.items[i + 1].severity == AIPOLICY_SEVERITY_NOTE) {
			e = &d.items[i];
			n++;
		}
	}
	ok = n == 1 && check_error(e, e + 1, line, column) &&
	    strstr(e->message, words) != NULL;
	if (!ok) {
		fprintf(stderr, "  wanted the syntax error at %u:%u [%s] "
		    "in:\n%s  got:\n", line, column, words, yaml);
		print_diags(&d);
	}
	aipolicy_diags_release(&d);
	aipolicy_free(p);
	return ok;
}

static void
test_valid_layouts(void **state)
{
	size_t i, j, failed = 0;
	uint32_t lines;
	char yaml[512];

	(void)state;
	for (i = 0; i < NLAYOUTS; i++) {
		snprintf(yaml, sizeof yaml, "%s%s", LAYOUTS[i], LAYOUT_MISTAKE);
		for (j = 0, lines = 0; yaml[j] != '\0'; j++)
			lines += yaml[j] == '\n';
		if (!check_syntax_error(yaml, lines, LAYOUT_COLUMN,
		    LAYOUT_WORDS))
			failed++;
	}
	assert_int_equal(failed, 0);
}

/* Lines and columns as everywhere else: code points, a tab counts one, a
 * byte-order mark is not counted, CR LF is one line break. */
static void
test_positions(void **state)
{
	static const char *const tab[] = { "tab in indentation", NULL };
	static const char *const colon[] = { "': ' inside the value of 'b'",
		NULL };
	static const char *const missing[] = { "missing ':' after "
		"'\xC3\xA9t\xC3\xA9'?", NULL };
	const char *y;

	(void)state;
	y = "\xEF\xBB\xBF" "a:\r\n  b: 1\r\n \tc: 2\r\n";
	assert_true(check_one("BOM, CR LF, tab", y, strlen(y), 3, 2, tab, 1));
	y = "\xEF\xBB\xBF" "a: 1\r\nb: \xC3\xA9t\xC3\xA9: x\r\n";
	assert_true(check_one("BOM, CR LF, accents", y, strlen(y), 2, 7,
	    colon, 1));
	y = "a: 1\n\xC3\xA9t\xC3\xA9 \n";
	assert_true(check_one("accented key without ':'", y, strlen(y), 2, 1,
	    missing, 1));
}

/* Every libyaml error keeps its words in a note: a reader error too, and
 * a case the translation does not know keeps them in the error as well. */
static void
test_notes_and_fallback(void **state)
{
	static const char *const utf8[] = { "the file is not valid UTF-8 "
		"(byte 0xFF)", NULL };
	static const char *const unknown[] = { "invalid YAML: found "
		"duplicate %YAML directive", NULL };
	const char *y;

	(void)state;
	y = "a: 1\nb: \xC3\xA9\xC3\xA9 \xFF\n";
	assert_true(check_one("invalid UTF-8", y, strlen(y), 2, 7, utf8, 1));
	y = "%YAML 1.1\n%YAML 1.1\n---\na: 1\n";
	assert_true(check_one("two %YAML directives", y, strlen(y), 2, 1,
	    unknown, 1));
}

/* ---- notes in a list of diagnostics ------------------------------------ */

static void
test_note_counts_and_order(void **state)
{
	struct aipolicy_diags d;

	(void)state;
	aipolicy_diags_init(&d, "t.yaml");
	aipolicy_diags_add(&d, AIPOLICY_SEVERITY_ERROR, 3, 1, "x", 1, "e3");
	aipolicy_diags_add(&d, AIPOLICY_SEVERITY_NOTE, 3, 1, "x", 1, "n3");
	aipolicy_diags_add(&d, AIPOLICY_SEVERITY_WARNING, 3, 1, NULL, 0, "w3");
	aipolicy_diags_add(&d, AIPOLICY_SEVERITY_ERROR, 1, 1, NULL, 0, "e1");
	aipolicy_diags_add(&d, AIPOLICY_SEVERITY_NOTE, 1, 1, NULL, 0, "n1");
	assert_int_equal(d.nerrors, 2);
	assert_int_equal(d.nwarnings, 1);
	aipolicy_diags_sort(&d);
	assert_string_equal(d.items[0].message, "e1");
	assert_string_equal(d.items[1].message, "n1");
	assert_string_equal(d.items[2].message, "e3");
	assert_string_equal(d.items[3].message, "n3");
	assert_string_equal(d.items[4].message, "w3");
	aipolicy_diags_promote_warnings(&d);
	assert_int_equal(d.items[3].severity, AIPOLICY_SEVERITY_NOTE);
	assert_int_equal(d.items[4].severity, AIPOLICY_SEVERITY_ERROR);
	assert_int_equal(d.nerrors, 3);
	assert_string_equal(aipolicy_severity_name(AIPOLICY_SEVERITY_NOTE),
	    "note");
	aipolicy_diags_release(&d);
}

/* Notes come with their diagnostics and are not counted among the
 * AIPOLICY_DIAG_SHOW_MAX shown, nor in "too many errors". */
static void
test_notes_shown_with_their_error(void **state)
{
	struct aipolicy_diags d;
	size_t i, shown;

	(void)state;
	aipolicy_diags_init(&d, "t.yaml");
	for (i = 0; i < AIPOLICY_DIAG_SHOW_MAX + 10; i++) {
		aipolicy_diags_add(&d, AIPOLICY_SEVERITY_ERROR, (uint32_t)i + 1,
		    1, NULL, 0, "e");
		aipolicy_diags_add(&d, AIPOLICY_SEVERITY_NOTE, (uint32_t)i + 1,
		    1, NULL, 0, "n");
	}
	shown = aipolicy_diags_shown(&d);
	assert_int_equal(shown, 2 * AIPOLICY_DIAG_SHOW_MAX);
	assert_int_equal(d.items[shown - 1].severity, AIPOLICY_SEVERITY_NOTE);
	assert_int_equal(aipolicy_diags_hidden(&d, shown), 10);
	aipolicy_diags_release(&d);
}

/* A note whose diagnostic was not kept is not kept either. */
static void
test_note_of_dropped_error(void **state)
{
	struct aipolicy_diags d;
	size_t i;

	(void)state;
	aipolicy_diags_init(&d, "t.yaml");
	for (i = 0; i < AIPOLICY_DIAG_KEEP_MAX; i++)
		aipolicy_diags_add(&d, AIPOLICY_SEVERITY_ERROR, 1, 1, NULL, 0,
		    "e");
	aipolicy_diags_add(&d, AIPOLICY_SEVERITY_ERROR, 2, 1, NULL, 0,
	    "dropped");
	aipolicy_diags_add(&d, AIPOLICY_SEVERITY_NOTE, 2, 1, NULL, 0,
	    "its note");
	assert_int_equal(d.count, AIPOLICY_DIAG_KEEP_MAX);
	assert_int_equal(d.dropped, 1);
	assert_int_equal(d.items[d.count - 1].severity,
	    AIPOLICY_SEVERITY_ERROR);
	aipolicy_diags_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_base_is_valid),
		cmocka_unit_test(test_mistakes),
		cmocka_unit_test(test_valid_layouts),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_notes_and_fallback),
		cmocka_unit_test(test_note_counts_and_order),
		cmocka_unit_test(test_notes_shown_with_their_error),
		cmocka_unit_test(test_note_of_dropped_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

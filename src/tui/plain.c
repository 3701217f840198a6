/*
 * plain.c: `aipolicy ask` as numbered line prompts, for pipes, terminals
 * that cannot take the screens (TERM unset, unknown or dumb), --plain, and
 * screen readers. Plain text only: no escape sequence is ever written;
 * policy text goes out through put_text or the core's present.h lines,
 * which have every control character replaced.
 */
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/exit.h"
#include "core/present.h"
#include "core/wrap.h"
#include "tui.h"

/* The largest number an answer can be typed as (digits). */
#define MAX_NUMBER_DIGITS 6

static void put_text(FILE *out, const char *s, bool multiline);
static void put_lines(FILE *out, const struct present *pr);
static int print_header(FILE *out, const struct aipolicy *p, aipolicy_date_t today);
static int print_question(FILE *out, const struct aipolicy_walk_state *s);
static int print_verdict(FILE *out, const struct aipolicy_walk_state *s,
    unsigned flags);
static long parse_number(const char *s, size_t len);
static bool is_not_sure(const char *s, size_t len);
static int64_t choice_of(const struct aipolicy_question *q, const char *a,
    size_t len);
static bool read_answer(FILE *in, char **line, size_t *cap, char **a,
    size_t *len);
static int end_walk(FILE *out, const struct aipolicy_walk_state *s, unsigned flags,
    const struct ask_hooks *hooks);

/* put_text: S as wrap_char shows it; newlines kept when MULTILINE. */
static void put_text(FILE *out, const char *s, bool multiline)
{
	size_t len = strlen(s), i = 0;

	while (i < len) {
		char buf[4];
		uint32_t c;

		if (multiline && s[i] == '\n') {
			fputc('\n', out);
			i++;
			continue;
		}
		c = wrap_char(s, len, &i, NULL);
		fwrite(buf, 1, wrap_encode(c, buf), out);
	}
}

/* put_lines: PR's lines, but for the gaps, which a stream does not need. */
static void put_lines(FILE *out, const struct present *pr)
{
	for (size_t i = 0; i < pr->n; i++)
		if (pr->lines[i].role != PRESENT_BLANK)
			fprintf(out, "%s\n", pr->lines[i].text);
}

/* print_header: the policy, and the warning when its dates are not in
 * order on TODAY. 0, or -1 when out of memory. */
static int print_header(FILE *out, const struct aipolicy *p, aipolicy_date_t today)
{
	struct present pr;
	int rc;

	put_text(out, p->title, false);
	fputs(", version ", out);
	put_text(out, p->version, false);
	fputs(" (owner: ", out);
	put_text(out, p->owner, false);
	fputs(")\n", out);
	present_init(&pr, 0, 0);
	if ((rc = present_dates(&pr, p, today)) == 0)
		put_lines(out, &pr);
	present_release(&pr);
	return rc;
}

/* print_question: S's current question, numbered, with its answers and
 * "Not sure"; first, while narrowing down, the worst case so far. 0, or
 * -1 when out of memory. */
static int print_question(FILE *out, const struct aipolicy_walk_state *s)
{
	const struct aipolicy_question *q = &s->policy->questions[s->current];
	struct present pr;
	int rc = 0;

	fputc('\n', out);
	if (aipolicy_walk_state_narrowing(s)) {
		present_init(&pr, 0, 0);
		if ((rc = present_narrowing(&pr, &s->result)) == 0)
			put_lines(out, &pr);
		present_release(&pr);
	}
	fprintf(out, "Question %zu (at most %zu to go): ", s->count + 1,
	    aipolicy_walk_state_remaining(s));
	put_text(out, q->ask, true);
	fputc('\n', out);
	for (size_t i = 0; i < q->nanswers; i++) {
		fprintf(out, "  %zu. ", i + 1);
		put_text(out, q->answers[i].shown, false);
		fputc('\n', out);
	}
	fprintf(out, "  %zu. %s\n", q->nanswers + 1, ASK_NOT_SURE);
	return rc;
}

/* print_verdict: the verdict S reached, in the core's words (FLAGS of
 * present_init). 0, or -1 when out of memory. */
static int print_verdict(FILE *out, const struct aipolicy_walk_state *s,
    unsigned flags)
{
	struct present pr;
	int rc;

	present_init(&pr, 0, flags);
	if ((rc = ask_present_verdict(&pr, s)) == 0) {
		fputc('\n', out);
		put_lines(out, &pr);
	}
	present_release(&pr);
	return rc;
}

/* parse_number: S (LEN bytes) as a small decimal number, or -1. */
static long parse_number(const char *s, size_t len)
{
	long n = 0;

	if (len == 0 || len > MAX_NUMBER_DIGITS)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		n = n * 10 + (s[i] - '0');
	}
	return n;
}

/* is_not_sure: S (LEN bytes) is "not sure", ignoring ASCII case (no
 * answer key can be: the words are reserved). */
static bool is_not_sure(const char *s, size_t len)
{
	return len == strlen(ASK_NOT_SURE) &&
	    strncasecmp(s, ASK_NOT_SURE, len) == 0;
}

/* choice_of: what A (LEN bytes, trimmed) chooses at Q: an answer index,
 * AIPOLICY_WALK_NOT_SURE, or -1. An exact key wins over a number. */
static int64_t choice_of(const struct aipolicy_question *q, const char *a, size_t len)
{
	int64_t m = aipolicy_question_match(q, a, len);
	long n;

	if (m >= 0)
		return m;
	if (is_not_sure(a, len))
		return AIPOLICY_WALK_NOT_SURE;
	n = parse_number(a, len);
	if (n >= 1 && (size_t)n <= q->nanswers)
		return n - 1;
	if (n >= 1 && (size_t)n == q->nanswers + 1)
		return AIPOLICY_WALK_NOT_SURE;
	return -1;
}

/* read_answer: a line of IN into *LINE (*CAP allocated), with the white
 * space around it left out: *A, *LEN bytes. false at the end of IN. */
static bool read_answer(FILE *in, char **line, size_t *cap, char **a,
    size_t *len)
{
	ssize_t got = getline(line, cap, in);

	if (got < 0)
		return false;
	*a = *line;
	*len = (size_t)got;
	while (*len > 0 && strchr(" \t\r\n\f\v", (*a)[*len - 1]) != NULL)
		(*len)--;
	while (*len > 0 && strchr(" \t\r\n\f\v", (*a)[0]) != NULL) {
		(*a)++;
		(*len)--;
	}
	return true;
}

/* end_walk: S is at a verdict: show it, tell HOOKS, and return its exit
 * code (EXIT_NOMEM when it could not be put in words). */
static int end_walk(FILE *out, const struct aipolicy_walk_state *s, unsigned flags,
    const struct ask_hooks *hooks)
{
	if (print_verdict(out, s, flags) != 0)
		return EXIT_NOMEM;
	fflush(out);
	hooks->verdict(hooks->arg, s);
	return exit_of_verdict(s->outcome->verdict);
}

int plain_run(const struct aipolicy *p, struct aipolicy_walk_state *s, aipolicy_date_t today,
    FILE *in, FILE *out, const struct ask_hooks *hooks)
{
	unsigned flags = strcmp(nl_langinfo(CODESET), "UTF-8") == 0 ? 0 :
	    PRESENT_ASCII;
	char *line = NULL, *a;
	size_t cap = 0, len;
	bool show = true, got;
	int code;

	if (print_header(out, p, today) != 0)
		return EXIT_NOMEM;
	for (;;) {
		const struct aipolicy_question *q = &p->questions[s->current];
		int64_t m;

		if (s->outcome != NULL) {
			code = end_walk(out, s, flags, hooks);
			break;
		}
		if (show && print_question(out, s) != 0) {
			code = EXIT_NOMEM;
			break;
		}
		show = false;
		fprintf(out, "Answer (1-%zu, an answer, or ? for help): ",
		    q->nanswers + 1);
		fflush(out);
		got = read_answer(in, &line, &cap, &a, &len);
		if ((code = ask_signal_code()) != 0)
			break;
		if (!got) {
			fputc('\n', out);
			code = ASK_INPUT_ENDED;
			break;
		}
		if (len == 1 && a[0] == '?') {
			fputs("Help: ", out);
			put_text(out, q->help != NULL ? q->help : ASK_NO_HELP,
			    true);
			fputc('\n', out);
			continue;
		}
		if ((m = choice_of(q, a, len)) < 0) {
			a[len] = '\0';
			fputc('\'', out);
			put_text(out, a, false);
			fprintf(out, "' is not an answer: type a number from 1 "
			    "to %zu, one of the answers, or ? for help.\n",
			    q->nanswers + 1);
			continue;
		}
		aipolicy_walk_state_answer(s, (uint32_t)m);
		show = true;
	}
	free(line);
	return code;
}

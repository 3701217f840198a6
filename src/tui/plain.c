/*
 * plain.c: `aipolicy ask` as numbered line prompts, for pipes, terminals
 * that cannot take the screens (TERM unset, unknown or dumb), --plain, and
 * screen readers. Plain text only: no escape sequence is ever written;
 * policy text goes out through put_text or the core's present.h lines,
 * which have every control character replaced. The program's words are
 * those of a table of words.h.
 */
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/exit.h"
#include "core/present.h"
#include "core/text.h"
#include "core/words.h"
#include "core/wrap.h"
#include "tui.h"

/* The largest number an answer can be typed as (digits). */
#define MAX_NUMBER_DIGITS 6
/* Bytes of "at most N to go" in any language. */
#define TOGO_SIZE 128

static void put_text(FILE *out, const char *s, bool multiline);
static void put_lines(FILE *out, const struct present *pr);
static int print_header(FILE *out, const struct words *w,
    const struct aipolicy *p, aipolicy_date_t today);
static int print_question(FILE *out, const struct words *w,
    const struct aipolicy_walk_state *s);
static int print_verdict(FILE *out, const struct words *w,
    const struct aipolicy_walk_state *s, unsigned flags);
static int print_not_an_answer(FILE *out, const struct words *w,
    const char *a, size_t len, size_t n);
static long parse_number(const char *s, size_t len);
static bool is_not_sure(const struct words *w, const char *s, size_t len);
static int64_t choice_of(const struct words *w,
    const struct aipolicy_question *q, const char *a, size_t len);
static bool read_answer(struct line_in *in, char **line, size_t *cap, char **a,
    size_t *len);
static int end_walk(FILE *out, const struct words *w,
    const struct aipolicy_walk_state *s, unsigned flags,
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
static int print_header(FILE *out, const struct words *w,
    const struct aipolicy *p, aipolicy_date_t today)
{
	struct present pr;
	int rc;

	put_text(out, p->title, false);
	fprintf(out, ", %s ", words_text(w, WORD_VERSION));
	put_text(out, p->version, false);
	fprintf(out, " (%s ", words_text(w, WORD_OWNER_LABEL));
	put_text(out, p->owner, false);
	fputs(")\n", out);
	present_init(&pr, 0, 0);
	present_set_words(&pr, w);
	if ((rc = present_dates(&pr, p, today)) == 0)
		put_lines(out, &pr);
	present_release(&pr);
	return rc;
}

/* print_question: S's current question, numbered, with its answers and
 * "Not sure"; first, while narrowing down, the worst case so far. 0, or
 * -1 when out of memory. */
static int print_question(FILE *out, const struct words *w,
    const struct aipolicy_walk_state *s)
{
	const struct aipolicy_question *q = &s->policy->questions[s->current];
	size_t left = aipolicy_walk_state_remaining(s);
	char togo[TOGO_SIZE];
	struct present pr;
	int rc = 0;

	fputc('\n', out);
	if (aipolicy_walk_state_narrowing(s)) {
		present_init(&pr, 0, 0);
		present_set_words(&pr, w);
		if ((rc = present_narrowing(&pr, &s->result)) == 0)
			put_lines(out, &pr);
		present_release(&pr);
	}
	snprintf(togo, sizeof togo, words_plural(w, WORDN_TO_GO, left), left);
	fprintf(out, words_text(w, WORD_QUESTION_HEADING), s->count + 1,
	    togo);
	fputc(' ', out);
	put_text(out, q->ask, true);
	fputc('\n', out);
	for (size_t i = 0; i < q->nanswers; i++) {
		fprintf(out, "  %zu. ", i + 1);
		put_text(out, q->answers[i].shown, false);
		fputc('\n', out);
	}
	fprintf(out, "  %zu. %s\n", q->nanswers + 1, words_text(w,
	    WORD_NOT_SURE));
	return rc;
}

/* print_verdict: the verdict S reached, in the core's words (FLAGS of
 * present_init). 0, or -1 when out of memory. */
static int print_verdict(FILE *out, const struct words *w,
    const struct aipolicy_walk_state *s, unsigned flags)
{
	struct present pr;
	int rc;

	present_init(&pr, 0, flags);
	present_set_words(&pr, w);
	if ((rc = ask_present_verdict(&pr, s)) == 0) {
		fputc('\n', out);
		put_lines(out, &pr);
	}
	present_release(&pr);
	return rc;
}

/* print_not_an_answer: that A (LEN bytes, as typed) is not an answer of
 * a question with N answers (and "Not sure"). 0, or -1 when out of
 * memory. */
static int print_not_an_answer(FILE *out, const struct words *w,
    const char *a, size_t len, size_t n)
{
	char *safe = text_sanitize(a, len, 0);

	if (safe == NULL)
		return -1;
	fprintf(out, words_text(w, WORD_NOT_AN_ANSWER), safe, n + 1);
	fputc('\n', out);
	free(safe);
	return 0;
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

/* is_not_sure: S (LEN bytes) is "not sure" in English (no answer key can
 * be: the words are reserved) or in W's words, ignoring ASCII case. */
static bool is_not_sure(const struct words *w, const char *s, size_t len)
{
	const char *en = words_text(NULL, WORD_NOT_SURE);
	const char *tr = words_text(w, WORD_NOT_SURE);

	return (len == strlen(en) && strncasecmp(s, en, len) == 0) ||
	    (len == strlen(tr) && strncasecmp(s, tr, len) == 0);
}

/* choice_of: what A (LEN bytes, trimmed) chooses at Q: an answer index,
 * AIPOLICY_WALK_NOT_SURE, or -1. An exact key wins over a number. */
static int64_t choice_of(const struct words *w,
    const struct aipolicy_question *q, const char *a, size_t len)
{
	int64_t m = aipolicy_question_match(q, a, len);
	long n;

	if (m >= 0)
		return m;
	if (is_not_sure(w, a, len))
		return AIPOLICY_WALK_NOT_SURE;
	n = parse_number(a, len);
	if (n >= 1 && (size_t)n <= q->nanswers)
		return n - 1;
	if (n >= 1 && (size_t)n == q->nanswers + 1)
		return AIPOLICY_WALK_NOT_SURE;
	return -1;
}

/* read_answer: a line of IN into *LINE (*CAP allocated), with the white
 * space around it left out: *A, *LEN bytes. false at the end of IN, when
 * a signal came, or when out of memory (IN->nomem). */
static bool read_answer(struct line_in *in, char **line, size_t *cap,
    char **a, size_t *len)
{
	ssize_t got = line_in_read(in, line, cap);

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
static int end_walk(FILE *out, const struct words *w,
    const struct aipolicy_walk_state *s, unsigned flags,
    const struct ask_hooks *hooks)
{
	if (print_verdict(out, w, s, flags) != 0)
		return EXIT_NOMEM;
	fflush(out);
	hooks->verdict(hooks->arg, s);
	return exit_of_verdict(s->outcome->verdict);
}

int plain_run(const struct aipolicy *p, struct aipolicy_walk_state *s,
    aipolicy_date_t today, const struct words *w, FILE *in, FILE *out,
    const struct ask_hooks *hooks)
{
	unsigned flags = strcmp(nl_langinfo(CODESET), "UTF-8") == 0 ? 0 :
	    PRESENT_ASCII;
	char *line = NULL, *a = NULL;
	size_t cap = 0, len = 0;
	bool show = true, got;
	struct line_in li;
	int code;

	if (print_header(out, w, p, today) != 0)
		return EXIT_NOMEM;
	line_in_open(&li, fileno(in));
	for (;;) {
		const struct aipolicy_question *q = &p->questions[s->current];
		int64_t m;

		if (s->outcome != NULL) {
			code = end_walk(out, w, s, flags, hooks);
			break;
		}
		if (show && print_question(out, w, s) != 0) {
			code = EXIT_NOMEM;
			break;
		}
		show = false;
		fprintf(out, words_text(w, WORD_PROMPT), q->nanswers + 1);
		fputc(' ', out);
		fflush(out);
		got = read_answer(&li, &line, &cap, &a, &len);
		if ((code = ask_signal_code()) != 0)
			break;
		if (li.nomem) {
			code = EXIT_NOMEM;
			break;
		}
		if (!got) {
			fputc('\n', out);
			code = ASK_INPUT_ENDED;
			break;
		}
		if (len == 1 && a[0] == '?') {
			fprintf(out, "%s ", words_text(w, WORD_HELP_LABEL));
			put_text(out, q->help != NULL ? q->help :
			    words_text(w, WORD_NO_HELP), true);
			fputc('\n', out);
			continue;
		}
		if ((m = choice_of(w, q, a, len)) < 0) {
			if (print_not_an_answer(out, w, a, len,
			    q->nanswers) != 0) {
				code = EXIT_NOMEM;
				break;
			}
			continue;
		}
		aipolicy_walk_state_answer(s, (uint32_t)m);
		show = true;
	}
	line_in_close(&li);
	free(line);
	return code;
}

/*
 * plain.c: `aipolicy ask` as numbered line prompts, for pipes, terminals
 * that cannot take the screens (TERM unset, unknown or dumb), --plain, and
 * screen readers. Plain text only: no escape sequence is ever written, and
 * policy text goes out through put_text, which replaces control characters.
 */
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>

#include "aipolicy/exit.h"
#include "tui.h"
#include "aipolicy/wrap.h"

static void put_text(FILE *out, const char *s, bool multiline);
static void print_question(FILE *out, const struct policy *p,
    const struct walk_state *s);
static void print_verdict(FILE *out, const struct policy *p,
    const struct outcome *o, const char *path,
    const struct ask_worst *worst, const char *dash);
static int not_sure(FILE *out, const struct policy *p,
    const struct walk_state *s, struct ask_last *last, const char *arrow,
    const char *dash);
static long parse_number(const char *s, size_t len);

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

static void print_question(FILE *out, const struct policy *p,
    const struct walk_state *s)
{
	const struct question *q = &p->questions[s->current];

	fprintf(out, "\nQuestion %zu (at most %u to go): ", s->depth + 1,
	    walk_state_remaining(s));
	put_text(out, q->ask, true);
	fputc('\n', out);
	for (size_t i = 0; i < q->nanswers; i++) {
		fprintf(out, "  %zu. ", i + 1);
		put_text(out, q->answers[i].key, false);
		fputc('\n', out);
	}
	fprintf(out, "  %zu. %s\n", q->nanswers + 1, ASK_NOT_SURE);
}

/*
 * print_verdict: outcome O with the answers that led there (PATH, raw text;
 * NULL when out of memory). WORST is the worst case after "Not sure" (its
 * heading and the note of each unsure question, with DASH), or NULL.
 */
static void print_verdict(FILE *out, const struct policy *p,
    const struct outcome *o, const char *path,
    const struct ask_worst *worst, const char *dash)
{
	fprintf(out, "\nVerdict: %s\n", verdict_words(o->verdict));
	if (worst != NULL) {
		char heading[128];

		ask_worst_heading(worst, heading, sizeof heading);
		fprintf(out, "%s\n", heading);
	}
	put_text(out, o->summary, false);
	fputc('\n', out);
	if (o->why != NULL) {
		fputs("Why: ", out);
		put_text(out, o->why, true);
		fputc('\n', out);
	}
	if (o->reviewer != NULL) {
		fputs("Reviewer: ", out);
		put_text(out, o->reviewer, false);
		fputc('\n', out);
	}
	if (o->disclose)
		fputs("Disclose that AI assisted\n", out);
	if (o->nconditions > 0)
		fputs("Conditions:\n", out);
	for (size_t i = 0; i < o->nconditions; i++) {
		fputs("  - ", out);
		put_text(out, o->conditions[i], false);
		fputc('\n', out);
	}
	if (worst != NULL)
		fputs("Not sure:\n", out);
	for (size_t i = 0; worst != NULL && i < worst->nunsure; i++) {
		char *note = ask_worst_note(p, worst, i, dash);

		if (note == NULL)
			continue;
		fputs("  - ", out);
		put_text(out, note, false);
		fputc('\n', out);
		free(note);
	}
	if (path != NULL) {
		fputs("Your answers: ", out);
		put_text(out, path, false);
		fputc('\n', out);
	}
	fputs("Questions? Ask ", out);
	put_text(out, p->owner, false);
	fputc('\n', out);
}

/* not_sure: "Not sure" chosen at S's question: print the worst case and
 * record it in LAST. Returns its exit code, or EXIT_IOERR when out of
 * memory. */
static int not_sure(FILE *out, const struct policy *p,
    const struct walk_state *s, struct ask_last *last, const char *arrow,
    const char *dash)
{
	struct ask_worst w;
	char *path;
	int code;

	if (ask_worst_compute(p, s, &w) != 0) {
		fputs("aipolicy: out of memory\n", stderr);
		return EXIT_IOERR;
	}
	ask_last_record_worst(last, &w); /* out of memory: not logged */
	path = ask_path_text(p, w.path, w.npath, w.unsure, w.nunsure, arrow);
	print_verdict(out, p, w.outcome, path, &w, dash);
	code = verdict_exit_code(w.outcome->verdict);
	free(path);
	ask_worst_release(&w);
	return code;
}

/* parse_number: S (LEN bytes) as a small decimal number, or -1. */
static long parse_number(const char *s, size_t len)
{
	long n = 0;

	if (len == 0 || len > 6)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		n = n * 10 + (s[i] - '0');
	}
	return n;
}

int plain_run(const struct policy *p, struct walk_state *s, date_t today,
    FILE *in, FILE *out, struct ask_last *last)
{
	bool utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	const char *arrow = utf8 ? " → " : " -> ";
	const char *dash = utf8 ? " — " : " - ";
	char *line = NULL;
	size_t cap = 0;
	int code;

	put_text(out, p->title, false);
	fputs(", version ", out);
	put_text(out, p->version, false);
	fputs(" (owner: ", out);
	put_text(out, p->owner, false);
	fputs(")\n", out);
	if (policy_is_stale(p, today)) {
		char date[11];

		date_format(p->review_by, date);
		fprintf(out, "Warning: this policy was due for review on %s; "
		    "ask ", date);
		put_text(out, p->owner, false);
		fputs(" whether it still applies.\n", out);
	}
	print_question(out, p, s);
	for (;;) {
		const struct question *q = &p->questions[s->current];
		ssize_t got;
		size_t len;
		char *a;
		int64_t m;
		long n;

		fprintf(out, "Answer (1-%zu, an answer, or ? for help): ",
		    q->nanswers + 1);
		fflush(out);
		got = getline(&line, &cap, in);
		if ((code = ask_signal_code()) != 0)
			break;
		if (got < 0) {
			fputc('\n', out);
			code = EXIT_QUIT;
			break;
		}
		a = line;
		len = (size_t)got;
		while (len > 0 && strchr(" \t\r\n\f\v", a[len - 1]) != NULL)
			len--;
		while (len > 0 && strchr(" \t\r\n\f\v", a[0]) != NULL) {
			a++;
			len--;
		}
		if (len == 1 && a[0] == '?') {
			fputs("Help: ", out);
			put_text(out, q->help != NULL ? q->help :
			    "There is no help for this question.", true);
			fputc('\n', out);
			continue;
		}
		if ((m = question_match(q, a, len)) < 0) {
			n = parse_number(a, len);
			m = n >= 1 && (size_t)n <= q->nanswers + 1 ? n - 1 : -1;
		}
		if (m < 0) {
			a[len] = '\0';
			fputc('\'', out);
			put_text(out, a, false);
			fprintf(out, "' is not an answer: type a number from 1 "
			    "to %zu, one of the answers, or ? for help.\n",
			    q->nanswers + 1);
			continue;
		}
		if ((size_t)m == q->nanswers) {
			code = not_sure(out, p, s, last, arrow, dash);
			break;
		}
		walk_state_answer(s, (uint32_t)m);
		if (s->outcome != NULL) {
			struct step *steps = malloc((s->depth ? s->depth : 1) *
			    sizeof *steps);
			char *path = NULL;

			if (steps != NULL) {
				walk_state_path(s, steps);
				path = ask_path_text(p, steps, s->depth, NULL, 0,
				    arrow);
				free(steps);
			}
			ask_last_record(last, s);
			print_verdict(out, p, s->outcome, path, NULL, dash);
			free(path);
			code = verdict_exit_code(s->outcome->verdict);
			break;
		}
		print_question(out, p, s);
	}
	free(line);
	return code;
}

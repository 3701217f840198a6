/*
 * cmd-check.c: aipolicy check: the verdict for a set of answers, as an
 * exit code and text or JSON; or, with --batch, for JSON lines on stdin.
 * Text and the messages on stderr are in the program's words of the
 * language the environment asks for (words.h); JSON, for programs, is in
 * the policy's keys and English messages.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/batch.h"
#include "cli/exit.h"
#include "core/present.h"
#include "aipolicy/result.h"
#include "core/text.h"
#include "aipolicy/walk.h"
#include "core/words.h"
#include "cmd.h"
#include "decision-log.h"

/* Output is written in chunks of this size; the log is synced per chunk. */
#define CHUNK (1024 * 1024)
/* Room for a message naming the decision log and why it failed. */
#define LOG_MESSAGE_SIZE 600

struct check_opts {
	bool json, batch;
	unsigned flags;
	const char *log_path;
	const char *lang;         /* --lang, or NULL: the environment's */
	aipolicy_date_t today;
	const char *policy_path;  /* NULL until the options are all read */
	bool list;                /* --list-answers (for shell completion) */
	const struct words *words; /* for people: text and stderr */
};

/* What check --batch keeps from line to line. */
struct batch_run {
	const struct check_opts *o;
	const struct aipolicy *p;
	struct decision_log *log;  /* NULL without --log */
	struct batch *b;           /* the core's: answers each line */
	struct aipolicy_result_json *rj;
	char *out;                 /* answer lines not written yet: len bytes,
	                            * cap allocated */
	size_t len, cap;
	int code;                  /* EXIT_DATAERR once a line was an error */
};

static int exit_for(const struct aipolicy_walk_result *r);
static void print_json_error(const char *msg);
static int nomem(bool json);
static int log_failed(const char *path, const char *verb, int err,
    bool json);
static int log_record(struct decision_log *log, const struct aipolicy *p,
    const struct aipolicy_walk_result *r);
static int warn_dates(const struct check_opts *o, const struct aipolicy *p);
static void warn_unknown(const struct check_opts *o, const struct aipolicy *p,
    const struct aipolicy_walk_result *r, const struct aipolicy_given *given);
static int bad_answer(const struct check_opts *o, const struct aipolicy *p,
    const struct aipolicy_given *g);
static int print_text(const struct check_opts *o, const struct aipolicy *p,
    const struct aipolicy_walk_result *r, const struct aipolicy_given *given,
    size_t n, int code);
static int print_json(const struct check_opts *o, const struct aipolicy *p,
    const struct aipolicy_walk_result *r, const struct aipolicy_given *given,
    size_t n, int code);
static int check_one(const struct check_opts *o, const struct aipolicy *p,
    struct aipolicy_given *given, size_t n, struct decision_log *log);
static int run_line(struct batch_run *br, const char *line, size_t len,
    size_t lineno);
static int write_out(char *out, size_t *len);
static int chunk_done(struct batch_run *br);
static int check_batch(const struct check_opts *o, const struct aipolicy *p,
    struct decision_log *log);
static int parse_answers(int argc, char **argv, int first,
    struct aipolicy_given *given, size_t *n);
static void print_answer_list(const struct aipolicy *p);
static int parse_options(int argc, char **argv, struct check_opts *o);
static int run(const struct check_opts *o, struct aipolicy_given *given,
    size_t n);

static int
exit_for(const struct aipolicy_walk_result *r)
{
	if (r->status == AIPOLICY_WALK_INCOMPLETE)
		return EXIT_INCOMPLETE;
	return exit_of_verdict(r->outcome->verdict);
}

/* Print a JSON error object on stdout (for --json). */
static void
print_json_error(const char *msg)
{
	char *out = NULL;
	size_t len = 0, cap = 0;

	if (aipolicy_result_json_error(0, msg, &out, &len, &cap) == 0)
		printf("%s\n", out);
	free(out);
}

/* Out of memory, also as a JSON error under --json; returns EXIT_NOMEM. */
static int
nomem(bool json)
{
	if (json)
		print_json_error("out of memory");
	return cli_nomem();
}

/* Report that the log at PATH cannot be VERB'd ("open", "write"; ERR is
 * an errno), also as a JSON error under JSON; returns EXIT_IOERR. */
static int
log_failed(const char *path, const char *verb, int err, bool json)
{
	char msg[LOG_MESSAGE_SIZE];

	snprintf(msg, sizeof msg, "%s: cannot %s the decision log: %s",
	    path, verb, strerror(err));
	if (json)
		print_json_error(msg);
	return cli_file_error(EXIT_IOERR, path, "cannot %s the decision log: "
	    "%s", verb, strerror(err));
}

/* log_record: buffer the record of R's verdict. 0, or -1 when out of
 * memory. */
static int
log_record(struct decision_log *log, const struct aipolicy *p,
    const struct aipolicy_walk_result *r)
{
	return decision_log_add(log, "check", p, r->path, r->npath, r->unsure,
	    r->nunsure, r->outcome);
}

/* warn_dates: one warning line on stderr when P is stale or not yet in
 * force on o->today. EXIT_OK, or EXIT_NOMEM after saying so (also as a
 * JSON error under --json). */
static int
warn_dates(const struct check_opts *o, const struct aipolicy *p)
{
	char *msg;

	if (present_date_warning(o->words, p, o->today, &msg) != 0)
		return nomem(o->json);
	if (msg != NULL)
		fprintf(stderr, "aipolicy: %s: warning: %s\n", p->file, msg);
	free(msg);
	return EXIT_OK;
}

/* warn_unknown: a warning for each question id given that P does not
 * have, with the closest id when one is close. */
static void
warn_unknown(const struct check_opts *o, const struct aipolicy *p,
    const struct aipolicy_walk_result *r, const struct aipolicy_given *given)
{
	struct text_suggest sg;
	size_t i, j;

	for (i = 0; i < r->nunused; i++) {
		const struct aipolicy_given *g = &given[r->unused[i]];
		char *id;

		if (aipolicy_find_question(p, g->question,
		    g->question_len) >= 0)
			continue;
		id = text_sanitize(g->question, g->question_len, 0);
		fprintf(stderr, "aipolicy: %s: warning: ", p->file);
		fprintf(stderr, words_text(o->words, WORD_UNKNOWN_QUESTION),
		    id != NULL ? id : "?");
		if (id != NULL) {
			text_suggest_init(&sg, id);
			for (j = 0; j < p->nquestions; j++)
				text_suggest_add(&sg, p->questions[j].id);
			if (sg.best != NULL) {
				fputc(' ', stderr);
				fprintf(stderr, words_text(o->words,
				    WORD_DID_YOU_MEAN), sg.best);
			}
		}
		fputc('\n', stderr);
		free(id);
	}
}

/* bad_answer: the error for the answer G that is not one of its
 * question's: in English as a JSON error under --json, in o->words on
 * stderr. EXIT_DATAERR, or EXIT_NOMEM. */
static int
bad_answer(const struct check_opts *o, const struct aipolicy *p,
    const struct aipolicy_given *g)
{
	char *msg;

	if (o->json) {
		if ((msg = aipolicy_result_bad_answer(p, g)) == NULL)
			return nomem(true);
		print_json_error(msg);
		free(msg);
	}
	if ((msg = present_bad_answer(o->words, p, g)) == NULL)
		return cli_nomem();
	cli_file_error(EXIT_DATAERR, p->file, "%s", msg);
	free(msg);
	return EXIT_DATAERR;
}

/* print_text: R in words (present.h), then the exit CODE, or EXIT_NOMEM. */
static int
print_text(const struct check_opts *o, const struct aipolicy *p,
    const struct aipolicy_walk_result *r, const struct aipolicy_given *given,
    size_t n, int code)
{
	struct present pr;
	size_t i;

	present_init(&pr, 0, PRESENT_POLICY);
	present_set_words(&pr, o->words);
	if (present_result(&pr, p, r, given, n, o->flags) != 0 ||
	    present_dates(&pr, p, o->today) != 0) {
		present_release(&pr);
		return cli_nomem();
	}
	for (i = 0; i < pr.n; i++)
		if (pr.lines[i].role != PRESENT_BLANK)
			printf("%s\n", pr.lines[i].text);
	present_release(&pr);
	return code;
}

/* print_json: R as one JSON line, then the exit CODE, or EXIT_NOMEM. */
static int
print_json(const struct check_opts *o, const struct aipolicy *p,
    const struct aipolicy_walk_result *r, const struct aipolicy_given *given,
    size_t n, int code)
{
	struct aipolicy_result_json *rj = aipolicy_result_json_new(p, o->today);
	char *out = NULL;
	size_t len = 0, cap = 0;

	if (rj == NULL || aipolicy_result_json_render(rj, r, given, n, 0, &out,
	    &len, &cap) != 0) {
		code = nomem(true);
	} else {
		fwrite(out, 1, len, stdout);
		putchar('\n');
	}
	free(out);
	aipolicy_result_json_free(rj);
	return code;
}

/*
 * check_one: the result for the N answers GIVEN. A verdict is logged (and
 * synced) before anything is printed: a result on stdout has been logged,
 * and one that could not be logged is not printed.
 */
static int
check_one(const struct check_opts *o, const struct aipolicy *p,
    struct aipolicy_given *given, size_t n, struct decision_log *log)
{
	struct aipolicy_walker *w = aipolicy_walker_new(p);
	struct aipolicy_walk_result r;
	int code;

	if (w == NULL || aipolicy_walker_run(w, given, n, o->flags, &r) != 0) {
		aipolicy_walker_free(w);
		return nomem(o->json);
	}
	if (r.status == AIPOLICY_WALK_BAD_ANSWER) {
		code = bad_answer(o, p, &given[r.bad]);
		aipolicy_walker_free(w);
		return code;
	}
	warn_unknown(o, p, &r, given);
	code = exit_for(&r);
	if (log != NULL && r.status == AIPOLICY_WALK_VERDICT) {
		if (log_record(log, p, &r) != 0)
			code = nomem(o->json);
		else if (decision_log_flush(log) != 0)
			code = log_failed(o->log_path, "write", errno, o->json);
	}
	if (code == exit_for(&r))
		code = o->json ? print_json(o, p, &r, given, n, code) :
		    print_text(o, p, &r, given, n, code);
	aipolicy_walker_free(w);
	return code;
}

/*
 * run_line: the answer line for the query LINE (LEN bytes, line LINENO),
 * made by the core's batch module (as serve's /v1/batch), onto br->out;
 * its record buffered when it is a verdict. 0, or -1 when out of memory.
 */
static int
run_line(struct batch_run *br, const char *line, size_t len, size_t lineno)
{
	const struct aipolicy_walk_result *r;
	enum batch_status st;
	int rc;

	rc = batch_line(br->b, line, len, lineno, &st, &br->out, &br->len,
	    &br->cap);
	r = batch_result(br->b);
	if (st == BATCH_ERROR)
		br->code = EXIT_DATAERR;
	if (rc == 0 && st == BATCH_ANSWERED && br->log != NULL &&
	    r->status == AIPOLICY_WALK_VERDICT)
		rc = log_record(br->log, br->p, r);
	return rc;
}

static int
write_out(char *out, size_t *len)
{
	if (*len > 0 && fwrite(out, 1, *len, stdout) != *len)
		return -1;
	*len = 0;
	return 0;
}

/*
 * chunk_done: the answer lines in b->out are complete: sync their
 * records, then print them (never a line whose record is not on disk).
 * EXIT_OK, EXIT_IOERR after a log failure (nothing printed), or -1 when
 * stdout failed (cli_finish reports it).
 */
static int
chunk_done(struct batch_run *br)
{
	if (br->log != NULL && decision_log_flush(br->log) != 0)
		return log_failed(br->o->log_path, "write", errno, false);
	return write_out(br->out, &br->len) == 0 ? EXIT_OK : -1;
}

/* check_batch: one answer line per JSON line of stdin (check --batch). */
static int
check_batch(const struct check_opts *o, const struct aipolicy *p,
    struct decision_log *log)
{
	struct batch_run br = { o, p, log, NULL,
	    aipolicy_result_json_new(p, o->today), NULL, 0, 0, EXIT_OK };
	const char *query;
	char *line = NULL;
	size_t lcap = 0, lineno = 0, k, pos;
	ssize_t got;
	int done;

	br.b = br.rj != NULL ? batch_new(p, br.rj, o->flags) : NULL;
	done = br.b == NULL ? cli_nomem() : EXIT_OK;
	while (done == EXIT_OK && (got = getline(&line, &lcap, stdin)) >= 0) {
		pos = 0;
		batch_next_line(line, (size_t)got, &pos, &query, &k);
		if (run_line(&br, query, k, ++lineno) != 0)
			done = cli_nomem();
		else if (br.len >= CHUNK)
			done = chunk_done(&br);
	}
	if (done == EXIT_OK)
		done = chunk_done(&br);
	/* as report and diff --log say a log they cannot read */
	if (done == EXIT_OK && ferror(stdin))
		done = cli_error(EXIT_NOINPUT, "cannot read standard input: "
		    "%s", strerror(errno));
	free(line);
	free(br.out);
	batch_free(br.b);
	aipolicy_result_json_free(br.rj);
	/* stdout failing (-1) is left to cli_finish */
	return done == EXIT_OK || done == -1 ? br.code : done;
}

/*
 * parse_answers: the QUESTION=ANSWER arguments from argv[FIRST] on into
 * GIVEN (room for argc entries), pointing into argv; *N of them. EXIT_OK,
 * or EXIT_USAGE after saying why.
 */
static int
parse_answers(int argc, char **argv, int first, struct aipolicy_given *given,
    size_t *n)
{
	size_t i, j;
	char *eq;

	*n = 0;
	for (i = (size_t)first; i < (size_t)argc; i++) {
		eq = strchr(argv[i], '=');
		if (eq == NULL || eq == argv[i])
			return cli_usage_error("check", "'%s' is not "
			    "QUESTION=ANSWER", argv[i]);
		given[*n].question = argv[i];
		given[*n].question_len = (size_t)(eq - argv[i]);
		given[*n].answer = eq + 1;
		given[*n].answer_len = strlen(eq + 1);
		for (j = 0; j < *n; j++) {
			if (given[j].question_len == given[*n].question_len &&
			    memcmp(given[j].question, given[*n].question,
			    given[*n].question_len) == 0)
				return cli_usage_error("check", "question "
				    "'%.*s' is answered twice",
				    (int)given[*n].question_len,
				    given[*n].question);
		}
		(*n)++;
	}
	return EXIT_OK;
}

/*
 * print_answer_list: for shell completion (--list-answers, not in --help):
 * one line "QUESTION<TAB>ANSWER" per answer of P, questions in file order,
 * answers in the policy's order; in ANSWER, a backslash, a tab and a
 * newline are written as a backslash followed by '\\', 't' and 'n'.
 */
static void
print_answer_list(const struct aipolicy *p)
{
	const char *s;
	size_t i, j;

	for (i = 0; i < p->nquestions; i++) {
		for (j = 0; j < p->questions[i].nanswers; j++) {
			printf("%s\t", p->questions[i].id);
			for (s = p->questions[i].answers[j].key; *s; s++) {
				if (*s == '\\')
					fputs("\\\\", stdout);
				else if (*s == '\t')
					fputs("\\t", stdout);
				else if (*s == '\n')
					fputs("\\n", stdout);
				else
					putchar(*s);
			}
			putchar('\n');
		}
	}
}

/* parse_options: the options into O, up to the policy (argv[optind]).
 * EXIT_OK with o->policy_path set; EXIT_OK after --help (with
 * o->policy_path NULL); or EXIT_USAGE after saying why. */
static int
parse_options(int argc, char **argv, struct check_opts *o)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "batch", no_argument, NULL, 'b' },
		{ "worst-case", no_argument, NULL, 'w' },
		{ "log", required_argument, NULL, 'l' },
		{ "today", required_argument, NULL, 't' },
		{ "lang", required_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ "list-answers", no_argument, NULL, 'A' },
		{ NULL, 0, NULL, 0 },
	};
	const char *today = NULL;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'j': o->json = true; break;
		case 'b': o->batch = true; break;
		case 'w': o->flags |= AIPOLICY_WALK_WORST_CASE; break;
		case 'l': o->log_path = optarg; break;
		case 't': today = optarg; break;
		case 'L':
			if (!cli_parse_lang("check", optarg))
				return EXIT_USAGE;
			o->lang = optarg;
			break;
		case 'A': o->list = true; break;
		case 'h': return cli_finish(cli_usage("check", stdout));
		default: return cli_bad_option("check", c, argv);
		}
	}
	if (optind >= argc)
		return cli_usage_error("check", "no policy file given");
	if (today != NULL && !cli_parse_today(today, &o->today))
		return cli_usage("check", stderr);
	if (today == NULL)
		o->today = aipolicy_date_today();
	if (o->list && optind + 1 < argc) {
		cli_error(0, "check --list-answers takes a policy only ('%s')",
		    argv[optind + 1]);
		return cli_usage("check", stderr);
	}
	if (o->batch && optind + 1 < argc) {
		cli_error(0, "check --batch reads its answers from standard "
		    "input, not from arguments ('%s')", argv[optind + 1]);
		return cli_usage("check", stderr);
	}
	o->policy_path = argv[optind];
	return EXIT_OK;
}

/* run: load the policy, open the log, then the result for the N answers
 * GIVEN (or the batch). The exit code, stdout checked. */
static int
run(const struct check_opts *o, struct aipolicy_given *given, size_t n)
{
	struct cli_shown shown;
	const struct aipolicy *p;
	struct decision_log *log = NULL;
	bool json = o->json || o->batch;
	char *msg = NULL;
	int code;

	/* The digest names the policy in JSON and in the log only. */
	code = cli_load_shown("check", o->policy_path, o->lang,
	    json || o->log_path != NULL ? AIPOLICY_LOAD_DIGEST : 0, &shown,
	    &msg);
	p = shown.policy;
	if (code != EXIT_OK) {
		if (json && code != EXIT_USAGE)
			print_json_error(msg ? msg : "invalid policy");
		free(msg);
		cli_shown_release(&shown);
		return cli_finish(code);
	}
	if (o->list) {
		print_answer_list(p);
		cli_shown_release(&shown);
		return cli_finish(EXIT_OK);
	}
	/* The log is opened before anything is walked. */
	if (o->log_path != NULL && (log = decision_log_open(o->log_path)) ==
	    NULL)
		code = errno == ENOMEM ? nomem(json) :
		    log_failed(o->log_path, "open", errno, json);
	if (code == EXIT_OK)
		code = warn_dates(o, p);
	if (code == EXIT_OK)
		code = o->batch ? check_batch(o, p, log) :
		    check_one(o, p, given, n, log);
	if (log != NULL && decision_log_close(log) != 0 && code != EXIT_IOERR)
		code = log_failed(o->log_path, "write", errno, false);
	cli_shown_release(&shown);
	return cli_finish(code);
}

int
cmd_check(int argc, char **argv)
{
	struct check_opts o = {
		false, false, 0, NULL, NULL, 0, NULL, false, NULL
	};
	struct aipolicy_given *given = NULL;
	struct words words;
	size_t n = 0;
	int code;

	code = parse_options(argc, argv, &o);
	if (code != EXIT_OK || o.policy_path == NULL)
		return code;
	/* --batch says nothing to people: no catalogue to read */
	o.words = &words_english;
	if (!o.batch && !o.list) {
		if (words_load(&words, o.lang) != 0)
			return cli_finish(cli_nomem());
		o.words = &words;
	}
	if ((given = calloc((size_t)argc, sizeof *given)) == NULL)
		return cli_finish(cli_nomem());
	code = parse_answers(argc, argv, optind + 1, given, &n);
	if (code == EXIT_OK)
		code = run(&o, given, n);
	free(given);
	return code;
}

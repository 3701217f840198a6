/*
 * cmd-check.c: aipolicy check: the verdict for a set of answers, as an
 * exit code and text or JSON; or, with --batch, for JSON lines on stdin.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "aipolicy/exit.h"
#include "aipolicy/result.h"
#include "aipolicy/text.h"
#include "aipolicy/walk.h"
#include "cmd.h"
#include "decision-log.h"

/* Output is written in chunks of this size; the log is synced per chunk. */
#define CHUNK 65536

struct check_opts {
	bool json, batch;
	unsigned flags;
	const char *log_path;
	date_t today;
};

static int
exit_for(const struct walk_result *r)
{
	if (r->status == WALK_INCOMPLETE)
		return EXIT_INCOMPLETE;
	return verdict_exit_code(r->outcome->verdict);
}

/* Print S with anything a terminal would interpret replaced. */
static void
put_text(const char *s)
{
	char *safe = text_sanitize(s, strlen(s), 0);

	fputs(safe != NULL ? safe : "?", stdout);
	free(safe);
}

/*
 * For each question the person was not sure about, the answers that would
 * give a less restrictive verdict (a second walker: R stays valid).
 */
static void
print_alternatives(const struct policy *p, const struct walk_result *r,
    const struct given *given, size_t n, unsigned flags)
{
	struct walker *w = walker_new(p);
	bool *better;
	size_t i, a, shown;

	for (i = 0; w != NULL && i < r->nunsure; i++) {
		const struct question *q = &p->questions[r->unsure[i]];
		better = calloc(q->nanswers, sizeof *better);
		if (better == NULL || walker_less_restrictive(w, given, n,
		    flags, r->unsure[i], r->outcome->verdict, better) != 0) {
			free(better);
			break;
		}
		fputs("  ", stdout);
		put_text(q->label);
		for (a = 0, shown = 0; a < q->nanswers; a++) {
			if (!better[a])
				continue;
			fputs(shown++ ? "', '" : " less restrictive if '", stdout);
			put_text(q->answers[a].key);
		}
		puts(shown ? "'" : " no answer would change the verdict");
		free(better);
	}
	walker_free(w);
}

static void
print_text(const struct policy *p, const struct walk_result *r, bool stale,
    const struct given *given, size_t n, unsigned flags)
{
	const struct outcome *o = r->outcome;
	char date[11];
	size_t i;

	if (r->status == WALK_VERDICT) {
		printf("%s\n  ", verdict_words(o->verdict));
		put_text(o->summary);
		putchar('\n');
		if (o->why != NULL) {
			fputs("Why: ", stdout);
			put_text(o->why);
			putchar('\n');
		}
		if (o->reviewer != NULL) {
			fputs("Reviewer: ", stdout);
			put_text(o->reviewer);
			putchar('\n');
		}
		if (o->disclose)
			puts("Disclose that AI assisted.");
		if (o->nconditions > 0)
			puts("Conditions:");
		for (i = 0; i < o->nconditions; i++) {
			fputs("  - ", stdout);
			put_text(o->conditions[i]);
			putchar('\n');
		}
		if (r->nunsure > 0) {
			puts("Worst case: the most restrictive verdict your "
			    "answers allow. Not sure:");
			print_alternatives(p, r, given, n, flags);
		}
	} else {
		const struct question *q = &p->questions[r->next];
		fputs("Not decided yet. Next question: ", stdout);
		put_text(q->id);
		fputs("\n  ", stdout);
		put_text(q->ask);
		fputs("\n  answers: ", stdout);
		for (i = 0; i < q->nanswers; i++) {
			fputs(i ? ", " : "", stdout);
			put_text(q->answers[i].key);
		}
		putchar('\n');
	}
	if (r->npath > 0) {
		fputs("Path: ", stdout);
		for (i = 0; i < r->npath; i++) {
			const struct question *q =
			    &p->questions[r->path[i].question];
			fputs(i ? " \xE2\x86\x92 " : "", stdout);
			put_text(q->label);
			putchar(' ');
			put_text(q->answers[r->path[i].answer].key);
		}
		putchar('\n');
	}
	fputs("Policy: ", stdout);
	put_text(p->title);
	fputs(" (", stdout);
	put_text(p->version);
	fputs("); questions to ", stdout);
	put_text(p->owner);
	putchar('\n');
	if (stale) {
		date_format(p->review_by, date);
		printf("Warning: this policy was due for review on %s; ask ",
		    date);
		put_text(p->owner);
		puts(" whether it still applies.");
	}
}

/* Print a JSON error object on stdout (for --json). */
static void
print_json_error(const char *msg)
{
	char *out = NULL;
	size_t len = 0, cap = 0;

	if (result_json_error(0, msg, &out, &len, &cap) == 0)
		printf("%s\n", out);
	free(out);
}

/* Report a log failure; returns EXIT_IOERR. */
static int
log_failed(const char *path, int err, bool json)
{
	char msg[600];

	snprintf(msg, sizeof msg, "%s: cannot write the decision log: %s",
	    path, strerror(err));
	if (json)
		print_json_error(msg);
	return cli_file_error(EXIT_IOERR, path,
	    "cannot write the decision log: %s", strerror(err));
}

static int
check_one(const struct check_opts *o, const struct policy *p,
    struct given *given, size_t n, struct decision_log *log, int log_errno)
{
	struct walker *w = walker_new(p);
	struct result_json *rj = NULL;
	struct walk_result r;
	bool stale = policy_is_stale(p, o->today);
	char *out = NULL, *msg;
	size_t len = 0, cap = 0, i;
	int code;

	if (w == NULL || walker_run(w, given, n, o->flags, &r) != 0) {
		walker_free(w);
		return cli_nomem();
	}
	if (r.status == WALK_BAD_ANSWER) {
		msg = result_bad_answer(p, &given[r.bad]);
		if (o->json)
			print_json_error(msg ? msg : "bad answer");
		cli_file_error(0, p->file, "%s", msg ? msg : "bad answer");
		free(msg);
		walker_free(w);
		return EXIT_DATAERR;
	}
	for (i = 0; i < r.nunused; i++) {
		const struct given *g = &given[r.unused[i]];
		if (policy_find_question(p, g->question, g->question_len) < 0)
			fprintf(stderr, "aipolicy: %s: warning: the policy has "
			    "no question '%.*s'; its answer is not used\n",
			    p->file, (int)g->question_len, g->question);
	}
	code = exit_for(&r);
	if (o->json) {
		rj = result_json_new(p, stale);
		if (rj == NULL || result_json_render(rj, &r, given, n, 0, &out,
		    &len, &cap) != 0) {
			code = cli_nomem();
		} else {
			fwrite(out, 1, len, stdout);
			putchar('\n');
		}
		free(out);
		result_json_free(rj);
	} else {
		print_text(p, &r, stale, given, n, o->flags);
	}
	if (o->log_path != NULL && r.status == WALK_VERDICT) {
		if (log == NULL)
			code = log_failed(o->log_path, log_errno, o->json);
		else if (decision_log_add(log, "check", p, r.path, r.npath,
		    r.unsure, r.nunsure, r.outcome) != 0 ||
		    decision_log_flush(log) != 0)
			code = log_failed(o->log_path, errno, o->json);
	}
	walker_free(w);
	return code;
}

/* Parse one batch line into GIVEN; on error, *msg says why (static). */
static json_t *
parse_line(const char *line, size_t len, struct given **given, size_t *n,
    size_t *cap, const char **msg, char *err, size_t errsz)
{
	json_error_t jerr;
	json_t *obj, *v;
	const char *key;
	struct given *ng;

	*n = 0;
	if (memchr(line, '\0', len) != NULL) {
		*msg = "a NUL byte is not allowed in a query";
		return NULL;
	}
	obj = json_loadb(line, len, JSON_REJECT_DUPLICATES,
	    &jerr);
	if (obj == NULL) {
		/* jansson's words for NUL name its own flags: say it plainly. */
		snprintf(err, errsz, "invalid JSON at column %d: %s",
		    jerr.column, strstr(jerr.text, "NUL") != NULL ?
		    "a NUL character is not allowed" : jerr.text);
		*msg = err;
		return NULL;
	}
	if (!json_is_object(obj)) {
		*msg = "a query must be a JSON object of question id -> answer";
		json_decref(obj);
		return NULL;
	}
	if (json_object_size(obj) > *cap) {
		ng = realloc(*given, json_object_size(obj) * sizeof *ng);
		if (ng == NULL) {
			*msg = "out of memory";
			json_decref(obj);
			return NULL;
		}
		*given = ng;
		*cap = json_object_size(obj);
	}
	json_object_foreach(obj, key, v) {
		if (!json_is_string(v)) {
			snprintf(err, errsz, "the answer to '%s' must be a "
			    "string", key);
			*msg = err;
			json_decref(obj);
			return NULL;
		}
		(*given)[*n].question = key;
		(*given)[*n].question_len = strlen(key);
		(*given)[*n].answer = json_string_value(v);
		(*given)[*n].answer_len = json_string_length(v);
		(*n)++;
	}
	return obj;
}

static int
write_out(char *out, size_t *len)
{
	if (*len > 0 && fwrite(out, 1, *len, stdout) != *len)
		return -1;
	*len = 0;
	return 0;
}

static int
check_batch(const struct check_opts *o, const struct policy *p,
    struct decision_log *log, int log_errno)
{
	struct walker *w = walker_new(p);
	struct result_json *rj = result_json_new(p, policy_is_stale(p,
	    o->today));
	struct given *given = NULL;
	struct walk_result r;
	char *line = NULL, *out = NULL, *msg, err[300];
	size_t lcap = 0, len = 0, cap = 0, gcap = 0, n, lineno = 0, k;
	ssize_t got;
	int code = EXIT_OK, rc;
	json_t *obj;
	const char *why;

	if (w == NULL || rj == NULL) {
		walker_free(w);
		result_json_free(rj);
		return cli_nomem();
	}
	if (o->log_path != NULL && log == NULL) {
		walker_free(w);
		result_json_free(rj);
		return log_failed(o->log_path, log_errno, false);
	}
	while ((got = getline(&line, &lcap, stdin)) >= 0) {
		lineno++;
		k = (size_t)got;
		if (k > 0 && line[k - 1] == '\n')
			k--;
		if (k > 0 && line[k - 1] == '\r')
			k--;
		if (k == 0 || strspn(line, " \t") == k)
			continue;
		obj = parse_line(line, k, &given, &n, &gcap, &why, err,
		    sizeof err);
		if (obj == NULL) {
			rc = result_json_error(lineno, why, &out, &len, &cap);
			code = EXIT_DATAERR;
		} else if (walker_run(w, given, n, o->flags, &r) != 0) {
			rc = -1;
		} else if (r.status == WALK_BAD_ANSWER) {
			msg = result_bad_answer(p, &given[r.bad]);
			rc = msg ? result_json_error(lineno, msg, &out, &len,
			    &cap) : -1;
			free(msg);
			code = EXIT_DATAERR;
		} else {
			rc = result_json_render(rj, &r, given, n, lineno, &out,
			    &len, &cap);
			if (rc == 0 && log != NULL && r.status == WALK_VERDICT)
				rc = decision_log_add(log, "check", p, r.path,
				    r.npath, r.unsure, r.nunsure, r.outcome);
		}
		json_decref(obj);
		if (rc != 0) {
			code = cli_nomem();
			break;
		}
		if (out != NULL) {
			out[len++] = '\n'; /* the render left room (cap > len) */
		}
		if (len >= CHUNK) {
			if (write_out(out, &len) != 0)
				break;
			if (log != NULL && decision_log_flush(log) != 0) {
				code = log_failed(o->log_path, errno, false);
				break;
			}
		}
	}
	if (code != EXIT_IOERR && write_out(out, &len) == 0 && log != NULL &&
	    decision_log_flush(log) != 0)
		code = log_failed(o->log_path, errno, false);
	if (ferror(stdin))
		code = cli_error(EXIT_IOERR, "cannot read standard input: %s",
		    strerror(errno));
	free(line);
	free(out);
	free(given);
	walker_free(w);
	result_json_free(rj);
	return code;
}

int
cmd_check(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "batch", no_argument, NULL, 'b' },
		{ "worst-case", no_argument, NULL, 'w' },
		{ "log", required_argument, NULL, 'l' },
		{ "today", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct check_opts o = { false, false, 0, NULL, 0 };
	struct policy *p = NULL;
	struct decision_log *log = NULL;
	struct given *given = NULL;
	const char *today = NULL;
	char *msg = NULL, *eq;
	size_t n = 0, i, j;
	int c, code, log_errno = 0;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'j': o.json = true; break;
		case 'b': o.batch = true; break;
		case 'w': o.flags |= WALK_WORST_CASE; break;
		case 'l': o.log_path = optarg; break;
		case 't': today = optarg; break;
		case 'h': return cli_finish(cli_usage("check", stdout));
		default:
			cli_error(0, "check: %s '%s'", c == ':' ?
			    "missing argument for" : "unknown option",
			    argv[optind - 1]);
			return cli_usage("check", stderr);
		}
	}
	if (optind >= argc) {
		cli_error(0, "check: no policy file given");
		return cli_usage("check", stderr);
	}
	if (today != NULL && !cli_parse_today(today, &o.today))
		return EXIT_USAGE;
	if (today == NULL)
		o.today = date_today();
	if (o.batch && optind + 1 < argc) {
		cli_error(0, "check --batch reads its answers from standard "
		    "input, not from arguments ('%s')", argv[optind + 1]);
		return cli_usage("check", stderr);
	}
	given = calloc((size_t)argc, sizeof *given);
	if (given == NULL)
		return cli_nomem();
	for (i = (size_t)optind + 1; i < (size_t)argc; i++) {
		eq = strchr(argv[i], '=');
		if (eq == NULL || eq == argv[i]) {
			cli_error(0, "check: '%s' is not QUESTION=ANSWER",
			    argv[i]);
			free(given);
			return cli_usage("check", stderr);
		}
		given[n].question = argv[i];
		given[n].question_len = (size_t)(eq - argv[i]);
		given[n].answer = eq + 1;
		given[n].answer_len = strlen(eq + 1);
		for (j = 0; j < n; j++) {
			if (given[j].question_len == given[n].question_len &&
			    memcmp(given[j].question, given[n].question,
			    given[n].question_len) == 0) {
				cli_error(0, "check: question '%.*s' is "
				    "answered twice", (int)given[n].question_len,
				    given[n].question);
				free(given);
				return EXIT_USAGE;
			}
		}
		n++;
	}
	code = cli_load(argv[optind], &p, &msg);
	if (code != EXIT_OK) {
		if (o.json || o.batch)
			print_json_error(msg ? msg : "invalid policy");
		free(msg);
		free(given);
		return cli_finish(code);
	}
	if (o.log_path != NULL) {
		log = decision_log_open(o.log_path);
		log_errno = errno;
	}
	if (o.batch)
		code = check_batch(&o, p, log, log_errno);
	else
		code = check_one(&o, p, given, n, log, log_errno);
	if (log != NULL && decision_log_close(log) != 0 && code != EXIT_IOERR)
		code = log_failed(o.log_path, errno, false);
	policy_free(p);
	free(given);
	c = cli_finish(code);
	return c;
}

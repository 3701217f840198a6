/*
 * test_serve_handler.c: the server's request handling without sockets
 * (src/serve/handler.c, api.c): routing and the order of the errors known
 * before the body, the JSON API's answers and errors, a batch streamed in
 * pieces of any size giving the same bytes, and the decision log records
 * a response carries (made only with a log, never for HEAD).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/batch.h"
#include "handler.h"
#include "server.h"
#include "testutil.h"

static const char policy_yaml[] = TEST_SMALL_POLICY("h");

struct fixture {
	struct server srv;
	struct served *s;
	struct serve_response rs;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct aipolicy *p;
	struct served *s;

	*state = f;
	if (f == NULL)
		return -1;
	p = test_load(policy_yaml, sizeof policy_yaml - 1);
	s = p != NULL ? served_new(p, NULL, NULL) : NULL;
	if (s == NULL)
		return -1;
	server_init(&f->srv, s);
	f->srv.fixed_today = true;
	f->srv.today = 20261128;
	f->s = server_acquire(&f->srv);
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	if (f != NULL) {
		serve_response_release(&f->rs);
		served_release(f->s);
		logq_free(f->srv.logq);
		server_release(&f->srv);
		free(f);
	}
	return 0;
}

/* Route and answer a request; the response is in f->rs. */
static void
ask(struct fixture *f, const char *method, const char *path,
    const char *type, const struct serve_arg *args, size_t nargs,
    const char *body)
{
	struct serve_request rq;
	struct serve_route rt;

	memset(&rq, 0, sizeof rq);
	rq.method = method;
	rq.path = path;
	rq.content_type = type;
	rq.args = args;
	rq.nargs = nargs;
	rq.body = body;
	rq.body_len = body != NULL ? strlen(body) : 0;
	rq.head = strcmp(method, "HEAD") == 0;
	serve_route(method, path, type, rq.body_len, &rt);
	serve_response_release(&f->rs);
	serve_handle(&f->srv, f->s, &rq, &rt, &f->rs);
}

static void
test_route(void **state)
{
	static const struct {
		const char *method, *path, *type;
		uint64_t len;
		int status;
	} cases[] = {
		{ "GET", "/nope", NULL, 0, 404 },
		{ "PUT", "/nope", "text/plain", 1u << 30, 404 },
		{ "PUT", "/v1/check", "text/plain", 1u << 30, 405 },
		{ "get", "/v1/check", NULL, 0, 405 },
		{ "POST", "/v1/check", "text/plain", 1u << 30, 415 },
		{ "POST", "/v1/check", NULL, 0, 415 },
		{ "POST", "/v1/check", "application/json", 65537, 413 },
		{ "POST", "/v1/check", "application/json", 65536, 0 },
		{ "POST", "/v1/check", " application/JSON ;charset=utf-8", 9,
		    0 },
		{ "POST", "/v1/check", "application/jsonx", 9, 415 },
		{ "POST", "/v1/batch", "application/jsonl", 16u << 20, 0 },
		{ "POST", "/v1/batch", "application/x-ndjson",
		    (16u << 20) + 1, 413 },
		{ "POST", "/v1/batch", "application/json", SERVE_LENGTH_UNKNOWN,
		    0 },
		{ "HEAD", "/v1/policy", NULL, 0, 0 },
		{ "POST", "/v1/policy", "application/json", 0, 405 },
		{ "GET", "/healthz", NULL, 0, 0 },
		{ "GET", "/metrics", NULL, 0, 0 },
	};
	struct serve_route rt;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		serve_route(cases[i].method, cases[i].path, cases[i].type,
		    cases[i].len, &rt);
		if (rt.status != cases[i].status)
			print_error("%s %s: %d\n", cases[i].method,
			    cases[i].path, rt.status);
		assert_int_equal(rt.status, cases[i].status);
	}
	serve_route("GET", "/v1/batch", NULL, 0, &rt);
	assert_string_equal(rt.allow, "POST");
	serve_route("POST", "/v1/check", "application/json", 3, &rt);
	assert_int_equal(rt.body_max, SERVE_CHECK_BODY_MAX);
	assert_int_equal(rt.handler, HANDLER_CHECK);
	serve_route("GET", "/v1/check", NULL, 0, &rt);
	assert_int_equal(rt.body_max, 0);
}

static void
test_check(void **state)
{
	struct fixture *f = *state;
	struct serve_arg args[] = {
		{ "data", "yes", 4, 3 }, { "tool", "no", 4, 2 },
		{ "data", "no", 4, 2 },
	};

	ask(f, "GET", "/v1/check", NULL, args, 2, NULL);
	assert_int_equal(f->rs.status, 200);
	assert_non_null(strstr(f->rs.body, "\"outcome\": \"tool.no\""));
	assert_int_equal(f->rs.body[f->rs.len - 1], '\n');
	assert_int_equal(f->rs.verdicts[AIPOLICY_VERDICT_DO_NOT_USE], 1);
	assert_null(f->rs.records);
	ask(f, "GET", "/v1/check", NULL, args, 3, NULL);
	assert_int_equal(f->rs.status, 400);
	assert_non_null(strstr(f->rs.body, "question 'data' is answered "
	    "twice"));
	ask(f, "POST", "/v1/check", "application/json",
	    NULL, 0, "{\"answers\": {\"data\": \"?\"}, \"worst_case\": true}");
	assert_int_equal(f->rs.status, 200);
	assert_non_null(strstr(f->rs.body, "\"unsure\": [\"data\""));
	ask(f, "POST", "/v1/check", "application/json", NULL, 0,
	    "{\"answers\": {\"data\": \"x\"}}");
	assert_int_equal(f->rs.status, 422);
	assert_string_equal(f->rs.body, "{\"status\": \"error\", \"error\": "
	    "\"'x' is not an answer of question 'data' (answers: 'yes', "
	    "'no')\"}\n");
	ask(f, "POST", "/v1/check", "application/json", NULL, 0,
	    "{\"answerz\": {}}");
	assert_int_equal(f->rs.status, 400);
	assert_non_null(strstr(f->rs.body, "did you mean 'answers'?"));
	ask(f, "GET", "/v1/check", NULL, NULL, 0, NULL);
	assert_int_equal(f->rs.status, 200);
	assert_non_null(strstr(f->rs.body, "\"status\": \"incomplete\""));
	assert_int_equal(f->rs.verdicts[AIPOLICY_VERDICT_USE_FREELY] +
	    f->rs.verdicts[AIPOLICY_VERDICT_DO_NOT_USE], 0);
}

/* Everything a streamed response gives, read CHUNK bytes at a time. */
static char *
drain(struct serve_stream *st, size_t chunk, size_t *len)
{
	char *out = NULL, buf[256];
	ssize_t n;

	*len = 0;
	while ((n = serve_stream_read(st, buf, chunk)) > 0) {
		out = realloc(out, *len + (size_t)n + 1);
		assert_non_null(out);
		memcpy(out + *len, buf, (size_t)n);
		*len += (size_t)n;
		out[*len] = '\0';
	}
	assert_int_equal(n, 0);
	return out;
}

static void
test_batch_stream(void **state)
{
	struct fixture *f = *state;
	static const char body[] = "{\"data\": \"no\"}\n\nbad\n"
	    "{\"data\": \"yes\", \"tool\": \"no\"}\r\n{\"data\": \"yes\"}";
	struct batch *b = batch_new(f->s->p,
	    served_result(&f->s->langs[0], 20261128), 0);
	enum batch_status st;
	char *want = NULL, *got;
	size_t wlen = 0, wcap = 0, pos = 0, n, lineno = 0, glen, chunk;
	const char *line;

	assert_non_null(b);
	while (batch_next_line(body, sizeof body - 1, &pos, &line, &n))
		assert_int_equal(batch_line(b, line, n, ++lineno, &st, &want,
		    &wlen, &wcap), 0);
	batch_free(b);
	for (chunk = 1; chunk <= 256; chunk *= 4) {
		ask(f, "POST", "/v1/batch", "application/x-ndjson", NULL, 0,
		    body);
		assert_int_equal(f->rs.status, 200);
		assert_non_null(f->rs.stream);
		got = drain(f->rs.stream, chunk, &glen);
		assert_int_equal(glen, wlen);
		assert_memory_equal(got, want, wlen);
		free(got);
	}
	free(want);
}

static void
test_records(void **state)
{
	struct fixture *f = *state;
	struct serve_arg args[] = { { "data", "no", 4, 2 } };

	f->srv.logq = logq_new("/dev/null", &f->srv.metrics);
	assert_non_null(f->srv.logq);
	ask(f, "GET", "/v1/check", NULL, args, 1, NULL);
	assert_non_null(f->rs.records);
	assert_int_equal(f->rs.records[f->rs.records_len - 1], '\n');
	assert_non_null(strstr(f->rs.records, "\"via\": \"serve\""));
	ask(f, "HEAD", "/v1/check", NULL, args, 1, NULL);
	assert_int_equal(f->rs.status, 200);
	assert_null(f->rs.records);
	ask(f, "POST", "/v1/batch", "application/x-ndjson", NULL, 0,
	    "{\"data\": \"no\"}\n{\"data\": \"yes\"}\n"
	    "{\"data\": \"yes\", \"tool\": \"no\"}\n");
	assert_non_null(f->rs.records);
	assert_non_null(strstr(f->rs.records, "\"outcome\": \"free\""));
	assert_non_null(strstr(f->rs.records, "\"outcome\": \"tool.no\""));
	assert_int_equal(f->rs.records[f->rs.records_len - 1], '\n');
	assert_ptr_equal(strchr(f->rs.records, '\n') + 1 +
	    strlen(strchr(f->rs.records, '\n') + 1),
	    f->rs.records + f->rs.records_len);
}

static void
test_small_endpoints(void **state)
{
	struct fixture *f = *state;

	ask(f, "GET", "/healthz", NULL, NULL, 0, NULL);
	assert_int_equal(f->rs.status, 200);
	assert_string_equal(f->rs.body, "ok\n");
	ask(f, "GET", "/metrics", NULL, NULL, 0, NULL);
	assert_int_equal(f->rs.status, 200);
	assert_non_null(strstr(f->rs.body, "aipolicy_policy_info{id=\"h\","
	    "version=\"v\",sha256=\""));
	assert_non_null(strstr(f->rs.body, "\naipolicy_policy_stale 0\n"));
	ask(f, "GET", "/v1/policy", NULL, NULL, 0, NULL);
	assert_int_equal(f->rs.status, 200);
	assert_non_null(strstr(f->rs.body, "\"stale\": false, \"in_force\": "
	    "true}\n"));
	f->srv.today = 20270101;
	ask(f, "GET", "/v1/policy", NULL, NULL, 0, NULL);
	assert_non_null(strstr(f->rs.body, "\"stale\": true, \"in_force\": "
	    "true}\n"));
	f->srv.today = 20260101;
	ask(f, "GET", "/v1/policy", NULL, NULL, 0, NULL);
	assert_non_null(strstr(f->rs.body, "\"stale\": false, \"in_force\": "
	    "false}\n"));
	ask(f, "PUT", "/metrics", NULL, NULL, 0, NULL);
	assert_int_equal(f->rs.status, 405);
	assert_string_equal(f->rs.allow, "GET, HEAD");
}

/* Serve the fixture's policy anew with the words of LW (catalogues
 * only: no translation). */
static void
serve_with_words(struct fixture *f, const struct langs_words *lw)
{
	struct aipolicy *p = test_load(policy_yaml, sizeof policy_yaml - 1);
	struct served *s;

	assert_non_null(p);
	s = served_new(p, NULL, lw);
	assert_non_null(s);
	server_swap(&f->srv, s);
	served_release(f->s);
	f->s = server_acquire(&f->srv);
}

/* The web walk speaks the words of the page's language: English, or
 * German from its catalogue (the policy's texts stay its own). */
static void
test_walk_words(void **state)
{
	struct fixture *f = *state;
	struct serve_arg unsure[] = {
		{ "lang", "de", 4, 2 }, { "data", "?", 4, 1 },
	};
	struct serve_arg stop[] = {
		{ "lang", "de", 4, 2 }, { "data", "yes", 4, 3 },
		{ "tool", "no", 4, 2 },
	};
	struct serve_arg bad[] = {
		{ "lang", "de", 4, 2 }, { "data", "x", 4, 1 },
	};
	struct langs_words lw;

	ask(f, "GET", "/walk", NULL, NULL, 0, NULL);
	assert_int_equal(f->rs.status, 200);
	assert_non_null(strstr(f->rs.body, "<html lang=\"en\" dir=\"ltr\">"));
	assert_non_null(strstr(f->rs.body, ">Not sure</label>"));
	assert_non_null(strstr(f->rs.body, ">Continue</button>"));

	assert_int_equal(langs_words_load(&lw), 0);
	serve_with_words(f, &lw);
	ask(f, "GET", "/walk", NULL, unsure, 1, NULL);
	assert_non_null(strstr(f->rs.body, "<html lang=\"de\" dir=\"ltr\">"));
	assert_non_null(strstr(f->rs.body, "\">Version v</span>"));
	assert_non_null(strstr(f->rs.body, ">Weiß nicht</label>"));
	assert_non_null(strstr(f->rs.body, ">Weiter</button>"));
	assert_null(strstr(f->rs.body, "Continue"));
	ask(f, "GET", "/walk", NULL, unsure, 2, NULL);
	assert_non_null(strstr(f->rs.body, "Bisher schlimmstenfalls: Keine KI "
	    "nutzen."));
	assert_non_null(strstr(f->rs.body, ">Zurück</a>"));
	ask(f, "GET", "/walk", NULL, stop, 3, NULL);
	assert_int_equal(f->rs.status, 200);
	assert_non_null(strstr(f->rs.body, "<title>Entscheidung: Keine KI "
	    "nutzen"));
	assert_non_null(strstr(f->rs.body, "<h2>Ihre Antworten</h2>"));
	assert_non_null(strstr(f->rs.body, ">Ändern<span"));
	assert_non_null(strstr(f->rs.body, ">Von vorn beginnen</a>"));
	assert_null(strstr(f->rs.body, "Ihre Antworten:"));
	ask(f, "GET", "/walk", NULL, bad, 2, NULL);
	assert_int_equal(f->rs.status, 400);
	assert_non_null(strstr(f->rs.body, "<h1>Dieser Link funktioniert "
	    "nicht</h1>"));
	assert_non_null(strstr(f->rs.body, "&#39;x&#39; ist keine Antwort"));
	langs_words_release(&lw);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_route),
		cmocka_unit_test_setup_teardown(test_check, setup, teardown),
		cmocka_unit_test_setup_teardown(test_batch_stream, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_records, setup, teardown),
		cmocka_unit_test_setup_teardown(test_small_endpoints, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_walk_words, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_serve_lang.c: the server in several languages, without sockets
 * (src/serve/served.c, reqlang.c, langs.c, web.c, api.c): the languages
 * of a policy (its own, its translations, the program's catalogues), the
 * choice by ?lang= and by Accept-Language, pages in the language with
 * their direction, ?lang= kept in links and forms, links to the other
 * languages, answers shown as translated and carried as keys, the JSON
 * API translated with keys kept, unknown languages, a policy with a
 * question 'lang', and hostile values that must only be answered.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/translation.h"
#include "handler.h"
#include "langs.h"
#include "server.h"
#include "testutil.h"

/* Bytes of a hostile header or parameter. */
#define HUGE_SIZE (100u * 1024)

static const char policy_yaml[] = TEST_SMALL_POLICY("h");

static const char german_yaml[] =
	"aipolicy-translation: 1\n"
	"policy: h\n"
	"version: v\n"
	"language: de\n"
	"title: T-de\n"
	"questions:\n"
	"  data:\n"
	"    ask: Daten?\n"
	"    answers: { yes: ja, no: nein }\n"
	"outcomes:\n"
	"  free: { summary: Los. }\n"
	"  tool.no: { summary: Halt. }\n";

/* Arabic: a language written right to left, with no catalogue. */
static const char arabic_yaml[] =
	"aipolicy-translation: 1\n"
	"policy: h\n"
	"version: v\n"
	"language: ar\n"
	"questions:\n"
	"  data:\n"
	"    ask: \xD8\xA8\xD9\x8A\xD8\xA7\xD9\x86\xD8\xA7\xD8\xAA\xD8\x9F\n";

/* A policy with a question 'lang': ?lang= is its answer. */
static const char lang_question_yaml[] =
	"aipolicy: 1\n"
	"id: l\n"
	"title: L\n"
	"version: v\n"
	"owner: O\n"
	"effective: 2026-10-01\n"
	"review_by: 2026-12-31\n"
	"start: lang\n"
	"questions:\n"
	"  lang:\n"
	"    ask: Which language?\n"
	"    answers:\n"
	"      de: free\n"
	"      en: { verdict: do-not-use, summary: Stop. }\n"
	"outcomes:\n"
	"  free: { verdict: use-freely, summary: Go. }\n";

struct fixture {
	struct langs_words lw;
	struct server srv;
	struct served *s;
	struct serve_response rs;
	const char *accept;        /* the Accept-Language of the next ask */
};

/* A translation of P from YAML, which must load. */
static struct translation *
translation(const struct aipolicy *p, const char *name, const char *yaml)
{
	struct translation *t = NULL;
	struct aipolicy_diags d;

	aipolicy_diags_init(&d, name);
	assert_int_equal(translation_load_buffer(name, yaml, strlen(yaml), p,
	    &t, &d), AIPOLICY_OK);
	aipolicy_diags_release(&d);
	return t;
}

/* Serve the policy YAML with TRANSLATED (its German and Arabic
 * translations) and the catalogues of the build tree. */
static int
serve(void **state, const char *yaml, bool translated)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct translation_set tr;
	struct aipolicy *p;
	struct served *s;

	*state = f;
	if (f == NULL || langs_words_load(&f->lw) != 0)
		return -1;
	p = test_load(yaml, strlen(yaml));
	if (p == NULL)
		return -1;
	translation_set_init(&tr, p);
	if (translated && (translation_set_add(&tr, translation(p, "t.ar.yaml",
	    arabic_yaml)) != 0 || translation_set_add(&tr, translation(p,
	    "t.de.yaml", german_yaml)) != 0))
		return -1;
	s = served_new(p, &tr, &f->lw);
	if (s == NULL)
		return -1;
	server_init(&f->srv, s);
	f->srv.fixed_today = true;
	f->srv.today = 20261128;
	f->srv.words = &f->lw;
	f->s = server_acquire(&f->srv);
	return 0;
}

static int
setup(void **state)
{
	return serve(state, policy_yaml, true);
}

static int
setup_lang_question(void **state)
{
	return serve(state, lang_question_yaml, false);
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	if (f != NULL) {
		serve_response_release(&f->rs);
		served_release(f->s);
		logq_free(f->srv.logq);
		if (f->srv.current != NULL)
			server_release(&f->srv);
		langs_words_release(&f->lw);
		free(f);
	}
	return 0;
}

/* Route and answer a request with the query QUERY ("a=b&c", not
 * percent-encoded); the response is in f->rs. */
static void
ask(struct fixture *f, const char *method, const char *path,
    const char *query, const char *body)
{
	struct serve_arg args[16];
	struct serve_request rq;
	struct serve_route rt;
	char q[512], *part, *eq, *save = NULL;
	size_t n = 0;

	snprintf(q, sizeof q, "%s", query != NULL ? query : "");
	for (part = strtok_r(q, "&", &save); part != NULL && n < 16;
	    part = strtok_r(NULL, "&", &save)) {
		eq = strchr(part, '=');
		if (eq != NULL)
			*eq++ = '\0';
		args[n++] = (struct serve_arg){ part, eq, strlen(part),
		    eq != NULL ? strlen(eq) : 0 };
	}
	memset(&rq, 0, sizeof rq);
	rq.method = method;
	rq.path = path;
	rq.content_type = body != NULL ? "application/json" : NULL;
	rq.accept_language = f->accept;
	rq.args = args;
	rq.nargs = n;
	rq.body = body;
	rq.body_len = body != NULL ? strlen(body) : 0;
	serve_route(method, path, rq.content_type, rq.body_len, &rt);
	serve_response_release(&f->rs);
	serve_handle(&f->srv, f->s, &rq, &rt, &f->rs);
}

/* The body of f->rs holds S. */
static void
has(struct fixture *f, const char *s)
{
	if (f->rs.body == NULL || strstr(f->rs.body, s) == NULL)
		print_error("no '%s' in:\n%s\n", s, f->rs.body);
	assert_non_null(f->rs.body);
	assert_non_null(strstr(f->rs.body, s));
}

/* The policy's own texts, each translation, and the catalogues that no
 * translation serves already, each named in itself. */
static void
test_languages(void **state)
{
	struct fixture *f = *state;
	const char *want[] = { "en", "ar", "de", "fr" };
	const char *names[] = { "English", "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1"
	    "\xD8\xA8\xD9\x8A\xD8\xA9", "Deutsch", "Fran\xC3\xA7" "ais" };
	size_t i;

	assert_int_equal(f->s->nlangs, 4);
	for (i = 0; i < 4; i++) {
		assert_string_equal(f->s->langs[i].tag, want[i]);
		assert_string_equal(f->s->langs[i].name, names[i]);
	}
	assert_ptr_equal(f->s->langs[0].view, f->s->p);
	assert_ptr_not_equal(f->s->langs[2].view, f->s->p);
	/* French has the program's words only: the policy's own texts */
	assert_ptr_equal(f->s->langs[3].view, f->s->p);
	assert_string_equal(f->s->langs[3].words->tag, "fr");
	/* Arabic has no catalogue: English words */
	assert_true(f->s->langs[1].words->english);
	assert_string_equal(f->s->langs[2].words->tag, "de");
}

static void
test_names(void **state)
{
	char name[LANGS_NAME_SIZE];

	(void)state;
	langs_name("de-CH", name);
	assert_string_equal(name, "Deutsch (CH)");
	langs_name("pt-br", name);
	assert_string_equal(name, "Portugu\xC3\xAAs (Brasil)");
	langs_name("tlh", name);
	assert_string_equal(name, "tlh");
}

/* Accept-Language by weight, a region falling back to its language, and
 * Vary on every page the header chose (a ?lang= page has none). */
static void
test_accept(void **state)
{
	struct fixture *f = *state;

	f->accept = "fr-CH, fr;q=0.9";
	ask(f, "GET", "/walk", NULL, NULL);
	assert_int_equal(f->rs.status, 200);
	has(f, "<html lang=\"fr\" dir=\"ltr\">");
	has(f, ">Continuer</button>");
	has(f, "<legend><h1>Data?</h1>");
	assert_true(f->rs.vary_language);
	f->accept = "it, de-AT;q=0.8, fr;q=0.7";
	ask(f, "GET", "/walk", NULL, NULL);
	has(f, "<html lang=\"de\" dir=\"ltr\">");
	has(f, "<legend><h1>Daten?</h1>");
	has(f, ">Weiter</button>");
	f->accept = "de;q=0, xx, *";
	ask(f, "GET", "/walk", NULL, NULL);
	has(f, "<html lang=\"en\" dir=\"ltr\">");
	assert_true(f->rs.vary_language);
	f->accept = "de";
	ask(f, "GET", "/walk", "lang=fr", NULL);
	has(f, "<html lang=\"fr\"");
	assert_false(f->rs.vary_language);
	/* the API reads ?lang= only */
	ask(f, "GET", "/v1/check", "data=no", NULL);
	has(f, "\"summary\": \"Go.\"");
	assert_false(f->rs.vary_language);
}

/* ?lang= first in every link and form, and the links to the other
 * languages keep the answers. */
static void
test_kept(void **state)
{
	struct fixture *f = *state;

	ask(f, "GET", "/walk", "lang=de-AT&data=yes", NULL);
	assert_int_equal(f->rs.status, 200);
	has(f, "<form method=\"get\" action=\"/walk\">\n<input type=\"hidden\" "
	    "name=\"lang\" value=\"de\">\n<input type=\"hidden\" name=\"data\" "
	    "value=\"yes\">\n");
	has(f, "<a href=\"/walk?lang=de\">Zur\xC3\xBC" "ck</a>");
	has(f, "<a href=\"/walk?lang=en&amp;data=yes\" hreflang=\"en\" "
	    "lang=\"en\" dir=\"ltr\">English</a>");
	has(f, "<a href=\"/walk?lang=ar&amp;data=yes\" hreflang=\"ar\" "
	    "lang=\"ar\" dir=\"rtl\">");
	has(f, "<a href=\"/walk?lang=fr&amp;data=yes\" hreflang=\"fr\"");
	assert_null(strstr(f->rs.body, "hreflang=\"de\""));
	has(f, "<nav class=\"languages\" aria-label=\"Sprachen\">");
	ask(f, "GET", "/walk", "lang=de&data=yes&tool=no", NULL);
	has(f, "<h1 class=\"verdict verdict-stop\">");
	has(f, "Halt.");
	has(f, "<a href=\"/walk?lang=de&amp;data=yes\">\xC3\x84ndern");
	has(f, "<nav>\n<a href=\"/walk?lang=de\">Von vorn beginnen</a>");
	/* without ?lang=, links carry none */
	f->accept = "de";
	ask(f, "GET", "/walk", "data=yes", NULL);
	has(f, "<a href=\"/walk\">Zur\xC3\xBC" "ck</a>");
	assert_null(strstr(f->rs.body, "name=\"lang\""));
}

/* Answers are shown as the language shows them, sent and linked as
 * their keys, typed either way. */
static void
test_answers_shown(void **state)
{
	struct fixture *f = *state;

	ask(f, "GET", "/walk", "lang=de", NULL);
	has(f, "value=\"yes\" required><label for=\"answer-1\">ja</label>");
	has(f, "value=\"no\" required><label for=\"answer-2\">nein</label>");
	ask(f, "GET", "/walk", "lang=de&data=JA&tool=No", NULL);
	assert_int_equal(f->rs.status, 200);
	has(f, "<span class=\"answer\">ja</span> <a href=\"/walk?lang=de\">");
	has(f, "<span class=\"answer\">no</span> <a href=\"/walk?lang=de&amp;"
	    "data=yes\">");
	has(f, "<a href=\"/walk?lang=en&amp;data=yes&amp;tool=no\"");
	ask(f, "GET", "/walk", "lang=de&data=nein", NULL);
	has(f, "<span class=\"answer\">nein</span>");
	has(f, "Los.");
	/* the shown text of another language is no answer here */
	ask(f, "GET", "/walk", "lang=fr&data=nein", NULL);
	assert_int_equal(f->rs.status, 400);
	has(f, "<html lang=\"fr\"");
	has(f, "<a href=\"/walk?lang=fr\">");
}

/* An Arabic page is laid out right to left. */
static void
test_rtl(void **state)
{
	struct fixture *f = *state;

	ask(f, "GET", "/walk", "lang=ar", NULL);
	has(f, "<html lang=\"ar\" dir=\"rtl\">");
	has(f, "<legend><h1>\xD8\xA8\xD9\x8A\xD8\xA7\xD9\x86\xD8\xA7\xD8\xAA"
	    "\xD8\x9F</h1>");
	has(f, ">Continue</button>");
}

/* A language there is not: a page in the header's language that says so
 * and links to those there are, its links without ?lang=; the API 404
 * with the list; the root sends a known language on to /walk. */
static void
test_unknown(void **state)
{
	struct fixture *f = *state;

	f->accept = "fr";
	ask(f, "GET", "/walk", "lang=xx&data=yes", NULL);
	assert_int_equal(f->rs.status, 200);
	assert_true(f->rs.vary_language);
	has(f, "<html lang=\"fr\"");
	has(f, "<p class=\"notice\" role=\"note\">Ces pages n&#39;existent pas "
	    "dans la langue &#39;xx&#39;.</p>");
	has(f, "<a href=\"/walk?lang=de&amp;data=yes\" hreflang=\"de\"");
	has(f, "<a href=\"/walk\">Retour</a>");
	ask(f, "GET", "/v1/check", "lang=xx&data=yes", NULL);
	assert_int_equal(f->rs.status, 404);
	assert_string_equal(f->rs.body, "{\"status\": \"error\", \"error\": "
	    "\"the policy is not served in 'xx'; it is served in: en, ar, de, "
	    "fr\"}\n");
	ask(f, "GET", "/v1/policy", "lang=dee", NULL);
	assert_int_equal(f->rs.status, 404);
	has(f, "(did you mean 'de'?)");
	ask(f, "POST", "/v1/batch", "lang=it", "{\"data\": \"no\"}\n");
	assert_int_equal(f->rs.status, 404);
	assert_null(f->rs.stream);
	ask(f, "GET", "/v1/check", "lang=de&lang=fr", NULL);
	assert_int_equal(f->rs.status, 400);
	ask(f, "GET", "/v1/check", "lang=&data=no", NULL);
	assert_int_equal(f->rs.status, 200);
	has(f, "\"summary\": \"Go.\"");
	ask(f, "GET", "/", "lang=de_AT.UTF-8", NULL);
	assert_int_equal(f->rs.status, 303);
	assert_string_equal(f->rs.location, "/walk?lang=de");
	ask(f, "GET", "/", "lang=xx", NULL);
	assert_string_equal(f->rs.location, "/walk");
}

/* The JSON API in a language: the texts shown, the keys the policy's,
 * the labels beside the keys, and the decision log's keys. */
static void
test_api(void **state)
{
	struct fixture *f = *state;
	const char *body;

	ask(f, "GET", "/v1/check", "lang=de&data=ja", NULL);
	assert_int_equal(f->rs.status, 200);
	has(f, "\"path\": [{\"question\": \"data\", \"answer\": \"yes\"}]");
	has(f, "\"answers\": [\"yes\", \"no\"], \"labels\": [\"yes\", \"no\"]");
	ask(f, "GET", "/v1/check", "lang=de", NULL);
	has(f, "\"ask\": \"Daten?\", \"answers\": [\"yes\", \"no\"], "
	    "\"labels\": [\"ja\", \"nein\"]");
	ask(f, "POST", "/v1/check", "lang=de", "{\"answers\": {\"data\": "
	    "\"nein\"}}");
	assert_int_equal(f->rs.status, 200);
	has(f, "\"summary\": \"Los.\"");
	ask(f, "GET", "/v1/check", "lang=de&data=x", NULL);
	assert_int_equal(f->rs.status, 422);
	has(f, "(answers: 'ja', 'nein')");
	ask(f, "GET", "/v1/policy", "lang=de", NULL);
	has(f, "\"title\": \"T-de\"");
	has(f, "\"language\": \"de\", \"stale\": false");
	ask(f, "GET", "/v1/policy", NULL, NULL);
	has(f, "\"title\": \"T\"");
	has(f, "\"language\": null");
	f->srv.logq = logq_new("/dev/null", &f->srv.metrics);
	assert_non_null(f->srv.logq);
	ask(f, "POST", "/v1/batch", "lang=de&worst_case=false",
	    "{\"data\": \"ja\", \"tool\": \"no\"}\n");
	assert_int_equal(f->rs.status, 200);
	assert_non_null(f->rs.records);
	assert_non_null(strstr(f->rs.records, "{\"question\": \"tool\", "
	    "\"answer\": \"no\"}"));
	assert_non_null(strstr(f->rs.records, "\"outcome\": \"tool.no\""));
	assert_null(strstr(f->rs.records, "\"de\""));
	ask(f, "GET", "/walk", "lang=de&data=ja&tool=NO", NULL);
	body = f->rs.records;
	assert_non_null(body);
	assert_non_null(strstr(body, "\"answer\": \"yes\"}, {\"question\": "
	    "\"tool\", \"answer\": \"no\"}]"));
}

/* With a question 'lang', ?lang= answers it: no language is taken from
 * it, and no link offers one. */
static void
test_lang_question(void **state)
{
	struct fixture *f = *state;

	assert_false(f->s->lang_param);
	ask(f, "GET", "/v1/check", "lang=de", NULL);
	assert_int_equal(f->rs.status, 200);
	has(f, "\"outcome\": \"free\"");
	ask(f, "GET", "/walk", "lang=en", NULL);
	has(f, "<h1 class=\"verdict verdict-stop\">");
	assert_null(strstr(f->rs.body, "hreflang"));
	f->accept = "de";
	ask(f, "GET", "/walk", NULL, NULL);
	has(f, "<html lang=\"de\"");
	has(f, ">Weiter</button>");
}

/* Hostile languages are answered, never a crash: a huge header, bytes
 * that are no UTF-8, many entries, a huge or binary ?lang=. */
static void
test_hostile(void **state)
{
	struct fixture *f = *state;
	char *huge = malloc(HUGE_SIZE + 1);
	struct serve_arg arg = { "lang", NULL, 4, 0 };
	struct serve_request rq;
	struct serve_route rt;
	size_t i;

	assert_non_null(huge);
	for (i = 0; i < HUGE_SIZE; i++)
		huge[i] = "de-AT;q=0.5, "[i % 13];
	huge[HUGE_SIZE] = '\0';
	f->accept = huge;
	ask(f, "GET", "/walk", NULL, NULL);
	assert_int_equal(f->rs.status, 200);
	has(f, "<html lang=\"de\"");
	for (i = 0; i < HUGE_SIZE; i++)
		huge[i] = (char)(0x80 + i % 0x7f);
	ask(f, "GET", "/walk", NULL, NULL);
	has(f, "<html lang=\"en\"");
	for (i = 0; i < HUGE_SIZE; i++)
		huge[i] = "xx, "[i % 4];
	memcpy(huge + HUGE_SIZE - 4, ", de", 4);
	ask(f, "GET", "/walk", NULL, NULL);
	assert_int_equal(f->rs.status, 200);
	f->accept = NULL;
	memset(huge, 'a', HUGE_SIZE);
	huge[10] = '\0';
	huge[11] = '\xff';
	arg.value = huge;
	arg.value_len = HUGE_SIZE;
	memset(&rq, 0, sizeof rq);
	rq.method = "GET";
	rq.path = "/walk";
	rq.args = &arg;
	rq.nargs = 1;
	serve_route("GET", "/walk", NULL, 0, &rt);
	serve_response_release(&f->rs);
	serve_handle(&f->srv, f->s, &rq, &rt, &f->rs);
	/* a NUL byte anywhere in the address is a 400 page */
	assert_int_equal(f->rs.status, 400);
	has(f, "<p class=\"notice\" role=\"note\">These pages are not "
	    "available in &#39;aaaaaaaaaa?");
	rq.path = "/v1/check";
	serve_route("GET", "/v1/check", NULL, 0, &rt);
	serve_response_release(&f->rs);
	serve_handle(&f->srv, f->s, &rq, &rt, &f->rs);
	assert_int_equal(f->rs.status, 404);
	assert_true(f->rs.len < 300);
	free(huge);
}

int
main(void)
{
#define T(t) cmocka_unit_test_setup_teardown(t, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_languages),
		cmocka_unit_test(test_names),
		T(test_accept),
		T(test_kept),
		T(test_answers_shown),
		T(test_rtl),
		T(test_unknown),
		T(test_api),
		cmocka_unit_test_setup_teardown(test_lang_question,
		    setup_lang_question, teardown),
		T(test_hostile),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_threads.c: one loaded policy shared by many threads, as the library
 * promises (docs/embedding.md, "Threads"): THREADS threads each answer the
 * same QUERIES queries with a walker of their own and render each result
 * through one shared struct aipolicy_result_json, and every answer must
 * agree with the one a single thread gave. Only the public header is used.
 * `make tsan` runs this under ThreadSanitizer, where any data race fails.
 */
#include <inttypes.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <aipolicy/aipolicy.h>

#define THREADS 8
#define QUERIES 100000
#define TODAY 20261128
#define PERCENT 100
#define ANSWERED_PERCENT 70    /* a question gets an answer */
#define UNSURE_PERCENT 10      /* of those, "?" */
#define BAD_PERCENT 1          /* of those, no answer of the question */
#define WORST_CASE_PERCENT 20  /* a query is asked for its worst case */
#define FNV_OFFSET 0xcbf29ce484222325u
#define FNV_PRIME 0x100000001b3u

struct shared {
	const struct aipolicy *p;
	struct aipolicy_result_json *rj;
	const uint64_t *want;  /* per query: the digest one thread gave */
};

struct job {
	const struct shared *sh;
	uint64_t *got;         /* per query, this thread's digest; or NULL */
	size_t differ;         /* queries whose answer differs from want */
	int failed;            /* out of memory */
};

/* next_random: xorshift64, the same sequence in every thread. */
static uint64_t
next_random(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static uint64_t
fnv1a(const char *s, size_t n)
{
	uint64_t h = FNV_OFFSET;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * FNV_PRIME;
	return h;
}

/* make_query: query K's answers into GIVEN (one entry per question of P at
 * most); how many, and its flags in *FLAGS. */
static size_t
make_query(const struct aipolicy *p, size_t k, struct aipolicy_given *given,
    unsigned *flags)
{
	uint64_t s = k * 2654435761u + 1;
	size_t q, n = 0;

	*flags = next_random(&s) % PERCENT < WORST_CASE_PERCENT ?
	    AIPOLICY_WALK_WORST_CASE : 0;
	for (q = 0; q < p->nquestions; q++) {
		const struct aipolicy_question *qu = &p->questions[q];
		uint64_t r = next_random(&s) % PERCENT;
		const char *a;

		if (r >= ANSWERED_PERCENT)
			continue;
		r = next_random(&s) % PERCENT;
		if (r < BAD_PERCENT)
			a = "no such answer";
		else if (r < BAD_PERCENT + UNSURE_PERCENT)
			a = "?";
		else
			a = qu->answers[next_random(&s) % qu->nanswers].key;
		given[n].question = qu->id;
		given[n].question_len = strlen(qu->id);
		given[n].answer = a;
		given[n].answer_len = strlen(a);
		n++;
	}
	return n;
}

/* answer_all: every query, its digest compared with want (or kept). */
static void *
answer_all(void *arg)
{
	struct job *j = arg;
	const struct aipolicy *p = j->sh->p;
	struct aipolicy_walker *w = aipolicy_walker_new(p);
	struct aipolicy_given *given = calloc(p->nquestions, sizeof *given);
	struct aipolicy_walk_result r;
	char *out = NULL;
	size_t k, n, len, cap = 0;
	unsigned flags;
	uint64_t h;

	for (k = 0; w != NULL && given != NULL && k < QUERIES; k++) {
		n = make_query(p, k, given, &flags);
		len = 0;
		if (aipolicy_walker_run(w, given, n, flags, &r) != 0)
			break;
		if (r.status == AIPOLICY_WALK_BAD_ANSWER)
			h = fnv1a(given[r.bad].answer, given[r.bad].answer_len);
		else if (aipolicy_result_json_render(j->sh->rj, &r, given, n,
		    k + 1, &out, &len, &cap) != 0)
			break;
		else
			h = fnv1a(out, len);
		if (j->got != NULL)
			j->got[k] = h;
		else if (h != j->sh->want[k])
			j->differ++;
	}
	j->failed = k < QUERIES;
	free(out);
	free(given);
	aipolicy_walker_free(w);
	return NULL;
}

static void
test_threads_agree(void **state)
{
	struct aipolicy_diags d;
	struct aipolicy *p = NULL;
	struct shared sh;
	struct job one, jobs[THREADS];
	pthread_t tid[THREADS];
	uint64_t *want = calloc(QUERIES, sizeof *want);
	size_t i;

	(void)state;
	assert_non_null(want);
	aipolicy_diags_init(&d, SOURCE_DIR "/policies/example.yaml");
	assert_int_equal(aipolicy_load_file(d.file, &p, &d), AIPOLICY_OK);
	sh.p = p;
	sh.rj = aipolicy_result_json_new(p, TODAY);
	sh.want = want;
	assert_non_null(sh.rj);

	/* one thread first: the answers to agree with */
	memset(&one, 0, sizeof one);
	one.sh = &sh;
	one.got = want;
	answer_all(&one);
	assert_false(one.failed);

	/* a fresh renderer, so that the threads race to make its "next"
	 * objects */
	aipolicy_result_json_free(sh.rj);
	sh.rj = aipolicy_result_json_new(p, TODAY);
	assert_non_null(sh.rj);
	for (i = 0; i < THREADS; i++) {
		memset(&jobs[i], 0, sizeof jobs[i]);
		jobs[i].sh = &sh;
		assert_int_equal(pthread_create(&tid[i], NULL, answer_all,
		    &jobs[i]), 0);
	}
	for (i = 0; i < THREADS; i++) {
		assert_int_equal(pthread_join(tid[i], NULL), 0);
		assert_false(jobs[i].failed);
		assert_int_equal(jobs[i].differ, 0);
	}
	aipolicy_result_json_free(sh.rj);
	aipolicy_free(p);
	aipolicy_diags_release(&d);
	free(want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_threads_agree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * fuzz_batch.c: libFuzzer target comparing check --batch's strict parser
 * with jansson: any bytes in, cut into lines, each line answered by a
 * batch with the strict parser and by one with jansson alone. The two must
 * give the same status and the same output bytes, and every line the
 * strict parser takes must be one jansson reads as an object with the same
 * answers in the same order. Any difference aborts. Build and run it with
 * `make fuzz` (clang's libFuzzer, with AddressSanitizer and UBSan).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/batch.h"
#include "aipolicy/diag.h"
#include "aipolicy/policy.h"
#include "aipolicy/result.h"

/* Room for an error message of batch_answers. */
#define ERR_SIZE 300

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void setup(void);
static void same_answers(struct batch *fast, const char *line, size_t len,
    size_t n);
static void same_output(const char *line, size_t len, size_t lineno);

static const char policy_yaml[] =
	"aipolicy: 1\n"
	"id: fuzz\n"
	"title: T\n"
	"version: v\n"
	"owner: O\n"
	"effective: 2026-10-01\n"
	"review_by: 2026-12-31\n"
	"start: data\n"
	"questions:\n"
	"  data:\n"
	"    ask: Data?\n"
	"    answers:\n"
	"      yes: tool\n"
	"      no: free\n"
	"  tool:\n"
	"    ask: Tool?\n"
	"    answers:\n"
	"      yes: free\n"
	"      no: { verdict: do-not-use, summary: Stop. }\n"
	"outcomes:\n"
	"  free: { verdict: use-freely, summary: Go. }\n";

/* Made once, kept for the whole run. */
static struct aipolicy *pol;
static struct aipolicy_result_json *rj;
static struct batch *fast, *slow;

static void
setup(void)
{
	struct aipolicy_diags d;

	aipolicy_diags_init(&d, "fuzz.yaml");
	if (aipolicy_load_buffer("fuzz.yaml", policy_yaml,
	    sizeof policy_yaml - 1, &pol, &d) != AIPOLICY_OK)
		abort();
	aipolicy_diags_release(&d);
	rj = aipolicy_result_json_new(pol, 20261128);
	fast = rj != NULL ? batch_new(pol, rj, 0) : NULL;
	slow = rj != NULL ? batch_new(pol, rj, 0) : NULL;
	if (fast == NULL || slow == NULL)
		abort();
	batch_set_fast(slow, false);
}

/* The strict parser took LINE with N answers: jansson reads the same. */
static void
same_answers(struct batch *b, const char *line, size_t len, size_t n)
{
	const struct aipolicy_given *g = batch_given(b);
	struct aipolicy_given *jg = NULL;
	size_t jn = 0, cap = 0, i;
	char err[ERR_SIZE];
	json_t *obj;

	obj = json_loadb(line, len, JSON_REJECT_DUPLICATES, NULL);
	if (obj == NULL || !json_is_object(obj) ||
	    batch_answers(obj, &jg, &jn, &cap, err, sizeof err) != 0 ||
	    jn != n)
		abort();
	for (i = 0; i < n; i++) {
		if (jg[i].question_len != g[i].question_len ||
		    jg[i].answer_len != g[i].answer_len ||
		    memcmp(jg[i].question, g[i].question,
		    g[i].question_len) != 0 ||
		    memcmp(jg[i].answer, g[i].answer, g[i].answer_len) != 0)
			abort();
	}
	free(jg);
	json_decref(obj);
}

/* LINE answered with and without the strict parser: the same. */
static void
same_output(const char *line, size_t len, size_t lineno)
{
	char *a = NULL, *b = NULL;
	size_t alen = 0, acap = 0, blen = 0, bcap = 0;
	enum batch_status sa, sb;

	if (batch_line(fast, line, len, lineno, &sa, &a, &alen, &acap) != 0 ||
	    batch_line(slow, line, len, lineno, &sb, &b, &blen, &bcap) != 0 ||
	    sa != sb || alen != blen || (alen > 0 && memcmp(a, b, alen) != 0))
		abort();
	free(a);
	free(b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data, *line;
	size_t pos = 0, len, n, lineno = 0;
	int rc;

	if (pol == NULL)
		setup();
	while (batch_next_line(buf, size, &pos, &line, &len)) {
		rc = batch_parse_fast(fast, line, len, &n);
		if (rc < 0)
			abort();
		if (rc == 1)
			same_answers(fast, line, len, n);
		same_output(line, len, ++lineno);
	}
	return 0;
}

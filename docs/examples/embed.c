/*
 * embed.c: ask a policy one question from a C program, the way a chat bot
 * or a document system embeds aipolicy: load the policy, walk it with the
 * answers known so far, print the verdict (or the question to ask next),
 * free everything.
 *
 *	cc embed.c $(pkg-config --cflags --libs aipolicy) -o embed
 *	./embed policy.yaml data=no approved_tool=yes
 */
#include <stdio.h>
#include <string.h>

#include <aipolicy/aipolicy.h>

/* print_diags: each diagnostic as FILE:LINE:COLUMN: SEVERITY: MESSAGE. */
static void
print_diags(const struct aipolicy_diags *d)
{
	size_t i;

	for (i = 0; i < d->count; i++)
		fprintf(stderr, "%s:%u:%u: %s: %s\n", d->file,
		    (unsigned)d->items[i].line, (unsigned)d->items[i].column,
		    aipolicy_severity_name(d->items[i].severity),
		    d->items[i].message);
}

int
main(int argc, char **argv)
{
	struct aipolicy_given given[16];
	struct aipolicy_walk_result r;
	struct aipolicy_walker *w;
	struct aipolicy_diags d;
	struct aipolicy *p;
	size_t n = 0;
	int i, rc = 1;

	if (argc < 2 || argc - 2 > 16) {
		fprintf(stderr, "usage: embed POLICY [QUESTION=ANSWER]...\n");
		return 2;
	}
	for (i = 2; i < argc; i++, n++) {
		const char *eq = strchr(argv[i], '=');

		if (eq == NULL) {
			fprintf(stderr, "embed: '%s' is not QUESTION=ANSWER\n",
			    argv[i]);
			return 2;
		}
		given[n].question = argv[i];
		given[n].question_len = (size_t)(eq - argv[i]);
		given[n].answer = eq + 1;
		given[n].answer_len = strlen(eq + 1);
	}

	aipolicy_diags_init(&d, argv[1]);
	switch (aipolicy_load_file(argv[1], &p, &d)) {
	case AIPOLICY_OK:
		break;
	case AIPOLICY_INVALID:
		print_diags(&d);
		aipolicy_diags_release(&d);
		return 1;
	case AIPOLICY_CANNOT_OPEN:
		perror(argv[1]);
		aipolicy_diags_release(&d);
		return 1;
	case AIPOLICY_NOMEM:
		fprintf(stderr, "embed: out of memory\n");
		aipolicy_diags_release(&d);
		return 1;
	}

	/* One walker per thread; the policy itself may be shared. */
	w = aipolicy_walker_new(p);
	if (w == NULL || aipolicy_walker_run(w, given, n, 0, &r) != 0) {
		fprintf(stderr, "embed: out of memory\n");
		goto out;
	}
	switch (r.status) {
	case AIPOLICY_WALK_VERDICT:
		printf("%s: %s\n", aipolicy_verdict_words(r.outcome->verdict),
		    r.outcome->summary);
		rc = 0;
		break;
	case AIPOLICY_WALK_INCOMPLETE:
		printf("Next question (%s): %s\n", p->questions[r.next].id,
		    p->questions[r.next].ask);
		rc = 0;
		break;
	case AIPOLICY_WALK_BAD_ANSWER:
		fprintf(stderr, "embed: '%.*s' is not an answer\n",
		    (int)given[r.bad].answer_len, given[r.bad].answer);
		break;
	}
out:
	aipolicy_walker_free(w);
	aipolicy_free(p);
	aipolicy_diags_release(&d);
	return rc;
}

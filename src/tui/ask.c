/*
 * ask.c: what the two front ends of `aipolicy ask` share: the record of the
 * last verdict shown, the worst case after "Not sure" and its texts, and
 * the signal flag.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aipolicy/exit.h"
#include "tui.h"

static void on_signal(int sig);
static void *dup_array(const void *src, size_t n, size_t size);
static bool is_unsure(const uint32_t *unsure, size_t n, uint32_t q);

static volatile sig_atomic_t caught;

/* dup_array: a copy of N elements of SIZE bytes at SRC (an allocation of
 * one element when N is 0); caller owns it; NULL when out of memory. */
static void *dup_array(const void *src, size_t n, size_t size)
{
	void *d = malloc((n ? n : 1) * size);

	if (d != NULL && n > 0)
		memcpy(d, src, n * size);
	return d;
}

static bool is_unsure(const uint32_t *unsure, size_t n, uint32_t q)
{
	for (size_t i = 0; i < n; i++)
		if (unsure[i] == q)
			return true;
	return false;
}

int ask_worst_compute(const struct policy *p, const struct walk_state *s,
    struct ask_worst *w)
{
	const struct question *cur = &p->questions[s->current];
	struct walker *wk = walker_new(p);
	struct given *g = malloc((s->depth + 1) * sizeof *g);
	struct step *steps = malloc((s->depth ? s->depth : 1) * sizeof *steps);
	struct walk_result r;
	size_t total = 0;
	int rc = -1;

	memset(w, 0, sizeof *w);
	if (wk == NULL || g == NULL || steps == NULL || s->outcome != NULL)
		goto out;
	walk_state_path(s, steps);
	for (size_t i = 0; i < s->depth; i++) {
		const struct question *q = &p->questions[steps[i].question];
		const char *key = q->answers[steps[i].answer].key;

		g[i] = (struct given){ q->id, strlen(q->id), key, strlen(key) };
	}
	g[s->depth] = (struct given){ cur->id, strlen(cur->id), "?", 1 };
	if (walker_run(wk, g, s->depth + 1, 0, &r) != 0 ||
	    r.status != WALK_VERDICT)
		goto out;
	w->outcome = r.outcome;
	w->npath = r.npath;
	w->nunsure = r.nunsure;
	w->path = dup_array(r.path, r.npath, sizeof *r.path);
	w->unsure = dup_array(r.unsure, r.nunsure, sizeof *r.unsure);
	w->better_at = malloc((r.nunsure ? r.nunsure : 1) *
	    sizeof *w->better_at);
	if (w->path == NULL || w->unsure == NULL || w->better_at == NULL)
		goto out;
	for (size_t i = 0; i < w->nunsure; i++) {
		w->better_at[i] = total;
		total += p->questions[w->unsure[i]].nanswers;
	}
	if ((w->better = calloc(total ? total : 1, sizeof *w->better)) == NULL)
		goto out;
	/* r's arrays belong to the walker: from here on only W's copies */
	for (size_t i = 0; i < w->nunsure; i++) {
		const struct question *q = &p->questions[w->unsure[i]];
		enum verdict *v = malloc(q->nanswers * sizeof *v);

		if (v == NULL || walker_try_answers(wk, g, s->depth + 1, 0,
		    w->unsure[i], v) != 0) {
			free(v);
			goto out;
		}
		for (size_t a = 0; a < q->nanswers; a++)
			w->better[w->better_at[i] + a] =
			    v[a] < w->outcome->verdict;
		free(v);
	}
	rc = 0;
out:
	if (rc != 0)
		ask_worst_release(w);
	walker_free(wk);
	free(g);
	free(steps);
	return rc;
}

void ask_worst_release(struct ask_worst *w)
{
	free(w->path);
	free(w->unsure);
	free(w->better);
	free(w->better_at);
	memset(w, 0, sizeof *w);
}

void ask_worst_heading(const struct ask_worst *w, char *buf, size_t size)
{
	size_t more = w->nunsure > 1 ? w->nunsure - 1 : 0;

	if (more == 0)
		snprintf(buf, size, "Worst case: you were not sure about "
		    "1 question.");
	else
		snprintf(buf, size, "Worst case: you were not sure about "
		    "1 question; %zu after it %s not asked.", more,
		    more == 1 ? "was" : "were");
}

char *ask_worst_note(const struct policy *p, const struct ask_worst *w,
    size_t i, const char *dash)
{
	const struct question *q = &p->questions[w->unsure[i]];
	const bool *better = w->better + w->better_at[i];
	size_t nbetter = 0, shown = 0, size = 0;
	char *text = NULL;
	FILE *f;

	for (size_t a = 0; a < q->nanswers; a++)
		nbetter += better[a];
	if ((f = open_memstream(&text, &size)) == NULL)
		return NULL;
	fprintf(f, "%s%s", q->label, dash);
	if (nbetter == 0)
		fputs("no answer would change the verdict", f);
	else
		fputs("answering ", f);
	for (size_t a = 0; a < q->nanswers; a++) {
		if (!better[a])
			continue;
		shown++;
		fprintf(f, "%s'%s'", shown == 1 ? "" : shown == nbetter ?
		    " or " : ", ", q->answers[a].key);
	}
	if (nbetter > 0)
		fprintf(f, " would allow: %s",
		    w->outcome->verdict == VERDICT_DO_NOT_USE ?
		    "Use AI with review or better" :
		    verdict_words(VERDICT_USE_FREELY));
	if (ferror(f)) {
		fclose(f);
		free(text);
		return NULL;
	}
	if (fclose(f) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

char *ask_path_text(const struct policy *p, const struct step *path,
    size_t n, const uint32_t *unsure, size_t nunsure, const char *arrow)
{
	size_t size = 1;
	char *text, *o;

	for (size_t i = 0; i < n; i++) {
		const struct question *q = &p->questions[path[i].question];

		size += strlen(arrow) + strlen(q->label) + 1 +
		    strlen(q->answers[path[i].answer].key) +
		    strlen(" (not sure)");
	}
	if ((text = o = malloc(size)) == NULL)
		return NULL;
	*o = '\0';
	for (size_t i = 0; i < n; i++) {
		const struct question *q = &p->questions[path[i].question];

		o += sprintf(o, "%s%s %s%s", i > 0 ? arrow : "", q->label,
		    q->answers[path[i].answer].key,
		    is_unsure(unsure, nunsure, path[i].question) ?
		    " (not sure)" : "");
	}
	return text;
}

int ask_last_record_worst(struct ask_last *last, const struct ask_worst *w)
{
	struct step *path = dup_array(w->path, w->npath, sizeof *path);
	uint32_t *unsure = dup_array(w->unsure, w->nunsure, sizeof *unsure);

	if (path == NULL || unsure == NULL || w->outcome == NULL) {
		free(path);
		free(unsure);
		return -1;
	}
	free(last->path);
	free(last->unsure);
	last->path = path;
	last->npath = w->npath;
	last->unsure = unsure;
	last->nunsure = w->nunsure;
	last->outcome = w->outcome;
	return 0;
}

int ask_last_record(struct ask_last *last, const struct walk_state *s)
{
	struct step *path;

	if (s->outcome == NULL)
		return 0;
	path = malloc((s->depth ? s->depth : 1) * sizeof *path);
	if (path == NULL)
		return -1;
	walk_state_path(s, path);
	free(last->path);
	free(last->unsure);
	last->path = path;
	last->npath = s->depth;
	last->unsure = NULL;
	last->nunsure = 0;
	last->outcome = s->outcome;
	return 0;
}

void ask_last_release(struct ask_last *last)
{
	free(last->path);
	free(last->unsure);
	memset(last, 0, sizeof *last);
}

int ask_quit_code(const struct ask_last *last)
{
	if (last->outcome != NULL)
		return verdict_exit_code(last->outcome->verdict);
	return EXIT_QUIT;
}

static void on_signal(int sig)
{
	caught = sig;
}

void ask_signals_install(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: a blocked read returns EINTR */
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
}

int ask_signal_code(void)
{
	switch (caught) {
	case 0:
		return 0;
	case SIGHUP:
		return EXIT_SIGHUP;
	case SIGTERM:
		return EXIT_SIGTERM;
	default:
		return EXIT_QUIT;
	}
}

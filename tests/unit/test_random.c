/*
 * test_random.c: randomised differential test of the loader and the walker.
 *
 * Each round generates a random valid policy as an in-memory model (a DAG
 * of questions where question i only leads to questions j > i, so there is
 * no cycle, and every question is the target of an answer of an earlier
 * one, so every question is reachable), renders it to YAML with varied
 * quoting and styles, loads it with aipolicy_load_buffer() and runs
 * aipolicy_walker_run() on random answer sets. Every field of each result is
 * compared with a second evaluator written here, which works on the model
 * (never on struct aipolicy) and follows the contract of the format and of
 * check ("Answer matching", "check --json", "Not sure" with its tie rule and
 * "Narrowing down", as docs/ and docs/not-sure.md say them) directly and
 * naively.
 *
 * The seed is fixed and printed; AIPOLICY_SEED=N (decimal or 0x hex) runs
 * another one. On a mismatch the seed, the policy YAML and the answers
 * given are printed, so that the case can be reproduced.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aipolicy/diag.h"
#include "aipolicy/policy.h"
#include "aipolicy/walk.h"

#define DEFAULT_SEED    20261001u
#define POLICIES        300  /* policies per test */
#define ANSWER_SETS     50   /* answer sets per policy */
#define MAX_Q           64   /* questions of a model (60 for the chain) */
#define MAX_A           5    /* answers of a question */
#define MAX_O           8    /* named outcomes of a model */
#define MAX_GIVEN       80
#define TEXT_MAX        160
#define NOT_SURE_MAX_Q  12   /* questions, in the "not sure" pass */
#define NOT_SURE_PATHS  400  /* at most this many paths from start there */
#define CHAIN           60
#define ANS_NONE        (-1) /* no answer given for the question */
#define ANS_UNSURE      (-2) /* "?" given for the question */

/* ------------------------------------------------------------------ */
/* The model: what the generator builds and the evaluator walks.       */

enum tkind { T_QUESTION, T_OUTCOME, T_INLINE };

struct m_outcome {
	char id[AIPOLICY_MAX_ID + 2 + TEXT_MAX]; /* "QUESTION.answer" inline */
	enum aipolicy_verdict verdict;
	char summary[TEXT_MAX];
	char reviewer[TEXT_MAX];   /* "" when none */
	char why[TEXT_MAX];        /* "" when none */
	int disclose;              /* -1 absent, else 0 or 1 */
	int nconditions;
	char conditions[2][TEXT_MAX];
	unsigned review_minutes;   /* 0 when absent */
	bool is_inline;
	bool flow;                 /* inline: written as a flow mapping */
};

struct m_answer {
	char key[TEXT_MAX];
	enum tkind kind;
	int index;                 /* question or named outcome */
	struct m_outcome inl;      /* T_INLINE */
};

struct m_question {
	char id[AIPOLICY_MAX_ID + 1];
	char ask[TEXT_MAX];
	int nanswers;
	struct m_answer answers[MAX_A];
};

struct model {
	int nq;                    /* question 0 is start */
	struct m_question q[MAX_Q];
	int no;
	struct m_outcome o[MAX_O];
	int order[MAX_Q];          /* file order of the questions */
};

/* One answer given, as the CLI would pass it: QUESTION=ANSWER in one
 * buffer, so that the question id is followed by '=' and not by a NUL. */
struct gv {
	char buf[320];
	size_t qlen, aoff, alen;
	int qidx;                  /* model question, -1 for an unknown id */
};

/* What the evaluator expects aipolicy_walker_run to return. */
struct expect {
	enum aipolicy_walk_status status;
	const struct m_outcome *outcome;
	int next;                  /* a question, or -1 (a verdict without) */
	size_t bad;
	int npath;
	int pq[MAX_Q], pa[MAX_Q];
	bool pb[MAX_Q];            /* the step's question was branched */
	bool tie_later;            /* not the first path to its verdict */
	size_t nunused;
	size_t unused[MAX_GIVEN];
};

struct sbuf {
	char *s;
	size_t len, cap;
};

struct rng {
	uint64_t s;
};

/* The naive exhaustive "not sure" walk. */
struct dfs {
	const struct model *m;
	const int *ans;
	bool worst;
	int depth;
	int sq[MAX_Q], sa[MAX_Q];
	bool sb[MAX_Q];
	bool reached[MAX_Q];
	bool found, incomplete;
	/* the kept path has an unanswered question */
	bool best_open;
	bool first_open;           /* so had the first path reached to the kept
	                            * verdict (the tie rule chose a later one
	                            * when this is true and best_open false) */
	struct expect *e;
};

/* How often each kind of result was compared: a generator that stopped
 * producing some kind would make the test pass without testing it. */
struct stats {
	unsigned long runs, status[3], unused, unsure, inline_outcome;
	unsigned long verdict[AIPOLICY_VERDICT_COUNT];
	unsigned long next;        /* verdicts with a question to narrow down */
	unsigned long tie_later;   /* the tie rule passed over the first path */
};

static uint64_t g_seed = DEFAULT_SEED;

static uint64_t rng_next(struct rng *r);
static void rng_init(struct rng *r, uint64_t seed);
static uint32_t rng_below(struct rng *r, uint32_t n);
static bool rng_chance(struct rng *r, unsigned percent);
static void sb_reserve(struct sbuf *b, size_t more);
static void sb_putn(struct sbuf *b, const char *s, size_t n);
static void sb_puts(struct sbuf *b, const char *s);
static void sb_putc(struct sbuf *b, char c);
static void sb_printf(struct sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void sb_release(struct sbuf *b);
static const char *sb_str(const struct sbuf *b);
static char ascii_lower(char c);
static char ascii_upper(char c);
static bool ascii_ieq(const char *a, size_t alen, const char *b, size_t blen);
static void trim(const char **s, size_t *len);
static bool id_taken(const struct model *m, int nq, int no, const char *id);
static void gen_id(struct rng *r, const struct model *m, int nq, int no,
    char *out);
static void gen_random_words(struct rng *r, char *out, size_t cap);
static void gen_key(struct rng *r, const struct m_question *q, int upto,
    char *out);
static void gen_outcome(struct rng *r, struct m_outcome *o);
static void set_inline(struct m_question *q, int k, struct rng *r);
static void gen_model(struct rng *r, struct model *m, int nq,
    int max_answers, unsigned q_percent);
static double count_paths(const struct model *m);
static bool plain_safe(const char *s, bool flow);
static void put_double(struct sbuf *b, struct rng *r, const char *s);
static void put_single(struct sbuf *b, const char *s);
static void put_text(struct sbuf *b, struct rng *r, const char *s, bool flow);
static void put_id(struct sbuf *b, struct rng *r, const char *id);
static void put_outcome(struct sbuf *b, struct rng *r,
    const struct m_outcome *o, int indent, bool flow);
static void put_question(struct sbuf *b, struct rng *r,
    const struct model *m, const struct m_question *q);
static void aipolicy_render(struct rng *r, const struct model *m, int number,
    struct sbuf *b);
static void given_set(struct gv *g, struct rng *r, const char *q, int qidx,
    const char *a);
static void spell_key(struct rng *r, const char *key, char *out, size_t cap);
static void spell_bad(struct rng *r, const struct model *m, int q, char *out,
    size_t cap);
static void spell_unknown_id(struct rng *r, const struct model *m, char *out,
    size_t cap);
static size_t gen_answers(struct rng *r, const struct model *m,
    struct gv *g, bool unsure_pass);
static int oracle_match(const struct m_question *q, const char *s,
    size_t len);
static bool oracle_unsure(const char *s, size_t len);
static bool oracle_check(const struct model *m, const struct gv *g, size_t n,
    int *ans, struct expect *e);
static const struct m_outcome *outcome_of(const struct model *m,
    const struct m_answer *a);
static void oracle_unused(const struct gv *g, size_t n, const bool *reached,
    struct expect *e);
static void oracle_walk(const struct model *m, const struct gv *g, size_t n,
    struct expect *e);
static void dfs_question(struct dfs *d, int q, bool below);
static void dfs_target(struct dfs *d, const struct m_answer *a, bool below);
static bool dfs_open(const struct dfs *d);
static int oracle_next(const struct expect *e, const int *ans);
static void oracle_not_sure(const struct model *m, const struct gv *g,
    size_t n, unsigned flags, struct expect *e);
static const char *status_name(enum aipolicy_walk_status s);
static void put_escaped(struct sbuf *b, const char *s, size_t len);
static void describe_expect(struct sbuf *b, const struct model *m,
    const struct expect *e);
static void describe_result(struct sbuf *b, const struct aipolicy *p,
    const struct aipolicy_walk_result *r);
static bool compare_outcome(const struct m_outcome *mo,
    const struct aipolicy_outcome *o, struct sbuf *diff);
static bool compare(const struct aipolicy *p, const struct model *m,
    const struct expect *e, const struct aipolicy_walk_result *r,
    struct sbuf *diff);
static void report(const char *test, int number, int set, unsigned flags,
    const char *yaml, const struct gv *g, size_t n, const struct model *m,
    const struct expect *e, const struct aipolicy *p,
    const struct aipolicy_walk_result *r, const char *diff);
static struct aipolicy *load_model(const char *test, int number,
    const char *yaml, size_t len);
static bool check_policy(const char *test, int number, struct rng *r,
    const struct model *m, bool not_sure, struct stats *st);
static void check_stats(const char *test, const struct stats *st,
    bool not_sure);
static void on_alarm(int sig);
static int group_setup(void **state);
static void test_random_walk(void **state);
static void test_random_not_sure(void **state);
static void test_worst_case_2_to_60(void **state);

/* ------------------------------------------------------------------ */
/* A small deterministic PRNG (splitmix64), not rand().                */

static uint64_t
rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static void
rng_init(struct rng *r, uint64_t seed)
{
	r->s = seed;
	(void)rng_next(r);
}

/* rng_below: uniform enough in [0, N), N > 0. */
static uint32_t
rng_below(struct rng *r, uint32_t n)
{
	return (uint32_t)(rng_next(r) % n);
}

static bool
rng_chance(struct rng *r, unsigned percent)
{
	return rng_below(r, 100) < percent;
}

#define PICK(r, pool) ((pool)[rng_below((r), sizeof(pool) / sizeof((pool)[0]))])

/* ------------------------------------------------------------------ */
/* A growing string.                                                   */

static void
sb_reserve(struct sbuf *b, size_t more)
{
	size_t cap;
	char *s;

	if (b->len + more + 1 <= b->cap)
		return;
	cap = b->cap ? b->cap : 256;
	while (cap < b->len + more + 1)
		cap *= 2;
	s = realloc(b->s, cap);
	if (s == NULL)
		abort();
	b->s = s;
	b->cap = cap;
}

static void
sb_putn(struct sbuf *b, const char *s, size_t n)
{
	sb_reserve(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void
sb_puts(struct sbuf *b, const char *s)
{
	sb_putn(b, s, strlen(s));
}

static void
sb_putc(struct sbuf *b, char c)
{
	sb_putn(b, &c, 1);
}

static void
sb_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	sb_reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

static void
sb_release(struct sbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

static const char *
sb_str(const struct sbuf *b)
{
	return b->s ? b->s : "";
}

/* ------------------------------------------------------------------ */
/* Text helpers, written from the spec (ASCII case only).              */

static char
ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static char
ascii_upper(char c)
{
	return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

static bool
ascii_ieq(const char *a, size_t alen, const char *b, size_t blen)
{
	if (alen != blen)
		return false;
	for (size_t i = 0; i < alen; i++)
		if (ascii_lower(a[i]) != ascii_lower(b[i]))
			return false;
	return true;
}

/* trim: drops the spaces and tabs around *S (the only white space the
 * generator puts around answers). */
static void
trim(const char **s, size_t *len)
{
	while (*len > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
		(*len)--;
}

/* ------------------------------------------------------------------ */
/* Generating a model.                                                 */

/* Ids: plain ones, ones that are also YAML words or format keys (keys
 * among question and outcome ids are data), and the longest allowed. */
static const char *const id_words[] = {
	"q", "data", "tool", "audience", "ask", "answers", "verdict", "help",
	"label", "outcomes", "questions", "start", "summary", "reviewer",
	"x-ray", "x-note", "yes", "no", "on", "off", "true", "null", "0",
	"007", "a_b", "client-data", "free", "reviewed", "stop", "id",
};

/* Answer keys: ASCII words in mixed case, spaces inside, YAML indicators
 * and special words, UTF-8 (only lower-case non-ASCII letters, so that
 * "the answer key lower-cased" of an inline id is not ambiguous). */
static const char *const key_pool[] = {
	"yes", "no", "Yes", "NO", "y", "N", "true", "False", "on", "Off",
	"null", "Null", "~", "maybe", "why?", "only me", "my team",
	"clients or the public", "Internal use only", "ask", "answers",
	"help", "verdict", "summary", "x-key", "a: b", "#hash", "it's",
	"say \"hi\"", "back\\slash", "50%", "[x]", "{y}", "*star",
	"&anchor", "!bang", "@at", "`tick`", "|pipe", ">gt", "- dash",
	"1", "0.5", "2026-10-01", "very   spaced  out", "a,b", "yes please",
	"No, never", "oui, d\xc3\xa9j\xc3\xa0", "\xe6\x98\xaf", "\xe5\x90\xa6",
	"na\xc3\xafve", "\xc3\xbc" "ber",
	"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", "\xc3\xa7" "a va",
	"emoji \xf0\x9f\x99\x82", "\xc3\xb1" "and\xc3\xba",
	"\xc2\xbfqu\xc3\xa9?", "e\xcc\x81t\xc3\xa9", "d\xc3\xa9j\xc3\xa0 vu",
};

static const char *const text_pool[] = {
	"Use AI freely.",
	"Use AI, and have the output reviewed before it is used.",
	"Do not put this data into an AI tool.",
	"Ask \"legal\" first: it's required",
	"50% # not a comment",
	"D\xc3\xa9j\xc3\xa0 vu: \xe6\x98\xaf or \xe5\x90\xa6",
	"back\\slash and 'quotes'",
	"{not: a map}",
	"- not a list",
	"yes",
	"null",
	"~",
	"Your line manager",
	"The data protection office",
	"Check every figure",
	"emoji \xf0\x9f\x99\x82 ok",
	"a, b, c",
	"Plain words only",
	"x-not-an-extension",
};

static const char *const label_pool[] = {
	"Client data?", "Tool", "Audience", "\xe6\x98\xaf?", "Who sees it",
};

static bool
id_taken(const struct model *m, int nq, int no, const char *id)
{
	for (int i = 0; i < nq; i++)
		if (strcmp(m->q[i].id, id) == 0)
			return true;
	for (int i = 0; i < no; i++)
		if (strcmp(m->o[i].id, id) == 0)
			return true;
	return false;
}

/* gen_id: a fresh id, unique among the first NQ questions and NO
 * outcomes of M, never a verdict id. OUT has AIPOLICY_MAX_ID + 1 bytes. */
static void
gen_id(struct rng *r, const struct model *m, int nq, int no, char *out)
{
	static const char chars[] = "abcdefghijklmnopqrstuvwxyz0123456789_-";
	char buf[AIPOLICY_MAX_ID + 1];
	enum aipolicy_verdict v;

	for (;;) {
		unsigned pick = rng_below(r, 100);

		if (pick < 40) {
			snprintf(buf, sizeof buf, "q%u", rng_below(r, 1000));
		} else if (pick < 92) {
			const char *w = PICK(r, id_words);

			switch (rng_below(r, 3)) {
			case 0:
				snprintf(buf, sizeof buf, "%s", w);
				break;
			case 1:
				snprintf(buf, sizeof buf, "%s-%u", w,
				    rng_below(r, 100));
				break;
			default:
				snprintf(buf, sizeof buf, "%s_%u", w,
				    rng_below(r, 100));
				break;
			}
		} else {
			buf[0] = 'l';
			for (int i = 1; i < AIPOLICY_MAX_ID; i++)
				buf[i] = chars[rng_below(r, sizeof chars - 1)];
			buf[AIPOLICY_MAX_ID] = '\0';
		}
		if (aipolicy_verdict_parse(buf, strlen(buf), &v) ||
		    id_taken(m, nq, no, buf))
			continue;
		memcpy(out, buf, strlen(buf) + 1);
		return;
	}
}

/* gen_random_words: 1 to 3 words of ASCII letters (mixed case) and digits,
 * separated by one or two spaces. */
static void
gen_random_words(struct rng *r, char *out, size_t cap)
{
	static const char chars[] =
	    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	size_t len = 0;
	int words = 1 + (int)rng_below(r, 3);

	for (int w = 0; w < words; w++) {
		int n = 1 + (int)rng_below(r, 8);

		if (w > 0) {
			int spaces = 1 + (int)rng_below(r, 2);

			while (spaces-- > 0 && len + 1 < cap)
				out[len++] = ' ';
		}
		while (n-- > 0 && len + 1 < cap)
			out[len++] = chars[rng_below(r, sizeof chars - 1)];
	}
	out[len] = '\0';
}

/* gen_key: a valid answer key for Q, unique (ignoring ASCII case) among
 * its first UPTO answers, not "?" nor "not sure". OUT has TEXT_MAX bytes. */
static void
gen_key(struct rng *r, const struct m_question *q, int upto, char *out)
{
	char buf[TEXT_MAX];

	for (;;) {
		bool dup = false;

		if (rng_chance(r, 55))
			snprintf(buf, sizeof buf, "%s", PICK(r, key_pool));
		else
			gen_random_words(r, buf, 40);
		if (ascii_ieq(buf, strlen(buf), "?", 1) ||
		    ascii_ieq(buf, strlen(buf), "not sure", 8))
			continue;
		for (int k = 0; k < upto && !dup; k++)
			dup = ascii_ieq(buf, strlen(buf), q->answers[k].key,
			    strlen(q->answers[k].key));
		if (dup)
			continue;
		memcpy(out, buf, strlen(buf) + 1);
		return;
	}
}

/* gen_outcome: random fields, reviewer exactly for use-with-review. The
 * id is set by the caller. */
static void
gen_outcome(struct rng *r, struct m_outcome *o)
{
	o->verdict = (enum aipolicy_verdict)rng_below(r,
	    AIPOLICY_VERDICT_COUNT);
	snprintf(o->summary, sizeof o->summary, "%s", PICK(r, text_pool));
	o->reviewer[0] = '\0';
	o->review_minutes = 0;
	if (o->verdict == AIPOLICY_VERDICT_USE_WITH_REVIEW) {
		snprintf(o->reviewer, sizeof o->reviewer, "%s",
		    PICK(r, text_pool));
		if (rng_chance(r, 30))
			o->review_minutes = 1 + rng_below(r, 120);
	}
	o->why[0] = '\0';
	if (rng_chance(r, 25))
		snprintf(o->why, sizeof o->why, "%s", PICK(r, text_pool));
	o->disclose = rng_chance(r, 30) ? (int)rng_below(r, 2) : -1;
	o->nconditions = rng_chance(r, 25) ? 1 + (int)rng_below(r, 2) : 0;
	for (int i = 0; i < o->nconditions; i++)
		snprintf(o->conditions[i], sizeof o->conditions[i], "%s",
		    PICK(r, text_pool));
	o->is_inline = false;
	o->flow = rng_chance(r, 50);
}

/* set_inline: answer K of Q leads to a new inline outcome, whose id is
 * QUESTION.ANSWER with the answer key lower-cased (ASCII). */
static void
set_inline(struct m_question *q, int k, struct rng *r)
{
	struct m_answer *a = &q->answers[k];
	size_t n;

	a->kind = T_INLINE;
	a->index = -1;
	gen_outcome(r, &a->inl);
	a->inl.is_inline = true;
	n = strlen(q->id);
	memcpy(a->inl.id, q->id, n);
	a->inl.id[n++] = '.';
	for (const char *c = a->key; *c; c++)
		a->inl.id[n++] = ascii_lower(*c);
	a->inl.id[n] = '\0';
}

/*
 * gen_model: a random valid policy of NQ questions with 2..MAX_ANSWERS
 * answers each. Each answer not needed for reachability leads to a later
 * question with Q_PERCENT chance, otherwise to a named or inline outcome.
 */
static void
gen_model(struct rng *r, struct model *m, int nq, int max_answers,
    unsigned q_percent)
{
	bool assigned[MAX_Q][MAX_A];

	memset(m, 0, sizeof *m);
	memset(assigned, 0, sizeof assigned);
	m->nq = nq;
	for (int i = 0; i < nq; i++) {
		struct m_question *q = &m->q[i];

		gen_id(r, m, i, 0, q->id);
		if (rng_chance(r, 50))
			snprintf(q->ask, sizeof q->ask, "Question %d?", i);
		else
			snprintf(q->ask, sizeof q->ask, "%s",
			    PICK(r, text_pool));
		q->nanswers = 2 + (int)rng_below(r, (uint32_t)max_answers - 1);
		for (int k = 0; k < q->nanswers; k++)
			gen_key(r, q, k, q->answers[k].key);
	}
	m->no = (int)rng_below(r, MAX_O + 1);
	for (int i = 0; i < m->no; i++) {
		gen_outcome(r, &m->o[i]);
		gen_id(r, m, nq, i, m->o[i].id);
	}

	/* Reachability: question j is the target of a free answer slot of
	 * some question i < j (there are at least 2j slots and j - 1 taken). */
	for (int j = 1; j < nq; j++) {
		int free_slots = 0, pick;

		for (int i = 0; i < j; i++)
			for (int k = 0; k < m->q[i].nanswers; k++)
				free_slots += !assigned[i][k];
		pick = (int)rng_below(r, (uint32_t)free_slots);
		for (int i = 0; i < j; i++)
			for (int k = 0; k < m->q[i].nanswers; k++) {
				if (assigned[i][k] || pick-- != 0)
					continue;
				assigned[i][k] = true;
				m->q[i].answers[k].kind = T_QUESTION;
				m->q[i].answers[k].index = j;
			}
	}
	for (int i = 0; i < nq; i++)
		for (int k = 0; k < m->q[i].nanswers; k++) {
			struct m_answer *a = &m->q[i].answers[k];

			if (assigned[i][k])
				continue;
			if (i + 1 < nq && rng_chance(r, q_percent)) {
				a->kind = T_QUESTION;
				a->index = i + 1 +
				    (int)rng_below(r, (uint32_t)(nq - i - 1));
			} else if (m->no > 0 && rng_chance(r, 50)) {
				a->kind = T_OUTCOME;
				a->index = (int)rng_below(r, (uint32_t)m->no);
			} else {
				set_inline(&m->q[i], k, r);
			}
		}

	/* File order: usually the model's, sometimes shuffled (start is then
	 * not the first question of the file). */
	for (int i = 0; i < nq; i++)
		m->order[i] = i;
	if (rng_chance(r, 30))
		for (int i = nq - 1; i > 0; i--) {
			int j = (int)rng_below(r, (uint32_t)i + 1),
			    t = m->order[i];

			m->order[i] = m->order[j];
			m->order[j] = t;
		}
}

/* count_paths: answer paths from start to an outcome (to size the naive
 * "not sure" evaluator; not part of any expectation). */
static double
count_paths(const struct model *m)
{
	double paths[MAX_Q];

	for (int i = m->nq - 1; i >= 0; i--) {
		paths[i] = 0;
		for (int k = 0; k < m->q[i].nanswers; k++) {
			const struct m_answer *a = &m->q[i].answers[k];

			paths[i] += a->kind == T_QUESTION ? paths[a->index] : 1;
		}
	}
	return paths[0];
}

/* ------------------------------------------------------------------ */
/* Rendering a model to YAML.                                          */

/* plain_safe: S can be written as a plain scalar and still mean its text:
 * letters, digits, spaces inside, dots and non-ASCII, starting with a
 * letter, digit or non-ASCII byte; never a word YAML reads as null. */
static bool
plain_safe(const char *s, bool flow)
{
	size_t len = strlen(s);
	unsigned char c0 = (unsigned char)s[0];

	(void)flow; /* the characters allowed are safe in flow context too */
	if (len == 0 || s[len - 1] == ' ')
		return false;
	if (!(c0 >= 0x80 || (c0 >= '0' && c0 <= '9') ||
	    (ascii_lower((char)c0) >= 'a' && ascii_lower((char)c0) <= 'z')))
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (!(c >= 0x80 || c == ' ' || c == '.' ||
		    (c >= '0' && c <= '9') ||
		    (ascii_lower((char)c) >= 'a' &&
		    ascii_lower((char)c) <= 'z')))
			return false;
	}
	return strcmp(s, "null") != 0 && strcmp(s, "Null") != 0 &&
	    strcmp(s, "NULL") != 0;
}

/* put_double: S double-quoted, with '"' and '\' escaped, and sometimes
 * non-ASCII code points as \u/\U escapes and letters as \x escapes. */
static void
put_double(struct sbuf *b, struct rng *r, const char *s)
{
	bool esc_utf8 = rng_chance(r, 20);

	sb_putc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		if (*p == '"' || *p == '\\') {
			sb_putc(b, '\\');
			sb_putc(b, (char)*p++);
		} else if (*p >= 0x80 && esc_utf8) {
			uint32_t cp;
			int n;

			if (*p >= 0xf0) {
				cp = *p & 0x07u;
				n = 4;
			} else if (*p >= 0xe0) {
				cp = *p & 0x0fu;
				n = 3;
			} else {
				cp = *p & 0x1fu;
				n = 2;
			}
			for (int i = 1; i < n; i++)
				cp = (cp << 6) | (p[i] & 0x3fu);
			p += n;
			if (cp > 0xffff)
				sb_printf(b, "\\U%08X", (unsigned)cp);
			else
				sb_printf(b, "\\u%04x", (unsigned)cp);
		} else if (ascii_lower((char)*p) >= 'a' &&
		    ascii_lower((char)*p) <= 'z' && rng_chance(r, 3)) {
			sb_printf(b, "\\x%02X", (unsigned)*p++);
		} else {
			sb_putc(b, (char)*p++);
		}
	}
	sb_putc(b, '"');
}

static void
put_single(struct sbuf *b, const char *s)
{
	sb_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			sb_putc(b, '\'');
		sb_putc(b, *s);
	}
	sb_putc(b, '\'');
}

/* put_text: a key or a text field, mostly double-quoted, sometimes
 * single-quoted, plain where that is safe. */
static void
put_text(struct sbuf *b, struct rng *r, const char *s, bool flow)
{
	unsigned pick = rng_below(r, 100);

	if (pick < 25 && plain_safe(s, flow))
		sb_puts(b, s);
	else if (pick < 40)
		put_single(b, s);
	else
		put_double(b, r, s);
}

/* put_id: an id (or a verdict id), plain or double-quoted ("null" always
 * quoted). */
static void
put_id(struct sbuf *b, struct rng *r, const char *id)
{
	if (strcmp(id, "null") != 0 && rng_chance(r, 70))
		sb_puts(b, id);
	else
		put_double(b, r, id);
}

/* put_outcome: the fields of O, as a flow mapping or as block lines at
 * INDENT (each line starts with a line break). */
static void
put_outcome(struct sbuf *b, struct rng *r, const struct m_outcome *o,
    int indent, bool flow)
{
	const char *v = aipolicy_verdict_id(o->verdict);
	char sep[80];

	if (flow)
		snprintf(sep, sizeof sep, ", ");
	else
		snprintf(sep, sizeof sep, "\n%*s", indent, "");

	sb_puts(b, flow ? "{" : sep);
	if (rng_chance(r, 30)) {
		sb_puts(b, "summary: ");
		put_text(b, r, o->summary, flow);
		sb_puts(b, sep);
		sb_puts(b, "verdict: ");
		put_id(b, r, v);
	} else {
		sb_puts(b, "verdict: ");
		put_id(b, r, v);
		sb_puts(b, sep);
		sb_puts(b, "summary: ");
		put_text(b, r, o->summary, flow);
	}
	if (o->reviewer[0]) {
		sb_puts(b, sep);
		sb_puts(b, "reviewer: ");
		put_text(b, r, o->reviewer, flow);
	}
	if (o->why[0]) {
		sb_puts(b, sep);
		sb_puts(b, "why: ");
		put_text(b, r, o->why, flow);
	}
	if (o->disclose >= 0) {
		static const char *const yes[] = {"true", "yes"};
		static const char *const no[] = {"false", "no"};
		const char *w = o->disclose ? PICK(r, yes) : PICK(r, no);

		sb_puts(b, sep);
		sb_puts(b, "disclose: ");
		if (rng_chance(r, 10))
			put_double(b, r, w);
		else
			sb_puts(b, w);
	}
	if (o->nconditions > 0) {
		sb_puts(b, sep);
		sb_puts(b, "conditions:");
		if (flow || rng_chance(r, 40)) {
			sb_puts(b, " [");
			for (int i = 0; i < o->nconditions; i++) {
				if (i > 0)
					sb_puts(b, ", ");
				put_text(b, r, o->conditions[i], true);
			}
			sb_puts(b, "]");
		} else {
			for (int i = 0; i < o->nconditions; i++) {
				sb_printf(b, "\n%*s- ", indent + 2, "");
				put_text(b, r, o->conditions[i], false);
			}
		}
	}
	if (o->review_minutes > 0) {
		sb_puts(b, sep);
		if (rng_chance(r, 10))
			sb_printf(b, "review_minutes: \"%u\"",
			    o->review_minutes);
		else
			sb_printf(b, "review_minutes: %u", o->review_minutes);
	}
	if (rng_chance(r, 5)) {
		sb_puts(b, sep);
		sb_puts(b, "x-note: [1, {a: b}, null]");
	}
	if (flow)
		sb_puts(b, "}");
}

static void
put_question(struct sbuf *b, struct rng *r, const struct model *m,
    const struct m_question *q)
{
	bool flow_answers = rng_chance(r, 15);

	sb_puts(b, "  ");
	put_id(b, r, q->id);
	sb_puts(b, ":\n");
	if (rng_chance(r, 10)) {
		sb_puts(b, "    ask: >-\n      Is this\n      folded?\n");
	} else {
		sb_puts(b, "    ask: ");
		put_text(b, r, q->ask, false);
		sb_puts(b, "\n");
	}
	if (rng_chance(r, 15)) {
		sb_puts(b, "    label: ");
		put_text(b, r, PICK(r, label_pool), false);
		sb_puts(b, "\n");
	}
	if (rng_chance(r, 15)) {
		sb_puts(b, "    help: ");
		put_text(b, r, PICK(r, text_pool), false);
		sb_puts(b, "\n");
	}
	if (rng_chance(r, 5))
		sb_puts(b, "    x-note: {owner: someone, list: [1, 2]}\n");
	sb_puts(b, flow_answers ? "    answers: {" : "    answers:\n");
	for (int k = 0; k < q->nanswers; k++) {
		const struct m_answer *a = &q->answers[k];

		if (flow_answers) {
			if (k > 0)
				sb_puts(b, ", ");
		} else {
			sb_puts(b, "      ");
		}
		put_text(b, r, a->key, flow_answers);
		sb_puts(b, ":");
		switch (a->kind) {
		case T_QUESTION:
			sb_puts(b, " ");
			put_id(b, r, m->q[a->index].id);
			break;
		case T_OUTCOME:
			sb_puts(b, " ");
			put_id(b, r, m->o[a->index].id);
			break;
		case T_INLINE:
			if (flow_answers || a->inl.flow)
				sb_puts(b, " ");
			put_outcome(b, r, &a->inl, 8,
			    flow_answers || a->inl.flow);
			break;
		}
		if (!flow_answers)
			sb_puts(b, "\n");
	}
	if (flow_answers)
		sb_puts(b, "}\n");
}

static void
aipolicy_render(struct rng *r, const struct model *m, int number,
    struct sbuf *b)
{
	bool start_last = rng_chance(r, 30);

	sb_printf(b, "# random policy %d\n", number);
	sb_puts(b, rng_chance(r, 10) ? "aipolicy: \"1\"\n" : "aipolicy: 1\n");
	sb_printf(b, "id: rnd-%d\n", number);
	sb_puts(b, "title: ");
	put_text(b, r, "Random policy", false);
	sb_puts(b, "\nversion: ");
	put_text(b, r, "2026-Q4", false);
	sb_puts(b, "\nowner: ");
	put_text(b, r, "AI Governance <ai@example.com>", false);
	sb_puts(b, rng_chance(r, 50) ? "\neffective: 2026-01-01\n" :
	    "\neffective: \"2026-01-01\"\n");
	sb_puts(b, "review_by: 2099-12-31\n");
	if (rng_chance(r, 10))
		sb_puts(b,
		    "x-generator: {name: test_random, list: [1, 2, null]}\n");
	if (!start_last) {
		sb_puts(b, "start: ");
		put_id(b, r, m->q[0].id);
		sb_puts(b, "\n");
	}
	sb_puts(b, "questions:\n");
	for (int i = 0; i < m->nq; i++)
		put_question(b, r, m, &m->q[m->order[i]]);
	if (start_last) {
		sb_puts(b, "start: ");
		put_id(b, r, m->q[0].id);
		sb_puts(b, "\n");
	}
	if (m->no == 0) {
		if (rng_chance(r, 50))
			sb_puts(b, "outcomes: {}\n");
		return;
	}
	sb_puts(b, "outcomes:\n");
	for (int i = 0; i < m->no; i++) {
		sb_puts(b, "  ");
		put_id(b, r, m->o[i].id);
		sb_puts(b, ":");
		put_outcome(b, r, &m->o[i], 4, false);
		sb_puts(b, "\n");
	}
}

/* ------------------------------------------------------------------ */
/* Generating answer sets.                                             */

/* given_set: QUESTION=ANSWER in G's buffer; the answer is followed by
 * junk half of the time, so that it is not NUL-terminated either. */
static void
given_set(struct gv *g, struct rng *r, const char *q, int qidx, const char *a)
{
	const char *junk = rng_chance(r, 50) ? "~JUNK" : "";
	int n;

	g->qlen = strlen(q);
	g->aoff = g->qlen + 1;
	g->alen = strlen(a);
	g->qidx = qidx;
	n = snprintf(g->buf, sizeof g->buf, "%s=%s%s", q, a, junk);
	assert_true(n > 0 && (size_t)n < sizeof g->buf);
}

/* spell_key: KEY with each ASCII letter's case flipped at random and
 * 0..2 spaces or tabs on each side. */
static void
spell_key(struct rng *r, const char *key, char *out, size_t cap)
{
	size_t len = 0;
	int pad;

	pad = (int)rng_below(r, 3);
	while (pad-- > 0)
		out[len++] = rng_chance(r, 80) ? ' ' : '\t';
	for (; *key && len + 4 < cap; key++) {
		char c = *key;

		if (rng_chance(r, 50))
			c = c >= 'a' && c <= 'z' ? ascii_upper(c) :
			    ascii_lower(c);
		out[len++] = c;
	}
	pad = (int)rng_below(r, 3);
	while (pad-- > 0)
		out[len++] = rng_chance(r, 80) ? ' ' : '\t';
	out[len] = '\0';
}

/* spell_bad: an answer for question Q that most likely matches none of
 * its keys (the evaluator decides; a string that happens to match is
 * simply a good answer). Never "?" after trimming. */
static void
spell_bad(struct rng *r, const struct model *m, int q, char *out, size_t cap)
{
	const char *key = m->q[q].answers[rng_below(r,
	    (uint32_t)m->q[q].nanswers)].key;

	switch (rng_below(r, 10)) {
	case 0:
		snprintf(out, cap, "%sx", key);
		break;
	case 1:
		snprintf(out, cap, "%s", "");
		break;
	case 2:
		snprintf(out, cap, "%s", " \t ");
		break;
	case 3:
		snprintf(out, cap, "%s",
		    rng_chance(r, 50) ? "not sure" : "Not Sure");
		break;
	case 4: {
		const struct m_question *o =
		    &m->q[rng_below(r, (uint32_t)m->nq)];

		snprintf(out, cap, "%s",
		    o->answers[rng_below(r, (uint32_t)o->nanswers)].key);
		break;
	}
	case 5:
		gen_random_words(r, out, cap < 40 ? cap : 40);
		break;
	case 6: {
		/* an inner space doubled: white space inside is not trimmed */
		const char *sp = strchr(key, ' ');

		if (sp != NULL)
			snprintf(out, cap, "%.*s %s", (int)(sp - key), key, sp);
		else
			snprintf(out, cap, "%s-", key);
		break;
	}
	case 7: {
		/* a non-ASCII letter upper-cased: only ASCII case is ignored */
		size_t i;

		snprintf(out, cap, "%s", key);
		for (i = 0; out[i] && out[i + 1]; i++) {
			unsigned char c1 = (unsigned char)out[i + 1];

			if ((unsigned char)out[i] == 0xc3 && c1 >= 0xa0 &&
			    c1 <= 0xbe && c1 != 0xb7) {
				out[i + 1] = (char)(c1 - 0x20);
				break;
			}
		}
		if (!out[i] || !out[i + 1])
			snprintf(out, cap, "%s", "??");
		break;
	}
	case 8:
		snprintf(out, cap, "?%s", key);
		break;
	default:
		snprintf(out, cap, "%s", "? ?");
		break;
	}
}

/* spell_unknown_id: a question id the policy does not have: made up, an
 * outcome id, a real id upper-cased or with a suffix. */
static void
spell_unknown_id(struct rng *r, const struct model *m, char *out, size_t cap)
{
	for (;;) {
		const char *qid = m->q[rng_below(r, (uint32_t)m->nq)].id;
		bool taken = false;

		switch (rng_below(r, 5)) {
		case 0:
			snprintf(out, cap, "zz-unknown-%u", rng_below(r, 100));
			break;
		case 1:
			if (m->no == 0)
				continue;
			snprintf(out, cap, "%s",
			    m->o[rng_below(r, (uint32_t)m->no)].id);
			break;
		case 2: {
			size_t i;

			snprintf(out, cap, "%s", qid);
			for (i = 0; out[i]; i++)
				out[i] = ascii_upper(out[i]);
			break;
		}
		case 3:
			snprintf(out, cap, "%s-x", qid);
			break;
		default:
			snprintf(out, cap, "%s.%s", qid, "yes");
			break;
		}
		for (int i = 0; i < m->nq && !taken; i++)
			taken = strcmp(m->q[i].id, out) == 0;
		if (!taken && out[0] != '\0')
			return;
	}
}

/*
 * gen_answers: a random answer set for M in G (at most MAX_GIVEN), each
 * known question at most once: answers along a random path (some left
 * out), answers off the path, unknown question ids, answers spelled with
 * other ASCII case and white space around, sometimes bad answers, and in
 * the UNSURE_PASS "?" answers. In random order. Returns the count.
 */
static size_t
gen_answers(struct rng *r, const struct model *m, struct gv *g,
    bool unsure_pass)
{
	int choice[MAX_Q];
	unsigned skip = unsure_pass ? 35 : 12;
	size_t n = 0;
	int q = 0;
	char text[TEXT_MAX + 16];

	for (int i = 0; i < m->nq; i++)
		choice[i] = ANS_NONE;
	if (rng_chance(r, 3))
		return 0;

	for (;;) {
		int a = (int)rng_below(r, (uint32_t)m->q[q].nanswers);
		const struct m_answer *an = &m->q[q].answers[a];

		if (!rng_chance(r, skip))
			choice[q] = a;
		if (an->kind != T_QUESTION)
			break;
		q = an->index;
	}
	for (int i = 0; i < m->nq; i++)
		if (choice[i] == ANS_NONE && rng_chance(r, 12))
			choice[i] = (int)rng_below(r,
			    (uint32_t)m->q[i].nanswers);
	if (unsure_pass)
		for (int i = 0; i < m->nq; i++)
			if (rng_chance(r, choice[i] == ANS_NONE ? 8 : 25))
				choice[i] = ANS_UNSURE;

	for (int i = 0; i < m->nq; i++) {
		if (choice[i] == ANS_NONE)
			continue;
		if (choice[i] == ANS_UNSURE) {
			static const char *const unsure[] = {
				"?", "?", " ?", "? ", "\t? ",
			};
			snprintf(text, sizeof text, "%s", PICK(r, unsure));
		} else if (rng_chance(r, 45)) {
			snprintf(text, sizeof text, "%s",
			    m->q[i].answers[choice[i]].key);
		} else {
			spell_key(r, m->q[i].answers[choice[i]].key, text,
			    sizeof text);
		}
		given_set(&g[n++], r, m->q[i].id, i, text);
	}
	if (rng_chance(r, 25)) {
		int unknown = 1 + (int)rng_below(r, 2);

		while (unknown-- > 0) {
			char id[AIPOLICY_MAX_ID + 16];
			int dup = 0;

			spell_unknown_id(r, m, id, sizeof id);
			for (size_t i = 0; i < n; i++)
				dup |= g[i].qlen == strlen(id) &&
				    memcmp(g[i].buf, id, g[i].qlen) == 0;
			if (dup)
				continue;
			if (unsure_pass && rng_chance(r, 30))
				snprintf(text, sizeof text, "%s", "?");
			else
				spell_bad(r, m,
				    (int)rng_below(r, (uint32_t)m->nq), text,
				    sizeof text);
			given_set(&g[n++], r, id, -1, text);
		}
	}
	if (n > 0 && rng_chance(r, unsure_pass ? 8 : 15)) {
		int bad = 1 + (int)rng_below(r, 2);

		while (bad-- > 0) {
			struct gv *x = &g[rng_below(r, (uint32_t)n)];
			char qid[AIPOLICY_MAX_ID + 1];

			if (x->qidx < 0)
				continue;
			spell_bad(r, m, x->qidx, text, sizeof text);
			snprintf(qid, sizeof qid, "%.*s", (int)x->qlen, x->buf);
			given_set(x, r, qid, x->qidx, text);
		}
	}
	for (size_t i = n; i > 1; i--) {
		size_t j = rng_below(r, (uint32_t)i);
		struct gv t = g[i - 1];

		g[i - 1] = g[j];
		g[j] = t;
	}
	return n;
}

/* ------------------------------------------------------------------ */
/* The independent evaluator, on the model.                            */

/* oracle_match: the answer of Q that S names after trimming white space
 * around it and ignoring ASCII case, or -1. */
static int
oracle_match(const struct m_question *q, const char *s, size_t len)
{
	trim(&s, &len);
	for (int k = 0; k < q->nanswers; k++)
		if (ascii_ieq(q->answers[k].key, strlen(q->answers[k].key), s,
		    len))
			return k;
	return -1;
}

/* oracle_unsure: the answer is "?" after trimming. */
static bool
oracle_unsure(const char *s, size_t len)
{
	trim(&s, &len);
	return len == 1 && s[0] == '?';
}

/*
 * oracle_check: sets ans[q] for every question of M (ANS_NONE, ANS_UNSURE
 * or the answer index) from the N answers in G and returns true; or, when
 * an answer for a question of the policy matches none of its keys, sets
 * E to AIPOLICY_WALK_BAD_ANSWER and returns false.
 *
 * Assumption: the spec says that every answer given for a question of the
 * policy is checked before the walk, reached or not, but not which one is
 * reported when several are bad. The first bad one in the order given is
 * reported (that is what the engine implements), so the check runs in
 * given order. Answers for unknown question ids are never checked.
 */
static bool
oracle_check(const struct model *m, const struct gv *g, size_t n, int *ans,
    struct expect *e)
{
	for (int q = 0; q < m->nq; q++)
		ans[q] = ANS_NONE;
	for (size_t i = 0; i < n; i++) {
		const char *a = g[i].buf + g[i].aoff;
		int k;

		if (g[i].qidx < 0)
			continue;
		if (oracle_unsure(a, g[i].alen)) {
			ans[g[i].qidx] = ANS_UNSURE;
			continue;
		}
		k = oracle_match(&m->q[g[i].qidx], a, g[i].alen);
		if (k < 0) {
			e->status = AIPOLICY_WALK_BAD_ANSWER;
			e->bad = i;
			return false;
		}
		ans[g[i].qidx] = k;
	}
	return true;
}

static const struct m_outcome *
outcome_of(const struct model *m, const struct m_answer *a)
{
	return a->kind == T_OUTCOME ? &m->o[a->index] : &a->inl;
}

/* oracle_unused: the indexes of G whose question is unknown or was not
 * reached, in given order. */
static void
oracle_unused(const struct gv *g, size_t n, const bool *reached,
    struct expect *e)
{
	e->nunused = 0;
	for (size_t i = 0; i < n; i++)
		if (g[i].qidx < 0 || !reached[g[i].qidx])
			e->unused[e->nunused++] = i;
}

/* oracle_walk: the plain walk (no "?" among the answers, no flags). */
static void
oracle_walk(const struct model *m, const struct gv *g, size_t n,
    struct expect *e)
{
	int ans[MAX_Q];
	bool on_path[MAX_Q] = {false};
	int q = 0;

	memset(e, 0, sizeof *e);
	if (!oracle_check(m, g, n, ans, e))
		return;
	for (;;) {
		const struct m_answer *a;

		on_path[q] = true;
		if (ans[q] < 0) {
			e->status = AIPOLICY_WALK_INCOMPLETE;
			e->next = q;
			break;
		}
		e->pq[e->npath] = q;
		e->pa[e->npath] = ans[q];
		e->pb[e->npath] = false;
		e->npath++;
		a = &m->q[q].answers[ans[q]];
		if (a->kind != T_QUESTION) {
			e->status = AIPOLICY_WALK_VERDICT;
			e->outcome = outcome_of(m, a);
			e->next = -1;
			break;
		}
		q = a->index;
	}
	oracle_unused(g, n, on_path, e);
}

/*
 * dfs_question: explore question Q; BELOW says a "?" was branched above
 * it on this path. An answered question follows its answer; a "?", any
 * unanswered question below a "?", and with AIPOLICY_WALK_WORST_CASE any
 * unanswered question, is branched over every answer in the policy's
 * order. An unanswered question reached with no "?" above it (only
 * possible on the single path before any branching) ends the walk as
 * incomplete.
 */
static void
dfs_question(struct dfs *d, int q, bool below)
{
	const struct m_question *mq = &d->m->q[q];
	int a = d->ans[q];

	d->reached[q] = true;
	if (a >= 0) {
		d->sq[d->depth] = q;
		d->sa[d->depth] = a;
		d->sb[d->depth] = false;
		d->depth++;
		dfs_target(d, &mq->answers[a], below);
		d->depth--;
		return;
	}
	if (a == ANS_UNSURE || below || d->worst) {
		for (int k = 0; k < mq->nanswers; k++) {
			d->sq[d->depth] = q;
			d->sa[d->depth] = k;
			d->sb[d->depth] = true;
			d->depth++;
			dfs_target(d, &mq->answers[k], true);
			d->depth--;
		}
		return;
	}
	d->incomplete = true;
	d->e->next = q;
	d->e->npath = d->depth;
	memcpy(d->e->pq, d->sq, sizeof d->sq);
	memcpy(d->e->pa, d->sa, sizeof d->sa);
	memcpy(d->e->pb, d->sb, sizeof d->sb);
}

/* dfs_open: the path so far has an unanswered question (one branched
 * with no answer given; "?" is an answer). */
static bool
dfs_open(const struct dfs *d)
{
	for (int i = 0; i < d->depth; i++)
		if (d->sb[i] && d->ans[d->sq[i]] == ANS_NONE)
			return true;
	return false;
}

/*
 * dfs_target: follow answer A; at an outcome, keep it when it is the first
 * reached, strictly more restrictive than the best so far, or as
 * restrictive but the first such path with no unanswered question while
 * the kept one has one (paths are reached in depth-first order, so the
 * kept path is the first reached of its kind).
 */
static void
dfs_target(struct dfs *d, const struct m_answer *a, bool below)
{
	const struct m_outcome *o;
	bool open;

	if (a->kind == T_QUESTION) {
		dfs_question(d, a->index, below);
		return;
	}
	o = outcome_of(d->m, a);
	open = dfs_open(d);
	if (d->found && o->verdict < d->e->outcome->verdict)
		return;
	if (d->found && o->verdict == d->e->outcome->verdict &&
	    (open || !d->best_open))
		return;
	if (!d->found || o->verdict > d->e->outcome->verdict)
		d->first_open = open;
	d->found = true;
	d->best_open = open;
	d->e->outcome = o;
	d->e->npath = d->depth;
	memcpy(d->e->pq, d->sq, sizeof d->sq);
	memcpy(d->e->pa, d->sa, sizeof d->sa);
	memcpy(d->e->pb, d->sb, sizeof d->sb);
}

/* oracle_not_sure: the walk with "?" answers and FLAGS, by exhaustive
 * depth-first exploration of every path (no memoisation). */
static void
oracle_not_sure(const struct model *m, const struct gv *g, size_t n,
    unsigned flags, struct expect *e)
{
	int ans[MAX_Q];
	struct dfs d;

	memset(e, 0, sizeof *e);
	if (!oracle_check(m, g, n, ans, e))
		return;
	memset(&d, 0, sizeof d);
	d.m = m;
	d.ans = ans;
	d.worst = (flags & AIPOLICY_WALK_WORST_CASE) != 0;
	d.e = e;
	dfs_question(&d, 0, false);
	/* Before the first branch the walk is one path, and after it every
	 * unanswered question is branched: never both an outcome and a stop. */
	assert_true(d.found != d.incomplete);
	e->status = d.found ? AIPOLICY_WALK_VERDICT : AIPOLICY_WALK_INCOMPLETE;
	if (d.incomplete)
		e->outcome = NULL;
	else
		e->next = oracle_next(e, ans);
	e->tie_later = d.found && d.first_open && !d.best_open;
	oracle_unused(g, n, d.reached, e);
}

/* oracle_next: for the verdict E, the first unanswered question on its
 * path, or -1 when there is none or the verdict is use-freely. */
static int
oracle_next(const struct expect *e, const int *ans)
{
	if (e->outcome->verdict == AIPOLICY_VERDICT_USE_FREELY)
		return -1;
	for (int i = 0; i < e->npath; i++)
		if (e->pb[i] && ans[e->pq[i]] == ANS_NONE)
			return e->pq[i];
	return -1;
}

/* ------------------------------------------------------------------ */
/* Comparing and reporting.                                            */

static const char *
status_name(enum aipolicy_walk_status s)
{
	switch (s) {
	case AIPOLICY_WALK_VERDICT:
		return "verdict";
	case AIPOLICY_WALK_INCOMPLETE:
		return "incomplete";
	case AIPOLICY_WALK_BAD_ANSWER:
		return "bad-answer";
	}
	return "(unknown status)";
}

/* put_escaped: S in double quotes, C-style escapes for control bytes. */
static void
put_escaped(struct sbuf *b, const char *s, size_t len)
{
	sb_putc(b, '"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			sb_printf(b, "\\%c", c);
		else if (c == '\t')
			sb_puts(b, "\\t");
		else if (c < 0x20 || c == 0x7f)
			sb_printf(b, "\\x%02x", c);
		else
			sb_putc(b, (char)c);
	}
	sb_putc(b, '"');
}

static void
describe_expect(struct sbuf *b, const struct model *m, const struct expect *e)
{
	sb_printf(b, "  status %s", status_name(e->status));
	if (e->status == AIPOLICY_WALK_BAD_ANSWER) {
		sb_printf(b, ", bad %zu\n", e->bad);
		return;
	}
	if (e->status == AIPOLICY_WALK_VERDICT)
		sb_printf(b, ", outcome '%s' (%s)", e->outcome->id,
		    aipolicy_verdict_id(e->outcome->verdict));
	if (e->next >= 0)
		sb_printf(b, ", next '%s'", m->q[e->next].id);
	sb_puts(b, "\n  path:");
	for (int i = 0; i < e->npath; i++) {
		sb_printf(b, " %s=", m->q[e->pq[i]].id);
		put_escaped(b, m->q[e->pq[i]].answers[e->pa[i]].key,
		    strlen(m->q[e->pq[i]].answers[e->pa[i]].key));
	}
	sb_puts(b, "\n  unused:");
	for (size_t i = 0; i < e->nunused; i++)
		sb_printf(b, " %zu", e->unused[i]);
	sb_puts(b, "\n  unsure:");
	for (int i = 0; i < e->npath; i++)
		if (e->pb[i])
			sb_printf(b, " %s", m->q[e->pq[i]].id);
	sb_puts(b, "\n");
}

static void
describe_result(struct sbuf *b, const struct aipolicy *p,
    const struct aipolicy_walk_result *r)
{
	sb_printf(b, "  status %s", status_name(r->status));
	if (r->status == AIPOLICY_WALK_BAD_ANSWER) {
		sb_printf(b, ", bad %zu\n", r->bad);
		return;
	}
	if (r->status == AIPOLICY_WALK_VERDICT && r->outcome != NULL)
		sb_printf(b, ", outcome '%s' (%s)", r->outcome->id,
		    aipolicy_verdict_id(r->outcome->verdict));
	else if (r->status == AIPOLICY_WALK_VERDICT)
		sb_puts(b, ", outcome NULL");
	if (r->next == AIPOLICY_WALK_NO_NEXT)
		;
	else if (r->next < p->nquestions)
		sb_printf(b, ", next '%s'", p->questions[r->next].id);
	else
		sb_printf(b, ", next out of range (%u)", (unsigned)r->next);
	sb_puts(b, "\n  path:");
	for (size_t i = 0; i < r->npath && r->path != NULL; i++) {
		const struct aipolicy_step *s = &r->path[i];

		if (s->question >= p->nquestions ||
		    s->answer >= p->questions[s->question].nanswers) {
			sb_printf(b, " (%u,%u)", (unsigned)s->question,
			    (unsigned)s->answer);
			continue;
		}
		sb_printf(b, " %s=", p->questions[s->question].id);
		put_escaped(b, p->questions[s->question].answers[s->answer].key,
		    strlen(p->questions[s->question].answers[s->answer].key));
	}
	sb_puts(b, "\n  unused:");
	for (size_t i = 0; i < r->nunused && r->unused != NULL; i++)
		sb_printf(b, " %zu", r->unused[i]);
	sb_puts(b, "\n  unsure:");
	for (size_t i = 0; i < r->nunsure && r->unsure != NULL; i++)
		sb_printf(b, " %s", r->unsure[i] < p->nquestions ?
		    p->questions[r->unsure[i]].id : "(out of range)");
	sb_puts(b, "\n");
}

static bool
compare_outcome(const struct m_outcome *mo, const struct aipolicy_outcome *o,
    struct sbuf *diff)
{
	size_t before = diff->len;

	if (o == NULL) {
		sb_puts(diff, "  outcome is NULL\n");
		return false;
	}
	if (strcmp(o->id, mo->id) != 0)
		sb_printf(diff, "  outcome id: expected '%s', got '%s'\n",
		    mo->id, o->id);
	if (o->verdict != mo->verdict)
		sb_printf(diff, "  verdict: expected %s, got %s\n",
		    aipolicy_verdict_id(mo->verdict),
		    aipolicy_verdict_id(o->verdict));
	if (o->is_inline != mo->is_inline)
		sb_printf(diff, "  is_inline: expected %d\n", mo->is_inline);
	if (o->summary == NULL || strcmp(o->summary, mo->summary) != 0)
		sb_printf(diff, "  summary: expected '%s', got '%s'\n",
		    mo->summary, o->summary ? o->summary : "(null)");
	if (mo->reviewer[0] ? o->reviewer == NULL ||
	    strcmp(o->reviewer, mo->reviewer) != 0 : o->reviewer != NULL)
		sb_printf(diff, "  reviewer: expected '%s', got '%s'\n",
		    mo->reviewer, o->reviewer ? o->reviewer : "(null)");
	if (mo->why[0] ? o->why == NULL || strcmp(o->why, mo->why) != 0 :
	    o->why != NULL)
		sb_printf(diff, "  why: expected '%s', got '%s'\n", mo->why,
		    o->why ? o->why : "(null)");
	if (o->disclose != (mo->disclose == 1))
		sb_printf(diff, "  disclose: expected %d\n", mo->disclose == 1);
	if (o->review_minutes != mo->review_minutes)
		sb_printf(diff, "  review_minutes: expected %u, got %u\n",
		    mo->review_minutes, (unsigned)o->review_minutes);
	if (o->nconditions != (size_t)mo->nconditions)
		sb_printf(diff, "  conditions: expected %d, got %zu\n",
		    mo->nconditions, o->nconditions);
	else
		for (int i = 0; i < mo->nconditions; i++)
			if (strcmp(o->conditions[i], mo->conditions[i]) != 0)
				sb_printf(diff,
				    "  condition %d: expected '%s', "
				    "got '%s'\n", i, mo->conditions[i],
				    o->conditions[i]);
	return diff->len == before;
}

/*
 * compare: every field of R against E; the differences are appended to
 * DIFF. For AIPOLICY_WALK_BAD_ANSWER only the status and the index are
 * specified.
 */
static bool
compare(const struct aipolicy *p, const struct model *m,
    const struct expect *e, const struct aipolicy_walk_result *r,
    struct sbuf *diff)
{
	size_t before = diff->len;
	size_t nunsure = 0;

	if (r->status != e->status) {
		sb_printf(diff, "  status: expected %s, got %s\n",
		    status_name(e->status), status_name(r->status));
		return false;
	}
	if (e->status == AIPOLICY_WALK_BAD_ANSWER) {
		if (r->bad != e->bad)
			sb_printf(diff, "  bad: expected %zu, got %zu\n",
			    e->bad, r->bad);
		return diff->len == before;
	}
	if (e->status == AIPOLICY_WALK_VERDICT)
		compare_outcome(e->outcome, r->outcome, diff);
	if (e->next < 0 && r->next != AIPOLICY_WALK_NO_NEXT)
		sb_puts(diff, "  next: expected none\n");
	else if (e->next >= 0 && (r->next >= p->nquestions ||
	    strcmp(p->questions[r->next].id, m->q[e->next].id) != 0))
		sb_printf(diff, "  next: expected '%s'\n", m->q[e->next].id);

	if (r->npath != (size_t)e->npath) {
		sb_printf(diff, "  path: expected %d steps, got %zu\n",
		    e->npath, r->npath);
	} else {
		for (int i = 0; i < e->npath; i++) {
			const struct aipolicy_step *s = &r->path[i];
			const struct m_question *mq = &m->q[e->pq[i]];

			if (s->question >= p->nquestions ||
			    s->answer >= p->questions[s->question].nanswers ||
			    strcmp(p->questions[s->question].id, mq->id) != 0 ||
			    strcmp(p->questions[s->question].answers[
			    s->answer].key, mq->answers[e->pa[i]].key) != 0)
				sb_printf(diff,
				    "  path step %d: expected %s=%s\n", i,
				    mq->id, mq->answers[e->pa[i]].key);
		}
	}

	if (r->nunused != e->nunused) {
		sb_printf(diff, "  unused: expected %zu, got %zu\n", e->nunused,
		    r->nunused);
	} else {
		for (size_t i = 0; i < e->nunused; i++)
			if (r->unused[i] != e->unused[i])
				sb_printf(diff,
				    "  unused[%zu]: expected %zu, got %zu\n", i,
				    e->unused[i], r->unused[i]);
	}

	for (int i = 0; i < e->npath; i++)
		nunsure += e->pb[i];
	if (r->nunsure != nunsure) {
		sb_printf(diff, "  unsure: expected %zu, got %zu\n", nunsure,
		    r->nunsure);
	} else {
		size_t j = 0;

		for (int i = 0; i < e->npath; i++) {
			const char *id = m->q[e->pq[i]].id;

			if (!e->pb[i])
				continue;
			if (r->unsure[j] >= p->nquestions ||
			    strcmp(p->questions[r->unsure[j]].id, id) != 0)
				sb_printf(diff,
				    "  unsure[%zu]: expected '%s'\n", j, id);
			j++;
		}
	}
	return diff->len == before;
}

/* report: everything needed to reproduce a mismatch, on stderr. */
static void
report(const char *test, int number, int set, unsigned flags,
    const char *yaml, const struct gv *g, size_t n, const struct model *m,
    const struct expect *e, const struct aipolicy *p,
    const struct aipolicy_walk_result *r, const char *diff)
{
	struct sbuf b = {0};

	sb_printf(&b,
	    "==== %s: mismatch (seed %llu, policy #%d, answer set #%d, "
	    "flags %s)\n", test, (unsigned long long)g_seed, number, set,
	    flags & AIPOLICY_WALK_WORST_CASE ?
	    "AIPOLICY_WALK_WORST_CASE" : "0");
	sb_printf(&b, "reproduce: AIPOLICY_SEED=%llu test_random\n",
	    (unsigned long long)g_seed);
	sb_printf(&b, "---- policy ----\n%s", yaml);
	sb_printf(&b, "---- answers given (%zu) ----\n", n);
	for (size_t i = 0; i < n; i++) {
		sb_printf(&b, "  [%zu] ", i);
		put_escaped(&b, g[i].buf, g[i].qlen);
		sb_puts(&b, " = ");
		put_escaped(&b, g[i].buf + g[i].aoff, g[i].alen);
		sb_puts(&b, g[i].qidx < 0 ? "   (unknown question)\n" : "\n");
	}
	sb_puts(&b, "---- expected (spec) ----\n");
	describe_expect(&b, m, e);
	sb_puts(&b, "---- engine ----\n");
	describe_result(&b, p, r);
	sb_printf(&b, "---- differences ----\n%s", diff);
	fputs(sb_str(&b), stderr);
	sb_release(&b);
}

/* ------------------------------------------------------------------ */
/* Running.                                                            */

/* load_model: YAML (LEN bytes) loaded, or NULL with the YAML and the
 * diagnostics on stderr. Caller owns the result. */
static struct aipolicy *
load_model(const char *test, int number, const char *yaml, size_t len)
{
	struct aipolicy_diags d;
	struct aipolicy *p = NULL;
	enum aipolicy_status st;

	aipolicy_diags_init(&d, "random.yaml");
	st = aipolicy_load_buffer("random.yaml", yaml, len, &p, &d);
	if (st != AIPOLICY_OK || p == NULL) {
		fprintf(stderr, "==== %s: policy #%d (seed %llu) did not load "
		    "(status %d)\n---- policy ----\n%s---- diagnostics ----\n",
		    test, number, (unsigned long long)g_seed, (int)st, yaml);
		for (size_t i = 0; i < d.count; i++)
			fprintf(stderr, "random.yaml:%u:%u: %s: %s\n",
			    (unsigned)d.items[i].line,
			    (unsigned)d.items[i].column,
			    d.items[i].severity == AIPOLICY_SEVERITY_ERROR ?
			    "error" : "warning", d.items[i].message);
		aipolicy_free(p);
		p = NULL;
	}
	aipolicy_diags_release(&d);
	return p;
}

/*
 * check_policy: render M, load it, and compare aipolicy_walker_run with the
 * evaluator on ANSWER_SETS random answer sets (NOT_SURE: with "?" answers,
 * each set run with flags 0 and with AIPOLICY_WALK_WORST_CASE). False after
 * reporting the first mismatch.
 */
static bool
check_policy(const char *test, int number, struct rng *r,
    const struct model *m, bool not_sure, struct stats *st)
{
	struct sbuf yaml = {0}, diff = {0};
	struct aipolicy *p;
	struct aipolicy_walker *w = NULL;
	bool ok = true;

	aipolicy_render(r, m, number, &yaml);
	p = load_model(test, number, sb_str(&yaml), yaml.len);
	if (p == NULL) {
		ok = false;
		goto out;
	}
	if (p->nquestions != (size_t)m->nq ||
	    strcmp(p->questions[p->start].id, m->q[0].id) != 0) {
		fprintf(stderr,
		    "==== %s: policy #%d (seed %llu): %zu questions, "
		    "start '%s'; expected %d, '%s'\n%s", test, number,
		    (unsigned long long)g_seed, p->nquestions,
		    p->questions[p->start].id, m->nq, m->q[0].id,
		    sb_str(&yaml));
		ok = false;
		goto out;
	}
	w = aipolicy_walker_new(p);
	assert_non_null(w);
	for (int set = 0; ok && set < ANSWER_SETS; set++) {
		struct gv g[MAX_GIVEN];
		struct aipolicy_given given[MAX_GIVEN];
		size_t n = gen_answers(r, m, g, not_sure);

		for (size_t i = 0; i < n; i++) {
			given[i].question = g[i].buf;
			given[i].question_len = g[i].qlen;
			given[i].answer = g[i].buf + g[i].aoff;
			given[i].answer_len = g[i].alen;
		}
		for (int pass = 0; ok && pass < (not_sure ? 2 : 1); pass++) {
			unsigned flags =
			    pass == 1 ? AIPOLICY_WALK_WORST_CASE : 0;
			struct aipolicy_walk_result res;
			struct expect e;

			if (not_sure)
				oracle_not_sure(m, g, n, flags, &e);
			else
				oracle_walk(m, g, n, &e);
			st->runs++;
			st->status[e.status]++;
			st->unused += e.status != AIPOLICY_WALK_BAD_ANSWER &&
			    e.nunused > 0;
			for (int i = 0; i < e.npath; i++)
				if (e.pb[i]) {
					st->unsure++;
					break;
				}
			if (e.status == AIPOLICY_WALK_VERDICT) {
				st->verdict[e.outcome->verdict]++;
				st->inline_outcome += e.outcome->is_inline;
				st->next += e.next >= 0;
				st->tie_later += e.tie_later;
			}
			memset(&res, 0, sizeof res);
			diff.len = 0;
			if (aipolicy_walker_run(w, given, n, flags, &res) != 0)
				sb_puts(&diff,
				    "  aipolicy_walker_run returned -1\n");
			else
				compare(p, m, &e, &res, &diff);
			if (diff.len > 0) {
				report(test, number, set, flags, sb_str(&yaml),
				    g, n, m, &e, p, &res, sb_str(&diff));
				ok = false;
			}
		}
	}
out:
	aipolicy_walker_free(w);
	aipolicy_free(p);
	sb_release(&yaml);
	sb_release(&diff);
	return ok;
}

/* check_stats: prints ST and fails unless every kind of result was seen
 * (with a "?" branch, in the NOT_SURE pass). */
static void
check_stats(const char *test, const struct stats *st, bool not_sure)
{
	printf("%s: %lu walks: %lu verdicts (%lu/%lu/%lu by verdict, %lu "
	    "inline, %lu with next, %lu where a tie passed over the first "
	    "path), %lu incomplete, %lu bad answers, %lu with unused, %lu "
	    "with unsure\n", test, st->runs, st->status[AIPOLICY_WALK_VERDICT],
	    st->verdict[0], st->verdict[1], st->verdict[2], st->inline_outcome,
	    st->next, st->tie_later, st->status[AIPOLICY_WALK_INCOMPLETE],
	    st->status[AIPOLICY_WALK_BAD_ANSWER], st->unused, st->unsure);
	fflush(stdout);
	assert_true(st->status[AIPOLICY_WALK_VERDICT] > st->runs / 10);
	assert_true(st->status[AIPOLICY_WALK_INCOMPLETE] > st->runs / 50);
	assert_true(st->status[AIPOLICY_WALK_BAD_ANSWER] > st->runs / 50);
	for (int v = 0; v < AIPOLICY_VERDICT_COUNT; v++)
		assert_true(st->verdict[v] > 0);
	assert_true(st->inline_outcome > 0);
	assert_true(st->unused > 0);
	if (not_sure) {
		assert_true(st->unsure > st->runs / 10);
		assert_true(st->next > st->runs / 20);
		assert_true(st->tie_later > 0);
	} else {
		assert_int_equal(st->unsure, 0);
		assert_int_equal(st->next, 0);
	}
}

static void
on_alarm(int sig)
{
	static const char msg[] =
	    "test_worst_case_2_to_60: aipolicy_walker_run did not "
	    "return within 60 s (is the worst-case walk exponential?)\n";

	(void)sig;
	if (write(2, msg, sizeof msg - 1) < 0)
		_exit(1);
	_exit(1);
}

static int
group_setup(void **state)
{
	const char *s = getenv("AIPOLICY_SEED");

	(void)state;
	if (s != NULL && *s != '\0') {
		char *end;
		unsigned long long v;

		errno = 0;
		v = strtoull(s, &end, 0);
		if (errno != 0 || *end != '\0') {
			fprintf(stderr,
			    "test_random: AIPOLICY_SEED '%s' is not a "
			    "number\n", s);
			return -1;
		}
		g_seed = v;
	}
	printf("test_random: seed %llu (AIPOLICY_SEED=%llu reproduces this "
	    "run)\n", (unsigned long long)g_seed, (unsigned long long)g_seed);
	fflush(stdout);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Tests.                                                              */

/* Plain walks (no "?", no flags) on policies of 1..30 questions. */
static void
test_random_walk(void **state)
{
	struct model *m = calloc(1, sizeof *m);
	struct rng r;
	struct stats st = {0};
	bool ok = true;

	(void)state;
	assert_non_null(m);
	rng_init(&r, g_seed ^ 0x77616c6bull);
	for (int i = 0; ok && i < POLICIES; i++) {
		gen_model(&r, m, 1 + (int)rng_below(&r, 30), MAX_A,
		    20 + rng_below(&r, 50));
		ok = check_policy("test_random_walk", i, &r, m, false, &st);
	}
	free(m);
	if (!ok)
		fail_msg("aipolicy_walker_run disagrees with the spec "
		    "(seed %llu); see above", (unsigned long long)g_seed);
	check_stats("test_random_walk", &st, false);
}

/* "Not sure": "?" answers, with and without AIPOLICY_WALK_WORST_CASE, on
 * policies small enough for the exhaustive evaluator. */
static void
test_random_not_sure(void **state)
{
	struct model *m = calloc(1, sizeof *m);
	struct rng r;
	struct stats st = {0};
	bool ok = true;

	(void)state;
	assert_non_null(m);
	rng_init(&r, g_seed ^ 0x3f3f3f3full);
	for (int i = 0; ok && i < POLICIES; i++) {
		unsigned q_percent = 20 + rng_below(&r, 40);

		for (;;) {
			gen_model(&r, m, 1 + (int)rng_below(&r, NOT_SURE_MAX_Q),
			    1 + (int)rng_below(&r, MAX_A - 1) + 1, q_percent);
			if (count_paths(m) <= NOT_SURE_PATHS)
				break;
			if (q_percent > 5)
				q_percent -= 5;
		}
		ok = check_policy("test_random_not_sure", i, &r, m, true, &st);
	}
	free(m);
	if (!ok)
		fail_msg("aipolicy_walker_run disagrees with the spec "
		    "(seed %llu); see above", (unsigned long long)g_seed);
	check_stats("test_random_not_sure", &st, true);
}

/*
 * A chain of 60 questions, each with two answers that both lead to the
 * next one (2^60 paths); the last one's answers lead to outcomes of the
 * three verdicts in random order. The worst case must come back at once
 * (memoised), with the most restrictive verdict, 60 steps and 60 unsure
 * questions. The expectation is computed from the model in linear time.
 */
static void
test_worst_case_2_to_60(void **state)
{
	struct model *m = calloc(1, sizeof *m);
	struct sbuf yaml = {0}, diff = {0};
	struct aipolicy *p;
	struct aipolicy_walker *w;
	struct aipolicy_walk_result res;
	struct expect e;
	struct gv g[1];
	struct aipolicy_given given[1];
	struct rng r;
	int perm[AIPOLICY_VERDICT_COUNT] = {0, 1, 2};
	int best = 0, last = CHAIN - 1, pick;
	bool ok = true;

	(void)state;
	assert_non_null(m);
	rng_init(&r, g_seed ^ 0x3c3c3cull);
	m->nq = CHAIN;
	for (int i = 0; i < CHAIN; i++) {
		struct m_question *q = &m->q[i];

		gen_id(&r, m, i, 0, q->id);
		snprintf(q->ask, sizeof q->ask, "Question %d?", i);
		q->nanswers = i == last ? AIPOLICY_VERDICT_COUNT : 2;
		for (int k = 0; k < q->nanswers; k++) {
			gen_key(&r, q, k, q->answers[k].key);
			q->answers[k].kind = T_QUESTION;
			q->answers[k].index = i + 1;
		}
		m->order[i] = i;
	}
	for (int i = AIPOLICY_VERDICT_COUNT - 1; i > 0; i--) {
		int j = (int)rng_below(&r, (uint32_t)i + 1), t = perm[i];

		perm[i] = perm[j];
		perm[j] = t;
	}
	m->no = AIPOLICY_VERDICT_COUNT;
	for (int k = 0; k < AIPOLICY_VERDICT_COUNT; k++) {
		gen_outcome(&r, &m->o[k]);
		gen_id(&r, m, CHAIN, k, m->o[k].id);
		m->o[k].verdict = (enum aipolicy_verdict)perm[k];
		if (m->o[k].verdict == AIPOLICY_VERDICT_USE_WITH_REVIEW)
			snprintf(m->o[k].reviewer, sizeof m->o[k].reviewer,
			    "%s", "Your line manager");
		else
			m->o[k].reviewer[0] = '\0';
		if (m->o[k].verdict != AIPOLICY_VERDICT_USE_WITH_REVIEW)
			m->o[k].review_minutes = 0;
		m->q[last].answers[k].kind = T_OUTCOME;
		m->q[last].answers[k].index = k;
	}
	for (int k = 1; k < AIPOLICY_VERDICT_COUNT; k++)
		if (m->o[k].verdict > m->o[best].verdict)
			best = k;

	aipolicy_render(&r, m, 0, &yaml);
	p = load_model("test_worst_case_2_to_60", 0, sb_str(&yaml), yaml.len);
	assert_non_null(p);
	w = aipolicy_walker_new(p);
	assert_non_null(w);
	signal(SIGALRM, on_alarm);

	/* 1. No answers, AIPOLICY_WALK_WORST_CASE: every question branched, the
	 * first answer kept where both lead to the same (tie: first
	 * reached). */
	memset(&e, 0, sizeof e);
	e.status = AIPOLICY_WALK_VERDICT;
	e.outcome = &m->o[best];
	e.npath = CHAIN;
	for (int i = 0; i < CHAIN; i++) {
		e.pq[i] = i;
		e.pa[i] = i == last ? best : 0;
		e.pb[i] = true;
	}
	e.next = 0; /* every question is unanswered; best is not use-freely */
	memset(&res, 0, sizeof res);
	alarm(60);
	assert_int_equal(aipolicy_walker_run(w, given, 0,
	    AIPOLICY_WALK_WORST_CASE, &res), 0);
	alarm(0);
	if (!compare(p, m, &e, &res, &diff)) {
		report("test_worst_case_2_to_60", 0, 0,
		    AIPOLICY_WALK_WORST_CASE, sb_str(&yaml), g, 0, m, &e, p,
		    &res, sb_str(&diff));
		ok = false;
	}
	assert_int_equal(res.status, AIPOLICY_WALK_VERDICT);
	assert_non_null(res.outcome);
	assert_int_equal(res.outcome->verdict, m->o[best].verdict);
	assert_int_equal(res.npath, CHAIN);
	assert_int_equal(res.nunsure, CHAIN);

	/* 2. "?" for the start question, no flags: below it every unanswered
	 * question is branched too, so the same result, but the first
	 * unanswered question is the second. */
	e.next = 1;
	given_set(&g[0], &r, m->q[0].id, 0, "?");
	given[0].question = g[0].buf;
	given[0].question_len = g[0].qlen;
	given[0].answer = g[0].buf + g[0].aoff;
	given[0].answer_len = g[0].alen;
	memset(&res, 0, sizeof res);
	diff.len = 0;
	alarm(60);
	assert_int_equal(aipolicy_walker_run(w, given, 1, 0, &res), 0);
	alarm(0);
	if (ok && !compare(p, m, &e, &res, &diff)) {
		report("test_worst_case_2_to_60", 0, 1, 0, sb_str(&yaml), g, 1,
		    m, &e, p, &res, sb_str(&diff));
		ok = false;
	}

	/* 3. The last question answered, AIPOLICY_WALK_WORST_CASE: its answer
	 * is followed, the 59 before it branched. */
	pick = (int)rng_below(&r, AIPOLICY_VERDICT_COUNT);
	given_set(&g[0], &r, m->q[last].id, last, m->q[last].answers[pick].key);
	given[0].question = g[0].buf;
	given[0].question_len = g[0].qlen;
	given[0].answer = g[0].buf + g[0].aoff;
	given[0].answer_len = g[0].alen;
	e.outcome = &m->o[pick];
	e.pa[last] = pick;
	e.pb[last] = false;
	e.next = m->o[pick].verdict == AIPOLICY_VERDICT_USE_FREELY ? -1 : 0;
	memset(&res, 0, sizeof res);
	diff.len = 0;
	alarm(60);
	assert_int_equal(aipolicy_walker_run(w, given, 1,
	    AIPOLICY_WALK_WORST_CASE, &res), 0);
	alarm(0);
	if (ok && !compare(p, m, &e, &res, &diff)) {
		report("test_worst_case_2_to_60", 0, 2,
		    AIPOLICY_WALK_WORST_CASE, sb_str(&yaml), g, 1, m, &e, p,
		    &res, sb_str(&diff));
		ok = false;
	}
	signal(SIGALRM, SIG_DFL);

	aipolicy_walker_free(w);
	aipolicy_free(p);
	sb_release(&yaml);
	sb_release(&diff);
	free(m);
	if (!ok)
		fail_msg("aipolicy_walker_run disagrees with the spec "
		    "(seed %llu); see above", (unsigned long long)g_seed);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_walk),
		cmocka_unit_test(test_random_not_sure),
		cmocka_unit_test(test_worst_case_2_to_60),
	};

	return cmocka_run_group_tests(tests, group_setup, NULL);
}

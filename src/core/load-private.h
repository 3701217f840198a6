/*
 * load-private.h: what the parts of the loader share. The loader reads the
 * file's YAML events once (yaml-read.c) and fills the policy as they come
 * (schema*.c), keeping aside only what names something that may come later
 * in the file: answer targets, `start`, the test cases' questions and
 * expectations. Once the file is read, link.c resolves those names through
 * the policy's id indexes and graph.c checks the graph. load.c holds the
 * entry points. Private to src/core.
 *
 * Diagnostics come in two rounds, as a policy owner reads them: the YAML
 * ones (found while reading) go straight to the caller's list; those of the
 * format and the graph are kept in `late` and follow them, so that at one
 * place a YAML mistake is told first, and none are told when the file is
 * not valid YAML.
 */
#ifndef AIPOLICY_LOAD_PRIVATE_H
#define AIPOLICY_LOAD_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "aipolicy/diag.h"
#include "aipolicy/policy.h"
#include "source.h"
#include "util.h"
#include "yaml-read.h"

/* Room for "inline outcome 'ID.ANSWER'" and the like: ids and answer keys
 * are short (AIPOLICY_MAX_ID, AIPOLICY_MAX_ANSWER code points). */
#define WHAT_MAX 512

/* Names mapping MSG in messages: FMT with one %s for ARG ("question
 * '%s'", "data"), or FMT alone when ARG is NULL. Formatted only when a
 * message needs it. */
struct what {
	const char *fmt;
	const char *arg;
};

/* A key of a mapping the format knows, and where it was found. */
struct keyspec {
	const char *name;
	bool required;
	bool seen;
	uint32_t line, column;  /* of the key, once seen */
};

/* An answer of a question, by place (the arrays move while loading). */
struct answer_ref {
	uint32_t question, answer;
};

/* An id's length and hash (strindex_hash), taken while its text was at
 * hand: the indexes are built and asked without touching the texts. */
struct id_key {
	uint32_t len, hash;
};

/* An answer target that names a question or an outcome. Its name (LEN
 * bytes, NUL-terminated) is kept in the struct when it fits, as nearly
 * every id does, else in the scratch arena: pending_name says where. */
struct pending_target {
	struct answer_ref at;
	union {
		char text[8];       /* LEN < 8 */
		const char *ptr;    /* otherwise */
	} name;
	uint32_t len, hash;
	uint32_t line, column;
};

/* pending_name: the name of T (NUL-terminated). */
static inline const char *
pending_name(const struct pending_target *t)
{
	return t->len < sizeof t->name.text ? t->name.text : t->name.ptr;
}

/* A test case's answer, checked once every question is known. */
struct pending_answer {
	uint32_t test;          /* index into tests */
	const char *question, *answer;  /* in the scratch arena */
	size_t question_len, answer_len;
	bool answer_is_text;    /* else: found_what says what it is */
	const char *found_what;
	uint32_t qline, qcolumn, aline, acolumn;
};

/* A test case's `expect`, checked once every outcome is known. */
struct pending_expect {
	uint32_t test;
	const char *text;       /* in the scratch arena */
	size_t len;
	uint32_t line, column;
};

/* The diagnostics of the late round from FROM up to TO (indexes). */
struct late_range {
	size_t from, to;
};

/* The late round as it stood at a point of the load, counts included:
 * late_rewind goes back to it. */
struct late_mark {
	size_t count, nerrors, nwarnings, dropped;
	bool last_dropped;
};

/* A value kept for later (`start`): its event, the text of a scalar in
 * the scratch arena. */
struct kept_value {
	bool present;
	struct yread_event ev;
};

/* An answer key with a problem, told when its mapping ends (after the
 * count of answers, which is told at the mapping's start). */
enum key_problem {
	KEY_OK, KEY_EMPTY, KEY_SPACE, KEY_MULTILINE, KEY_TOO_LONG,
	KEY_RESERVED, KEY_SAME_CASE
};

struct key_report {
	enum key_problem problem;
	const char *key;        /* in the scratch arena */
	uint32_t line, column;
	uint32_t same;          /* KEY_SAME_CASE: the answer it repeats */
};

struct loader {
	struct source *src;          /* the policy's */
	struct aipolicy_diags *d;    /* the caller's: YAML-level ones */
	struct aipolicy_diags late;  /* the format's and the graph's */
	size_t errors_before;        /* d->nerrors when the load began */
	struct yread r;
	struct aipolicy *p;
	struct arena *arena;         /* the policy's */
	struct arena scratch;        /* what only the load needs */
	/* Read so far: questions (p->questions, p->nquestions), named and
	 * inline outcomes, test cases. */
	size_t questions_cap;
	struct strindex bad_keys;    /* keys of `questions` that are no id,
	                                to find their repeats */
	struct aipolicy_location *bad_keys_at;
	size_t nbad_keys, bad_keys_cap;
	struct aipolicy_outcome *named;
	size_t nnamed, named_cap;
	struct id_key *nkeys;        /* of each named outcome */
	size_t nkeys_cap;
	struct late_range *named_said;  /* what each one's body told */
	size_t named_said_cap;
	struct aipolicy_outcome *inlined;
	struct answer_ref *inlined_at;  /* the answer each one is of */
	struct id_key *ikeys;        /* of each inline outcome */
	size_t ninlined, inlined_cap, inlined_at_cap, ikeys_cap;
	struct aipolicy_test_case *tests;
	size_t ntests, tests_cap;
	size_t test_errors;          /* errors the test cases' shapes gave:
	                                they do not stop the graph checks */
	/* Names to resolve once the file is read. */
	struct pending_target *targets;
	size_t ntargets, targets_cap;
	struct pending_answer *tanswers;
	size_t ntanswers, tanswers_cap;
	struct pending_expect *expects;
	size_t nexpects, expects_cap;
	struct kept_value start;
	/* Reused while reading one mapping of answers or of conditions. */
	struct aipolicy_answer *answers;
	size_t answers_cap;
	struct key_report *reports;
	size_t nreports, reports_cap;
	const char **conditions;
	size_t conditions_cap;
	bool translation;            /* the file has 'aipolicy-translation':
	                                a translation, not a policy? */
	bool oom;
};

/* load_check_bytes: the checks of LD's file that need no parsing: size,
 * emptiness, encoding (messages name the file as ld->r.kind and its first
 * key as ld->r.first_key, set before yread_init). true when the YAML can
 * be read; after false, an error is in ld->d or ld->oom is set. */
bool load_check_bytes(struct loader *ld);

/* Messages of the format and the graph (the late round). */
void load_error(struct loader *ld, uint32_t line, uint32_t column,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void load_warning(struct loader *ld, uint32_t line, uint32_t column,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* late_drop: take back the late diagnostics of R (the body of an outcome
 * whose id turned out to be a question's: it is not part of the policy). */
void late_drop(struct loader *ld, const struct late_range *r);

/* late_mark: where the late round stands now, into *M. */
void late_mark(const struct loader *ld, struct late_mark *m);

/* late_rewind: take back every late diagnostic told since *M was taken,
 * as if none had been (those past AIPOLICY_DIAG_KEEP_MAX included). */
void late_rewind(struct loader *ld, const struct late_mark *m);

/*
 * load_wrong: V is not of the kind the message (FMT...) says it must be:
 * the error "MESSAGE, found WHAT", WHAT being null, a mapping, a sequence
 * or a scalar, or the scalar's text in quotes when QUOTE_TEXT. Nothing for
 * an alias (reported already). V's contents are passed over. The one
 * "wrong kind of node" error.
 */
void load_wrong(struct loader *ld, const struct yread_event *v,
    bool quote_text, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* load_found: "null", "a mapping", "a sequence", "an alias", "a scalar". */
const char *load_found(const struct yread_event *v);

/* load_what: W as text in BUF (SIZE bytes); returns BUF. */
const char *load_what(const struct what *w, char *buf, size_t size);

/*
 * map_next: read the next entry's key of the mapping being read into *KEY.
 * true for a scalar key (its value comes next); false at the end of the
 * mapping or when reading stopped. Entries whose key is not a scalar are
 * passed over (reported by the reader). *ENTRIES (when not NULL) counts
 * every entry, those included.
 */
bool map_next(struct loader *ld, struct yread_event *key, size_t *entries);

/* value_next: read the value after a key into *V. false when reading
 * stopped. */
bool value_next(struct loader *ld, struct yread_event *v);

/* value_skip: pass over the value V (its contents, if any). */
void value_skip(struct loader *ld, const struct yread_event *v);

/*
 * keys_match: which of SPECS (N of them) KEY names; -1 for a key to pass
 * over: an x- extension, a repeated key (reported by the reader), or an
 * unknown key, reported here with the closest known one.
 */
int keys_match(struct loader *ld, struct keyspec *specs, size_t n,
    const struct yread_event *key, const struct what *w);

/* keys_missing: report the required SPECS not seen in the mapping W that
 * starts at LINE:COLUMN. */
void keys_missing(struct loader *ld, const struct keyspec *specs, size_t n,
    uint32_t line, uint32_t column, const struct what *w);

/*
 * take_text: a text field NAME from V: a non-empty, non-null scalar, one
 * line unless MULTILINE. Returns it in the policy's arena, or NULL after an
 * error (or when out of memory: ld->oom). V's contents are passed over.
 */
const char *take_text(struct loader *ld, const struct yread_event *v,
    const char *name, bool multiline);

/* take_date: a date field NAME from V into *OUT and its place into *LOC.
 * false after an error. */
bool take_date(struct loader *ld, const struct yread_event *v,
    const char *name, aipolicy_date_t *out, struct aipolicy_location *loc);

/* parse_uint: V is plain decimal digits, no sign, no leading zero. */
bool parse_uint(const struct yread_event *v, uint32_t *out);

/* check_id: V is an id ([a-z0-9][a-z0-9_-]*, at most AIPOLICY_MAX_ID
 * characters); else the error names it as WHAT ("question id"). */
bool check_id(struct loader *ld, const struct yread_event *v,
    const char *what);

/* id_key_add: keep the length and hash of id S (N bytes) as item AT of
 * *KEYS (*CAP items of room). false when out of memory. */
bool id_key_add(struct id_key **keys, size_t *cap, size_t at, const char *s,
    size_t n);

/* load_strdup: N bytes at S in ARENA, NUL-terminated; NULL (and ld->oom)
 * when out of memory. */
char *load_strdup(struct loader *ld, struct arena *arena, const char *s,
    size_t n);

/* schema_document: read the whole document into the policy. false when
 * reading stopped before its end (a YAML error, or out of memory). */
bool schema_document(struct loader *ld);

/* schema_questions: read the mapping `questions` (just started). */
void schema_questions(struct loader *ld, const struct yread_event *m);

/* schema_outcomes: read the mapping `outcomes` (just started). */
void schema_outcomes(struct loader *ld, const struct yread_event *m);

/* schema_outcome: fill O from the mapping M (just started), named W. */
void schema_outcome(struct loader *ld, struct aipolicy_outcome *o,
    const struct yread_event *m, const struct what *w);

/* schema_tests: read the sequence `tests` (just started). */
void schema_tests(struct loader *ld, const struct yread_event *seq);

/* link_policy: put the outcomes in place, build the id indexes, resolve
 * the names kept aside, check the graph and the test cases. */
void link_policy(struct loader *ld);

/* link_tests: check the test cases' questions, answers and expectations
 * (every id known). */
void link_tests(struct loader *ld);

#endif

/*
 * policy.h: a policy in memory, and how to load one.
 *
 * A policy is a decision graph (a DAG) of questions whose answers lead to
 * other questions or to outcomes; every outcome carries one of three
 * verdicts. policy_load_file() reads a format-v1 YAML file
 * (docs/policy-format.md), checks every rule of the format and
 * reports each broken one as a diagnostic with its line and column.
 *
 * A loaded policy is immutable and owns all its memory (one arena, freed by
 * policy_free()). Indexes are uint32_t: a policy file is at most 64 MiB, so
 * it cannot hold more than 2^32 of anything.
 */
#ifndef AIPOLICY_POLICY_H
#define AIPOLICY_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "aipolicy/diag.h"

#define POLICY_MAX_FILE   (64u * 1024 * 1024) /* bytes */
#define POLICY_MAX_DEPTH  32                  /* nesting levels */
#define POLICY_MAX_SCALAR (64u * 1024)        /* bytes of one scalar */
#define POLICY_MAX_ID     64                  /* characters of an id */
#define POLICY_MAX_ANSWER 80                  /* code points of an answer key */
#define POLICY_MAX_LABEL  40                  /* code points of a label */

/* The three verdicts, from least to most restrictive. */
enum verdict {
	VERDICT_USE_FREELY,
	VERDICT_USE_WITH_REVIEW,
	VERDICT_DO_NOT_USE,
};
#define VERDICT_COUNT 3

/* verdict_id: "use-freely", ...; verdict_words: "Use AI freely", ... */
const char *verdict_id(enum verdict v);
const char *verdict_words(enum verdict v);
/* verdict_exit_code: 0, 10 or 20. */
int verdict_exit_code(enum verdict v);
/* verdict_parse: true and *out set when S (LEN bytes) is a verdict id. */
bool verdict_parse(const char *s, size_t len, enum verdict *out);

/* A place in the file: 1-based line and column (code points). */
struct location {
	uint32_t line, column;
};

struct outcome {
	const char *id;          /* "free", or "QUESTION.answer" when inline */
	enum verdict verdict;
	const char *summary;
	const char *why;         /* NULL when absent */
	const char *reviewer;    /* non-NULL exactly for use-with-review */
	bool disclose;
	const char **conditions; /* nconditions one-line strings */
	size_t nconditions;
	uint32_t review_minutes; /* 0 when not given */
	bool is_inline;
	bool reachable;          /* some path from start leads here */
	struct location loc;     /* of the id (or of the inline mapping) */
};

enum target_kind { TARGET_QUESTION, TARGET_OUTCOME };

struct target {
	enum target_kind kind;
	uint32_t index;          /* into questions[] or outcomes[] */
};

struct answer {
	const char *key;         /* as the policy spells it */
	struct target target;
	struct location loc;     /* of the key */
};

struct question {
	const char *id;
	const char *ask;
	const char *label;       /* the label, or ask when none was given */
	bool has_label;          /* a label was given */
	const char *help;        /* NULL when absent */
	struct answer *answers;  /* in the policy's order, at least two */
	size_t nanswers;
	uint32_t height;         /* questions on the longest path from here to
	                          * an outcome, this one included */
	bool reachable;          /* some path from start leads here */
	struct location loc;     /* of the id */
};

struct test_answer {
	const char *question;    /* as written in the case */
	const char *answer;
	struct location loc;     /* of the question id */
};

struct test_case {
	struct test_answer *answers;
	size_t nanswers;
	const char *expect;      /* a verdict id or an outcome id */
	struct location loc;     /* of the case's mapping */
};

/* A calendar date as YYYYMMDD, e.g. 20261231: ordered like the dates. */
typedef int32_t date_t;

struct policy_private;

struct policy {
	const char *file;        /* the name it was loaded under */
	const char *id, *title, *version, *owner;
	date_t effective, review_by;
	struct location effective_loc, review_by_loc;
	uint32_t start;          /* index of the first question */
	struct question *questions;
	size_t nquestions;
	struct outcome *outcomes; /* named ones in file order, then inline ones */
	size_t noutcomes;
	struct test_case *tests;
	size_t ntests;
	char sha256[65];         /* lowercase hex of the file's raw bytes */
	struct policy_private *priv;
};

/* Results of policy_load_*. */
enum load_status {
	LOAD_OK = 0,
	LOAD_INVALID,            /* diagnostics with at least one error */
	LOAD_CANNOT_OPEN,        /* errno is set; nothing added to diags */
};

/*
 * policy_load_file: read and check the policy at PATH. On LOAD_OK, *out is
 * a new policy the caller owns (free with policy_free); warnings found while
 * loading (unreachable nodes, bidirectional text) are in D. Otherwise *out
 * is NULL and D holds the errors (LOAD_INVALID), or errno says why the file
 * could not be read (LOAD_CANNOT_OPEN). PATH is copied.
 */
enum load_status policy_load_file(const char *path, struct policy **out,
    struct diags *d);

/*
 * policy_load_buffer: the same for LEN bytes at BUF (not kept), named NAME
 * in diagnostics (copied).
 */
enum load_status policy_load_buffer(const char *name, const char *buf,
    size_t len, struct policy **out, struct diags *d);

/* policy_free: frees P and everything it owns; NULL is a no-op. */
void policy_free(struct policy *p);

/* policy_find_question: index of the question with id S (LEN bytes), or -1. */
int64_t policy_find_question(const struct policy *p, const char *s,
    size_t len);
/* policy_find_outcome: index of the outcome with id S (LEN bytes), or -1. */
int64_t policy_find_outcome(const struct policy *p, const char *s,
    size_t len);

/*
 * question_match: index of the answer of Q that S (LEN bytes) names, after
 * trimming white space around S and ignoring ASCII case; -1 when none does.
 */
int64_t question_match(const struct question *q, const char *s, size_t len);

/* policy_source_line: the text of line LINE of the file (no line break),
 * its length in *len; NULL when there is no such line. */
const char *policy_source_line(const struct policy *p, uint32_t line,
    size_t *len);

/* date_parse: true when S (LEN bytes) is YYYY-MM-DD, a real calendar date. */
bool date_parse(const char *s, size_t len, date_t *out);
/* date_format: writes YYYY-MM-DD and a NUL to BUF (at least 11 bytes). */
void date_format(date_t d, char *buf);
/* date_today: the local date. */
date_t date_today(void);

/* policy_is_stale: TODAY is after review_by. */
bool policy_is_stale(const struct policy *p, date_t today);

#endif

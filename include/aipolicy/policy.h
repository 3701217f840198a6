/*
 * policy.h: a policy in memory, and how to load one.
 *
 * A policy is a decision graph (a DAG) of questions whose answers lead to
 * other questions or to outcomes; every outcome carries one of three
 * verdicts. aipolicy_load_file() reads a format-v1 YAML file
 * (docs/policy-format.md), checks every rule of the format and
 * reports each broken one as a diagnostic with its line and column.
 *
 * A loaded policy is immutable and owns all its memory (one arena, freed by
 * aipolicy_free()). Indexes are uint32_t: a policy file is at most 64 MiB, so
 * it cannot hold more than 2^32 of anything.
 *
 * Threads: every function here may be called from any thread. Loading uses
 * no global state; a loaded policy is never changed until aipolicy_free, so
 * any number of threads may read it and walk it at once (walk.h), as long
 * as none frees it meanwhile.
 */
#ifndef AIPOLICY_POLICY_H
#define AIPOLICY_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "aipolicy/diag.h"
#include "aipolicy/version.h"

#ifdef __cplusplus
extern "C" {
#endif

#define AIPOLICY_MAX_FILE   (64u * 1024 * 1024) /* bytes */
#define AIPOLICY_MAX_DEPTH  32           /* nesting levels */
#define AIPOLICY_MAX_SCALAR (64u * 1024) /* bytes of one scalar */
#define AIPOLICY_MAX_ID     64           /* characters of an id */
#define AIPOLICY_MAX_ANSWER 80           /* code points of an answer key */
#define AIPOLICY_MAX_LABEL  40           /* code points of a label */

/* The three verdicts, from least to most restrictive. */
enum aipolicy_verdict {
	AIPOLICY_VERDICT_USE_FREELY,
	AIPOLICY_VERDICT_USE_WITH_REVIEW,
	AIPOLICY_VERDICT_DO_NOT_USE,
};
#define AIPOLICY_VERDICT_COUNT 3

/* aipolicy_verdict_id: "use-freely", ...; aipolicy_verdict_words: "Use AI
 * freely", ... in English. */
AIPOLICY_API const char *aipolicy_verdict_id(enum aipolicy_verdict v);
AIPOLICY_API const char *aipolicy_verdict_words(enum aipolicy_verdict v);
/* aipolicy_verdict_parse: true and *out set when S (LEN bytes) is a verdict
 * id. */
AIPOLICY_API bool aipolicy_verdict_parse(const char *s, size_t len,
    enum aipolicy_verdict *out);

/* A place in the file: 1-based line and column (code points). */
struct aipolicy_location {
	uint32_t line, column;
};

struct aipolicy_outcome {
	const char *id;          /* "free", or "QUESTION.answer" when inline */
	enum aipolicy_verdict verdict;
	const char *summary;
	const char *why;         /* NULL when absent */
	const char *reviewer;    /* non-NULL exactly for use-with-review */
	bool disclose;
	const char **conditions; /* nconditions one-line strings */
	size_t nconditions;
	uint32_t review_minutes; /* 0 when not given */
	bool is_inline;
	bool reachable;          /* some path from start leads here */
	struct aipolicy_location loc; /* of the id (or the inline mapping) */
	/* Where each text is written (for translators); 0:0 when absent. */
	struct aipolicy_location summary_loc, why_loc, reviewer_loc,
	    conditions_loc;
};

enum aipolicy_target_kind { AIPOLICY_TARGET_QUESTION, AIPOLICY_TARGET_OUTCOME };

struct aipolicy_target {
	enum aipolicy_target_kind kind;
	uint32_t index;          /* into questions[] or outcomes[] */
};

struct aipolicy_answer {
	const char *key;         /* as the policy spells it: what scripts send
	                          * and logs record */
	const char *shown;       /* as people are shown it: the key itself, or
	                          * its translation (translation.h) */
	struct aipolicy_target target;
	struct aipolicy_location loc;     /* of the key */
};

struct aipolicy_question {
	const char *id;
	const char *ask;
	const char *label;       /* the label, or ask when none was given */
	bool has_label;          /* a label was given */
	const char *help;        /* NULL when absent */
	struct aipolicy_answer *answers; /* in the policy's order; 2 or more */
	size_t nanswers;
	uint32_t height;         /* questions on the longest path from here to
	                          * an outcome, this one included */
	bool reachable;          /* some path from start leads here */
	struct aipolicy_location loc;     /* of the id */
	/* Where each text is written (for translators); 0:0 when absent. */
	struct aipolicy_location ask_loc, label_loc, help_loc;
};

struct aipolicy_test_answer {
	const char *question;    /* as written in the case */
	const char *answer;
	struct aipolicy_location loc;     /* of the question id */
};

struct aipolicy_test_case {
	struct aipolicy_test_answer *answers;
	size_t nanswers;
	const char *expect;      /* a verdict id or an outcome id */
	struct aipolicy_location loc;     /* of the case's mapping */
};

/* A calendar date as YYYYMMDD, e.g. 20261231: ordered like the dates. */
typedef int32_t aipolicy_date_t;

struct aipolicy_private;

struct aipolicy {
	const char *file;        /* the name it was loaded under */
	const char *id, *title, *version, *owner;
	aipolicy_date_t effective, review_by;
	struct aipolicy_location effective_loc, review_by_loc;
	struct aipolicy_location title_loc, owner_loc;
	uint32_t start;          /* index of the first question */
	struct aipolicy_question *questions;
	size_t nquestions;
	/* named ones in file order, then inline ones */
	struct aipolicy_outcome *outcomes;
	size_t noutcomes;
	struct aipolicy_test_case *tests;
	size_t ntests;
	char sha256[65];         /* lowercase hex of the file's raw bytes; ""
	                          * when loaded without AIPOLICY_LOAD_DIGEST */
	struct aipolicy_private *priv;
};

/* Results of policy_load_*. */
enum aipolicy_status {
	AIPOLICY_OK = 0,
	AIPOLICY_INVALID,            /* diagnostics with at least one error */
	AIPOLICY_CANNOT_OPEN,        /* errno is set; nothing added to diags */
	AIPOLICY_NOMEM,
	    /* out of memory: nothing is known about the
	                          * file (diags may hold some of its
	                          * problems) */
};

/*
 * aipolicy_load_file: read and check the policy at PATH. On AIPOLICY_OK, *out
 * is a new policy the caller owns (free with aipolicy_free); warnings found
 * while loading (unreachable nodes, bidirectional text) are in D. Otherwise
 * *out is NULL and D holds the errors (AIPOLICY_INVALID), or errno says why the
 * file could not be read (AIPOLICY_CANNOT_OPEN), or memory ran out
 * (AIPOLICY_NOMEM: an error of the machine, not of the file). PATH is copied.
 * The file is read once; the policy keeps its bytes.
 */
AIPOLICY_API enum aipolicy_status aipolicy_load_file(const char *path,
    struct aipolicy **out, struct aipolicy_diags *d);

/*
 * aipolicy_load_buffer: aipolicy_load_file for LEN bytes at BUF (not kept),
 * named NAME in diagnostics (copied).
 */
AIPOLICY_API enum aipolicy_status aipolicy_load_buffer(const char *name,
    const char *buf, size_t len, struct aipolicy **out,
    struct aipolicy_diags *d);

/* What aipolicy_load_file_with computes besides the policy itself. */
enum aipolicy_load_flags {
	AIPOLICY_LOAD_DIGEST = 1 << 0, /* sha256: the SHA-256 of the file */
};

/*
 * aipolicy_load_file_with: aipolicy_load_file computing only what FLAGS
 * ask for (aipolicy_load_file is AIPOLICY_LOAD_DIGEST). Without
 * AIPOLICY_LOAD_DIGEST the file is not hashed and sha256 is the empty
 * string: only the outputs that name the policy by its digest (JSON
 * results, decision logs) need it.
 */
AIPOLICY_API enum aipolicy_status aipolicy_load_file_with(const char *path,
    unsigned flags, struct aipolicy **out, struct aipolicy_diags *d);

/* aipolicy_free: frees P and everything it owns; NULL is a no-op. */
AIPOLICY_API void aipolicy_free(struct aipolicy *p);

/* aipolicy_find_question: index of the question with id S (LEN bytes), or
 * -1. */
AIPOLICY_API int64_t aipolicy_find_question(const struct aipolicy *p,
    const char *s,
    size_t len);
/* aipolicy_find_outcome: index of the outcome with id S (LEN bytes), or -1. */
AIPOLICY_API int64_t aipolicy_find_outcome(const struct aipolicy *p,
    const char *s,
    size_t len);

/*
 * aipolicy_question_match: index of the answer of Q that S (LEN bytes)
 * names, after trimming white space around S and ignoring ASCII case: its
 * key, or else its shown text (a translated policy's answer as people see
 * it); -1 when none does.
 */
AIPOLICY_API int64_t aipolicy_question_match(const struct aipolicy_question *q,
    const char *s, size_t len);

/* aipolicy_source_line: the text of line LINE of the file (no line break),
 * its length in *len; NULL when there is no such line. */
AIPOLICY_API const char *aipolicy_source_line(const struct aipolicy *p,
    uint32_t line, size_t *len);

/* aipolicy_date_parse: true when S (LEN bytes) is YYYY-MM-DD, a real calendar
 * date. */
AIPOLICY_API bool aipolicy_date_parse(const char *s, size_t len,
    aipolicy_date_t *out);
/* aipolicy_date_format: writes YYYY-MM-DD and a NUL to BUF (at least 11
 * bytes). */
AIPOLICY_API void aipolicy_date_format(aipolicy_date_t d, char *buf);
/* aipolicy_date_today: the local date. */
AIPOLICY_API aipolicy_date_t aipolicy_date_today(void);

/* aipolicy_is_stale: TODAY is after review_by. */
AIPOLICY_API bool aipolicy_is_stale(const struct aipolicy *p,
    aipolicy_date_t today);

#ifdef __cplusplus
}
#endif

#endif

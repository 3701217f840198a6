/*
 * batch.h: answering queries given as JSON lines, one result line per
 * query line: `check --batch` and serve's POST /v1/batch, which must print
 * the same bytes for the same input.
 *
 * A query line is a JSON object of question id -> answer (strings). A line
 * of nothing but spaces and tabs is skipped; a line that is not such an
 * object, or that gives an answer that is not one, is answered with an
 * error line and the run goes on.
 *
 *	struct batch *b = batch_new(p, rj, flags);
 *	while (batch_next_line(buf, len, &pos, &line, &n))
 *		batch_line(b, line, n, ++lineno, &st, &out, &olen, &ocap);
 *	batch_free(b);
 */
#ifndef AIPOLICY_BATCH_H
#define AIPOLICY_BATCH_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "aipolicy/policy.h"
#include "aipolicy/result.h"
#include "aipolicy/walk.h"

/* What became of a line. */
enum batch_status {
	BATCH_SKIPPED,   /* empty: no output */
	BATCH_ANSWERED,  /* a verdict or incomplete result (batch_result) */
	BATCH_ERROR,     /* an error line */
};

struct batch;

/*
 * batch_new: answer queries on P with walk FLAGS (AIPOLICY_WALK_WORST_CASE or
 * 0), rendering results with RJ. P and RJ must outlive the batch. NULL when
 * out of memory; the caller owns the result (batch_free).
 */
struct batch *batch_new(const struct aipolicy *p,
    const struct aipolicy_result_json *rj, unsigned flags);
/* batch_free: NULL is a no-op. */
void batch_free(struct batch *b);

/*
 * batch_line: answer the query in LEN bytes at LINE (its line break taken
 * off), line number LINENO of the input: appends its output line, newline
 * included, to *OUT (a malloc'd buffer of *LEN bytes used, *CAP allocated,
 * grown as needed) and sets *ST. With OUT NULL, only walks and sets *ST
 * (what the decision log needs before the output is made). Returns 0, or
 * -1 when out of memory.
 */
int batch_line(struct batch *b, const char *line, size_t len, size_t lineno,
    enum batch_status *st, char **out, size_t *olen, size_t *ocap);

/*
 * batch_parse_fast: the strict parser alone, as batch_line uses it before
 * jansson: LEN bytes at LINE as a flat JSON object of printable ASCII
 * strings without escapes, at most a few dozen, no key twice, into the
 * batch's answers (*N of them, pointing into LINE; read them with
 * batch_given). Returns 1 when parsed; 0 when the line is not such an
 * object (jansson then decides what it is); -1 when out of memory.
 */
int batch_parse_fast(struct batch *b, const char *line, size_t len,
    size_t *n);
/* batch_given: the answers of the last line parsed. */
const struct aipolicy_given *batch_given(const struct batch *b);
/* batch_set_fast: with ON false every line goes to jansson (to compare the
 * two in tests); true by default. */
void batch_set_fast(struct batch *b, bool on);

/* batch_result: the walk of the last line answered BATCH_ANSWERED; its
 * arrays stay valid until the next batch_line. */
const struct aipolicy_walk_result *batch_result(const struct batch *b);

/*
 * batch_next_line: the next line of LEN bytes at BUF from *POS on, as
 * getline() would read it, with a final "\n" and then a "\r" taken off:
 * *LINE and *N are set and *POS moves past it. False at the end of BUF.
 */
bool batch_next_line(const char *buf, size_t len, size_t *pos,
    const char **line, size_t *n);

/*
 * batch_answers: the answers of OBJ, a JSON object of question id ->
 * answer, in its order, into *GIVEN (N entries; *GIVEN is a malloc'd array
 * of *CAP entries, grown as needed; the strings stay OBJ's). Returns 0; 1
 * when an answer is not a string, with the reason in ERR (ERRSZ bytes);
 * -1 when out of memory.
 */
int batch_answers(const json_t *obj, struct aipolicy_given **given, size_t *n,
    size_t *cap, char *err, size_t errsz);

#endif

/*
 * logwrite.h: the decision log (--log FILE): its records and how they are
 * appended, for every front end that logs verdicts (check, ask, serve).
 *
 * A record is one JSON line: time (UTC, to the second), via (the front
 * end), decision_id (a random version 4 UUID), the policy's id, version
 * and sha256, the path of answers, the unsure questions, the verdict, the
 * outcome and its review_minutes (null when it has none), in that order
 * and with the separators ", " and ": ". Everything that depends only on
 * the policy is encoded once by logwrite_enc_new.
 *
 * The file is opened with O_APPEND and never truncated; logwrite_append
 * writes whole records (the rest retried after a short write), then
 * fsyncs. A file whose last line is torn gets a newline first.
 */
#ifndef AIPOLICY_LOGWRITE_H
#define AIPOLICY_LOGWRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "aipolicy/policy.h"
#include "aipolicy/walk.h"

/* The characters of a UUID and its NUL. */
#define LOGWRITE_UUID_SIZE 37

struct logwrite_enc;

/* logwrite_enc_new: the encoded pieces of P's records. NULL when out of
 * memory; the caller owns it (logwrite_enc_free). P must outlive it. */
struct logwrite_enc *logwrite_enc_new(const struct aipolicy *p);
/* logwrite_enc_free: NULL is a no-op. */
void logwrite_enc_free(struct logwrite_enc *e);

/*
 * logwrite_record: append one record and its newline to *OUT (a malloc'd
 * buffer of *LEN bytes used, *CAP allocated, grown as needed): the verdict
 * reached at outcome O by the NPATH steps of PATH, with the NUNSURE
 * questions of UNSURE, given through VIA ("check", "ask", "serve") at
 * time NOW. Returns 0, or -1 when out of memory (*LEN is then as it was:
 * never part of a record).
 */
int logwrite_record(const struct logwrite_enc *e, const char *via, time_t now,
    const struct aipolicy_step *path, size_t npath, const uint32_t *unsure,
    size_t nunsure, const struct aipolicy_outcome *o, char **out, size_t *len,
    size_t *cap);

/* logwrite_uuid: a random version 4 UUID, lower-case, in OUT. */
void logwrite_uuid(char out[LOGWRITE_UUID_SIZE]);

/* An open log file. */
struct logwrite_file {
	int fd;
	bool torn;     /* the file ends without a newline */
};

/* logwrite_open: open (creating, mode 0644) PATH for appending into *F.
 * Returns 0, or -1 with errno set. Close with logwrite_close. */
int logwrite_open(const char *path, struct logwrite_file *f);

/*
 * logwrite_append: write the LEN bytes at BUF (whole records) to F, after
 * a newline when the file's last line is torn, retrying after short
 * writes, then fsync. Returns 0, or -1 with errno set; after a failure
 * the file may hold part of BUF, and the next append starts on a new line.
 */
int logwrite_append(struct logwrite_file *f, const char *buf, size_t len);

/* logwrite_close: close F; 0, or -1 with errno set. */
int logwrite_close(struct logwrite_file *f);

#endif

/*
 * decision-log.c: appending verdicts to the decision log (--log FILE) of
 * check and ask: records made and appended by the core's logwrite (as
 * serve's are), buffered here until a flush.
 */
#include <errno.h>
#include <stdlib.h>
#include <time.h>

#include "core/logwrite.h"
#include "decision-log.h"

struct decision_log {
	struct logwrite_file file;
	struct logwrite_enc *enc;      /* for the policy enc_policy */
	const struct aipolicy *enc_policy;
	char *buf;
	size_t len, cap;
};

struct decision_log *
decision_log_open(const char *path)
{
	struct decision_log *log = calloc(1, sizeof *log);
	int saved;

	if (log == NULL)
		return NULL;
	if (logwrite_open(path, &log->file) != 0) {
		saved = errno;
		free(log);
		errno = saved;
		return NULL;
	}
	return log;
}

int
decision_log_add(struct decision_log *log, const char *via,
    const struct aipolicy *p, const struct aipolicy_step *path, size_t npath,
    const uint32_t *unsure, size_t nunsure, const struct aipolicy_outcome *o)
{
	if (log->enc_policy != p) {
		logwrite_enc_free(log->enc);
		log->enc = logwrite_enc_new(p);
		log->enc_policy = log->enc != NULL ? p : NULL;
	}
	if (log->enc == NULL || logwrite_record(log->enc, via, time(NULL), path,
	    npath, unsure, nunsure, o, &log->buf, &log->len, &log->cap) != 0) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

int
decision_log_flush(struct decision_log *log)
{
	int rc;

	if (log->len == 0)
		return 0;
	/* Whatever happens, what was buffered is not written twice. */
	rc = logwrite_append(&log->file, log->buf, log->len);
	log->len = 0;
	return rc;
}

int
decision_log_close(struct decision_log *log)
{
	int rc, saved;

	if (log == NULL)
		return 0;
	rc = decision_log_flush(log);
	saved = errno;
	if (logwrite_close(&log->file) != 0 && rc == 0) {
		rc = -1;
		saved = errno;
	}
	logwrite_enc_free(log->enc);
	free(log->buf);
	free(log);
	errno = saved;
	return rc;
}

/*
 * logread.h: reading a decision log as a stream, for the commands that add
 * logs up (report) or replay them (diff --log).
 *
 * A log is read in chunks and cut into lines: empty lines (or lines of
 * spaces and tabs) are ignored, a line may end in CR LF, a last line with
 * no newline (a write cut short) is skipped, and so is a line longer than
 * LOGREAD_LINE_MAX. Each other line is parsed as a record (logrec.h).
 * Records and skipped lines are handed to the caller one at a time, so
 * memory stays the chunk, the longest line and the record reader's
 * buffers, whatever the size of the log.
 */
#ifndef AIPOLICY_LOGREAD_H
#define AIPOLICY_LOGREAD_H

#include <stddef.h>
#include <stdio.h>

#include "core/logrec.h"
#include "aipolicy/policy.h"

/* The longest line read: twice the largest policy file, so that a record
 * of any path through any policy fits. Longer lines are skipped. */
#define LOGREAD_LINE_MAX (2 * (size_t)AIPOLICY_MAX_FILE)

/* What is done with what the log holds. Both functions are called with
 * CTX and the 1-based number of the line. */
struct logread_sink {
	/* A record (its strings valid during the call). Returns 0, or -1
	 * when out of memory, which stops the reading. */
	int (*record)(void *ctx, const struct logrec *rec, size_t lineno);
	/* A line that was skipped, and why: one line of plain words, with
	 * anything a terminal would interpret replaced; valid during the
	 * call. */
	void (*skipped)(void *ctx, size_t lineno, const char *why);
	void *ctx;
};

enum logread_status {
	LOGREAD_OK,       /* the whole stream was read */
	LOGREAD_ERROR,    /* reading failed: errno says why */
	LOGREAD_NOMEM,    /* out of memory (the reader's, or SINK's) */
};

struct logread;

/* logread_new: a reader; NULL when out of memory. Caller owns it
 * (logread_free). One reader may read many streams, one after another. */
struct logread *logread_new(void);
/* logread_free: NULL is a no-op. */
void logread_free(struct logread *lr);
/* logread_set_line_max: skip lines longer than MAX bytes (at least 1)
 * instead of LOGREAD_LINE_MAX. */
void logread_set_line_max(struct logread *lr, size_t max);

/*
 * logread_stream: read F to its end, handing each record and each skipped
 * line to SINK, in order. F is not closed. Lines are numbered from 1 for
 * each stream.
 */
enum logread_status logread_stream(struct logread *lr, FILE *f,
    const struct logread_sink *sink);

#endif

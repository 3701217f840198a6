/*
 * decision-log.c: appending verdicts to the decision log (--log FILE).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "aipolicy/jsonmem.h"
#include "decision-log.h"

/* A version 4 UUID: 16 random bytes, as 36 characters and a NUL. */
#define UUID_BYTES 16
#define UUID_SIZE 37
/* Room for a time, YYYY-MM-DDTHH:MM:SSZ, and its NUL. */
#define TIME_SIZE 32
/* Bytes the record buffer starts with. */
#define BUF_START 4096

struct decision_log {
	int fd;
	bool torn;        /* the file ends without a newline */
	char *buf;
	size_t len, cap;
};

static int append(struct decision_log *log, const char *s, size_t n);
static void uuid4(char out[UUID_SIZE]);

struct decision_log *
decision_log_open(const char *path)
{
	struct decision_log *log;
	struct stat st;
	char last;
	int saved;

	log = calloc(1, sizeof *log);
	if (log == NULL)
		return NULL;
	log->fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
	if (log->fd < 0) {
		saved = errno;
		free(log);
		errno = saved;
		return NULL;
	}
	if (fstat(log->fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
		int rfd = open(path, O_RDONLY | O_CLOEXEC);
		if (rfd >= 0) {
			if (pread(rfd, &last, 1, st.st_size - 1) == 1 &&
			    last != '\n')
				log->torn = true;
			close(rfd);
		}
	}
	return log;
}

/* Append N bytes at S to the records not written yet. 0, or -1 when out
 * of memory. */
static int
append(struct decision_log *log, const char *s, size_t n)
{
	char *nb;
	size_t cap;

	if (log->cap - log->len < n) {
		cap = log->cap ? log->cap : BUF_START;
		while (cap - log->len < n)
			cap *= 2;
		nb = realloc(log->buf, cap);
		if (nb == NULL)
			return -1;
		log->buf = nb;
		log->cap = cap;
	}
	memcpy(log->buf + log->len, s, n);
	log->len += n;
	return 0;
}

/* A random (version 4) UUID into OUT. */
static void
uuid4(char out[UUID_SIZE])
{
	unsigned char b[UUID_BYTES];
	size_t got = 0;
	ssize_t r;
	int i, k = 0;
	static const char hex[] = "0123456789abcdef";

	while (got < sizeof b) {
		r = getrandom(b + got, sizeof b - got, 0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			/* No entropy source: still unique enough per process. */
			srand((unsigned)time(NULL) ^ (unsigned)getpid());
			for (; got < sizeof b; got++)
				b[got] = (unsigned char)rand();
			break;
		}
		got += (size_t)r;
	}
	b[6] = (unsigned char)((b[6] & 0x0F) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3F) | 0x80);
	for (i = 0; i < UUID_BYTES; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[k++] = '-';
		out[k++] = hex[b[i] >> 4];
		out[k++] = hex[b[i] & 15];
	}
	out[k] = '\0';
}

int
decision_log_add(struct decision_log *log, const char *via,
    const struct policy *p, const struct step *path, size_t npath,
    const uint32_t *unsure, size_t nunsure, const struct outcome *o)
{
	json_t *rec, *jpath = json_array(), *junsure = json_array();
	char when[TIME_SIZE], id[UUID_SIZE], *line;
	time_t now = time(NULL);
	struct tm tm;
	size_t i;
	bool bad = jpath == NULL || junsure == NULL;
	int rc = -1;

	gmtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	uuid4(id);
	for (i = 0; i < npath && !bad; i++) {
		const struct question *q = &p->questions[path[i].question];
		bad = json_array_append_new(jpath, json_pack("{s:s, s:s}",
		    "question", q->id, "answer",
		    q->answers[path[i].answer].key)) != 0;
	}
	for (i = 0; i < nunsure && !bad; i++)
		bad = json_array_append_new(junsure,
		    json_string(p->questions[unsure[i]].id)) != 0;
	if (bad) {
		/* never a record with part of its path */
		json_decref(jpath);
		json_decref(junsure);
		errno = ENOMEM;
		return -1;
	}
	rec = json_pack("{s:s, s:s, s:s, s:{s:s, s:s, s:s}, s:o, s:o, s:s, "
	    "s:s, s:o}", "time", when, "via", via, "decision_id", id,
	    "policy", "id", p->id, "version", p->version, "sha256", p->sha256,
	    "path", jpath, "unsure", junsure,
	    "verdict", verdict_id(o->verdict), "outcome", o->id,
	    "review_minutes", o->review_minutes ?
	    json_integer(o->review_minutes) : json_null());
	if (rec == NULL) {
		errno = ENOMEM;
		return -1;
	}
	line = jsonmem_dumps(rec, 0);
	json_decref(rec);
	if (line == NULL) {
		errno = ENOMEM;
		return -1;
	}
	if (log->torn && log->len == 0 && append(log, "\n", 1) != 0)
		goto out;
	log->torn = false;
	if (append(log, line, strlen(line)) == 0 && append(log, "\n", 1) == 0)
		rc = 0;
out:
	free(line);
	if (rc != 0)
		errno = ENOMEM;
	return rc;
}

int
decision_log_flush(struct decision_log *log)
{
	size_t off = 0;
	ssize_t r;
	int saved;

	if (log->len == 0)
		return 0;
	/* Records are whole lines; a short write is finished, not redone. */
	while (off < log->len) {
		r = write(log->fd, log->buf + off, log->len - off);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			saved = r < 0 ? errno : EIO;
			log->len = 0;
			errno = saved;
			return -1;
		}
		off += (size_t)r;
	}
	log->len = 0;
	if (fsync(log->fd) != 0 && errno != EINVAL && errno != EROFS)
		return -1;
	return 0;
}

int
decision_log_close(struct decision_log *log)
{
	int rc, saved;

	if (log == NULL)
		return 0;
	rc = decision_log_flush(log);
	saved = errno;
	if (close(log->fd) != 0 && rc == 0) {
		rc = -1;
		saved = errno;
	}
	free(log->buf);
	free(log);
	errno = saved;
	return rc;
}

/*
 * logwrite.c: decision log records, encoded from pieces made once per
 * policy with jansson (so that a record is byte for byte what jansson's
 * json_dumps would give for it), and appending them to the log file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "core/jsonmem.h"
#include "core/logwrite.h"
#include "util.h"

#define UUID_BYTES 16
#define TIME_SIZE  32 /* "YYYY-MM-DDTHH:MM:SSZ" and a NUL, with room */
#define LOG_MODE   0644

struct logwrite_enc {
	const struct aipolicy *p;
	char *policy;     /* "policy": {...}, "path": [ */
	char **qid;       /* per question: its id as a JSON string */
	char ***key;      /* per question and answer: the key as JSON string */
	char **tail;      /* per outcome: '], "verdict": ...' to the end */
	bool failed;
};

static char *jstr(struct logwrite_enc *e, const char *s);
static char *encode_tail(struct logwrite_enc *e,
    const struct aipolicy_outcome *o);
static int encode_questions(struct logwrite_enc *e);
static int write_all(struct logwrite_file *f, const char *buf, size_t len);

/* S as a JSON string (quoted), malloc'd; NULL (and E failed) on OOM. */
static char *
jstr(struct logwrite_enc *e, const char *s)
{
	json_t *j = json_string(s);
	char *out = j != NULL ? jsonmem_dumps(j, JSON_ENCODE_ANY) : NULL;

	json_decref(j);
	if (out == NULL)
		e->failed = true;
	return out;
}

static char *
encode_tail(struct logwrite_enc *e, const struct aipolicy_outcome *o)
{
	struct buf b;
	char *id = jstr(e, o->id);

	if (id == NULL)
		return NULL;
	buf_init(&b);
	buf_addf(&b, "], \"verdict\": \"%s\", \"outcome\": %s, "
	    "\"review_minutes\": ", aipolicy_verdict_id(o->verdict), id);
	if (o->review_minutes > 0)
		buf_addf(&b, "%u}\n", (unsigned)o->review_minutes);
	else
		buf_adds(&b, "null}\n");
	free(id);
	if (b.failed) {
		buf_release(&b);
		e->failed = true;
		return NULL;
	}
	return buf_detach(&b);
}

/* Each question id and answer key as a JSON string. */
static int
encode_questions(struct logwrite_enc *e)
{
	const struct aipolicy *p = e->p;
	size_t i, j;

	for (i = 0; i < p->nquestions && !e->failed; i++) {
		e->qid[i] = jstr(e, p->questions[i].id);
		e->key[i] = calloc(p->questions[i].nanswers, sizeof *e->key[i]);
		if (e->key[i] == NULL)
			return -1;
		for (j = 0; j < p->questions[i].nanswers; j++)
			e->key[i][j] = jstr(e, p->questions[i].answers[j].key);
	}
	return e->failed ? -1 : 0;
}

struct logwrite_enc *
logwrite_enc_new(const struct aipolicy *p)
{
	struct logwrite_enc *e = calloc(1, sizeof *e);
	size_t i, nq = p->nquestions ? p->nquestions : 1;
	char *id, *version;
	struct buf b;

	if (e == NULL)
		return NULL;
	e->p = p;
	e->qid = calloc(nq, sizeof *e->qid);
	e->key = calloc(nq, sizeof *e->key);
	e->tail = calloc(p->noutcomes ? p->noutcomes : 1, sizeof *e->tail);
	if (e->qid == NULL || e->key == NULL || e->tail == NULL ||
	    encode_questions(e) != 0) {
		logwrite_enc_free(e);
		return NULL;
	}
	for (i = 0; i < p->noutcomes; i++)
		e->tail[i] = encode_tail(e, &p->outcomes[i]);
	id = jstr(e, p->id);
	version = jstr(e, p->version);
	buf_init(&b);
	buf_addf(&b, "\"policy\": {\"id\": %s, \"version\": %s, \"sha256\": "
	    "\"%s\"}, \"path\": [", id ? id : "", version ? version : "",
	    p->sha256);
	free(id);
	free(version);
	e->policy = b.failed ? NULL : buf_detach(&b);
	buf_release(&b);
	if (e->failed || e->policy == NULL) {
		logwrite_enc_free(e);
		return NULL;
	}
	return e;
}

void
logwrite_enc_free(struct logwrite_enc *e)
{
	size_t i, j;

	if (e == NULL)
		return;
	for (i = 0; e->qid != NULL && i < e->p->nquestions; i++) {
		free(e->qid[i]);
		/* the keys' array may be missing after a failed calloc */
		if (e->key == NULL)
			continue;
		for (j = 0; e->key[i] != NULL &&
		    j < e->p->questions[i].nanswers; j++)
			free(e->key[i][j]);
		free(e->key[i]);
	}
	for (i = 0; e->tail != NULL && i < e->p->noutcomes; i++)
		free(e->tail[i]);
	free(e->qid);
	free(e->key);
	free(e->tail);
	free(e->policy);
	free(e);
}

void
logwrite_uuid(char out[LOGWRITE_UUID_SIZE])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char b[UUID_BYTES];
	size_t got = 0;
	ssize_t r;
	int i, k = 0;

	while (got < sizeof b) {
		r = getrandom(b + got, sizeof b - got, 0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			/* No entropy source: unique enough per process. */
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
logwrite_record(const struct logwrite_enc *e, const char *via, time_t now,
    const struct aipolicy_step *path, size_t npath, const uint32_t *unsure,
    size_t nunsure, const struct aipolicy_outcome *o, char **out, size_t *len,
    size_t *cap)
{
	struct buf b = { *out, *len, *cap, false };
	char when[TIME_SIZE], id[LOGWRITE_UUID_SIZE];
	struct tm tm;
	size_t i, start = *len;

	gmtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	logwrite_uuid(id);
	buf_adds(&b, "{\"time\": \"");
	buf_adds(&b, when);
	buf_adds(&b, "\", \"via\": \"");
	buf_adds(&b, via);
	buf_adds(&b, "\", \"decision_id\": \"");
	buf_adds(&b, id);
	buf_adds(&b, "\", ");
	buf_adds(&b, e->policy);
	for (i = 0; i < npath; i++) {
		buf_adds(&b, i ? ", {\"question\": " : "{\"question\": ");
		buf_adds(&b, e->qid[path[i].question]);
		buf_adds(&b, ", \"answer\": ");
		buf_adds(&b, e->key[path[i].question][path[i].answer]);
		buf_addc(&b, '}');
	}
	buf_adds(&b, "], \"unsure\": [");
	for (i = 0; i < nunsure; i++) {
		buf_adds(&b, i ? ", " : "");
		buf_adds(&b, e->qid[unsure[i]]);
	}
	buf_adds(&b, e->tail[o - e->p->outcomes]);
	/* Never part of a record: on failure, what was there before. */
	*out = b.data;
	*len = b.failed ? start : b.len;
	*cap = b.cap;
	return b.failed ? -1 : 0;
}

int
logwrite_open(const char *path, struct logwrite_file *f)
{
	struct stat st;
	char last;
	int rfd;

	f->torn = false;
	f->fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC,
	    LOG_MODE);
	if (f->fd < 0)
		return -1;
	if (fstat(f->fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
		rfd = open(path, O_RDONLY | O_CLOEXEC);
		if (rfd >= 0) {
			if (pread(rfd, &last, 1, st.st_size - 1) == 1 &&
			    last != '\n')
				f->torn = true;
			close(rfd);
		}
	}
	return 0;
}

/* Write all LEN bytes; on failure, note whether a line was left torn. */
static int
write_all(struct logwrite_file *f, const char *buf, size_t len)
{
	size_t off = 0;
	ssize_t r;
	int saved;

	while (off < len) {
		r = write(f->fd, buf + off, len - off);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			saved = r < 0 ? errno : EIO;
			if (off > 0 && buf[off - 1] != '\n')
				f->torn = true;
			errno = saved;
			return -1;
		}
		off += (size_t)r;
	}
	return 0;
}

int
logwrite_append(struct logwrite_file *f, const char *buf, size_t len)
{
	if (len == 0)
		return 0;
	if (f->torn) {
		if (write_all(f, "\n", 1) != 0)
			return -1;
		f->torn = false;
	}
	if (write_all(f, buf, len) != 0)
		return -1;
	/* A log on a device or pipe cannot be synced; its writes are done. */
	if (fsync(f->fd) != 0 && errno != EINVAL && errno != EROFS)
		return -1;
	return 0;
}

int
logwrite_close(struct logwrite_file *f)
{
	int rc = 0;

	if (f->fd >= 0)
		rc = close(f->fd);
	f->fd = -1;
	return rc;
}

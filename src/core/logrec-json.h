/*
 * logrec-json.h: a small strict JSON reader for one line of a decision
 * log, private to logrec.c. It is here for speed: a log of millions of
 * lines is read with no allocation per line once the buffers have grown,
 * where a general JSON library allocates every string and object.
 *
 * It accepts exactly RFC 8259 JSON (one value, surrounded by white space),
 * with the limits a log line needs: strings are valid UTF-8 with no NUL
 * (not even as \u0000), no object has the same key twice, values nest at
 * most JDOC_MAX_DEPTH deep. Everything parsed lives in the document until
 * its next parse.
 */
#ifndef AIPOLICY_LOGREC_JSON_H
#define AIPOLICY_LOGREC_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How deep arrays and objects may nest. */
#define JDOC_MAX_DEPTH 32
/* Room for the reason a line is not JSON. */
#define JDOC_ERROR_SIZE 160

enum jtype { J_NULL, J_FALSE, J_TRUE, J_NUMBER, J_STRING, J_ARRAY,
    J_OBJECT };

/* A value. Children of an array or object are a chain of indexes into the
 * document's nodes (0 ends it: node 0 is the root, never a child). */
struct jnode {
	enum jtype type;
	size_t key, key_len;   /* member of an object: offset of its key */
	size_t key_src;        /* ... and where the key is in the line */
	size_t next;           /* the next member or element, 0 for none */
	size_t first;          /* array, object: the first child, 0 for none */
	size_t count;          /* array, object: how many children */
	size_t str, len;       /* string: offset of its text (NUL-ended) */
	bool is_int;           /* number: an integer (no fraction, exponent) */
	bool overflow;         /* integer: too large for int64_t */
	int64_t ival;          /* integer: its value */
};

/* A key and where it is in the line. */
struct jkey {
	const char *text;
	size_t src;
};

struct jdoc {
	struct jnode *nodes;
	size_t nnodes, nodes_cap;
	char *text;            /* decoded strings and keys, each NUL-ended */
	size_t text_len, text_cap;
	struct jkey *scratch;  /* keys of a large object, to sort */
	size_t scratch_cap;
	char error[JDOC_ERROR_SIZE];
};

enum jdoc_status { JDOC_OK, JDOC_INVALID, JDOC_NOMEM };

/* jdoc_init, jdoc_release: an empty document; frees its buffers. */
void jdoc_init(struct jdoc *d);
void jdoc_release(struct jdoc *d);

/* jdoc_parse: parse the LEN bytes at S as one JSON value; on JDOC_INVALID,
 * d->error says why and where ("... (column N)", N counting characters). */
enum jdoc_status jdoc_parse(struct jdoc *d, const char *s, size_t len);

/* jdoc_root: the value parsed last. */
const struct jnode *jdoc_root(const struct jdoc *d);
/* jdoc_get: member KEY of object OBJ, or NULL. */
const struct jnode *jdoc_get(const struct jdoc *d, const struct jnode *obj,
    const char *key);
/* jdoc_first, jdoc_next: the first child of N, the sibling after N; NULL
 * when there is none. */
const struct jnode *jdoc_first(const struct jdoc *d, const struct jnode *n);
const struct jnode *jdoc_next(const struct jdoc *d, const struct jnode *n);
/* jdoc_str: the text of string N, NUL-terminated (N->len bytes). */
const char *jdoc_str(const struct jdoc *d, const struct jnode *n);

#endif

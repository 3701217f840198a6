/*
 * yaml-read.h: the policy file as a stream of YAML events, with the rules
 * that hold at the YAML level checked on the way: one document, no anchors,
 * aliases or tags, scalar keys only, no duplicate key, at most
 * AIPOLICY_MAX_DEPTH levels, scalars of at most AIPOLICY_MAX_SCALAR bytes
 * without control characters (bidirectional overrides are a warning). Each
 * broken rule is a diagnostic with its place; a YAML syntax error is told in
 * plain words (yaml-error.c). Nothing is built: the caller reads one event
 * at a time (yread_next) and keeps what it needs. Private to src/core.
 */
#ifndef AIPOLICY_YAML_READ_H
#define AIPOLICY_YAML_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yaml.h>

#include "aipolicy/diag.h"
#include "aipolicy/policy.h"
#include "source.h"

enum yread_kind {
	YREAD_NONE = 0,  /* (not an event: nothing read yet) */
	YREAD_SCALAR,
	YREAD_MAPPING,   /* a mapping starts: its entries, then YREAD_END */
	YREAD_SEQUENCE,  /* a sequence starts: its items, then YREAD_END */
	YREAD_END,       /* the innermost mapping or sequence ends */
	YREAD_ALIAS,     /* an alias, already reported: a node to pass over */
	YREAD_DONE,      /* the document ended well */
	YREAD_FAIL,      /* reading stopped: a syntax error, a second
	                    document, too deep, an empty file (reported), or
	                    out of memory (yread.oom) */
};

struct yread_event {
	enum yread_kind kind;
	uint32_t line, column;  /* 1-based, the column in code points */
	/* A scalar: its text (trailing line breaks of a block scalar
	 * dropped), NUL-terminated, valid until the next yread_next. */
	const char *text;
	size_t len;
	bool plain;             /* a plain scalar (null is only ever plain) */
	bool key;               /* a key of the mapping it is in */
	bool duplicate;         /* a key its mapping had already (reported
	                           when the mapping ends) */
};

/* A mapping or sequence being read. */
struct yread_frame {
	bool mapping;
	uint32_t n;             /* nodes read in it (a mapping: keys and
	                           values) */
	size_t keys_from;       /* its first key in keys[] */
	size_t bytes_from;      /* where its key texts start in bytes[] */
	size_t dups_from;       /* its first duplicate in dups[] */
	uint32_t *slots;        /* a hash index of its keys once it has many
	                           (1 + the key's place after keys_from; 0 is
	                           empty); NULL before */
	size_t slots_cap;
	bool caller_keys;       /* its keys are checked by the caller */
};

/* A key of an open mapping. */
struct yread_key {
	uint64_t hash;
	size_t off;             /* its text in bytes[] */
	uint32_t len;
	uint32_t line, column;
};

/* A key that repeats an earlier one of its mapping. */
struct yread_dup {
	size_t first;           /* the earlier one in keys[], unless text */
	const char *text;       /* the key, when the caller checks them */
	uint32_t first_line, first_column;  /* (with text) the earlier one */
	uint32_t line, column;  /* where it repeats */
};

struct yread {
	yaml_parser_t parser;
	yaml_event_t event;     /* the last one, freed by the next call */
	bool have_event;
	struct source *src;
	struct aipolicy_diags *d;
	struct yread_frame frames[AIPOLICY_MAX_DEPTH];
	size_t depth;
	struct yread_key *keys;      /* keys of the open mappings */
	size_t nkeys, keys_cap;
	char *bytes;                 /* their texts, NUL-terminated */
	size_t nbytes, bytes_cap;
	struct yread_dup *dups;      /* duplicates to report */
	size_t ndups, dups_cap;
	size_t docs;
	enum yread_kind stopped;     /* YREAD_DONE or YREAD_FAIL once given */
	bool oom;
	/* What messages call the file: "policy" and "aipolicy: 1" (its first
	 * key) unless the caller sets them after yread_init. */
	const char *kind, *first_key;
};

/* yread_init: read SRC (not owned; must outlive R), reporting to D. 0, or
 * -1 when out of memory (R needs no release then). */
int yread_init(struct yread *r, struct source *src, struct aipolicy_diags *d);

/* yread_release: free what R holds. */
void yread_release(struct yread *r);

/* yread_next: the next event in *EV; its kind is also returned. After
 * YREAD_DONE or YREAD_FAIL, the same again. */
enum yread_kind yread_next(struct yread *r, struct yread_event *ev);

/* yread_skip: EV was just read: when it starts a mapping or a sequence,
 * read up to its end (its contents still checked at the YAML level).
 * false when reading stopped (YREAD_FAIL) on the way. */
bool yread_skip(struct yread *r, const struct yread_event *ev);

/*
 * yread_caller_keys: the mapping that just started has many keys that the
 * caller indexes anyway (question ids): the caller finds its duplicate keys
 * and tells each with yread_duplicate, the reader keeps none of its keys.
 */
void yread_caller_keys(struct yread *r);

/* yread_duplicate: the key TEXT just read at LINE:COLUMN repeats the one at
 * FIRST_LINE:FIRST_COLUMN of the same mapping (see yread_caller_keys); it
 * is told when the mapping ends. TEXT must live until then. false when out
 * of memory. */
bool yread_duplicate(struct yread *r, const char *text, uint32_t line,
    uint32_t column, uint32_t first_line, uint32_t first_column);

/* yread_is_null: EV is a null scalar (plain, and empty, ~ or null). */
bool yread_is_null(const struct yread_event *ev);

#endif

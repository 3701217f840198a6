/*
 * yaml-read.c: libyaml's events, one at a time, with the YAML-level rules
 * of a policy file checked on the way (see yaml-read.h). Nothing is kept
 * but a stack of the open mappings and sequences and the keys of the open
 * mappings (to find duplicates): memory follows the nesting, not the file.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "yaml-error.h"
#include "yaml-read.h"

/* libyaml spells the standard tags out: "tag:yaml.org,2002:str" is !!str. */
#define YAML_TAG_PREFIX "tag:yaml.org,2002:"
#define YAML_TAG_PREFIX_LEN (sizeof YAML_TAG_PREFIX - 1)
/* Up to this many keys, a mapping is searched for duplicates one by one;
 * past it, through a hash index. */
#define YREAD_LINEAR_KEYS 8

static void yread_error(struct yread *r, uint32_t line, uint32_t column,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void yread_add(struct yread *r, enum aipolicy_severity sev,
    uint32_t line, uint32_t column, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void yread_report(struct yread *r, enum aipolicy_severity sev,
    uint32_t line, uint32_t column, const char *fmt, va_list ap);
static void syntax_error(struct yread *r);
static inline void check_properties(struct yread *r,
    const yaml_event_t *ev, const yaml_char_t *anchor, const yaml_char_t *tag);
static void refuse_properties(struct yread *r, const yaml_event_t *ev,
    const yaml_char_t *anchor, const yaml_char_t *tag);
static bool printable8(const unsigned char *p);
static void check_chars(struct yread *r, const struct yread_event *ev);
static inline struct yread_frame *node_start(struct yread *r,
    struct yread_event *ev);
static bool key_find(struct yread *r, struct yread_frame *f, uint64_t h,
    const char *text, size_t len, size_t *at);
static int key_index(struct yread *r, struct yread_frame *f, size_t at);
static void key_add(struct yread *r, struct yread_event *ev);
static void frame_close(struct yread *r);
static enum yread_kind on_scalar(struct yread *r, struct yread_event *ev);
static enum yread_kind on_open(struct yread *r, struct yread_event *ev,
    bool mapping);
static enum yread_kind on_event(struct yread *r, struct yread_event *ev);

int
yread_init(struct yread *r, struct source *src, struct aipolicy_diags *d)
{
	memset(r, 0, sizeof *r);
	if (!yaml_parser_initialize(&r->parser))
		return -1;
	r->src = src;
	r->d = d;
	r->kind = "policy";
	r->first_key = "aipolicy: 1";
	/* libyaml reads from the file's bytes in place: no copy. */
	yaml_parser_set_input_string(&r->parser,
	    (const unsigned char *)src->text, src->len);
	return 0;
}

void
yread_release(struct yread *r)
{
	while (r->depth > 0)
		free(r->frames[--r->depth].slots);
	if (r->have_event)
		yaml_event_delete(&r->event);
	yaml_parser_delete(&r->parser);
	free(r->keys);
	free(r->bytes);
	free(r->dups);
	memset(r, 0, sizeof *r);
}

static void
yread_report(struct yread *r, enum aipolicy_severity sev, uint32_t line,
    uint32_t column, const char *fmt, va_list ap)
{
	if (!source_vdiag(r->src, r->d, sev, line, column, fmt, ap))
		r->oom = true;
}

static void
yread_error(struct yread *r, uint32_t line, uint32_t column,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	yread_report(r, AIPOLICY_SEVERITY_ERROR, line, column, fmt, ap);
	va_end(ap);
}

/* A diagnostic of another severity, with no format checking needed. */
static void
yread_add(struct yread *r, enum aipolicy_severity sev, uint32_t line,
    uint32_t column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	yread_report(r, sev, line, column, fmt, ap);
	va_end(ap);
}

/*
 * libyaml gave up: what is wrong in plain words at the line to edit
 * (yaml-error.c), then libyaml's own words as a note at the same place.
 */
static void
syntax_error(struct yread *r)
{
	const yaml_parser_t *yp = &r->parser;
	const struct source_lines *x;
	struct yaml_error_input in;
	struct yaml_error e;

	if (yp->error == YAML_MEMORY_ERROR ||
	    (x = source_lines_get(r->src)) == NULL) {
		r->oom = true;
		return;
	}
	memset(&in, 0, sizeof in);
	in.src = r->src->text;
	in.len = r->src->len;
	in.lines = x->start;
	in.nlines = x->n;
	in.parser = yp;
	if (yp->error == YAML_READER_ERROR &&
	    !source_position(r->src, yp->problem_offset, &in.offset_line,
	    &in.offset_column)) {
		r->oom = true;
		return;
	}
	if (yaml_error_explain(&in, &e) != 0) {
		r->oom = true;
		return;
	}
	yread_add(r, AIPOLICY_SEVERITY_ERROR, e.line, e.column, "%s",
	    e.message);
	yread_add(r, AIPOLICY_SEVERITY_NOTE, e.line, e.column, "%s", e.note);
	yaml_error_release(&e);
}

/* Anchors and tags on a node's event are refused; nearly every node has
 * neither, and costs a test. */
static inline void
check_properties(struct yread *r, const yaml_event_t *ev,
    const yaml_char_t *anchor, const yaml_char_t *tag)
{
	if (anchor != NULL || tag != NULL)
		refuse_properties(r, ev, anchor, tag);
}

/* The error for each anchor or tag (ANCHOR, TAG) of a node's event. */
static void
refuse_properties(struct yread *r, const yaml_event_t *ev,
    const yaml_char_t *anchor, const yaml_char_t *tag)
{
	uint32_t line = (uint32_t)ev->start_mark.line + 1;
	uint32_t column = (uint32_t)ev->start_mark.column + 1;

	if (anchor != NULL)
		yread_error(r, line, column,
		    "aliases are not supported in %s files "
		    "(found the anchor '&%s')", r->kind, (const char *)anchor);
	if (tag != NULL && strncmp((const char *)tag, YAML_TAG_PREFIX,
	    YAML_TAG_PREFIX_LEN) == 0)
		yread_error(r, line, column,
		    "tags are not supported in %s files (found '!!%s')",
		    r->kind, (const char *)tag + YAML_TAG_PREFIX_LEN);
	else if (tag != NULL)
		yread_error(r, line, column,
		    "tags are not supported in %s files (found '%s')",
		    r->kind, (const char *)tag);
}

/* Eight bytes at P, all printable ASCII (0x20 to 0x7E)? Word at a time:
 * a byte below 0x20, 0x7F or above sets its high bit in the result. */
static bool
printable8(const unsigned char *p)
{
	const uint64_t ones = 0x0101010101010101ull, highs = ones << 7;
	uint64_t x, low, del;

	memcpy(&x, p, sizeof x);
	low = (x - 0x20 * ones) & ~x;
	del = ((x ^ 0x7F * ones) - ones) & ~(x ^ 0x7F * ones);
	return ((low | del | x) & highs) == 0;
}

/* Control characters (but newline and tab) are refused in every scalar;
 * bidirectional overrides are a warning. Printable ASCII, nearly all of a
 * policy, is passed over eight bytes at a time, without decoding. */
static void
check_chars(struct yread *r, const struct yread_event *ev)
{
	const unsigned char *s = (const unsigned char *)ev->text;
	size_t i = 0, k;
	uint32_t cp;
	bool bidi = false;

	while (i < ev->len) {
		if (i + sizeof(uint64_t) <= ev->len && printable8(s + i)) {
			i += sizeof(uint64_t);
			continue;
		}
		if ((s[i] >= 0x20 && s[i] < 0x7F) || s[i] == '\n' ||
		    s[i] == '\t') {
			i++;
			continue;
		}
		k = utf8_decode(ev->text + i, ev->len - i, &cp);
		if ((cp < 0x20 && cp != '\n' && cp != '\t') ||
		    (cp >= 0x7F && cp < 0xA0)) {
			yread_error(r, ev->line, ev->column,
			    "control character U+%04X in text", (unsigned)cp);
			return;
		}
		if (!bidi && is_bidi_override(cp)) {
			yread_add(r, AIPOLICY_SEVERITY_WARNING,
			    ev->line, ev->column,
			    "text holds the bidirectional override U+%04X, "
			    "which can make it read differently than it acts",
			    (unsigned)cp);
			bidi = true;
		}
		i += k;
	}
}

/* A node starts: its place, and whether it is a key of its mapping.
 * Returns the frame it is in (NULL for the document's root). */
static inline struct yread_frame *
node_start(struct yread *r, struct yread_event *ev)
{
	struct yread_frame *f = r->depth > 0 ? &r->frames[r->depth - 1] : NULL;

	ev->line = (uint32_t)r->event.start_mark.line + 1;
	ev->column = (uint32_t)r->event.start_mark.column + 1;
	ev->key = f != NULL && f->mapping && f->n % 2 == 0;
	if (f != NULL)
		f->n++;
	return f;
}

/* Look for the key TEXT (LEN bytes) among F's keys: one by one while F
 * has few (no hash needed), through F's hash index past that (H is the
 * key's hash then). *AT is its place in keys[] when found. */
static bool
key_find(struct yread *r, struct yread_frame *f, uint64_t h,
    const char *text, size_t len, size_t *at)
{
	const struct yread_key *k;
	size_t i, mask;

	if (f->slots == NULL) {
		for (i = f->keys_from; i < r->nkeys; i++) {
			k = &r->keys[i];
			if (k->len == len &&
			    memcmp(r->bytes + k->off, text, len) == 0)
				return *at = i, true;
		}
		return false;
	}
	mask = f->slots_cap - 1;
	for (i = (size_t)h & mask; f->slots[i] != 0; i = (i + 1) & mask) {
		k = &r->keys[f->keys_from + f->slots[i] - 1];
		if (k->hash == h && k->len == len &&
		    memcmp(r->bytes + k->off, text, len) == 0)
			return *at = f->keys_from + f->slots[i] - 1, true;
	}
	return false;
}

/* Put key AT (in keys[]) into F's hash index, building it (and hashing
 * the keys before) when F gets its first key past YREAD_LINEAR_KEYS, and
 * growing it. 0, or -1 when out of memory. */
static int
key_index(struct yread *r, struct yread_frame *f, size_t at)
{
	size_t count = at - f->keys_from + 1, cap, i, j, mask;
	uint32_t *slots;

	if (count <= YREAD_LINEAR_KEYS)
		return 0;
	if (f->slots == NULL) {
		for (j = f->keys_from; j < at; j++)
			r->keys[j].hash = hash_bytes(r->bytes + r->keys[j].off,
			    r->keys[j].len);
	}
	if (count * 2 > f->slots_cap) {
		cap = f->slots_cap ? f->slots_cap * 2 : 4 * YREAD_LINEAR_KEYS;
		if ((slots = calloc(cap, sizeof *slots)) == NULL)
			return -1;
		free(f->slots);
		f->slots = slots;
		f->slots_cap = cap;
		/* Rehash every key, this one included. */
		for (j = f->keys_from; j <= at; j++) {
			mask = cap - 1;
			for (i = (size_t)r->keys[j].hash & mask; slots[i] != 0;
			    i = (i + 1) & mask)
				;
			slots[i] = (uint32_t)(j - f->keys_from + 1);
		}
		return 0;
	}
	mask = f->slots_cap - 1;
	for (i = (size_t)r->keys[at].hash & mask; f->slots[i] != 0;
	    i = (i + 1) & mask)
		;
	f->slots[i] = (uint32_t)(at - f->keys_from + 1);
	return 0;
}

/* The scalar EV is a key of the innermost mapping: remember it, or note a
 * duplicate (reported when the mapping ends, as its last word). */
static void
key_add(struct yread *r, struct yread_event *ev)
{
	struct yread_frame *f = &r->frames[r->depth - 1];
	uint64_t h = !f->caller_keys && (f->slots != NULL ||
	    r->nkeys - f->keys_from >= YREAD_LINEAR_KEYS) ?
	    hash_bytes(ev->text, ev->len) : 0;
	struct yread_key *k;
	size_t at;

	if (f->caller_keys)
		return;
	if (key_find(r, f, h, ev->text, ev->len, &at)) {
		if (vec_grow(&r->dups, &r->dups_cap, r->ndups + 1,
		    sizeof *r->dups) != 0) {
			r->oom = true;
			return;
		}
		memset(&r->dups[r->ndups], 0, sizeof *r->dups);
		r->dups[r->ndups].first = at;
		r->dups[r->ndups].line = ev->line;
		r->dups[r->ndups].column = ev->column;
		r->ndups++;
		ev->duplicate = true;
		return;
	}
	if (vec_grow(&r->keys, &r->keys_cap, r->nkeys + 1, sizeof *r->keys) !=
	    0 || vec_grow(&r->bytes, &r->bytes_cap, r->nbytes + ev->len + 1,
	    1) != 0) {
		r->oom = true;
		return;
	}
	k = &r->keys[r->nkeys];
	k->hash = h;
	k->off = r->nbytes;
	k->len = (uint32_t)ev->len;
	k->line = ev->line;
	k->column = ev->column;
	memcpy(r->bytes + r->nbytes, ev->text, ev->len);
	r->bytes[r->nbytes + ev->len] = '\0';
	r->nbytes += ev->len + 1;
	if (key_index(r, f, r->nkeys++) != 0)
		r->oom = true;
}

/* The innermost mapping or sequence ends: report its duplicate keys and
 * forget its keys. */
static void
frame_close(struct yread *r)
{
	struct yread_frame *f = &r->frames[--r->depth];
	const struct yread_key *k;
	size_t i;

	for (i = f->dups_from; i < r->ndups; i++) {
		const struct yread_dup *d = &r->dups[i];
		k = d->text == NULL ? &r->keys[d->first] : NULL;
		yread_error(r, d->line, d->column,
		    "duplicate key '%s' (first at %u:%u)",
		    k != NULL ? r->bytes + k->off : d->text,
		    k != NULL ? k->line : d->first_line,
		    k != NULL ? k->column : d->first_column);
	}
	r->nkeys = f->keys_from;
	r->nbytes = f->bytes_from;
	r->ndups = f->dups_from;
	free(f->slots);
	f->slots = NULL;
}

static enum yread_kind
on_scalar(struct yread *r, struct yread_event *ev)
{
	yaml_event_t *e = &r->event;
	size_t n = e->data.scalar.length;

	check_properties(r, e, e->data.scalar.anchor, e->data.scalar.tag);
	node_start(r, ev);
	ev->kind = YREAD_SCALAR;
	ev->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	if (e->data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
	    e->data.scalar.style == YAML_FOLDED_SCALAR_STYLE) {
		while (n > 0 && e->data.scalar.value[n - 1] == '\n')
			n--;
		e->data.scalar.value[n] = '\0';
	}
	ev->text = (const char *)e->data.scalar.value;
	ev->len = n;
	if (e->data.scalar.length > AIPOLICY_MAX_SCALAR)
		yread_error(r, ev->line, ev->column,
		    "scalar is longer than 64 KiB (%zu bytes)",
		    e->data.scalar.length);
	else
		check_chars(r, ev);
	if (ev->key)
		key_add(r, ev);
	return ev->kind;
}

/* A mapping (MAPPING) or a sequence starts. */
static enum yread_kind
on_open(struct yread *r, struct yread_event *ev, bool mapping)
{
	yaml_event_t *e = &r->event;
	struct yread_frame *f;

	if (mapping)
		check_properties(r, e, e->data.mapping_start.anchor,
		    e->data.mapping_start.tag);
	else
		check_properties(r, e, e->data.sequence_start.anchor,
		    e->data.sequence_start.tag);
	if (r->depth == AIPOLICY_MAX_DEPTH) {
		yread_error(r, (uint32_t)e->start_mark.line + 1,
		    (uint32_t)e->start_mark.column + 1,
		    "nesting is deeper than %d levels", AIPOLICY_MAX_DEPTH);
		return YREAD_FAIL;
	}
	node_start(r, ev);
	if (ev->key)
		yread_error(r, ev->line, ev->column,
		    "mapping keys must be scalars, found a %s",
		    mapping ? "mapping" : "sequence");
	f = &r->frames[r->depth++];
	memset(f, 0, sizeof *f);
	f->mapping = mapping;
	f->keys_from = r->nkeys;
	f->bytes_from = r->nbytes;
	f->dups_from = r->ndups;
	return ev->kind = mapping ? YREAD_MAPPING : YREAD_SEQUENCE;
}

/* Turn libyaml's event into ours; YREAD_NONE when it has no counterpart
 * and the next one must be read. */
static enum yread_kind
on_event(struct yread *r, struct yread_event *ev)
{
	yaml_event_t *e = &r->event;

	switch (e->type) {
	case YAML_STREAM_END_EVENT:
		if (r->docs > 0)
			return YREAD_DONE;
		yread_error(r, 1, 1, "the file is empty: a %s is a mapping "
		    "that starts with '%s'", r->kind, r->first_key);
		return YREAD_FAIL;
	case YAML_DOCUMENT_START_EVENT:
		if (++r->docs == 1)
			return YREAD_NONE;
		yread_error(r, (uint32_t)e->start_mark.line + 1,
		    (uint32_t)e->start_mark.column + 1,
		    "a %s file holds one YAML document, found a second one",
		    r->kind);
		return YREAD_FAIL;
	case YAML_ALIAS_EVENT:
		yread_error(r, (uint32_t)e->start_mark.line + 1,
		    (uint32_t)e->start_mark.column + 1,
		    "aliases are not supported in %s files (found '*%s')",
		    r->kind, (const char *)e->data.alias.anchor);
		node_start(r, ev);
		return ev->kind = YREAD_ALIAS;
	case YAML_SCALAR_EVENT:
		return on_scalar(r, ev);
	case YAML_MAPPING_START_EVENT:
		return on_open(r, ev, true);
	case YAML_SEQUENCE_START_EVENT:
		return on_open(r, ev, false);
	case YAML_MAPPING_END_EVENT:
	case YAML_SEQUENCE_END_EVENT:
		ev->line = (uint32_t)e->start_mark.line + 1;
		ev->column = (uint32_t)e->start_mark.column + 1;
		frame_close(r);
		return ev->kind = YREAD_END;
	default:
		return YREAD_NONE;
	}
}

enum yread_kind
yread_next(struct yread *r, struct yread_event *ev)
{
	enum yread_kind k = r->stopped;

	memset(ev, 0, sizeof *ev);
	while (k == YREAD_NONE) {
		if (r->have_event) {
			yaml_event_delete(&r->event);
			r->have_event = false;
		}
		if (!yaml_parser_parse(&r->parser, &r->event)) {
			syntax_error(r);
			k = YREAD_FAIL;
			break;
		}
		r->have_event = true;
		k = on_event(r, ev);
		if (r->oom)
			k = YREAD_FAIL;
	}
	if (k == YREAD_DONE || k == YREAD_FAIL) {
		r->stopped = k;
		memset(ev, 0, sizeof *ev);
	}
	ev->kind = k;
	return k;
}

bool
yread_skip(struct yread *r, const struct yread_event *ev)
{
	struct yread_event in;
	size_t depth;

	if (ev->kind != YREAD_MAPPING && ev->kind != YREAD_SEQUENCE)
		return ev->kind != YREAD_FAIL;
	for (depth = 1; depth > 0;) {
		switch (yread_next(r, &in)) {
		case YREAD_MAPPING:
		case YREAD_SEQUENCE:
			depth++;
			break;
		case YREAD_END:
			depth--;
			break;
		case YREAD_DONE:
		case YREAD_FAIL:
			return false;
		default:
			break;
		}
	}
	return true;
}

void
yread_caller_keys(struct yread *r)
{
	if (r->depth > 0)
		r->frames[r->depth - 1].caller_keys = true;
}

bool
yread_duplicate(struct yread *r, const char *text, uint32_t line,
    uint32_t column, uint32_t first_line, uint32_t first_column)
{
	struct yread_dup *d;

	if (vec_grow(&r->dups, &r->dups_cap, r->ndups + 1, sizeof *r->dups) !=
	    0)
		return false;
	d = &r->dups[r->ndups++];
	memset(d, 0, sizeof *d);
	d->text = text;
	d->line = line;
	d->column = column;
	d->first_line = first_line;
	d->first_column = first_column;
	return true;
}

bool
yread_is_null(const struct yread_event *ev)
{
	const size_t n = sizeof "null" - 1;

	if (ev->kind != YREAD_SCALAR || !ev->plain)
		return false;
	if (ev->len == 0)
		return true;
	if (ev->len == 1)
		return ev->text[0] == '~';
	return ev->len == n && (memcmp(ev->text, "null", n) == 0 ||
	    memcmp(ev->text, "Null", n) == 0 ||
	    memcmp(ev->text, "NULL", n) == 0);
}

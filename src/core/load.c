/*
 * load.c: read a policy file (format v1) into a struct policy.
 *
 * Three passes, none recursive over the input's nesting:
 *  1. libyaml's event API builds a small tree of nodes (scalars, mappings,
 *     sequences) with an explicit stack, refusing what the format forbids
 *     at the YAML level: anchors, aliases, tags, duplicate keys, non-scalar
 *     keys, a second document, control characters, too deep or too big.
 *  2. The tree is checked against the format and turned into the policy:
 *     every key, type, id, text and date rule.
 *  3. References are resolved and the graph checked: cycles (iterative
 *     depth-first search), reachability, heights, test cases.
 * Every problem becomes a diagnostic with its line and column; a problem
 * does not stop the checks that do not depend on it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nettle/sha2.h>
#include <yaml.h>

#include "aipolicy/policy.h"
#include "aipolicy/text.h"
#include "policy-private.h"
#include "util.h"
#include "yaml-error.h"

enum node_kind { NODE_SCALAR, NODE_MAPPING, NODE_SEQUENCE, NODE_BAD };

/* A node of the YAML tree. A mapping's children alternate key, value. */
struct node {
	enum node_kind kind;
	bool plain;            /* a plain scalar (null is only ever plain) */
	uint32_t line, column; /* 1-based */
	const char *text;      /* scalar text, NUL-terminated, len bytes */
	size_t len;
	size_t n;              /* children */
	struct node *first, *last, *next;
};

struct loader {
	struct diags *d;
	const char *src;       /* the raw file */
	size_t len;
	size_t bom;            /* bytes of a UTF-8 byte-order mark, 0 or 3 */
	uint32_t *lines;       /* byte offset of each line's start */
	size_t nlines;
	struct arena tree;     /* the YAML tree, freed after loading */
	struct policy *p;
	struct arena *arena;   /* the policy's */
	struct strindex ids;   /* id -> ID_QUESTION|index or ID_OUTCOME|index */
	size_t errors_before;  /* d->nerrors when this load began */
	bool oom;
};

#define ID_OUTCOME 0x80000000u
/* Past this many ids, an unknown reference gets no "did you mean". */
#define SUGGEST_MAX_IDS 5000

static void load_error(struct loader *ld, uint32_t line, uint32_t column,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void load_warning(struct loader *ld, uint32_t line, uint32_t column,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void load_note(struct loader *ld, uint32_t line, uint32_t column,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Line breaks as libyaml counts them: LF, CR LF, CR, NEL, LS, PS. */
static size_t
line_break_len(const char *s, size_t i, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[i] == '\n')
		return 1;
	if (u[i] == '\r')
		return i + 1 < n && u[i + 1] == '\n' ? 2 : 1;
	if (u[i] == 0xC2 && i + 1 < n && u[i + 1] == 0x85)
		return 2;
	if (u[i] == 0xE2 && i + 2 < n && u[i + 1] == 0x80 &&
	    (u[i + 2] == 0xA8 || u[i + 2] == 0xA9))
		return 3;
	return 0;
}

/* Index the start of every line (pass over the file once). */
static int
index_lines(const char *src, size_t len, size_t bom, uint32_t **out,
    size_t *nout)
{
	size_t cap = 1024, n = 0, i, k;
	uint32_t *v = malloc(cap * sizeof *v), *nv;

	if (v == NULL)
		return -1;
	v[n++] = (uint32_t)bom;
	for (i = bom; i < len; i++) {
		k = line_break_len(src, i, len);
		if (k == 0)
			continue;
		i += k - 1;
		if (n == cap) {
			cap *= 2;
			nv = realloc(v, cap * sizeof *v);
			if (nv == NULL) {
				free(v);
				return -1;
			}
			v = nv;
		}
		v[n++] = (uint32_t)(i + 1);
	}
	*out = v;
	*nout = n;
	return 0;
}

const char *
source_line(const char *src, size_t len, const uint32_t *lines, size_t nlines,
    uint32_t line, size_t *out_len)
{
	size_t start, end;

	if (line == 0 || line > nlines)
		return NULL;
	start = lines[line - 1];
	end = line < nlines ? lines[line] : len;
	while (end > start && line_break_len(src, end - 1, len) != 0)
		end--;
	/* CR LF and multi-byte breaks: strip what remains of the break. */
	while (end > start && (src[end - 1] == '\r' || src[end - 1] == '\n'))
		end--;
	if (end > start + 1 && (unsigned char)src[end - 2] == 0xC2 &&
	    (unsigned char)src[end - 1] == 0x85)
		end -= 2;
	*out_len = end - start;
	return src + start;
}

static void
load_vdiag(struct loader *ld, enum severity sev, uint32_t line,
    uint32_t column, const char *fmt, va_list ap)
{
	const char *s;
	size_t n = 0;

	s = source_line(ld->src, ld->len, ld->lines, ld->nlines, line, &n);
	diags_vadd(ld->d, sev, line, column, s, n, fmt, ap);
}

static void
load_error(struct loader *ld, uint32_t line, uint32_t column,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	load_vdiag(ld, SEVERITY_ERROR, line, column, fmt, ap);
	va_end(ap);
}

static void
load_warning(struct loader *ld, uint32_t line, uint32_t column,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	load_vdiag(ld, SEVERITY_WARNING, line, column, fmt, ap);
	va_end(ap);
}

/* A note about the diagnostic just added, at its place. */
static void
load_note(struct loader *ld, uint32_t line, uint32_t column,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	load_vdiag(ld, SEVERITY_NOTE, line, column, fmt, ap);
	va_end(ap);
}

/* Line and column of byte OFFSET (libyaml's reader errors give bytes). */
static void
offset_position(const struct loader *ld, size_t offset, uint32_t *line,
    uint32_t *column)
{
	size_t lo = 0, hi = ld->nlines, mid, start;

	if (offset > ld->len)
		offset = ld->len;
	if (offset < ld->bom)
		offset = ld->bom;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (ld->lines[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	start = ld->lines[lo];
	*line = (uint32_t)lo + 1;
	*column = (uint32_t)utf8_count(ld->src + start, offset - start) + 1;
}

/* ---- pass 1: YAML events to a tree ---------------------------------- */

static struct node *
node_new(struct loader *ld, enum node_kind kind, const yaml_mark_t *m)
{
	struct node *n = arena_alloc(&ld->tree, sizeof *n);

	if (n == NULL) {
		ld->oom = true;
		return NULL;
	}
	n->kind = kind;
	n->line = (uint32_t)m->line + 1;
	n->column = (uint32_t)m->column + 1;
	return n;
}

static void
node_append(struct node *parent, struct node *child)
{
	if (parent->last != NULL)
		parent->last->next = child;
	else
		parent->first = child;
	parent->last = child;
	parent->n++;
}

static bool
scalar_is_null(const struct node *n)
{
	if (n->kind != NODE_SCALAR || !n->plain)
		return false;
	return n->len == 0 || strcmp(n->text, "~") == 0 ||
	    strcmp(n->text, "null") == 0 || strcmp(n->text, "Null") == 0 ||
	    strcmp(n->text, "NULL") == 0;
}

/* Control characters (but newline and tab) are refused in every scalar;
 * bidirectional overrides are a warning. */
static void
check_scalar_chars(struct loader *ld, const struct node *n)
{
	size_t i = 0, k;
	uint32_t cp;
	bool bidi = false;

	while (i < n->len) {
		k = utf8_decode(n->text + i, n->len - i, &cp);
		if ((cp < 0x20 && cp != '\n' && cp != '\t') ||
		    (cp >= 0x7F && cp < 0xA0)) {
			load_error(ld, n->line, n->column,
			    "control character U+%04X in text", (unsigned)cp);
			return;
		}
		if (!bidi && is_bidi_override(cp)) {
			load_warning(ld, n->line, n->column,
			    "text holds the bidirectional override U+%04X, "
			    "which can make it read differently than it acts",
			    (unsigned)cp);
			bidi = true;
		}
		i += k;
	}
}

/* Check that no key of mapping M repeats; report the second of a pair. */
static void
check_duplicate_keys(struct loader *ld, const struct node *m)
{
	struct strindex seen;
	const struct node *k, **keys;
	uint32_t old, nkeys = 0;
	int r;

	if (m->n < 4)
		return;
	keys = malloc((m->n / 2) * sizeof *keys);
	if (keys == NULL) {
		ld->oom = true;
		return;
	}
	strindex_init(&seen);
	for (k = m->first; k != NULL; k = k->next ? k->next->next : NULL) {
		if (k->kind != NODE_SCALAR)
			continue;
		r = strindex_put(&seen, k->text, k->len, nkeys, &old);
		if (r < 0) {
			ld->oom = true;
			break;
		}
		if (r == 0)
			load_error(ld, k->line, k->column,
			    "duplicate key '%s' (first at %u:%u)", k->text,
			    keys[old]->line, keys[old]->column);
		else
			keys[nkeys++] = k;
	}
	strindex_release(&seen);
	free(keys);
}

/* Attach node N to PARENT (or make it the root); a mapping's keys sit at
 * even positions and must be scalars. */
static void
attach(struct loader *ld, struct node *parent, struct node **root,
    struct node *n)
{
	if (parent == NULL) {
		*root = n;
		return;
	}
	if (parent->kind == NODE_MAPPING && parent->n % 2 == 0 &&
	    (n->kind == NODE_MAPPING || n->kind == NODE_SEQUENCE))
		load_error(ld, n->line, n->column,
		    "mapping keys must be scalars, found a %s",
		    n->kind == NODE_MAPPING ? "mapping" : "sequence");
	node_append(parent, n);
}

/*
 * libyaml gave up: report what is wrong in plain words at the line to edit
 * (yaml-error.c), then libyaml's own words as a note at the same place.
 */
static void
yaml_error(struct loader *ld, const yaml_parser_t *yp)
{
	struct yaml_error_input in;
	struct yaml_error e;

	if (yp->error == YAML_MEMORY_ERROR) {
		ld->oom = true;
		return;
	}
	memset(&in, 0, sizeof in);
	in.src = ld->src;
	in.len = ld->len;
	in.lines = ld->lines;
	in.nlines = ld->nlines;
	in.parser = yp;
	if (yp->error == YAML_READER_ERROR)
		offset_position(ld, yp->problem_offset, &in.offset_line,
		    &in.offset_column);
	if (yaml_error_explain(&in, &e) != 0) {
		ld->oom = true;
		return;
	}
	load_error(ld, e.line, e.column, "%s", e.message);
	load_note(ld, e.line, e.column, "%s", e.note);
	yaml_error_release(&e);
}

/* Refuse anchors and tags on a node's event. */
static void
check_properties(struct loader *ld, const yaml_event_t *ev,
    const yaml_char_t *anchor, const yaml_char_t *tag)
{
	uint32_t line = (uint32_t)ev->start_mark.line + 1;
	uint32_t column = (uint32_t)ev->start_mark.column + 1;

	if (anchor != NULL)
		load_error(ld, line, column,
		    "aliases are not supported in policy files "
		    "(found the anchor '&%s')", (const char *)anchor);
	if (tag != NULL && strncmp((const char *)tag, "tag:yaml.org,2002:",
	    18) == 0)
		load_error(ld, line, column,
		    "tags are not supported in policy files (found '!!%s')",
		    (const char *)tag + 18);
	else if (tag != NULL)
		load_error(ld, line, column,
		    "tags are not supported in policy files (found '%s')",
		    (const char *)tag);
}

/*
 * Build the tree of the file's one document. Returns its root, or NULL
 * when there is none (empty file, a YAML error, a fatal limit).
 */
static struct node *
build_tree(struct loader *ld)
{
	yaml_parser_t yp;
	yaml_event_t ev;
	struct node *stack[POLICY_MAX_DEPTH + 1], *root = NULL, *n;
	size_t depth = 0, docs = 0;
	bool done = false, failed = false;

	if (!yaml_parser_initialize(&yp)) {
		ld->oom = true;
		return NULL;
	}
	yaml_parser_set_input_string(&yp, (const unsigned char *)ld->src,
	    ld->len);
	while (!done && !failed) {
		if (!yaml_parser_parse(&yp, &ev)) {
			yaml_error(ld, &yp);
			failed = true;
			break;
		}
		n = NULL;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				load_error(ld, (uint32_t)ev.start_mark.line + 1,
				    (uint32_t)ev.start_mark.column + 1,
				    "a policy file holds one YAML document, "
				    "found a second one");
				failed = true;
			}
			break;
		case YAML_ALIAS_EVENT:
			load_error(ld, (uint32_t)ev.start_mark.line + 1,
			    (uint32_t)ev.start_mark.column + 1,
			    "aliases are not supported in policy files "
			    "(found '*%s')", (const char *)ev.data.alias.anchor);
			n = node_new(ld, NODE_BAD, &ev.start_mark);
			break;
		case YAML_SCALAR_EVENT:
			check_properties(ld, &ev, ev.data.scalar.anchor,
			    ev.data.scalar.tag);
			n = node_new(ld, NODE_SCALAR, &ev.start_mark);
			if (n == NULL)
				break;
			n->plain = ev.data.scalar.style ==
			    YAML_PLAIN_SCALAR_STYLE;
			n->len = ev.data.scalar.length;
			if (ev.data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
			    ev.data.scalar.style == YAML_FOLDED_SCALAR_STYLE) {
				while (n->len > 0 &&
				    ev.data.scalar.value[n->len - 1] == '\n')
					n->len--;
			}
			n->text = arena_strndup(&ld->tree,
			    (const char *)ev.data.scalar.value, n->len);
			if (n->text == NULL) {
				ld->oom = true;
				break;
			}
			if (ev.data.scalar.length > POLICY_MAX_SCALAR)
				load_error(ld, n->line, n->column,
				    "scalar is longer than 64 KiB (%zu bytes)",
				    ev.data.scalar.length);
			else
				check_scalar_chars(ld, n);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (ev.type == YAML_SEQUENCE_START_EVENT)
				check_properties(ld, &ev,
				    ev.data.sequence_start.anchor,
				    ev.data.sequence_start.tag);
			else
				check_properties(ld, &ev,
				    ev.data.mapping_start.anchor,
				    ev.data.mapping_start.tag);
			if (depth == POLICY_MAX_DEPTH) {
				load_error(ld, (uint32_t)ev.start_mark.line + 1,
				    (uint32_t)ev.start_mark.column + 1,
				    "nesting is deeper than %d levels",
				    POLICY_MAX_DEPTH);
				failed = true;
				break;
			}
			n = node_new(ld, ev.type == YAML_SEQUENCE_START_EVENT ?
			    NODE_SEQUENCE : NODE_MAPPING, &ev.start_mark);
			if (n == NULL)
				break;
			attach(ld, depth ? stack[depth - 1] : NULL, &root, n);
			stack[depth++] = n;
			n = NULL; /* attached already */
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			if (depth == 0)
				break;
			depth--;
			if (stack[depth]->kind == NODE_MAPPING)
				check_duplicate_keys(ld, stack[depth]);
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
		if (ld->oom)
			failed = true;
		if (n != NULL)
			attach(ld, depth ? stack[depth - 1] : NULL, &root, n);
	}
	yaml_parser_delete(&yp);
	if (failed)
		return NULL;
	if (docs == 0) {
		load_error(ld, 1, 1, "the file is empty: a policy is a mapping "
		    "that starts with 'aipolicy: 1'");
		return NULL;
	}
	return root;
}

/* ---- pass 2: the tree to a policy ------------------------------------ */

static const char *
found(const struct node *n)
{
	if (n == NULL || scalar_is_null(n))
		return "null";
	switch (n->kind) {
	case NODE_MAPPING:
		return "a mapping";
	case NODE_SEQUENCE:
		return "a sequence";
	case NODE_BAD:
		return "an alias";
	default:
		return "a scalar";
	}
}

/* Keys of a mapping that the format knows. */
struct keyspec {
	const char *name;
	bool required;
	const struct node *key, *value; /* filled by take_keys */
};

/*
 * Match the entries of mapping M against SPECS: fill key/value, report
 * unknown keys (with the closest known one) and missing required ones.
 * WHAT names the mapping in messages ("question 'data'").
 */
static void
take_keys(struct loader *ld, const struct node *m, struct keyspec *specs,
    size_t nspecs, const char *what)
{
	const struct node *k;
	struct text_suggest sg;
	size_t i;

	for (k = m->first; k != NULL && k->next != NULL; k = k->next->next) {
		if (k->kind != NODE_SCALAR)
			continue; /* reported while building the tree */
		for (i = 0; i < nspecs; i++) {
			if (strcmp(specs[i].name, k->text) == 0)
				break;
		}
		if (i < nspecs) {
			if (specs[i].key == NULL) { /* duplicates: reported */
				specs[i].key = k;
				specs[i].value = k->next;
			}
			continue;
		}
		if (strncmp(k->text, "x-", 2) == 0)
			continue;
		text_suggest_init(&sg, k->text);
		for (i = 0; i < nspecs; i++)
			text_suggest_add(&sg, specs[i].name);
		if (sg.best != NULL)
			load_error(ld, k->line, k->column,
			    "unknown key '%s' in %s (did you mean '%s'?)",
			    k->text, what, sg.best);
		else
			load_error(ld, k->line, k->column,
			    "unknown key '%s' in %s", k->text, what);
	}
	{
		struct buf b;
		size_t missing = 0;
		char *list;

		buf_init(&b);
		for (i = 0; i < nspecs; i++) {
			if (!specs[i].required || specs[i].key != NULL)
				continue;
			buf_addf(&b, "%s'%s'", missing ? ", " : "",
			    specs[i].name);
			missing++;
		}
		if (missing == 0)
			return;
		list = buf_detach(&b);
		load_error(ld, m->line, m->column,
		    "%s is missing the required key%s %s", what,
		    missing > 1 ? "s" : "", list ? list : "");
		free(list);
	}
}

static char *
dupstr(struct loader *ld, const char *s, size_t n)
{
	char *r = arena_strndup(ld->arena, s, n);

	if (r == NULL)
		ld->oom = true;
	return r;
}

static const char *
fmt_what(struct loader *ld, const char *fmt, const char *arg)
{
	struct buf b;
	char *s, *r;

	buf_init(&b);
	buf_addf(&b, fmt, arg);
	s = buf_detach(&b);
	if (s == NULL) {
		ld->oom = true;
		return "?";
	}
	r = dupstr(ld, s, strlen(s));
	free(s);
	return r != NULL ? r : "?";
}

/*
 * A text field: a non-empty, non-null scalar; one line unless MULTILINE.
 * Returns the text in the policy's arena, or NULL after an error.
 */
static const char *
take_text(struct loader *ld, const struct keyspec *ks, bool multiline)
{
	const struct node *v = ks->value;
	const char *s;
	size_t n;

	if (v == NULL)
		return NULL;
	if (v->kind != NODE_SCALAR) {
		if (v->kind != NODE_BAD)
			load_error(ld, v->line, v->column,
			    "'%s' must be %s, found %s", ks->name, multiline ?
			    "text" : "one line of text", found(v));
		return NULL;
	}
	s = v->text;
	n = v->len;
	trim(&s, &n);
	if (scalar_is_null(v) || n == 0) {
		load_error(ld, v->line, v->column, "'%s' must not be %s",
		    ks->name, scalar_is_null(v) && v->len > 0 ? "null" :
		    "empty");
		return NULL;
	}
	if (!multiline && memchr(v->text, '\n', v->len) != NULL) {
		load_error(ld, v->line, v->column,
		    "'%s' must be one line of text", ks->name);
		return NULL;
	}
	return dupstr(ld, v->text, v->len);
}

static bool
id_is_valid(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > POLICY_MAX_ID)
		return false;
	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
		return false;
	for (i = 1; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '_' || c == '-'))
			return false;
	}
	return true;
}

static bool
check_id(struct loader *ld, const struct node *n, const char *what)
{
	if (n->kind != NODE_SCALAR)
		return false;
	if (id_is_valid(n->text, n->len))
		return true;
	load_error(ld, n->line, n->column,
	    "%s '%s' must match [a-z0-9][a-z0-9_-]* and have at most %d "
	    "characters", what, n->text, POLICY_MAX_ID);
	return false;
}

/* Plain decimal digits, no sign, no leading zero; 0 when absent/invalid. */
static bool
parse_uint(const struct node *v, uint32_t *out)
{
	uint64_t x = 0;
	size_t i;

	if (v->kind != NODE_SCALAR || v->len == 0 || v->len > 9)
		return false;
	if (v->text[0] == '0' && v->len > 1)
		return false;
	for (i = 0; i < v->len; i++) {
		if (v->text[i] < '0' || v->text[i] > '9')
			return false;
		x = x * 10 + (uint64_t)(v->text[i] - '0');
	}
	*out = (uint32_t)x;
	return true;
}

static bool
take_date(struct loader *ld, const struct keyspec *ks, date_t *out,
    struct location *loc)
{
	const struct node *v = ks->value;

	if (v == NULL)
		return false;
	loc->line = v->line;
	loc->column = v->column;
	if (v->kind == NODE_SCALAR && date_parse(v->text, v->len, out))
		return true;
	if (v->kind == NODE_SCALAR && !scalar_is_null(v))
		load_error(ld, v->line, v->column,
		    "'%s' must be a real calendar date YYYY-MM-DD, found '%s'",
		    ks->name, v->text);
	else if (v->kind != NODE_BAD)
		load_error(ld, v->line, v->column,
		    "'%s' must be a date YYYY-MM-DD, found %s", ks->name,
		    found(v));
	return false;
}

/*
 * Add ID to the shared namespace of questions and outcomes. Returns false
 * when it is there already: a question id that is also an outcome id is
 * reported here; the same id twice among questions (or among outcomes) is
 * a duplicate key of that mapping, reported once by check_duplicate_keys.
 */
static bool
add_id(struct loader *ld, const char *id, uint32_t value,
    const struct node *at)
{
	uint32_t old;
	int r = strindex_put(&ld->ids, id, strlen(id), value, &old);

	if (r < 0) {
		ld->oom = true;
		return false;
	}
	if (r == 0 && (old & ID_OUTCOME) != (value & ID_OUTCOME)) {
		const struct location *l = (old & ID_OUTCOME) ?
		    &ld->p->outcomes[old & ~ID_OUTCOME].loc :
		    &ld->p->questions[old].loc;
		load_error(ld, at->line, at->column,
		    "id '%s' is used twice: already %s at %u:%u", id,
		    (old & ID_OUTCOME) ? "an outcome" : "a question", l->line,
		    l->column);
	}
	return r != 0;
}

/* Fill outcome O from mapping M (a named or an inline outcome). */
static void
load_outcome(struct loader *ld, struct outcome *o, const struct node *m,
    const char *what)
{
	struct keyspec ks[] = {
		{ "verdict", true, NULL, NULL },
		{ "summary", true, NULL, NULL },
		{ "why", false, NULL, NULL },
		{ "reviewer", false, NULL, NULL },
		{ "disclose", false, NULL, NULL },
		{ "conditions", false, NULL, NULL },
		{ "review_minutes", false, NULL, NULL },
	};
	const struct node *v, *c;
	bool have_verdict = false;
	size_t i;

	take_keys(ld, m, ks, sizeof ks / sizeof ks[0], what);
	if ((v = ks[0].value) != NULL) {
		if (v->kind == NODE_SCALAR &&
		    verdict_parse(v->text, v->len, &o->verdict))
			have_verdict = true;
		else if (v->kind == NODE_SCALAR && !scalar_is_null(v))
			load_error(ld, v->line, v->column,
			    "'verdict' must be use-freely, use-with-review or "
			    "do-not-use, found '%s'", v->text);
		else if (v->kind != NODE_BAD)
			load_error(ld, v->line, v->column,
			    "'verdict' must be use-freely, use-with-review or "
			    "do-not-use, found %s", found(v));
	}
	o->summary = take_text(ld, &ks[1], false);
	o->why = take_text(ld, &ks[2], true);
	o->reviewer = take_text(ld, &ks[3], false);
	if (have_verdict && o->verdict == VERDICT_USE_WITH_REVIEW &&
	    ks[3].key == NULL)
		load_error(ld, m->line, m->column,
		    "%s is missing the key 'reviewer', required with the "
		    "verdict use-with-review", what);
	if (have_verdict && o->verdict != VERDICT_USE_WITH_REVIEW &&
	    ks[3].key != NULL)
		load_error(ld, ks[3].key->line, ks[3].key->column,
		    "'reviewer' is only allowed with the verdict "
		    "use-with-review, not %s", verdict_id(o->verdict));
	if ((v = ks[4].value) != NULL) {
		if (v->kind == NODE_SCALAR && (strcmp(v->text, "true") == 0 ||
		    strcmp(v->text, "yes") == 0))
			o->disclose = true;
		else if (v->kind == NODE_SCALAR &&
		    (strcmp(v->text, "false") == 0 ||
		    strcmp(v->text, "no") == 0))
			o->disclose = false;
		else if (v->kind != NODE_BAD)
			load_error(ld, v->line, v->column,
			    "'disclose' must be true, false, yes or no, found "
			    "%s%s%s", v->kind == NODE_SCALAR &&
			    !scalar_is_null(v) ? "'" : "",
			    v->kind == NODE_SCALAR && !scalar_is_null(v) ?
			    v->text : found(v), v->kind == NODE_SCALAR &&
			    !scalar_is_null(v) ? "'" : "");
	}
	if ((v = ks[5].value) != NULL) {
		if (v->kind != NODE_SEQUENCE) {
			if (v->kind != NODE_BAD)
				load_error(ld, v->line, v->column,
				    "'conditions' must be a sequence of "
				    "one-line texts, found %s", found(v));
		} else {
			o->conditions = arena_alloc(ld->arena,
			    (v->n ? v->n : 1) * sizeof *o->conditions);
			if (o->conditions == NULL) {
				ld->oom = true;
				return;
			}
			for (c = v->first, i = 0; c != NULL; c = c->next) {
				struct keyspec one = { "conditions", false,
				    c, c };
				const char *t = take_text(ld, &one, false);
				if (t != NULL)
					o->conditions[i++] = t;
			}
			o->nconditions = i;
		}
	}
	if ((v = ks[6].value) != NULL) {
		if (!parse_uint(v, &o->review_minutes) ||
		    o->review_minutes == 0) {
			o->review_minutes = 0;
			if (v->kind != NODE_BAD)
				load_error(ld, v->line, v->column,
				    "'review_minutes' must be a positive whole "
				    "number of minutes, found %s%s%s",
				    v->kind == NODE_SCALAR &&
				    !scalar_is_null(v) ? "'" : "",
				    v->kind == NODE_SCALAR &&
				    !scalar_is_null(v) ? v->text : found(v),
				    v->kind == NODE_SCALAR &&
				    !scalar_is_null(v) ? "'" : "");
		} else if (have_verdict &&
		    o->verdict != VERDICT_USE_WITH_REVIEW) {
			load_error(ld, ks[6].key->line, ks[6].key->column,
			    "'review_minutes' is only allowed with the "
			    "verdict use-with-review, not %s",
			    verdict_id(o->verdict));
		}
	}
}

/* An answer key: one line, trimmed, at most 80 code points, not reserved. */
static bool
check_answer_key(struct loader *ld, const struct node *k, const char *qid)
{
	const char *s = k->text;
	size_t n = k->len;

	if (k->kind != NODE_SCALAR)
		return false;
	trim(&s, &n);
	if (n == 0) {
		load_error(ld, k->line, k->column,
		    "an answer of question '%s' is empty", qid);
		return false;
	}
	if (n != k->len) {
		load_error(ld, k->line, k->column,
		    "answer '%s' of question '%s' has white space around it",
		    k->text, qid);
		return false;
	}
	if (memchr(s, '\n', n) != NULL) {
		load_error(ld, k->line, k->column,
		    "an answer of question '%s' must be one line", qid);
		return false;
	}
	if (utf8_count(s, n) > POLICY_MAX_ANSWER) {
		load_error(ld, k->line, k->column,
		    "answer '%s' of question '%s' is longer than %d characters",
		    k->text, qid, POLICY_MAX_ANSWER);
		return false;
	}
	if (ascii_caseeq(s, n, "?", 1) || ascii_caseeq(s, n, "not sure", 8)) {
		load_error(ld, k->line, k->column,
		    "'%s' is reserved for \"not sure\" and cannot be an answer",
		    k->text);
		return false;
	}
	return true;
}

/* Pending answer targets, resolved once every id is known. */
struct pending {
	const struct node *target;  /* a scalar naming a question/outcome */
	struct answer *answer;
};

struct pendings {
	struct pending *v;
	size_t n, cap;
};

static void
pending_add(struct loader *ld, struct pendings *ps, const struct node *t,
    struct answer *a)
{
	struct pending *nv;

	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 64;
		nv = realloc(ps->v, ps->cap * sizeof *nv);
		if (nv == NULL) {
			ld->oom = true;
			return;
		}
		ps->v = nv;
	}
	ps->v[ps->n].target = t;
	ps->v[ps->n].answer = a;
	ps->n++;
}

/* Inline outcomes found in answers, numbered after the named ones. */
struct inline_list {
	const struct node **maps;
	struct answer **answers;
	const char **qids;
	size_t n, cap;
};

static void
load_question(struct loader *ld, struct question *q, const struct node *m,
    struct pendings *ps, struct inline_list *il)
{
	struct keyspec ks[] = {
		{ "ask", true, NULL, NULL },
		{ "label", false, NULL, NULL },
		{ "help", false, NULL, NULL },
		{ "answers", true, NULL, NULL },
	};
	const char *what = fmt_what(ld, "question '%s'", q->id);
	const struct node *v, *k, *prev;
	struct answer *a;
	size_t i;

	take_keys(ld, m, ks, sizeof ks / sizeof ks[0], what);
	q->ask = take_text(ld, &ks[0], true);
	q->label = take_text(ld, &ks[1], false);
	if (q->label != NULL && utf8_count(q->label, strlen(q->label)) >
	    POLICY_MAX_LABEL)
		load_error(ld, ks[1].value->line, ks[1].value->column,
		    "'label' is longer than %d characters", POLICY_MAX_LABEL);
	q->has_label = q->label != NULL;
	if (q->label == NULL)
		q->label = q->ask;
	q->help = take_text(ld, &ks[2], true);
	if ((v = ks[3].value) == NULL)
		return;
	if (v->kind != NODE_MAPPING) {
		if (v->kind != NODE_BAD)
			load_error(ld, v->line, v->column,
			    "'answers' must be a mapping of answer -> target, "
			    "found %s", found(v));
		return;
	}
	if (v->n / 2 < 2)
		load_error(ld, v->line, v->column,
		    "question '%s' needs at least two answers, found %zu",
		    q->id, v->n / 2);
	q->answers = arena_alloc(ld->arena, (v->n / 2 + 1) * sizeof *a);
	if (q->answers == NULL) {
		ld->oom = true;
		return;
	}
	for (k = v->first; k != NULL && k->next != NULL; k = k->next->next) {
		if (!check_answer_key(ld, k, q->id))
			continue;
		/* Unique ignoring ASCII case (exact repeats: YAML duplicate). */
		for (i = 0; i < q->nanswers; i++) {
			if (ascii_caseeq(q->answers[i].key,
			    strlen(q->answers[i].key), k->text, k->len))
				break;
		}
		if (i < q->nanswers) {
			if (strcmp(q->answers[i].key, k->text) != 0)
				load_error(ld, k->line, k->column,
				    "answer '%s' is the same as '%s' (at %u:%u) "
				    "when case is ignored", k->text,
				    q->answers[i].key, q->answers[i].loc.line,
				    q->answers[i].loc.column);
			continue;
		}
		a = &q->answers[q->nanswers++];
		a->key = dupstr(ld, k->text, k->len);
		a->loc.line = k->line;
		a->loc.column = k->column;
		prev = k->next;
		if (prev->kind == NODE_SCALAR && !scalar_is_null(prev)) {
			pending_add(ld, ps, prev, a);
		} else if (prev->kind == NODE_MAPPING) {
			if (il->n == il->cap) {
				il->cap = il->cap ? il->cap * 2 : 16;
				il->maps = realloc(il->maps,
				    il->cap * sizeof *il->maps);
				il->answers = realloc(il->answers,
				    il->cap * sizeof *il->answers);
				il->qids = realloc(il->qids,
				    il->cap * sizeof *il->qids);
				if (il->maps == NULL || il->answers == NULL ||
				    il->qids == NULL) {
					ld->oom = true;
					return;
				}
			}
			il->maps[il->n] = prev;
			il->answers[il->n] = a;
			il->qids[il->n] = q->id;
			il->n++;
		} else if (prev->kind != NODE_BAD) {
			load_error(ld, prev->line, prev->column,
			    "the target of answer '%s' must be a question id, "
			    "an outcome id or an outcome mapping, found %s",
			    k->text, found(prev));
		}
	}
}

/* Suggest the closest id to S among questions and outcomes. */
static const char *
closest_id(struct loader *ld, const char *s)
{
	struct text_suggest sg;
	size_t i;

	if (ld->p->nquestions + ld->p->noutcomes > SUGGEST_MAX_IDS)
		return NULL;
	text_suggest_init(&sg, s);
	for (i = 0; i < ld->p->nquestions; i++)
		text_suggest_add(&sg, ld->p->questions[i].id);
	for (i = 0; i < ld->p->noutcomes; i++)
		text_suggest_add(&sg, ld->p->outcomes[i].id);
	return sg.best;
}

static void
resolve_target(struct loader *ld, const struct node *t, struct answer *a)
{
	const char *hint;
	enum verdict v;
	uint32_t x;

	if (strindex_get(&ld->ids, t->text, t->len, &x)) {
		a->target.kind = (x & ID_OUTCOME) ? TARGET_OUTCOME :
		    TARGET_QUESTION;
		a->target.index = x & ~ID_OUTCOME;
		return;
	}
	a->target.kind = TARGET_OUTCOME;
	a->target.index = UINT32_MAX; /* unresolved: the load fails */
	if (verdict_parse(t->text, t->len, &v)) {
		load_error(ld, t->line, t->column,
		    "'%s' is a verdict, not a target: name an outcome, or "
		    "write one inline ({ verdict: %s, summary: ... })",
		    t->text, t->text);
		return;
	}
	hint = closest_id(ld, t->text);
	if (hint != NULL)
		load_error(ld, t->line, t->column,
		    "unknown target '%s': no question or outcome has this id "
		    "(did you mean '%s'?)", t->text, hint);
	else
		load_error(ld, t->line, t->column,
		    "unknown target '%s': no question or outcome has this id",
		    t->text);
}

/* ---- pass 3: the graph ------------------------------------------------ */

/*
 * Depth-first search from start, then from each question not yet visited
 * in file order, with an explicit stack. Reports the first cycle at the
 * answer that closes it. Computes heights (longest path to an outcome).
 * Returns false when a cycle was found.
 */
static bool
check_cycles(struct loader *ld)
{
	struct policy *p = ld->p;
	enum { WHITE, GREY, BLACK };
	uint8_t *colour = calloc(p->nquestions, 1);
	uint32_t *stk = malloc(p->nquestions * sizeof *stk);
	uint32_t *next = calloc(p->nquestions, sizeof *next);
	size_t sp, root, r, i;
	bool ok = true;

	if (colour == NULL || stk == NULL || next == NULL) {
		ld->oom = true;
		ok = false;
		goto out;
	}
	for (r = 0; r <= p->nquestions && ok; r++) {
		root = r == 0 ? p->start : r - 1;
		if (colour[root] != WHITE)
			continue;
		sp = 0;
		stk[sp++] = (uint32_t)root;
		colour[root] = GREY;
		while (sp > 0 && ok) {
			uint32_t qi = stk[sp - 1];
			struct question *q = &p->questions[qi];
			if (next[qi] < q->nanswers) {
				struct answer *a = &q->answers[next[qi]++];
				uint32_t t = a->target.index;
				if (a->target.kind != TARGET_QUESTION)
					continue;
				if (colour[t] == WHITE) {
					colour[t] = GREY;
					stk[sp++] = t;
				} else if (colour[t] == GREY) {
					struct buf b;
					char *msg;
					buf_init(&b);
					for (i = 0; stk[i] != t; i++)
						;
					for (; i < sp; i++)
						buf_addf(&b, "%s -> ",
						    p->questions[stk[i]].id);
					buf_adds(&b, p->questions[t].id);
					msg = buf_detach(&b);
					load_error(ld, a->loc.line,
					    a->loc.column, "cycle: %s",
					    msg ? msg : "?");
					free(msg);
					ok = false;
				}
				continue;
			}
			/* All answers done: the height is now known. */
			q->height = 1;
			for (i = 0; i < q->nanswers; i++) {
				struct target *t = &q->answers[i].target;
				if (t->kind == TARGET_QUESTION &&
				    p->questions[t->index].height + 1 >
				    q->height)
					q->height =
					    p->questions[t->index].height + 1;
			}
			colour[qi] = BLACK;
			sp--;
		}
	}
out:
	free(colour);
	free(stk);
	free(next);
	return ok;
}

/* Warn about questions and named outcomes that start cannot reach. */
static void
check_reachable(struct loader *ld)
{
	struct policy *p = ld->p;
	uint8_t *qseen = calloc(p->nquestions, 1);
	uint8_t *oseen = calloc(p->noutcomes ? p->noutcomes : 1, 1);
	uint32_t *queue = malloc(p->nquestions * sizeof *queue);
	size_t head = 0, tail = 0, i;

	if (qseen == NULL || oseen == NULL || queue == NULL) {
		ld->oom = true;
		goto out;
	}
	qseen[p->start] = 1;
	queue[tail++] = p->start;
	while (head < tail) {
		struct question *q = &p->questions[queue[head++]];
		for (i = 0; i < q->nanswers; i++) {
			struct target *t = &q->answers[i].target;
			if (t->kind == TARGET_OUTCOME) {
				oseen[t->index] = 1;
			} else if (!qseen[t->index]) {
				qseen[t->index] = 1;
				queue[tail++] = t->index;
			}
		}
	}
	for (i = 0; i < p->nquestions; i++)
		p->questions[i].reachable = qseen[i];
	for (i = 0; i < p->noutcomes; i++)
		p->outcomes[i].reachable = oseen[i];
	for (i = 0; i < p->nquestions; i++) {
		if (!qseen[i])
			load_warning(ld, p->questions[i].loc.line,
			    p->questions[i].loc.column,
			    "question '%s' cannot be reached from start '%s'",
			    p->questions[i].id, p->questions[p->start].id);
	}
	for (i = 0; i < p->noutcomes; i++) {
		if (!oseen[i] && !p->outcomes[i].is_inline)
			load_warning(ld, p->outcomes[i].loc.line,
			    p->outcomes[i].loc.column,
			    "outcome '%s' cannot be reached from start '%s'",
			    p->outcomes[i].id, p->questions[p->start].id);
	}
out:
	free(qseen);
	free(oseen);
	free(queue);
}

static void
load_tests(struct loader *ld, const struct node *seq)
{
	struct policy *p = ld->p;
	const struct node *c, *k;
	struct test_case *tc;
	enum verdict v;
	uint32_t x;
	int64_t qi;

	if (seq->kind != NODE_SEQUENCE) {
		if (seq->kind != NODE_BAD && !scalar_is_null(seq))
			load_error(ld, seq->line, seq->column,
			    "'tests' must be a sequence of test cases, found %s",
			    found(seq));
		else if (scalar_is_null(seq))
			load_error(ld, seq->line, seq->column,
			    "'tests' must be a sequence of test cases, found "
			    "null");
		return;
	}
	p->tests = arena_alloc(ld->arena, (seq->n + 1) * sizeof *p->tests);
	if (p->tests == NULL) {
		ld->oom = true;
		return;
	}
	for (c = seq->first; c != NULL; c = c->next) {
		struct keyspec ks[] = {
			{ "answers", true, NULL, NULL },
			{ "expect", true, NULL, NULL },
		};
		if (c->kind != NODE_MAPPING) {
			if (c->kind != NODE_BAD)
				load_error(ld, c->line, c->column,
				    "a test case must be a mapping with "
				    "'answers' and 'expect', found %s",
				    found(c));
			continue;
		}
		tc = &p->tests[p->ntests++];
		tc->loc.line = c->line;
		tc->loc.column = c->column;
		take_keys(ld, c, ks, 2, "a test case");
		if ((k = ks[1].value) != NULL) {
			if (k->kind != NODE_SCALAR || scalar_is_null(k)) {
				if (k->kind != NODE_BAD)
					load_error(ld, k->line, k->column,
					    "'expect' must be a verdict id or "
					    "an outcome id, found %s", found(k));
			} else if (!verdict_parse(k->text, k->len, &v) &&
			    (!strindex_get(&ld->ids, k->text, k->len, &x) ||
			    !(x & ID_OUTCOME))) {
				load_error(ld, k->line, k->column,
				    "'expect' names no verdict and no outcome: "
				    "'%s'", k->text);
			} else {
				tc->expect = dupstr(ld, k->text, k->len);
			}
		}
		if ((k = ks[0].value) == NULL)
			continue;
		if (k->kind != NODE_MAPPING) {
			if (k->kind != NODE_BAD)
				load_error(ld, k->line, k->column,
				    "'answers' of a test case must be a mapping "
				    "of question id -> answer, found %s",
				    found(k));
			continue;
		}
		tc->answers = arena_alloc(ld->arena,
		    (k->n / 2 + 1) * sizeof *tc->answers);
		if (tc->answers == NULL) {
			ld->oom = true;
			return;
		}
		for (k = k->first; k != NULL && k->next != NULL;
		    k = k->next->next) {
			const struct node *a = k->next;
			struct test_answer *ta;
			if (k->kind != NODE_SCALAR)
				continue;
			qi = strindex_get(&ld->ids, k->text, k->len, &x) &&
			    !(x & ID_OUTCOME) ? (int64_t)x : -1;
			if (qi < 0) {
				load_error(ld, k->line, k->column,
				    "test case names no question '%s'",
				    k->text);
				continue;
			}
			if (a->kind != NODE_SCALAR || scalar_is_null(a)) {
				if (a->kind != NODE_BAD)
					load_error(ld, a->line, a->column,
					    "the answer to '%s' must be text, "
					    "found %s", k->text, found(a));
				continue;
			}
			if (question_match(&p->questions[qi], a->text,
			    a->len) < 0) {
				struct buf b;
				char *list;
				size_t i;
				buf_init(&b);
				for (i = 0; i < p->questions[qi].nanswers; i++)
					buf_addf(&b, "%s'%s'", i ? ", " : "",
					    p->questions[qi].answers[i].key);
				list = buf_detach(&b);
				load_error(ld, a->line, a->column,
				    "'%s' is not an answer of question '%s' "
				    "(answers: %s)", a->text, k->text,
				    list ? list : "?");
				free(list);
				continue;
			}
			ta = &tc->answers[tc->nanswers++];
			ta->question = p->questions[qi].id;
			ta->answer = dupstr(ld, a->text, a->len);
			ta->loc.line = k->line;
			ta->loc.column = k->column;
		}
	}
}

/* Count the entries of mapping M that are data (not x- extensions). */
static void
load_policy(struct loader *ld, const struct node *root)
{
	struct policy *p = ld->p;
	struct keyspec ks[] = {
		{ "aipolicy", true, NULL, NULL },
		{ "id", true, NULL, NULL },
		{ "title", true, NULL, NULL },
		{ "version", true, NULL, NULL },
		{ "owner", true, NULL, NULL },
		{ "effective", true, NULL, NULL },
		{ "review_by", true, NULL, NULL },
		{ "start", true, NULL, NULL },
		{ "questions", true, NULL, NULL },
		{ "outcomes", false, NULL, NULL },
		{ "tests", false, NULL, NULL },
	};
	const struct node *v, *k, *qs = NULL, *os = NULL;
	struct pendings ps = { NULL, 0, 0 };
	struct inline_list il = { NULL, NULL, NULL, 0, 0 };
	size_t i, nnamed;
	uint32_t x, ver;
	bool dates = true, graph_ok = true;

	if (root->kind != NODE_MAPPING) {
		load_error(ld, root->line, root->column,
		    "a policy must be a mapping that starts with "
		    "'aipolicy: 1', found %s", found(root));
		return;
	}
	take_keys(ld, root, ks, sizeof ks / sizeof ks[0], "the policy");
	if ((v = ks[0].value) != NULL && (!parse_uint(v, &ver) || ver != 1) &&
	    v->kind != NODE_BAD)
		load_error(ld, v->line, v->column,
		    "'aipolicy' must be 1, the only format version, found %s%s%s",
		    v->kind == NODE_SCALAR && !scalar_is_null(v) ? "'" : "",
		    v->kind == NODE_SCALAR && !scalar_is_null(v) ? v->text :
		    found(v),
		    v->kind == NODE_SCALAR && !scalar_is_null(v) ? "'" : "");
	if ((v = ks[1].value) != NULL) {
		if (v->kind == NODE_SCALAR && !scalar_is_null(v)) {
			if (check_id(ld, v, "policy id"))
				p->id = dupstr(ld, v->text, v->len);
		} else if (v->kind != NODE_BAD) {
			load_error(ld, v->line, v->column,
			    "'id' must be an id like 'acme-ai-use', found %s",
			    found(v));
		}
	}
	p->title = take_text(ld, &ks[2], false);
	p->version = take_text(ld, &ks[3], false);
	p->owner = take_text(ld, &ks[4], false);
	dates &= take_date(ld, &ks[5], &p->effective, &p->effective_loc);
	dates &= take_date(ld, &ks[6], &p->review_by, &p->review_by_loc);
	if (dates && p->review_by < p->effective) {
		char a[11], b[11];
		date_format(p->review_by, a);
		date_format(p->effective, b);
		load_error(ld, p->review_by_loc.line, p->review_by_loc.column,
		    "'review_by' (%s) is before 'effective' (%s)", a, b);
	}

	/* Questions and named outcomes first: targets may point forward. */
	if ((qs = ks[8].value) != NULL && qs->kind != NODE_MAPPING) {
		if (qs->kind != NODE_BAD)
			load_error(ld, qs->line, qs->column,
			    "'questions' must be a mapping of question id -> "
			    "question, found %s", found(qs));
		qs = NULL;
	} else if (qs != NULL && qs->n == 0) {
		load_error(ld, qs->line, qs->column,
		    "'questions' must hold at least one question");
	}
	if ((os = ks[9].value) != NULL && os->kind != NODE_MAPPING) {
		if (!(scalar_is_null(os) || os->kind == NODE_BAD))
			load_error(ld, os->line, os->column,
			    "'outcomes' must be a mapping of outcome id -> "
			    "outcome, found %s", found(os));
		os = NULL;
	}
	p->questions = arena_alloc(ld->arena,
	    ((qs ? qs->n / 2 : 0) + 1) * sizeof *p->questions);
	if (p->questions == NULL)
		goto oom;
	for (k = qs ? qs->first : NULL; k != NULL && k->next != NULL;
	    k = k->next->next) {
		struct question *q;
		if (!check_id(ld, k, "question id"))
			continue;
		q = &p->questions[p->nquestions];
		q->id = dupstr(ld, k->text, k->len);
		q->loc.line = k->line;
		q->loc.column = k->column;
		if (q->id == NULL)
			goto oom;
		if (!add_id(ld, q->id, (uint32_t)p->nquestions, k))
			continue;
		p->nquestions++;
	}
	/* Named outcomes, then the inline ones found in answers. */
	nnamed = os ? os->n / 2 : 0;
	for (k = os ? os->first : NULL; k != NULL && k->next != NULL;
	    k = k->next->next) {
		struct outcome *o;
		enum verdict vv;
		if (!check_id(ld, k, "outcome id"))
			continue;
		if (verdict_parse(k->text, k->len, &vv)) {
			load_error(ld, k->line, k->column,
			    "'%s' is a verdict id and cannot be an outcome id",
			    k->text);
			continue;
		}
		if (p->outcomes == NULL) {
			p->outcomes = arena_alloc(ld->arena,
			    (nnamed + 1) * sizeof *p->outcomes);
			if (p->outcomes == NULL)
				goto oom;
		}
		o = &p->outcomes[p->noutcomes];
		o->id = dupstr(ld, k->text, k->len);
		o->loc.line = k->line;
		o->loc.column = k->column;
		if (o->id == NULL)
			goto oom;
		if (!add_id(ld, o->id, (uint32_t)p->noutcomes | ID_OUTCOME, k))
			continue;
		p->noutcomes++;
	}
	/* The bodies, now that every id is known. */
	for (k = qs ? qs->first : NULL, i = 0; k != NULL && k->next != NULL;
	    k = k->next->next) {
		if (k->kind != NODE_SCALAR || !strindex_get(&ld->ids, k->text,
		    k->len, &x) || (x & ID_OUTCOME) ||
		    p->questions[x].loc.line != k->line ||
		    p->questions[x].loc.column != k->column)
			continue;
		if (k->next->kind != NODE_MAPPING) {
			if (k->next->kind != NODE_BAD)
				load_error(ld, k->next->line, k->next->column,
				    "question '%s' must be a mapping with "
				    "'ask' and 'answers', found %s", k->text,
				    found(k->next));
			continue;
		}
		load_question(ld, &p->questions[x], k->next, &ps, &il);
		if (ld->oom)
			goto oom;
	}
	for (k = os ? os->first : NULL; k != NULL && k->next != NULL;
	    k = k->next->next) {
		if (k->kind != NODE_SCALAR || !strindex_get(&ld->ids, k->text,
		    k->len, &x) || !(x & ID_OUTCOME) ||
		    p->outcomes[x & ~ID_OUTCOME].loc.line != k->line ||
		    p->outcomes[x & ~ID_OUTCOME].loc.column != k->column)
			continue;
		if (k->next->kind != NODE_MAPPING) {
			if (k->next->kind != NODE_BAD)
				load_error(ld, k->next->line, k->next->column,
				    "outcome '%s' must be a mapping with "
				    "'verdict' and 'summary', found %s",
				    k->text, found(k->next));
			continue;
		}
		load_outcome(ld, &p->outcomes[x & ~ID_OUTCOME], k->next,
		    fmt_what(ld, "outcome '%s'", k->text));
		if (ld->oom)
			goto oom;
	}
	if (il.n > 0) {
		struct outcome *all = arena_alloc(ld->arena,
		    (p->noutcomes + il.n) * sizeof *all);
		if (all == NULL)
			goto oom;
		if (p->noutcomes > 0)
			memcpy(all, p->outcomes, p->noutcomes * sizeof *all);
		p->outcomes = all;
		for (i = 0; i < il.n; i++) {
			struct outcome *o = &p->outcomes[p->noutcomes];
			struct buf b;
			char *id;
			size_t j;
			buf_init(&b);
			buf_addf(&b, "%s.", il.qids[i]);
			for (j = 0; il.answers[i]->key[j] != '\0'; j++) {
				char c = il.answers[i]->key[j];
				buf_addc(&b, c >= 'A' && c <= 'Z' ?
				    (char)(c - 'A' + 'a') : c);
			}
			id = buf_detach(&b);
			if (id == NULL)
				goto oom;
			o->id = dupstr(ld, id, strlen(id));
			free(id);
			if (o->id == NULL)
				goto oom;
			o->is_inline = true;
			o->loc.line = il.maps[i]->line;
			o->loc.column = il.maps[i]->column;
			load_outcome(ld, o, il.maps[i],
			    fmt_what(ld, "inline outcome '%s'", o->id));
			il.answers[i]->target.kind = TARGET_OUTCOME;
			il.answers[i]->target.index = (uint32_t)p->noutcomes;
			if (strindex_put(&ld->ids, o->id, strlen(o->id),
			    (uint32_t)p->noutcomes | ID_OUTCOME, NULL) < 0)
				goto oom;
			p->noutcomes++;
		}
	}
	for (i = 0; i < ps.n; i++)
		resolve_target(ld, ps.v[i].target, ps.v[i].answer);
	for (i = 0; i < p->nquestions; i++) {
		if (p->questions[i].nanswers < 2 || p->questions[i].ask == NULL)
			graph_ok = false; /* reported already */
	}

	if ((v = ks[7].value) != NULL) {
		if (v->kind != NODE_SCALAR || scalar_is_null(v)) {
			if (v->kind != NODE_BAD)
				load_error(ld, v->line, v->column,
				    "'start' must be a question id, found %s",
				    found(v));
			graph_ok = false;
		} else if (!strindex_get(&ld->ids, v->text, v->len, &x)) {
			load_error(ld, v->line, v->column,
			    "'start' names no question: '%s'", v->text);
			graph_ok = false;
		} else if (x & ID_OUTCOME) {
			load_error(ld, v->line, v->column,
			    "'start' must name a question, '%s' is an outcome",
			    v->text);
			graph_ok = false;
		} else {
			p->start = x;
		}
	} else {
		graph_ok = false;
	}
	if (p->nquestions == 0)
		graph_ok = false;
	/* The graph checks need every reference resolved. */
	if (graph_ok && ld->d->nerrors == ld->errors_before && check_cycles(ld))
		check_reachable(ld);
	if ((v = ks[10].value) != NULL)
		load_tests(ld, v);
oom:
	if (ld->oom)
		load_error(ld, 0, 0, "out of memory");
	free(ps.v);
	free(il.maps);
	free(il.answers);
	free(il.qids);
}

/* ---- entry points ------------------------------------------------------ */

static void
sha256_hex(const char *buf, size_t len, char out[65])
{
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];
	static const char hex[] = "0123456789abcdef";
	size_t i;

	sha256_init(&ctx);
	sha256_update(&ctx, len, (const uint8_t *)buf);
	sha256_digest(&ctx, sizeof digest, digest);
	for (i = 0; i < sizeof digest; i++) {
		out[2 * i] = hex[digest[i] >> 4];
		out[2 * i + 1] = hex[digest[i] & 15];
	}
	out[64] = '\0';
}

/* Refuse UTF-16 and UTF-32 by their byte-order marks or NUL patterns. */
static bool
check_encoding(struct loader *ld)
{
	const unsigned char *u = (const unsigned char *)ld->src;
	size_t n = ld->len;

	if ((n >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF) ||
	    (n >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0)) {
		load_error(ld, 1, 1, "the file is UTF-32: policy files must be "
		    "UTF-8");
		return false;
	}
	if (n >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) ||
	    (u[0] == 0xFF && u[1] == 0xFE))) {
		load_error(ld, 1, 1, "the file is UTF-16: policy files must be "
		    "UTF-8");
		return false;
	}
	if (n >= 2 && ((u[0] == 0 && u[1] != 0) || (u[0] != 0 && u[1] == 0))) {
		load_error(ld, 1, 1, "the file looks like UTF-16 or UTF-32: "
		    "policy files must be UTF-8");
		return false;
	}
	return true;
}

enum load_status
policy_load_buffer(const char *name, const char *buf, size_t len,
    struct policy **out, struct diags *d)
{
	struct loader ld;
	struct policy *p;
	struct node *root;
	size_t before = d->nerrors;
	char *copy;

	*out = NULL;
	memset(&ld, 0, sizeof ld);
	ld.d = d;
	ld.errors_before = d->nerrors;
	arena_init(&ld.tree);
	strindex_init(&ld.ids);

	p = calloc(1, sizeof *p);
	if (p == NULL || (p->priv = calloc(1, sizeof *p->priv)) == NULL) {
		free(p);
		diags_add(d, SEVERITY_ERROR, 0, 0, NULL, 0, "out of memory");
		return LOAD_INVALID;
	}
	arena_init(&p->priv->arena);
	ld.p = p;
	ld.arena = &p->priv->arena;
	p->file = arena_strndup(ld.arena, name, strlen(name));
	/* The policy keeps its source, for lines shown under diagnostics. */
	copy = malloc(len + 1);
	if (p->file == NULL || copy == NULL) {
		free(copy);
		policy_free(p);
		diags_add(d, SEVERITY_ERROR, 0, 0, NULL, 0, "out of memory");
		return LOAD_INVALID;
	}
	memcpy(copy, buf, len);
	copy[len] = '\0';
	p->priv->src = copy;
	p->priv->len = len;
	ld.src = copy;
	ld.len = len > POLICY_MAX_FILE ? POLICY_MAX_FILE : len;
	if (len >= 3 && memcmp(copy, "\xEF\xBB\xBF", 3) == 0)
		ld.bom = 3;
	sha256_hex(buf, len, p->sha256);
	if (index_lines(copy, ld.len, ld.bom, &ld.lines, &ld.nlines) != 0) {
		policy_free(p);
		diags_add(d, SEVERITY_ERROR, 0, 0, NULL, 0, "out of memory");
		return LOAD_INVALID;
	}
	if (len > POLICY_MAX_FILE) {
		uint32_t line, column;
		offset_position(&ld, POLICY_MAX_FILE, &line, &column);
		load_error(&ld, line, column,
		    "the file is larger than 64 MiB (%zu bytes)", len);
	} else if (len == 0 || (len == ld.bom)) {
		load_error(&ld, 1, 1, "the file is empty: a policy is a mapping "
		    "that starts with 'aipolicy: 1'");
	} else if (check_encoding(&ld)) {
		root = build_tree(&ld);
		if (root != NULL)
			load_policy(&ld, root);
		else if (ld.oom)
			load_error(&ld, 0, 0, "out of memory");
	}
	arena_release(&ld.tree);
	strindex_release(&ld.ids);
	p->priv->lines = ld.lines;
	p->priv->nlines = ld.nlines;
	if (d->nerrors > before) {
		policy_free(p);
		return LOAD_INVALID;
	}
	if (policy_build_index(p) != 0) {
		policy_free(p);
		diags_add(d, SEVERITY_ERROR, 0, 0, NULL, 0, "out of memory");
		return LOAD_INVALID;
	}
	*out = p;
	return LOAD_OK;
}

enum load_status
policy_load_file(const char *path, struct policy **out, struct diags *d)
{
	struct stat st;
	char *buf = NULL, *nb;
	size_t len = 0, cap = 0;
	ssize_t r;
	int fd, saved;
	enum load_status status;

	*out = NULL;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return LOAD_CANNOT_OPEN;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		errno = EISDIR;
		return LOAD_CANNOT_OPEN;
	}
	/* Read at most one byte past the limit: enough to know it is over. */
	for (;;) {
		if (len == cap) {
			if (cap > POLICY_MAX_FILE)
				break;
			cap = cap ? cap * 2 : 65536;
			if (cap > (size_t)POLICY_MAX_FILE + 1)
				cap = (size_t)POLICY_MAX_FILE + 1;
			nb = realloc(buf, cap);
			if (nb == NULL) {
				saved = ENOMEM;
				goto fail;
			}
			buf = nb;
		}
		r = read(fd, buf + len, cap - len);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			saved = errno;
			goto fail;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	status = policy_load_buffer(path, buf ? buf : "", len, out, d);
	free(buf);
	return status;
fail:
	close(fd);
	free(buf);
	errno = saved;
	return LOAD_CANNOT_OPEN;
}

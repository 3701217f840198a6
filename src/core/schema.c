/*
 * schema.c: the format's top level, read straight from the YAML events,
 * and the pieces every part of the format uses: matching a mapping's keys,
 * text, date, number and id fields, and the one "wrong kind of node"
 * error. Questions, outcomes and test cases have files of their own.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "load-private.h"

/* Room for a "wrong kind" message before its ", found ...". */
#define WRONG_MAX 512
/* The longest decimal number parse_uint takes: 9 digits fit uint32_t. */
#define UINT_DIGITS_MAX 9
/* Room for a date as YYYY-MM-DD and its NUL. */
#define DATE_BUF 11

enum top_key {
	TOP_AIPOLICY, TOP_ID, TOP_TITLE, TOP_VERSION, TOP_OWNER,
	TOP_EFFECTIVE, TOP_REVIEW_BY, TOP_START, TOP_QUESTIONS,
	TOP_OUTCOMES, TOP_TESTS, TOP_KEYS
};

static void load_vreport(struct loader *ld, enum aipolicy_severity sev,
    uint32_t line, uint32_t column, const char *fmt, va_list ap);
static bool id_is_valid(const char *s, size_t n);
static void keep_value(struct loader *ld, const struct yread_event *v,
    struct kept_value *out);
static void top_value(struct loader *ld, enum top_key k,
    const struct yread_event *v, bool *dates);
static void top_section(struct loader *ld, enum top_key k,
    const struct yread_event *v);
static void top_mapping(struct loader *ld, const struct yread_event *m);
static void not_a_policy(struct loader *ld, const struct yread_event *m);

static void
load_vreport(struct loader *ld, enum aipolicy_severity sev, uint32_t line,
    uint32_t column, const char *fmt, va_list ap)
{
	if (!source_vdiag(ld->src, &ld->late, sev, line, column, fmt, ap))
		ld->oom = true;
}

void
load_error(struct loader *ld, uint32_t line, uint32_t column,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	load_vreport(ld, AIPOLICY_SEVERITY_ERROR, line, column, fmt, ap);
	va_end(ap);
}

void
load_warning(struct loader *ld, uint32_t line, uint32_t column,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	load_vreport(ld, AIPOLICY_SEVERITY_WARNING, line, column, fmt, ap);
	va_end(ap);
}

void
late_drop(struct loader *ld, const struct late_range *r)
{
	struct aipolicy_diags *d = &ld->late;
	size_t i, n = r->to - r->from;

	if (n == 0)
		return;
	for (i = r->from; i < r->to; i++) {
		if (d->items[i].severity == AIPOLICY_SEVERITY_ERROR)
			d->nerrors--;
		else if (d->items[i].severity == AIPOLICY_SEVERITY_WARNING)
			d->nwarnings--;
		free(d->items[i].message);
		free(d->items[i].source);
	}
	memmove(&d->items[r->from], &d->items[r->to],
	    (d->count - r->to) * sizeof *d->items);
	d->count -= n;
	for (i = r->from; i < d->count; i++)
		d->items[i].seq = i;
}

void
late_mark(const struct loader *ld, struct late_mark *m)
{
	m->count = ld->late.count;
	m->nerrors = ld->late.nerrors;
	m->nwarnings = ld->late.nwarnings;
	m->dropped = ld->late.dropped;
	m->last_dropped = ld->late.last_dropped;
}

void
late_rewind(struct loader *ld, const struct late_mark *m)
{
	struct aipolicy_diags *d = &ld->late;

	while (d->count > m->count) {
		d->count--;
		free(d->items[d->count].message);
		free(d->items[d->count].source);
	}
	d->nerrors = m->nerrors;
	d->nwarnings = m->nwarnings;
	d->dropped = m->dropped;
	d->last_dropped = m->last_dropped;
}

const char *
load_found(const struct yread_event *v)
{
	if (v == NULL || yread_is_null(v))
		return "null";
	switch (v->kind) {
	case YREAD_MAPPING:
		return "a mapping";
	case YREAD_SEQUENCE:
		return "a sequence";
	case YREAD_ALIAS:
		return "an alias";
	default:
		return "a scalar";
	}
}

void
load_wrong(struct loader *ld, const struct yread_event *v, bool quote_text,
    const char *fmt, ...)
{
	char msg[WRONG_MAX];
	bool quote = quote_text && v->kind == YREAD_SCALAR && !yread_is_null(v);
	va_list ap;

	if (v->kind == YREAD_ALIAS)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	load_error(ld, v->line, v->column, "%s, found %s%s%s", msg,
	    quote ? "'" : "", quote ? v->text : load_found(v),
	    quote ? "'" : "");
	value_skip(ld, v);
}

const char *
load_what(const struct what *w, char *buf, size_t size)
{
	snprintf(buf, size, w->fmt, w->arg != NULL ? w->arg : "");
	return buf;
}

bool
id_key_add(struct id_key **keys, size_t *cap, size_t at, const char *s,
    size_t n)
{
	if (vec_grow(keys, cap, at + 1, sizeof **keys) != 0)
		return false;
	(*keys)[at].len = (uint32_t)n;
	(*keys)[at].hash = strindex_hash(s, n);
	return true;
}

char *
load_strdup(struct loader *ld, struct arena *arena, const char *s, size_t n)
{
	char *r = arena_strndup(arena, s, n);

	if (r == NULL)
		ld->oom = true;
	return r;
}

bool
value_next(struct loader *ld, struct yread_event *v)
{
	enum yread_kind k = yread_next(&ld->r, v);

	return k != YREAD_FAIL && k != YREAD_DONE && k != YREAD_END;
}

void
value_skip(struct loader *ld, const struct yread_event *v)
{
	yread_skip(&ld->r, v);
}

bool
map_next(struct loader *ld, struct yread_event *key, size_t *entries)
{
	struct yread_event v;

	for (;;) {
		enum yread_kind k = yread_next(&ld->r, key);
		if (entries != NULL && k != YREAD_END && k != YREAD_DONE &&
		    k != YREAD_FAIL)
			(*entries)++;
		switch (k) {
		case YREAD_SCALAR:
			return true;
		case YREAD_MAPPING:
		case YREAD_SEQUENCE:
		case YREAD_ALIAS:
			/* Not a usable key: pass over it and its value. */
			yread_skip(&ld->r, key);
			if (!value_next(ld, &v))
				return false;
			yread_skip(&ld->r, &v);
			break;
		default:
			return false;
		}
	}
}

int
keys_match(struct loader *ld, struct keyspec *specs, size_t n,
    const struct yread_event *key, const struct what *w)
{
	struct text_suggest sg;
	char buf[WHAT_MAX];
	size_t i;

	for (i = 0; i < n; i++) {
		/* The first letter settles most of them. */
		if (specs[i].name[0] != key->text[0] ||
		    strcmp(specs[i].name, key->text) != 0)
			continue;
		if (key->duplicate)
			return -1;
		specs[i].seen = true;
		specs[i].line = key->line;
		specs[i].column = key->column;
		return (int)i;
	}
	if (strncmp(key->text, "x-", 2) == 0)
		return -1;
	text_suggest_init(&sg, key->text);
	for (i = 0; i < n; i++)
		text_suggest_add(&sg, specs[i].name);
	if (sg.best != NULL)
		load_error(ld, key->line, key->column,
		    "unknown key '%s' in %s (did you mean '%s'?)", key->text,
		    load_what(w, buf, sizeof buf), sg.best);
	else
		load_error(ld, key->line, key->column, "unknown key '%s' in %s",
		    key->text, load_what(w, buf, sizeof buf));
	return -1;
}

void
keys_missing(struct loader *ld, const struct keyspec *specs, size_t n,
    uint32_t line, uint32_t column, const struct what *w)
{
	struct buf b;
	char what[WHAT_MAX];
	size_t i, missing = 0;

	buf_init(&b);
	for (i = 0; i < n; i++) {
		if (!specs[i].required || specs[i].seen)
			continue;
		buf_addf(&b, "%s'%s'", missing ? ", " : "", specs[i].name);
		missing++;
	}
	if (missing > 0 && !b.failed)
		load_error(ld, line, column,
		    "%s is missing the required key%s %s",
		    load_what(w, what, sizeof what), missing > 1 ? "s" : "",
		    b.data);
	else if (missing > 0)
		ld->oom = true;
	buf_release(&b);
}

const char *
take_text(struct loader *ld, const struct yread_event *v, const char *name,
    bool multiline)
{
	const char *s = v->text;
	size_t n = v->len;

	if (v->kind != YREAD_SCALAR) {
		load_wrong(ld, v, false, "'%s' must be %s", name, multiline ?
		    "text" : "one line of text");
		return NULL;
	}
	trim(&s, &n);
	if (yread_is_null(v) || n == 0) {
		load_error(ld, v->line, v->column, "'%s' must not be %s", name,
		    yread_is_null(v) && v->len > 0 ? "null" : "empty");
		return NULL;
	}
	if (!multiline && memchr(v->text, '\n', v->len) != NULL) {
		load_error(ld, v->line, v->column,
		    "'%s' must be one line of text", name);
		return NULL;
	}
	return load_strdup(ld, ld->arena, v->text, v->len);
}

bool
take_date(struct loader *ld, const struct yread_event *v, const char *name,
    aipolicy_date_t *out, struct aipolicy_location *loc)
{
	loc->line = v->line;
	loc->column = v->column;
	if (v->kind == YREAD_SCALAR &&
	    aipolicy_date_parse(v->text, v->len, out))
		return true;
	if (v->kind == YREAD_SCALAR && !yread_is_null(v))
		load_error(ld, v->line, v->column,
		    "'%s' must be a real calendar date YYYY-MM-DD, found '%s'",
		    name, v->text);
	else
		load_wrong(ld, v, false, "'%s' must be a date YYYY-MM-DD",
		    name);
	return false;
}

bool
parse_uint(const struct yread_event *v, uint32_t *out)
{
	uint64_t x = 0;
	size_t i;

	if (v->kind != YREAD_SCALAR || v->len == 0 ||
	    v->len > UINT_DIGITS_MAX)
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
id_is_valid(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > AIPOLICY_MAX_ID)
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

bool
check_id(struct loader *ld, const struct yread_event *v, const char *what)
{
	if (v->kind != YREAD_SCALAR)
		return false;
	if (id_is_valid(v->text, v->len))
		return true;
	load_error(ld, v->line, v->column,
	    "%s '%s' must match [a-z0-9][a-z0-9_-]* and have at most %d "
	    "characters", what, v->text, AIPOLICY_MAX_ID);
	return false;
}

/* Keep V (a value that names something, like `start`) for later; its
 * contents are passed over. */
static void
keep_value(struct loader *ld, const struct yread_event *v,
    struct kept_value *out)
{
	out->present = true;
	out->ev = *v;
	if (v->kind == YREAD_SCALAR)
		out->ev.text = load_strdup(ld, &ld->scratch, v->text, v->len);
	value_skip(ld, v);
}

/* The value V of top-level key K, read to its end. *DATES stays true while
 * both dates are there and valid. */
static void
top_value(struct loader *ld, enum top_key k, const struct yread_event *v,
    bool *dates)
{
	struct aipolicy *p = ld->p;
	uint32_t version;

	switch (k) {
	case TOP_AIPOLICY:
		if (!parse_uint(v, &version) || version != 1)
			load_wrong(ld, v, true, "'aipolicy' must be 1, the "
			    "only format version");
		break;
	case TOP_ID:
		if (v->kind == YREAD_SCALAR && !yread_is_null(v)) {
			if (check_id(ld, v, "policy id"))
				p->id = load_strdup(ld, ld->arena, v->text,
				    v->len);
		} else {
			load_wrong(ld, v, false, "'id' must be an id like "
			    "'acme-ai-use'");
		}
		break;
	case TOP_TITLE:
		p->title = take_text(ld, v, "title", false);
		p->title_loc = (struct aipolicy_location){ v->line, v->column };
		break;
	case TOP_VERSION:
		p->version = take_text(ld, v, "version", false);
		break;
	case TOP_OWNER:
		p->owner = take_text(ld, v, "owner", false);
		p->owner_loc = (struct aipolicy_location){ v->line, v->column };
		break;
	case TOP_EFFECTIVE:
		*dates &= take_date(ld, v, "effective", &p->effective,
		    &p->effective_loc);
		break;
	case TOP_REVIEW_BY:
		*dates &= take_date(ld, v, "review_by", &p->review_by,
		    &p->review_by_loc);
		break;
	case TOP_START:
		keep_value(ld, v, &ld->start);
		break;
	default:
		top_section(ld, k, v);
		break;
	}
}

/* The value V of `questions`, `outcomes` or `tests` (K), read to its
 * end. */
static void
top_section(struct loader *ld, enum top_key k, const struct yread_event *v)
{
	size_t before = ld->late.nerrors;

	if (k == TOP_QUESTIONS && v->kind == YREAD_MAPPING)
		schema_questions(ld, v);
	else if (k == TOP_QUESTIONS)
		load_wrong(ld, v, false, "'questions' must be a mapping of "
		    "question id -> question");
	else if (k == TOP_OUTCOMES && v->kind == YREAD_MAPPING)
		schema_outcomes(ld, v);
	else if (k == TOP_OUTCOMES && !yread_is_null(v))
		load_wrong(ld, v, false, "'outcomes' must be a mapping of "
		    "outcome id -> outcome");
	else if (k == TOP_TESTS && v->kind == YREAD_SEQUENCE)
		schema_tests(ld, v);
	else if (k == TOP_TESTS)
		load_wrong(ld, v, false, "'tests' must be a sequence of test "
		    "cases");
	else
		value_skip(ld, v);
	/* A test case's mistakes do not stop the graph checks. */
	if (k == TOP_TESTS)
		ld->test_errors += ld->late.nerrors - before;
}

/* The file, whose mapping M has just ended, is a translation: every other
 * message about it would be noise. */
static void
not_a_policy(struct loader *ld, const struct yread_event *m)
{
	aipolicy_diags_release(&ld->late);
	load_error(ld, m->line, m->column, "this is a translation file "
	    "('aipolicy-translation'), not a policy: give its policy instead "
	    "(aipolicy lint checks a translation against its policy)");
}

/* The policy's mapping M (just started), to its end. */
static void
top_mapping(struct loader *ld, const struct yread_event *m)
{
	struct keyspec ks[TOP_KEYS] = {
		[TOP_AIPOLICY] = { "aipolicy", true, false, 0, 0 },
		[TOP_ID] = { "id", true, false, 0, 0 },
		[TOP_TITLE] = { "title", true, false, 0, 0 },
		[TOP_VERSION] = { "version", true, false, 0, 0 },
		[TOP_OWNER] = { "owner", true, false, 0, 0 },
		[TOP_EFFECTIVE] = { "effective", true, false, 0, 0 },
		[TOP_REVIEW_BY] = { "review_by", true, false, 0, 0 },
		[TOP_START] = { "start", true, false, 0, 0 },
		[TOP_QUESTIONS] = { "questions", true, false, 0, 0 },
		[TOP_OUTCOMES] = { "outcomes", false, false, 0, 0 },
		[TOP_TESTS] = { "tests", false, false, 0, 0 },
	};
	const struct what w = { "the policy", NULL };
	struct aipolicy_location tr_key = { 0, 0 };
	struct yread_event key, v;
	bool dates = true;
	int k;

	while (!ld->oom && map_next(ld, &key, NULL)) {
		if (strcmp(key.text, "aipolicy-translation") == 0) {
			ld->translation = true;
			tr_key.line = key.line;
			tr_key.column = key.column;
			k = -1;
		} else {
			k = keys_match(ld, ks, TOP_KEYS, &key, &w);
		}
		if (!value_next(ld, &v))
			return;
		if (k < 0)
			value_skip(ld, &v);
		else
			top_value(ld, (enum top_key)k, &v, &dates);
	}
	if (ld->r.stopped)
		return;
	if (ld->translation && !ks[TOP_AIPOLICY].seen) {
		not_a_policy(ld, m);
		return;
	}
	if (ld->translation)
		load_error(ld, tr_key.line, tr_key.column, "unknown key "
		    "'aipolicy-translation' in the policy: a file is a policy "
		    "or a translation, not both");
	keys_missing(ld, ks, TOP_KEYS, m->line, m->column, &w);
	if (dates && ks[TOP_EFFECTIVE].seen && ks[TOP_REVIEW_BY].seen &&
	    ld->p->review_by < ld->p->effective) {
		char a[DATE_BUF], b[DATE_BUF];
		aipolicy_date_format(ld->p->review_by, a);
		aipolicy_date_format(ld->p->effective, b);
		load_error(ld, ld->p->review_by_loc.line,
		    ld->p->review_by_loc.column,
		    "'review_by' (%s) is before 'effective' (%s)", a, b);
	}
}

bool
schema_document(struct loader *ld)
{
	struct yread_event root, end;

	if (yread_next(&ld->r, &root) == YREAD_FAIL)
		return false;
	if (root.kind == YREAD_MAPPING) {
		top_mapping(ld, &root);
	} else {
		load_error(ld, root.line, root.column, "a policy must be a "
		    "mapping that starts with 'aipolicy: 1', found %s",
		    load_found(&root));
		value_skip(ld, &root);
	}
	if (ld->oom)
		return false;
	return yread_next(&ld->r, &end) == YREAD_DONE && !ld->oom;
}

/*
 * translation-load.c: read a translation file (NAME.LANG.yaml) and check
 * it against the policy it translates: the entry points, the top level
 * (format version, policy id, version, language, title, owner), and what
 * is said once the file is read. Questions and outcomes are in
 * translation-schema.c.
 *
 * Two mistakes make every other message about the file noise, so each is
 * then said alone: the file is a policy, not a translation; or it
 * translates another policy.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "translation-private.h"

enum top_key {
	TOP_FORMAT, TOP_POLICY, TOP_VERSION, TOP_LANGUAGE, TOP_TITLE,
	TOP_OWNER, TOP_QUESTIONS, TOP_OUTCOMES, TOP_KEYS
};

/* The policy's own top-level keys, which a translation leaves out. */
static const char *const policy_keys[] = {
	"aipolicy", "id", "effective", "review_by", "start", "tests", NULL
};

static void top_format(struct tr_loader *tl, const struct yread_event *v);
static void top_policy(struct tr_loader *tl, const struct yread_event *v);
static void top_language(struct tr_loader *tl, const struct yread_event *v);
static void top_value(struct tr_loader *tl, enum top_key k,
    const struct yread_event *v);
static void top_mapping(struct tr_loader *tl, const struct yread_event *m);
static bool read_document(struct tr_loader *tl);
static void check_version(struct tr_loader *tl, struct aipolicy_location at);
static void say_alone(struct tr_loader *tl, struct aipolicy_location at,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void finish(struct tr_loader *tl);
static struct translation *translation_new(const struct aipolicy *p,
    struct source *src);
static enum aipolicy_status load_source(const char *name, struct source *src,
    const struct aipolicy *p, struct translation **out,
    struct aipolicy_diags *d);

bool
tr_policy_key(struct tr_loader *tl, const struct yread_event *key,
    const char *const *names, const struct what *w)
{
	char buf[WHAT_MAX];
	size_t i;

	for (i = 0; names[i] != NULL; i++) {
		if (strcmp(names[i], key->text) == 0)
			break;
	}
	if (names[i] == NULL)
		return false;
	if (strcmp(key->text, "aipolicy") == 0)
		tl->saw_aipolicy = true;
	load_error(&tl->ld, key->line, key->column, "'%s' in %s is the "
	    "policy's own, not a text: a translation leaves it out",
	    key->text, load_what(w, buf, sizeof buf));
	return true;
}

void
tr_take(struct tr_loader *tl, const struct yread_event *v, const char *name,
    bool multiline, struct tr_text *out)
{
	out->loc.line = v->line;
	out->loc.column = v->column;
	out->text = take_text(&tl->ld, v, name, multiline);
}

static void
top_format(struct tr_loader *tl, const struct yread_event *v)
{
	uint32_t version;

	tl->saw_format = true;
	if (!parse_uint(v, &version) || version != TRANSLATION_FORMAT)
		load_wrong(&tl->ld, v, true, "'aipolicy-translation' must be "
		    "1, the only format version");
}

static void
top_policy(struct tr_loader *tl, const struct yread_event *v)
{
	struct translation *t = tl->t;

	if (v->kind != YREAD_SCALAR || yread_is_null(v) || v->len == 0) {
		load_wrong(&tl->ld, v, false, "'policy' must be the id of the "
		    "policy translated, like '%s'", tl->p->id);
		return;
	}
	t->policy_id = load_strdup(&tl->ld, &t->arena, v->text, v->len);
	tl->policy_loc.line = v->line;
	tl->policy_loc.column = v->column;
	tl->wrong_policy = strcmp(v->text, tl->p->id) != 0;
}

static void
top_language(struct tr_loader *tl, const struct yread_event *v)
{
	struct translation *t = tl->t;
	char tag[LANG_TAG_MAX];

	if (v->kind != YREAD_SCALAR || yread_is_null(v)) {
		load_wrong(&tl->ld, v, false, "'language' must be a language "
		    "tag like 'de' or 'pt-BR'");
		return;
	}
	if (!lang_tag_valid(v->text)) {
		if (lang_from_locale(v->text, tag))
			load_error(&tl->ld, v->line, v->column, "'language' "
			    "must be a language tag like 'de' or 'pt-BR', "
			    "found '%s' (did you mean '%s'?)", v->text, tag);
		else
			load_error(&tl->ld, v->line, v->column, "'language' "
			    "must be a language tag like 'de' or 'pt-BR', "
			    "found '%s'", v->text);
		return;
	}
	if (tl->name_tag[0] != '\0' && strcasecmp(tl->name_tag, v->text) != 0)
		load_error(&tl->ld, v->line, v->column, "'language' is '%s', "
		    "but the file's name says '%s': name the file after its "
		    "language", v->text, tl->name_tag);
	t->language = load_strdup(&tl->ld, &t->arena, v->text, v->len);
}

/* The value V of top-level key K, read to its end. */
static void
top_value(struct tr_loader *tl, enum top_key k, const struct yread_event *v)
{
	struct loader *ld = &tl->ld;
	struct translation *t = tl->t;

	switch (k) {
	case TOP_FORMAT:
		top_format(tl, v);
		break;
	case TOP_POLICY:
		top_policy(tl, v);
		break;
	case TOP_VERSION:
		t->version = take_text(ld, v, "version", false);
		if (t->version != NULL)
			check_version(tl, (struct aipolicy_location){ v->line,
			    v->column });
		break;
	case TOP_LANGUAGE:
		top_language(tl, v);
		break;
	case TOP_TITLE:
		tr_take(tl, v, "title", false, &t->title);
		break;
	case TOP_OWNER:
		tr_take(tl, v, "owner", false, &t->owner);
		break;
	case TOP_QUESTIONS:
		if (v->kind == YREAD_MAPPING)
			tr_questions(tl, v);
		else if (!yread_is_null(v))
			load_wrong(ld, v, false,
			    "'questions' must be a mapping "
			    "of question id -> its texts");
		break;
	case TOP_OUTCOMES:
		if (v->kind == YREAD_MAPPING)
			tr_outcomes(tl, v);
		else if (!yread_is_null(v))
			load_wrong(ld, v, false, "'outcomes' must be a mapping "
			    "of outcome id -> its texts");
		break;
	default:
		value_skip(ld, v);
		break;
	}
}

/* The translation's mapping M (just started), to its end. */
static void
top_mapping(struct tr_loader *tl, const struct yread_event *m)
{
	struct keyspec ks[TOP_KEYS] = {
		[TOP_FORMAT] = { "aipolicy-translation", true, false, 0, 0 },
		[TOP_POLICY] = { "policy", true, false, 0, 0 },
		[TOP_VERSION] = { "version", true, false, 0, 0 },
		[TOP_LANGUAGE] = { "language", true, false, 0, 0 },
		[TOP_TITLE] = { "title", false, false, 0, 0 },
		[TOP_OWNER] = { "owner", false, false, 0, 0 },
		[TOP_QUESTIONS] = { "questions", false, false, 0, 0 },
		[TOP_OUTCOMES] = { "outcomes", false, false, 0, 0 },
	};
	const struct what w = { "the translation", NULL };
	struct loader *ld = &tl->ld;
	struct yread_event key, v;
	int k;

	tl->t->root.line = m->line;
	tl->t->root.column = m->column;
	while (!ld->oom && map_next(ld, &key, NULL)) {
		k = tr_policy_key(tl, &key, policy_keys, &w) ? -1 :
		    keys_match(ld, ks, TOP_KEYS, &key, &w);
		if (!value_next(ld, &v))
			return;
		if (k < 0)
			value_skip(ld, &v);
		else
			top_value(tl, (enum top_key)k, &v);
	}
	if (!ld->r.stopped)
		keys_missing(ld, ks, TOP_KEYS, m->line, m->column, &w);
}

/* Read the whole document. false when reading stopped before its end (a
 * YAML error, or out of memory). */
static bool
read_document(struct tr_loader *tl)
{
	struct loader *ld = &tl->ld;
	struct yread_event root, end;

	if (yread_next(&ld->r, &root) == YREAD_FAIL)
		return false;
	if (root.kind == YREAD_MAPPING) {
		top_mapping(tl, &root);
	} else {
		load_error(ld, root.line, root.column,
		    "a translation must be a "
		    "mapping that starts with 'aipolicy-translation: 1', found "
		    "%s", load_found(&root));
		value_skip(ld, &root);
	}
	if (ld->oom)
		return false;
	return yread_next(&ld->r, &end) == YREAD_DONE && !ld->oom;
}

/* `version` (at AT) against the policy's: another one is a warning. */
static void
check_version(struct tr_loader *tl, struct aipolicy_location at)
{
	if (strcmp(tl->t->version, tl->p->version) == 0)
		return;
	load_warning(&tl->ld, at.line, at.column, "the translation is of "
	    "version '%s' of the policy, which is now '%s': review every "
	    "text against the policy, then change 'version'", tl->t->version,
	    tl->p->version);
}

/* Forget every message of the late round and say only this one. */
static void
say_alone(struct tr_loader *tl, struct aipolicy_location at, const char *fmt,
    ...)
{
	struct loader *ld = &tl->ld;
	va_list ap;

	aipolicy_diags_release(&ld->late);
	aipolicy_diags_init(&ld->late, ld->d->file);
	va_start(ap, fmt);
	if (!source_vdiag(ld->src, &ld->late, AIPOLICY_SEVERITY_ERROR, at.line,
	    at.column, fmt, ap))
		ld->oom = true;
	va_end(ap);
}

/* The file is read: say what only the whole file shows. */
static void
finish(struct tr_loader *tl)
{
	struct translation *t = tl->t;

	if (tl->saw_aipolicy && !tl->saw_format)
		say_alone(tl, t->root, "this is a policy file, not a "
		    "translation: a translation starts with "
		    "'aipolicy-translation: 1' (a file NAME.LANG.yaml beside "
		    "the policy NAME.yaml is read as its translation into "
		    "LANG: rename this one)");
	else if (tl->wrong_policy)
		say_alone(tl, tl->policy_loc, "this is a translation of the "
		    "policy '%s', not of '%s' (%s)", t->policy_id, tl->p->id,
		    tl->p->file);
}

/* A translation with room for P's texts, its source SRC (taken); NULL
 * when out of memory (SRC is released then). */
static struct translation *
translation_new(const struct aipolicy *p, struct source *src)
{
	struct translation *t = calloc(1, sizeof *t);

	if (t == NULL) {
		source_release(src);
		return NULL;
	}
	t->src = *src;
	arena_init(&t->arena);
	t->nquestions = p->nquestions;
	t->noutcomes = p->noutcomes;
	memcpy(t->policy_sha256, p->sha256, sizeof t->policy_sha256);
	t->questions = calloc(p->nquestions ? p->nquestions : 1,
	    sizeof *t->questions);
	t->outcomes = calloc(p->noutcomes ? p->noutcomes : 1,
	    sizeof *t->outcomes);
	if (t->questions == NULL || t->outcomes == NULL) {
		translation_free(t);
		return NULL;
	}
	return t;
}

/* Load the file SRC (taken) named NAME against P. */
static enum aipolicy_status
load_source(const char *name, struct source *src, const struct aipolicy *p,
    struct translation **out, struct aipolicy_diags *d)
{
	struct tr_loader tl;
	struct loader *ld = &tl.ld;
	char *policy_path = NULL;
	bool read_whole = false;

	memset(&tl, 0, sizeof tl);
	if ((tl.t = translation_new(p, src)) == NULL)
		return AIPOLICY_NOMEM;
	tl.p = p;
	if (translation_path_split(name, &policy_path, tl.name_tag))
		free(policy_path);
	else if (errno == ENOMEM)
		ld->oom = true;
	ld->src = &tl.t->src;
	ld->d = d;
	ld->errors_before = d->nerrors;
	aipolicy_diags_init(&ld->late, d->file);
	arena_init(&ld->scratch);
	ld->arena = &tl.t->arena;
	ld->r.kind = "translation";
	ld->r.first_key = "aipolicy-translation: 1";
	tl.t->file = load_strdup(ld, &tl.t->arena, name, strlen(name));
	if (!ld->oom && load_check_bytes(ld)) {
		if (yread_init(&ld->r, ld->src, d) != 0) {
			ld->oom = true;
		} else {
			ld->r.kind = "translation";
			ld->r.first_key = "aipolicy-translation: 1";
			read_whole = read_document(&tl);
			ld->oom = ld->oom || ld->r.oom;
			if (read_whole && !ld->oom)
				finish(&tl);
			yread_release(&ld->r);
		}
	}
	/* Format errors are told only for a file that is valid YAML. */
	if (read_whole && !ld->oom)
		aipolicy_diags_take(d, &ld->late);
	/* A diagnostic lost for want of memory: the machine's trouble. */
	ld->oom = ld->oom || d->nomem || ld->late.nomem;
	aipolicy_diags_release(&ld->late);
	arena_release(&ld->scratch);
	free(ld->conditions);
	if (ld->oom || d->nerrors > ld->errors_before) {
		translation_free(tl.t);
		return ld->oom ? AIPOLICY_NOMEM : AIPOLICY_INVALID;
	}
	*out = tl.t;
	return AIPOLICY_OK;
}

enum aipolicy_status
translation_load_buffer(const char *name, const char *buf, size_t len,
    const struct aipolicy *p, struct translation **out,
    struct aipolicy_diags *d)
{
	struct source src;

	*out = NULL;
	if (source_copy(&src, buf, len) != 0)
		return AIPOLICY_NOMEM;
	return load_source(name, &src, p, out, d);
}

enum aipolicy_status
translation_load_file(const char *path, const struct aipolicy *p,
    struct translation **out, struct aipolicy_diags *d)
{
	struct source src;

	*out = NULL;
	switch (source_read(&src, path, AIPOLICY_MAX_FILE)) {
	case SOURCE_OK:
		return load_source(path, &src, p, out, d);
	case SOURCE_NOMEM:
		return AIPOLICY_NOMEM;
	default:
		return AIPOLICY_CANNOT_OPEN;
	}
}

void
translation_free(struct translation *t)
{
	if (t == NULL)
		return;
	free(t->questions);
	free(t->outcomes);
	arena_release(&t->arena);
	source_release(&t->src);
	free(t);
}

const char *
translation_language(const struct translation *t)
{
	return t->language;
}

const char *
translation_file(const struct translation *t)
{
	return t->file;
}

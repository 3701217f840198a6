/*
 * present.c: the words of a verdict as lines with roles (see present.h).
 *
 * Everything a person reads about a result is phrased here once: the
 * verdict and the worst case, the outcome's fields, the answers on the
 * path, the answers that would give a less restrictive verdict, the
 * question that narrows a worst case down, and the date warnings. The
 * program's words come from the table of words.h the present was given
 * (English unless present_set_words says otherwise).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "core/present.h"
#include "core/text.h"
#include "core/words.h"
#include "core/wrap.h"
#include "show.h"

/* Narrower than this, a label gives no hanging indent: it would leave no
 * room for the text. */
#define MIN_TEXT_COLUMNS 12
/* Unwrapped: wide enough that only line breaks break a line. */
#define UNWRAPPED (INT_MAX / 2)

/* Characters that depend on PRESENT_ASCII. */
struct glyphs {
	const char *arrow, *dash;
};

static const struct glyphs utf8_glyphs = { SHOW_ARROW, " \xE2\x80\x94 " };
static const struct glyphs ascii_glyphs = { " -> ", " - " };

static const struct glyphs *glyphs(const struct present *pr);
static const char *word(const struct present *pr, enum word id);
static int push_line(struct present *pr, enum present_role role,
    const char *s, size_t len, int indent);
static int add(struct present *pr, enum present_role role, const char *label,
    const char *text);
static int add_raw(struct present *pr, enum present_role role,
    const char *label, const char *text, unsigned tflags);
static int add_labelled(struct present *pr, enum present_role role,
    const char *indent, enum word id, const char *text, unsigned tflags);
static int add_buf(struct present *pr, enum present_role role,
    const char *label, struct buf *b);
static int add_outcome(struct present *pr, const struct aipolicy_outcome *o);
static int add_question(struct present *pr, const struct aipolicy_question *q);
static int add_path(struct present *pr, const struct aipolicy *p,
    const struct aipolicy_walk_result *r);
static int add_lower(struct present *pr, const struct aipolicy *p,
    const struct aipolicy_walk_result *r, const struct aipolicy_given *given,
    size_t n, unsigned walk_flags);
static void phrase_lower(const struct present *pr, struct buf *b,
    const struct aipolicy_question *q, const enum aipolicy_verdict *v,
    enum aipolicy_verdict worst);
static void phrase_dates(struct buf *b, const struct words *w,
    const struct aipolicy *p, enum present_dates d);

void
present_init(struct present *pr, int width, unsigned flags)
{
	memset(pr, 0, sizeof *pr);
	pr->width = width > 0 ? width : 0;
	pr->flags = flags;
	pr->words = &words_english;
}

void
present_set_words(struct present *pr, const struct words *w)
{
	pr->words = w != NULL ? w : &words_english;
}

void
present_release(struct present *pr)
{
	size_t i;

	for (i = 0; i < pr->n; i++)
		free(pr->lines[i].text);
	free(pr->lines);
	pr->lines = NULL;
	pr->n = pr->cap = 0;
	pr->failed = false;
}

enum present_role
present_role_of(enum aipolicy_verdict v)
{
	switch (v) {
	case AIPOLICY_VERDICT_USE_FREELY:
		return PRESENT_FREE;
	case AIPOLICY_VERDICT_USE_WITH_REVIEW:
		return PRESENT_REVIEW;
	default:
		return PRESENT_STOP;
	}
}

static const struct glyphs *
glyphs(const struct present *pr)
{
	return (pr->flags & PRESENT_ASCII) ? &ascii_glyphs : &utf8_glyphs;
}

/* word: text ID in the language of PR. */
static const char *
word(const struct present *pr, enum word id)
{
	return words_text(pr->words, id);
}

/* push_line: one line of ROLE: INDENT spaces, then LEN bytes at S. */
static int
push_line(struct present *pr, enum present_role role, const char *s,
    size_t len, int indent)
{
	struct present_line *l;
	char *text;

	if (pr->n == pr->cap) {
		size_t cap = pr->cap ? pr->cap * 2 : 16;
		struct present_line *nl = realloc(pr->lines, cap * sizeof *nl);

		if (nl == NULL)
			goto nomem;
		pr->lines = nl;
		pr->cap = cap;
	}
	if ((text = malloc((size_t)indent + len + 1)) == NULL)
		goto nomem;
	memset(text, ' ', (size_t)indent);
	memcpy(text + indent, s, len);
	text[indent + len] = '\0';
	l = &pr->lines[pr->n++];
	l->role = role;
	l->text = text;
	l->len = (size_t)indent + len;
	return 0;
nomem:
	pr->failed = true;
	return -1;
}

/*
 * add: LABEL (our own words) then TEXT (already safe), laid out: the first
 * line starts with LABEL, the others are indented by its width. A text
 * with line breaks keeps them. An empty TEXT after an empty LABEL is a
 * blank line.
 */
static int
add(struct present *pr, enum present_role role, const char *label,
    const char *text)
{
	struct buf b;
	struct wrap_line *lines;
	size_t llen = strlen(label), tlen = strlen(text), n, i;
	int indent = wrap_width(label, llen), width;
	int rc = 0;

	width = pr->width == 0 ? UNWRAPPED : pr->width - indent;
	if (pr->width != 0 && llen > 0 && width < MIN_TEXT_COLUMNS) {
		/* no room for a hanging indent: the label is part of the
		 * text */
		buf_init(&b);
		buf_add(&b, label, llen);
		buf_add(&b, text, tlen);
		if (b.failed) {
			buf_release(&b);
			pr->failed = true;
			return -1;
		}
		rc = add(pr, role, "", b.data != NULL ? b.data : "");
		buf_release(&b);
		return rc;
	}
	n = wrap_text(text, tlen, width, NULL, 0);
	if (n == 0)
		return push_line(pr, role, label, llen, 0);
	if ((lines = calloc(n, sizeof *lines)) == NULL) {
		pr->failed = true;
		return -1;
	}
	wrap_text(text, tlen, width, lines, n);
	for (i = 0; i < n && rc == 0; i++) {
		if (i == 0) {
			buf_init(&b);
			buf_add(&b, label, llen);
			buf_add(&b, text + lines[0].start, lines[0].len);
			rc = b.failed ? -1 : push_line(pr, role,
			    b.data != NULL ? b.data : "", b.len, 0);
			buf_release(&b);
		} else {
			rc = push_line(pr, role, text + lines[i].start,
			    lines[i].len, indent);
		}
	}
	free(lines);
	if (rc != 0)
		pr->failed = true;
	return rc;
}

/* add_raw: add TEXT from the policy (or a person), sanitised first
 * (TFLAGS: TEXT_KEEP_NEWLINE for the fields that may span lines). */
static int
add_raw(struct present *pr, enum present_role role, const char *label,
    const char *text, unsigned tflags)
{
	char *safe = text_sanitize(text, strlen(text), tflags);
	int rc;

	if (safe == NULL) {
		pr->failed = true;
		return -1;
	}
	rc = add(pr, role, label, safe);
	free(safe);
	return rc;
}

/* add_labelled: add TEXT (sanitised as add_raw does) after the label
 * INDENT, then word ID and a space. */
static int
add_labelled(struct present *pr, enum present_role role, const char *indent,
    enum word id, const char *text, unsigned tflags)
{
	struct buf label;
	int rc = -1;

	buf_init(&label);
	buf_adds(&label, indent);
	buf_adds(&label, word(pr, id));
	buf_addc(&label, ' ');
	if (!label.failed)
		rc = add_raw(pr, role, label.data, text, tflags);
	else
		pr->failed = true;
	buf_release(&label);
	return rc;
}

/* add_buf: add B's content (built from sanitised pieces) and release B. */
static int
add_buf(struct present *pr, enum present_role role, const char *label,
    struct buf *b)
{
	int rc = -1;

	if (!b->failed)
		rc = add(pr, role, label, b->data != NULL ? b->data : "");
	else
		pr->failed = true;
	buf_release(b);
	return rc;
}

/* add_outcome: what to do and why: O's summary and the fields after it. */
static int
add_outcome(struct present *pr, const struct aipolicy_outcome *o)
{
	size_t i;

	add_raw(pr, PRESENT_STRONG, "", o->summary, 0);
	if (o->why != NULL)
		add_labelled(pr, PRESENT_TEXT, "", WORD_WHY_LABEL, o->why,
		    TEXT_KEEP_NEWLINE);
	if (o->reviewer != NULL)
		add_labelled(pr, PRESENT_TEXT, "", WORD_REVIEWER_LABEL,
		    o->reviewer, 0);
	if (o->disclose)
		add(pr, PRESENT_STRONG, "", word(pr, WORD_DISCLOSE));
	if (o->nconditions > 0)
		add(pr, PRESENT_TEXT, "", word(pr, WORD_CONDITIONS));
	for (i = 0; i < o->nconditions; i++)
		add_raw(pr, PRESENT_TEXT, "  - ", o->conditions[i], 0);
	return pr->failed ? -1 : 0;
}

/* add_question: Q's text and its answers (present_answers), indented
 * under the line that names Q. */
static int
add_question(struct present *pr, const struct aipolicy_question *q)
{
	char *answers;
	int rc;

	add_raw(pr, PRESENT_TEXT, "  ", q->ask, TEXT_KEEP_NEWLINE);
	if ((answers = present_answers(q)) == NULL) {
		pr->failed = true;
		return -1;
	}
	rc = add_labelled(pr, PRESENT_TEXT, "  ", WORD_ANSWERS_LABEL, answers,
	    0);
	free(answers);
	return rc;
}

/* add_path: "Your answers: Label answer → ...", each answer that R assumed
 * (a branched question) marked "(not sure)". */
static int
add_path(struct present *pr, const struct aipolicy *p,
    const struct aipolicy_walk_result *r)
{
	struct buf b;
	size_t i, u = 0;
	int rc;

	if (r->npath == 0)
		return 0;
	buf_init(&b);
	for (i = 0; i < r->npath; i++) {
		const struct aipolicy_question *q =
		    &p->questions[r->path[i].question];

		if (i > 0)
			buf_adds(&b, glyphs(pr)->arrow);
		show_text(&b, q->label);
		buf_addc(&b, ' ');
		show_text(&b, q->answers[r->path[i].answer].shown);
		/* unsure lists the branched questions in path order */
		if (u < r->nunsure && r->unsure[u] == r->path[i].question) {
			buf_addc(&b, ' ');
			buf_adds(&b, word(pr, WORD_NOT_SURE_MARK));
			u++;
		}
	}
	if (b.failed) {
		buf_release(&b);
		pr->failed = true;
		return -1;
	}
	rc = add_labelled(pr, PRESENT_TEXT, "", WORD_YOUR_ANSWERS_LABEL,
	    b.data, 0);
	buf_release(&b);
	return rc;
}

/*
 * phrase_lower: the one phrasing of what Q's answers would give, for a
 * worst case WORST: "Label — 'a' or 'b' gives at worst: Use AI freely;
 * 'c': Use AI with review", the least restrictive first; "Label — no answer
 * gives a less restrictive verdict" when none does. V[a] is the verdict
 * with Q=a (aipolicy_walker_try_answers). In PR's words and glyphs.
 */
static void
phrase_lower(const struct present *pr, struct buf *b,
    const struct aipolicy_question *q, const enum aipolicy_verdict *v,
    enum aipolicy_verdict worst)
{
	size_t a, shown = 0, in_group;
	int level;

	show_text(b, q->label);
	buf_adds(b, glyphs(pr)->dash);
	for (level = AIPOLICY_VERDICT_USE_FREELY; level < (int)worst; level++) {
		in_group = 0;
		for (a = 0; a < q->nanswers; a++) {
			if ((int)v[a] != level)
				continue;
			if (in_group > 0)
				buf_addf(b, " %s ", word(pr, WORD_OR));
			else if (shown > 0)
				buf_adds(b, "; ");
			buf_addc(b, '\'');
			show_text(b, q->answers[a].shown);
			buf_addc(b, '\'');
			in_group++;
		}
		if (in_group == 0)
			continue;
		if (shown == 0)
			buf_addf(b, " %s ", word(pr, WORD_GIVES_AT_WORST));
		else
			buf_adds(b, ": ");
		buf_adds(b, words_verdict(pr->words,
		    (enum aipolicy_verdict)level));
		shown++;
	}
	if (shown == 0)
		buf_adds(b, word(pr, WORD_NO_LOWER));
}

/* add_lower: for each question R assumed, the answers that would give a
 * less restrictive verdict than R's (none can for use-freely). */
static int
add_lower(struct present *pr, const struct aipolicy *p,
    const struct aipolicy_walk_result *r, const struct aipolicy_given *given,
    size_t n, unsigned walk_flags)
{
	struct aipolicy_walker *w;
	enum aipolicy_verdict *v;
	struct buf b;
	size_t i, most = 1;

	if (r->nunsure == 0 ||
	    r->outcome->verdict == AIPOLICY_VERDICT_USE_FREELY)
		return 0;
	for (i = 0; i < r->nunsure; i++)
		if (p->questions[r->unsure[i]].nanswers > most)
			most = p->questions[r->unsure[i]].nanswers;
	w = aipolicy_walker_new(p);
	v = malloc(most * sizeof *v);
	if (w == NULL || v == NULL)
		goto nomem;
	add(pr, PRESENT_TEXT, "", word(pr, WORD_LESS_RESTRICTIVE));
	for (i = 0; i < r->nunsure; i++) {
		const struct aipolicy_question *q = &p->questions[r->unsure[i]];

		if (aipolicy_walker_try_answers(w, given, n, walk_flags,
		    r->unsure[i], v) != 0)
			goto nomem;
		buf_init(&b);
		phrase_lower(pr, &b, q, v, r->outcome->verdict);
		add_buf(pr, PRESENT_TEXT, "  - ", &b);
	}
	aipolicy_walker_free(w);
	free(v);
	return pr->failed ? -1 : 0;
nomem:
	aipolicy_walker_free(w);
	free(v);
	pr->failed = true;
	return -1;
}

int
present_result(struct present *pr, const struct aipolicy *p,
    const struct aipolicy_walk_result *r, const struct aipolicy_given *given,
    size_t n, unsigned walk_flags)
{
	struct buf b;

	if (r->status == AIPOLICY_WALK_VERDICT) {
		enum aipolicy_verdict v = r->outcome->verdict;
		bool worst = r->nunsure > 0;

		add_labelled(pr, present_role_of(v), "", worst ?
		    WORD_WORST_CASE_LABEL : WORD_VERDICT_LABEL,
		    words_verdict(pr->words, v), 0);
		if (worst)
			add(pr, PRESENT_WARNING, "", word(pr,
			    WORD_WORST_CASE_IF));
		add_outcome(pr, r->outcome);
		add(pr, PRESENT_BLANK, "", "");
		add_path(pr, p, r);
		add_lower(pr, p, r, given, n, walk_flags);
		if (r->next != AIPOLICY_WALK_NO_NEXT) {
			add_labelled(pr, PRESENT_HINT, "", WORD_NARROW_LABEL,
			    p->questions[r->next].id, 0);
			add_question(pr, &p->questions[r->next]);
		}
	} else {
		add_labelled(pr, PRESENT_HINT, "", WORD_NOT_DECIDED_LABEL,
		    p->questions[r->next].id, 0);
		add_question(pr, &p->questions[r->next]);
		add_path(pr, p, r);
	}
	if (pr->flags & PRESENT_POLICY) {
		buf_init(&b);
		buf_addf(&b, "%s, %s %s", p->title, word(pr, WORD_VERSION),
		    p->version);
		if (!b.failed)
			add_labelled(pr, PRESENT_TEXT, "", WORD_POLICY_LABEL,
			    b.data, 0);
		else
			pr->failed = true;
		buf_release(&b);
	}
	add_labelled(pr, PRESENT_TEXT, "", WORD_QUESTIONS_LABEL, p->owner, 0);
	return pr->failed ? -1 : 0;
}

char *
present_answers(const struct aipolicy_question *q)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < q->nanswers; i++) {
		buf_adds(&b, i ? ", '" : "'");
		show_text(&b, q->answers[i].shown);
		buf_addc(&b, '\'');
	}
	return buf_detach(&b);
}

int
present_narrowing(struct present *pr, const struct aipolicy_walk_result *r)
{
	struct buf b;

	buf_init(&b);
	buf_addf(&b, word(pr, WORD_NARROWING), words_verdict(pr->words,
	    r->outcome->verdict));
	return add_buf(pr, PRESENT_WARNING, "", &b);
}

enum present_dates
present_dates_on(const struct aipolicy *p, aipolicy_date_t today)
{
	if (today < p->effective)
		return PRESENT_NOT_YET;
	if (aipolicy_is_stale(p, today))
		return PRESENT_STALE;
	return PRESENT_CURRENT;
}

/* phrase_dates: the warning for dates that stand as D (not current) in
 * the words of W, the date and P's owner (sanitised) in it. */
static void
phrase_dates(struct buf *b, const struct words *w, const struct aipolicy *p,
    enum present_dates d)
{
	char date[SHOW_DATE_SIZE];
	char *owner = text_sanitize(p->owner, strlen(p->owner), 0);

	if (owner == NULL) {
		b->failed = true;
		return;
	}
	if (d == PRESENT_STALE) {
		aipolicy_date_format(p->review_by, date);
		buf_addf(b, words_text(w, WORD_DUE_FOR_REVIEW), date, owner);
	} else {
		aipolicy_date_format(p->effective, date);
		buf_addf(b, words_text(w, WORD_NOT_IN_FORCE), date, owner);
	}
	free(owner);
}

int
present_date_warning(const struct words *w, const struct aipolicy *p,
    aipolicy_date_t today, char **out)
{
	enum present_dates d = present_dates_on(p, today);
	struct buf b;

	*out = NULL;
	if (d == PRESENT_CURRENT)
		return 0;
	buf_init(&b);
	phrase_dates(&b, w, p, d);
	if (b.failed) {
		buf_release(&b);
		return -1;
	}
	*out = buf_detach(&b);
	return *out != NULL ? 0 : -1;
}

int
present_dates(struct present *pr, const struct aipolicy *p,
    aipolicy_date_t today)
{
	struct buf b;
	char *msg;

	if (present_date_warning(pr->words, p, today, &msg) != 0) {
		pr->failed = true;
		return -1;
	}
	if (msg == NULL)
		return 0;
	/* no hanging indent: a banner is short of room */
	buf_init(&b);
	buf_addf(&b, "%s %s.", word(pr, WORD_WARNING_LABEL), msg);
	free(msg);
	return add_buf(pr, PRESENT_WARNING, "", &b);
}

char *
present_bad_answer(const struct words *w, const struct aipolicy *p,
    const struct aipolicy_given *g)
{
	int64_t qi = aipolicy_find_question(p, g->question, g->question_len);
	char *answer, *answers;
	struct buf b;

	if (qi < 0)
		return NULL;
	answer = text_sanitize(g->answer, g->answer_len, 0);
	answers = present_answers(&p->questions[qi]);
	buf_init(&b);
	if (answer == NULL || answers == NULL)
		b.failed = true;
	else
		buf_addf(&b, words_text(w, WORD_BAD_ANSWER), answer,
		    p->questions[qi].id, answers);
	free(answer);
	free(answers);
	return buf_detach(&b);
}

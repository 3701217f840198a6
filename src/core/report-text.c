/*
 * report-text.c: a report for people (report_text in report.h): counts,
 * a bar per week drawn with block characters, the review load, and what
 * the records of one policy never reached.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "show.h"

/* A bar cell is divided in eighths: "▏" is one, "█" is eight. */
#define EIGHTHS 8
#define MINUTES_PER_HOUR 60
#define PERCENT 100

static const char *const block[EIGHTHS + 1] = {
	"", "\u258F", "\u258E", "\u258D", "\u258C", "\u258B", "\u258A",
	"\u2589", "\u2588",
};

static int digits(uint64_t n);
static void add_duration(struct buf *b, uint64_t minutes, int width);
static void add_bar(struct buf *b, uint64_t n, uint64_t most);
static int add_section(struct buf *b, const struct report *r,
    enum report_map m, const char *title, int width);
static int add_weeks(struct buf *b, const struct report *r, int width);
static void add_verdicts(struct buf *b, const struct report *r, int width);
static void add_review_load(struct buf *b, const struct report *r);
static void add_never_reached(struct buf *b, const struct report *r);

/* Decimal digits of N. */
static int
digits(uint64_t n)
{
	int d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

/* "2 h 05 min", the hours right-aligned in WIDTH digits (0: as many as
 * they take). */
static void
add_duration(struct buf *b, uint64_t minutes, int width)
{
	buf_addf(b, "%*" PRIu64 " h %02u min", width,
	    minutes / MINUTES_PER_HOUR, (unsigned)(minutes % MINUTES_PER_HOUR));
}

/* A bar for N out of MOST (the longest, REPORT_BAR_WIDTH cells), to the
 * nearest eighth of a cell; any N > 0 gets at least an eighth. */
static void
add_bar(struct buf *b, uint64_t n, uint64_t most)
{
	const uint64_t cells = REPORT_BAR_WIDTH * EIGHTHS;
	uint64_t e, i;

	if (n == 0 || most == 0)
		return;
	/* n * cells / most, rounded, without overflowing n * cells. */
	e = n >= UINT64_MAX / cells ? n / (most / cells + 1) :
	    (n * cells + most / 2) / most;
	if (e == 0)
		e = 1;
	if (e > cells)
		e = cells;
	for (i = 0; i < e / EIGHTHS; i++)
		buf_adds(b, block[EIGHTHS]);
	buf_adds(b, block[e % EIGHTHS]);
}

static void
add_verdicts(struct buf *b, const struct report *r, int width)
{
	int v;

	buf_adds(b, "\nVerdicts\n");
	for (v = 0; v < AIPOLICY_VERDICT_COUNT; v++) {
		buf_addf(b, "  %*" PRIu64 "  %s", width, r->by_verdict[v],
		    aipolicy_verdict_id((enum aipolicy_verdict)v));
		if (r->decisions > 0)
			buf_addf(b, " (%" PRIu64 "%%)", (r->by_verdict[v] *
			    PERCENT + r->decisions / 2) / r->decisions);
		buf_addc(b, '\n');
	}
}

/* TITLE, then each key of map M with its count. 0, or -1 when out of
 * memory. */
static int
add_section(struct buf *b, const struct report *r, enum report_map m,
    const char *title, int width)
{
	struct report_entry *e;
	size_t i, n;

	if (report_sorted(r, m, &e, &n) != 0)
		return -1;
	if (n > 0)
		buf_addf(b, "\n%s\n", title);
	for (i = 0; i < n; i++) {
		buf_addf(b, "  %*" PRIu64 "  ", width, e[i].count);
		show_text(b, e[i].key);
		buf_addc(b, '\n');
	}
	free(e);
	return 0;
}

/* One line per week: decisions, review load, bar. 0, or -1 when out of
 * memory. */
static int
add_weeks(struct buf *b, const struct report *r, int width)
{
	struct report_entry *e;
	uint64_t most = 0, longest = 0;
	size_t i, n;
	int hours;

	if (report_sorted(r, REPORT_BY_WEEK, &e, &n) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (e[i].count > most)
			most = e[i].count;
		if (e[i].review_minutes > longest)
			longest = e[i].review_minutes;
	}
	hours = digits(longest / MINUTES_PER_HOUR);
	if (n > 0)
		buf_adds(b, "\nWeeks (decisions, review load)\n");
	for (i = 0; i < n; i++) {
		buf_addf(b, "  %s  %*" PRIu64 "  ", e[i].key, width,
		    e[i].count);
		add_duration(b, e[i].review_minutes, hours);
		buf_adds(b, "  ");
		add_bar(b, e[i].count, most);
		buf_addc(b, '\n');
	}
	free(e);
	return 0;
}

static void
add_review_load(struct buf *b, const struct report *r)
{
	uint64_t reviews = r->by_verdict[AIPOLICY_VERDICT_USE_WITH_REVIEW];

	buf_adds(b, "\nReview load: ");
	add_duration(b, r->review_minutes, 0);
	if (reviews == 0) {
		buf_adds(b, " (no use-with-review decisions)\n");
		return;
	}
	buf_addf(b, " (%" PRIu64 " minutes; %" PRIu64 " use-with-review "
	    "decision%s", r->review_minutes, reviews, reviews == 1 ? "" : "s");
	if (r->reviews_timed < reviews)
		buf_addf(b, ", %" PRIu64 " without review_minutes",
		    reviews - r->reviews_timed);
	buf_adds(b, ")\n");
}

/* What the records made under the report's policy never reached: a
 * heading, then one outcome or answer a line, in the policy's order. */
static void
add_never_reached(struct buf *b, const struct report *r)
{
	const struct aipolicy *p = r->policy;
	size_t i, j, listed = 0;

	buf_adds(b, "\nNever reached ");
	if (r->policy_decisions == 0)
		buf_adds(b, "(no decision in the logs was made under ");
	else
		buf_addf(b, "by the %" PRIu64 " decision%s made under ",
		    r->policy_decisions, r->policy_decisions == 1 ? "" : "s");
	show_text(b, p->id);
	buf_addc(b, ' ');
	show_text(b, p->version);
	buf_adds(b, r->policy_decisions == 0 ? ")\n" : "\n");
	if (r->policy_lookalikes > 0)
		buf_addf(b, "  (%" PRIu64 " more decision%s name%s this "
		    "version but %s made under another text of it: not "
		    "counted)\n",
		    r->policy_lookalikes, r->policy_lookalikes == 1 ? "" : "s",
		    r->policy_lookalikes == 1 ? "s" : "",
		    r->policy_lookalikes == 1 ? "was" : "were");
	for (i = 0; i < p->noutcomes; i++) {
		if (report_outcome_reached(r, i))
			continue;
		buf_adds(b, "  outcome  ");
		show_text(b, p->outcomes[i].id);
		buf_adds(b, p->outcomes[i].reachable ? "\n" :
		    " (no path leads here)\n");
		listed++;
	}
	for (i = 0; i < p->nquestions; i++) {
		const struct aipolicy_question *q = &p->questions[i];
		for (j = 0; j < q->nanswers; j++) {
			if (report_answer_reached(r, i, j))
				continue;
			buf_adds(b, "  answer   ");
			show_text(b, q->id);
			buf_addc(b, '=');
			show_text(b, q->answers[j].key);
			buf_adds(b, q->reachable ? "\n" :
			    " (no path leads here)\n");
			listed++;
		}
	}
	if (listed == 0)
		buf_adds(b, "  nothing: every outcome and answer was "
		    "reached\n");
}

char *
report_text(const struct report *r)
{
	struct buf b;
	int width = digits(r->decisions);

	buf_init(&b);
	buf_addf(&b, "%" PRIu64 " decision%s", r->decisions,
	    r->decisions == 1 ? "" : "s");
	if (r->lines_skipped > 0)
		buf_addf(&b, ", %" PRIu64 " line%s skipped", r->lines_skipped,
		    r->lines_skipped == 1 ? "" : "s");
	buf_addc(&b, '\n');
	add_verdicts(&b, r, width);
	if (add_section(&b, r, REPORT_BY_OUTCOME, "Outcomes", width) != 0 ||
	    add_section(&b, r, REPORT_BY_POLICY_VERSION, "Policy versions",
	    width) != 0 || add_weeks(&b, r, width) != 0)
		b.failed = true;
	add_review_load(&b, r);
	if (r->policy != NULL)
		add_never_reached(&b, r);
	return buf_detach(&b);
}

/*
 * metrics.c: counting requests, decisions, reloads and log errors, and
 * writing them out in the Prometheus text format 0.0.4.
 */
#include <inttypes.h>
#include <string.h>

#include "metrics.h"

#define US_PER_SECOND 1000000.0

static const int codes[METRICS_NCODES] = METRICS_CODES;
static const unsigned long buckets_us[METRICS_NBUCKETS] = METRICS_BUCKETS_US;

static const char *const handler_names[HANDLER_COUNT] = {
	"policy", "check", "batch", "healthz", "metrics", "walk", "static",
	"none",
};

static unsigned long get(atomic_ulong *a);
static void add_label(struct buf *b, const char *s);
static void render_requests(struct metrics *m, struct buf *b);
static void render_duration(struct metrics *m, struct buf *b);
static void render_policy(const struct served *s, aipolicy_date_t today,
    struct buf *b);

const char *
metrics_handler_name(enum serve_handler h)
{
	return handler_names[h];
}

void
metrics_init(struct metrics *m)
{
	memset(m, 0, sizeof *m);
}

void
metrics_request(struct metrics *m, enum serve_handler h, int code,
    uint64_t microseconds)
{
	size_t c, k;

	for (c = 0; c < METRICS_NCODES - 1 && codes[c] != code; c++)
		;
	atomic_fetch_add_explicit(&m->requests[h][c], 1,
	    memory_order_relaxed);
	for (k = 0; k < METRICS_NBUCKETS && microseconds > buckets_us[k]; k++)
		;
	if (k < METRICS_NBUCKETS)
		atomic_fetch_add_explicit(&m->duration_le[k], 1,
		    memory_order_relaxed);
	atomic_fetch_add_explicit(&m->duration_count, 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&m->duration_sum_us, microseconds,
	    memory_order_relaxed);
}

void
metrics_decisions(struct metrics *m, enum aipolicy_verdict v, unsigned long n)
{
	atomic_fetch_add_explicit(&m->decisions[v], n, memory_order_relaxed);
}

static unsigned long
get(atomic_ulong *a)
{
	return atomic_load_explicit(a, memory_order_relaxed);
}

/* S as a label value: backslash, double quote and line feed escaped. */
static void
add_label(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\\' || *s == '"')
			buf_addc(b, '\\');
		if (*s == '\n')
			buf_adds(b, "\\n");
		else
			buf_addc(b, *s);
	}
}

static void
render_requests(struct metrics *m, struct buf *b)
{
	size_t h, c;
	unsigned long n;

	buf_adds(b, "# HELP aipolicy_requests_total HTTP requests answered, "
	    "by handler and status code.\n"
	    "# TYPE aipolicy_requests_total counter\n");
	for (h = 0; h < HANDLER_COUNT; h++) {
		for (c = 0; c < METRICS_NCODES; c++) {
			n = get(&m->requests[h][c]);
			if (n == 0)
				continue;
			buf_addf(b, "aipolicy_requests_total{handler=\"%s\","
			    "code=\"", handler_names[h]);
			if (codes[c] != 0)
				buf_addf(b, "%d", codes[c]);
			else
				buf_adds(b, "other");
			buf_addf(b, "\"} %lu\n", n);
		}
	}
}

static void
render_duration(struct metrics *m, struct buf *b)
{
	unsigned long cumulative = 0;
	size_t k;

	buf_adds(b, "# HELP aipolicy_request_duration_seconds Time from a "
	    "request's headers to its response's last byte.\n"
	    "# TYPE aipolicy_request_duration_seconds histogram\n");
	for (k = 0; k < METRICS_NBUCKETS; k++) {
		cumulative += get(&m->duration_le[k]);
		buf_addf(b, "aipolicy_request_duration_seconds_bucket"
		    "{le=\"%g\"} %lu\n", buckets_us[k] / US_PER_SECOND,
		    cumulative);
	}
	buf_addf(b, "aipolicy_request_duration_seconds_bucket{le=\"+Inf\"} "
	    "%lu\n", get(&m->duration_count));
	buf_addf(b, "aipolicy_request_duration_seconds_sum %.6f\n",
	    get(&m->duration_sum_us) / US_PER_SECOND);
	buf_addf(b, "aipolicy_request_duration_seconds_count %lu\n",
	    get(&m->duration_count));
}

static void
render_policy(const struct served *s, aipolicy_date_t today, struct buf *b)
{
	const struct aipolicy *p = s->p;

	buf_adds(b, "# HELP aipolicy_policy_info The policy being served.\n"
	    "# TYPE aipolicy_policy_info gauge\n"
	    "aipolicy_policy_info{id=\"");
	add_label(b, p->id);
	buf_adds(b, "\",version=\"");
	add_label(b, p->version);
	buf_addf(b, "\",sha256=\"%s\"} 1\n", p->sha256);
	buf_addf(b, "# HELP aipolicy_policy_stale 1 when the policy is past "
	    "its review date.\n"
	    "# TYPE aipolicy_policy_stale gauge\n"
	    "aipolicy_policy_stale %d\n",
	    present_dates_on(p, today) == PRESENT_STALE);
	buf_addf(b, "# HELP aipolicy_policy_in_force 0 when the policy's "
	    "effective date is still to come.\n"
	    "# TYPE aipolicy_policy_in_force gauge\n"
	    "aipolicy_policy_in_force %d\n",
	    present_dates_on(p, today) != PRESENT_NOT_YET);
}

void
metrics_render(struct metrics *m, const struct served *s, aipolicy_date_t today,
    struct buf *b)
{
	int v;

	render_requests(m, b);
	buf_adds(b, "# HELP aipolicy_decisions_total Verdicts served.\n"
	    "# TYPE aipolicy_decisions_total counter\n");
	for (v = 0; v < AIPOLICY_VERDICT_COUNT; v++)
		buf_addf(b, "aipolicy_decisions_total{verdict=\"%s\"} %lu\n",
		    aipolicy_verdict_id((enum aipolicy_verdict)v),
		    get(&m->decisions[v]));
	render_duration(m, b);
	render_policy(s, today, b);
	buf_addf(b, "# HELP aipolicy_policy_reloads_total Reloads on SIGHUP, "
	    "by result.\n"
	    "# TYPE aipolicy_policy_reloads_total counter\n"
	    "aipolicy_policy_reloads_total{result=\"ok\"} %lu\n"
	    "aipolicy_policy_reloads_total{result=\"failed\"} %lu\n",
	    get(&m->reloads_ok), get(&m->reloads_failed));
	buf_addf(b, "# HELP aipolicy_log_errors_total Failed writes of the "
	    "decision log.\n"
	    "# TYPE aipolicy_log_errors_total counter\n"
	    "aipolicy_log_errors_total %lu\n", get(&m->log_errors));
	buf_addf(b, "# HELP aipolicy_log_syncs_total Writes of the decision "
	    "log, each followed by one fsync (group commit).\n"
	    "# TYPE aipolicy_log_syncs_total counter\n"
	    "aipolicy_log_syncs_total %lu\n"
	    "# HELP aipolicy_log_records_total Records kept in the decision "
	    "log.\n"
	    "# TYPE aipolicy_log_records_total counter\n"
	    "aipolicy_log_records_total %lu\n", get(&m->log_syncs),
	    get(&m->log_records));
}

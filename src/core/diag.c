/*
 * diag.c: the list of diagnostics a load or a lint produces: errors,
 * warnings, and the notes that belong to them.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aipolicy/diag.h"
#include "core/text.h"
#include "util.h"

static bool diags_count(struct aipolicy_diags *d, enum aipolicy_severity sev);
static void diags_lost(struct aipolicy_diags *d, enum aipolicy_severity sev);
static int diag_cmp(const void *pa, const void *pb);
static bool diags_room(struct aipolicy_diags *d);

void
aipolicy_diags_init(struct aipolicy_diags *d, const char *file)
{
	memset(d, 0, sizeof *d);
	d->file = file;
}

void
aipolicy_diags_release(struct aipolicy_diags *d)
{
	size_t i;

	for (i = 0; i < d->count; i++) {
		free(d->items[i].message);
		free(d->items[i].source);
	}
	free(d->items);
	aipolicy_diags_init(d, d->file);
}


/* Count a new diagnostic of severity SEV and say whether there is room to
 * keep it (a note is kept only when the diagnostic it follows was). */
static bool
diags_count(struct aipolicy_diags *d, enum aipolicy_severity sev)
{
	if (sev == AIPOLICY_SEVERITY_NOTE)
		return !d->last_dropped && d->count < AIPOLICY_DIAG_KEEP_MAX;
	if (sev == AIPOLICY_SEVERITY_ERROR)
		d->nerrors++;
	else
		d->nwarnings++;
	d->last_dropped = d->count >= AIPOLICY_DIAG_KEEP_MAX;
	if (d->last_dropped)
		d->dropped++;
	return !d->last_dropped;
}

/* A diagnostic that was counted could not be stored (out of memory). */
static void
diags_lost(struct aipolicy_diags *d, enum aipolicy_severity sev)
{
	d->nomem = true;
	if (sev == AIPOLICY_SEVERITY_NOTE)
		return;
	d->dropped++;
	d->last_dropped = true;
}

void
aipolicy_diags_vadd(struct aipolicy_diags *d, enum aipolicy_severity sev,
    uint32_t line, uint32_t column, const char *source, size_t source_len,
    const char *fmt, va_list ap)
{
	struct aipolicy_diag *item;
	char *message;
	size_t cap;
	va_list aq;
	int n;

	if (!diags_count(d, sev))
		return;
	if (d->count == d->cap) {
		cap = d->cap ? d->cap * 2 : 16;
		item = realloc(d->items, cap * sizeof *item);
		if (item == NULL) {
			diags_lost(d, sev);
			return;
		}
		d->items = item;
		d->cap = cap;
	}
	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	message = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (message == NULL) {
		diags_lost(d, sev);
		return;
	}
	vsnprintf(message, (size_t)n + 1, fmt, ap);
	item = &d->items[d->count];
	item->severity = sev;
	item->line = line;
	item->column = column;
	item->message = message;
	item->source = source != NULL ?
	    text_sanitize(source, source_len, TEXT_KEEP_TAB) : NULL;
	if (source != NULL && item->source == NULL)
		d->nomem = true;
	item->seq = d->count;
	d->count++;
}

/* Room for one more item in D. */
static bool
diags_room(struct aipolicy_diags *d)
{
	struct aipolicy_diag *items;
	size_t cap;

	if (d->count < d->cap)
		return true;
	cap = d->cap ? d->cap * 2 : 16;
	items = realloc(d->items, cap * sizeof *items);
	if (items == NULL)
		return false;
	d->items = items;
	d->cap = cap;
	return true;
}

void
aipolicy_diags_take(struct aipolicy_diags *to, struct aipolicy_diags *from)
{
	size_t i;

	for (i = 0; i < from->count; i++) {
		struct aipolicy_diag *g = &from->items[i];
		bool note = g->severity == AIPOLICY_SEVERITY_NOTE;
		if (to->count >= AIPOLICY_DIAG_KEEP_MAX || !diags_room(to)) {
			to->dropped += !note;
			to->nomem = to->nomem ||
			    to->count < AIPOLICY_DIAG_KEEP_MAX;
			free(g->message);
			free(g->source);
			continue;
		}
		g->seq = to->count;
		to->items[to->count++] = *g;
	}
	to->nerrors += from->nerrors;
	to->nwarnings += from->nwarnings;
	to->dropped += from->dropped;
	to->nomem = to->nomem || from->nomem;
	if (from->count > 0 || from->dropped > 0)
		to->last_dropped = from->last_dropped;
	free(from->items);
	aipolicy_diags_init(from, from->file);
}

void
aipolicy_diags_add(struct aipolicy_diags *d, enum aipolicy_severity sev,
    uint32_t line, uint32_t column, const char *source, size_t source_len,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	aipolicy_diags_vadd(d, sev, line, column, source, source_len, fmt, ap);
	va_end(ap);
}

static int
diag_cmp(const void *pa, const void *pb)
{
	const struct aipolicy_diag *a = pa, *b = pb;

	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->column != b->column)
		return a->column < b->column ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void
aipolicy_diags_sort(struct aipolicy_diags *d)
{
	if (d->count > 1)
		qsort(d->items, d->count, sizeof *d->items, diag_cmp);
}

size_t
aipolicy_diags_shown(struct aipolicy_diags *d)
{
	size_t i, kept = 0;

	aipolicy_diags_sort(d);
	for (i = 0; i < d->count; i++) {
		if (d->items[i].severity == AIPOLICY_SEVERITY_NOTE)
			continue;
		if (kept == AIPOLICY_DIAG_SHOW_MAX)
			break;
		kept++;
	}
	return i;
}

size_t
aipolicy_diags_hidden(const struct aipolicy_diags *d, size_t shown)
{
	size_t i, n = d->dropped;

	for (i = shown; i < d->count; i++)
		n += d->items[i].severity != AIPOLICY_SEVERITY_NOTE;
	return n;
}

const char *
aipolicy_severity_name(enum aipolicy_severity sev)
{
	switch (sev) {
	case AIPOLICY_SEVERITY_ERROR:
		return "error";
	case AIPOLICY_SEVERITY_WARNING:
		return "warning";
	default:
		return "note";
	}
}

void
aipolicy_diags_promote_warnings(struct aipolicy_diags *d)
{
	size_t i;

	for (i = 0; i < d->count; i++) {
		if (d->items[i].severity == AIPOLICY_SEVERITY_WARNING)
			d->items[i].severity = AIPOLICY_SEVERITY_ERROR;
	}
	d->nerrors += d->nwarnings;
	d->nwarnings = 0;
}

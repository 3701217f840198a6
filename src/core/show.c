/*
 * show.c: the pieces every rendering of the core writes the same way
 * (show.h).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/jsonmem.h"
#include "core/diff.h"
#include "core/text.h"
#include "show.h"

/* Digits between thousands separators. */
#define GROUP_DIGITS 3
/* Room for a count with separators: 20 digits and 6 commas, and a NUL. */
#define COUNT_SIZE 32

void
show_text(struct buf *b, const char *s)
{
	char *safe = text_sanitize(s, strlen(s), 0);

	if (safe == NULL)
		b->failed = true;
	else
		buf_adds(b, safe);
	free(safe);
}

void
show_json(struct buf *b, const char *s)
{
	json_t *j = json_string(s);
	char *out = j != NULL ? jsonmem_dumps(j, JSON_ENCODE_ANY) : NULL;

	if (out == NULL)
		b->failed = true;
	else
		buf_adds(b, out);
	free(out);
	json_decref(j);
}

void
show_count(struct buf *b, uint64_t n)
{
	char digits[COUNT_SIZE], out[COUNT_SIZE];
	size_t len, i, o = 0;

	len = (size_t)snprintf(digits, sizeof digits, "%" PRIu64, n);
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % GROUP_DIGITS == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
	buf_adds(b, out);
}

void
show_outcome(struct buf *b, const struct aipolicy_outcome *o)
{
	buf_adds(b, aipolicy_verdict_words(o->verdict));
	buf_adds(b, " (");
	show_text(b, o->id);
	buf_addc(b, ')');
}

void
show_json_outcome(struct buf *b, const struct aipolicy_outcome *o)
{
	buf_addf(b, "{\"verdict\": \"%s\", \"outcome\": ",
	    aipolicy_verdict_id(o->verdict));
	show_json(b, o->id);
	buf_addc(b, '}');
}

void
show_changed(struct buf *b, const struct aipolicy_outcome *old,
    const struct aipolicy_outcome *new)
{
	const char *fields[DIFF_FIELDS];
	size_t i, n = diff_text_changed(old, new, fields);

	for (i = 0; i < n; i++)
		buf_addf(b, "%s%s", i ? ", " : ": ", fields[i]);
	buf_adds(b, " changed");
}

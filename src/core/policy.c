/*
 * policy.c: verdicts, dates, and looking things up in a loaded policy.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "aipolicy/policy.h"
#include "core/translation.h"
#include "core/words.h"
#include "policy-private.h"
#include "util.h"

/* Each verdict's id; its words are in words.def. */
static const struct {
	const char *id;
} verdicts[AIPOLICY_VERDICT_COUNT] = {
	{ "use-freely" },
	{ "use-with-review" },
	{ "do-not-use" },
};

const char *
aipolicy_verdict_id(enum aipolicy_verdict v)
{
	return verdicts[v].id;
}

const char *
aipolicy_verdict_words(enum aipolicy_verdict v)
{
	return words_verdict(&words_english, v);
}

bool
aipolicy_verdict_parse(const char *s, size_t len, enum aipolicy_verdict *out)
{
	int i;

	for (i = 0; i < AIPOLICY_VERDICT_COUNT; i++) {
		if (strlen(verdicts[i].id) == len &&
		    memcmp(verdicts[i].id, s, len) == 0) {
			*out = (enum aipolicy_verdict)i;
			return true;
		}
	}
	return false;
}

void
aipolicy_free(struct aipolicy *p)
{
	if (p == NULL)
		return;
	if (p->priv != NULL) {
		strindex_release(&p->priv->questions);
		strindex_release(&p->priv->outcomes);
		source_release(&p->priv->src);
		arena_release(&p->priv->arena);
		arena_release(&p->priv->answers);
		arena_release(&p->priv->ids);
		free(p->priv);
	}
	free(p->questions);
	free(p->outcomes);
	free(p);
}

int64_t
aipolicy_find_question(const struct aipolicy *p, const char *s, size_t len)
{
	uint32_t v;

	return strindex_get(&policy_indexed(p)->questions, s, len, &v) ?
	    (int64_t)v : -1;
}

int64_t
aipolicy_find_outcome(const struct aipolicy *p, const char *s, size_t len)
{
	uint32_t v;

	return strindex_get(&policy_indexed(p)->outcomes, s, len, &v) ?
	    (int64_t)v : -1;
}

int64_t
aipolicy_question_match(const struct aipolicy_question *q, const char *s,
    size_t len)
{
	size_t i;

	trim(&s, &len);
	for (i = 0; i < q->nanswers; i++) {
		const char *k = q->answers[i].key;
		if (ascii_caseeq(k, strlen(k), s, len))
			return (int64_t)i;
	}
	/* A translation's shown texts, which no other answer's key equals
	 * (translation.h): checked only once no key matched. */
	for (i = 0; i < q->nanswers; i++) {
		const char *k = q->answers[i].shown;
		if (k != q->answers[i].key && ascii_caseeq(k, strlen(k), s,
		    len))
			return (int64_t)i;
	}
	return -1;
}

const char *
policy_language(const struct aipolicy *p)
{
	return p->priv->language;
}

const char *
aipolicy_source_line(const struct aipolicy *p, uint32_t line, size_t *len)
{
	return source_line_text(&policy_indexed(p)->src, line, len);
}

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool
aipolicy_date_parse(const char *s, size_t len, aipolicy_date_t *out)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int y, m, d, i;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (i = 0; i < 10; i++) {
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	}
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1 || m < 1 || m > 12 || d < 1)
		return false;
	if (d > mdays[m - 1] + (m == 2 && is_leap(y)))
		return false;
	*out = y * 10000 + m * 100 + d;
	return true;
}

void
aipolicy_date_format(aipolicy_date_t d, char *buf)
{
	int y = d / 10000, m = d / 100 % 100, day = d % 100;

	buf[0] = (char)('0' + y / 1000 % 10);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + day / 10);
	buf[9] = (char)('0' + day % 10);
	buf[10] = '\0';
}

aipolicy_date_t
aipolicy_date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL)
		return 0;
	return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 +
	    tm.tm_mday;
}

bool
aipolicy_is_stale(const struct aipolicy *p, aipolicy_date_t today)
{
	return today > p->review_by;
}

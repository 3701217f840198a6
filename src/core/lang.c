/*
 * lang.c: which language to show: tags, the environment, Accept-Language,
 * and matching a wanted tag against the languages there are.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/lang.h"

#define PRIMARY_MIN 2      /* letters of a primary language subtag */
#define PRIMARY_MAX 3
#define SUBTAG_MAX 8       /* letters or digits of any other subtag */
#define WEIGHT_MAX 1000    /* q=1 in thousandths */
#define ACCEPT_SCAN_MAX 32 /* Accept-Language entries looked at */

static size_t primary_len(const char *tag);
static bool tag_eq(const char *a, size_t alen, const char *b, size_t blen);
static int parse_weight(const char *s, size_t n);

bool
lang_tag_valid(const char *s)
{
	size_t i = 0, run = 0, part = 0;

	for (;; i++) {
		char c = s[i];

		if (c == '-' || c == '\0') {
			if (part == 0 ? run < PRIMARY_MIN || run > PRIMARY_MAX
			    : run < 1 || run > SUBTAG_MAX)
				return false;
			if (c == '\0')
				return i < LANG_TAG_MAX;
			part++;
			run = 0;
		} else if (isalpha((unsigned char)c) ||
		    (part > 0 && isdigit((unsigned char)c)))
			run++;
		else
			return false;
	}
}

bool
lang_from_locale(const char *s, char out[LANG_TAG_MAX])
{
	size_t n = strcspn(s, ".@"), i;

	out[0] = '\0';
	if (n == 0 || n >= LANG_TAG_MAX)
		return false;
	for (i = 0; i < n; i++)
		out[i] = s[i] == '_' ? '-' : s[i];
	out[n] = '\0';
	if (strcmp(out, "C") == 0 || strcmp(out, "POSIX") == 0 ||
	    !lang_tag_valid(out)) {
		out[0] = '\0';
		return false;
	}
	return true;
}

size_t
lang_env(char out[][LANG_TAG_MAX], size_t max)
{
	static const char *const locale_vars[] = {
		"LC_ALL", "LC_MESSAGES", "LANG",
	};
	const char *v = getenv("LANGUAGE");
	size_t n = 0, i;

	while (v != NULL && *v != '\0' && n < max) {
		size_t len = strcspn(v, ":");
		char one[LANG_TAG_MAX];

		if (len < sizeof one) {
			memcpy(one, v, len);
			one[len] = '\0';
			if (lang_from_locale(one, out[n]))
				n++;
		}
		v += len + (v[len] == ':');
	}
	for (i = 0; i < sizeof locale_vars / sizeof *locale_vars; i++) {
		v = getenv(locale_vars[i]);
		if (v == NULL || *v == '\0')
			continue;
		if (n < max && lang_from_locale(v, out[n]))
			n++;
		break;
	}
	return n;
}

/* parse_weight: the thousandths of the q value of ";q=0.5" in the N bytes
 * at S (the parameters of one entry); WEIGHT_MAX without one, -1 when it
 * is malformed. */
static int
parse_weight(const char *s, size_t n)
{
	const char *q = NULL;
	size_t i;
	int w = 0, scale = WEIGHT_MAX;

	for (i = 0; i + 1 < n; i++)
		if ((s[i] == 'q' || s[i] == 'Q') && s[i + 1] == '=')
			q = s + i + 2;
	if (q == NULL)
		return WEIGHT_MAX;
	if (*q != '0' && *q != '1')
		return -1;
	w = (*q - '0') * WEIGHT_MAX;
	if (q[1] == '.')
		for (q += 2; isdigit((unsigned char)*q) && scale > 1; q++) {
			scale /= 10;
			w += (*q - '0') * scale;
		}
	return w > WEIGHT_MAX ? WEIGHT_MAX : w;
}

size_t
lang_accept(const char *header, char out[][LANG_TAG_MAX], size_t max)
{
	int weight[ACCEPT_SCAN_MAX];
	char tags[ACCEPT_SCAN_MAX][LANG_TAG_MAX];
	size_t n = 0, i, j, k;

	while (header != NULL && *header != '\0' && n < ACCEPT_SCAN_MAX) {
		size_t len = strcspn(header, ","), tlen;
		const char *s = header;

		header += len + (header[len] == ',');
		while (len > 0 && (*s == ' ' || *s == '\t'))
			s++, len--;
		tlen = strcspn(s, ";, \t");
		if (tlen > len)
			tlen = len;
		if (tlen == 0 || tlen >= LANG_TAG_MAX)
			continue;
		memcpy(tags[n], s, tlen);
		tags[n][tlen] = '\0';
		weight[n] = parse_weight(s + tlen, len - tlen);
		if (weight[n] > 0 && lang_tag_valid(tags[n]))
			n++;
	}
	/* the best weight first; equal weights keep their order */
	for (k = 0; k < max && k < n; k++) {
		j = k;
		for (i = k + 1; i < n; i++)
			if (weight[i] > weight[j])
				j = i;
		strcpy(out[k], tags[j]);
		for (i = j; i > k; i--) {
			weight[i] = weight[i - 1];
			memcpy(tags[i], tags[i - 1], LANG_TAG_MAX);
		}
	}
	return k;
}

/* primary_len: bytes of TAG's primary language subtag. */
static size_t
primary_len(const char *tag)
{
	return strcspn(tag, "-_");
}

static bool
tag_eq(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i;

	if (alen != blen)
		return false;
	for (i = 0; i < alen; i++) {
		char x = a[i] == '_' ? '-' : a[i], y = b[i] == '_' ? '-' : b[i];

		if (tolower((unsigned char)x) != tolower((unsigned char)y))
			return false;
	}
	return true;
}

int
lang_choose(const char *const *avail, size_t n, const char *wanted)
{
	size_t wlen = strlen(wanted), wprim = primary_len(wanted), i;

	for (i = 0; i < n; i++)
		if (tag_eq(avail[i], strlen(avail[i]), wanted, wlen))
			return (int)i;
	for (i = 0; i < n; i++)
		if (tag_eq(avail[i], strlen(avail[i]), wanted, wprim))
			return (int)i;
	for (i = 0; i < n; i++)
		if (tag_eq(avail[i], primary_len(avail[i]), wanted, wprim))
			return (int)i;
	return -1;
}

int
lang_choose_list(const char *const *avail, size_t n,
    const char (*wanted)[LANG_TAG_MAX], size_t nwanted)
{
	size_t i;
	int k;

	for (i = 0; i < nwanted; i++)
		if ((k = lang_choose(avail, n, wanted[i])) >= 0)
			return k;
	return -1;
}

bool
lang_is_rtl(const char *tag)
{
	static const char *const rtl[] = {
		"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps",
		"sd", "syr", "ug", "ur", "yi",
	};
	size_t plen = primary_len(tag), i;

	for (i = 0; i < sizeof rtl / sizeof *rtl; i++)
		if (tag_eq(rtl[i], strlen(rtl[i]), tag, plen))
			return true;
	return false;
}

void
lang_to_posix(const char *tag, char out[LANG_TAG_MAX])
{
	size_t i;

	for (i = 0; tag[i] != '\0' && i + 1 < LANG_TAG_MAX; i++)
		out[i] = tag[i] == '-' ? '_' : tag[i];
	out[i] = '\0';
}

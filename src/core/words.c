/*
 * words.c: the program's own words in one language (words.h): the English
 * table of words.def, loading a language's table through gettext, and the
 * check that a translated printf format takes the English one's
 * arguments.
 */
#include <dirent.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/text.h"
#include "core/words.h"
#include "util.h"

/* Where `make install` put the catalogues, as seen from the program's
 * folder and as it was (the build sets both). */
#ifndef AIPOLICY_LOCALEDIR_FROM_BIN
#define AIPOLICY_LOCALEDIR_FROM_BIN "../share/locale"
#endif
#ifndef AIPOLICY_LOCALEDIR
#define AIPOLICY_LOCALEDIR "/usr/local/share/locale"
#endif
/* The catalogues of a build tree: this folder beside the program. */
#define LOCAL_DIR "locale"
/* The running program, as Linux names it. */
#define SELF_EXE "/proc/self/exe"
/* A locale whose LC_MESSAGES lets gettext read LANGUAGE (it ignores
 * LANGUAGE under "C"), present on every glibc system. */
#define UTF8_LOCALE "C.UTF-8"
/* Where a language's catalogue is in the folder of catalogues. */
#define CATALOGUE_PATH "%s/%s/LC_MESSAGES/" WORDS_DOMAIN ".mo"
/* The header field of a catalogue that names its language. */
#define LANGUAGE_FIELD "Language: "
/* Arguments a format of words.def takes at most. */
#define FORMAT_ARGS_MAX 9
/* Bytes of an argument's type: its length modifier and conversion. */
#define FORMAT_TYPE_SIZE 4

/* The English texts, the way xgettext reads them. */
#define N_(text) text
#define NN_(one, many) one, many

const struct words words_english = {
	.tag = "en",
	.english = true,
	.text = {
#define WORD(id, text) [WORD_##id] = text,
#define PLURAL(id, texts)
#include "core/words.def"
#undef WORD
#undef PLURAL
	},
	.plural = {
#define WORD(id, text)
#define PLURAL(id, texts) [WORDN_##id] = { .form = { texts } },
#include "core/words.def"
#undef WORD
#undef PLURAL
	},
};

/* The process state words_load changes, to put back. */
struct saved {
	char *messages;        /* the LC_MESSAGES locale's name */
	char *language;        /* LANGUAGE, or NULL when it was not set */
};

/* What one argument of a printf format is. */
struct format_arg {
	char type[FORMAT_TYPE_SIZE];  /* "s", "zu", "d", ...; "" unused */
};

static bool is_english(const char *tag);
static void locale_dir(char *out, size_t size);
static int save(struct saved *s);
static void restore(struct saved *s);
static void flush_cache(void);
static bool messages_readable(void);
static bool try_language(const char *tag);
static void header_tag(const char *fallback, char out[LANG_TAG_MAX]);
static bool same_format(const char *english, const char *translated,
    bool may_drop);
static void fill_texts(struct words *w);
static void fill_plural(struct words *w, enum word_plural id);
static size_t slot_of(size_t n);
static bool has_catalogue(const char *dir, const char *name);
static size_t add_sorted(char out[][LANG_TAG_MAX], size_t n,
    const char *tag);
static int parse_format(const char *s, struct format_arg *args,
    size_t *nargs);

/* is_english: TAG's language is English, the language of the texts as
 * written. */
static bool
is_english(const char *tag)
{
	static const char *const en[] = { "en" };

	return lang_choose(en, 1, tag) == 0;
}

/* locale_dir: the folder of the catalogues into OUT (SIZE bytes): the
 * first of "locale" beside the program (a build tree), the installed one
 * as seen from the program's folder (an install moved elsewhere, or made
 * with another --prefix), and the installed one. */
static void
locale_dir(char *out, size_t size)
{
	static const char *const beside[] = {
		LOCAL_DIR, AIPOLICY_LOCALEDIR_FROM_BIN,
	};
	char exe[PATH_MAX];
	struct stat st;
	ssize_t n = readlink(SELF_EXE, exe, sizeof exe - 1);
	char *slash;
	size_t i;

	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			for (i = 0; i < sizeof beside / sizeof *beside; i++)
				if ((size_t)snprintf(out, size, "%s/%s", exe,
				    beside[i]) < size && stat(out, &st) == 0 &&
				    S_ISDIR(st.st_mode))
					return;
		}
	}
	snprintf(out, size, "%s", AIPOLICY_LOCALEDIR);
}

/* save: copies of LC_MESSAGES and LANGUAGE into S. 0, or -1 when out of
 * memory (nothing to release). */
static int
save(struct saved *s)
{
	const char *m = setlocale(LC_MESSAGES, NULL);
	const char *l = getenv("LANGUAGE");

	s->messages = strdup(m != NULL ? m : "C");
	s->language = l != NULL ? strdup(l) : NULL;
	if (s->messages == NULL || (l != NULL && s->language == NULL)) {
		free(s->messages);
		free(s->language);
		return -1;
	}
	return 0;
}

/* restore: LC_MESSAGES and LANGUAGE as S saved them; S released. */
static void
restore(struct saved *s)
{
	setlocale(LC_MESSAGES, s->messages);
	if (s->language != NULL)
		setenv("LANGUAGE", s->language, 1);
	else
		unsetenv("LANGUAGE");
	flush_cache();
	free(s->messages);
	free(s->language);
}

/* flush_cache: make gettext forget the translations it found: it caches
 * them by LC_MESSAGES, not by LANGUAGE. Setting the text domain to itself
 * is the documented way to say that the environment changed. */
static void
flush_cache(void)
{
	const char *domain = textdomain(NULL);

	if (domain != NULL)
		textdomain(domain);
}

/* messages_readable: LC_MESSAGES is a locale under which gettext reads
 * LANGUAGE (not "C" or "POSIX"), set so when it can be. */
static bool
messages_readable(void)
{
	const char *m = setlocale(LC_MESSAGES, NULL);

	if (m != NULL && strcmp(m, "C") != 0 && strcmp(m, "POSIX") != 0)
		return true;
	return setlocale(LC_MESSAGES, UTF8_LOCALE) != NULL;
}

/* try_language: LANGUAGE set to TAG; true when there is a catalogue for
 * it (or, for "de-AT", for "de"), whose header gettext then gives. */
static bool
try_language(const char *tag)
{
	char posix[LANG_TAG_MAX];
	const char *header;

	lang_to_posix(tag, posix);
	if (setenv("LANGUAGE", posix, 1) != 0)
		return false;
	flush_cache();
	header = dgettext(WORDS_DOMAIN, "");
	return header != NULL && header[0] != '\0';
}

/* header_tag: the tag of the catalogue found (its Language field) into
 * OUT; FALLBACK when the field is missing or names no language. */
static void
header_tag(const char *fallback, char out[LANG_TAG_MAX])
{
	const char *header = dgettext(WORDS_DOMAIN, "");
	const char *f = strstr(header, LANGUAGE_FIELD);
	char name[LANG_TAG_MAX];
	size_t n;

	if (f != NULL) {
		f += strlen(LANGUAGE_FIELD);
		n = strcspn(f, "\n");
		if (n < sizeof name) {
			memcpy(name, f, n);
			name[n] = '\0';
			if (lang_from_locale(name, out))
				return;
		}
	}
	snprintf(out, LANG_TAG_MAX, "%s", fallback);
}

bool
words_usable(const char *english, const char *t, bool may_drop)
{
	size_t i = 0, n;
	uint32_t c;

	if (t == NULL || !same_format(english, t, may_drop))
		return false;
	n = strlen(t);
	while (i < n) {
		i += utf8_decode(t + i, n - i, &c);
		if (text_safe(c) != c)
			return false;
	}
	return true;
}

/* fill_texts: every text of W from the catalogue LANGUAGE names, but for
 * a translation that is not usable. */
static void
fill_texts(struct words *w)
{
	const char *t;
	size_t i;

	for (i = 0; i < WORD_COUNT; i++) {
		t = dgettext(WORDS_DOMAIN, words_english.text[i]);
		if (words_usable(words_english.text[i], t, false))
			w->text[i] = t;
	}
}

/*
 * fill_plural: the forms of plural ID for each count below WORDS_SLOTS,
 * from the catalogue LANGUAGE names. A form that is not usable is the
 * English form; a rule with more forms than a table holds leaves the text
 * English.
 */
static void
fill_plural(struct words *w, enum word_plural id)
{
	const struct words_forms *en = &words_english.plural[id];
	struct words_forms *f = &w->plural[id];
	size_t n, k, nforms = 0;
	const char *t;

	memset(f, 0, sizeof *f);
	for (n = 0; n < WORDS_SLOTS; n++) {
		t = dngettext(WORDS_DOMAIN, en->form[0], en->form[1],
		    (unsigned long)n);
		if (!words_usable(en->form[1], t, true))
			t = en->form[n == 1 ? 0 : 1];
		for (k = 0; k < nforms && strcmp(f->form[k], t) != 0; k++)
			;
		if (k == nforms) {
			if (nforms == WORDS_FORMS_MAX) {
				*f = *en;
				for (k = 0; k < WORDS_SLOTS; k++)
					f->form_of[k] = k == 1 ? 0 : 1;
				return;
			}
			f->form[nforms++] = t;
		}
		f->form_of[n] = (unsigned char)k;
	}
}

int
words_load(struct words *w, const char *tag)
{
	char wanted[LANG_ENV_MAX][LANG_TAG_MAX], dir[PATH_MAX];
	struct saved s;
	size_t n, i;
	bool found = false;

	*w = words_english;
	/* a tag that is no tag never reaches gettext (nor a path) */
	if (tag != NULL && !lang_tag_valid(tag))
		return 0;
	if (tag != NULL) {
		snprintf(wanted[0], LANG_TAG_MAX, "%s", tag);
		n = 1;
	} else {
		n = lang_env(wanted, LANG_ENV_MAX);
	}
	if (n == 0 || is_english(wanted[0]))
		return 0;
	if (save(&s) != 0)
		return -1;
	locale_dir(dir, sizeof dir);
	if (bindtextdomain(WORDS_DOMAIN, dir) != NULL &&
	    bind_textdomain_codeset(WORDS_DOMAIN, "UTF-8") != NULL &&
	    messages_readable()) {
		for (i = 0; i < n && !found && !is_english(wanted[i]); i++)
			found = try_language(wanted[i]);
	}
	if (found) {
		header_tag(wanted[i - 1], w->tag);
		w->english = false;
		fill_texts(w);
		for (i = 0; i < WORDN_COUNT; i++)
			fill_plural(w, (enum word_plural)i);
	}
	restore(&s);
	return 0;
}

/* has_catalogue: DIR/NAME holds a catalogue of the program's words. */
static bool
has_catalogue(const char *dir, const char *name)
{
	char path[PATH_MAX];
	struct stat st;

	return (size_t)snprintf(path, sizeof path, CATALOGUE_PATH, dir, name) <
	    sizeof path && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* add_sorted: TAG into the N sorted tags of OUT (room for N + 1) unless
 * it is there already (ignoring case); the new count. */
static size_t
add_sorted(char out[][LANG_TAG_MAX], size_t n, const char *tag)
{
	size_t i, j;

	for (i = 0; i < n && strcasecmp(out[i], tag) < 0; i++)
		;
	if (i < n && strcasecmp(out[i], tag) == 0)
		return n;
	for (j = n; j > i; j--)
		memcpy(out[j], out[j - 1], LANG_TAG_MAX);
	snprintf(out[i], LANG_TAG_MAX, "%s", tag);
	return n + 1;
}

size_t
words_catalogues(char out[][LANG_TAG_MAX], size_t max)
{
	char dir[PATH_MAX], tag[LANG_TAG_MAX];
	struct dirent *e;
	size_t n = 0;
	DIR *d;

	locale_dir(dir, sizeof dir);
	if ((d = opendir(dir)) == NULL)
		return 0;
	while (n < max && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || !lang_from_locale(e->d_name, tag) ||
		    is_english(tag) || !has_catalogue(dir, e->d_name))
			continue;
		n = add_sorted(out, n, tag);
	}
	closedir(d);
	return n;
}

const char *
words_text(const struct words *w, enum word id)
{
	return (w != NULL ? w : &words_english)->text[id];
}

/* slot_of: the count below WORDS_SLOTS whose form N takes. */
static size_t
slot_of(size_t n)
{
	return n < WORDS_SLOTS ? n : WORDS_SLOTS / 2 + n % (WORDS_SLOTS / 2);
}

const char *
words_plural(const struct words *w, enum word_plural id, size_t n)
{
	const struct words_forms *f;

	if (w == NULL)
		w = &words_english;
	f = &w->plural[id];
	if (w->english)
		return f->form[n == 1 ? 0 : 1];
	return f->form[f->form_of[slot_of(n)]];
}

const char *
words_verdict(const struct words *w, enum aipolicy_verdict v)
{
	static const enum word ids[AIPOLICY_VERDICT_COUNT] = {
		[AIPOLICY_VERDICT_USE_FREELY] = WORD_VERDICT_FREE,
		[AIPOLICY_VERDICT_USE_WITH_REVIEW] = WORD_VERDICT_REVIEW,
		[AIPOLICY_VERDICT_DO_NOT_USE] = WORD_VERDICT_STOP,
	};

	return words_text(w, ids[v]);
}

/*
 * parse_format: the arguments the printf format S takes, by position,
 * into ARGS (FORMAT_ARGS_MAX, cleared first), and how many (the highest
 * position) in *NARGS. -1 when S is no format a word may have: a "*", a
 * %n, an unknown conversion, positions mixed with none, a position out of
 * range, or one position read as two types.
 */
static int
parse_format(const char *s, struct format_arg *args, size_t *nargs)
{
	size_t next = 0, pos, len;
	int positional = -1;
	char type[FORMAT_TYPE_SIZE];
	const char *p = s;

	memset(args, 0, FORMAT_ARGS_MAX * sizeof *args);
	*nargs = 0;
	while ((p = strchr(p, '%')) != NULL) {
		p++;
		if (*p == '%') {
			p++;
			continue;
		}
		pos = 0;
		if (*p >= '1' && *p <= '9' && p[1] == '$') {
			pos = (size_t)(*p - '0');
			p += 2;
		}
		if (positional == -1)
			positional = pos > 0;
		if (positional != (pos > 0))
			return -1;
		if (pos == 0)
			pos = ++next;
		if (pos > FORMAT_ARGS_MAX)
			return -1;
		p += strspn(p, "-+ #0'");
		p += strspn(p, "0123456789");
		if (*p == '.') {
			p++;
			p += strspn(p, "0123456789");
		}
		len = strspn(p, "hlLqjzt");
		if (len > 2 || strchr("diouxXeEfFgGaAcsp", p[len]) == NULL ||
		    p[len] == '\0')
			return -1;
		memcpy(type, p, len + 1);
		type[len + 1] = '\0';
		p += len + 1;
		if (args[pos - 1].type[0] != '\0' &&
		    strcmp(args[pos - 1].type, type) != 0)
			return -1;
		memcpy(args[pos - 1].type, type, sizeof type);
		if (pos > *nargs)
			*nargs = pos;
	}
	return 0;
}

/* same_format: TRANSLATED takes the printf arguments ENGLISH takes (or,
 * when MAY_DROP, none instead of one), as words_usable says. */
static bool
same_format(const char *english, const char *translated, bool may_drop)
{
	struct format_arg e[FORMAT_ARGS_MAX], t[FORMAT_ARGS_MAX];
	size_t ne, nt, i;

	if (parse_format(english, e, &ne) != 0 ||
	    parse_format(translated, t, &nt) != 0)
		return false;
	if (may_drop && ne == 1 && nt == 0)
		return true;
	if (ne != nt)
		return false;
	for (i = 0; i < ne; i++)
		if (strcmp(e[i].type, t[i].type) != 0)
			return false;
	return true;
}

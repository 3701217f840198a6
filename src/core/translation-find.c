/*
 * translation-find.c: where a policy's translations are, by their names:
 * DIR/NAME.LANG.EXT beside DIR/NAME.EXT (EXT "yaml" or "yml", LANG a
 * well-formed tag), and which of them to show for a language asked for
 * or for the environment (lang.h decides the match).
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/translation.h"

/* The extensions a policy file may have, with their dot. */
static const char *const extensions[] = { ".yaml", ".yml", NULL };

/* A path cut into its parts: DIR (with its '/', or empty) and the file's
 * name, itself NAME and EXT (with its dot). */
struct path_parts {
	size_t dir_len;            /* bytes of DIR, its '/' included */
	const char *file;          /* the file's name */
	size_t name_len;           /* bytes of NAME */
	const char *ext;           /* EXT, within file */
};

static bool path_parts(const char *path, struct path_parts *pp);
static bool lang_part(const char *s, size_t len, char tag[LANG_TAG_MAX]);
static int add_file(struct translation_files *f, size_t *cap,
    const char *path, size_t dir_len, const char *name, const char *tag);
static int by_tag(const void *a, const void *b);
static int finish_list(struct translation_files *f);

/* PATH as DIR, NAME and EXT; false when its name has no EXT of ours or
 * no NAME before it. */
static bool
path_parts(const char *path, struct path_parts *pp)
{
	const char *slash = strrchr(path, '/');
	size_t i, n, e;

	pp->file = slash != NULL ? slash + 1 : path;
	pp->dir_len = (size_t)(pp->file - path);
	n = strlen(pp->file);
	for (i = 0; extensions[i] != NULL; i++) {
		e = strlen(extensions[i]);
		if (n > e && strcmp(pp->file + n - e, extensions[i]) == 0) {
			pp->ext = pp->file + n - e;
			pp->name_len = n - e;
			return true;
		}
	}
	return false;
}

/* S (LEN bytes) is a well-formed tag: into TAG. */
static bool
lang_part(const char *s, size_t len, char tag[LANG_TAG_MAX])
{
	if (len == 0 || len >= LANG_TAG_MAX)
		return false;
	memcpy(tag, s, len);
	tag[len] = '\0';
	return lang_tag_valid(tag);
}

bool
translation_path_split(const char *path, char **policy_path,
    char tag[LANG_TAG_MAX])
{
	struct path_parts pp;
	const char *dot;
	size_t name;

	*policy_path = NULL;
	errno = 0;
	if (!path_parts(path, &pp))
		return false;
	/* NAME.LANG: the last dot of NAME.LANG starts LANG */
	for (dot = pp.file + pp.name_len; dot > pp.file && dot[-1] != '.';
	    dot--)
		;
	if (dot <= pp.file + 1)
		return false;
	name = (size_t)(dot - 1 - pp.file);
	if (!lang_part(dot, pp.name_len - name - 1, tag))
		return false;
	*policy_path = malloc(pp.dir_len + name + strlen(pp.ext) + 1);
	if (*policy_path == NULL) {
		errno = ENOMEM;
		return false;
	}
	memcpy(*policy_path, path, pp.dir_len + name);
	strcpy(*policy_path + pp.dir_len + name, pp.ext);
	return true;
}

/* Add DIR (the first DIR_LEN bytes of PATH) followed by NAME, whose LANG
 * is TAG, to F (*CAP entries of room). 0, or -1 when out of memory. */
static int
add_file(struct translation_files *f, size_t *cap, const char *path,
    size_t dir_len, const char *name, const char *tag)
{
	char *p;

	if (f->n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 4;
		char **paths = realloc(f->paths, ncap * sizeof *paths);
		char (*tags)[LANG_TAG_MAX];

		if (paths == NULL)
			return -1;
		f->paths = paths;
		tags = realloc(f->tags, ncap * sizeof *tags);
		if (tags == NULL)
			return -1;
		f->tags = tags;
		*cap = ncap;
	}
	if ((p = malloc(dir_len + strlen(name) + 1)) == NULL)
		return -1;
	memcpy(p, path, dir_len);
	strcpy(p + dir_len, name);
	f->paths[f->n] = p;
	strcpy(f->tags[f->n], tag);
	f->n++;
	return 0;
}

/* Order of two entries of a list being sorted: by tag, ignoring case. */
struct entry {
	char *path;
	char tag[LANG_TAG_MAX];
};

static int
by_tag(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = strcasecmp(x->tag, y->tag);

	return c != 0 ? c : strcmp(x->path, y->path);
}

/* Sort F by tag and make its tag_list. 0, or -1 when out of memory. */
static int
finish_list(struct translation_files *f)
{
	struct entry *e;
	size_t i;

	if (f->n == 0)
		return 0;
	e = malloc(f->n * sizeof *e);
	f->tag_list = malloc(f->n * sizeof *f->tag_list);
	if (e == NULL || f->tag_list == NULL) {
		free(e);
		return -1;
	}
	for (i = 0; i < f->n; i++) {
		e[i].path = f->paths[i];
		strcpy(e[i].tag, f->tags[i]);
	}
	qsort(e, f->n, sizeof *e, by_tag);
	for (i = 0; i < f->n; i++) {
		f->paths[i] = e[i].path;
		strcpy(f->tags[i], e[i].tag);
		f->tag_list[i] = f->tags[i];
	}
	free(e);
	return 0;
}

int
translation_files_find(const char *policy_path, struct translation_files *out)
{
	struct path_parts pp;
	struct dirent *de;
	char *dir, tag[LANG_TAG_MAX];
	size_t cap = 0, n, ext_len;
	DIR *d;
	int rc = 0;

	memset(out, 0, sizeof *out);
	if (!path_parts(policy_path, &pp))
		return 0;
	ext_len = strlen(pp.ext);
	dir = pp.dir_len > 0 ? strndup(policy_path, pp.dir_len) : strdup(".");
	if (dir == NULL)
		return -1;
	d = opendir(dir);
	free(dir);
	if (d == NULL)
		return errno == ENOMEM ? -1 : 0;
	while (rc == 0 && (de = readdir(d)) != NULL) {
		n = strlen(de->d_name);
		/* NAME . LANG EXT */
		if (n <= pp.name_len + 1 + ext_len ||
		    strncmp(de->d_name, pp.file, pp.name_len) != 0 ||
		    de->d_name[pp.name_len] != '.' ||
		    strcmp(de->d_name + n - ext_len, pp.ext) != 0 ||
		    !lang_part(de->d_name + pp.name_len + 1,
		    n - ext_len - pp.name_len - 1, tag))
			continue;
		rc = add_file(out, &cap, policy_path, pp.dir_len, de->d_name,
		    tag);
	}
	closedir(d);
	return rc == 0 ? finish_list(out) : -1;
}

void
translation_files_release(struct translation_files *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free(f->paths[i]);
	free(f->paths);
	free(f->tags);
	free(f->tag_list);
	memset(f, 0, sizeof *f);
}

int
translation_files_choose(const struct translation_files *f,
    const char *wanted)
{
	char tags[LANG_ENV_MAX][LANG_TAG_MAX];
	size_t n;

	if (f->n == 0)
		return -1;
	if (wanted != NULL)
		return lang_from_locale(wanted, tags[0]) ?
		    lang_choose(f->tag_list, f->n, tags[0]) : -1;
	n = lang_env(tags, LANG_ENV_MAX);
	return lang_choose_list(f->tag_list, f->n,
	    (const char (*)[LANG_TAG_MAX])tags, n);
}

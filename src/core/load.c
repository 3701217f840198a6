/*
 * load.c: read a policy file (format v1) into a struct aipolicy: the entry
 * points. The file's bytes are read once (source.c); checks that need no
 * parsing come first (size, emptiness, encoding); then the YAML events are
 * read once, straight into the policy (yaml-read.c, schema*.c), and the
 * names that may point forward are resolved and the graph checked
 * (link.c, graph.c). See load-private.h.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "aipolicy/policy.h"
#include "load-private.h"
#include "policy-private.h"

/* Room for the lowercase hex of a SHA-256 digest and its NUL. */
#define SHA256_HEX_LEN (2 * SHA256_DIGEST_SIZE)

static void sha256_hex(const char *buf, size_t len, char *out);
static void early_error(struct loader *ld, uint32_t line, uint32_t column,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static bool check_encoding(struct loader *ld);
static void loader_release(struct loader *ld);
static enum aipolicy_status load_source(const char *name, struct source *src,
    unsigned flags, struct aipolicy **out, struct aipolicy_diags *d);

/* OUT (SHA256_HEX_LEN + 1 bytes): the lowercase hex digest of BUF. */
static void
sha256_hex(const char *buf, size_t len, char *out)
{
	static const char hex[] = "0123456789abcdef";
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];
	size_t i;

	sha256_init(&ctx);
	sha256_update(&ctx, len, (const uint8_t *)buf);
	sha256_digest(&ctx, sizeof digest, digest);
	for (i = 0; i < sizeof digest; i++) {
		out[2 * i] = hex[digest[i] >> 4];
		out[2 * i + 1] = hex[digest[i] & 0xF];
	}
	out[SHA256_HEX_LEN] = '\0';
}

/* An error found before the YAML is read (with the YAML-level ones). */
static void
early_error(struct loader *ld, uint32_t line, uint32_t column,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (!source_vdiag(ld->src, ld->d, AIPOLICY_SEVERITY_ERROR, line,
	    column, fmt, ap))
		ld->oom = true;
	va_end(ap);
}

/* Refuse UTF-16 and UTF-32 by their byte-order marks or NUL patterns. */
static bool
check_encoding(struct loader *ld)
{
	const unsigned char *u = (const unsigned char *)ld->src->text;
	size_t n = ld->src->len;

	if ((n >= 4 && u[0] == 0 && u[1] == 0 &&
	    u[2] == 0xFE && u[3] == 0xFF) ||
	    (n >= 4 && u[0] == 0xFF && u[1] == 0xFE &&
	    u[2] == 0 && u[3] == 0)) {
		early_error(ld, 1, 1, "the file is UTF-32: %s files must be "
		    "UTF-8", ld->r.kind);
		return false;
	}
	if (n >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) ||
	    (u[0] == 0xFF && u[1] == 0xFE))) {
		early_error(ld, 1, 1, "the file is UTF-16: %s files must be "
		    "UTF-8", ld->r.kind);
		return false;
	}
	if (n >= 2 && ((u[0] == 0 && u[1] != 0) || (u[0] != 0 && u[1] == 0))) {
		early_error(ld, 1, 1, "the file looks like UTF-16 or UTF-32: "
		    "%s files must be UTF-8", ld->r.kind);
		return false;
	}
	return true;
}

bool
load_check_bytes(struct loader *ld)
{
	uint32_t line, column;

	if (ld->src->len > AIPOLICY_MAX_FILE) {
		if (!source_position(ld->src, AIPOLICY_MAX_FILE, &line,
		    &column)) {
			ld->oom = true;
			return false;
		}
		early_error(ld, line, column,
		    "the file is larger than 64 MiB (%zu bytes)", ld->src->len);
		return false;
	}
	if (ld->src->len == ld->src->bom) {
		early_error(ld, 1, 1, "the file is empty: a %s is a mapping "
		    "that starts with '%s'", ld->r.kind, ld->r.first_key);
		return false;
	}
	return check_encoding(ld);
}

/* Free what only the load needed. */
static void
loader_release(struct loader *ld)
{
	aipolicy_diags_release(&ld->late);
	arena_release(&ld->scratch);
	strindex_release(&ld->bad_keys);
	free(ld->bad_keys_at);
	free(ld->named);
	free(ld->named_said);
	free(ld->nkeys);
	free(ld->ikeys);
	free(ld->inlined);
	free(ld->inlined_at);
	free(ld->tests);
	free(ld->targets);
	free(ld->tanswers);
	free(ld->expects);
	free(ld->answers);
	free(ld->reports);
	free(ld->conditions);
}

/* Load the file SRC (taken: the policy keeps it, or it is freed) named
 * NAME; a valid policy is hashed when FLAGS ask for it. */
static enum aipolicy_status
load_source(const char *name, struct source *src, unsigned flags,
    struct aipolicy **out, struct aipolicy_diags *d)
{
	struct loader ld;
	struct aipolicy *p = calloc(1, sizeof *p);
	bool read_whole = false;

	if (p == NULL || (p->priv = calloc(1, sizeof *p->priv)) == NULL) {
		free(p);
		source_release(src);
		return AIPOLICY_NOMEM;
	}
	arena_init(&p->priv->arena);
	arena_init(&p->priv->answers);
	arena_init(&p->priv->ids);
	p->priv->src = *src;
	memset(&ld, 0, sizeof ld);
	ld.src = &p->priv->src;
	ld.d = d;
	ld.errors_before = d->nerrors;
	aipolicy_diags_init(&ld.late, d->file);
	arena_init(&ld.scratch);
	ld.p = p;
	ld.arena = &p->priv->arena;
	p->file = arena_strndup(ld.arena, name, strlen(name));
	ld.oom = p->file == NULL;
	ld.r.kind = "policy";
	ld.r.first_key = "aipolicy: 1";
	if (!ld.oom && load_check_bytes(&ld)) {
		if (yread_init(&ld.r, ld.src, d) != 0) {
			ld.oom = true;
		} else {
			read_whole = schema_document(&ld);
			ld.oom = ld.oom || ld.r.oom;
			/* A translation's names are not the policy's. */
			if (read_whole && !ld.oom && !ld.translation)
				link_policy(&ld);
			yread_release(&ld.r);
		}
	}
	/* Format errors are told only for a file that is valid YAML. */
	if (read_whole && !ld.oom)
		aipolicy_diags_take(d, &ld.late);
	/* A diagnostic lost for want of memory: the machine's trouble. */
	ld.oom = ld.oom || d->nomem || ld.late.nomem;
	loader_release(&ld);
	if (ld.oom || d->nerrors > ld.errors_before) {
		aipolicy_free(p);
		return ld.oom ? AIPOLICY_NOMEM : AIPOLICY_INVALID;
	}
	if (flags & AIPOLICY_LOAD_DIGEST)
		sha256_hex(ld.src->text, ld.src->len, p->sha256);
	*out = p;
	return AIPOLICY_OK;
}

enum aipolicy_status
aipolicy_load_buffer(const char *name, const char *buf, size_t len,
    struct aipolicy **out, struct aipolicy_diags *d)
{
	struct source src;

	*out = NULL;
	if (source_copy(&src, buf, len) != 0)
		return AIPOLICY_NOMEM;
	return load_source(name, &src, AIPOLICY_LOAD_DIGEST, out, d);
}

enum aipolicy_status
aipolicy_load_file(const char *path, struct aipolicy **out,
    struct aipolicy_diags *d)
{
	return aipolicy_load_file_with(path, AIPOLICY_LOAD_DIGEST, out, d);
}

enum aipolicy_status
aipolicy_load_file_with(const char *path, unsigned flags, struct aipolicy **out,
    struct aipolicy_diags *d)
{
	struct source src;

	*out = NULL;
	switch (source_read(&src, path, AIPOLICY_MAX_FILE)) {
	case SOURCE_OK:
		return load_source(path, &src, flags, out, d);
	case SOURCE_NOMEM:
		return AIPOLICY_NOMEM;
	default:
		return AIPOLICY_CANNOT_OPEN;
	}
}

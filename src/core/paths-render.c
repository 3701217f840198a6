/*
 * paths-render.c: the decision table as TSV or JSON (paths.h). Each
 * answer's piece of a row ("q=a" or {"question": ..., "answer": ...}) and
 * each outcome's end of a row are encoded once, when the renderer is made:
 * a row is then a few copies, however many rows there are.
 */
#include <stdlib.h>
#include <string.h>

#include "core/paths.h"
#include "show.h"

/* An encoded piece of text; not NUL-terminated. */
struct piece {
	const char *s;
	size_t len;
};

struct paths_render {
	const struct aipolicy *p;
	enum paths_format format;
	struct arena arena;
	struct piece **answer;   /* per question and answer: its step */
	struct piece *outcome;   /* per outcome: the end of its row */
	size_t rows;             /* rows rendered so far */
};

static int append(char **out, size_t *len, size_t *cap, const char *s,
    size_t n);
static void tsv_escape(struct buf *b, const char *s);
static struct piece finish_piece(struct paths_render *pr, struct buf *b);
static int encode_answers(struct paths_render *pr);
static int encode_outcomes(struct paths_render *pr);

/* Append N bytes at S to the caller's buffer; 0, or -1 when out of
 * memory. The buffer stays NUL-terminated. */
static int
append(char **out, size_t *len, size_t *cap, const char *s, size_t n)
{
	size_t ncap;
	char *p;

	if (*cap - *len <= n) {
		ncap = *cap ? *cap : 4096;
		while (ncap - *len <= n)
			ncap *= 2;
		p = realloc(*out, ncap);
		if (p == NULL)
			return -1;
		*out = p;
		*cap = ncap;
	}
	memcpy(*out + *len, s, n);
	*len += n;
	(*out)[*len] = '\0';
	return 0;
}

/* Append S with '\', ';', '=', tab and newline escaped. */
static void
tsv_escape(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '\\': buf_adds(b, "\\\\"); break;
		case ';': buf_adds(b, "\\;"); break;
		case '=': buf_adds(b, "\\="); break;
		case '\t': buf_adds(b, "\\t"); break;
		case '\n': buf_adds(b, "\\n"); break;
		default: buf_addc(b, *s);
		}
	}
}

/* B's content moved into PR's arena (B is emptied); a piece with S NULL
 * when out of memory. */
static struct piece
finish_piece(struct paths_render *pr, struct buf *b)
{
	struct piece pc = { NULL, 0 };

	if (!b->failed) {
		pc.s = arena_strndup(&pr->arena, b->data ? b->data : "",
		    b->len);
		pc.len = b->len;
	}
	buf_release(b);
	return pc;
}

static int
encode_answers(struct paths_render *pr)
{
	const struct aipolicy *p = pr->p;
	struct buf b;
	size_t q, a;

	pr->answer = arena_alloc(&pr->arena, (p->nquestions + 1) *
	    sizeof *pr->answer);
	if (pr->answer == NULL)
		return -1;
	for (q = 0; q < p->nquestions; q++) {
		const struct aipolicy_question *qq = &p->questions[q];
		pr->answer[q] = arena_alloc(&pr->arena, qq->nanswers *
		    sizeof **pr->answer);
		if (pr->answer[q] == NULL)
			return -1;
		for (a = 0; a < qq->nanswers; a++) {
			buf_init(&b);
			if (pr->format == PATHS_TSV) {
				tsv_escape(&b, qq->id);
				buf_addc(&b, '=');
				tsv_escape(&b, qq->answers[a].key);
			} else {
				buf_adds(&b, "{\"question\": ");
				show_json(&b, qq->id);
				buf_adds(&b, ", \"answer\": ");
				show_json(&b, qq->answers[a].key);
				buf_addc(&b, '}');
			}
			pr->answer[q][a] = finish_piece(pr, &b);
			if (pr->answer[q][a].s == NULL)
				return -1;
		}
	}
	return 0;
}

static int
encode_outcomes(struct paths_render *pr)
{
	const struct aipolicy *p = pr->p;
	struct buf b;
	size_t i;

	pr->outcome = arena_alloc(&pr->arena, (p->noutcomes + 1) *
	    sizeof *pr->outcome);
	if (pr->outcome == NULL)
		return -1;
	for (i = 0; i < p->noutcomes; i++) {
		const struct aipolicy_outcome *o = &p->outcomes[i];
		buf_init(&b);
		if (pr->format == PATHS_TSV) {
			buf_addf(&b, "\t%s\t", aipolicy_verdict_id(o->verdict));
			tsv_escape(&b, o->id);
			buf_addc(&b, '\n');
		} else {
			buf_addf(&b, "], \"verdict\": \"%s\", \"outcome\": ",
			    aipolicy_verdict_id(o->verdict));
			show_json(&b, o->id);
			buf_addc(&b, '}');
		}
		pr->outcome[i] = finish_piece(pr, &b);
		if (pr->outcome[i].s == NULL)
			return -1;
	}
	return 0;
}

struct paths_render *
paths_render_new(const struct aipolicy *p, enum paths_format format)
{
	struct paths_render *pr = calloc(1, sizeof *pr);

	if (pr == NULL)
		return NULL;
	pr->p = p;
	pr->format = format;
	arena_init(&pr->arena);
	if (encode_answers(pr) != 0 || encode_outcomes(pr) != 0) {
		paths_render_free(pr);
		return NULL;
	}
	return pr;
}

void
paths_render_free(struct paths_render *pr)
{
	if (pr == NULL)
		return;
	arena_release(&pr->arena);
	free(pr);
}

int
paths_render_begin(struct paths_render *pr, char **out, size_t *len,
    size_t *cap)
{
	static const char header[] = "path\tverdict\toutcome\n";

	pr->rows = 0;
	if (pr->format == PATHS_TSV)
		return append(out, len, cap, header, sizeof header - 1);
	return append(out, len, cap, "[", 1);
}

int
paths_render_row(struct paths_render *pr, const struct paths_row *row,
    char **out, size_t *len, size_t *cap)
{
	static const char first[] = "{\"path\": [";
	static const char later[] = ", {\"path\": [";
	bool tsv = pr->format == PATHS_TSV;
	const struct piece *pc;
	size_t i;
	int rc = 0;

	if (!tsv && pr->rows == 0)
		rc = append(out, len, cap, first, sizeof first - 1);
	else if (!tsv)
		rc = append(out, len, cap, later, sizeof later - 1);
	for (i = 0; i < row->nsteps && rc == 0; i++) {
		if (i > 0 && tsv)
			rc = append(out, len, cap, ";", 1);
		else if (i > 0)
			rc = append(out, len, cap, ", ", 2);
		pc = &pr->answer[row->steps[i].question][row->steps[i].answer];
		if (rc == 0)
			rc = append(out, len, cap, pc->s, pc->len);
	}
	pc = &pr->outcome[row->outcome - pr->p->outcomes];
	if (rc == 0)
		rc = append(out, len, cap, pc->s, pc->len);
	pr->rows++;
	return rc;
}

int
paths_render_end(struct paths_render *pr, char **out, size_t *len,
    size_t *cap)
{
	if (pr->format == PATHS_TSV)
		return 0;
	return append(out, len, cap, "]\n", 2);
}

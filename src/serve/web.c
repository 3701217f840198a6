/*
 * web.c: the walk in a web browser. The answers so far are the whole
 * state, in the URL (/walk?lang=de&Q1=A1&Q2=A2...), evaluated as check
 * evaluates them: the page shows the next question (also when it narrows
 * a worst case down, as ask does), or the verdict in the words of the
 * core's presentation (present.h). Forms submit with GET, carrying the
 * language asked for and the earlier answers as hidden fields before the
 * radios, so that the URL keeps their order; nothing is kept on the
 * server, and no script is served.
 *
 * A page is in the language of its request (reqlang.c): the policy's
 * texts as that language's translation shows them, the program's words
 * from its table of words.h. Answers are shown as the language shows
 * them; links and forms carry their keys.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/logwrite.h"
#include "core/present.h"
#include "aipolicy/result.h"
#include "core/text.h"
#include "core/words.h"
#include "html.h"
#include "respond.h"

/* The front end named in the decision log. */
#define LOG_VIA "serve"
/* Room for a message about the URL that quotes a question id. */
#define MSG_SIZE 300
/* What add_outcome of present.c begins a condition's line with. */
#define LIST_ITEM  "  - "

/* The walk of a request. */
struct walk {
	const struct aipolicy *p;    /* the policy as shown */
	const struct words *words;   /* the program's words on the page */
	struct reqlang_page lang;    /* the page's language */
	const char *link_lang;       /* what links carry as ?lang=, or NULL */
	struct html_lang *langs;     /* the languages there are */
	size_t nlangs;
	struct html_answer *answers; /* the URL's answers, in order (keys
	                              * for those that name one) */
	struct aipolicy_given *given; /* the same, for the walker */
	size_t n;
	struct aipolicy_walk_result r;
	char *banner;                /* the date warning, or NULL */
};

/* What the previous line of a converted present opened. */
struct lines_state {
	const char *close;           /* its closing tag, or NULL */
	bool in_list;
};

static int walk_init(struct walk *w, struct served *s,
    const struct serve_request *rq, struct serve_response *rs,
    aipolicy_date_t today);
static void walk_release(struct walk *w);
static void page_begin(struct buf *b, const struct walk *w,
    const char *title, size_t nanswers);
static int banner(struct walk *w, aipolicy_date_t today);
static int collect(const struct aipolicy *p, const struct serve_request *rq,
    struct walk *w, char *msg, size_t msgsz);
static void error_page(struct serve_response *rs, const struct walk *w,
    const char *msg);
static void question_page(struct serve_response *rs, struct walk *w,
    uint32_t q, bool narrowing);
static void verdict_page(struct serve_response *rs, struct walk *w);
static void answers_list(struct buf *b, const struct walk *w);
static void add_line(struct buf *b, struct lines_state *ls,
    const struct present_line *l);
static void close_line(struct buf *b, struct lines_state *ls, bool list);
static const char *role_tag(enum present_role role);
static bool is_path_line(const struct walk *w, const struct present_line *l);
static void add_choice(struct buf *b, const char *name, size_t nlen,
    const char *value, size_t vlen, const char *label, const char *id);
static void add_form(struct buf *b, const struct walk *w,
    const struct aipolicy_question *qu);
static void log_verdict(struct server *srv, struct served *s,
    const struct serve_request *rq, const struct walk *w,
    struct serve_response *rs);

/* To /walk, in the language ?lang= names (when there is one). */
void
web_root(struct served *s, const struct serve_request *rq,
    struct serve_response *rs)
{
	static const char body[] = "See /walk\n";
	struct reqlang_page lp;

	rs->location = "/walk";
	if (reqlang_page(s, rq, &lp, rs) != 0) {
		serve_response_nomem(rs);
		return;
	}
	if (lp.asked) {
		snprintf(rs->location_buf, sizeof rs->location_buf,
		    "/walk?%s=%s", SERVED_LANG_PARAM, lp.lang->tag);
		rs->location = rs->location_buf;
	}
	free(lp.unknown);
	rs->vary_language = false;
	rs->status = HTTP_SEE_OTHER;
	rs->content_type = TYPE_TEXT;
	rs->body = (char *)body;
	rs->len = sizeof body - 1;
	rs->body_static = true;
}

/* W for request RQ on S: its language (RS told whether Accept-Language
 * chose it), the policy and words in it, the languages to link to, the
 * banner as of TODAY. 0, or -1 when out of memory (release W then too). */
static int
walk_init(struct walk *w, struct served *s, const struct serve_request *rq,
    struct serve_response *rs, aipolicy_date_t today)
{
	size_t i;

	memset(w, 0, sizeof *w);
	if (reqlang_page(s, rq, &w->lang, rs) != 0)
		return -1;
	w->p = w->lang.lang->view;
	w->words = w->lang.lang->words;
	w->link_lang = w->lang.asked ? w->lang.lang->tag : NULL;
	/* Links to languages need ?lang=: none when it is an answer. */
	w->nlangs = s->lang_param ? s->nlangs : 0;
	w->langs = calloc(w->nlangs ? w->nlangs : 1, sizeof *w->langs);
	if (w->langs == NULL)
		return -1;
	for (i = 0; i < w->nlangs; i++)
		w->langs[i] = (struct html_lang){ s->langs[i].tag,
		    s->langs[i].name };
	return banner(w, today);
}

static void
walk_release(struct walk *w)
{
	free(w->lang.unknown);
	free(w->langs);
	free(w->banner);
	free(w->answers);
	free(w->given);
}

/* The start of a page of W titled TITLE whose links to the other
 * languages keep the first NANSWERS answers of the URL. */
static void
page_begin(struct buf *b, const struct walk *w, const char *title,
    size_t nanswers)
{
	struct html_page pg = {
		.words = w->words, .p = w->p, .lang = w->lang.lang->tag,
		.title = title, .banner = w->banner,
		.unknown = w->lang.unknown, .langs = w->langs,
		.nlangs = w->nlangs, .answers = w->answers,
		.nanswers = nanswers,
	};

	html_begin(b, &pg);
}

/* The banner of a stale or not yet valid policy, in the words ask shows
 * it in, into w->banner (NULL when the dates are in order). 0, or -1 when
 * out of memory. */
static int
banner(struct walk *w, aipolicy_date_t today)
{
	struct present pr;
	int rc;

	present_init(&pr, 0, 0);
	present_set_words(&pr, w->words);
	rc = present_dates(&pr, w->p, today);
	if (rc == 0 && pr.n > 0) {
		w->banner = strdup(pr.lines[0].text);
		rc = w->banner != NULL ? 0 : -1;
	}
	present_release(&pr);
	return rc;
}

/*
 * The URL's parameters that are question ids, in order, into W, each
 * answer that names one of its question's as that answer's key. 0; 1
 * with a message for a 400 page in MSG; -1 when out of memory.
 */
static int
collect(const struct aipolicy *p, const struct serve_request *rq,
    struct walk *w, char *msg, size_t msgsz)
{
	bool *seen = calloc(p->nquestions ? p->nquestions : 1, sizeof *seen);
	size_t i, n = rq->nargs ? rq->nargs : 1;
	int64_t q, m;

	w->answers = calloc(n, sizeof *w->answers);
	w->given = calloc(n, sizeof *w->given);
	if (seen == NULL || w->answers == NULL || w->given == NULL) {
		free(seen);
		return -1;
	}
	for (i = 0; i < rq->nargs && msg[0] == '\0'; i++) {
		const struct serve_arg *a = &rq->args[i];
		const char *v = a->value != NULL ? a->value : "";
		size_t vlen = a->value != NULL ? a->value_len : 0;

		if (memchr(a->name, '\0', a->name_len) != NULL ||
		    memchr(v, '\0', vlen) != NULL) {
			snprintf(msg, msgsz, "%s", words_text(w->words,
			    WORD_WEB_NUL));
			break;
		}
		q = aipolicy_find_question(p, a->name, a->name_len);
		if (q < 0)
			continue;
		if (seen[q]) {
			snprintf(msg, msgsz, words_text(w->words,
			    WORD_WEB_TWICE), p->questions[q].id);
			break;
		}
		seen[q] = true;
		m = aipolicy_question_match(&p->questions[q], v, vlen);
		if (m >= 0) {
			v = p->questions[q].answers[m].key;
			vlen = strlen(v);
		}
		w->answers[w->n] = (struct html_answer){ a->name, v,
		    a->name_len, vlen };
		w->given[w->n] = (struct aipolicy_given){ a->name,
		    a->name_len, v, vlen };
		w->n++;
	}
	free(seen);
	return msg[0] != '\0';
}

/* A 400 page: MSG (what is wrong with the URL) and a way to start. */
static void
error_page(struct serve_response *rs, const struct walk *w, const char *msg)
{
	struct buf b;

	buf_init(&b);
	page_begin(&b, w, words_text(w->words, WORD_WEB_NOT_A_WALK), 0);
	buf_adds(&b, "<h1>");
	html_texts(&b, words_text(w->words, WORD_WEB_CANNOT_FOLLOW));
	buf_adds(&b, "</h1>\n<p class=\"error\">");
	html_texts(&b, msg);
	buf_adds(&b, "</p>\n<nav>\n<a href=\"");
	html_walk_url(&b, w->link_lang, NULL, 0);
	buf_adds(&b, "\">");
	html_texts(&b, words_text(w->words, WORD_WEB_START_AGAIN));
	buf_adds(&b, "</a>\n</nav>\n");
	html_end(&b);
	respond_body(rs, HTTP_BAD_REQUEST, TYPE_HTML, &b);
}

static void
add_choice(struct buf *b, const char *name, size_t nlen, const char *value,
    size_t vlen, const char *label, const char *id)
{
	buf_adds(b, "<div class=\"choice\"><input type=\"radio\" name=\"");
	html_attr(b, name, nlen);
	buf_addf(b, "\" id=\"%s\" value=\"", id);
	html_attr(b, value, vlen);
	buf_addf(b, "\" required><label for=\"%s\">", id);
	html_texts(b, label);
	buf_adds(b, "</label></div>\n");
}

/* The form of question QU: the language asked for and the URL's answers
 * as hidden fields, then the question, its help and a radio per answer
 * (its key sent, its text as shown), "Not sure" last. */
static void
add_form(struct buf *b, const struct walk *w,
    const struct aipolicy_question *qu)
{
	char id[32];
	size_t i;

	buf_adds(b, "<form method=\"get\" action=\"/walk\">\n");
	if (w->link_lang != NULL) {
		buf_adds(b, "<input type=\"hidden\" name=\"" SERVED_LANG_PARAM
		    "\" value=\"");
		html_attr(b, w->link_lang, strlen(w->link_lang));
		buf_adds(b, "\">\n");
	}
	for (i = 0; i < w->n; i++) {
		buf_adds(b, "<input type=\"hidden\" name=\"");
		html_attr(b, w->answers[i].question,
		    w->answers[i].question_len);
		buf_adds(b, "\" value=\"");
		html_attr(b, w->answers[i].answer, w->answers[i].answer_len);
		buf_adds(b, "\">\n");
	}
	buf_adds(b, "<fieldset>\n<legend><h1>");
	html_texts(b, qu->ask);
	buf_adds(b, "</h1></legend>\n");
	if (qu->help != NULL) {
		buf_adds(b, "<p class=\"help\">");
		html_texts(b, qu->help);
		buf_adds(b, "</p>\n");
	}
	for (i = 0; i < qu->nanswers; i++) {
		snprintf(id, sizeof id, "answer-%zu", i + 1);
		add_choice(b, qu->id, strlen(qu->id), qu->answers[i].key,
		    strlen(qu->answers[i].key), qu->answers[i].shown, id);
	}
	add_choice(b, qu->id, strlen(qu->id), "?", 1, words_text(w->words,
	    WORD_NOT_SURE), "answer-not-sure");
	buf_adds(b, "</fieldset>\n<button type=\"submit\">");
	html_texts(b, words_text(w->words, WORD_WEB_CONTINUE));
	buf_adds(b, "</button>\n</form>\n");
}

/* The page of question Q (NARROWING: it may lower w's worst case). */
static void
question_page(struct serve_response *rs, struct walk *w, uint32_t q,
    bool narrowing)
{
	const struct aipolicy_question *qu = &w->p->questions[q];
	struct present pr;
	struct buf b;

	buf_init(&b);
	page_begin(&b, w, qu->label, w->n);
	if (narrowing) {
		present_init(&pr, 0, 0);
		present_set_words(&pr, w->words);
		if (present_narrowing(&pr, &w->r) != 0 || pr.n == 0)
			b.failed = true;
		else {
			buf_adds(&b, "<p class=\"warning\">");
			html_texts(&b, pr.lines[0].text);
			buf_adds(&b, "</p>\n");
		}
		present_release(&pr);
	}
	add_form(&b, w, qu);
	buf_adds(&b, "<nav>\n");
	if (w->n > 0) {
		buf_adds(&b, "<a href=\"");
		html_walk_url(&b, w->link_lang, w->answers, w->n - 1);
		buf_adds(&b, "\">");
		html_texts(&b, words_text(w->words, WORD_WEB_BACK));
		buf_adds(&b, "</a>\n<a href=\"");
		html_walk_url(&b, w->link_lang, NULL, 0);
		buf_adds(&b, "\">");
		html_texts(&b, words_text(w->words, WORD_WEB_START_AGAIN));
		buf_adds(&b, "</a>\n");
	}
	buf_adds(&b, "</nav>\n<footer><p>");
	html_texts(&b, words_text(w->words, WORD_QUESTIONS_LABEL));
	buf_addc(&b, ' ');
	html_texts(&b, w->p->owner);
	buf_adds(&b, "</p></footer>\n");
	html_end(&b);
	respond_body(rs, HTTP_OK, TYPE_HTML, &b);
}

/* The element a line of ROLE is shown in. */
static const char *
role_tag(enum present_role role)
{
	switch (role) {
	case PRESENT_FREE:
		return "h1 class=\"verdict verdict-free\"";
	case PRESENT_REVIEW:
		return "h1 class=\"verdict verdict-review\"";
	case PRESENT_STOP:
		return "h1 class=\"verdict verdict-stop\"";
	case PRESENT_WARNING:
		return "p class=\"warning\"";
	case PRESENT_STRONG:
		return "p class=\"strong\"";
	case PRESENT_HINT:
		return "p class=\"hint\"";
	default:
		return "p";
	}
}

/* Close what the previous line opened (and the list, unless LIST). */
static void
close_line(struct buf *b, struct lines_state *ls, bool list)
{
	if (ls->close != NULL)
		buf_adds(b, ls->close);
	ls->close = NULL;
	if (ls->in_list && !list) {
		buf_adds(b, "</ul>\n");
		ls->in_list = false;
	}
}

/*
 * One line of a present as HTML: "  - " items as a list, an indented line
 * as the continuation of the line before, any other line as an element of
 * its role.
 */
static void
add_line(struct buf *b, struct lines_state *ls,
    const struct present_line *l)
{
	static const char *const heading_close = "</h1>\n";
	const char *tag;
	size_t skip;

	if (strncmp(l->text, LIST_ITEM, strlen(LIST_ITEM)) == 0) {
		close_line(b, ls, true);
		if (!ls->in_list)
			buf_adds(b, "<ul>\n");
		ls->in_list = true;
		buf_adds(b, "<li>");
		html_text(b, l->text + strlen(LIST_ITEM),
		    l->len - strlen(LIST_ITEM));
		ls->close = "</li>\n";
		return;
	}
	if (l->text[0] == ' ' && ls->close != NULL) {
		skip = strspn(l->text, " ");
		buf_adds(b, "<br>");
		html_text(b, l->text + skip, l->len - skip);
		return;
	}
	close_line(b, ls, false);
	tag = role_tag(l->role);
	buf_addf(b, "<%s>", tag);
	html_text(b, l->text, l->len);
	ls->close = tag[0] == 'h' ? heading_close : "</p>\n";
}

/* "Your answers": each answer of the URL with a link to change it, then
 * the answers a worst case assumed for questions the URL does not
 * answer. */
static void
answers_list(struct buf *b, const struct walk *w)
{
	const struct aipolicy_walk_result *r = &w->r;
	const struct aipolicy_question *qu;
	size_t i, k;
	int64_t q, a;
	bool given;

	buf_adds(b, "<h2>");
	html_texts(b, words_text(w->words, WORD_WEB_YOUR_ANSWERS));
	buf_adds(b, "</h2>\n<ol class=\"answers\">\n");
	for (i = 0; i < w->n; i++) {
		q = aipolicy_find_question(w->p, w->given[i].question,
		    w->given[i].question_len);
		qu = &w->p->questions[q];
		buf_adds(b, "<li><span class=\"question\">");
		html_texts(b, qu->label);
		buf_adds(b, "</span> <span class=\"answer\">");
		if (aipolicy_given_is_unsure(&w->given[i])) {
			html_texts(b, words_text(w->words, WORD_NOT_SURE));
			for (k = 0; k < r->npath; k++) {
				if (r->path[k].question != (uint32_t)q)
					continue;
				a = r->path[k].answer;
				buf_adds(b, " (");
				html_texts(b, words_text(w->words,
				    WORD_WEB_ASSUMED));
				buf_addc(b, ' ');
				html_texts(b, qu->answers[a].shown);
				buf_addc(b, ')');
			}
		} else {
			a = aipolicy_question_match(qu, w->given[i].answer,
			    w->given[i].answer_len);
			html_texts(b, a >= 0 ? qu->answers[a].shown : "?");
		}
		buf_adds(b, "</span> <a href=\"");
		html_walk_url(b, w->link_lang, w->answers, i);
		buf_adds(b, "\">");
		html_texts(b, words_text(w->words, WORD_WEB_CHANGE));
		buf_adds(b, "<span class=\"hidden\"> ");
		html_texts(b, qu->label);
		buf_adds(b, "</span></a></li>\n");
	}
	for (k = 0; k < r->npath; k++) {
		qu = &w->p->questions[r->path[k].question];
		given = false;
		for (i = 0; i < w->n && !given; i++)
			given = aipolicy_find_question(w->p,
			    w->given[i].question, w->given[i].question_len) ==
			    (int64_t)r->path[k].question;
		if (given)
			continue;
		buf_adds(b, "<li class=\"assumed\"><span class=\"question\">");
		html_texts(b, qu->label);
		buf_adds(b, "</span> <span class=\"answer\">");
		html_texts(b, qu->answers[r->path[k].answer].shown);
		buf_adds(b, "</span> ");
		html_texts(b, words_text(w->words, WORD_NOT_SURE_MARK));
		buf_adds(b, "</li>\n");
	}
	buf_adds(b, "</ol>\n");
}

/* is_path_line: L is the line of answers of a present in w's words
 * ("Your answers: ..."). */
static bool
is_path_line(const struct walk *w, const struct present_line *l)
{
	const char *label = words_text(w->words, WORD_YOUR_ANSWERS_LABEL);
	size_t n = strlen(label);

	return strncmp(l->text, label, n) == 0 && l->text[n] == ' ';
}

/* The verdict page: the present of w's result, its line of answers
 * replaced by the list with links. */
static void
verdict_page(struct serve_response *rs, struct walk *w)
{
	struct lines_state ls = { NULL, false };
	struct present pr;
	struct buf b, title;
	size_t i;

	present_init(&pr, 0, 0);
	present_set_words(&pr, w->words);
	buf_init(&b);
	if (present_result(&pr, w->p, &w->r, w->given, w->n, 0) != 0) {
		present_release(&pr);
		serve_response_nomem(rs);
		return;
	}
	buf_init(&title);
	buf_addf(&title, "%s %s", words_text(w->words, w->r.nunsure > 0 ?
	    WORD_WORST_CASE_LABEL : WORD_VERDICT_LABEL),
	    words_verdict(w->words, w->r.outcome->verdict));
	page_begin(&b, w, title.failed ? "" : title.data, w->n);
	if (title.failed)
		b.failed = true;
	buf_release(&title);
	buf_addf(&b, "<section class=\"result result-%s\">\n",
	    aipolicy_verdict_id(w->r.outcome->verdict));
	for (i = 0; i < pr.n; i++) {
		if (pr.lines[i].role == PRESENT_BLANK) {
			close_line(&b, &ls, false);
		} else if (is_path_line(w, &pr.lines[i])) {
			close_line(&b, &ls, false);
			answers_list(&b, w);
		} else {
			add_line(&b, &ls, &pr.lines[i]);
		}
	}
	close_line(&b, &ls, false);
	present_release(&pr);
	buf_adds(&b, "</section>\n<nav>\n<a href=\"");
	html_walk_url(&b, w->link_lang, NULL, 0);
	buf_adds(&b, "\">");
	html_texts(&b, words_text(w->words, WORD_WEB_START_AGAIN));
	buf_adds(&b, "</a>\n</nav>\n");
	html_end(&b);
	respond_body(rs, HTTP_OK, TYPE_HTML, &b);
}

/* The record of w's verdict for the decision log (none without a log,
 * and none for HEAD), into RS. */
static void
log_verdict(struct server *srv, struct served *s,
    const struct serve_request *rq, const struct walk *w,
    struct serve_response *rs)
{
	size_t cap = 0;

	rs->verdicts[w->r.outcome->verdict] = 1;
	if (srv->logq != NULL && !rq->head &&
	    served_log(s, w->lang.lang, &w->r, LOG_VIA, time(NULL),
	    &rs->records, &rs->records_len, &cap) != 0)
		serve_response_nomem(rs);
}

void
web_walk(struct server *srv, struct served *s,
    const struct serve_request *rq, struct serve_response *rs)
{
	struct walk w;
	struct aipolicy_walker *wk = NULL;
	char msg[MSG_SIZE] = "", *bad;
	int rc = -1;

	if (walk_init(&w, s, rq, rs, server_today(srv)) != 0 ||
	    (rc = collect(w.p, rq, &w, msg, sizeof msg)) < 0 ||
	    (rc == 0 && ((wk = served_walker(s, w.lang.lang)) == NULL ||
	    aipolicy_walker_run(wk, w.given, w.n, 0, &w.r) != 0))) {
		serve_response_nomem(rs);
	} else if (rc > 0) {
		error_page(rs, &w, msg);
	} else if (w.r.status == AIPOLICY_WALK_BAD_ANSWER) {
		bad = present_bad_answer(w.words, w.p, &w.given[w.r.bad]);
		if (bad == NULL)
			serve_response_nomem(rs);
		else
			error_page(rs, &w, bad);
		free(bad);
	} else if (w.r.next != AIPOLICY_WALK_NO_NEXT) {
		question_page(rs, &w, w.r.next,
		    w.r.status == AIPOLICY_WALK_VERDICT);
	} else {
		verdict_page(rs, &w);
		if (rs->status == HTTP_OK)
			log_verdict(srv, s, rq, &w, rs);
	}
	if (wk != NULL)
		served_walker_put(s, w.lang.lang, wk);
	walk_release(&w);
}

/*
 * screen.c: the ncurses screens of `aipolicy ask`.
 *
 * A thin layer over struct walk_state: three screens (question, help,
 * verdict), each with one draw function and one key function. Key functions
 * return what must happen (enum action) and tui_run's loop acts on it;
 * KEY_RESIZE and the "Terminal too small" notice are handled in that loop
 * only. Every screen is laid out as a list of lines (struct body) wrapped to
 * the current width and scrolled into the rows between the header and the
 * footer, so a resize simply lays it out again.
 *
 * Colours are roles, defined once in ROLES with a monochrome attribute each;
 * NO_COLOR (set and non-empty) or a terminal without colours uses the
 * monochrome ones. Policy text reaches the terminal only through draw_text,
 * which shows what wrap_char hands out: no control character gets through.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>

#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <wctype.h>

#include "aipolicy/exit.h"
#include "tui.h"
#include "aipolicy/wrap.h"

#define MIN_COLS  40
#define MIN_LINES 10
#define MARGIN    1   /* columns left blank on each side */

/* name, foreground, background, attribute with colours, without */
#define ROLES(X) \
	X(ROLE_NORMAL,   -1,           -1,           A_NORMAL,  A_NORMAL) \
	X(ROLE_HEADER,   COLOR_BLACK,  COLOR_CYAN,   A_NORMAL,  A_REVERSE) \
	X(ROLE_QUESTION, -1,           -1,           A_BOLD,    A_BOLD) \
	X(ROLE_SELECTED, -1,           -1,           A_REVERSE, A_REVERSE) \
	X(ROLE_HINT,     COLOR_CYAN,   -1,           A_NORMAL,  A_DIM) \
	X(ROLE_WARNING,  COLOR_YELLOW, -1,           A_BOLD,    A_BOLD) \
	X(ROLE_FREE,     COLOR_BLACK,  COLOR_GREEN,  A_BOLD,    A_REVERSE | A_BOLD) \
	X(ROLE_REVIEW,   COLOR_BLACK,  COLOR_YELLOW, A_BOLD,    A_REVERSE | A_BOLD) \
	X(ROLE_STOP,     COLOR_WHITE,  COLOR_RED,    A_BOLD,    A_REVERSE | A_BOLD)

enum role {
#define X(name, fg, bg, colour, mono) name,
	ROLES(X)
#undef X
	ROLE_COUNT
};

enum screen_id { SCREEN_QUESTION, SCREEN_HELP, SCREEN_VERDICT };

/* What a key function asks the loop to do. */
enum action { ACT_NONE, ACT_REDRAW, ACT_QUIT };

/* A key: a function key (KEY_*) when fn, else a character. */
struct key {
	bool fn;
	wint_t c;
};

/* One laid-out line of a screen's body. */
struct vline {
	const char *s;          /* text (not owned), LEN bytes */
	size_t len;
	char mark[32];          /* drawn first, e.g. "> 1. " or "Why: " */
	int indent;             /* columns from the margin to the text */
	enum role role;
	bool fill;              /* paint the role across the whole row */
	int item;               /* menu item on the question screen, or -1 */
};

struct body {
	struct vline *v;
	size_t n, cap;
};

/* Characters that depend on whether the terminal speaks UTF-8. */
struct glyphs {
	const char *sep, *arrow, *bullet, *ellipsis, *updown, *left, *dash;
};

struct ui {
	const struct policy *p;
	struct walk_state *ws;
	struct ask_last *last;
	enum screen_id screen;
	size_t sel;             /* the selected menu item */
	size_t scroll;          /* first body line shown */
	struct body body;
	char *header;           /* "title · version V · owner" */
	char *warning;          /* the stale-policy line, or NULL */
	char *ask_owner;        /* "Questions? Ask OWNER" */
	char *path;             /* the answers that led to the verdict */
	bool worst_shown;       /* the verdict screen shows ui->worst */
	struct ask_worst worst; /* the last "Not sure" worst case */
	char worst_heading[128];
	char **notes;           /* worst.nunsure lines (NULL when out of memory) */
};

static attr_t role_attr[ROLE_COUNT];
static struct glyphs g; /* set once by ui_init */

static void roles_init(bool colour);
static char *str_join(const char *a, const char *b, const char *c,
    const char *d, const char *e);
static void draw_text(int y, int x, const char *s, size_t len, int maxw,
    attr_t attr);
static void draw_line(int y, int x, const char *s, int maxw, attr_t attr);
static int content_width(void);
static void body_reset(struct body *b);
static void body_add(struct body *b, const char *s, const char *mark,
    enum role role, int item);
static void body_blank(struct body *b);
static int warning_lines(const struct ui *ui, struct wrap_line *l);
static int draw_frame(struct ui *ui, const char *status, const char *keys);
static void draw_body(struct ui *ui, int top, int rows);
static void draw_too_small(void);
static size_t answer_count(const struct ui *ui);
static size_t menu_count(const struct ui *ui);
static const char *menu_label(const struct ui *ui, size_t i);
static void enter_question(struct ui *ui);
static enum action choose(struct ui *ui, size_t i);
static enum action choose_not_sure(struct ui *ui);
static void worst_release(struct ui *ui);
static bool is_back_key(struct key k);
static bool key_is(struct key k, int fn, wint_t c);
static enum action common_key(struct ui *ui, struct key k);
static void draw_question(struct ui *ui);
static enum action key_question(struct ui *ui, struct key k);
static void draw_help(struct ui *ui);
static enum action key_help(struct ui *ui, struct key k);
static void draw_verdict(struct ui *ui);
static enum action key_verdict(struct ui *ui, struct key k);
static int letter_choice(const struct ui *ui, wint_t c);
static char *path_text(const struct ui *ui);
static bool ui_init(struct ui *ui, const struct policy *p,
    struct walk_state *s, date_t today, struct ask_last *last);
static void ui_release(struct ui *ui);

static const struct {
	void (*draw)(struct ui *);
	enum action (*key)(struct ui *, struct key);
} screens[] = {
	[SCREEN_QUESTION] = { draw_question, key_question },
	[SCREEN_HELP] = { draw_help, key_help },
	[SCREEN_VERDICT] = { draw_verdict, key_verdict },
};

static void roles_init(bool colour)
{
	static const struct {
		short fg, bg;
		attr_t colour, mono;
	} def[ROLE_COUNT] = {
#define X(name, fg, bg, c, m) [name] = { fg, bg, c, m },
		ROLES(X)
#undef X
	};
	bool defaults = false;

	if (colour) {
		start_color();
		defaults = use_default_colors() == OK;
	}
	for (int i = 0; i < ROLE_COUNT; i++) {
		short fg = def[i].fg, bg = def[i].bg;

		if (!colour) {
			role_attr[i] = def[i].mono;
			continue;
		}
		role_attr[i] = def[i].colour;
		if (fg == -1 && bg == -1)
			continue;
		if (!defaults) {
			fg = fg == -1 ? COLOR_WHITE : fg;
			bg = bg == -1 ? COLOR_BLACK : bg;
		}
		if (init_pair((short)(i + 1), fg, bg) == OK)
			role_attr[i] |= COLOR_PAIR(i + 1);
		else
			role_attr[i] = def[i].mono;
	}
}

/* str_join: the concatenation of up to five strings (NULLs skipped); caller
 * owns the result; NULL when out of memory. */
static char *str_join(const char *a, const char *b, const char *c,
    const char *d, const char *e)
{
	const char *part[5] = { a, b, c, d, e };
	size_t n = 1;
	char *s, *o;

	for (int i = 0; i < 5; i++)
		n += part[i] ? strlen(part[i]) : 0;
	if ((s = o = malloc(n)) == NULL)
		return NULL;
	for (int i = 0; i < 5; i++) {
		if (part[i] == NULL)
			continue;
		memcpy(o, part[i], strlen(part[i]));
		o += strlen(part[i]);
	}
	*o = '\0';
	return s;
}

/*
 * draw_text: S (LEN bytes of UTF-8) at Y, X, at most MAXW columns, with
 * ATTR. Only characters that wrap_char made safe are sent; one the locale
 * cannot show becomes '?'.
 */
static void draw_text(int y, int x, const char *s, size_t len, int maxw,
    attr_t attr)
{
	wchar_t buf[128];
	size_t i = 0, n = 0;
	int used = 0, w;

	attrset(attr);
	move(y, x);
	while (i < len) {
		wchar_t c = (wchar_t)wrap_char(s, len, &i, &w);

		if (c >= 0x80 && wcwidth(c) < 0)
			c = L'?';
		if (used + w > maxw)
			break;
		used += w;
		buf[n++] = c;
		if (n == sizeof buf / sizeof buf[0]) {
			addnwstr(buf, (int)n);
			n = 0;
		}
	}
	if (n > 0)
		addnwstr(buf, (int)n);
	attrset(A_NORMAL);
}

/* draw_line: S on one row, cut with an ellipsis when wider than MAXW. */
static void draw_line(int y, int x, const char *s, int maxw, attr_t attr)
{
	size_t len = strlen(s), fit;
	int ew = wrap_width(g.ellipsis, strlen(g.ellipsis)), used;

	if (wrap_width(s, len) <= maxw) {
		draw_text(y, x, s, len, maxw, attr);
		return;
	}
	if (maxw <= ew)
		return;
	fit = wrap_fit(s, len, maxw - ew, &used);
	draw_text(y, x, s, fit, maxw, attr);
	draw_text(y, x + used, g.ellipsis, strlen(g.ellipsis), ew, attr);
}

static int content_width(void)
{
	return COLS - 2 * MARGIN;
}

static void body_reset(struct body *b)
{
	b->n = 0;
}

/*
 * body_add: S wrapped to the content width after MARK (whose width is the
 * indent of every line), each line with ROLE and ITEM. Lines are dropped
 * when out of memory.
 */
static void body_add(struct body *b, const char *s, const char *mark,
    enum role role, int item)
{
	size_t len = strlen(s), n, i;
	int indent = wrap_width(mark, strlen(mark));
	int width = content_width() - indent;
	struct wrap_line *lines;

	n = wrap_text(s, len, width, NULL, 0);
	if (n == 0)
		n = 1;
	if (b->n + n > b->cap) {
		size_t cap = (b->n + n) * 2;
		struct vline *v = realloc(b->v, cap * sizeof *v);

		if (v == NULL)
			return;
		b->v = v;
		b->cap = cap;
	}
	if ((lines = calloc(n, sizeof *lines)) == NULL)
		return;
	wrap_text(s, len, width, lines, n);
	for (i = 0; i < n; i++) {
		struct vline *v = &b->v[b->n++];

		memset(v, 0, sizeof *v);
		v->s = s + lines[i].start;
		v->len = lines[i].len;
		v->indent = indent;
		v->role = role;
		v->item = item;
		if (i == 0)
			snprintf(v->mark, sizeof v->mark, "%s", mark);
	}
	free(lines);
}

static void body_blank(struct body *b)
{
	body_add(b, "", "", ROLE_NORMAL, -1);
}

/*
 * draw_frame: clears the screen and draws what every screen has: the
 * header, the stale warning, the STATUS line and the KEYS footer. Returns
 * the first row of the body.
 */
/* warning_lines: the stale warning wrapped into at most 3 lines in L
 * (NULL to only count them); 0 when the policy is not stale. */
static int warning_lines(const struct ui *ui, struct wrap_line *l)
{
	struct wrap_line tmp[3];
	size_t n;

	if (ui->warning == NULL)
		return 0;
	n = wrap_text(ui->warning, strlen(ui->warning), content_width(),
	    l != NULL ? l : tmp, 3);
	return n > 3 ? 3 : (int)n;
}

static int draw_frame(struct ui *ui, const char *status, const char *keys)
{
	struct wrap_line l[3];
	int row = 1, n = warning_lines(ui, l);

	erase();
	mvhline(0, 0, ' ' | role_attr[ROLE_HEADER], COLS);
	draw_line(0, MARGIN, ui->header, content_width(),
	    role_attr[ROLE_HEADER]);
	for (int i = 0; i < n; i++, row++)
		draw_text(row, MARGIN, ui->warning + l[i].start, l[i].len,
		    content_width(), role_attr[ROLE_WARNING]);
	if (status != NULL)
		draw_line(LINES - 2, MARGIN, status, content_width(),
		    role_attr[ROLE_HINT]);
	draw_line(LINES - 1, MARGIN, keys, content_width(),
	    role_attr[ROLE_HINT]);
	return row + 1;
}

/* draw_body: the body lines from ui->scroll on, in ROWS rows from TOP. */
static void draw_body(struct ui *ui, int top, int rows)
{
	struct body *b = &ui->body;

	if (rows < 1)
		return;
	if (b->n <= (size_t)rows)
		ui->scroll = 0;
	else if (ui->scroll > b->n - (size_t)rows)
		ui->scroll = b->n - (size_t)rows;
	for (int r = 0; r < rows && ui->scroll + (size_t)r < b->n; r++) {
		const struct vline *v = &b->v[ui->scroll + (size_t)r];
		attr_t a = role_attr[v->role];
		int y = top + r;

		if (v->fill)
			mvhline(y, 0, ' ' | a, COLS);
		if (v->mark[0] != '\0')
			draw_text(y, MARGIN, v->mark, strlen(v->mark),
			    v->indent, a);
		draw_text(y, MARGIN + v->indent, v->s, v->len,
		    content_width() - v->indent, a);
	}
}

static void draw_too_small(void)
{
	erase();
	mvaddstr(0, 0, "Terminal too small");
	if (LINES > 1)
		mvprintw(1, 0, "(needs %dx%d)", MIN_COLS, MIN_LINES);
	refresh();
}

/*
 * The menu of the question screen: the current question's answers, in the
 * policy's order, then "Not sure" (which no letter chooses).
 */
static size_t answer_count(const struct ui *ui)
{
	return ui->p->questions[ui->ws->current].nanswers;
}

static size_t menu_count(const struct ui *ui)
{
	return answer_count(ui) + 1;
}

static const char *menu_label(const struct ui *ui, size_t i)
{
	if (i == answer_count(ui))
		return ASK_NOT_SURE;
	return ui->p->questions[ui->ws->current].answers[i].key;
}

/* enter_question: show the current question with the answer chosen there
 * before (if any) selected. */
static void enter_question(struct ui *ui)
{
	int32_t c = ui->ws->chosen[ui->ws->current];

	ui->screen = SCREEN_QUESTION;
	ui->sel = c >= 0 && (size_t)c < answer_count(ui) ? (size_t)c : 0;
	ui->scroll = 0;
	ui->worst_shown = false;
}

/* choose: answer menu item I; on to the next question or the verdict. */
static enum action choose(struct ui *ui, size_t i)
{
	if (i >= menu_count(ui))
		return ACT_NONE;
	if (i == answer_count(ui))
		return choose_not_sure(ui);
	walk_state_answer(ui->ws, (uint32_t)i);
	if (ui->ws->outcome == NULL) {
		enter_question(ui);
		return ACT_REDRAW;
	}
	ask_last_record(ui->last, ui->ws); /* out of memory: not logged */
	free(ui->path);
	ui->path = path_text(ui);
	ui->screen = SCREEN_VERDICT;
	ui->scroll = 0;
	return ACT_REDRAW;
}

/* choose_not_sure: the worst case for the answers so far and "?" here, on
 * the verdict screen; the walk stays at this question. Out of memory:
 * a beep and nothing else. */
static enum action choose_not_sure(struct ui *ui)
{
	struct ask_worst w;

	if (ask_worst_compute(ui->p, ui->ws, &w) != 0) {
		beep();
		return ACT_NONE;
	}
	worst_release(ui);
	ui->worst = w;
	/* out of memory: not logged */
	ask_last_record_worst(ui->last, &ui->worst);
	ask_worst_heading(&w, ui->worst_heading, sizeof ui->worst_heading);
	if ((ui->notes = calloc(w.nunsure ? w.nunsure : 1,
	    sizeof *ui->notes)) != NULL)
		for (size_t i = 0; i < w.nunsure; i++)
			ui->notes[i] = ask_worst_note(ui->p, &w, i, g.dash);
	free(ui->path);
	ui->path = ask_path_text(ui->p, w.path, w.npath, w.unsure, w.nunsure,
	    g.arrow);
	ui->worst_shown = true;
	ui->screen = SCREEN_VERDICT;
	ui->scroll = 0;
	return ACT_REDRAW;
}

/* worst_release: forget the worst case and its texts. */
static void worst_release(struct ui *ui)
{
	if (ui->notes != NULL)
		for (size_t i = 0; i < ui->worst.nunsure; i++)
			free(ui->notes[i]);
	free(ui->notes);
	ui->notes = NULL;
	ask_worst_release(&ui->worst);
	ui->worst_shown = false;
}

/* key_is: K is the function key FN or the character C (0: none). */
static bool key_is(struct key k, int fn, wint_t c)
{
	return k.fn ? fn != 0 && k.c == (wint_t)fn : c != 0 && k.c == c;
}

static bool is_back_key(struct key k)
{
	return key_is(k, KEY_BACKSPACE, 'b') || key_is(k, KEY_LEFT, 127) ||
	    key_is(k, 0, 8);
}

/* common_key: back, restart and quit, the same on the question and the
 * verdict screen. ACT_NONE when K is none of them. */
static enum action common_key(struct ui *ui, struct key k)
{
	if (is_back_key(k)) {
		if (!walk_state_back(ui->ws))
			return ACT_NONE;
		enter_question(ui);
		return ACT_REDRAW;
	}
	if (key_is(k, 0, 'r')) {
		walk_state_restart(ui->ws);
		enter_question(ui);
		return ACT_REDRAW;
	}
	if (key_is(k, 0, 'q') || key_is(k, 0, 27))
		return ACT_QUIT;
	return ACT_NONE;
}

/* letter_choice: the answer whose first letter is C, ignoring case, when
 * exactly one begins with it and it is no command key; -1 otherwise.
 * "Not sure" has no letter. */
static int letter_choice(const struct ui *ui, wint_t c)
{
	int found = -1;
	wint_t want = towlower(c);

	if (!iswalpha(c) || wcschr(L"jkbrq", (wchar_t)want) != NULL)
		return -1;
	for (size_t i = 0; i < answer_count(ui); i++) {
		const char *label = menu_label(ui, i);
		size_t at = 0;
		wint_t first;

		if (label[0] == '\0')
			continue;
		first = (wint_t)wrap_char(label, strlen(label), &at, NULL);
		if (towlower(first) != want)
			continue;
		if (found >= 0)
			return -1;
		found = (int)i;
	}
	return found;
}

static void draw_question(struct ui *ui)
{
	const struct question *q = &ui->p->questions[ui->ws->current];
	size_t n = menu_count(ui), first = 0, last = 0;
	bool seen = false;
	char status[128], keys[160];
	int top, rows, numw = n >= 10 ? 2 : 1;

	snprintf(status, sizeof status, "%zu answered%sat most %u to go",
	    ui->ws->depth, g.sep, walk_state_remaining(ui->ws));
	snprintf(keys, sizeof keys, "%s move  Enter choose  1-9 pick  "
	    "%s back  r restart  ? help  q quit", g.updown, g.left);
	top = draw_frame(ui, status, keys);
	rows = LINES - 3 - top;

	body_reset(&ui->body);
	body_add(&ui->body, q->ask, "", ROLE_QUESTION, -1);
	body_blank(&ui->body);
	for (size_t i = 0; i < n; i++) {
		char mark[32];

		snprintf(mark, sizeof mark, "%s%*zu. ",
		    i == ui->sel ? "> " : "  ", numw, i + 1);
		body_add(&ui->body, menu_label(ui, i), mark,
		    i == ui->sel ? ROLE_SELECTED : ROLE_NORMAL, (int)i);
	}
	/* scroll so that the whole selected item is in view */
	for (size_t i = 0; i < ui->body.n; i++) {
		if (ui->body.v[i].item != (int)ui->sel)
			continue;
		if (!seen)
			first = i;
		seen = true;
		last = i;
	}
	if (rows > 0) {
		if (last >= ui->scroll + (size_t)rows)
			ui->scroll = last - (size_t)rows + 1;
		if (first < ui->scroll)
			ui->scroll = first;
	}
	draw_body(ui, top, rows);
}

static enum action key_question(struct ui *ui, struct key k)
{
	size_t n = menu_count(ui);
	enum action a;
	int letter;

	if (key_is(k, KEY_UP, 'k')) {
		if (ui->sel == 0)
			return ACT_NONE;
		ui->sel--;
		return ACT_REDRAW;
	}
	if (key_is(k, KEY_DOWN, 'j')) {
		if (ui->sel + 1 >= n)
			return ACT_NONE;
		ui->sel++;
		return ACT_REDRAW;
	}
	if (key_is(k, KEY_ENTER, '\n') || key_is(k, KEY_RIGHT, '\r'))
		return choose(ui, ui->sel);
	if (key_is(k, 0, '?')) {
		ui->screen = SCREEN_HELP;
		ui->scroll = 0;
		return ACT_REDRAW;
	}
	if (!k.fn && k.c >= '1' && k.c <= '9')
		return choose(ui, (size_t)(k.c - '1'));
	if ((a = common_key(ui, k)) != ACT_NONE)
		return a;
	if (!k.fn && (letter = letter_choice(ui, k.c)) >= 0)
		return choose(ui, (size_t)letter);
	return ACT_NONE;
}

static void draw_help(struct ui *ui)
{
	const struct question *q = &ui->p->questions[ui->ws->current];
	int top = draw_frame(ui, NULL, "Press any key to go back to the question");

	body_reset(&ui->body);
	body_add(&ui->body, q->ask, "Help: ", ROLE_QUESTION, -1);
	body_blank(&ui->body);
	body_add(&ui->body, q->help != NULL ? q->help :
	    "There is no help for this question.", "", ROLE_NORMAL, -1);
	draw_body(ui, top, LINES - 3 - top);
}

static enum action key_help(struct ui *ui, struct key k)
{
	ui->screen = SCREEN_QUESTION;
	return ACT_REDRAW;
}

static void draw_verdict(struct ui *ui)
{
	const struct outcome *o = ui->worst_shown ? ui->worst.outcome :
	    ui->ws->outcome;
	static const enum role banner[VERDICT_COUNT] = {
		[VERDICT_USE_FREELY] = ROLE_FREE,
		[VERDICT_USE_WITH_REVIEW] = ROLE_REVIEW,
		[VERDICT_DO_NOT_USE] = ROLE_STOP,
	};
	char keys[96], bullet[16];
	int top, rows;

	body_reset(&ui->body);
	body_add(&ui->body, verdict_words(o->verdict), " ", banner[o->verdict],
	    -1);
	if (ui->body.n > 0)
		ui->body.v[ui->body.n - 1].fill = true;
	body_blank(&ui->body);
	if (ui->worst_shown)
		body_add(&ui->body, ui->worst_heading, "", ROLE_WARNING, -1);
	body_add(&ui->body, o->summary, "", ROLE_QUESTION, -1);
	if (o->why != NULL)
		body_add(&ui->body, o->why, "Why: ", ROLE_NORMAL, -1);
	if (o->reviewer != NULL)
		body_add(&ui->body, o->reviewer, "Reviewer: ", ROLE_NORMAL, -1);
	if (o->disclose)
		body_add(&ui->body, "Disclose that AI assisted", "",
		    ROLE_QUESTION, -1);
	if (o->nconditions > 0) {
		body_add(&ui->body, "Conditions:", "", ROLE_NORMAL, -1);
		snprintf(bullet, sizeof bullet, "  %s ", g.bullet);
		for (size_t i = 0; i < o->nconditions; i++)
			body_add(&ui->body, o->conditions[i], bullet,
			    ROLE_NORMAL, -1);
	}
	if (ui->worst_shown) {
		body_blank(&ui->body);
		body_add(&ui->body, "Not sure:", "", ROLE_NORMAL, -1);
		snprintf(bullet, sizeof bullet, "  %s ", g.bullet);
		for (size_t i = 0; ui->notes != NULL &&
		    i < ui->worst.nunsure; i++)
			if (ui->notes[i] != NULL)
				body_add(&ui->body, ui->notes[i], bullet,
				    ROLE_NORMAL, -1);
	}
	body_blank(&ui->body);
	if (ui->path != NULL)
		body_add(&ui->body, ui->path, "Your answers: ", ROLE_NORMAL, -1);
	if (ui->ask_owner != NULL)
		body_add(&ui->body, ui->ask_owner, "", ROLE_NORMAL, -1);

	top = 1 + warning_lines(ui, NULL) + 1; /* as draw_frame lays it out */
	rows = LINES - 3 - top;
	snprintf(keys, sizeof keys, "%s back  r restart  q quit%s",
	    g.left, ui->body.n > (size_t)(rows > 0 ? rows : 0) ?
	    "  j/k scroll" : "");
	top = draw_frame(ui, NULL, keys);
	draw_body(ui, top, LINES - 3 - top);
}

static enum action key_verdict(struct ui *ui, struct key k)
{
	if (key_is(k, KEY_UP, 'k')) {
		if (ui->scroll == 0)
			return ACT_NONE;
		ui->scroll--;
		return ACT_REDRAW;
	}
	if (key_is(k, KEY_DOWN, 'j')) {
		ui->scroll++; /* draw_body clamps it */
		return ACT_REDRAW;
	}
	if (ui->worst_shown && is_back_key(k)) {
		/* back to the question where "Not sure" was chosen */
		enter_question(ui);
		ui->sel = answer_count(ui);
		return ACT_REDRAW;
	}
	return common_key(ui, k);
}

/* path_text: "Label answer → Label answer" for the walk so far; caller owns
 * it; NULL when out of memory. */
static char *path_text(const struct ui *ui)
{
	const struct walk_state *s = ui->ws;
	struct step *steps;
	char *text;

	if ((steps = malloc((s->depth ? s->depth : 1) * sizeof *steps)) == NULL)
		return NULL;
	walk_state_path(s, steps);
	text = ask_path_text(ui->p, steps, s->depth, NULL, 0, g.arrow);
	free(steps);
	return text;
}

static bool ui_init(struct ui *ui, const struct policy *p,
    struct walk_state *s, date_t today, struct ask_last *last)
{
	static const struct glyphs utf8 = { " · ", " → ", "•", "…", "↑↓", "←",
		" — " };
	static const struct glyphs ascii = { " - ", " -> ", "-", "...",
		"Up/Down", "Left", " - " };
	const char *cs = nl_langinfo(CODESET);

	memset(ui, 0, sizeof *ui);
	ui->p = p;
	ui->ws = s;
	ui->last = last;
	g = strcmp(cs, "UTF-8") == 0 ? utf8 : ascii;
	ui->header = str_join(p->title, g.sep, "version ", p->version,
	    NULL);
	if (ui->header != NULL) {
		char *h = str_join(ui->header, g.sep, p->owner, NULL, NULL);

		free(ui->header);
		ui->header = h;
	}
	ui->ask_owner = str_join("Questions? Ask ", p->owner, NULL, NULL, NULL);
	if (policy_is_stale(p, today)) {
		char date[11];

		date_format(p->review_by, date);
		ui->warning = str_join("Warning: this policy was due for review "
		    "on ", date, "; ask ", p->owner,
		    " whether it still applies.");
		if (ui->warning == NULL)
			return false;
	}
	return ui->header != NULL && ui->ask_owner != NULL;
}

static void ui_release(struct ui *ui)
{
	free(ui->body.v);
	free(ui->header);
	free(ui->warning);
	free(ui->ask_owner);
	free(ui->path);
	worst_release(ui);
}

int tui_run(const struct policy *p, struct walk_state *s, date_t today,
    struct ask_last *last)
{
	const char *no_color = getenv("NO_COLOR");
	struct ui ui;
	SCREEN *scr;
	bool dirty = true;
	int code;

	if (!ui_init(&ui, p, s, today, last)) {
		ui_release(&ui);
		return TUI_UNAVAILABLE;
	}
	if ((scr = newterm(NULL, stdout, stdin)) == NULL) {
		ui_release(&ui);
		return TUI_UNAVAILABLE;
	}
	set_term(scr);
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	set_escdelay(25);
	timeout(100); /* so that the loop sees the signal flag */
	curs_set(0);
	roles_init(has_colors() && (no_color == NULL || *no_color == '\0'));
	enter_question(&ui);

	for (;;) {
		struct key k;
		wint_t c;
		int r;
		enum action a;

		if ((code = ask_signal_code()) != 0)
			break;
		if (dirty) {
			if (COLS < MIN_COLS || LINES < MIN_LINES) {
				draw_too_small();
			} else {
				screens[ui.screen].draw(&ui);
				refresh();
			}
			dirty = false;
		}
		if ((r = get_wch(&c)) == ERR)
			continue;
		k.fn = r == KEY_CODE_YES;
		k.c = c;
		if (k.fn && k.c == KEY_RESIZE) {
			dirty = true;
			continue;
		}
		if (COLS < MIN_COLS || LINES < MIN_LINES) {
			if (key_is(k, 0, 'q') || key_is(k, 0, 27)) {
				code = ask_quit_code(last);
				break;
			}
			continue;
		}
		a = screens[ui.screen].key(&ui, k);
		if (a == ACT_QUIT) {
			code = ask_quit_code(last);
			break;
		}
		if (a == ACT_REDRAW)
			dirty = true;
	}
	endwin();
	delscreen(scr);
	ui_release(&ui);
	return code;
}

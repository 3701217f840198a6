/*
 * screen.c: the ncurses screens of `aipolicy ask`.
 *
 * A thin layer over struct aipolicy_walk_state: three screens (question, help,
 * verdict), each with one draw function and one key function. Key functions
 * return what must happen (enum action) and tui_run's loop acts on it;
 * KEY_RESIZE and the "Terminal too small" notice are handled in that loop
 * only. Every screen is laid out as a list of lines (struct body) for the
 * current width and scrolled into the rows between the header and the
 * footer, so a resize simply lays it out again. The verdict's words, the
 * worst case while narrowing down and the date warning are the core's
 * (present.h); their roles map to the screen's.
 *
 * Room is spent on text first: blank rows (after the header, between
 * groups) are drawn only when everything fits with them; a body that does
 * not fit shows "↓ more" in its last row; the key line drops its least
 * needed keys first and always keeps "q quit".
 *
 * Every word of the program on a screen is one of the table of words.h
 * that tui_run is given; the keys themselves are the same in every
 * language.
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

#include "cli/exit.h"
#include "core/present.h"
#include "core/words.h"
#include "core/wrap.h"
#include "tui.h"

#define MIN_COLS     40
#define MIN_LINES    10
#define MARGIN       1   /* columns left blank on each side */
#define WARNING_ROWS 3   /* at most this many rows of date warning */
#define KEY_GAP      2   /* columns between two keys of the key line */
#define MAX_KEYS     8   /* keys of one key line */
#define MARK_SIZE    64  /* bytes of a mark: "> 10. ", or a label */
#define TEXT_SIZE    160
#define JOIN_MAX     5   /* strings str_join joins */
#define ESC_DELAY_MS 25  /* how long after Esc a key still makes a sequence */
#define POLL_MS      100 /* how often the loop looks at the signal flag */
#define CHAR_ESC     27  /* quits, like q */
#define CHAR_DEL     127 /* goes back, like Backspace ... */
#define CHAR_CTRL_H  8   /* ... on terminals that send these for it */

/* name, foreground, background, attribute with colours, without */
#define ROLES(X) \
	X(ROLE_NORMAL,   -1,           -1,           A_NORMAL,  A_NORMAL) \
	X(ROLE_HEADER,   COLOR_BLACK,  COLOR_CYAN,   A_NORMAL,  A_REVERSE) \
	X(ROLE_QUESTION, -1,           -1,           A_BOLD,    A_BOLD) \
	X(ROLE_SELECTED, -1,           -1,           A_REVERSE, A_REVERSE) \
	X(ROLE_HINT,     COLOR_CYAN,   -1,           A_NORMAL,  A_DIM) \
	X(ROLE_WARNING,  COLOR_YELLOW, -1,           A_BOLD,    A_BOLD) \
	X(ROLE_FREE,     COLOR_BLACK,  COLOR_GREEN,  A_BOLD, \
	    A_REVERSE | A_BOLD) \
	X(ROLE_REVIEW,   COLOR_BLACK,  COLOR_YELLOW, A_BOLD, \
	    A_REVERSE | A_BOLD) \
	X(ROLE_STOP,     COLOR_WHITE,  COLOR_RED,    A_BOLD, \
	    A_REVERSE | A_BOLD)

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
	char mark[MARK_SIZE];   /* drawn first, e.g. "> 1. " or "Help: " */
	int indent;             /* columns from the margin to the text */
	enum role role;
	bool fill;              /* paint the role across the whole row */
	bool gap;               /* a blank row that may be left out */
	int item;               /* menu item on the question screen, or -1 */
};

struct body {
	struct vline *v;
	size_t n, cap;
};

/* One key of a key line: lines are drawn in table order; the key with the
 * highest DROP goes first when the line is too narrow. */
struct keyhint {
	const char *text;
	int drop;
};

/* Characters (and the words that show arrows) that depend on whether the
 * terminal speaks UTF-8. */
struct glyphs {
	const char *sep, *ellipsis;
	enum word updown, left, more_down, more_up, more_both;
};

/* Where a screen's parts go, for the current size. */
struct frame {
	int warning;            /* rows of date warning under the header */
	int top;                /* first row of the body */
	int rows;               /* rows of the body, the "more" row included */
	bool gaps;              /* blank rows are drawn */
	/* the body does not fit: its last row says so */
	bool more;
};

struct ui {
	const struct aipolicy *p;
	struct aipolicy_walk_state *ws;
	const struct ask_hooks *hooks;
	const struct words *w;  /* the program's words */
	aipolicy_date_t today;
	unsigned present_flags; /* PRESENT_ASCII when not UTF-8 */
	enum screen_id screen;
	size_t sel;             /* the selected menu item */
	size_t scroll;          /* first body line shown */
	struct body body;
	struct present words;   /* lines of the core the body points into */
	struct present warning; /* the date warning, for the current width */
	char *header;           /* "title · version V · owner" */
	/* a verdict screen was entered, not shown yet */
	bool log_pending;
};

static attr_t role_attr[ROLE_COUNT];
static struct glyphs g; /* set once by ui_init */

static void roles_init(bool colour);
static enum role role_of(enum present_role r);
static char *str_join(const char *a, const char *b, const char *c,
    const char *d, const char *e);
static void draw_text(int y, int x, const char *s, size_t len, int maxw,
    attr_t attr);
static void draw_cut(int y, int x, const char *s, size_t len, int maxw,
    attr_t attr, bool cut);
static void draw_line(int y, int x, const char *s, int maxw, attr_t attr);
static int content_width(void);
static void body_reset(struct body *b);
static struct vline *body_push(struct body *b);
static void body_add(struct body *b, const char *s, const char *mark,
    enum role role, int item);
static void body_gap(struct body *b);
static void body_present(struct body *b, const struct present *pr);
static void body_drop_gaps(struct body *b);
static int warning_rows(struct ui *ui);
static void keys_text(const struct keyhint *k, size_t n, char *out,
    size_t size);
static struct frame layout(struct ui *ui, bool status);
static void draw_frame(struct ui *ui, const struct frame *f,
    const char *status, const char *keys);
static void draw_body(struct ui *ui, const struct frame *f);
static const char *word(const struct ui *ui, enum word id);
static void draw_too_small(const struct ui *ui);
static size_t answer_count(const struct ui *ui);
static size_t menu_count(const struct ui *ui);
static const char *menu_label(const struct ui *ui, size_t i);
static void enter_question(struct ui *ui);
static enum action choose(struct ui *ui, size_t i);
static bool is_back_key(struct key k);
static bool is_quit_key(struct key k);
static bool key_is(struct key k, int fn, wint_t c);
static enum action common_key(struct ui *ui, struct key k);
static int letter_choice(const struct ui *ui, wint_t c);
static void draw_question(struct ui *ui);
static enum action key_question(struct ui *ui, struct key k);
static void draw_help(struct ui *ui);
static enum action key_help(struct ui *ui, struct key k);
static void draw_verdict(struct ui *ui);
static enum action key_verdict(struct ui *ui, struct key k);
static int quit_code(const struct ui *ui);
static bool ui_init(struct ui *ui, const struct aipolicy *p,
    struct aipolicy_walk_state *s, aipolicy_date_t today, const struct words *w,
    const struct ask_hooks *hooks);
static void ui_release(struct ui *ui);
static SCREEN *term_start(void);
static void draw(struct ui *ui);
static int loop(struct ui *ui);

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

/* role_of: the screen's role for a line of the core's words. */
static enum role role_of(enum present_role r)
{
	switch (r) {
	case PRESENT_STRONG:
		return ROLE_QUESTION;
	case PRESENT_FREE:
		return ROLE_FREE;
	case PRESENT_REVIEW:
		return ROLE_REVIEW;
	case PRESENT_STOP:
		return ROLE_STOP;
	case PRESENT_WARNING:
		return ROLE_WARNING;
	case PRESENT_HINT:
		return ROLE_HINT;
	default:
		return ROLE_NORMAL;
	}
}

/* str_join: the concatenation of up to five strings (NULLs skipped); caller
 * owns the result; NULL when out of memory. */
static char *str_join(const char *a, const char *b, const char *c,
    const char *d, const char *e)
{
	const char *part[JOIN_MAX] = { a, b, c, d, e };
	size_t n = 1;
	char *s, *o;

	for (int i = 0; i < JOIN_MAX; i++)
		n += part[i] ? strlen(part[i]) : 0;
	if ((s = o = malloc(n)) == NULL)
		return NULL;
	for (int i = 0; i < JOIN_MAX; i++) {
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

/* draw_cut: S on one row, ending in an ellipsis when it is wider than MAXW
 * or when CUT says that more text follows. */
static void draw_cut(int y, int x, const char *s, size_t len, int maxw,
    attr_t attr, bool cut)
{
	int ew = wrap_width(g.ellipsis, strlen(g.ellipsis)), used;
	size_t fit;

	if (!cut && wrap_width(s, len) <= maxw) {
		draw_text(y, x, s, len, maxw, attr);
		return;
	}
	if (maxw <= ew)
		return;
	fit = wrap_fit(s, len, maxw - ew, &used);
	draw_text(y, x, s, fit, maxw, attr);
	draw_text(y, x + used, g.ellipsis, strlen(g.ellipsis), ew, attr);
}

/* draw_line: S on one row, cut with an ellipsis when wider than MAXW. */
static void draw_line(int y, int x, const char *s, int maxw, attr_t attr)
{
	draw_cut(y, x, s, strlen(s), maxw, attr, false);
}

static int content_width(void)
{
	return COLS - 2 * MARGIN;
}

static void body_reset(struct body *b)
{
	b->n = 0;
}

/* body_push: a new zeroed line at the end of B, or NULL when out of
 * memory (the line is then left out). */
static struct vline *body_push(struct body *b)
{
	struct vline *v;

	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 32;

		if ((v = realloc(b->v, cap * sizeof *v)) == NULL)
			return NULL;
		b->v = v;
		b->cap = cap;
	}
	v = &b->v[b->n++];
	memset(v, 0, sizeof *v);
	v->item = -1;
	return v;
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
	if ((lines = calloc(n, sizeof *lines)) == NULL)
		return;
	wrap_text(s, len, width, lines, n);
	for (i = 0; i < n; i++) {
		struct vline *v = body_push(b);

		if (v == NULL)
			break;
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

static void body_gap(struct body *b)
{
	struct vline *v = body_push(b);

	if (v != NULL) {
		v->s = "";
		v->gap = true;
	}
}

/* body_present: the core's lines of PR, already laid out for the width;
 * a verdict line is a bar across the screen. */
static void body_present(struct body *b, const struct present *pr)
{
	for (size_t i = 0; i < pr->n; i++) {
		const struct present_line *l = &pr->lines[i];
		struct vline *v;

		if (l->role == PRESENT_BLANK) {
			body_gap(b);
			continue;
		}
		if ((v = body_push(b)) == NULL)
			return;
		v->s = l->text;
		v->len = l->len;
		v->role = role_of(l->role);
		v->fill = v->role == ROLE_FREE || v->role == ROLE_REVIEW ||
		    v->role == ROLE_STOP;
	}
}

/* body_drop_gaps: leave out the blank rows. */
static void body_drop_gaps(struct body *b)
{
	size_t k = 0;

	for (size_t i = 0; i < b->n; i++)
		if (!b->v[i].gap)
			b->v[k++] = b->v[i];
	b->n = k;
}

/* warning_rows: lay the date warning out for the width; the rows it
 * takes under the header (at most WARNING_ROWS). */
static int warning_rows(struct ui *ui)
{
	present_release(&ui->warning);
	present_init(&ui->warning, content_width(), ui->present_flags);
	present_set_words(&ui->warning, ui->w);
	present_dates(&ui->warning, ui->p, ui->today);
	return ui->warning.n > WARNING_ROWS ? WARNING_ROWS :
	    (int)ui->warning.n;
}

/* keys_text: the N keys of K that fit in the content width, in table
 * order, dropping the highest DROP first; "q quit" has the lowest. */
static void keys_text(const struct keyhint *k, size_t n, char *out,
    size_t size)
{
	bool keep[MAX_KEYS];
	int width;

	for (size_t i = 0; i < n; i++)
		keep[i] = true;
	for (;;) {
		size_t worst = n;

		width = 0;
		for (size_t i = 0; i < n; i++)
			if (keep[i])
				width += (width ? KEY_GAP : 0) +
				    wrap_width(k[i].text, strlen(k[i].text));
		if (width <= content_width())
			break;
		for (size_t i = 0; i < n; i++)
			if (keep[i] &&
			    (worst == n || k[i].drop > k[worst].drop))
				worst = i;
		if (worst == n || k[worst].drop == 0)
			break;
		keep[worst] = false;
	}
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (!keep[i])
			continue;
		if (out[0] != '\0')
			strncat(out, "  ", size - strlen(out) - 1);
		strncat(out, k[i].text, size - strlen(out) - 1);
	}
}

/*
 * layout: where the body goes, once ui->body holds every line (gaps
 * included), under the header and the date warning and above the key line
 * (and the STATUS line, when there is one). A blank row after the header
 * only when the body fits with it; the gaps in the body only when it fits
 * with them (else they are dropped from ui->body).
 */
static struct frame layout(struct ui *ui, bool status)
{
	struct frame f;
	int bottom = LINES - 1 - (status ? 1 : 0);

	f.warning = warning_rows(ui);
	f.top = 1 + f.warning;
	f.rows = bottom - f.top;
	/* the blank row after the header goes first, then the others */
	f.gaps = f.rows > 0 && ui->body.n <= (size_t)f.rows;
	if (f.gaps && ui->body.n < (size_t)f.rows) {
		f.top++;
		f.rows--;
	} else if (!f.gaps) {
		body_drop_gaps(&ui->body);
	}
	f.more = f.rows > 1 && ui->body.n > (size_t)f.rows;
	return f;
}

/* draw_frame: clears the screen and draws what every screen has: the
 * header, the date warning (laid out by layout), the STATUS line (when not
 * NULL) and KEYS. */
static void draw_frame(struct ui *ui, const struct frame *f,
    const char *status, const char *keys)
{
	int n = f->warning;

	erase();
	mvhline(0, 0, ' ' | role_attr[ROLE_HEADER], COLS);
	draw_line(0, MARGIN, ui->header, content_width(),
	    role_attr[ROLE_HEADER]);
	for (int i = 0; i < n; i++)
		draw_cut(1 + i, MARGIN, ui->warning.lines[i].text,
		    ui->warning.lines[i].len, content_width(),
		    role_attr[ROLE_WARNING], i == n - 1 &&
		    ui->warning.n > (size_t)n);
	if (status != NULL)
		draw_line(LINES - 2, MARGIN, status, content_width(),
		    role_attr[ROLE_HINT]);
	draw_line(LINES - 1, MARGIN, keys, content_width(),
	    role_attr[ROLE_HINT]);
}

/* draw_body: the body lines from ui->scroll on, in F's rows; when they do
 * not all fit, the last row says which way more is. */
static void draw_body(struct ui *ui, const struct frame *f)
{
	struct body *b = &ui->body;
	int rows = f->more ? f->rows - 1 : f->rows;
	const char *more;

	if (rows < 1)
		return;
	if (b->n <= (size_t)rows)
		ui->scroll = 0;
	else if (ui->scroll > b->n - (size_t)rows)
		ui->scroll = b->n - (size_t)rows;
	for (int r = 0; r < rows && ui->scroll + (size_t)r < b->n; r++) {
		const struct vline *v = &b->v[ui->scroll + (size_t)r];
		attr_t a = role_attr[v->role];
		int y = f->top + r;

		if (v->fill)
			mvhline(y, 0, ' ' | a, COLS);
		if (v->mark[0] != '\0')
			draw_text(y, MARGIN, v->mark, strlen(v->mark),
			    v->indent, a);
		draw_text(y, MARGIN + v->indent, v->s, v->len,
		    content_width() - v->indent, a);
	}
	if (!f->more)
		return;
	if (ui->scroll == 0)
		more = word(ui, g.more_down);
	else if (ui->scroll + (size_t)rows >= b->n)
		more = word(ui, g.more_up);
	else
		more = word(ui, g.more_both);
	draw_line(f->top + rows, MARGIN, more, content_width(),
	    role_attr[ROLE_HINT]);
}

/* word: text ID in the words of the walk. */
static const char *word(const struct ui *ui, enum word id)
{
	return words_text(ui->w, id);
}

static void draw_too_small(const struct ui *ui)
{
	char needs[TEXT_SIZE];

	erase();
	draw_line(0, 0, word(ui, WORD_TOO_SMALL), COLS, A_NORMAL);
	if (LINES > 1) {
		snprintf(needs, sizeof needs, word(ui, WORD_NEEDS_SIZE),
		    MIN_COLS, MIN_LINES);
		draw_line(1, 0, needs, COLS, A_NORMAL);
	}
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
		return word(ui, WORD_NOT_SURE);
	return ui->p->questions[ui->ws->current].answers[i].shown;
}

/* enter_question: show the current question with the answer chosen there
 * before ("Not sure" too), if any, selected. */
static void enter_question(struct ui *ui)
{
	int32_t c = ui->ws->chosen[ui->ws->current];

	ui->screen = SCREEN_QUESTION;
	if (c == AIPOLICY_WALK_CHOSEN_NOT_SURE)
		ui->sel = answer_count(ui);
	else
		ui->sel = c >= 0 && (size_t)c < answer_count(ui) ? (size_t)c :
		    0;
	ui->scroll = 0;
}

/* choose: answer with menu item I; on to the next question (one that
 * narrows a worst case down, too) or to the verdict. */
static enum action choose(struct ui *ui, size_t i)
{
	if (i >= menu_count(ui))
		return ACT_NONE;
	aipolicy_walk_state_answer(ui->ws, i == answer_count(ui) ?
	    AIPOLICY_WALK_NOT_SURE : (uint32_t)i);
	if (ui->ws->outcome == NULL) {
		enter_question(ui);
		return ACT_REDRAW;
	}
	ui->screen = SCREEN_VERDICT;
	ui->scroll = 0;
	ui->log_pending = true;
	return ACT_REDRAW;
}

/* key_is: K is the function key FN or the character C (0: none). */
static bool key_is(struct key k, int fn, wint_t c)
{
	return k.fn ? fn != 0 && k.c == (wint_t)fn : c != 0 && k.c == c;
}

static bool is_back_key(struct key k)
{
	return key_is(k, KEY_BACKSPACE, 'b') || key_is(k, KEY_LEFT, CHAR_DEL) ||
	    key_is(k, 0, CHAR_CTRL_H);
}

static bool is_quit_key(struct key k)
{
	return key_is(k, 0, 'q') || key_is(k, 0, CHAR_ESC);
}

/* common_key: back (the last answer, "Not sure" too, is taken back),
 * restart and quit, the same on the question and the verdict screen.
 * ACT_NONE when K is none of them. */
static enum action common_key(struct ui *ui, struct key k)
{
	if (is_back_key(k)) {
		if (!aipolicy_walk_state_back(ui->ws))
			return ACT_NONE;
		enter_question(ui);
		return ACT_REDRAW;
	}
	if (key_is(k, 0, 'r')) {
		aipolicy_walk_state_restart(ui->ws);
		enter_question(ui);
		return ACT_REDRAW;
	}
	if (is_quit_key(k))
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
	const struct aipolicy_question *q = &ui->p->questions[ui->ws->current];
	const struct keyhint hints[] = {
		{ word(ui, g.updown), 4 }, { word(ui, WORD_KEY_CHOOSE), 3 },
		{ word(ui, WORD_KEY_PICK), 6 }, { word(ui, g.left), 1 },
		{ word(ui, WORD_KEY_RESTART), 5 },
		{ word(ui, WORD_KEY_HELP), 2 }, { word(ui, WORD_KEY_QUIT), 0 },
	};
	size_t n = menu_count(ui), first = 0, last = 0;
	size_t done = ui->ws->count,
	    left = aipolicy_walk_state_remaining(ui->ws);
	char status[TEXT_SIZE], keys[TEXT_SIZE], part[TEXT_SIZE];
	int numw = n >= 10 ? 2 : 1, rows;
	bool seen = false;
	struct frame f;

	body_reset(&ui->body);
	present_release(&ui->words);
	present_init(&ui->words, content_width(), ui->present_flags);
	present_set_words(&ui->words, ui->w);
	if (aipolicy_walk_state_narrowing(ui->ws) &&
	    present_narrowing(&ui->words, &ui->ws->result) == 0) {
		body_present(&ui->body, &ui->words);
		body_gap(&ui->body);
	}
	body_add(&ui->body, q->ask, "", ROLE_QUESTION, -1);
	body_gap(&ui->body);
	for (size_t i = 0; i < n; i++) {
		char mark[MARK_SIZE];

		snprintf(mark, sizeof mark, "%s%*zu. ",
		    i == ui->sel ? "> " : "  ", numw, i + 1);
		body_add(&ui->body, menu_label(ui, i), mark,
		    i == ui->sel ? ROLE_SELECTED : ROLE_NORMAL, (int)i);
	}
	f = layout(ui, true);
	/* scroll so that the whole selected item is in view */
	for (size_t i = 0; i < ui->body.n; i++) {
		if (ui->body.v[i].item != (int)ui->sel)
			continue;
		if (!seen)
			first = i;
		seen = true;
		last = i;
	}
	rows = f.more ? f.rows - 1 : f.rows;
	if (rows > 0) {
		if (last >= ui->scroll + (size_t)rows)
			ui->scroll = last - (size_t)rows + 1;
		if (first < ui->scroll)
			ui->scroll = first;
	}
	snprintf(part, sizeof part, words_plural(ui->w, WORDN_ANSWERED, done),
	    done);
	snprintf(status, sizeof status, "%s%s", part, g.sep);
	snprintf(part, sizeof part, words_plural(ui->w, WORDN_TO_GO, left),
	    left);
	strncat(status, part, sizeof status - strlen(status) - 1);
	keys_text(hints, sizeof hints / sizeof hints[0], keys, sizeof keys);
	draw_frame(ui, &f, status, keys);
	draw_body(ui, &f);
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
	const struct aipolicy_question *q = &ui->p->questions[ui->ws->current];
	const struct keyhint hints[] = {
		{ word(ui, WORD_KEY_ANY_BACK), 0 },
	};
	const struct keyhint scroll[] = {
		{ word(ui, WORD_KEY_SCROLL), 1 },
		{ word(ui, WORD_KEY_OTHER_BACK), 0 },
	};
	char keys[TEXT_SIZE], mark[MARK_SIZE];
	struct frame f;

	snprintf(mark, sizeof mark, "%s ", word(ui, WORD_HELP_LABEL));
	body_reset(&ui->body);
	body_add(&ui->body, q->ask, mark, ROLE_QUESTION, -1);
	body_gap(&ui->body);
	body_add(&ui->body, q->help != NULL ? q->help : word(ui,
	    WORD_NO_HELP), "", ROLE_NORMAL, -1);
	f = layout(ui, false);
	if (f.more)
		keys_text(scroll, 2, keys, sizeof keys);
	else
		keys_text(hints, 1, keys, sizeof keys);
	draw_frame(ui, &f, NULL, keys);
	draw_body(ui, &f);
}

/* key_help: j/k (or the arrows) scroll; any other key goes back. */
static enum action key_help(struct ui *ui, struct key k)
{
	if (key_is(k, KEY_UP, 'k')) {
		if (ui->scroll > 0)
			ui->scroll--;
		return ACT_REDRAW;
	}
	if (key_is(k, KEY_DOWN, 'j')) {
		ui->scroll++; /* draw_body clamps it */
		return ACT_REDRAW;
	}
	ui->screen = SCREEN_QUESTION;
	return ACT_REDRAW;
}

static void draw_verdict(struct ui *ui)
{
	const struct keyhint hints[] = {
		{ word(ui, g.left), 1 }, { word(ui, WORD_KEY_RESTART), 3 },
		{ word(ui, WORD_KEY_QUIT), 0 },
		{ word(ui, WORD_KEY_SCROLL), 2 },
	};
	char keys[TEXT_SIZE];
	struct frame f;
	size_t nhints = sizeof hints / sizeof hints[0];

	body_reset(&ui->body);
	present_release(&ui->words);
	present_init(&ui->words, content_width(), ui->present_flags);
	present_set_words(&ui->words, ui->w);
	ask_present_verdict(&ui->words, ui->ws); /* out of memory: less */
	body_present(&ui->body, &ui->words);
	f = layout(ui, false);
	/* "j/k scroll", last in the table, only when there is more */
	keys_text(hints, f.more ? nhints : nhints - 1, keys, sizeof keys);
	draw_frame(ui, &f, NULL, keys);
	draw_body(ui, &f);
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
	return common_key(ui, k);
}

/* quit_code: the verdict's code on a verdict screen, else EXIT_QUIT. */
static int quit_code(const struct ui *ui)
{
	if (ui->screen == SCREEN_VERDICT && ui->ws->outcome != NULL)
		return exit_of_verdict(ui->ws->outcome->verdict);
	return EXIT_QUIT;
}

static bool ui_init(struct ui *ui, const struct aipolicy *p,
    struct aipolicy_walk_state *s, aipolicy_date_t today, const struct words *w,
    const struct ask_hooks *hooks)
{
	static const struct glyphs utf8 = { " · ", "…", WORD_KEY_MOVE,
		WORD_KEY_BACK, WORD_MORE_DOWN, WORD_MORE_UP, WORD_MORE_BOTH };
	static const struct glyphs ascii = { " - ", "...", WORD_KEY_MOVE_ASCII,
		WORD_KEY_BACK_ASCII, WORD_MORE_DOWN_ASCII, WORD_MORE_UP_ASCII,
		WORD_MORE_BOTH_ASCII };
	bool is_utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;

	memset(ui, 0, sizeof *ui);
	ui->p = p;
	ui->ws = s;
	ui->hooks = hooks;
	ui->w = w;
	ui->today = today;
	ui->present_flags = is_utf8 ? 0 : PRESENT_ASCII;
	g = is_utf8 ? utf8 : ascii;
	present_init(&ui->words, 0, 0);
	present_init(&ui->warning, 0, 0);
	ui->header = str_join(p->title, g.sep, word(ui, WORD_VERSION), " ",
	    p->version);
	if (ui->header != NULL) {
		char *h = str_join(ui->header, g.sep, p->owner, NULL, NULL);

		free(ui->header);
		ui->header = h;
	}
	return ui->header != NULL;
}

static void ui_release(struct ui *ui)
{
	free(ui->body.v);
	free(ui->header);
	present_release(&ui->words);
	present_release(&ui->warning);
}

/* term_start: curses on the terminal of stdin and stdout, set up for the
 * screens; NULL when it cannot start. */
static SCREEN *term_start(void)
{
	const char *no_color = getenv("NO_COLOR");
	SCREEN *scr = newterm(NULL, stdout, stdin);

	if (scr == NULL)
		return NULL;
	set_term(scr);
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	set_escdelay(ESC_DELAY_MS);
	timeout(POLL_MS); /* so that the loop sees the signal flag */
	curs_set(0);
	roles_init(has_colors() && (no_color == NULL || *no_color == '\0'));
	return scr;
}

/* draw: the current screen, or the notice that the terminal is too
 * small; a verdict screen is told to the hooks once it is shown. */
static void draw(struct ui *ui)
{
	if (COLS < MIN_COLS || LINES < MIN_LINES) {
		draw_too_small(ui);
		return;
	}
	screens[ui->screen].draw(ui);
	refresh();
	/* shown: now it may be logged */
	if (ui->log_pending)
		ui->hooks->verdict(ui->hooks->arg, ui->ws);
	ui->log_pending = false;
}

/* loop: draw, read a key, act on it, until a quit or a signal; the exit
 * code. */
static int loop(struct ui *ui)
{
	bool dirty = true;
	int code;

	for (;;) {
		struct key k;
		wint_t c;
		int r;
		enum action a;

		if ((code = ask_signal_code()) != 0)
			return code;
		if (dirty)
			draw(ui);
		dirty = false;
		if ((r = get_wch(&c)) == ERR)
			continue;
		k.fn = r == KEY_CODE_YES;
		k.c = c;
		if (k.fn && k.c == KEY_RESIZE) {
			dirty = true;
			continue;
		}
		if (COLS < MIN_COLS || LINES < MIN_LINES)
			a = is_quit_key(k) ? ACT_QUIT : ACT_NONE;
		else
			a = screens[ui->screen].key(ui, k);
		if (a == ACT_QUIT)
			return quit_code(ui);
		if (a == ACT_REDRAW)
			dirty = true;
	}
}

int tui_run(const struct aipolicy *p, struct aipolicy_walk_state *s,
    aipolicy_date_t today, const struct words *w, const struct ask_hooks *hooks)
{
	struct ui ui;
	SCREEN *scr;
	int code;

	if (!ui_init(&ui, p, s, today, w, hooks) || (scr = term_start()) ==
	    NULL) {
		ui_release(&ui);
		return TUI_UNAVAILABLE;
	}
	enter_question(&ui);
	code = loop(&ui);
	/* a verdict reached but never drawn (a signal came first) is not
	 * logged: it was not shown */
	endwin();
	delscreen(scr);
	ui_release(&ui);
	return code;
}

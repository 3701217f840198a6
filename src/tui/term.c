/*
 * term.c: whether the screens can run on this terminal. Kept apart from
 * screen.c because <term.h> defines macros (lines, key_help, ...) that
 * clash with ordinary names.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <term.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui.h"

bool tui_usable(void)
{
	const char *term = getenv("TERM");
	const char *cup;
	int err = 0;

	if (term == NULL || *term == '\0' || strcmp(term, "dumb") == 0)
		return false;
	if (setupterm(term, STDOUT_FILENO, &err) != OK)
		return false;
	/* a terminal that cannot move the cursor cannot show a screen */
	cup = tigetstr("cup");
	del_curterm(cur_term);
	return cup != NULL && cup != (const char *)-1;
}

// Wraps the parts of ncursesw that Swift cannot import directly: the wide-character API
// (hidden unless NCURSES_WIDECHAR is set, and SwiftPM drops the -D flags from ncursesw.pc),
// the A_* attribute macros, and the global stdscr/LINES/COLS/COLORS variables, which Swift 6
// rejects as shared mutable state.
#ifndef ECOTOP_CNCURSESW_SHIM_H
#define ECOTOP_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <sys/ioctl.h>
#include <unistd.h>

/// terminfo's setupterm, declared here rather than by including term.h, whose capability macros
/// (`lines`, `columns`...) would clash with ordinary names.
extern int setupterm(const char *term, int filedes, int *errret);

static inline WINDOW *ecotop_stdscr(void) { return stdscr; }
/// newterm on the process's own terminal: unlike initscr, it returns NULL on failure
/// (an unknown TERM) instead of printing and exiting.
static inline SCREEN *ecotop_newterm(void) { return newterm(NULL, stdout, stdin); }
/// Whether the terminal can move the cursor to a row and column (`cup`), which a full-screen
/// program needs; TERM=dumb cannot.
static inline int ecotop_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}
/// Loads the terminfo entry of `term` (NULL: $TERM) without taking over the screen, for reading
/// capabilities with tigetnum/tigetstr; 1 when the entry was found.
static inline int ecotop_load_terminfo(const char *term) {
    int error = 0;
    return setupterm(term, STDOUT_FILENO, &error) == OK ? 1 : 0;
}
/// Whether terminfo has the string capability `name` (e.g. "kmous") for the loaded entry.
static inline int ecotop_has_string_capability(const char *name) {
    char *value = tigetstr(name);
    return value != NULL && value != (char *)-1;
}
/// The window size of the terminal on `fd` (TIOCGWINSZ); 0 when `fd` is no terminal.
static inline int ecotop_window_size(int fd, int *columns, int *rows) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_col == 0) return 0;
    *columns = size.ws_col;
    *rows = size.ws_row;
    return 1;
}
static inline int ecotop_lines(void) { return LINES; }
static inline int ecotop_cols(void) { return COLS; }
static inline int ecotop_colors(void) { return COLORS; }
/// TERM's `colors` from terminfo, readable before start_color (which sets COLORS); negative
/// when the description has none.
static inline int ecotop_terminal_colors(void) { return tigetnum("colors"); }
static inline int ecotop_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t ecotop_attr_normal(void) { return A_NORMAL; }
static inline attr_t ecotop_attr_bold(void) { return A_BOLD; }
static inline attr_t ecotop_attr_dim(void) { return A_DIM; }
static inline attr_t ecotop_attr_reverse(void) { return A_REVERSE; }
static inline attr_t ecotop_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t ecotop_attr_italic(void) { return A_ITALIC; }

/// Sets attributes and a colour pair on a window; the pair may exceed 32767 (extended pairs,
/// given through wattr_set's opts argument, which ncurses 6 reads as an int pair number).
static inline int ecotop_set_attributes(WINDOW *window, attr_t attributes, int pair) {
    return wattr_set(window, attributes, (short)(pair > 32767 ? 0 : pair), &pair);
}
/// Whether TERM's description has the `Sync` string (synchronized output, an extended
/// capability of tmux, kitty and other entries).
static inline int ecotop_has_sync(void) {
    char *sync = tigetstr("Sync");
    return sync != NULL && sync != (char *)-1;
}

/// Turns on mouse reporting of button 1 presses and releases and of the wheel (buttons 4 and
/// 5), with ncurses' own click resolution off (the model times double-clicks itself); 1 when
/// the terminal reports any of them. Presses and releases read in one go still come back
/// merged into a click or a double-click, so those are asked for too.
static inline int ecotop_enable_mouse(void) {
    mmask_t wanted = BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED
        | BUTTON5_PRESSED;
    mouseinterval(0);
    return mousemask(wanted, NULL) != 0;
}
/// The mouse event behind a KEY_MOUSE: its cell and kind (0 none, 1 press, 2 release,
/// 3 wheel up, 4 wheel down), a click counting as a press; a double-click is a press with a
/// second one queued behind it (ungetmouse). 0 when there is none to read.
static inline int ecotop_read_mouse(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON1_DOUBLE_CLICKED) {
        event.bstate = BUTTON1_CLICKED;
        ungetmouse(&event);
        return 1;
    }
    if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) return 1;
    if (event.bstate & BUTTON1_RELEASED) return 2;
    if (event.bstate & BUTTON4_PRESSED) return 3;
    if (event.bstate & BUTTON5_PRESSED) return 4;
    return 0;
}

/// The locale's character set name after setlocale(LC_ALL, ""), e.g. "UTF-8" or "ANSI_X3.4-1968".
static inline const char *ecotop_codeset(void) { return nl_langinfo(CODESET); }

#endif

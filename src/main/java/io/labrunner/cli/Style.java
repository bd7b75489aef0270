package io.labrunner.cli;

/** ANSI colours for the console, or none (with {@code --no-color}, {@code NO_COLOR}, or no terminal). */
record Style(boolean color) {
    static final String BOLD = "1";
    static final String DIM = "2";
    static final String ITALIC = "3";
    static final String CYAN = "36";

    String bold(String s) {
        return wrap(BOLD, s);
    }

    String dim(String s) {
        return wrap(DIM, s);
    }

    String italic(String s) {
        return wrap(ITALIC, s);
    }

    String red(String s) {
        return wrap("31", s);
    }

    String green(String s) {
        return wrap("32", s);
    }

    String yellow(String s) {
        return wrap("33", s);
    }

    String cyan(String s) {
        return wrap(CYAN, s);
    }

    /** {@code s} in the SGR attributes {@code codes} ("1;36" is bold cyan); {@code s} itself when empty or colourless. */
    String wrap(String codes, String s) {
        return color && !codes.isEmpty() && !s.isEmpty() ? "\033[" + codes + "m" + s + "\033[0m" : s;
    }

    /** How many columns {@code s} takes on a terminal: its characters without colour codes. */
    static int width(String s) {
        String plain = s.indexOf('\033') < 0 ? s : s.replaceAll("\033\\[[0-9;]*m", "");
        return plain.codePointCount(0, plain.length());
    }
}

package io.labrunner.cli;

/** ANSI colours for the console, or none (with {@code --no-color}, {@code NO_COLOR}, or no terminal). */
record Style(boolean color) {

    String bold(String s) {
        return wrap("1", s);
    }

    String dim(String s) {
        return wrap("2", s);
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
        return wrap("36", s);
    }

    private String wrap(String code, String s) {
        return color ? "\033[" + code + "m" + s + "\033[0m" : s;
    }
}

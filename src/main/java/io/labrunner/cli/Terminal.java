package io.labrunner.cli;

import java.io.Console;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Whether standard output is an interactive terminal (for colours and the live progress line), and its size. */
final class Terminal {
    /** The width when nothing tells: output piped to a file or another program. */
    static final int DEFAULT_WIDTH = 80;

    private static volatile Optional<Size> size;

    private Terminal() {
    }

    /** Rows and columns of the terminal. */
    record Size(int rows, int columns) {
    }

    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // From JDK 22 System.console() exists even when output is redirected; isTerminal() tells.
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 17 to 21: a console exists only on a terminal
        }
    }

    /** Columns to lay text out in: {@code COLUMNS} if set, else the terminal's width, else 80. */
    static int width() {
        return width(System.getenv(), interactive());
    }

    static int width(Map<String, String> env, boolean interactive) {
        Optional<Integer> columns = positive(env.get("COLUMNS"));
        if (columns.isPresent()) {
            return columns.get();
        }
        return interactive ? size().map(Size::columns).orElse(DEFAULT_WIDTH) : DEFAULT_WIDTH;
    }

    /** Rows of the terminal ({@code LINES} if set), when known. */
    static Optional<Integer> rows() {
        Optional<Integer> lines = positive(System.getenv("LINES"));
        return lines.isPresent() ? lines : size().map(Size::rows);
    }

    /**
     * The size {@code stty size} reports for the controlling terminal. Java has no call for it, and
     * the shell's COLUMNS is seldom exported; asked once per process, only when output is a terminal.
     */
    private static Optional<Size> size() {
        Optional<Size> known = size;
        if (known == null) {
            known = interactive() ? askStty() : Optional.empty();
            size = known;
        }
        return known;
    }

    private static Optional<Size> askStty() {
        File tty = new File("/dev/tty");
        if (!tty.exists()) {
            return Optional.empty();
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String answer = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (!stty.waitFor(2, TimeUnit.SECONDS) || stty.exitValue() != 0) {
                stty.destroy();
                return Optional.empty();
            }
            String[] parts = answer.split("\\s+");
            if (parts.length == 2) {
                Optional<Integer> rows = positive(parts[0]);
                Optional<Integer> columns = positive(parts[1]);
                if (rows.isPresent() && columns.isPresent()) {
                    return Optional.of(new Size(rows.get(), columns.get()));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<Integer> positive(String number) {
        if (number == null) {
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(number.trim());
            return n > 0 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

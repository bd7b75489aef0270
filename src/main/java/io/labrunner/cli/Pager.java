package io.labrunner.cli;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shows long text a screen at a time, as git and man do: through {@code $PAGER}, else
 * {@code less -R -F -X} (colours pass through; output that fits one screen just prints and stays on
 * it). Only the caller decides whether paging applies (a terminal on standard output, text output).
 */
final class Pager {
    private static final List<String> LESS = List.of("less", "-R", "-F", "-X");

    private final Map<String, String> env;

    Pager(Map<String, String> env) {
        this.env = env;
    }

    /** The pager's command line: {@code $PAGER} split at spaces, or less; empty when {@code PAGER} is empty or "cat". */
    List<String> command() {
        String pager = env.get("PAGER");
        if (pager == null) {
            return LESS;
        }
        List<String> words = new ArrayList<>(List.of(pager.trim().split("\\s+")));
        words.removeIf(String::isEmpty);
        return words.isEmpty() || words.get(0).equals("cat") ? List.of() : words;
    }

    /** The pager's program on the PATH (or as given, with a slash), if it is there. */
    Optional<Path> program() {
        List<String> command = command();
        if (command.isEmpty()) {
            return Optional.empty();
        }
        String name = command.get(0);
        if (name.contains(File.separator)) {
            Path path = Path.of(name);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Optional.of(Path.of(dir, name));
            }
        }
        return Optional.empty();
    }

    /**
     * Pipes {@code text} into the pager, which writes to this process's terminal, and waits until the
     * learner quits it. False, with nothing shown, when there is no pager to run: the caller prints.
     */
    boolean show(String text) {
        Optional<Path> program = program();
        if (program.isEmpty()) {
            return false;
        }
        List<String> command = new ArrayList<>(command());
        command.set(0, program.get().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        // As git does: a less started through $PAGER keeps colours and exits on a short text too.
        builder.environment().putIfAbsent("LESS", "FRX");
        Process pager;
        try {
            pager = builder.start();
        } catch (IOException e) {
            return false;
        }
        // Ctrl-C belongs to the pager while it runs (less uses it to stop a search), not to us.
        Runnable restore = InterruptSignal.ignore();
        try {
            try (OutputStream in = pager.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // The learner quit before reading to the end: nothing more to show.
            }
            pager.waitFor();
            return true;
        } catch (InterruptedException e) {
            pager.destroy();
            Thread.currentThread().interrupt();
            return true;
        } finally {
            restore.run();
        }
    }

    /** Ignores SIGINT while a pager runs, where the JVM allows it. */
    private static final class InterruptSignal {
        @SuppressWarnings("restriction")
        static Runnable ignore() {
            try {
                sun.misc.Signal interrupt = new sun.misc.Signal("INT");
                sun.misc.SignalHandler previous = sun.misc.Signal.handle(interrupt, sun.misc.SignalHandler.SIG_IGN);
                return () -> sun.misc.Signal.handle(interrupt, previous);
            } catch (RuntimeException | LinkageError e) {
                return () -> { };
            }
        }
    }
}

package io.labrunner.core;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into an orderly stop. Work that must finish before the process
 * ends — a lab's cleanup, the command that prints the summary and then closes the SDK clients and
 * the embedded emulator — takes a {@link Hold} while it runs. On the first signal this says so in
 * one line, marks itself stopping, interrupts the holding threads so that their waits and calls in
 * flight end, and lets the process exit only once every hold is released: the cleanup runs on the
 * main path, with its clients and emulator still up, and its lines print before the summary.
 *
 * <p>A second signal skips what is left of the cleanup: it says in one line how to clean up later
 * (a run's ledger stays), interrupts the holders again, shielded or not, and ends the process
 * shortly after, however far they got.
 *
 * <p>Should a holding thread not let go within the patience (stuck in a call that ignores
 * interrupts), the holds' fallbacks run on the signal's thread: a lab's cleanup, which waits for
 * one already under way instead of running twice.
 *
 * <p>The process's signals are caught with {@code sun.misc.Signal} (module {@code jdk.unsupported}):
 * a shutdown hook cannot tell a second Ctrl-C from the first, nor delay the JVM's own shutdown. A
 * shutdown hook remains for every other way the JVM may end (SIGHUP, {@code System.exit}).
 */
public final class StopSignal {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** After a second signal: how long the holders get to print what they have before the process ends anyway. */
    private static final Duration HURRY = Duration.ofSeconds(10);
    private static final StopSignal JVM = new StopSignal();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> JVM.stop(PATIENCE), "lab-orderly-stop"));
        } catch (IllegalStateException alreadyShuttingDown) {
            JVM.stopping = true;
        }
        ProcessSignals.install(JVM);
    }

    private final List<Hold> holds = new ArrayList<>();
    private volatile boolean stopping;
    private volatile boolean skipping;
    private volatile int exitStatus = 130;
    private int signals;
    private Consumer<String> announcer = StopSignal::toStandardError;
    private Duration firstPatience = PATIENCE;
    private Duration secondPatience = HURRY;

    /** A signal not tied to the process, that only {@link #stop} and {@link #signalled} set off (tests play Ctrl-C with it). */
    public StopSignal() {
    }

    /** The signal the process's Ctrl-C and SIGTERM set off. */
    public static StopSignal jvm() {
        return JVM;
    }

    /** Where the one-line announcements go; by default standard error. */
    public synchronized StopSignal announcingTo(Consumer<String> lines) {
        this.announcer = lines;
        return this;
    }

    /**
     * How long a first signal waits for the holders before their fallbacks run, and a second one
     * before the process ends anyway; by default 30 s and 10 s.
     */
    public synchronized StopSignal patience(Duration first, Duration second) {
        this.firstPatience = first;
        this.secondPatience = second;
        return this;
    }

    /** Whether a stop was asked for: nothing new should start. */
    public boolean stopping() {
        return stopping;
    }

    /** Whether a second signal asked to skip the cleanup too: stop deleting, keep the ledger. */
    public boolean skipping() {
        return skipping;
    }

    /**
     * The exit status a stopped process ends with: 130, for SIGTERM too, so that scripts and CI see
     * one status for "interrupted" whichever way the stop came.
     */
    public int exitStatus() {
        return exitStatus;
    }

    /** Holds the stop back until released; nothing happens on a stop beyond the interrupt. */
    public Hold hold() {
        return hold(() -> { });
    }

    /** Holds the stop back until released; {@code fallback} runs if this thread does not let go in time. */
    public synchronized Hold hold(Runnable fallback) {
        Hold hold = new Hold(Thread.currentThread(), fallback);
        holds.add(hold);
        return hold;
    }

    /**
     * What a process signal does. The first: one line ("Interrupted — cleaning up…" when a hold
     * cleans up on a stop), then {@link #stop} and the returned action ends the process. A second:
     * one line with how to clean up later, the cleanup skipped, and the process ended after a short
     * while however far the holders got.
     *
     * @param exit   ends the process with a status ({@code Runtime::exit}); {@code halt} does when the holders do not let go
     */
    public void signalled(ExitAction exit, ExitAction halt) {
        boolean first;
        boolean beyondSecond;
        String line;
        Duration wait;
        synchronized (this) {
            signals++;
            beyondSecond = signals > 2;
            wait = signals == 1 ? firstPatience : secondPatience;
            first = signals == 1;
            if (first) {
                line = holds.isEmpty() ? "" : holds.stream().anyMatch(h -> h.cleansUp)
                        ? "Interrupted — cleaning up… (press Ctrl-C again to skip the cleanup)"
                        : "Interrupted — stopping…";
            } else {
                line = holds.isEmpty() ? "" : holds.stream().map(h -> h.skipAdvice).filter(a -> !a.isBlank()).findFirst()
                        .map(advice -> "Interrupted again — cleanup skipped; " + advice)
                        .orElse("Interrupted again — stopping now.");
            }
        }
        if (first) {
            announce(line);
            stop(wait);
            exit.end(exitStatus);
            return;
        }
        if (beyondSecond) {
            halt.end(exitStatus);
            return;
        }
        announce(line);
        boolean released = hurry(wait);
        (released ? exit : halt).end(exitStatus);
    }

    /**
     * What the first stop does: mark stopping, interrupt the holders, wait for them to let go; after
     * {@code patience}, run the fallbacks of those still holding and give them as long again.
     */
    public void stop(Duration patience) {
        List<Hold> open;
        synchronized (this) {
            stopping = true;
            for (Hold hold : holds) {
                if (!shielded(hold.thread)) {
                    hold.thread.interrupt();
                }
            }
            if (awaitReleased(patience)) {
                return;
            }
            open = List.copyOf(holds);
        }
        for (Hold hold : open) {
            if (!skipping) {
                hold.fallback.run();
            }
        }
        synchronized (this) {
            awaitReleased(patience);
        }
    }

    /**
     * What a second stop does: skip the cleanup, interrupt every holder (shielded or not) and wait
     * up to {@code patience} for them to let go. Returns whether they all did.
     */
    public synchronized boolean hurry(Duration patience) {
        stopping = true;
        skipping = true;
        holds.forEach(h -> h.thread.interrupt());
        return awaitReleased(patience);
    }

    private synchronized void announce(String line) {
        if (!line.isEmpty()) {
            announcer.accept(line);
        }
    }

    /** On a terminal the line first clears what a live progress line left on the current one. */
    private static void toStandardError(String line) {
        PrintStream err = System.err;
        err.println((System.console() != null ? "\r\033[K" : "") + line);
        err.flush();
    }

    private boolean shielded(Thread thread) {
        return holds.stream().anyMatch(h -> h.thread == thread && h.shielded);
    }

    /** Waits on this monitor; must hold it. */
    private boolean awaitReleased(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        boolean interrupted = false;
        try {
            while (!holds.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized void release(Hold hold) {
        holds.remove(hold);
        notifyAll();
    }

    private synchronized void shield(Hold hold) {
        hold.shielded = true;
    }

    private synchronized void describe(Hold hold, String skipAdvice) {
        hold.cleansUp = true;
        hold.skipAdvice = skipAdvice;
    }

    /** Ends the process with an exit status: {@code Runtime.getRuntime()::exit}, or {@code ::halt}. */
    @FunctionalInterface
    public interface ExitAction {
        void end(int status);
    }

    /** Work the stop waits for. Release it by closing it. */
    public final class Hold implements AutoCloseable {
        private final Thread thread;
        private final Runnable fallback;
        private boolean shielded;
        private boolean cleansUp;
        private String skipAdvice = "";

        private Hold(Thread thread, Runnable fallback) {
            this.thread = thread;
            this.fallback = fallback;
        }

        /**
         * Says that a stop makes this holder clean up, and what a second signal, which skips that
         * cleanup, should tell the user (how to clean up later).
         */
        public Hold cleansUpOnStop(String skipAdvice) {
            describe(this, skipAdvice);
            return this;
        }

        /**
         * From now on a first stop does not interrupt this thread (its cleanup must not be cut
         * short; a second one does); an interrupt that arrived before is cleared. Returns whether one had.
         */
        public boolean shield() {
            StopSignal.this.shield(this);
            return Thread.interrupted();
        }

        @Override
        public void close() {
            release(this);
        }
    }
}

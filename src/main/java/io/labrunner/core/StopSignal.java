package io.labrunner.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Ctrl-C (or SIGTERM) into an orderly stop. Work that must finish before the process ends
 * — a lab's cleanup, the command that prints the summary and then closes the SDK clients — takes
 * a {@link Hold} while it runs. On shutdown the signal is marked stopping, the holding threads are
 * interrupted so that their waits end, and the shutdown waits until every hold is released. So the
 * cleanup runs on the main path, with its clients open, and its lines print before the summary.
 *
 * <p>Should a holding thread not let go within the patience (stuck in a call that ignores
 * interrupts), the holds' fallbacks run on the shutdown thread: a lab's cleanup, which waits for
 * one already under way instead of running twice.
 */
public final class StopSignal {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final StopSignal JVM = new StopSignal();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> JVM.stop(PATIENCE), "lab-orderly-stop"));
        } catch (IllegalStateException alreadyShuttingDown) {
            JVM.stopping = true;
        }
    }

    private final List<Hold> holds = new ArrayList<>();
    private volatile boolean stopping;

    /** A signal not tied to the process, that only {@link #stop} sets off (tests play Ctrl-C with it). */
    public StopSignal() {
    }

    /** The signal the process's shutdown (Ctrl-C, SIGTERM) sets off. */
    public static StopSignal jvm() {
        return JVM;
    }

    /** Whether a stop was asked for: nothing new should start. */
    public boolean stopping() {
        return stopping;
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
     * What the shutdown does: mark stopping, interrupt the holders, wait for them to let go; after
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
            hold.fallback.run();
        }
        synchronized (this) {
            awaitReleased(patience);
        }
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

    /** Work the stop waits for. Release it by closing it. */
    public final class Hold implements AutoCloseable {
        private final Thread thread;
        private final Runnable fallback;
        private boolean shielded;

        private Hold(Thread thread, Runnable fallback) {
            this.thread = thread;
            this.fallback = fallback;
        }

        /**
         * From now on a stop does not interrupt this thread (its cleanup must not be cut short); an
         * interrupt that arrived before is cleared. Returns whether one had.
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

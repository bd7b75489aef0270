package io.labrunner.emulator;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread factories for the services' background work (jobs, schedules, deliveries): daemon threads, so an
 * emulator that was not closed never keeps the JVM alive, named so a thread dump says whose they are.
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** Every thread called {@code name}: for executors with one thread. */
    public static ThreadFactory named(String name) {
        return task -> start(task, name);
    }

    /** Threads called {@code prefix1}, {@code prefix2}, …: for pools. */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> start(task, prefix + count.incrementAndGet());
    }

    private static Thread start(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}

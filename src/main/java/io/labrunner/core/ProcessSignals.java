package io.labrunner.core;

import sun.misc.Signal;

/**
 * Hands SIGINT and SIGTERM to a {@link StopSignal} instead of the JVM's own shutdown, so that the
 * first one stops in order and a second one can skip the cleanup. A signal this process was started
 * with ignored stays ignored (the JVM leaves it so); where signals cannot be caught (-Xrs), the JVM's
 * shutdown and the stop signal's shutdown hook do the orderly part.
 */
final class ProcessSignals {
    private ProcessSignals() {
    }

    static void install(StopSignal stop) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> stop.signalled(
                        status -> Runtime.getRuntime().exit(status), status -> Runtime.getRuntime().halt(status)));
            } catch (IllegalArgumentException | UnsupportedOperationException notHere) {
                // Not catchable on this platform or JVM: the shutdown hook stays in charge.
            }
        }
    }
}

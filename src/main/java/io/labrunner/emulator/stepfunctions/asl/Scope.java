package io.labrunner.emulator.stepfunctions.asl;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

/**
 * What can be cancelled together: the execution, one Parallel branch, one Map iteration. Cancelling a scope
 * cancels the task futures running in it and in the scopes inside it; their threads stop at the next check.
 */
final class Scope {
    private final Scope outer;
    private final Set<Scope> inner = ConcurrentHashMap.newKeySet();
    private final Set<Future<?>> tasks = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    Scope(Scope outer) {
        this.outer = outer;
        if (outer != null) {
            outer.inner.add(this);
        }
    }

    boolean isCancelled() {
        return cancelled || (outer != null && outer.isCancelled());
    }

    void cancel() {
        cancelled = true;
        tasks.forEach(t -> t.cancel(true));
        inner.forEach(Scope::cancel);
    }

    /** Drops a finished inner scope, so a long Map does not keep every iteration's scope. */
    void close() {
        if (outer != null) {
            outer.inner.remove(this);
        }
    }

    void register(Future<?> task) {
        tasks.add(task);
        if (isCancelled()) {
            task.cancel(true);
        }
    }

    void unregister(Future<?> task) {
        tasks.remove(task);
    }
}

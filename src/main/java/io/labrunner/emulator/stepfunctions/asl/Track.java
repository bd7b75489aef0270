package io.labrunner.emulator.stepfunctions.asl;

/**
 * One line of events in an execution's history, for {@code previousEventId}: the execution itself, a Parallel
 * branch or a Map iteration. Each event follows the last event of its own line. Changed only under the
 * {@link History}'s lock.
 */
final class Track {
    private volatile long last;

    Track(long last) {
        this.last = last;
    }

    long last() {
        return last;
    }

    void moveTo(long id) {
        last = id;
    }
}

package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Numbers an execution's events and hands them to the listener in order. Once the execution's closing event
 * (ExecutionSucceeded, ExecutionFailed, ExecutionTimedOut, ExecutionAborted) is recorded, later events of threads
 * still winding down are dropped.
 */
final class History {
    private final ExecutionListener listener;
    private long lastId;
    private boolean closed;

    History(ExecutionListener listener) {
        this.listener = listener;
    }

    /**
     * Records an event following {@code track}'s last event and makes it the track's last.
     *
     * @return the event's id, or 0 when the history is closed
     */
    synchronized long record(Track track, String type, String member, ObjectNode details) {
        long id = append(track.last(), type, member, details);
        if (id > 0) {
            track.moveTo(id);
        }
        return id;
    }

    /** Records an event following {@code track}'s last event without moving the track on. */
    synchronized long recordAside(Track track, String type, String member, ObjectNode details) {
        return append(track.last(), type, member, details);
    }

    /**
     * Records a composite state's success (ParallelStateSucceeded, MapStateSucceeded) after the newest event of
     * its branches or iterations; the state's exit then follows that same event, as AWS records it.
     */
    synchronized long recordAfterLatest(Track track, String type, String member, ObjectNode details) {
        long previous = lastId;
        long id = append(previous, type, member, details);
        track.moveTo(previous);
        return id;
    }

    /** Moves {@code outer} on to the last event of {@code inner} (a branch or iteration that ended). */
    synchronized void follow(Track outer, Track inner) {
        outer.moveTo(inner.last());
    }

    /**
     * Records the execution's closing event, after which nothing more is recorded.
     *
     * @return false when the history was already closed (another ending got there first)
     */
    synchronized boolean close(long previous, String type, String member, ObjectNode details) {
        if (closed) {
            return false;
        }
        append(previous, type, member, details);
        closed = true;
        return true;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** The id the next event would get minus one: the newest event so far. */
    synchronized long lastId() {
        return lastId;
    }

    private long append(long previous, String type, String member, ObjectNode details) {
        if (closed) {
            return 0;
        }
        long id = ++lastId;
        listener.onEvent(new HistoryEvent(id, previous, Instant.now(), type, member, details));
        return id;
    }
}

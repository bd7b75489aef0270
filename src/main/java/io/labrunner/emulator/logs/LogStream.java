package io.labrunner.emulator.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One log stream: its events in read order (timestamp, then arrival). Memory is bounded: past
 * {@link #MAX_EVENTS} events the oldest are dropped, as retention would drop them on AWS.
 */
final class LogStream {
    /** The most events one stream keeps; a SageMaker training job writes a few hundred lines. */
    static final int MAX_EVENTS = 50_000;

    private final String name;
    private final long creationTime;
    private final NavigableMap<EventPosition, LogEvent> events = new TreeMap<>();
    private long nextSequence;
    private Long lastIngestionTime;

    LogStream(String name, long creationTime) {
        this.name = name;
        this.creationTime = creationTime;
    }

    static LogStream restored(String name, long creationTime, long nextSequence, Long lastIngestionTime,
                              List<LogEvent> events) {
        LogStream stream = new LogStream(name, creationTime);
        stream.nextSequence = nextSequence;
        stream.lastIngestionTime = lastIngestionTime;
        events.forEach(e -> stream.events.put(e.position(), e));
        return stream;
    }

    String name() {
        return name;
    }

    long creationTime() {
        return creationTime;
    }

    long nextSequence() {
        return nextSequence;
    }

    Long lastIngestionTime() {
        return lastIngestionTime;
    }

    Long firstEventTimestamp() {
        return events.isEmpty() ? null : events.firstKey().timestamp();
    }

    Long lastEventTimestamp() {
        return events.isEmpty() ? null : events.lastKey().timestamp();
    }

    /** The position after every event so far. */
    EventPosition end() {
        return events.isEmpty() ? EventPosition.START : events.lastKey().next();
    }

    /**
     * Appends one event and returns it, with the events dropped to stay within {@link #MAX_EVENTS}.
     */
    Appended append(long timestamp, long ingestionTime, String message) {
        LogEvent event = new LogEvent(timestamp, ingestionTime, nextSequence++, message);
        events.put(event.position(), event);
        lastIngestionTime = ingestionTime;
        List<LogEvent> dropped = new ArrayList<>();
        while (events.size() > MAX_EVENTS) {
            dropped.add(events.pollFirstEntry().getValue());
        }
        return new Appended(event, dropped);
    }

    /** An appended event and the oldest events it pushed out. */
    record Appended(LogEvent event, List<LogEvent> dropped) {
    }

    /** Events at or after {@code from}, in read order. */
    Iterable<LogEvent> from(EventPosition from) {
        return events.tailMap(from, true).values();
    }

    /** Events before {@code before}, newest first. */
    Iterable<LogEvent> backwardsFrom(EventPosition before) {
        return events.headMap(before, false).descendingMap().values();
    }

    Map<EventPosition, LogEvent> all() {
        return events;
    }
}

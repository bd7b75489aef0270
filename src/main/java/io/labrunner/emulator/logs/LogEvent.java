package io.labrunner.emulator.logs;

/**
 * One stored event. {@code sequence} orders events of equal timestamp by arrival and, with the
 * timestamp, gives the event its place in the stream: {@link EventPosition}.
 */
record LogEvent(long timestamp, long ingestionTime, long sequence, String message) {

    EventPosition position() {
        return new EventPosition(timestamp, sequence);
    }
}

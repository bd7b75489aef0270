package io.labrunner.emulator.logs;

import java.util.Comparator;

/**
 * A place between events in a stream, in the order events are read (timestamp, then arrival).
 * GetLogEvents' tokens and FilterLogEvents' nextToken carry one, so a later event with an earlier
 * timestamp does not shift a reader's place.
 */
record EventPosition(long timestamp, long sequence) implements Comparable<EventPosition> {
    static final EventPosition START = new EventPosition(0, 0);
    private static final Comparator<EventPosition> ORDER = Comparator.comparingLong(EventPosition::timestamp)
            .thenComparingLong(EventPosition::sequence);

    /** The position just after this one. */
    EventPosition next() {
        return new EventPosition(timestamp, sequence + 1);
    }

    /** 56 digits, as AWS's tokens carry: 20 for the timestamp, 36 for the sequence. */
    String digits() {
        return String.format("%020d%036d", timestamp, sequence);
    }

    /** The position {@link #digits()} wrote, or null when {@code text} is not 56 digits. */
    static EventPosition parse(String text) {
        if (text.length() != 56 || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            return new EventPosition(Long.parseLong(text.substring(0, 20)), Long.parseLong(text.substring(20)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public int compareTo(EventPosition other) {
        return ORDER.compare(this, other);
    }
}

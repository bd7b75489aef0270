package io.labrunner.labs.s3dataformats;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads timestamps written as text by the tools a learner may use. */
final class Timestamps {

    private Timestamps() {
    }

    /**
     * Parses an ISO-8601 timestamp with an offset. Accepts Java's {@code 2026-01-02T03:04:05.123Z}
     * and DuckDB's {@code 2026-01-02 03:04:05.123+00}. Text without an offset is refused: it does
     * not say which instant it means.
     */
    static Instant parse(String text) {
        String iso = text.trim().replace(' ', 'T');
        if (iso.matches(".*[+-]\\d\\d$")) {
            iso = iso + ":00";
        }
        return OffsetDateTime.parse(iso).toInstant();
    }
}

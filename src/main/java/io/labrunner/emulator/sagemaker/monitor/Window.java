package io.labrunner.emulator.sagemaker.monitor;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A monitoring execution's analysis window. Captured data is partitioned by hour
 * ({@code …/yyyy/mm/dd/hh/file.jsonl}); an hour partition belongs to the window when its hour overlaps it.
 */
record Window(Instant start, Instant end) {
    private static final Pattern HOUR = Pattern.compile("/(\\d{4})/(\\d{2})/(\\d{2})/(\\d{2})/[^/]+$");

    /** Whether the captured object {@code key} lies in an hour partition that overlaps the window. */
    boolean holds(String key) {
        Matcher m = HOUR.matcher(key);
        if (!m.find()) {
            return false;
        }
        try {
            Instant hour = ZonedDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), 0, 0, 0, ZoneOffset.UTC).toInstant();
            return hour.isBefore(end) && hour.plusSeconds(3600).isAfter(start);
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }
}

package io.labrunner.emulator.athena;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Renders DuckDB values the way Athena writes them in its CSV results. */
final class ValueFormatter {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private ValueFormatter() {
    }

    static String format(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp) {
            return ((Timestamp) value).toLocalDateTime().format(TIMESTAMP);
        }
        if (value instanceof LocalDateTime) {
            return ((LocalDateTime) value).format(TIMESTAMP);
        }
        if (value instanceof OffsetDateTime) {
            return ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC).format(TIMESTAMP) + " UTC";
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        // Double, Float, Boolean, BigInteger, dates, lists ([a, b]) and structs ({a=1, b=x}) already
        // print as Trino prints them.
        return value.toString();
    }
}

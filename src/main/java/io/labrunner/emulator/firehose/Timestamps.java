package io.labrunner.emulator.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads timestamps as the two deserializers do
 * (https://docs.aws.amazon.com/firehose/latest/dev/record-format-conversion.html, "Choose the JSON deserializer").
 * OpenX: {@code yyyy-MM-dd'T'HH:mm:ss[.S]'Z'}, {@code yyyy-[M]M-[d]d HH:mm:ss[.S]} (fractions up to 9 digits),
 * epoch seconds, epoch milliseconds and fractional epoch seconds. Hive: the stream's TimestampFormats
 * (Joda-style patterns, or {@code millis}), else {@code java.sql.Timestamp.valueOf}'s form. Times are UTC.
 */
final class Timestamps {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d{1,9})?Z?");
    private static final Pattern SPACED = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2}) (\\d{1,2}):(\\d{1,2}):(\\d{1,2})(\\.\\d{1,9})?");
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern EPOCH = Pattern.compile("-?\\d+(\\.\\d+)?");
    /** An integral epoch value with more digits than this is milliseconds, not seconds. */
    private static final int SECONDS_DIGITS = 10;
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private Timestamps() {
    }

    /** A timestamp value in the form DuckDB reads as TIMESTAMP, or a rejection naming the value. */
    static String timestamp(JsonNode value, FormatConversion.JsonDeserializer deserializer) {
        LocalDateTime parsed = deserializer.openX() ? openX(value) : hive(value, deserializer.timestampFormats());
        if (parsed == null) {
            throw RecordRejected.mismatch("Cannot parse timestamp: " + value);
        }
        return OUT.format(parsed);
    }

    /** A date value in the form DuckDB reads as DATE. */
    static String date(JsonNode value) {
        Matcher m = DATE.matcher(value.asText().trim());
        if (!value.isTextual() || !m.matches()) {
            throw RecordRejected.mismatch("Cannot parse date: " + value);
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))).toString();
        } catch (java.time.DateTimeException e) {
            throw RecordRejected.mismatch("Cannot parse date: " + value);
        }
    }

    private static LocalDateTime openX(JsonNode value) {
        String text = value.asText().trim();
        if (value.isNumber() || EPOCH.matcher(text).matches()) {
            return epoch(new BigDecimal(text));
        }
        Matcher m = ISO.matcher(text);
        if (!m.matches()) {
            m = SPACED.matcher(text);
        }
        return m.matches() ? of(m) : null;
    }

    private static LocalDateTime epoch(BigDecimal value) {
        boolean millis = value.scale() <= 0 && value.abs().toBigInteger().toString().length() > SECONDS_DIGITS;
        BigDecimal nanos = value.movePointRight(millis ? 6 : 9);
        try {
            long n = nanos.longValueExact();
            return LocalDateTime.ofInstant(Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L),
                    Math.floorMod(n, 1_000_000_000L)), ZoneOffset.UTC);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return null;
        }
    }

    private static LocalDateTime hive(JsonNode value, List<String> formats) {
        String text = value.asText().trim();
        for (String format : formats) {
            LocalDateTime parsed = format.equals("millis") ? millis(value, text) : pattern(format, text);
            if (parsed != null) {
                return parsed;
            }
        }
        if (!formats.isEmpty()) {
            return null;
        }
        Matcher m = SPACED.matcher(text);
        return value.isTextual() && m.matches() ? of(m) : null;
    }

    private static LocalDateTime millis(JsonNode value, String text) {
        if (!(value.isIntegralNumber() || text.matches("-?\\d+"))) {
            return null;
        }
        try {
            return LocalDateTime.ofInstant(Instant.ofEpochMilli(Long.parseLong(text)), ZoneOffset.UTC);
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }

    /** A Joda-style pattern read with java.time, whose letters agree for the usual date-time fields. */
    private static LocalDateTime pattern(String format, String text) {
        try {
            TemporalAccessor t = DateTimeFormatter.ofPattern(format).parse(text);
            LocalDate date = LocalDate.of(t.get(ChronoField.YEAR), t.get(ChronoField.MONTH_OF_YEAR),
                    t.get(ChronoField.DAY_OF_MONTH));
            LocalTime time = t.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(t) : LocalTime.MIDNIGHT;
            LocalDateTime local = LocalDateTime.of(date, time);
            if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
                return local.minusSeconds(t.get(ChronoField.OFFSET_SECONDS));
            }
            return local;
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return null;
        }
    }

    private static LocalDateTime of(Matcher m) {
        String fraction = m.group(7) == null ? "" : m.group(7).substring(1);
        int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
        try {
            return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)), nanos);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}

package io.labrunner.emulator.sagemaker.monitor;

import io.labrunner.emulator.sagemaker.SageMakerErrors;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A monitoring schedule's ScheduleConfig. The forms SageMaker accepts (ScheduleConfig in the API
 * reference): hourly {@code cron(0 * ? * * *)}, daily at an hour {@code cron(0 [00-23] ? * * *)}, every N
 * hours from an hour {@code cron(0 [00-23]/[01-24] ? * * *)}, and {@code NOW} for one execution at once.
 * DataAnalysisStartTime and DataAnalysisEndTime are ISO-8601 offsets from the scheduled time ("-PT1H"),
 * required with NOW; the end must not follow the start by more than 24 hours.
 *
 * @param firstHour hour of day of the first run (0 for hourly)
 * @param everyHours hours between runs; 0 for NOW
 * @param start      window start offset, or null for the previous hour
 * @param end        window end offset, or null for the previous hour
 */
record ScheduleExpression(boolean now, int firstHour, int everyHours, Duration start, Duration end) {
    private static final Pattern CRON = Pattern.compile("cron\\(0 (\\*|\\d{1,2}|\\d{1,2}/\\d{1,2}) \\? \\* \\* \\*\\)");

    /**
     * @throws io.labrunner.emulator.AwsException ValidationException for an expression or offset SageMaker refuses
     */
    static ScheduleExpression parse(String expression, String startText, String endText) {
        Duration start = offset("DataAnalysisStartTime", startText);
        Duration end = offset("DataAnalysisEndTime", endText);
        if ((start == null) != (end == null)) {
            throw SageMakerErrors.validation("DataAnalysisStartTime and DataAnalysisEndTime must be specified together.");
        }
        if (start != null) {
            if (positive(start) || positive(end)) {
                throw SageMakerErrors.validation("DataAnalysisStartTime and DataAnalysisEndTime must be negative "
                        + "offsets (or zero) from the scheduled time, e.g. -PT1H.");
            }
            if (start.compareTo(end) >= 0) {
                throw SageMakerErrors.validation("DataAnalysisStartTime (" + startText + ") must be before "
                        + "DataAnalysisEndTime (" + endText + ").");
            }
            if (end.minus(start).compareTo(Duration.ofHours(24)) > 0) {
                throw SageMakerErrors.validation("The end time must not follow the start time by more than 24 hours.");
            }
        }
        if ("NOW".equals(expression)) {
            if (start == null) {
                throw SageMakerErrors.validation("DataAnalysisStartTime and DataAnalysisEndTime are required when "
                        + "ScheduleExpression is NOW.");
            }
            return new ScheduleExpression(true, 0, 0, start, end);
        }
        Matcher m = CRON.matcher(expression == null ? "" : expression);
        if (!m.matches()) {
            throw invalid(expression);
        }
        String hours = m.group(1);
        if (hours.equals("*")) {
            return new ScheduleExpression(false, 0, 1, start, end);
        }
        String[] parts = hours.split("/");
        int first = Integer.parseInt(parts[0]);
        int every = parts.length == 2 ? Integer.parseInt(parts[1]) : 24;
        if (first > 23 || every < 1 || every > 24) {
            throw invalid(expression);
        }
        return new ScheduleExpression(false, first, every, start, end);
    }

    private static io.labrunner.emulator.AwsException invalid(String expression) {
        return SageMakerErrors.validation("Invalid ScheduleExpression " + expression + ": supported are NOW, "
                + "cron(0 * ? * * *) (hourly), cron(0 H ? * * *) (daily at hour H) and cron(0 H/N ? * * *) (every N "
                + "hours from hour H).");
    }

    private static boolean positive(Duration offset) {
        return !offset.isNegative() && !offset.isZero();
    }

    private static Duration offset(String member, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw SageMakerErrors.validation("Invalid " + member + " " + text + ": expected an ISO 8601 duration such "
                    + "as -PT1H.");
        }
    }

    /** The first scheduled hour strictly after {@code after}. */
    Instant nextAfter(Instant after) {
        Instant hour = after.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        for (int i = 0; i < 48; i++) {
            int h = hour.atZone(ZoneOffset.UTC).getHour();
            if (h >= firstHour && (h - firstHour) % everyHours == 0) {
                return hour;
            }
            hour = hour.plus(1, ChronoUnit.HOURS);
        }
        throw new IllegalStateException("no run within two days of " + after);
    }

    /** The data an execution scheduled at {@code scheduled} analyzes: the offsets, or the hour before it. */
    Window window(Instant scheduled) {
        return start == null ? new Window(scheduled.minus(1, ChronoUnit.HOURS), scheduled)
                : new Window(scheduled.plus(start), scheduled.plus(end));
    }
}

package io.labrunner.emulator.events;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's ScheduleExpression: {@code rate(value unit)} or {@code cron(minutes hours day-of-month month
 * day-of-week year)}, in UTC, as the EventBridge user guide ("Creating an Amazon EventBridge rule that runs on a
 * schedule") defines them. AWS's cron is Quartz's without the seconds field, so it is read by cron-utils' Quartz
 * definition with seconds fixed at 0 (which also refuses both day fields set, or neither being {@code ?}).
 */
sealed interface Schedule {
    Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    /** The first time after {@code after} this schedule fires, if ever. */
    Optional<Instant> next(Instant after);

    /**
     * @throws io.labrunner.emulator.AwsException ValidationException "Parameter ScheduleExpression is not valid."
     */
    static Schedule parse(String expression) {
        Matcher rate = RATE.matcher(expression);
        if (rate.matches()) {
            long value = Long.parseLong(rate.group(1));
            String unit = rate.group(2);
            // AWS: a value of 1 takes the singular unit, any other value the plural.
            if (value <= 0 || (value == 1) != !unit.endsWith("s")) {
                throw invalid();
            }
            Duration period = switch (unit.replaceAll("s$", "")) {
                case "minute" -> Duration.ofMinutes(value);
                case "hour" -> Duration.ofHours(value);
                default -> Duration.ofDays(value);
            };
            return new Rate(period);
        }
        Matcher cron = CRON.matcher(expression);
        if (cron.matches()) {
            String[] fields = cron.group(1).trim().split("\\s+");
            if (fields.length != 6) {
                throw invalid();
            }
            try {
                ExecutionTime time = ExecutionTime.forCron(QUARTZ.parse("0 " + String.join(" ", fields)).validate());
                return new Cron(time);
            } catch (IllegalArgumentException e) {
                throw invalid();
            }
        }
        throw invalid();
    }

    private static io.labrunner.emulator.AwsException invalid() {
        return EventsErrors.validation("Parameter ScheduleExpression is not valid.");
    }

    /** {@code rate(5 minutes)}: every period from when the rule was made. */
    record Rate(Duration period) implements Schedule {
        @Override
        public Optional<Instant> next(Instant after) {
            return Optional.of(after.plus(period));
        }
    }

    /** {@code cron(0/5 * * * ? *)}: at the matching minutes, UTC. */
    record Cron(ExecutionTime time) implements Schedule {
        @Override
        public Optional<Instant> next(Instant after) {
            return time.nextExecution(ZonedDateTime.ofInstant(after, ZoneOffset.UTC)).map(ZonedDateTime::toInstant);
        }
    }
}

package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Wait: Seconds, Timestamp, SecondsPath or TimestampPath (JSONata: Seconds or Timestamp expressions). */
final class WaitStep implements Step {

    @Override
    public StateRun.Transition run(StateRun run) {
        StateSpec spec = run.spec;
        if (spec.jsonata()) {
            ObjectNode states = run.states(null, null);
            long until = spec.has("Seconds")
                    ? afterSeconds(run, run.jsonata("Seconds", spec.field("Seconds"), states), "Seconds")
                    : timestamp(run, run.jsonata("Timestamp", spec.field("Timestamp"), states), null);
            run.execution().sleepUntil(run.frame.scope(), until);
            Map<String, JsonNode> assigned = run.assign(spec.field("Assign"), null, states);
            JsonNode output = spec.has("Output") ? run.jsonata("Output", spec.field("Output"), states) : run.input;
            return run.exit(spec.next(), output, assigned);
        }
        JsonNode effective = run.effectiveInput();
        long until;
        if (spec.has("Seconds")) {
            until = afterSeconds(run, spec.field("Seconds"), "Seconds");
        } else if (spec.has("SecondsPath")) {
            String path = spec.text("SecondsPath");
            JsonNode seconds = Expressions.path(run, effective, path);
            if (!seconds.canConvertToLong() || !seconds.isIntegralNumber() || seconds.asLong() < 0) {
                throw run.runtime("The SecondsPath parameter does not reference an input value: " + path);
            }
            until = afterSeconds(run, seconds, "SecondsPath");
        } else if (spec.has("Timestamp")) {
            until = timestamp(run, spec.field("Timestamp"), null);
        } else {
            String path = spec.text("TimestampPath");
            until = timestamp(run, Expressions.path(run, effective, path), path);
        }
        run.execution().sleepUntil(run.frame.scope(), until);
        Map<String, JsonNode> assigned = run.assign(spec.field("Assign"), effective, null);
        return run.exit(spec.next(), run.outputPath(effective), assigned);
    }

    private static long afterSeconds(StateRun run, JsonNode seconds, String field) {
        if (seconds == null || !seconds.isIntegralNumber() || seconds.asLong() < 0) {
            throw run.runtime("The " + field + " field must be a non-negative integer, but was: "
                    + (seconds == null ? "null" : Events.text(seconds)));
        }
        return System.currentTimeMillis() + seconds.asLong() * 1000;
    }

    /** An ISO-8601 date-time with offset, as Step Functions requires; the messages are AWS's. */
    private static long timestamp(StateRun run, JsonNode value, String path) {
        String text = value == null ? "null" : value.isTextual() ? value.asText() : Events.text(value);
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            if (path != null) {
                throw run.runtime("The TimestampPath parameter does not reference a valid ISO-8601 extended offset"
                        + " date-time format string: " + path + " == " + text);
            }
            throw run.runtime("The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time"
                    + " format string: " + text);
        }
    }
}

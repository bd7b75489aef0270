package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One entry of a state's {@code Retry}: which errors it retries, how often and how long it waits in between.
 * Defaults are the States Language's: IntervalSeconds 1, MaxAttempts 3, BackoffRate 2.0, no jitter.
 */
record Retrier(List<String> errorEquals, double intervalSeconds, int maxAttempts, double backoffRate,
        Integer maxDelaySeconds, boolean fullJitter) {

    static Retrier parse(JsonNode node) {
        List<String> errors = new ArrayList<>();
        node.path("ErrorEquals").forEach(e -> errors.add(e.asText()));
        return new Retrier(List.copyOf(errors),
                node.path("IntervalSeconds").asDouble(1),
                node.path("MaxAttempts").asInt(3),
                node.path("BackoffRate").asDouble(2.0),
                node.hasNonNull("MaxDelaySeconds") ? node.get("MaxDelaySeconds").asInt() : null,
                "FULL".equals(node.path("JitterStrategy").asText("NONE")));
    }

    boolean matches(StateFailure failure) {
        return errorEquals.stream().anyMatch(failure::matches);
    }

    /** The wait before retry number {@code attempt} (0 for the first retry), in milliseconds. */
    long delayMillis(int attempt) {
        double seconds = intervalSeconds * Math.pow(backoffRate, attempt);
        if (maxDelaySeconds != null) {
            seconds = Math.min(seconds, maxDelaySeconds);
        }
        if (fullJitter) {
            seconds = ThreadLocalRandom.current().nextDouble() * seconds;
        }
        return (long) (seconds * 1000);
    }
}

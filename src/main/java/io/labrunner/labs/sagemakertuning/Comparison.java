package io.labrunner.labs.sagemakertuning;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The learner's comparison of the two strategies, as written to {@code tuning/comparison.json}:
 * per strategy, the best objective, the trial that reached it and how many trials that took.
 */
record Comparison(Map<String, Outcome> strategies) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One strategy's result. */
    record Outcome(String tuningJob, String bestTrainingJob, double bestObjective, int trialsToBest, int trials) {
    }

    String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Comparison fromJson(String json) {
        try {
            return JSON.readValue(json, Comparison.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

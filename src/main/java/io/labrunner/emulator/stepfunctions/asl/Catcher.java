package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a state's {@code Catch}: the errors it catches, where it goes, and how the error output reaches
 * the next state ({@code ResultPath} in JSONPath, {@code Output} and {@code Assign} in either language).
 *
 * @param resultPath the ResultPath, {@code "$"} when absent, null for {@code "ResultPath": null}
 */
record Catcher(List<String> errorEquals, String next, String resultPath, JsonNode output, JsonNode assign) {

    static Catcher parse(JsonNode node) {
        List<String> errors = new ArrayList<>();
        node.path("ErrorEquals").forEach(e -> errors.add(e.asText()));
        String resultPath = !node.has("ResultPath") ? "$"
                : node.get("ResultPath").isNull() ? null : node.get("ResultPath").asText();
        return new Catcher(List.copyOf(errors), node.path("Next").asText(), resultPath, node.get("Output"),
                node.get("Assign"));
    }

    boolean matches(StateFailure failure) {
        return errorEquals.stream().anyMatch(failure::matches);
    }
}

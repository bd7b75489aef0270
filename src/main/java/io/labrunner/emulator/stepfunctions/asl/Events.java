package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import java.util.Map;

/** The details members of history events, shaped as GetExecutionHistory returns them (botocore's HistoryEvent). */
final class Events {
    /** Step Functions' payload quota: 256 KiB of UTF-8 for a state's input, output or a task's result. */
    static final int MAX_PAYLOAD_BYTES = 262_144;

    private Events() {
    }

    /** A payload as the JSON text history events carry. */
    static String text(JsonNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode withInput(ObjectNode details, String input) {
        details.put("input", input);
        details.putObject("inputDetails").put("truncated", false);
        return details;
    }

    static ObjectNode withOutput(ObjectNode details, String output) {
        details.put("output", output);
        details.putObject("outputDetails").put("truncated", false);
        return details;
    }

    static ObjectNode stateEntered(String name, String input) {
        ObjectNode details = Json.object().put("name", name);
        return withInput(details, input);
    }

    static ObjectNode stateExited(String name, String output, Map<String, JsonNode> assigned) {
        ObjectNode details = withOutput(Json.object().put("name", name), output);
        if (assigned != null) {
            ObjectNode variables = details.putObject("assignedVariables");
            assigned.forEach((key, value) -> variables.put(key, text(value)));
            details.putObject("assignedVariablesDetails").put("truncated", false);
        }
        return details;
    }

    /** {@code {"error": ..., "cause": ...}} leaving out what is null, as AWS does. */
    static ObjectNode error(String error, String cause) {
        ObjectNode details = Json.object();
        if (error != null) {
            details.put("error", error);
        }
        if (cause != null) {
            details.put("cause", cause);
        }
        return details;
    }

    static ObjectNode mapIteration(String mapName, int index) {
        return Json.object().put("name", mapName).put("index", index);
    }
}

package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The workflow variables a state sees ({@code Assign}): its own scope's, and read-only those of the scopes around
 * it (a Map iteration or a Parallel branch reads the outer workflow's variables but assigns only its own).
 */
final class Variables {
    private final Variables outer;
    private final Map<String, JsonNode> values = new ConcurrentHashMap<>();

    Variables(Variables outer) {
        this.outer = outer;
    }

    JsonNode get(String name) {
        JsonNode value = values.get(name);
        if (value == null && outer != null) {
            return outer.get(name);
        }
        return value;
    }

    /** Assigns all of {@code assigned} at once, as a state's Assign does after evaluating every value. */
    void assign(Map<String, JsonNode> assigned) {
        values.putAll(assigned);
    }

    /** Every variable visible here, inner scopes hiding outer ones. */
    Map<String, JsonNode> visible() {
        Map<String, JsonNode> all = outer == null ? new HashMap<>() : outer.visible();
        all.putAll(values);
        return all;
    }
}

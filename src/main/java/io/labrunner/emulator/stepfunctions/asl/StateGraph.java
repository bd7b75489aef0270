package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed set of states with its start: the whole machine, a Parallel branch or a Map's item processor.
 *
 * @param jsonata whether states without their own {@code QueryLanguage} use JSONata (else JSONPath)
 */
record StateGraph(String startAt, Map<String, StateSpec> states, boolean jsonata) {

    /** Builds the graph of {@code node} (an object with StartAt and States); the definition is already valid. */
    static StateGraph parse(JsonNode node, boolean inheritedJsonata) {
        boolean jsonata = node.has("QueryLanguage")
                ? "JSONata".equals(node.get("QueryLanguage").asText()) : inheritedJsonata;
        Map<String, StateSpec> states = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.path("States").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            states.put(field.getKey(), StateSpec.parse(field.getKey(), field.getValue(), jsonata));
        }
        return new StateGraph(node.path("StartAt").asText(), Map.copyOf(states), jsonata);
    }

    StateSpec state(String name) {
        StateSpec state = states.get(name);
        if (state == null) {
            throw new StateFailure(StateFailure.RUNTIME, "No state named '" + name + "'");
        }
        return state;
    }
}

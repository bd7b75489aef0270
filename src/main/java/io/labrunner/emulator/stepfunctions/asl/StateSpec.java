package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One parsed state: what every state type shares (type, transition, paths, Retry and Catch, nested graphs), and
 * the state's JSON for the fields only one type reads.
 *
 * @param jsonata    whether the state evaluates JSONata (its own QueryLanguage, else the machine's)
 * @param next       the Next state, or null for an End state (or a terminal type)
 * @param branches   a Parallel state's branches, else empty
 * @param processor  a Map state's ItemProcessor (or Iterator), else null
 */
record StateSpec(String name, String type, ObjectNode json, boolean jsonata, String next, List<Retrier> retry,
        List<Catcher> catchers, List<StateGraph> branches, StateGraph processor) {

    static StateSpec parse(String name, JsonNode node, boolean machineJsonata) {
        ObjectNode json = (ObjectNode) node;
        boolean jsonata = json.has("QueryLanguage")
                ? "JSONata".equals(json.get("QueryLanguage").asText()) : machineJsonata;
        List<Retrier> retry = new ArrayList<>();
        json.path("Retry").forEach(r -> retry.add(Retrier.parse(r)));
        List<Catcher> catchers = new ArrayList<>();
        json.path("Catch").forEach(c -> catchers.add(Catcher.parse(c)));
        List<StateGraph> branches = new ArrayList<>();
        json.path("Branches").forEach(b -> branches.add(StateGraph.parse(b, jsonata)));
        JsonNode processorJson = json.has("ItemProcessor") ? json.get("ItemProcessor") : json.get("Iterator");
        StateGraph processor = processorJson == null ? null : StateGraph.parse(processorJson, jsonata);
        String next = json.hasNonNull("Next") ? json.get("Next").asText() : null;
        return new StateSpec(name, json.path("Type").asText(), json, jsonata, next, List.copyOf(retry),
                List.copyOf(catchers), List.copyOf(branches), processor);
    }

    /** The field, or null when the state does not have it (a JSON null comes back as a NullNode). */
    JsonNode field(String field) {
        return json.get(field);
    }

    boolean has(String field) {
        return json.has(field);
    }

    /**
     * A path field ({@code InputPath}, {@code OutputPath}): {@code "$"} when absent, null for an explicit null
     * (which the States Language reads as {@code {}} for input and output).
     */
    String path(String field) {
        if (!json.has(field)) {
            return "$";
        }
        JsonNode value = json.get(field);
        return value.isNull() ? null : value.asText();
    }

    String text(String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

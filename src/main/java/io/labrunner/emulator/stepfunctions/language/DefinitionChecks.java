package io.labrunner.emulator.stepfunctions.language;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.stepfunctions.language.DefinitionValidator.Problem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks {@link DefinitionValidator} runs over one definition, collecting problems in AWS's order. */
final class DefinitionChecks {
    static final Map<String, List<String>> ALLOWED = new LinkedHashMap<>();

    static {
        List<String> common = List.of("Type", "Comment", "QueryLanguage");
        ALLOWED.put("Pass", concat(common, "Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters",
                "Result", "Assign", "Output"));
        ALLOWED.put("Task", concat(common, "Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters",
                "ResultSelector", "Resource", "Retry", "Catch", "TimeoutSeconds", "TimeoutSecondsPath",
                "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials", "Assign", "Arguments", "Output"));
        ALLOWED.put("Choice", concat(common, "InputPath", "OutputPath", "Choices", "Default", "Assign", "Output"));
        ALLOWED.put("Wait", concat(common, "Next", "End", "InputPath", "OutputPath", "Seconds", "SecondsPath",
                "Timestamp", "TimestampPath", "Assign", "Output"));
        ALLOWED.put("Succeed", concat(common, "InputPath", "OutputPath", "Output"));
        ALLOWED.put("Fail", concat(common, "Error", "ErrorPath", "Cause", "CausePath"));
        ALLOWED.put("Parallel", concat(common, "Next", "End", "InputPath", "OutputPath", "ResultPath",
                "Parameters", "ResultSelector", "Branches", "Retry", "Catch", "Assign", "Arguments", "Output"));
        ALLOWED.put("Map", concat(common, "Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters",
                "ResultSelector", "Retry", "Catch", "Iterator", "ItemProcessor", "ItemsPath", "Items",
                "ItemSelector", "ItemReader", "ItemBatcher", "ResultWriter", "MaxConcurrency", "MaxConcurrencyPath",
                "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "ToleratedFailureCount",
                "ToleratedFailureCountPath", "Label", "Assign", "Arguments", "Output"));
    }

    /** Fields only JSONPath-mode states may have. */
    static final Set<String> JSONPATH_ONLY = Set.of("InputPath", "OutputPath", "ResultPath", "Parameters",
            "ResultSelector", "Result", "ItemsPath", "SecondsPath", "TimestampPath", "ErrorPath", "CausePath",
            "TimeoutSecondsPath", "HeartbeatSecondsPath", "MaxConcurrencyPath", "ToleratedFailurePercentagePath",
            "ToleratedFailureCountPath", "Iterator");
    /** Fields only JSONata-mode states may have. */
    static final Set<String> JSONATA_ONLY = Set.of("Arguments", "Output", "Items");

    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> allNames = new HashSet<>();

    List<Problem> check(JsonNode definition) {
        if (!definition.isObject()) {
            problems.add(new Problem("SCHEMA_VALIDATION_FAILED", "Expected value of type: OBJECT", "/"));
            return problems;
        }
        String language = definition.path("QueryLanguage").asText("JSONPath");
        machine(definition, "", language, true);
        return problems;
    }

    /** One state machine or nested one (a branch, a Map processor); {@code at} is its location prefix. */
    private void machine(JsonNode machine, String at, String language, boolean top) {
        Set<String> allowedTop = top ? Set.of("Comment", "StartAt", "States", "TimeoutSeconds", "Version",
                "QueryLanguage") : Set.of("Comment", "StartAt", "States", "ProcessorConfig");
        unknownFields(machine, allowedTop, at);
        List<String> missing = new ArrayList<>();
        for (String required : List.of("StartAt", "States")) {
            if (!machine.has(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            problems.add(new Problem("SCHEMA_VALIDATION_FAILED", "These fields are required: " + missing,
                    at.isEmpty() ? "/" : at));
            return;
        }
        JsonNode states = machine.get("States");
        if (!states.isObject()) {
            problems.add(new Problem("SCHEMA_VALIDATION_FAILED", "Expected value of type: OBJECT", at + "/States"));
            return;
        }
        if (!machine.get("StartAt").isTextual()) {
            problems.add(new Problem("SCHEMA_VALIDATION_FAILED", "Expected value of type: STRING", at + "/StartAt"));
            return;
        }
        String startAt = machine.get("StartAt").textValue();
        Iterator<Map.Entry<String, JsonNode>> fields = states.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> state = fields.next();
            if (!allNames.add(state.getKey())) {
                problems.add(new Problem("DUPLICATE_STATE_NAME", "Duplicate State name: " + state.getKey(),
                        at + "/States/" + state.getKey()));
            }
            state(state.getKey(), state.getValue(), at + "/States/" + state.getKey(), language);
        }
        if (!states.has(startAt)) {
            problems.add(new Problem("MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + startAt,
                    at + "/StartAt"));
            return;
        }
        transitions(states, startAt, at);
    }

    private void state(String name, JsonNode state, String at, String machineLanguage) {
        if (!state.isObject()) {
            problems.add(new Problem("SCHEMA_VALIDATION_FAILED", "Expected value of type: OBJECT", at));
            return;
        }
        JsonNode typeNode = state.get("Type");
        if (typeNode == null) {
            problems.add(new Problem("SCHEMA_VALIDATION_FAILED", "These fields are required: [Type]", at));
            return;
        }
        String type = typeNode.asText();
        List<String> allowed = ALLOWED.get(type);
        if (allowed == null) {
            problems.add(new Problem("SCHEMA_VALIDATION_FAILED", "Value is not a valid enum value", at + "/Type"));
            return;
        }
        String language = state.path("QueryLanguage").asText(machineLanguage);
        unknownFields(state, Set.copyOf(allowed), at);
        for (String field : (Iterable<String>) state::fieldNames) {
            if (language.equals("JSONata") && JSONPATH_ONLY.contains(field)) {
                problems.add(new Problem("SCHEMA_VALIDATION_FAILED", "The field \"" + field
                        + "\" is not supported for JSONata", at));
            } else if (language.equals("JSONPath") && JSONATA_ONLY.contains(field)) {
                problems.add(new Problem("SCHEMA_VALIDATION_FAILED", "The field \"" + field
                        + "\" is not supported for JSONPath", at));
            }
        }
        if (language.equals("JSONPath")) {
            JsonPathChecks.check(state, at, problems);
        }
        switch (type) {
            case "Parallel" -> {
                JsonNode branches = state.path("Branches");
                for (int i = 0; i < branches.size(); i++) {
                    machine(branches.get(i), at + "/Branches[" + i + "]", language, false);
                }
            }
            case "Map" -> {
                JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
                if (processor != null) {
                    machine(processor, at + (state.has("ItemProcessor") ? "/ItemProcessor" : "/Iterator"), language,
                            false);
                }
            }
            default -> {
            }
        }
    }

    /** Every Next/Default/Catch target exists, every state is reachable, and some path ends. */
    private void transitions(JsonNode states, String startAt, String at) {
        Map<String, Set<String>> next = new LinkedHashMap<>();
        Set<String> terminal = new LinkedHashSet<>();
        Iterator<Map.Entry<String, JsonNode>> fields = states.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String name = entry.getKey();
            JsonNode state = entry.getValue();
            Set<String> targets = new LinkedHashSet<>();
            String type = state.path("Type").asText();
            if (state.path("End").asBoolean(false) || type.equals("Succeed") || type.equals("Fail")) {
                terminal.add(name);
            }
            target(states, state.get("Next"), at + "/States/" + name + "/Next", targets);
            target(states, state.get("Default"), at + "/States/" + name + "/Default", targets);
            JsonNode choices = state.path("Choices");
            for (int i = 0; i < choices.size(); i++) {
                target(states, choices.get(i).get("Next"), at + "/States/" + name + "/Choices[" + i + "]/Next",
                        targets);
            }
            JsonNode catchers = state.path("Catch");
            for (int i = 0; i < catchers.size(); i++) {
                target(states, catchers.get(i).get("Next"), at + "/States/" + name + "/Catch[" + i + "]/Next",
                        targets);
            }
            next.put(name, targets);
        }
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(startAt));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (reached.add(name)) {
                todo.addAll(next.getOrDefault(name, Set.of()));
            }
        }
        for (String name : next.keySet()) {
            if (!reached.contains(name)) {
                problems.add(new Problem("MISSING_TRANSITION_TARGET", "State \"" + name + "\" is not reachable.",
                        at + "/States/" + name));
            }
        }
        if (terminal.isEmpty()) {
            problems.add(new Problem("MISSING_TERMINAL_STATE", "Workflow has no terminal state", at.isEmpty() ? "/"
                    : at));
        }
    }

    private void target(JsonNode states, JsonNode name, String where, Set<String> targets) {
        if (name == null || !name.isTextual()) {
            return;
        }
        if (!states.has(name.textValue())) {
            problems.add(new Problem("MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + name.textValue(),
                    where));
        } else {
            targets.add(name.textValue());
        }
    }

    private void unknownFields(JsonNode node, Set<String> allowed, String at) {
        for (String field : (Iterable<String>) node::fieldNames) {
            if (!allowed.contains(field)) {
                problems.add(new Problem("SCHEMA_VALIDATION_FAILED", "The field \"" + field
                        + "\" is not supported by Step Functions", at.isEmpty() ? "/" : at));
            }
        }
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }
}

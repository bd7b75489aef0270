package io.labrunner.emulator.stepfunctions.language;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.stepfunctions.language.DefinitionValidator.Diagnostic;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks {@link DefinitionValidator} runs over one definition: the schema of every state machine in it (the
 * top level, Parallel branches, Map processors), then — when the schema is sound — their transitions.
 */
final class DefinitionChecks {
    private static final List<String> TOP_LEVEL = List.of("Comment", "StartAt", "States", "TimeoutSeconds",
            "Version", "QueryLanguage");
    private static final List<String> NESTED = List.of("Comment", "StartAt", "States", "ProcessorConfig");
    static final List<String> LANGUAGES = List.of("JSONPath", "JSONata");

    private final List<Diagnostic> problems = new ArrayList<>();

    List<Diagnostic> check(JsonNode definition) {
        JsonNode language = definition.get("QueryLanguage");
        String machineLanguage = "JSONPath";
        if (language != null) {
            if (language.isTextual() && LANGUAGES.contains(language.textValue())) {
                machineLanguage = language.textValue();
            } else {
                problems.add(schema("The field 'QueryLanguage' should have one of these values: " + LANGUAGES,
                        "/QueryLanguage"));
            }
        }
        JsonNode timeout = definition.get("TimeoutSeconds");
        if (timeout != null && !(timeout.canConvertToInt() && timeout.isIntegralNumber() && timeout.intValue() >= 0)) {
            problems.add(schema("The value for the field 'TimeoutSeconds' must be a non-negative integer",
                    "/TimeoutSeconds"));
        }
        schema(definition, "", machineLanguage, TOP_LEVEL);
        if (!problems.isEmpty()) {
            return problems;
        }
        duplicates(definition, new HashSet<>());
        transitions(definition, "");
        return problems;
    }

    // ---------------------------------------------------------------- schema

    /** One state machine's fields and its states' schema; {@code at} is its location prefix ("" for the top). */
    private void schema(JsonNode machine, String at, String language, List<String> allowed) {
        String where = at.isEmpty() ? "/" : at;
        for (String field : (Iterable<String>) machine::fieldNames) {
            if (!allowed.contains(field)) {
                problems.add(schema("Field '" + field + "' is not supported", where));
            }
        }
        // AWS lists the missing fields States first (LocalStack's AWS-recorded test_sfn_api_validation:
        // "These fields are required: [States, StartAt]").
        List<String> missing = new ArrayList<>();
        for (String required : List.of("States", "StartAt")) {
            if (!machine.has(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            problems.add(schema("These fields are required: " + missing, where));
            return;
        }
        if (!machine.get("StartAt").isTextual()) {
            problems.add(schema("The value for the field 'StartAt' must be a STRING", at + "/StartAt"));
        }
        JsonNode states = machine.get("States");
        if (!states.isObject()) {
            problems.add(schema("The value for the field 'States' must be an OBJECT", at + "/States"));
            return;
        }
        if (states.isEmpty()) {
            problems.add(schema("Value cannot be empty", at + "/States"));
            return;
        }
        states.fields().forEachRemaining(state -> {
            String stateAt = at + "/States/" + state.getKey();
            StateSchema.check(state.getValue(), stateAt, language, problems);
            nested(state.getValue(), stateAt, language);
        });
    }

    /** The branches of a Parallel state and the processor of a Map state, in the state's query language. */
    private void nested(JsonNode state, String at, String machineLanguage) {
        if (!state.isObject()) {
            return;
        }
        String language = StateSchema.language(state, machineLanguage);
        String type = state.path("Type").asText();
        if (type.equals("Parallel") && state.path("Branches").isArray()) {
            JsonNode branches = state.get("Branches");
            for (int i = 0; i < branches.size(); i++) {
                JsonNode branch = branches.get(i);
                if (branch.isObject()) {
                    schema(branch, at + "/Branches[" + i + "]", language, NESTED);
                } else {
                    problems.add(schema("The value for the field 'Branches' must contain OBJECTs",
                            at + "/Branches[" + i + "]"));
                }
            }
        } else if (type.equals("Map")) {
            String field = state.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
            JsonNode processor = state.get(field);
            if (processor != null && processor.isObject()) {
                schema(processor, at + "/" + field, language, NESTED);
            } else if (processor != null) {
                problems.add(schema("The value for the field '" + field + "' must be an OBJECT", at + "/" + field));
            }
        }
    }

    static Diagnostic schema(String message, String location) {
        return new Diagnostic("SCHEMA_VALIDATION_FAILED", message, location);
    }

    // ---------------------------------------------------------------- names and transitions

    /** State names must be unique in the whole state machine, branches and processors included. */
    private void duplicates(JsonNode machine, Set<String> seen) {
        forEachMachine(machine, "", (container, at) -> container.get("States").fieldNames().forEachRemaining(name -> {
            if (!seen.add(name)) {
                problems.add(new Diagnostic("DUPLICATE_STATE_NAME", "Duplicate State name: " + name,
                        at + "/States/" + name));
            }
        }));
    }

    /**
     * For each state machine: every target names a state of the same machine, some state ends it, and every state
     * is reachable from StartAt. A machine without a terminal state is not checked for reachability, as AWS does
     * not (measured against AWS in floci-io/floci pull request 2786).
     */
    private void transitions(JsonNode root, String rootAt) {
        forEachMachine(root, rootAt, (machine, at) -> {
            JsonNode states = machine.get("States");
            String startAt = machine.get("StartAt").textValue();
            if (!states.has(startAt)) {
                problems.add(new Diagnostic("MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + startAt,
                        at + "/StartAt"));
            }
            Map<String, Set<String>> next = new LinkedHashMap<>();
            boolean terminal = false;
            for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) states::fields) {
                String name = entry.getKey();
                JsonNode state = entry.getValue();
                String type = state.path("Type").asText();
                terminal |= state.path("End").asBoolean(false) || type.equals("Succeed") || type.equals("Fail");
                String stateAt = at + "/States/" + name;
                Set<String> targets = new LinkedHashSet<>();
                target(states, state.get("Next"), stateAt + "/Next", targets);
                JsonNode choices = state.path("Choices");
                for (int i = 0; i < choices.size(); i++) {
                    target(states, choices.get(i).get("Next"), stateAt + "/Choices[" + i + "]/Next", targets);
                }
                target(states, state.get("Default"), stateAt + "/Default", targets);
                JsonNode catchers = state.path("Catch");
                for (int i = 0; i < catchers.size(); i++) {
                    target(states, catchers.get(i).get("Next"), stateAt + "/Catch[" + i + "]/Next", targets);
                }
                next.put(name, targets);
            }
            if (!terminal) {
                problems.add(new Diagnostic("MISSING_END_STATE", "Workflow has no terminal state", null));
                return;
            }
            Set<String> reached = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>();
            if (states.has(startAt)) {
                todo.push(startAt);
            }
            while (!todo.isEmpty()) {
                String name = todo.pop();
                if (reached.add(name)) {
                    next.getOrDefault(name, Set.of()).forEach(todo::push);
                }
            }
            for (String name : next.keySet()) {
                if (!reached.contains(name)) {
                    problems.add(new Diagnostic("MISSING_TRANSITION_TARGET", "State \"" + name + "\" is not reachable.",
                            at + "/States/" + name));
                }
            }
        });
    }

    /**
     * A target names a state of its own machine; AWS says {@code Next} whatever field holds it (Default, a
     * Choice rule's or a Catcher's Next) — measured against AWS in floci-io/floci pull request 2786.
     */
    private void target(JsonNode states, JsonNode name, String where, Set<String> targets) {
        if (name == null || !name.isTextual()) {
            return;
        }
        if (states.has(name.textValue())) {
            targets.add(name.textValue());
        } else {
            problems.add(new Diagnostic("MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + name.textValue(),
                    where));
        }
    }

    /** Visits {@code machine} and every branch and processor in it, depth first in the order written. */
    private static void forEachMachine(JsonNode machine, String at, MachineVisitor visitor) {
        visitor.visit(machine, at);
        machine.get("States").fields().forEachRemaining(entry -> {
            JsonNode state = entry.getValue();
            String stateAt = at + "/States/" + entry.getKey();
            String type = state.path("Type").asText();
            if (type.equals("Parallel")) {
                JsonNode branches = state.path("Branches");
                for (int i = 0; i < branches.size(); i++) {
                    forEachMachine(branches.get(i), stateAt + "/Branches[" + i + "]", visitor);
                }
            } else if (type.equals("Map")) {
                String field = state.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
                if (state.has(field)) {
                    forEachMachine(state.get(field), stateAt + "/" + field, visitor);
                }
            }
        });
    }

    @FunctionalInterface
    private interface MachineVisitor {
        void visit(JsonNode machine, String at);
    }
}

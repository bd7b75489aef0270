package io.labrunner.emulator.stepfunctions.language;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.stepfunctions.asl.InvalidDefinitionException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a state machine definition as CreateStateMachine / UpdateStateMachine do, and refuses it with AWS's
 * {@code InvalidDefinition} message: {@code Invalid State Machine Definition: '<CODE>: <text> at <where>'}, several
 * problems joined with {@code ", "} — e.g. {@code 'MISSING_TRANSITION_TARGET: Missing 'Next' target: pass3 at
 * /States/pass1/Next, MISSING_TRANSITION_TARGET: State "pass2" is not reachable. at /States/pass2'} (AWS's
 * answer quoted in localstack/localstack pull request 12487).
 */
public final class DefinitionValidator {

    private DefinitionValidator() {
    }

    /**
     * Parses and checks a definition as the API receives it (a JSON string).
     *
     * @return the parsed definition
     * @throws InvalidDefinitionException {@code INVALID_JSON_DESCRIPTION} when it is not JSON, else as
     *                                    {@link #validate(JsonNode)}
     */
    public static JsonNode validate(String definition) {
        JsonNode tree;
        try {
            tree = definition == null ? null : Json.mapper().readTree(definition);
        } catch (JsonProcessingException e) {
            throw new InvalidDefinitionException(message(List.of(Problem.invalidJson(e))));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidDefinitionException(message(List.of(new Problem("INVALID_JSON_DESCRIPTION",
                    "No content to map due to end-of-input", null))));
        }
        validate(tree);
        return tree;
    }

    /**
     * Checks a parsed definition: its schema (required and allowed fields per state type, their types),
     * transitions (every Next/Default/StartAt names a state, every state reachable, a way to end), paths and
     * intrinsic functions (JSONPath mode) or expressions (JSONata mode), Parallel branches and Map processors
     * recursively.
     *
     * @throws InvalidDefinitionException with every problem found, as AWS words and joins them
     */
    public static void validate(JsonNode definition) {
        List<Problem> problems = new DefinitionChecks().check(definition);
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(message(problems));
        }
    }

    /** The whole message for {@code problems}, in the order found. */
    static String message(List<Problem> problems) {
        List<String> parts = new ArrayList<>();
        for (Problem p : problems) {
            parts.add(p.toString());
        }
        return "Invalid State Machine Definition: '" + String.join(", ", parts) + "'";
    }

    /**
     * One problem: AWS's code, its text and where ({@code /States/A/Next}); a null location prints nothing.
     *
     * @param code     e.g. {@code SCHEMA_VALIDATION_FAILED}
     * @param text     e.g. {@code Missing 'Next' target: B}
     * @param location a JSON-pointer-like path, or null
     */
    record Problem(String code, String text, String location) {

        static Problem invalidJson(JsonProcessingException e) {
            return new Problem("INVALID_JSON_DESCRIPTION", e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : "\n at [Source: (String)\"...\"; line: "
                    + e.getLocation().getLineNr() + ", column: " + e.getLocation().getColumnNr() + "]"), null);
        }

        @Override
        public String toString() {
            return code + ": " + text + (location == null ? "" : " at " + location);
        }
    }

    /** Kept for callers that want to know which fields a state type allows. */
    static Map<String, List<String>> allowedFields() {
        return DefinitionChecks.ALLOWED;
    }

    static Iterator<String> names(JsonNode node) {
        return node.fieldNames();
    }
}

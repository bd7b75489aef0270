package io.labrunner.emulator.stepfunctions.language;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.stepfunctions.asl.InvalidDefinitionException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a state machine definition as CreateStateMachine / UpdateStateMachine / ValidateStateMachineDefinition do,
 * and words what is wrong as AWS does.
 *
 * <p>CreateStateMachine's {@code InvalidDefinition} message is {@code Invalid State Machine Definition: '<CODE>:
 * <message> at <location>'}, several problems joined with {@code ", "} — e.g. {@code 'MISSING_TRANSITION_TARGET:
 * Missing 'Next' target: pass3 at /States/pass1/Next, MISSING_TRANSITION_TARGET: State "pass2" is not reachable. at
 * /States/pass2'} (AWS's answer quoted in localstack/localstack issue 11978). A problem without a location prints
 * {@code at null}, as AWS's {@code MISSING_END_STATE: Workflow has no terminal state at null} does (measured
 * against AWS in floci-io/floci issue 2735).
 *
 * <p>Schema problems (fields, their types, paths, intrinsic functions, JSONata syntax) are reported alone; only a
 * definition whose schema is sound is checked for its transitions (targets, a terminal state, reachability).
 */
public final class DefinitionValidator {
    /** Parses duplicate keys as an error, so a state named twice is not silently overwritten. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper LENIENT = new ObjectMapper();

    private DefinitionValidator() {
    }

    /**
     * One problem with a definition, as ValidateStateMachineDefinition lists it.
     *
     * @param code     e.g. {@code SCHEMA_VALIDATION_FAILED}, {@code MISSING_TRANSITION_TARGET}
     * @param message  e.g. {@code Missing 'Next' target: B}
     * @param location where, e.g. {@code /States/A/Next}; null when AWS gives none
     */
    public record Diagnostic(String code, String message, String location) {

        /** As CreateStateMachine prints it inside its message. */
        @Override
        public String toString() {
            return code + ": " + message + " at " + location;
        }
    }

    /**
     * Parses and checks a definition as the API receives it (a JSON string).
     *
     * @return the parsed definition
     * @throws InvalidDefinitionException with AWS's message when Step Functions would refuse it
     */
    public static JsonNode validate(String definition) {
        List<Diagnostic> problems = new ArrayList<>();
        JsonNode tree = parse(definition, problems);
        if (tree != null) {
            problems.addAll(diagnose(tree));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(message(problems));
        }
        return tree;
    }

    /**
     * Checks a parsed definition.
     *
     * @throws InvalidDefinitionException with every problem found, as AWS words and joins them
     */
    public static void validate(JsonNode definition) {
        List<Diagnostic> problems = diagnose(definition);
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(message(problems));
        }
    }

    /** Every problem with a definition given as text (ValidateStateMachineDefinition); empty when it is valid. */
    public static List<Diagnostic> diagnose(String definition) {
        List<Diagnostic> problems = new ArrayList<>();
        JsonNode tree = parse(definition, problems);
        if (tree != null) {
            problems.addAll(diagnose(tree));
        }
        return problems;
    }

    /** Every problem with a parsed definition; empty when it is valid. */
    public static List<Diagnostic> diagnose(JsonNode definition) {
        if (definition == null || !definition.isObject()) {
            // ValidateStateMachineDefinition's answer for "" (LocalStack's AWS-recorded test_sfn_api_validation).
            return List.of(new Diagnostic("SCHEMA_VALIDATION_FAILED", "Definition must be a valid JSON object", null));
        }
        return new DefinitionChecks().check(definition);
    }

    /** CreateStateMachine's whole message for {@code problems}, in the order found. */
    public static String message(List<Diagnostic> problems) {
        List<String> parts = new ArrayList<>();
        for (Diagnostic problem : problems) {
            parts.add(problem.toString());
        }
        return "Invalid State Machine Definition: '" + String.join(", ", parts) + "'";
    }

    /** The definition's tree, or null with an {@code INVALID_JSON_DESCRIPTION} problem added. */
    private static JsonNode parse(String definition, List<Diagnostic> problems) {
        if (definition == null || definition.isBlank()) {
            problems.add(new Diagnostic("SCHEMA_VALIDATION_FAILED", "Definition must be a valid JSON object", null));
            return null;
        }
        try {
            return STRICT.readTree(definition);
        } catch (JsonProcessingException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
                return duplicateKeys(definition, problems);
            }
            problems.add(invalidJson(definition, e));
            return null;
        }
    }

    /** A definition with a key twice: parse it leniently and let the checks name the duplicate states. */
    private static JsonNode duplicateKeys(String definition, List<Diagnostic> problems) {
        try {
            JsonNode tree = LENIENT.readTree(definition);
            problems.addAll(DuplicateNames.inText(definition));
            return tree;
        } catch (JsonProcessingException e) {
            problems.add(invalidJson(definition, e));
            return null;
        }
    }

    /**
     * AWS parses with Jackson and reports its message with the source as older Jackson versions printed it:
     * {@code Unrecognized token 'not': was expecting (...)\n at [Source: (String)"not a definition"; line: 1,
     * column: 4]}, the location being the bracketed part (LocalStack's AWS-recorded test_sfn_api_validation).
     */
    private static Diagnostic invalidJson(String definition, JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        String source = definition.length() > 500 ? definition.substring(0, 500) + "\"[truncated "
                + (definition.length() - 500) + " chars]" : definition + "\"";
        String location = "[Source: (String)\"" + source + "; line: " + (where == null ? 1 : where.getLineNr())
                + ", column: " + (where == null ? 1 : where.getColumnNr()) + "]";
        return new Diagnostic("INVALID_JSON_DESCRIPTION", e.getOriginalMessage() + "\n at " + location, location);
    }
}

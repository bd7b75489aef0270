package io.labrunner.emulator.stepfunctions.language;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.stepfunctions.asl.TaskFailure;
import java.util.Map;

/**
 * Reads the three kinds of path a JSONPath-mode state may use: {@code $...} reads the state's input,
 * {@code $$...} the Context Object, and {@code $name...} a workflow variable (set by {@code Assign}).
 */
public final class PathValues {

    private PathValues() {
    }

    /** Whether {@code path} is a well-formed input, context or variable path. */
    public static boolean isValid(String path) {
        if (path == null || !path.startsWith("$")) {
            return false;
        }
        if (path.startsWith("$$")) {
            return JsonPaths.isPath(path.substring(1));
        }
        int end = variableNameEnd(path);
        if (end > 1) {
            return end == path.length() || JsonPaths.isPath("$" + path.substring(end));
        }
        return JsonPaths.isPath(path);
    }

    /** Whether {@code path} is a reference path (names one node) of any of the three kinds. */
    public static boolean isReference(String path) {
        if (path == null || !path.startsWith("$")) {
            return false;
        }
        if (path.startsWith("$$")) {
            return JsonPaths.isReferencePath(path.substring(1));
        }
        int end = variableNameEnd(path);
        if (end > 1) {
            return end == path.length() || JsonPaths.isReferencePath("$" + path.substring(end));
        }
        return JsonPaths.isReferencePath(path);
    }

    /** The variable a {@code $name...} path reads, or null when {@code path} is an input or context path. */
    public static String variableName(String path) {
        if (path == null || path.startsWith("$$")) {
            return null;
        }
        int end = variableNameEnd(path);
        return end > 1 ? path.substring(1, end) : null;
    }

    /**
     * The value {@code path} names.
     *
     * @throws JsonPaths.PathMismatch when it names nothing (an unknown variable included)
     */
    public static JsonNode read(String path, JsonNode input, JsonNode context, Map<String, JsonNode> variables) {
        if (path.startsWith("$$")) {
            return JsonPaths.read(context, path.substring(1));
        }
        String variable = variableName(path);
        if (variable != null) {
            JsonNode value = variables == null ? null : variables.get(variable);
            if (value == null) {
                throw new JsonPaths.PathMismatch(path);
            }
            String rest = path.substring(variable.length() + 1);
            return rest.isEmpty() ? value : JsonPaths.read(value, "$" + rest);
        }
        return JsonPaths.read(input, path);
    }

    /**
     * The value of a path field that reads the state's input as a whole ({@code InputPath}, {@code OutputPath},
     * {@code TimeoutSecondsPath}, {@code HeartbeatSecondsPath}, {@code ItemsPath}).
     *
     * @throws TaskFailure {@code States.Runtime} with AWS's cause, e.g. {@code Invalid path '$.x' : No results for
     *                     path: $['x']} (LocalStack's AWS-recorded snapshots, test_base_scenarios
     *                     "test_invalid_jsonpath"), without the "An error occurred while executing the state"
     *                     prefix the interpreter adds
     */
    public static JsonNode readOrFail(String path, JsonNode input, JsonNode context, Map<String, JsonNode> variables) {
        try {
            return read(path, input, context, variables);
        } catch (JsonPaths.PathMismatch e) {
            throw new TaskFailure("States.Runtime", e.getMessage());
        }
    }

    /**
     * The value of a path that fills a named field ({@code ErrorPath}, {@code CausePath}, a template's
     * {@code x.$}).
     *
     * @throws TaskFailure {@code States.Runtime}: {@code The JSONPath '$.x' specified for the field 'ErrorPath' could
     *                     not be found in the input '{...}'} (same source)
     */
    public static JsonNode readField(String field, String path, JsonNode input, JsonNode context,
            Map<String, JsonNode> variables) {
        try {
            return read(path, input, context, variables);
        } catch (JsonPaths.PathMismatch e) {
            throw notFound(field, e.path(), input);
        }
    }

    static TaskFailure notFound(String field, String path, JsonNode input) {
        return new TaskFailure("States.Runtime", "The JSONPath '" + path + "' specified for the field '" + field
                + "' could not be found in the input '" + Texts.compact(input) + "'");
    }

    /** Where a variable name after {@code $} ends: names start with a letter or {@code _}. */
    private static int variableNameEnd(String path) {
        if (path.length() < 2 || !(Character.isLetter(path.charAt(1)) || path.charAt(1) == '_')) {
            return 1;
        }
        int i = 1;
        while (i < path.length() && (Character.isLetterOrDigit(path.charAt(i)) || path.charAt(i) == '_')) {
            i++;
        }
        return i;
    }
}

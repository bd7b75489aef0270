package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.stepfunctions.language.JsonPaths;

/**
 * The interpreter's one door to the expression languages (package {@code language}): paths, payload templates
 * and intrinsic functions, Choice rules, JSONata. Failures come back as States.Runtime in AWS's words.
 */
final class Expressions {

    private Expressions() {
    }

    /**
     * Reads a path ({@code $.a.b}, or {@code $$.Execution.Id} from the Context Object) from {@code data}.
     *
     * @throws StateFailure States.Runtime "Invalid path '$.x' : No results for path: $['x']" when it names nothing
     */
    static JsonNode path(StateRun run, JsonNode data, String path) {
        JsonNode root = data;
        String relative = path;
        if (path.startsWith("$$")) {
            root = run.context();
            relative = "$" + path.substring(2);
        }
        try {
            return JsonPaths.read(root, relative);
        } catch (JsonPaths.PathMismatch e) {
            throw run.runtime("Invalid path '" + path + "' : No results for path: " + normalized(relative));
        }
    }

    /** Jayway's bracket form of a path, which AWS's messages quote: {@code $['a']['b']}. */
    private static String normalized(String path) {
        try {
            return com.jayway.jsonpath.JsonPath.compile(path).getPath();
        } catch (RuntimeException e) {
            return path;
        }
    }

    /** A payload template ({@code .$} keys, intrinsic functions, {@code $$.} paths) evaluated over {@code data}. */
    static JsonNode payload(StateRun run, String field, JsonNode template, JsonNode data) {
        throw new UnsupportedOperationException("payload templates need the language package");
    }

    /** Whether a JSONPath Choice rule matches {@code data}. */
    static boolean choice(StateRun run, JsonNode rule, JsonNode data) {
        throw new UnsupportedOperationException("Choice rules need the language package");
    }

    /** A JSONata field: {@code {% %}} strings evaluated (recursively in objects and arrays), literals kept. */
    static JsonNode jsonata(StateRun run, String field, JsonNode value, ObjectNode states) {
        throw new UnsupportedOperationException("JSONata needs the language package");
    }
}

package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.stepfunctions.language.ChoiceRules;
import io.labrunner.emulator.stepfunctions.language.JsonPaths;
import io.labrunner.emulator.stepfunctions.language.Jsonata;
import io.labrunner.emulator.stepfunctions.language.PathValues;
import io.labrunner.emulator.stepfunctions.language.PayloadTemplate;
import java.util.Iterator;
import java.util.Map;

/**
 * The interpreter's one door to the expression languages (package {@code language}): paths, payload templates
 * and intrinsic functions, Choice rules, JSONata. Their failures come back as the state's failure, the cause
 * prefixed as AWS prefixes it: "An error occurred while executing the state 'X' (entered at the event id #N)."
 */
final class Expressions {
    private static final String JSONATA_FAILURE_PREFIX = "An error occurred while evaluating the JSONata expression '";

    private Expressions() {
    }

    /**
     * Reads a path ({@code $.a.b}, {@code $$.Execution.Id} from the Context Object, {@code $var.x}) from
     * {@code data}.
     *
     * @throws StateFailure States.Runtime "Invalid path '$.x' : No results for path: $['x']" when it names nothing
     */
    static JsonNode path(StateRun run, JsonNode data, String path) {
        try {
            return PathValues.read(path, data, path.startsWith("$$") ? run.context() : null, variables(run));
        } catch (JsonPaths.PathMismatch e) {
            String relative = path.startsWith("$$") ? path.substring(1) : path;
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
        try {
            return PayloadTemplate.evaluate(template, data, run.context(), variables(run));
        } catch (TaskFailure e) {
            throw failure(run, e);
        }
    }

    /** Whether a JSONPath Choice rule matches {@code data}. */
    static boolean choice(StateRun run, JsonNode rule, JsonNode data) {
        try {
            return ChoiceRules.matches(rule, data, run.context(), variables(run));
        } catch (TaskFailure e) {
            throw failure(run, e);
        }
    }

    /**
     * A JSONata field: {@code {% %}} strings evaluated (inside objects and arrays too), literals kept.
     *
     * @throws StateFailure States.QueryEvaluationError when an expression fails or yields nothing, in AWS's words
     */
    static JsonNode jsonata(StateRun run, String field, JsonNode value, ObjectNode states) {
        Map<String, JsonNode> variables = variables(run);
        return evaluate(run, field, value, states, variables);
    }

    private static JsonNode evaluate(StateRun run, String field, JsonNode value, ObjectNode states,
            Map<String, JsonNode> variables) {
        if (value == null) {
            return null;
        }
        if (value.isTextual() && Jsonata.isExpression(value.textValue())) {
            String expression = Jsonata.unwrap(value.textValue());
            JsonNode result;
            try {
                result = Jsonata.evaluate(expression, states, variables);
            } catch (TaskFailure e) {
                String cause = e.failureCause() == null ? "" : e.failureCause();
                if (cause.startsWith(JSONATA_FAILURE_PREFIX)) {
                    int end = cause.indexOf("': ");
                    String message = end < 0 ? cause : cause.substring(end + 3);
                    throw new StateFailure(e.error(), prefix(run) + "The JSONata expression '" + expression
                            + "' specified for the field '" + field + "' threw an error during evaluation. " + message);
                }
                throw failure(run, e);
            }
            if (result == null) {
                throw new StateFailure("States.QueryEvaluationError", prefix(run) + "The JSONata expression '"
                        + expression + "' specified for the field '" + field + "' returned nothing (undefined).");
            }
            return result;
        }
        if (value.isObject()) {
            ObjectNode out = Json.object();
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                out.set(entry.getKey(), evaluate(run, field + "/" + entry.getKey(), entry.getValue(), states, variables));
            }
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = Json.mapper().createArrayNode();
            int i = 0;
            for (JsonNode item : value) {
                out.add(evaluate(run, field + "[" + i++ + "]", item, states, variables));
            }
            return out;
        }
        return value;
    }

    private static Map<String, JsonNode> variables(StateRun run) {
        return run.frame.variables().visible();
    }

    private static StateFailure failure(StateRun run, TaskFailure e) {
        return new StateFailure(e.error(), prefix(run) + e.failureCause());
    }

    private static String prefix(StateRun run) {
        return "An error occurred while executing the state '" + run.name() + "' (entered at the event id #"
                + run.enteredId + "). ";
    }
}

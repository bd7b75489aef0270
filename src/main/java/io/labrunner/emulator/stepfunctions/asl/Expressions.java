package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.stepfunctions.language.ChoiceRules;
import io.labrunner.emulator.stepfunctions.language.Intrinsics;
import io.labrunner.emulator.stepfunctions.language.Jsonata;
import io.labrunner.emulator.stepfunctions.language.PathValues;
import io.labrunner.emulator.stepfunctions.language.PayloadTemplate;
import java.util.Map;

/**
 * The interpreter's one door to the expression languages (package {@code language}): paths, payload templates
 * and intrinsic functions, Choice rules, JSONata. Their failures come back as the state's failure, the cause
 * prefixed as AWS prefixes it: "An error occurred while executing the state 'X' (entered at the event id #N)."
 */
final class Expressions {

    private Expressions() {
    }

    /**
     * Reads a path field that takes the whole input ({@code InputPath}, {@code OutputPath}, {@code ItemsPath},
     * {@code ...SecondsPath}): {@code $.a.b}, {@code $$.Execution.Id} from the Context Object, {@code $var.x}.
     *
     * @throws StateFailure States.Runtime "Invalid path '$.x' : No results for path: $['x']" when it names nothing
     */
    static JsonNode path(StateRun run, JsonNode data, String path) {
        try {
            return PathValues.readOrFail(path, data, path.startsWith("$$") ? run.context() : null, variables(run));
        } catch (TaskFailure e) {
            throw failure(run, e);
        }
    }

    /** A path or intrinsic function that fills a named field ({@code ErrorPath}, {@code CausePath}). */
    static JsonNode field(StateRun run, String field, String expression, JsonNode data) {
        try {
            if (Intrinsics.isIntrinsic(expression)) {
                return Intrinsics.evaluate(expression, data, run.context(), variables(run));
            }
            return PathValues.readField(field, expression, data, run.context(), variables(run));
        } catch (TaskFailure e) {
            throw failure(run, e);
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
        try {
            return Jsonata.evaluateTemplate(value, field, states, variables(run));
        } catch (TaskFailure e) {
            throw failure(run, e);
        }
    }

    /**
     * A JSONata field's value checked for the type the field needs ({@code array} for Items, {@code boolean}
     * for a Condition), failing in AWS's words otherwise.
     */
    static JsonNode typed(StateRun run, String field, JsonNode value, ObjectNode states, String expected) {
        JsonNode result = jsonata(run, field, value, states);
        if (value.isTextual() && Jsonata.isExpression(value.textValue())) {
            try {
                Jsonata.requireType(result, expected, Jsonata.unwrap(value.textValue()), field);
            } catch (TaskFailure e) {
                throw failure(run, e);
            }
        }
        return result;
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

package io.labrunner.emulator.stepfunctions.language;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.stepfunctions.asl.TaskFailure;
import java.util.Iterator;
import java.util.Map;

/**
 * Payload templates of JSONPath-mode states: {@code Parameters}, {@code ResultSelector}, {@code ItemSelector}
 * (and {@code Assign}). A field whose name ends in {@code .$} is replaced by the field without the suffix, its
 * value the node a path names ({@code $.x} in the input, {@code $$.Execution.Id} in the Context Object,
 * {@code $var.x} in a variable) or the result of an intrinsic function; other fields are copied, objects and
 * arrays recursively (ASL specification, "Payload Template").
 */
public final class PayloadTemplate {

    private PayloadTemplate() {
    }

    /**
     * The payload {@code template} makes of {@code input}.
     *
     * @param template  the template (any JSON; only objects have {@code .$} fields)
     * @param input     what {@code $} paths read (the effective input, or the task's result for ResultSelector)
     * @param context   the Context Object {@code $$} paths read
     * @param variables the workflow variables {@code $name} paths read; may be empty
     * @throws TaskFailure {@code States.Runtime} when a path names nothing (the cause is AWS's, without the
     *                     "An error occurred while executing the state ..." prefix the interpreter adds), or
     *                     {@code States.IntrinsicFailure} when an intrinsic function fails
     */
    public static JsonNode evaluate(JsonNode template, JsonNode input, JsonNode context,
            Map<String, JsonNode> variables) {
        if (template == null) {
            return null;
        }
        if (template.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                if (name.endsWith(".$") && field.getValue().isTextual()) {
                    out.set(name.substring(0, name.length() - 2),
                            dynamic(name, field.getValue().textValue(), input, context, variables));
                } else {
                    out.set(name, evaluate(field.getValue(), input, context, variables));
                }
            }
            return out;
        }
        if (template.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : template) {
                out.add(evaluate(item, input, context, variables));
            }
            return out;
        }
        return template;
    }

    /** The value of one {@code .$} field: an intrinsic call or a path. */
    private static JsonNode dynamic(String field, String expression, JsonNode input, JsonNode context,
            Map<String, JsonNode> variables) {
        try {
            if (Intrinsics.isIntrinsic(expression)) {
                return Intrinsics.evaluateOrMismatch(expression, input, context, variables);
            }
            return PathValues.read(expression, input, context, variables);
        } catch (JsonPaths.PathMismatch e) {
            // AWS's wording for both $ and $$ paths (LocalStack's snapshots recorded against AWS,
            // tests/aws/services/stepfunctions/v2/scenarios/test_base_scenarios.snapshot.json).
            throw PathValues.notFound(field, e.path(), input);
        }
    }
}

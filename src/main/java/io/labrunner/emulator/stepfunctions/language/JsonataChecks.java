package io.labrunner.emulator.stepfunctions.language;

import static io.labrunner.emulator.stepfunctions.language.DefinitionChecks.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.stepfunctions.language.DefinitionValidator.Diagnostic;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expressions of one JSONata-mode state: every {@code {% ... %}} string in a field that takes JSONata must
 * parse, else {@code INVALID_JSONATA_EXPRESSION} at the field ({@code /States/E/Output/v}); a Choice Rule is a
 * {@code Condition}. AWS reports the JSONata parser's message without its code (floci-io/floci issue 2745, which
 * compared the same parser's messages with AWS's).
 */
final class JsonataChecks {
    private static final List<String> EXPRESSION_FIELDS = List.of("Arguments", "Output", "Assign", "Items",
            "ItemSelector", "TimeoutSeconds", "HeartbeatSeconds", "Seconds", "Timestamp", "Error", "Cause",
            "MaxConcurrency", "ToleratedFailurePercentage", "ToleratedFailureCount", "Credentials", "ItemReader",
            "ItemBatcher", "ResultWriter");
    private static final Set<String> RULE_FIELDS = Set.of("Condition", "Next", "Comment", "Output", "Assign");

    private JsonataChecks() {
    }

    static void check(JsonNode state, String at, List<Diagnostic> problems) {
        for (String field : EXPRESSION_FIELDS) {
            JsonNode value = state.get(field);
            if (value != null) {
                expressions(value, at + "/" + field, problems);
            }
        }
        JsonNode catchers = state.path("Catch");
        for (int i = 0; i < catchers.size(); i++) {
            for (String field : List.of("Output", "Assign")) {
                JsonNode value = catchers.get(i).get(field);
                if (value != null) {
                    expressions(value, at + "/Catch[" + i + "]/" + field, problems);
                }
            }
        }
        JsonNode choices = state.get("Choices");
        if (choices != null && choices.isArray()) {
            for (int i = 0; i < choices.size(); i++) {
                rule(choices.get(i), at + "/Choices[" + i + "]", problems);
            }
        }
    }

    private static void rule(JsonNode rule, String at, List<Diagnostic> problems) {
        for (String field : (Iterable<String>) rule::fieldNames) {
            if (!RULE_FIELDS.contains(field)) {
                problems.add(schema("Field '" + field + "' is not supported", at));
            }
        }
        JsonNode condition = rule.get("Condition");
        if (condition == null) {
            problems.add(schema("These fields are required: [Condition]", at));
        } else if (condition.isTextual() && Jsonata.isExpression(condition.textValue())) {
            expressions(condition, at + "/Condition", problems);
        } else if (!condition.isBoolean()) {
            problems.add(schema("The value for the field 'Condition' must be a JSONata expression", at
                    + "/Condition"));
        }
        for (String field : List.of("Output", "Assign")) {
            JsonNode value = rule.get(field);
            if (value != null) {
                expressions(value, at + "/" + field, problems);
            }
        }
    }

    /** Every {@code {% %}} string inside {@code value}, objects and arrays included. */
    static void expressions(JsonNode value, String at, List<Diagnostic> problems) {
        if (value.isTextual() && Jsonata.isExpression(value.textValue())) {
            Jsonata.problem(Jsonata.unwrap(value.textValue())).ifPresent(problem -> problems.add(
                    new Diagnostic("INVALID_JSONATA_EXPRESSION", problem, at)));
        } else if (value.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                expressions(field.getValue(), at + "/" + field.getKey(), problems);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                expressions(value.get(i), at + "[" + i + "]", problems);
            }
        }
    }
}

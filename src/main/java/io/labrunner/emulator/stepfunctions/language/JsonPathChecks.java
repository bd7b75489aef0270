package io.labrunner.emulator.stepfunctions.language;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.stepfunctions.language.DefinitionValidator.Problem;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The paths, payload templates and Choice Rules of one JSONPath-mode state. */
final class JsonPathChecks {
    private static final List<String> PATHS = List.of("InputPath", "OutputPath");
    private static final List<String> REFERENCE_PATHS = List.of("ResultPath", "ItemsPath", "SecondsPath",
            "TimestampPath", "TimeoutSecondsPath", "HeartbeatSecondsPath", "MaxConcurrencyPath",
            "ToleratedFailurePercentagePath", "ToleratedFailureCountPath");
    private static final List<String> TEMPLATES = List.of("Parameters", "ResultSelector", "ItemSelector", "Assign");

    private JsonPathChecks() {
    }

    static void check(JsonNode state, String at, List<Problem> problems) {
        for (String field : PATHS) {
            JsonNode value = state.get(field);
            if (value != null && !value.isNull() && !(value.isTextual() && PathValues.isValid(value.textValue()))) {
                problems.add(new Problem("INVALID_JSON_PATH", "The value for the field '" + field
                        + "' must be a valid JSONPath", at + "/" + field));
            }
        }
        for (String field : REFERENCE_PATHS) {
            JsonNode value = state.get(field);
            if (value != null && !value.isNull()
                    && !(value.isTextual() && PathValues.isReference(value.textValue()))) {
                problems.add(new Problem("INVALID_JSON_PATH", "The value for the field '" + field
                        + "' must be a valid ReferencePath", at + "/" + field));
            }
        }
        for (String field : List.of("ErrorPath", "CausePath")) {
            JsonNode value = state.get(field);
            if (value != null && !(value.isTextual() && pathOrIntrinsic(value.textValue()))) {
                problems.add(new Problem("INVALID_JSON_PATH", "The value for the field '" + field
                        + "' must be a valid JSONPath or a valid intrinsic function call", at + "/" + field));
            }
        }
        for (String field : TEMPLATES) {
            JsonNode value = state.get(field);
            if (value != null) {
                template(value, at + "/" + field, problems);
            }
        }
        JsonNode choices = state.get("Choices");
        if (choices != null && choices.isArray()) {
            for (int i = 0; i < choices.size(); i++) {
                rule(choices.get(i), at + "/Choices[" + i + "]", problems);
            }
        }
    }

    /** The {@code .$} fields of a payload template, recursively. */
    static void template(JsonNode template, String at, List<Problem> problems) {
        if (template.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (name.endsWith(".$")) {
                    if (!value.isTextual()) {
                        problems.add(new Problem("SCHEMA_VALIDATION_FAILED", "The value for the field '" + name
                                + "' must be a STRING that contains a JSONPath but was an "
                                + value.getNodeType(), at + "/" + name));
                    } else if (Intrinsics.isIntrinsic(value.textValue())) {
                        Intrinsics.problem(value.textValue()).ifPresent(problem -> problems.add(new Problem(
                                "INVALID_JSON_PATH", "The value for the field '" + name
                                + "' must be a valid JSONPath or a valid intrinsic function call", at + "/" + name)));
                    } else if (!PathValues.isValid(value.textValue())) {
                        problems.add(new Problem("INVALID_JSON_PATH", "The value for the field '" + name
                                + "' must be a valid JSONPath or a valid intrinsic function call", at + "/" + name));
                    }
                } else {
                    template(value, at + "/" + name, problems);
                }
            }
        } else if (template.isArray()) {
            for (int i = 0; i < template.size(); i++) {
                template(template.get(i), at + "[" + i + "]", problems);
            }
        }
    }

    /** A Choice Rule: its Variable and {@code ...Path} operands are paths; And/Or/Not recurse. */
    private static void rule(JsonNode rule, String at, List<Problem> problems) {
        for (String combinator : List.of("And", "Or")) {
            JsonNode inner = rule.get(combinator);
            if (inner != null && inner.isArray()) {
                for (int i = 0; i < inner.size(); i++) {
                    rule(inner.get(i), at + "/" + combinator + "[" + i + "]", problems);
                }
            }
        }
        if (rule.has("Not")) {
            rule(rule.get("Not"), at + "/Not", problems);
        }
        JsonNode variable = rule.get("Variable");
        if (variable != null && !(variable.isTextual() && PathValues.isValid(variable.textValue()))) {
            problems.add(new Problem("INVALID_JSON_PATH", "The value for the field 'Variable' must be a valid JSONPath",
                    at + "/Variable"));
        }
        ChoiceRules.operatorOf(rule).filter(op -> op.endsWith("Path")).ifPresent(op -> {
            JsonNode operand = rule.get(op);
            if (!(operand.isTextual() && PathValues.isValid(operand.textValue()))) {
                problems.add(new Problem("INVALID_JSON_PATH", "The value for the field '" + op
                        + "' must be a valid JSONPath", at + "/" + op));
            }
        });
    }

    private static boolean pathOrIntrinsic(String text) {
        return Intrinsics.isIntrinsic(text) ? Intrinsics.problem(text).isEmpty() : PathValues.isValid(text);
    }
}

package io.labrunner.emulator.stepfunctions.language;

import static io.labrunner.emulator.stepfunctions.language.DefinitionChecks.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.stepfunctions.language.DefinitionValidator.Diagnostic;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The paths, payload templates and Choice Rules of one JSONPath-mode state.
 *
 * <p>AWS's wording: {@code Value must be a valid JSONPath.} at the path field (CloudFormation relaying Step
 * Functions, aws-cloudformation/cfn-lint issue 4078), and {@code The value for the field 'x.$' must be a valid
 * JSONPath or a valid intrinsic function call} at the template object holding the field (LocalStack's AWS-recorded
 * test_illegal_escapes snapshot). {@code Value must be a valid ReferencePath.} for reference paths is ours, in the
 * same style.
 */
final class JsonPathChecks {
    private static final List<String> PATHS = List.of("InputPath", "OutputPath");
    private static final List<String> REFERENCE_PATHS = List.of("ResultPath", "ItemsPath", "SecondsPath",
            "TimestampPath", "TimeoutSecondsPath", "HeartbeatSecondsPath", "MaxConcurrencyPath",
            "ToleratedFailurePercentagePath", "ToleratedFailureCountPath");
    private static final List<String> TEMPLATES = List.of("Parameters", "ResultSelector", "ItemSelector", "Assign",
            "Credentials");

    private JsonPathChecks() {
    }

    static void check(JsonNode state, String at, List<Diagnostic> problems) {
        for (String field : PATHS) {
            JsonNode value = state.get(field);
            if (value != null && !value.isNull() && !(value.isTextual() && PathValues.isValid(value.textValue()))) {
                problems.add(schema("Value must be a valid JSONPath.", at + "/" + field));
            }
        }
        for (String field : REFERENCE_PATHS) {
            JsonNode value = state.get(field);
            boolean nullable = field.equals("ResultPath");
            if (value != null && !(nullable && value.isNull())
                    && !(value.isTextual() && PathValues.isReference(value.textValue()))) {
                problems.add(schema("Value must be a valid ReferencePath.", at + "/" + field));
            }
        }
        for (String field : List.of("ErrorPath", "CausePath")) {
            JsonNode value = state.get(field);
            if (value != null && !(value.isTextual() && pathOrIntrinsic(value.textValue()))) {
                problems.add(schema("The value for the field '" + field
                        + "' must be a valid JSONPath or a valid intrinsic function call", at));
            }
        }
        for (String field : TEMPLATES) {
            JsonNode value = state.get(field);
            if (value != null) {
                template(value, at + "/" + field, problems);
            }
        }
        JsonNode catchers = state.path("Catch");
        for (int i = 0; i < catchers.size(); i++) {
            JsonNode resultPath = catchers.get(i).get("ResultPath");
            if (resultPath != null && !resultPath.isNull()
                    && !(resultPath.isTextual() && PathValues.isReference(resultPath.textValue()))) {
                problems.add(schema("Value must be a valid ReferencePath.", at + "/Catch[" + i + "]/ResultPath"));
            }
        }
        JsonNode choices = state.get("Choices");
        if (choices != null && choices.isArray()) {
            for (int i = 0; i < choices.size(); i++) {
                ChoiceRuleChecks.rule(choices.get(i), at + "/Choices[" + i + "]", true, problems);
            }
        }
    }

    /** The {@code .$} fields of a payload template, recursively; a problem is located at the object holding it. */
    static void template(JsonNode template, String at, List<Diagnostic> problems) {
        if (template.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (name.endsWith(".$")) {
                    if (!(value.isTextual() && pathOrIntrinsic(value.textValue()))) {
                        problems.add(schema("The value for the field '" + name
                                + "' must be a valid JSONPath or a valid intrinsic function call", at));
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

    static boolean pathOrIntrinsic(String text) {
        return Intrinsics.isIntrinsic(text) ? Intrinsics.problem(text).isEmpty() : PathValues.isValid(text);
    }
}

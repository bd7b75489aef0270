package io.labrunner.emulator.stepfunctions.language;

import static io.labrunner.emulator.stepfunctions.language.DefinitionChecks.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.stepfunctions.language.DefinitionValidator.Diagnostic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema of one state: its type, the fields its type allows in its query language, the fields it requires,
 * and the types of their values. Paths and templates are {@link JsonPathChecks}' job, expressions
 * {@link JsonataChecks}'.
 *
 * <p>Wording AWS is known to use: {@code Field 'TimeoutSeconds' is not supported} at the state (measured against
 * AWS in floci-io/floci issue 2735), {@code The field 'Type' should have one of these values: [...]}, {@code
 * Value cannot be empty} for Branches, {@code String does not match RFC3339 timestamp}, {@code The field 'RoleArn'
 * is required but was missing} (LocalStack's AWS-recorded snapshots). Other wording here is ours, in the same style.
 */
final class StateSchema {
    /** AWS's order, as its message lists the types (LocalStack's AWS-recorded test_base_scenarios snapshot). */
    static final List<String> TYPES = List.of("Task", "Wait", "Pass", "Succeed", "Fail", "Choice", "Parallel", "Map");
    private static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();
    private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");

    static {
        ALLOWED.put("Pass", Set.of("Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters", "Result",
                "Assign", "Output"));
        ALLOWED.put("Task", Set.of("Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters",
                "ResultSelector", "Resource", "Retry", "Catch", "TimeoutSeconds", "TimeoutSecondsPath",
                "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials", "Assign", "Arguments", "Output"));
        ALLOWED.put("Choice", Set.of("InputPath", "OutputPath", "Choices", "Default", "Assign", "Output"));
        ALLOWED.put("Wait", Set.of("Next", "End", "InputPath", "OutputPath", "Seconds", "SecondsPath", "Timestamp",
                "TimestampPath", "Assign", "Output"));
        ALLOWED.put("Succeed", Set.of("InputPath", "OutputPath", "Output"));
        ALLOWED.put("Fail", Set.of("Error", "ErrorPath", "Cause", "CausePath"));
        ALLOWED.put("Parallel", Set.of("Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters",
                "ResultSelector", "Branches", "Retry", "Catch", "Assign", "Arguments", "Output"));
        ALLOWED.put("Map", Set.of("Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters",
                "ResultSelector", "Retry", "Catch", "Iterator", "ItemProcessor", "ItemsPath", "Items",
                "ItemSelector", "ItemReader", "ItemBatcher", "ResultWriter", "MaxConcurrency", "MaxConcurrencyPath",
                "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "ToleratedFailureCount",
                "ToleratedFailureCountPath", "Label", "Assign", "Arguments", "Output"));
    }

    /** Fields a JSONata state may not have (developer guide, "Transforming data with JSONata"). */
    static final Set<String> JSONPATH_ONLY = Set.of("InputPath", "OutputPath", "ResultPath", "Parameters",
            "ResultSelector", "ItemsPath", "SecondsPath", "TimestampPath", "ErrorPath", "CausePath",
            "TimeoutSecondsPath", "HeartbeatSecondsPath", "MaxConcurrencyPath", "ToleratedFailurePercentagePath",
            "ToleratedFailureCountPath");
    /** Fields only a JSONata state may have. */
    static final Set<String> JSONATA_ONLY = Set.of("Arguments", "Output", "Items");
    private static final Set<String> NEEDS_TRANSITION = Set.of("Pass", "Task", "Wait", "Parallel", "Map");

    private StateSchema() {
    }

    /** The state's query language: its own {@code QueryLanguage}, else its state machine's. */
    static String language(JsonNode state, String machineLanguage) {
        JsonNode own = state.get("QueryLanguage");
        return own != null && own.isTextual() && DefinitionChecks.LANGUAGES.contains(own.textValue())
                ? own.textValue() : machineLanguage;
    }

    static void check(JsonNode state, String at, String machineLanguage, List<Diagnostic> problems) {
        if (!state.isObject()) {
            problems.add(schema("The value for the state must be an OBJECT", at));
            return;
        }
        JsonNode typeNode = state.get("Type");
        if (typeNode == null) {
            problems.add(schema("These fields are required: [Type]", at));
            return;
        }
        String type = typeNode.asText();
        if (!typeNode.isTextual() || !ALLOWED.containsKey(type)) {
            problems.add(schema("The field 'Type' should have one of these values: " + TYPES, at + "/Type"));
            return;
        }
        int before = problems.size();
        String language = languageOf(state, at, machineLanguage, problems);
        fields(state, type, language, at, problems);
        required(state, type, at, problems);
        transition(state, type, at, problems);
        values(state, type, language, at, problems);
        if (problems.size() > before) {
            return;
        }
        if (language.equals("JSONPath")) {
            JsonPathChecks.check(state, at, problems);
        } else {
            JsonataChecks.check(state, at, problems);
        }
    }

    private static String languageOf(JsonNode state, String at, String machineLanguage, List<Diagnostic> problems) {
        JsonNode own = state.get("QueryLanguage");
        if (own == null) {
            return machineLanguage;
        }
        if (!own.isTextual() || !DefinitionChecks.LANGUAGES.contains(own.textValue())) {
            problems.add(schema("The field 'QueryLanguage' should have one of these values: "
                    + DefinitionChecks.LANGUAGES, at + "/QueryLanguage"));
            return machineLanguage;
        }
        if (machineLanguage.equals("JSONata") && own.textValue().equals("JSONPath")) {
            // LocalStack's AWS-recorded test_sfn_api_validation (INVALID_DOWNGRADE_QUERY_LANGUAGE).
            problems.add(schema("'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
                    at));
        }
        return own.textValue();
    }

    private static void fields(JsonNode state, String type, String language, String at, List<Diagnostic> problems) {
        Set<String> allowed = ALLOWED.get(type);
        for (String field : (Iterable<String>) state::fieldNames) {
            boolean known = COMMON.contains(field) || allowed.contains(field);
            boolean wrongLanguage = language.equals("JSONata") ? JSONPATH_ONLY.contains(field)
                    : JSONATA_ONLY.contains(field);
            if (!known || wrongLanguage) {
                problems.add(schema("Field '" + field + "' is not supported", at));
            }
        }
    }

    private static void required(JsonNode state, String type, String at, List<Diagnostic> problems) {
        String needed = switch (type) {
            case "Task" -> "Resource";
            case "Choice" -> "Choices";
            case "Parallel" -> "Branches";
            case "Map" -> state.has("Iterator") ? null : "ItemProcessor";
            default -> null;
        };
        if (needed != null && !state.has(needed)) {
            problems.add(schema("These fields are required: [" + needed + "]", at));
        }
        if (type.equals("Wait")) {
            int how = count(state, "Seconds", "SecondsPath", "Timestamp", "TimestampPath");
            if (how != 1) {
                problems.add(schema("Exactly one of these fields is required: [Seconds, SecondsPath, Timestamp, "
                        + "TimestampPath]", at));
            }
        }
        exclusive(state, at, problems, "Error", "ErrorPath");
        exclusive(state, at, problems, "Cause", "CausePath");
        exclusive(state, at, problems, "TimeoutSeconds", "TimeoutSecondsPath");
        exclusive(state, at, problems, "HeartbeatSeconds", "HeartbeatSecondsPath");
        exclusive(state, at, problems, "ItemProcessor", "Iterator");
        exclusive(state, at, problems, "Parameters", "ItemSelector");
        exclusive(state, at, problems, "MaxConcurrency", "MaxConcurrencyPath");
    }

    /** Pass, Task, Wait, Parallel and Map say where to go next, or that they end the execution — not both. */
    private static void transition(JsonNode state, String type, String at, List<Diagnostic> problems) {
        boolean next = state.has("Next");
        boolean end = state.has("End");
        if (!NEEDS_TRANSITION.contains(type)) {
            return;
        }
        if (next && end) {
            problems.add(schema("Only one of the fields 'Next' and 'End' may be set", at));
        } else if (!next && !end) {
            problems.add(schema("One of the fields 'Next' and 'End' is required", at));
        }
    }

    private static void values(JsonNode state, String type, String language, String at, List<Diagnostic> problems) {
        string(state, "Comment", at, problems);
        string(state, "Next", at, problems);
        string(state, "Default", at, problems);
        JsonNode end = state.get("End");
        if (end != null && !(end.isBoolean() && end.booleanValue())) {
            problems.add(schema("The value for the field 'End' must be true", at + "/End"));
        }
        boolean jsonata = language.equals("JSONata");
        if (!(jsonata && isExpression(state.get("Resource")))) {
            string(state, "Resource", at, problems);
        }
        positive(state, "TimeoutSeconds", jsonata, at, problems);
        positive(state, "HeartbeatSeconds", jsonata, at, problems);
        nonNegative(state, "Seconds", jsonata, at, problems);
        nonNegative(state, "MaxConcurrency", jsonata, at, problems);
        JsonNode timestamp = state.get("Timestamp");
        if (timestamp != null && !(jsonata && isExpression(timestamp))
                && !(timestamp.isTextual() && ChoiceRules.timestamp(timestamp.textValue()) != null)) {
            problems.add(schema("String does not match RFC3339 timestamp", at + "/Timestamp"));
        }
        if (!jsonata) {
            string(state, "Error", at, problems);
            string(state, "Cause", at, problems);
        }
        nonEmptyArray(state, "Branches", at, problems);
        nonEmptyArray(state, "Choices", at, problems);
        retriers(state, at, problems);
        catchers(state, at, problems);
        JsonNode credentials = state.get("Credentials");
        if (credentials != null && credentials.isObject() && !credentials.has("RoleArn")
                && !credentials.has("RoleArn.$")) {
            problems.add(schema("The field 'RoleArn' is required but was missing", at + "/Credentials"));
        }
        if (type.equals("Choice")) {
            JsonNode choices = state.path("Choices");
            for (int i = 0; i < choices.size(); i++) {
                JsonNode rule = choices.get(i);
                if (!rule.isObject()) {
                    problems.add(schema("The value for the field 'Choices' must contain OBJECTs",
                            at + "/Choices[" + i + "]"));
                } else if (!rule.has("Next")) {
                    problems.add(schema("These fields are required: [Next]", at + "/Choices[" + i + "]"));
                }
            }
        }
    }

    private static void retriers(JsonNode state, String at, List<Diagnostic> problems) {
        JsonNode retry = state.get("Retry");
        if (retry == null) {
            return;
        }
        if (!retry.isArray()) {
            problems.add(schema("The value for the field 'Retry' must be an ARRAY", at + "/Retry"));
            return;
        }
        for (int i = 0; i < retry.size(); i++) {
            String where = at + "/Retry[" + i + "]";
            JsonNode retrier = retry.get(i);
            errorEquals(retrier, where, problems);
            for (String field : (Iterable<String>) retrier::fieldNames) {
                if (!Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds",
                        "JitterStrategy", "Comment").contains(field)) {
                    problems.add(schema("Field '" + field + "' is not supported", where));
                }
            }
            JsonNode jitter = retrier.get("JitterStrategy");
            if (jitter != null && !Set.of("FULL", "NONE").contains(jitter.asText())) {
                problems.add(schema("The field 'JitterStrategy' should have one of these values: [FULL, NONE]",
                        where + "/JitterStrategy"));
            }
            JsonNode backoff = retrier.get("BackoffRate");
            if (backoff != null && !(backoff.isNumber() && backoff.doubleValue() >= 1.0)) {
                problems.add(schema("The value for the field 'BackoffRate' must be a number of at least 1.0",
                        where + "/BackoffRate"));
            }
            for (String field : List.of("IntervalSeconds", "MaxDelaySeconds")) {
                JsonNode value = retrier.get(field);
                if (value != null && !(value.isIntegralNumber() && value.longValue() >= 1)) {
                    problems.add(schema("The value for the field '" + field + "' must be a positive integer",
                            where + "/" + field));
                }
            }
            JsonNode attempts = retrier.get("MaxAttempts");
            if (attempts != null && !(attempts.isIntegralNumber() && attempts.longValue() >= 0)) {
                problems.add(schema("The value for the field 'MaxAttempts' must be a non-negative integer",
                        where + "/MaxAttempts"));
            }
        }
    }

    private static void catchers(JsonNode state, String at, List<Diagnostic> problems) {
        JsonNode catchers = state.get("Catch");
        if (catchers == null) {
            return;
        }
        if (!catchers.isArray()) {
            problems.add(schema("The value for the field 'Catch' must be an ARRAY", at + "/Catch"));
            return;
        }
        for (int i = 0; i < catchers.size(); i++) {
            String where = at + "/Catch[" + i + "]";
            JsonNode catcher = catchers.get(i);
            errorEquals(catcher, where, problems);
            if (catcher.isObject() && !catcher.has("Next")) {
                problems.add(schema("These fields are required: [Next]", where));
            }
            for (String field : (Iterable<String>) catcher::fieldNames) {
                if (!Set.of("ErrorEquals", "Next", "ResultPath", "Output", "Assign", "Comment").contains(field)) {
                    problems.add(schema("Field '" + field + "' is not supported", where));
                }
            }
        }
    }

    /** A retrier's or catcher's ErrorEquals: a non-empty list of names; {@code States.ALL} alone and last. */
    private static void errorEquals(JsonNode rule, String where, List<Diagnostic> problems) {
        JsonNode errors = rule.get("ErrorEquals");
        if (errors == null) {
            problems.add(schema("These fields are required: [ErrorEquals]", where));
            return;
        }
        if (!errors.isArray() || errors.isEmpty()) {
            problems.add(schema("Value cannot be empty", where + "/ErrorEquals"));
            return;
        }
        for (JsonNode error : errors) {
            if (!error.isTextual()) {
                problems.add(schema("The value for the field 'ErrorEquals' must contain STRINGs",
                        where + "/ErrorEquals"));
                return;
            }
            if (error.textValue().equals("States.ALL") && errors.size() > 1) {
                problems.add(schema("'States.ALL' must appear alone in 'ErrorEquals'", where + "/ErrorEquals"));
                return;
            }
        }
    }

    private static void string(JsonNode state, String field, String at, List<Diagnostic> problems) {
        JsonNode value = state.get(field);
        if (value != null && !value.isTextual()) {
            problems.add(schema("The value for the field '" + field + "' must be a STRING", at + "/" + field));
        }
    }

    private static void positive(JsonNode state, String field, boolean jsonata, String at, List<Diagnostic> problems) {
        JsonNode value = state.get(field);
        if (value != null && !(jsonata && isExpression(value)) && !(value.isIntegralNumber() && value.longValue() > 0)) {
            problems.add(schema("The value for the field '" + field + "' must be a positive integer",
                    at + "/" + field));
        }
    }

    private static void nonNegative(JsonNode state, String field, boolean jsonata, String at,
            List<Diagnostic> problems) {
        JsonNode value = state.get(field);
        if (value != null && !(jsonata && isExpression(value))
                && !(value.isIntegralNumber() && value.longValue() >= 0)) {
            problems.add(schema("The value for the field '" + field + "' must be a non-negative integer",
                    at + "/" + field));
        }
    }

    private static void nonEmptyArray(JsonNode state, String field, String at, List<Diagnostic> problems) {
        JsonNode value = state.get(field);
        if (value == null) {
            return;
        }
        if (!value.isArray()) {
            problems.add(schema("The value for the field '" + field + "' must be an ARRAY", at + "/" + field));
        } else if (value.isEmpty()) {
            problems.add(schema("Value cannot be empty", at + "/" + field));
        }
    }

    private static void exclusive(JsonNode state, String at, List<Diagnostic> problems, String one, String other) {
        if (state.has(one) && state.has(other)) {
            problems.add(schema("Only one of the fields '" + one + "' and '" + other + "' may be set", at));
        }
    }

    private static int count(JsonNode state, String... fields) {
        int n = 0;
        for (String field : fields) {
            if (state.has(field)) {
                n++;
            }
        }
        return n;
    }

    static boolean isExpression(JsonNode value) {
        return value != null && value.isTextual() && Jsonata.isExpression(value.textValue());
    }
}

package io.labrunner.emulator.stepfunctions.language;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.stepfunctions.asl.TaskFailure;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Choice Rules of JSONPath-mode Choice states: the comparison operators ({@code StringEquals},
 * {@code NumericLessThanPath}, {@code TimestampGreaterThanEquals}, {@code StringMatches}, {@code IsPresent}, ...)
 * and the Boolean combinators {@code And}, {@code Or}, {@code Not} (ASL specification, "Choice Rules").
 *
 * <p>A comparison whose variable holds a value of another type is simply false ({@code StringEquals} of a
 * number). A {@code Variable} that names nothing fails the state with {@code States.Runtime}, except under
 * {@code IsPresent}.
 */
public final class ChoiceRules {
    /** Every comparison operator, each also with a {@code Path} suffix except the type tests. */
    public static final List<String> COMPARISONS = List.of(
            "StringEquals", "StringLessThan", "StringGreaterThan", "StringLessThanEquals",
            "StringGreaterThanEquals", "StringMatches",
            "NumericEquals", "NumericLessThan", "NumericGreaterThan", "NumericLessThanEquals",
            "NumericGreaterThanEquals",
            "BooleanEquals",
            "TimestampEquals", "TimestampLessThan", "TimestampGreaterThan", "TimestampLessThanEquals",
            "TimestampGreaterThanEquals");
    /** The type tests, whose operand is a boolean. */
    public static final List<String> TYPE_TESTS = List.of(
            "IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp");
    private static final Set<String> PATH_ALLOWED = Set.copyOf(COMPARISONS.stream()
            .filter(op -> !op.equals("StringMatches")).toList());

    private ChoiceRules() {
    }

    /** Whether {@code name} is a comparison operator, a {@code ...Path} variant or a type test. */
    public static boolean isOperator(String name) {
        return COMPARISONS.contains(name) || TYPE_TESTS.contains(name)
                || (name.endsWith("Path") && PATH_ALLOWED.contains(name.substring(0, name.length() - 4)));
    }

    /**
     * Whether {@code rule} (a Choice Rule: a comparison with {@code Variable}, or {@code And}/{@code Or}/
     * {@code Not}) holds.
     *
     * @param input     what {@code $} paths read (the Choice state's effective input)
     * @param context   the Context Object {@code $$} paths read
     * @param variables the workflow variables {@code $name} paths read; may be empty
     * @throws TaskFailure {@code States.Runtime} when the Variable or a {@code ...Path} operand names nothing
     */
    public static boolean matches(JsonNode rule, JsonNode input, JsonNode context, Map<String, JsonNode> variables) {
        if (rule.has("And")) {
            for (JsonNode inner : rule.get("And")) {
                if (!matches(inner, input, context, variables)) {
                    return false;
                }
            }
            return true;
        }
        if (rule.has("Or")) {
            for (JsonNode inner : rule.get("Or")) {
                if (matches(inner, input, context, variables)) {
                    return true;
                }
            }
            return false;
        }
        if (rule.has("Not")) {
            return !matches(rule.get("Not"), input, context, variables);
        }
        String variablePath = rule.path("Variable").asText();
        String operator = operatorOf(rule)
                .orElseThrow(() -> new TaskFailure("States.Runtime", "The Choice Rule " + rule + " has no operator"));
        JsonNode operand = rule.get(operator);
        Optional<JsonNode> variable = find(variablePath, input, context, variables);
        if (operator.equals("IsPresent")) {
            return variable.isPresent() == operand.asBoolean();
        }
        if (variable.isEmpty()) {
            // AWS's cause for a Variable that names nothing (LocalStack's AWS-recorded Choice snapshots).
            throw new TaskFailure("States.Runtime", "Invalid path '" + variablePath
                    + "': The choice state's condition path references an invalid value.");
        }
        JsonNode value = variable.get();
        if (TYPE_TESTS.contains(operator)) {
            return typeTest(operator, value) == operand.asBoolean();
        }
        String comparison = operator;
        if (operator.endsWith("Path") && PATH_ALLOWED.contains(operator.substring(0, operator.length() - 4))) {
            comparison = operator.substring(0, operator.length() - 4);
            String operandPath = operand.asText();
            operand = find(operandPath, input, context, variables).orElseThrow(() -> new TaskFailure(
                    "States.Runtime", "Invalid path '" + operandPath
                    + "': The choice state's condition path references an invalid value."));
        }
        return compare(comparison, value, operand);
    }

    /** Every operator field of a rule (a valid rule has one). */
    static List<String> operatorsOf(JsonNode rule) {
        List<String> operators = new java.util.ArrayList<>();
        rule.fieldNames().forEachRemaining(name -> {
            if (isOperator(name)) {
                operators.add(name);
            }
        });
        return operators;
    }

    /** The rule's operator field, if it has one. */
    public static Optional<String> operatorOf(JsonNode rule) {
        Iterable<String> names = rule::fieldNames;
        for (String name : names) {
            if (isOperator(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> find(String path, JsonNode input, JsonNode context,
            Map<String, JsonNode> variables) {
        try {
            return Optional.of(PathValues.read(path, input, context, variables));
        } catch (JsonPaths.PathMismatch e) {
            return Optional.empty();
        }
    }

    private static boolean typeTest(String operator, JsonNode value) {
        return switch (operator) {
            case "IsNull" -> value.isNull();
            case "IsNumeric" -> value.isNumber();
            case "IsString" -> value.isTextual();
            case "IsBoolean" -> value.isBoolean();
            case "IsTimestamp" -> value.isTextual() && timestamp(value.textValue()) != null;
            default -> throw new IllegalArgumentException(operator);
        };
    }

    private static boolean compare(String operator, JsonNode value, JsonNode operand) {
        if (operator.startsWith("String")) {
            if (!value.isTextual() || !operand.isTextual()) {
                return false;
            }
            if (operator.equals("StringMatches")) {
                return wildcardMatches(operand.textValue(), value.textValue());
            }
            return holds(operator.substring("String".length()), value.textValue().compareTo(operand.textValue()));
        }
        if (operator.startsWith("Numeric")) {
            if (!value.isNumber() || !operand.isNumber()) {
                return false;
            }
            return holds(operator.substring("Numeric".length()), value.decimalValue().compareTo(operand.decimalValue()));
        }
        if (operator.equals("BooleanEquals")) {
            return value.isBoolean() && operand.isBoolean() && value.booleanValue() == operand.booleanValue();
        }
        if (operator.startsWith("Timestamp")) {
            Instant left = value.isTextual() ? timestamp(value.textValue()) : null;
            Instant right = operand.isTextual() ? timestamp(operand.textValue()) : null;
            if (left == null || right == null) {
                return false;
            }
            return holds(operator.substring("Timestamp".length()), left.compareTo(right));
        }
        throw new IllegalArgumentException(operator);
    }

    private static boolean holds(String relation, int order) {
        return switch (relation) {
            case "Equals" -> order == 0;
            case "LessThan" -> order < 0;
            case "GreaterThan" -> order > 0;
            case "LessThanEquals" -> order <= 0;
            case "GreaterThanEquals" -> order >= 0;
            default -> throw new IllegalArgumentException(relation);
        };
    }

    /**
     * {@code StringMatches}: {@code *} matches any run of characters; {@code \*} is a literal star and
     * {@code \\} a literal backslash (in the definition's JSON they are written {@code \\*} and {@code \\\\}).
     */
    static boolean wildcardMatches(String pattern, String text) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(java.util.regex.Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else {
                regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return java.util.regex.Pattern.compile(regex.toString(), java.util.regex.Pattern.DOTALL)
                .matcher(text).matches();
    }

    /**
     * An RFC 3339 timestamp ({@code 2016-03-14T01:59:00Z}, with an offset or fractional seconds), or null when
     * {@code text} is not one. AWS requires the uppercase {@code T} and, without an offset, {@code Z}.
     */
    public static Instant timestamp(String text) {
        if (text == null || text.indexOf('T') < 0) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

package io.labrunner.emulator.sagemaker.pipelines;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Condition step's conditions: Equals, GreaterThan, GreaterThanOrEqualTo, LessThan, LessThanOrEqualTo
 * (LeftValue, RightValue), In (QueryValue, Values), Not (Condition) and Or (Conditions). The step's outcome is
 * true when every one of its conditions holds.
 */
final class Conditions {
    private Conditions() {
    }

    /** Whether all of {@code conditions} hold. */
    static boolean all(JsonNode conditions, Expressions.Context context) {
        for (JsonNode condition : conditions) {
            if (!holds(condition, context)) {
                return false;
            }
        }
        return true;
    }

    static boolean holds(JsonNode condition, Expressions.Context context) {
        String type = condition.path("Type").asText();
        return switch (type) {
            case "Equals" -> compare(condition, context) == 0;
            case "GreaterThan" -> compare(condition, context) > 0;
            case "GreaterThanOrEqualTo" -> compare(condition, context) >= 0;
            case "LessThan" -> compare(condition, context) < 0;
            case "LessThanOrEqualTo" -> compare(condition, context) <= 0;
            case "In" -> in(condition, context);
            case "Not" -> !holds(condition.path("Condition"), context);
            case "Or" -> any(condition.path("Conditions"), context);
            default -> throw new Expressions.ExpressionException("Unknown condition type '" + type + "'");
        };
    }

    private static boolean any(JsonNode conditions, Expressions.Context context) {
        for (JsonNode condition : conditions) {
            if (holds(condition, context)) {
                return true;
            }
        }
        return false;
    }

    private static boolean in(JsonNode condition, Expressions.Context context) {
        JsonNode query = Expressions.resolve(condition.path("QueryValue"), context);
        for (JsonNode value : condition.path("Values")) {
            if (compare(query, Expressions.resolve(value, context)) == 0) {
                return true;
            }
        }
        return false;
    }

    private static int compare(JsonNode condition, Expressions.Context context) {
        return compare(Expressions.resolve(condition.path("LeftValue"), context),
                Expressions.resolve(condition.path("RightValue"), context));
    }

    /** Numbers compare as numbers (a number in text too, as a metric's value may be); anything else as text. */
    private static int compare(JsonNode left, JsonNode right) {
        Double l = number(left);
        Double r = number(right);
        if (l != null && r != null) {
            return Double.compare(l, r);
        }
        return Expressions.text(left).compareTo(Expressions.text(right));
    }

    private static Double number(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            try {
                return Double.parseDouble(value.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}

package io.labrunner.emulator.stepfunctions.language;

import static io.labrunner.emulator.stepfunctions.language.DefinitionChecks.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.stepfunctions.language.DefinitionValidator.Diagnostic;
import java.util.List;
import java.util.Set;

/** The Choice Rules of a JSONPath-mode Choice state: combinators, comparisons and their operands' types. */
final class ChoiceRuleChecks {
    private static final Set<String> TOP_ONLY = Set.of("Next", "Comment", "Assign");

    private ChoiceRuleChecks() {
    }

    /** One rule; {@code top} for a rule directly in Choices, which alone has Next, Comment and Assign. */
    static void rule(JsonNode rule, String at, boolean top, List<Diagnostic> problems) {
        if (!rule.isObject()) {
            problems.add(schema("The value for a Choice Rule must be an OBJECT", at));
            return;
        }
        int kinds = 0;
        for (String combinator : List.of("And", "Or")) {
            JsonNode inner = rule.get(combinator);
            if (inner == null) {
                continue;
            }
            kinds++;
            if (!inner.isArray() || inner.isEmpty()) {
                problems.add(schema("Value cannot be empty", at + "/" + combinator));
                continue;
            }
            for (int i = 0; i < inner.size(); i++) {
                rule(inner.get(i), at + "/" + combinator + "[" + i + "]", false, problems);
            }
        }
        if (rule.has("Not")) {
            kinds++;
            rule(rule.get("Not"), at + "/Not", false, problems);
        }
        List<String> operators = ChoiceRules.operatorsOf(rule);
        kinds += operators.size();
        for (String field : (Iterable<String>) rule::fieldNames) {
            boolean known = field.equals("Variable") || field.equals("And") || field.equals("Or")
                    || field.equals("Not") || ChoiceRules.isOperator(field) || (top && TOP_ONLY.contains(field));
            if (!known) {
                problems.add(schema("Field '" + field + "' is not supported", at));
            }
        }
        if (kinds != 1) {
            problems.add(schema("A Choice Rule must have exactly one of And, Or, Not or a comparison operator", at));
            return;
        }
        if (top && rule.has("Assign")) {
            JsonPathChecks.template(rule.get("Assign"), at + "/Assign", problems);
        }
        if (operators.isEmpty()) {
            if (rule.has("Variable")) {
                problems.add(schema("Field 'Variable' is not supported", at));
            }
            return;
        }
        JsonNode variable = rule.get("Variable");
        if (variable == null) {
            problems.add(schema("These fields are required: [Variable]", at));
        } else if (!(variable.isTextual() && PathValues.isValid(variable.textValue()))) {
            problems.add(schema("Value must be a valid JSONPath.", at + "/Variable"));
        }
        String operator = operators.get(0);
        operand(operator, rule.get(operator), at + "/" + operator, problems);
    }

    private static void operand(String operator, JsonNode operand, String at, List<Diagnostic> problems) {
        String expected;
        boolean ok;
        if (ChoiceRules.TYPE_TESTS.contains(operator)) {
            expected = "a BOOLEAN";
            ok = operand.isBoolean();
        } else if (operator.endsWith("Path")) {
            expected = "a valid JSONPath";
            ok = operand.isTextual() && PathValues.isValid(operand.textValue());
        } else if (operator.startsWith("String")) {
            expected = "a STRING";
            ok = operand.isTextual();
        } else if (operator.startsWith("Numeric")) {
            expected = "a NUMBER";
            ok = operand.isNumber();
        } else if (operator.startsWith("Boolean")) {
            expected = "a BOOLEAN";
            ok = operand.isBoolean();
        } else {
            expected = "an RFC3339 timestamp";
            ok = operand.isTextual() && ChoiceRules.timestamp(operand.textValue()) != null;
        }
        if (!ok) {
            problems.add(operator.startsWith("Timestamp") && !operator.endsWith("Path")
                    ? schema("String does not match RFC3339 timestamp", at)
                    : schema("The value for the field '" + operator + "' must be " + expected, at));
        }
    }
}

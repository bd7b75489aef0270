package io.labrunner.emulator.iam.policy;

import io.labrunner.emulator.iam.policy.ConditionOperator.Base;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides one condition clause against a request (IAM User Guide, "Condition operators" and "Conditions with
 * multiple context keys or values"):
 * <ul>
 * <li>several policy values for the key: any may match (OR); for a negated operator none may (NOR);</li>
 * <li>a key the request lacks: false, but true for a negated operator, for {@code ...IfExists} and for
 *     {@code ForAllValues:}; {@code ForAnyValue:} is false; {@code Null} tests exactly that absence;</li>
 * <li>{@code ForAnyValue:} some request value satisfies the operator; {@code ForAllValues:} every one does;</li>
 * <li>without a qualifier a multivalued key matches when any of its values does.</li>
 * </ul>
 */
final class ConditionEvaluator {
    private ConditionEvaluator() {
    }

    static boolean holds(ConditionClause clause, RequestContext request, boolean substitutes, Set<String> missing) {
        ConditionOperator op = clause.operator();
        List<String> present = request.values(clause.key());
        boolean absent = present == null || present.isEmpty();
        if (op.base() == Base.NULL) {
            return clause.values().stream().anyMatch(v -> v.equalsIgnoreCase("true") == absent);
        }
        if (absent) {
            if (op.ifExists()) {
                return true;
            }
            missing.add(clause.key());
            return switch (op.qualifier()) {
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> false;
                case NONE -> op.base().negated();
            };
        }
        List<String> policyValues = new ArrayList<>(clause.values().size());
        for (String value : clause.values()) {
            String resolved = takesVariables(op.base()) && substitutes
                    ? PolicyVariables.substituteText(value, request, missing) : value;
            if (resolved != null) {
                policyValues.add(value);
            }
        }
        boolean negated = op.base().negated();
        return switch (op.qualifier()) {
            case NONE -> negated
                    ? present.stream().noneMatch(v -> matchesAny(op.base(), v, policyValues, request, substitutes, missing))
                    : present.stream().anyMatch(v -> matchesAny(op.base(), v, policyValues, request, substitutes, missing));
            case FOR_ANY_VALUE -> present.stream()
                    .anyMatch(v -> negated != matchesAny(op.base(), v, policyValues, request, substitutes, missing));
            case FOR_ALL_VALUES -> present.stream()
                    .allMatch(v -> negated != matchesAny(op.base(), v, policyValues, request, substitutes, missing));
        };
    }

    /** String and ARN operators take policy variables (IAM User Guide, "Where you can use policy variables"). */
    private static boolean takesVariables(Base base) {
        return base.kind() == ConditionOperator.Kind.STRING || base.kind() == ConditionOperator.Kind.ARN;
    }

    /** True when the request value satisfies the operator's positive form for some policy value. */
    private static boolean matchesAny(Base base, String value, List<String> policyValues, RequestContext request,
                                      boolean substitutes, Set<String> missing) {
        for (String policyValue : policyValues) {
            if (positive(base, value, policyValue, request, substitutes, missing)) {
                return true;
            }
        }
        return false;
    }

    private static boolean positive(Base base, String value, String policyValue, RequestContext request,
                                    boolean substitutes, Set<String> missing) {
        boolean variables = substitutes && PolicyVariables.has(policyValue);
        switch (base) {
            case STRING_EQUALS, STRING_NOT_EQUALS:
                return value.equals(text(policyValue, variables, request, missing));
            case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE:
                return value.equalsIgnoreCase(text(policyValue, variables, request, missing));
            case STRING_LIKE, STRING_NOT_LIKE: {
                Glob glob = variables ? PolicyVariables.substitute(policyValue, request, missing) : Glob.of(policyValue);
                return glob != null && glob.matches(value);
            }
            case ARN_EQUALS, ARN_LIKE, ARN_NOT_EQUALS, ARN_NOT_LIKE:
                return new ArnPattern(policyValue, substitutes)
                        .matches(request, value, ArnPattern.split(value).toArray(String[]::new), missing);
            case BOOL:
                return value.trim().toLowerCase(Locale.ROOT).equals(policyValue.trim().toLowerCase(Locale.ROOT));
            case BINARY_EQUALS: {
                byte[] a = ConditionValues.binary(value);
                byte[] b = ConditionValues.binary(policyValue);
                return a != null && b != null ? Arrays.equals(a, b) : value.equals(policyValue);
            }
            case IP_ADDRESS, NOT_IP_ADDRESS:
                return ConditionValues.inBlock(value, policyValue);
            default:
                break;
        }
        if (base.kind() == ConditionOperator.Kind.NUMERIC) {
            BigDecimal a = ConditionValues.number(value);
            BigDecimal b = ConditionValues.number(policyValue);
            return a != null && b != null && compares(base, a.compareTo(b));
        }
        if (base.kind() == ConditionOperator.Kind.DATE) {
            Instant a = ConditionValues.date(value);
            Instant b = ConditionValues.date(policyValue);
            return a != null && b != null && compares(base, a.compareTo(b));
        }
        return false;
    }

    private static String text(String policyValue, boolean variables, RequestContext request, Set<String> missing) {
        return variables ? PolicyVariables.substituteText(policyValue, request, missing) : policyValue;
    }

    private static boolean compares(Base base, int cmp) {
        return switch (base) {
            case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS, DATE_EQUALS, DATE_NOT_EQUALS -> cmp == 0;
            case NUMERIC_LESS_THAN, DATE_LESS_THAN -> cmp < 0;
            case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> cmp <= 0;
            case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> cmp > 0;
            case NUMERIC_GREATER_THAN_EQUALS, DATE_GREATER_THAN_EQUALS -> cmp >= 0;
            default -> false;
        };
    }
}

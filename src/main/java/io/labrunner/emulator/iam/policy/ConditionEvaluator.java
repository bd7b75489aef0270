package io.labrunner.emulator.iam.policy;

import io.labrunner.emulator.iam.policy.ConditionOperator.Base;
import io.labrunner.emulator.iam.policy.ConditionOperator.Kind;
import java.math.BigDecimal;
import java.time.Instant;
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
 * A clause is compiled once: its key lower-cased and its policy values read as what the operator compares
 * (numbers, dates, CIDR blocks, patterns), except values holding policy variables, read per request.
 */
final class ConditionEvaluator {
    private final ConditionClause clause;
    private final Base base;
    private final String keyLower;
    private final String[] values;
    /** Each policy value as the operator compares it; null where it holds a variable (or does not parse). */
    private final Object[] compiled;
    private final boolean[] dynamic;
    private final boolean substitutes;

    ConditionEvaluator(ConditionClause clause, boolean substitutes) {
        this.clause = clause;
        this.base = clause.operator().base();
        this.keyLower = clause.key().toLowerCase(Locale.ROOT);
        this.values = clause.values().toArray(String[]::new);
        this.substitutes = substitutes;
        this.compiled = new Object[values.length];
        this.dynamic = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            dynamic[i] = substitutes && takesVariables(base) && PolicyVariables.has(values[i]);
            compiled[i] = dynamic[i] ? null : compile(base, values[i], substitutes);
        }
    }

    boolean holds(RequestContext request, Set<String> missing) {
        ConditionOperator op = clause.operator();
        List<String> present = request.valuesLowerCase(keyLower);
        boolean absent = present == null || present.isEmpty();
        if (base == Base.NULL) {
            for (String v : values) {
                if (v.equalsIgnoreCase("true") == absent) {
                    return true;
                }
            }
            return false;
        }
        if (absent) {
            if (op.ifExists()) {
                return true;
            }
            missing.add(clause.key());
            return switch (op.qualifier()) {
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> false;
                case NONE -> base.negated();
            };
        }
        boolean negated = base.negated();
        switch (op.qualifier()) {
            case NONE: {
                for (String v : present) {
                    if (matchesAny(v, request, missing)) {
                        return !negated;
                    }
                }
                return negated;
            }
            case FOR_ANY_VALUE: {
                for (String v : present) {
                    if (negated != matchesAny(v, request, missing)) {
                        return true;
                    }
                }
                return false;
            }
            default: {
                for (String v : present) {
                    if (negated == matchesAny(v, request, missing)) {
                        return false;
                    }
                }
                return true;
            }
        }
    }

    /** String and ARN operators take policy variables (IAM User Guide, "Where you can use policy variables"). */
    private static boolean takesVariables(Base base) {
        return base.kind() == Kind.STRING || base.kind() == Kind.ARN;
    }

    /** True when the request value satisfies the operator's positive form for some policy value. */
    private boolean matchesAny(String value, RequestContext request, Set<String> missing) {
        for (int i = 0; i < values.length; i++) {
            Object policyValue = compiled[i];
            if (dynamic[i]) {
                policyValue = base == Base.STRING_LIKE || base == Base.STRING_NOT_LIKE
                        ? PolicyVariables.substitute(values[i], request, missing)
                        : base.kind() == Kind.ARN ? new ArnPattern(values[i], substitutes)
                        : PolicyVariables.substituteText(values[i], request, missing);
            }
            if (policyValue != null && positive(value, policyValue, request, missing)) {
                return true;
            }
        }
        return false;
    }

    private static Object compile(Base base, String value, boolean substitutes) {
        return switch (base.kind()) {
            case STRING -> base == Base.STRING_LIKE || base == Base.STRING_NOT_LIKE ? Glob.of(value) : value;
            case ARN -> new ArnPattern(value, substitutes);
            case NUMERIC -> ConditionValues.number(value);
            case DATE -> ConditionValues.date(value);
            case BOOL -> value.trim().toLowerCase(Locale.ROOT);
            case BINARY -> ConditionValues.binary(value) != null ? ConditionValues.binary(value) : value;
            case IP -> ConditionValues.block(value);
            case NULL -> value;
        };
    }

    private boolean positive(String value, Object policyValue, RequestContext request, Set<String> missing) {
        switch (base) {
            case STRING_EQUALS, STRING_NOT_EQUALS:
                return value.equals(policyValue);
            case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE:
                return value.equalsIgnoreCase((String) policyValue);
            case STRING_LIKE, STRING_NOT_LIKE:
                return ((Glob) policyValue).matches(value);
            case ARN_EQUALS, ARN_LIKE, ARN_NOT_EQUALS, ARN_NOT_LIKE:
                return ((ArnPattern) policyValue).matches(request, value, ArnPattern.split(value).toArray(String[]::new),
                        missing);
            case BOOL:
                return value.trim().toLowerCase(Locale.ROOT).equals(policyValue);
            case BINARY_EQUALS: {
                byte[] a = ConditionValues.binary(value);
                return policyValue instanceof byte[] b && a != null ? Arrays.equals(a, b) : value.equals(policyValue);
            }
            case IP_ADDRESS, NOT_IP_ADDRESS:
                return ((ConditionValues.Block) policyValue).contains(ConditionValues.address(value));
            default:
                break;
        }
        if (base.kind() == Kind.NUMERIC) {
            BigDecimal a = ConditionValues.number(value);
            return a != null && compares(a.compareTo((BigDecimal) policyValue));
        }
        if (base.kind() == Kind.DATE) {
            Instant a = ConditionValues.date(value);
            return a != null && compares(a.compareTo((Instant) policyValue));
        }
        return false;
    }

    private boolean compares(int cmp) {
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

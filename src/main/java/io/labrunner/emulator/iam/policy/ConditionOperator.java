package io.labrunner.emulator.iam.policy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A condition operator as written in a policy: the base operator, optionally qualified by
 * {@code ForAnyValue:} / {@code ForAllValues:} and suffixed by {@code IfExists} (IAM User Guide, "IAM JSON
 * policy elements: Condition operators"; {@code Null} takes no suffix).
 */
public record ConditionOperator(String name, Base base, SetQualifier qualifier, boolean ifExists) {

    /** How a clause treats a context key with several values. */
    public enum SetQualifier {
        /** No qualifier: the key is read as single-valued (any of its values may match). */
        NONE,
        /** {@code ForAnyValue:} at least one request value must satisfy the operator; a missing key fails. */
        FOR_ANY_VALUE,
        /** {@code ForAllValues:} every request value must satisfy the operator; a missing or empty key passes. */
        FOR_ALL_VALUES
    }

    /** What a base operator compares, which decides how values are read. */
    public enum Kind { STRING, NUMERIC, DATE, BOOL, BINARY, IP, ARN, NULL }

    /** The base operators; a negated one is true exactly when its positive counterpart is false for every policy value. */
    public enum Base {
        STRING_EQUALS("StringEquals", Kind.STRING, false),
        STRING_NOT_EQUALS("StringNotEquals", Kind.STRING, true),
        STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Kind.STRING, false),
        STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Kind.STRING, true),
        STRING_LIKE("StringLike", Kind.STRING, false),
        STRING_NOT_LIKE("StringNotLike", Kind.STRING, true),
        NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC, false),
        NUMERIC_NOT_EQUALS("NumericNotEquals", Kind.NUMERIC, true),
        NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC, false),
        NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC, false),
        NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC, false),
        NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC, false),
        DATE_EQUALS("DateEquals", Kind.DATE, false),
        DATE_NOT_EQUALS("DateNotEquals", Kind.DATE, true),
        DATE_LESS_THAN("DateLessThan", Kind.DATE, false),
        DATE_LESS_THAN_EQUALS("DateLessThanEquals", Kind.DATE, false),
        DATE_GREATER_THAN("DateGreaterThan", Kind.DATE, false),
        DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Kind.DATE, false),
        BOOL("Bool", Kind.BOOL, false),
        BINARY_EQUALS("BinaryEquals", Kind.BINARY, false),
        IP_ADDRESS("IpAddress", Kind.IP, false),
        NOT_IP_ADDRESS("NotIpAddress", Kind.IP, true),
        ARN_EQUALS("ArnEquals", Kind.ARN, false),
        ARN_LIKE("ArnLike", Kind.ARN, false),
        ARN_NOT_EQUALS("ArnNotEquals", Kind.ARN, true),
        ARN_NOT_LIKE("ArnNotLike", Kind.ARN, true),
        NULL("Null", Kind.NULL, false);

        private static final Map<String, Base> BY_NAME = new HashMap<>();

        static {
            for (Base b : values()) {
                BY_NAME.put(b.policyName, b);
            }
        }

        private final String policyName;
        private final Kind kind;
        private final boolean negated;

        Base(String policyName, Kind kind, boolean negated) {
            this.policyName = policyName;
            this.kind = kind;
            this.negated = negated;
        }

        public String policyName() {
            return policyName;
        }

        public Kind kind() {
            return kind;
        }

        public boolean negated() {
            return negated;
        }
    }

    private static final String FOR_ANY = "ForAnyValue:";
    private static final String FOR_ALL = "ForAllValues:";
    private static final String IF_EXISTS = "IfExists";

    /** The operator named {@code name}, or empty when IAM knows no such operator. */
    public static Optional<ConditionOperator> parse(String name) {
        String rest = name;
        SetQualifier qualifier = SetQualifier.NONE;
        if (rest.startsWith(FOR_ANY)) {
            qualifier = SetQualifier.FOR_ANY_VALUE;
            rest = rest.substring(FOR_ANY.length());
        } else if (rest.startsWith(FOR_ALL)) {
            qualifier = SetQualifier.FOR_ALL_VALUES;
            rest = rest.substring(FOR_ALL.length());
        }
        boolean ifExists = false;
        Base base = Base.BY_NAME.get(rest);
        if (base == null && rest.endsWith(IF_EXISTS)) {
            base = Base.BY_NAME.get(rest.substring(0, rest.length() - IF_EXISTS.length()));
            ifExists = base != null && base != Base.NULL;
            if (!ifExists) {
                base = null;
            }
        }
        return base == null ? Optional.empty() : Optional.of(new ConditionOperator(name, base, qualifier, ifExists));
    }
}

package io.labrunner.emulator.iam.policy;

import java.util.List;

/**
 * One key under one operator of a Condition element, e.g. {@code "StringEquals": {"aws:username": ["a", "b"]}}.
 *
 * @param operator the operator with its set qualifier and IfExists suffix
 * @param key      the context key as written (keys compare case-insensitively)
 * @param values   the policy's values for the key, any of which may match
 */
public record ConditionClause(ConditionOperator operator, String key, List<String> values) {
    public ConditionClause {
        values = List.copyOf(values);
    }
}

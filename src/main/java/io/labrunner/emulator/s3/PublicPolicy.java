package io.labrunner.emulator.s3;

import io.labrunner.emulator.iam.policy.ConditionClause;
import io.labrunner.emulator.iam.policy.ConditionOperator;
import io.labrunner.emulator.iam.policy.Effect;
import io.labrunner.emulator.iam.policy.PolicyDocument;
import io.labrunner.emulator.iam.policy.PrincipalElement;
import io.labrunner.emulator.iam.policy.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a bucket policy is public, as S3 judges it for Block Public Access and GetBucketPolicyStatus (S3 User
 * Guide, "The meaning of public"): a policy is public when an Allow statement names a wildcard principal (or
 * uses NotPrincipal) and no condition pins one of the keys S3 accepts as limiting to fixed values.
 */
final class PublicPolicy {
    /** The keys whose fixed values make a wildcard-principal grant non-public. */
    private static final Set<String> LIMITING_KEYS = Set.of("aws:sourceip", "aws:sourcearn", "aws:sourcevpc",
            "aws:sourcevpce", "aws:sourceowner", "aws:sourceaccount", "aws:userid", "aws:principalorgid",
            "aws:principalaccount", "aws:principalarn", "aws:principalorgpaths", "s3:dataaccesspointarn",
            "s3:dataaccesspointaccount", "s3:x-amz-server-side-encryption-aws-kms-key-id");

    private PublicPolicy() {
    }

    static boolean isPublic(PolicyDocument policy) {
        return policy.statements().stream().anyMatch(PublicPolicy::isPublic);
    }

    private static boolean isPublic(Statement statement) {
        if (statement.effect() != Effect.ALLOW || !wildcardPrincipal(statement.principals())) {
            return false;
        }
        return statement.conditions().stream().noneMatch(PublicPolicy::limits);
    }

    private static boolean wildcardPrincipal(PrincipalElement principal) {
        if (principal == null) {
            return false;
        }
        if (principal.negated() || principal.everyone()) {
            return true;
        }
        return principal.byType().values().stream().flatMap(List::stream).anyMatch(PublicPolicy::wildcard);
    }

    /** A clause that holds only for fixed values of a limiting key. */
    private static boolean limits(ConditionClause clause) {
        ConditionOperator operator = clause.operator();
        if (operator == null || operator.ifExists() || operator.base().negated()
                || operator.qualifier() == ConditionOperator.SetQualifier.FOR_ALL_VALUES
                || !LIMITING_KEYS.contains(clause.key().toLowerCase(Locale.ROOT))) {
            return false;
        }
        return switch (operator.base().kind()) {
            case STRING, ARN -> clause.values().stream().noneMatch(PublicPolicy::wildcard);
            case IP -> clause.values().stream().noneMatch(v -> v.endsWith("/0"));
            default -> false;
        };
    }

    private static boolean wildcard(String value) {
        return value.contains("*") || value.contains("?");
    }
}

package io.labrunner.emulator.sts;

import io.labrunner.emulator.iam.policy.EvalDecision;
import io.labrunner.emulator.iam.policy.MalformedPolicyException;
import io.labrunner.emulator.iam.policy.PolicyDocument;
import io.labrunner.emulator.iam.policy.PolicyEvaluator;
import io.labrunner.emulator.iam.policy.PolicyKind;
import io.labrunner.emulator.iam.policy.PolicySet;
import io.labrunner.emulator.iam.policy.RequestContext;
import io.labrunner.emulator.iam.policy.SourcedPolicy;
import java.util.List;
import java.util.Map;

/**
 * Whether a role's trust policy lets a principal of this account assume it (IAM User Guide, "Cross account
 * resource access" and "Policy evaluation logic"). The trust policy must name the caller: by its ARN (or its
 * role's ARN, for a role session) it grants on its own; by the caller's account (the account id or
 * {@code arn:aws:iam::<account>:root}) it delegates to the caller's identity-based policies, which the front
 * door checks with the trust policy as the request's resource policy. A Deny that names the caller refuses.
 */
final class TrustCheck {
    private TrustCheck() {
    }

    /** The trust policy as the resource policy of {@code sts:AssumeRole}; null when it cannot be read. */
    static SourcedPolicy policy(String document) {
        try {
            return new SourcedPolicy("AssumeRolePolicyDocument", "resource", PolicyDocument.parse(document,
                    PolicyKind.TRUST));
        } catch (MalformedPolicyException | NullPointerException e) {
            return null;
        }
    }

    /**
     * True when {@code trust} names {@code callerArn} (directly or by its account) in an Allow of
     * {@code action} on {@code roleArn} and no Deny names it.
     */
    static boolean names(SourcedPolicy trust, String action, String roleArn, String callerArn, String accountId,
            Map<String, List<String>> keys) {
        if (trust == null) {
            return false;
        }
        EvalDecision direct = evaluate(trust, action, roleArn, callerArn, keys);
        if (direct != EvalDecision.IMPLICIT_DENY) {
            return direct == EvalDecision.ALLOWED;
        }
        // The account, written either way, stands for every principal in it.
        return evaluate(trust, action, roleArn, "arn:aws:iam::" + accountId + ":root", keys) == EvalDecision.ALLOWED
                || evaluate(trust, action, roleArn, accountId, keys) == EvalDecision.ALLOWED;
    }

    private static EvalDecision evaluate(SourcedPolicy trust, String action, String roleArn, String principal,
            Map<String, List<String>> keys) {
        RequestContext.Builder context = RequestContext.builder(action, roleArn).principal(principal);
        keys.forEach(context::key);
        return PolicyEvaluator.evaluate(new PolicySet(List.of(), trust, List.of()), context.build()).decision();
    }
}

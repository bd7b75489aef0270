package io.labrunner.emulator.iam;

import io.labrunner.emulator.iam.policy.EvalDecision;
import io.labrunner.emulator.iam.policy.MalformedPolicyException;
import io.labrunner.emulator.iam.policy.PolicyDocument;
import io.labrunner.emulator.iam.policy.PolicyEvaluator;
import io.labrunner.emulator.iam.policy.PolicyKind;
import io.labrunner.emulator.iam.policy.PolicySet;
import io.labrunner.emulator.iam.policy.RequestContext;
import io.labrunner.emulator.iam.policy.SourcedPolicy;
import java.util.List;

/** The one trust question other services ask: may this service assume the role? */
public final class TrustPolicy {
    private TrustPolicy() {
    }

    /**
     * True when the trust policy, evaluated as the resource policy of {@code sts:AssumeRole}, allows the
     * service principal and no statement denies it.
     */
    public static boolean allowsService(String document, String servicePrincipal) {
        PolicyDocument trust;
        try {
            trust = PolicyDocument.parse(document, PolicyKind.TRUST);
        } catch (MalformedPolicyException e) {
            return false;
        }
        PolicySet set = new PolicySet(List.of(), new SourcedPolicy("AssumeRolePolicyDocument", "resource", trust), List.of());
        RequestContext request = RequestContext.builder("sts:AssumeRole", "*").principal(servicePrincipal).build();
        return PolicyEvaluator.evaluate(set, request).decision() == EvalDecision.ALLOWED;
    }
}

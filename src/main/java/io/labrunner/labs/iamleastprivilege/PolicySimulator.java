package io.labrunner.labs.iamleastprivilege;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.Statement;

/**
 * Asks IAM's policy simulator (SimulatePrincipalPolicy) what a role may do, rather than reading its
 * policies' text: the simulator weighs every policy on the role — inline and managed, wildcards,
 * conditions, a Deny over any Allow — the way AWS decides the role's requests, on an emulator and on a
 * real account alike.
 */
final class PolicySimulator {
    /** IAM's answer for one request, and the policies whose statements decided it. */
    record Verdict(JobAccess.Request request, PolicyEvaluationDecisionType decision, List<String> by,
                   List<Statement> statements) {
        boolean allowed() {
            return decision == PolicyEvaluationDecisionType.ALLOWED;
        }

        boolean explicitlyDenied() {
            return decision == PolicyEvaluationDecisionType.EXPLICIT_DENY;
        }

        /** IAM's own word for the decision: allowed, explicitDeny, implicitDeny. */
        String word() {
            return decision.toString();
        }

        /** "AdministratorAccess" or "[train-churn-model, AmazonS3FullAccess]". */
        String byText() {
            return by.size() == 1 ? by.get(0) : by.toString();
        }
    }

    private final IamClient iam;
    private final String roleArn;

    PolicySimulator(IamClient iam, String roleArn) {
        this.iam = iam;
        this.roleArn = roleArn;
    }

    Verdict ask(JobAccess.Request request) {
        List<ContextEntry> context = new ArrayList<>();
        request.context().forEach((key, value) -> context.add(ContextEntry.builder().contextKeyName(key)
                .contextKeyValues(value).contextKeyType(ContextKeyTypeEnum.STRING).build()));
        EvaluationResult result = iam.simulatePrincipalPolicy(s -> s.policySourceArn(roleArn)
                .actionNames(request.action()).resourceArns(request.resource()).contextEntries(context))
                .evaluationResults().get(0);
        List<String> by = result.matchedStatements().stream().map(Statement::sourcePolicyId).distinct().toList();
        return new Verdict(request, result.evalDecision(), by, result.matchedStatements());
    }
}

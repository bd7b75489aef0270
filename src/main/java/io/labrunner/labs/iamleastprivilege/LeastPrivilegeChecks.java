package io.labrunner.labs.iamleastprivilege;

import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PolicySourceType;
import software.amazon.awssdk.services.iam.model.Statement;

/**
 * The two judgements of the role's policies, both asked of IAM's policy simulator: is everything the job
 * does allowed, on its own resources only; and is everything it never does denied. A too-narrow policy
 * fails the first, an over-broad one the second (and the first, when it reaches next door); each hint
 * names the action, the resource and the policy that decided.
 */
final class LeastPrivilegeChecks {
    static final String PUT_POLICY = "aws $ENDPOINT iam put-role-policy --role-name $ROLE --policy-name "
            + TrainingRole.POLICY_NAME + " --policy-document file://" + TrainingRole.POLICY_NAME + ".json";

    private LeastPrivilegeChecks() {
    }

    static CheckResult needsAllowedAndScoped(LabContext ctx) {
        Optional<String> roleArn = roleArn(ctx);
        if (roleArn.isEmpty()) {
            return noRole();
        }
        PolicySimulator simulator = new PolicySimulator(ctx.iam(), roleArn.get());
        List<JobAccess.Need> needs = JobAccess.needs(IamLeastPrivilegeLab.access(ctx, roleArn.get()));
        for (JobAccess.Need need : needs) {
            PolicySimulator.Verdict verdict = simulator.ask(need.request());
            if (verdict.explicitlyDenied()) {
                return deniedExplicitly(verdict, need.why());
            }
            if (!verdict.allowed()) {
                return tooNarrow(verdict, need);
            }
        }
        List<String> scoped = new ArrayList<>();
        for (JobAccess.Need need : needs) {
            if (need.nextDoor().isEmpty()) {
                continue;
            }
            PolicySimulator.Verdict beside = simulator.ask(need.nextDoor().get());
            if (beside.allowed()) {
                return reachesNextDoor(ctx, beside, need);
            }
            scoped.add(beside.request().toString());
        }
        return CheckResult.pass("IAM's simulator allows " + needs.stream().map(n -> n.request().action()).toList()
                + " on the job's resources, and denies " + scoped);
    }

    static CheckResult neverNeededDenied(LabContext ctx) {
        Optional<String> roleArn = roleArn(ctx);
        if (roleArn.isEmpty()) {
            return noRole();
        }
        PolicySimulator simulator = new PolicySimulator(ctx.iam(), roleArn.get());
        List<String> denied = new ArrayList<>();
        for (JobAccess.Forbidden forbidden : JobAccess.forbidden(IamLeastPrivilegeLab.access(ctx, roleArn.get()))) {
            PolicySimulator.Verdict verdict = simulator.ask(forbidden.request());
            if (verdict.allowed()) {
                return overBroad(ctx, verdict, forbidden.risk());
            }
            denied.add(verdict.request().action() + " (" + verdict.word() + ")");
        }
        return CheckResult.pass("IAM's simulator denies " + denied);
    }

    /** The first request on the never-needed list that IAM allows the role, empty when none is. */
    static Optional<PolicySimulator.Verdict> firstAllowedThatNeverIsNeeded(LabContext ctx, String roleArn) {
        PolicySimulator simulator = new PolicySimulator(ctx.iam(), roleArn);
        return JobAccess.forbidden(IamLeastPrivilegeLab.access(ctx, roleArn)).stream()
                .map(f -> simulator.ask(f.request())).filter(PolicySimulator.Verdict::allowed).findFirst();
    }

    static Optional<String> roleArn(LabContext ctx) {
        try {
            return Optional.of(ctx.iam().getRole(get -> get.roleName(IamLeastPrivilegeLab.role(ctx))).role().arn());
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        }
    }

    static CheckResult noRole() {
        return CheckResult.fail("there is no role $ROLE",
                "The role $ROLE is gone: the job needs it cut down, not deleted.",
                "Start the lab again with ./lab cleanup and ./lab start; setup creates the role.");
    }

    private static CheckResult tooNarrow(PolicySimulator.Verdict verdict, JobAccess.Need need) {
        JobAccess.Request request = verdict.request();
        return CheckResult.fail(request + " is " + verdict.word() + context(request),
                "Too narrow: " + need.why() + ", and nothing on $ROLE allows " + request.action() + " on "
                        + request.resource() + ".",
                "SageMaker makes that request as the role; on AWS the job would fail with AccessDenied naming "
                        + request.action() + ". A statement with \"Action\": \"" + request.action() + "\" and \"Resource\": \""
                        + need.scope() + "\" allows it, and nothing more.",
                "Add that statement to " + TrainingRole.POLICY_NAME + ".json, then " + PUT_POLICY);
    }

    private static CheckResult deniedExplicitly(PolicySimulator.Verdict verdict, String why) {
        JobAccess.Request request = verdict.request();
        return CheckResult.fail(request + " is explicitDeny, by " + verdict.byText(),
                "A Deny in " + verdict.byText() + " stops " + request.action() + " on " + request.resource()
                        + ", which the job needs: " + why + ".",
                "In IAM an explicit Deny wins over every Allow, however specific the Allow is." + lines(verdict),
                "Remove or narrow that Deny statement, then " + PUT_POLICY);
    }

    private static CheckResult reachesNextDoor(LabContext ctx, PolicySimulator.Verdict beside, JobAccess.Need need) {
        JobAccess.Request request = beside.request();
        return CheckResult.fail(request + " is allowed too, by " + beside.byText(),
                "Too broad: $ROLE may " + request.action() + " on " + request.resource() + " as well, by "
                        + beside.byText() + "; the job needs " + request.action() + " only on " + need.scope() + ".",
                managed(beside)
                        ? beside.byText() + " is a managed policy that allows far more than the job does: detach it"
                                + " once your own policy covers what the job needs."
                        : "Narrow the statement's Resource to " + need.scope() + "." + lines(beside),
                managed(beside) ? detach(ctx, beside) : "Edit " + TrainingRole.POLICY_NAME + ".json, then " + PUT_POLICY);
    }

    private static CheckResult overBroad(LabContext ctx, PolicySimulator.Verdict verdict, String risk) {
        JobAccess.Request request = verdict.request();
        return CheckResult.fail(request + " is allowed, by " + verdict.byText(),
                "Too broad: $ROLE may still " + request.action() + " on " + request.resource() + ", by "
                        + verdict.byText() + ": " + risk + ".",
                managed(verdict)
                        ? verdict.byText() + " is a managed policy for far more than a training job: detach it"
                                + " once your own policy covers what the job needs."
                        : "A statement in " + verdict.byText() + " reaches further than the job does" + lines(verdict)
                                + ": name the job's actions one by one, not with a wildcard such as s3:*.",
                managed(verdict) ? detach(ctx, verdict) : "Edit " + TrainingRole.POLICY_NAME + ".json, then " + PUT_POLICY);
    }

    private static boolean managed(PolicySimulator.Verdict verdict) {
        return verdict.statements().stream().anyMatch(s -> s.sourcePolicyType() == PolicySourceType.AWS_MANAGED
                || s.sourcePolicyType() == PolicySourceType.USER_MANAGED);
    }

    /** The command that detaches the managed policy that decided, found by name among the role's attached ones. */
    private static String detach(LabContext ctx, PolicySimulator.Verdict verdict) {
        List<String> names = verdict.statements().stream().filter(s -> s.sourcePolicyType() == PolicySourceType.AWS_MANAGED
                || s.sourcePolicyType() == PolicySourceType.USER_MANAGED).map(Statement::sourcePolicyId).toList();
        return ctx.iam().listAttachedRolePoliciesPaginator(list -> list.roleName(IamLeastPrivilegeLab.role(ctx)))
                .attachedPolicies().stream().filter(p -> names.contains(p.policyName())).findFirst()
                .map(p -> "aws $ENDPOINT iam detach-role-policy --role-name $ROLE --policy-arn " + p.policyArn())
                .orElse("aws $ENDPOINT iam list-attached-role-policies --role-name $ROLE, then detach-role-policy");
    }

    /** Where the deciding statements are, as the simulator reports them. */
    private static String lines(PolicySimulator.Verdict verdict) {
        return verdict.statements().stream().findFirst().filter(s -> s.startPosition() != null)
                .map(s -> " The statement is at lines " + s.startPosition().line() + "-" + s.endPosition().line()
                        + " of " + s.sourcePolicyId() + ".").orElse("");
    }

    private static String context(JobAccess.Request request) {
        return request.context().isEmpty() ? "" : " (with " + request.context() + ")";
    }
}

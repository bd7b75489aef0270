package io.labrunner.emulator.iam;

import io.labrunner.emulator.iam.policy.PolicyKind;
import io.labrunner.emulator.iam.policy.SourcedPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The identity-based policies of a role as the evaluator takes them: its inline policies, then its attached
 * managed policies' default versions. An attached AWS managed policy this emulator does not ship grants nothing.
 */
public final class RolePolicies {
    private final ManagedPolicyStore managed;

    RolePolicies(ManagedPolicyStore managed) {
        this.managed = managed;
    }

    public List<SourcedPolicy> of(Role role) {
        List<SourcedPolicy> list = new ArrayList<>();
        role.inlinePolicies().forEach((name, document) ->
                list.add(new SourcedPolicy(name, "role", PolicyDocuments.parse(document, PolicyKind.IDENTITY))));
        for (String attached : role.attachedPolicies()) {
            managed.find(attached).ifPresent(p -> list.add(new SourcedPolicy(p.name(),
                    p.awsManaged() ? "aws-managed" : "user-managed",
                    PolicyDocuments.parse(p.defaultDocument(), PolicyKind.IDENTITY))));
        }
        return list;
    }
}

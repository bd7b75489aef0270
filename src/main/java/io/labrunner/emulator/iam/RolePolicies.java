package io.labrunner.emulator.iam;

import io.labrunner.emulator.iam.policy.PolicyKind;
import io.labrunner.emulator.iam.policy.SourcedPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identity-based policies of a role as the evaluator takes them: its inline policies, then its attached
 * managed policies' default versions. An attached AWS managed policy this emulator does not ship grants nothing.
 *
 * <p>Each role's policies are parsed and compiled once and kept until the role or a managed policy changes:
 * a role is replaced by a new {@link Role} on every change, and {@link ManagedPolicyStore#generation()} moves on
 * every managed policy change, so a changed policy takes effect on the very next decision.
 */
public final class RolePolicies {
    private final ManagedPolicyStore managed;
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

    /** A role's policies as compiled from {@code role}, with the managed policies as they were at {@code generation}. */
    private record Compiled(Role role, long generation, List<SourcedPolicy> policies) {
    }

    RolePolicies(ManagedPolicyStore managed) {
        this.managed = managed;
    }

    /** The role's policies, unmodifiable. */
    public List<SourcedPolicy> of(Role role) {
        // Read before compiling: a change made meanwhile leaves an entry the next call recompiles.
        long generation = managed.generation();
        Compiled known = compiled.get(role.arn());
        if (known != null && known.role() == role && known.generation() == generation) {
            return known.policies();
        }
        List<SourcedPolicy> policies = List.copyOf(compile(role));
        compiled.put(role.arn(), new Compiled(role, generation, policies));
        return policies;
    }

    private List<SourcedPolicy> compile(Role role) {
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

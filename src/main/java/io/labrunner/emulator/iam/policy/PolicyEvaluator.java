package io.labrunner.emulator.iam.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides requests by IAM's evaluation logic for one account (IAM User Guide, "Policy evaluation logic"):
 * <ol>
 * <li>a Deny statement that applies in any policy — identity, resource or boundary — denies
 *     (explicitDeny);</li>
 * <li>otherwise an Allow in the resource's policy that names this principal allows: within one account a
 *     resource-based policy suffices on its own (one that names only the principal's account delegates to
 *     the identity-based policies instead);</li>
 * <li>otherwise an Allow in an identity-based policy allows, if the permissions boundary (when there is one)
 *     also allows the request;</li>
 * <li>otherwise the request is implicitly denied.</li>
 * </ol>
 * A statement applies when its Principal (resource policies only), Action and Resource match the request
 * and every condition clause holds.
 */
public final class PolicyEvaluator {
    private PolicyEvaluator() {
    }

    public static Decision evaluate(PolicySet policies, RequestContext request) {
        Set<String> missing = new LinkedHashSet<>();
        List<MatchedStatement> denies = new ArrayList<>();
        List<MatchedStatement> identityAllows = new ArrayList<>();
        List<MatchedStatement> resourceAllows = new ArrayList<>();
        boolean boundaryAllows = false;
        for (SourcedPolicy policy : policies.identity()) {
            collect(policy, request, false, missing, denies, identityAllows);
        }
        if (policies.resource() != null) {
            collect(policies.resource(), request, true, missing, denies, resourceAllows);
        }
        for (SourcedPolicy boundary : policies.boundaries()) {
            List<MatchedStatement> allows = new ArrayList<>();
            collect(boundary, request, false, missing, denies, allows);
            boundaryAllows |= !allows.isEmpty();
        }
        Boolean boundary = policies.boundaries().isEmpty() ? null : boundaryAllows;
        List<String> missingKeys = List.copyOf(missing);
        if (!denies.isEmpty()) {
            return new Decision(EvalDecision.EXPLICIT_DENY, denies, missingKeys, boundary);
        }
        boolean identityAllowed = !identityAllows.isEmpty() && (boundary == null || boundary);
        if (!resourceAllows.isEmpty() || identityAllowed) {
            List<MatchedStatement> allows = new ArrayList<>(identityAllowed ? identityAllows : List.of());
            allows.addAll(resourceAllows);
            return new Decision(EvalDecision.ALLOWED, allows, missingKeys, boundary);
        }
        return new Decision(EvalDecision.IMPLICIT_DENY, List.of(), missingKeys, boundary);
    }

    private static void collect(SourcedPolicy policy, RequestContext request, boolean checkPrincipal,
                                Set<String> missing, List<MatchedStatement> denies, List<MatchedStatement> allows) {
        boolean substitutes = policy.document().substitutesVariables();
        for (SourcedPolicy.Compiled c : policy.statements()) {
            if (applies(c, request, checkPrincipal, substitutes, missing)) {
                (c.statement.effect() == Effect.DENY ? denies : allows).add(new MatchedStatement(policy, c.statement));
            }
        }
    }

    private static boolean applies(SourcedPolicy.Compiled c, RequestContext request, boolean checkPrincipal,
                                   boolean substitutes, Set<String> missing) {
        Statement s = c.statement;
        if (checkPrincipal && !(s.effect() == Effect.DENY ? Principals.matches(s.principals(), request.principal())
                : Principals.grantsDirectly(s.principals(), request.principal()))) {
            return false;
        }
        boolean action = false;
        for (Glob glob : c.actions) {
            if (glob.matches(request.actionLowerCase())) {
                action = true;
                break;
            }
        }
        if (action == s.actions().negated()) {
            return false;
        }
        if (c.resources != null) {
            boolean resource = false;
            for (ArnPattern pattern : c.resources) {
                if (pattern.matches(request, request.resource(), request.resourceParts(), missing)) {
                    resource = true;
                    break;
                }
            }
            if (resource == s.resources().negated()) {
                return false;
            }
        }
        for (ConditionEvaluator condition : c.conditions) {
            if (!condition.holds(request, missing)) {
                return false;
            }
        }
        return true;
    }
}

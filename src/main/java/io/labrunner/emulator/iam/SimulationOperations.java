package io.labrunner.emulator.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.iam.policy.Decision;
import io.labrunner.emulator.iam.policy.EvalDecision;
import io.labrunner.emulator.iam.policy.MatchedStatement;
import io.labrunner.emulator.iam.policy.PolicyEvaluator;
import io.labrunner.emulator.iam.policy.PolicyKind;
import io.labrunner.emulator.iam.policy.PolicySet;
import io.labrunner.emulator.iam.policy.Position;
import io.labrunner.emulator.iam.policy.RequestContext;
import io.labrunner.emulator.iam.policy.SourcedPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SimulatePrincipalPolicy and SimulateCustomPolicy, answered by the policy evaluator. One EvaluationResult per
 * action. Without ResourceArns (or with {@code *}) the result is for {@code *} and carries the missing context
 * keys itself. With ResourceArns each resource's answer is in ResourceSpecificResults; with a single ARN the
 * result names it and carries its decision, with several the result is their aggregate, as measured against
 * IAM (a policy allowing one of two buckets: implicitDeny at the top, allowed and implicitDeny per bucket).
 * IAM names the aggregate by the resource type's ARN template; this emulator, which has no catalogue of
 * resource types, names it {@code *}.
 */
final class SimulationOperations {
    private static final int DEFAULT_PAGE = 100;
    private final RoleStore roles;
    private final RolePolicies rolePolicies;

    SimulationOperations(RoleStore roles, RolePolicies rolePolicies) {
        this.roles = roles;
        this.rolePolicies = rolePolicies;
    }

    Map<String, Object> simulatePrincipal(ObjectNode in) {
        String source = in.get("PolicySourceArn").textValue();
        List<SourcedPolicy> identity = new ArrayList<>(principalPolicies(source));
        identity.addAll(inputPolicies(in, "PolicyInputList"));
        String caller = in.has("CallerArn") ? in.get("CallerArn").textValue() : source;
        return simulate(in, identity, caller);
    }

    Map<String, Object> simulateCustom(ObjectNode in) {
        List<SourcedPolicy> identity = inputPolicies(in, "PolicyInputList");
        return simulate(in, identity, in.has("CallerArn") ? in.get("CallerArn").textValue() : null);
    }

    /** The role's identity-based policies (see {@link RolePolicies}). */
    private List<SourcedPolicy> principalPolicies(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("iam")) {
            throw IamErrors.invalidInput("Invalid ARN " + arn + ": the policy source must be an IAM user, group or role.");
        }
        if (!parts[5].startsWith("role/")) {
            String kind = parts[5].contains("/") ? parts[5].substring(0, parts[5].indexOf('/')) : parts[5];
            throw new io.labrunner.emulator.AwsException("NoSuchEntity", "The " + kind + " with name "
                    + parts[5].substring(parts[5].lastIndexOf('/') + 1) + " cannot be found.", 404);
        }
        Role role = roles.role(arn).orElseThrow(() -> IamErrors.noSuchRole(parts[5].substring(parts[5].lastIndexOf('/') + 1)));
        return rolePolicies.of(role);
    }

    /** Policies given in the request, named as IAM names them: {@code PolicyInputList.1}, ... */
    private static List<SourcedPolicy> inputPolicies(ObjectNode in, String member) {
        List<SourcedPolicy> list = new ArrayList<>();
        JsonNode documents = in.get(member);
        if (documents != null) {
            int i = 1;
            for (JsonNode document : documents) {
                list.add(new SourcedPolicy(member + "." + i++, null,
                        PolicyDocuments.parse(document.textValue(), PolicyKind.IDENTITY)));
            }
        }
        return list;
    }

    private Map<String, Object> simulate(ObjectNode in, List<SourcedPolicy> identity, String caller) {
        SourcedPolicy resource = in.has("ResourcePolicy") ? new SourcedPolicy("ResourcePolicy", "resource",
                PolicyDocuments.parse(in.get("ResourcePolicy").textValue(), PolicyKind.RESOURCE)) : null;
        PolicySet set = new PolicySet(identity, resource, inputPolicies(in, "PermissionsBoundaryPolicyInputList"));
        List<String> resources = strings(in.get("ResourceArns"));
        if (resources.size() > 1 && resources.contains("*")) {
            throw IamErrors.invalidInput("Invalid resource input list: you cannot include both * and individual"
                    + " resources in the resource list for a simulation.");
        }
        boolean everyResource = resources.isEmpty() || resources.equals(List.of("*"));
        List<Map<String, Object>> results = new ArrayList<>();
        for (String action : strings(in.get("ActionNames"))) {
            if (everyResource) {
                Decision d = decide(set, action, "*", caller, in.get("ContextEntries"));
                Map<String, Object> result = result(action, "*", d);
                result.put("MissingContextValues", d.missingContextValues());
                results.add(result);
                continue;
            }
            List<Map<String, Object>> specific = new ArrayList<>();
            List<Decision> decisions = new ArrayList<>();
            for (String arn : resources) {
                Decision d = decide(set, action, arn, caller, in.get("ContextEntries"));
                decisions.add(d);
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("EvalResourceName", arn);
                one.put("EvalResourceDecision", d.decision().wireName());
                one.put("MatchedStatements", statements(d));
                one.put("MissingContextValues", d.missingContextValues());
                boundary(one, d);
                specific.add(one);
            }
            Map<String, Object> result = resources.size() == 1 ? result(action, resources.get(0), decisions.get(0))
                    : aggregate(action, decisions);
            result.put("MissingContextValues", List.of());
            result.put("ResourceSpecificResults", specific);
            results.add(result);
        }
        int start = IamShapes.markerStart(in.has("Marker") ? in.get("Marker").textValue() : null);
        int max = in.has("MaxItems") ? in.get("MaxItems").intValue() : DEFAULT_PAGE;
        int end = Math.min(results.size(), start + max);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("EvaluationResults", results.subList(Math.min(start, end), end));
        out.put("IsTruncated", end < results.size());
        if (end < results.size()) {
            out.put("Marker", String.valueOf(end));
        }
        return out;
    }

    private static Decision decide(PolicySet set, String action, String resource, String caller, JsonNode entries) {
        RequestContext.Builder request = RequestContext.builder(action, resource).principal(caller);
        if (entries != null) {
            for (JsonNode entry : entries) {
                if (entry.has("ContextKeyName")) {
                    request.key(entry.get("ContextKeyName").textValue(), strings(entry.get("ContextKeyValues")));
                }
            }
        }
        return PolicyEvaluator.evaluate(set, request.build());
    }

    private static Map<String, Object> result(String action, String resource, Decision d) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("EvalActionName", action);
        result.put("EvalResourceName", resource);
        result.put("EvalDecision", d.decision().wireName());
        result.put("MatchedStatements", statements(d));
        boundary(result, d);
        return result;
    }

    /** Several resources: explicitDeny if any is, allowed if all are, implicitDeny otherwise. */
    private static Map<String, Object> aggregate(String action, List<Decision> decisions) {
        EvalDecision overall = decisions.stream().anyMatch(d -> d.decision() == EvalDecision.EXPLICIT_DENY)
                ? EvalDecision.EXPLICIT_DENY
                : decisions.stream().allMatch(d -> d.decision() == EvalDecision.ALLOWED) ? EvalDecision.ALLOWED
                : EvalDecision.IMPLICIT_DENY;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("EvalActionName", action);
        result.put("EvalResourceName", "*");
        result.put("EvalDecision", overall.wireName());
        result.put("MatchedStatements", List.of());
        return result;
    }

    private static void boundary(Map<String, Object> out, Decision d) {
        if (d.allowedByBoundary() != null) {
            out.put("PermissionsBoundaryDecisionDetail", Map.of("AllowedByPermissionsBoundary", d.allowedByBoundary()));
        }
    }

    private static List<Map<String, Object>> statements(Decision d) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (MatchedStatement m : d.matched()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("SourcePolicyId", m.policy().id());
            if (m.policy().type() != null) {
                s.put("SourcePolicyType", m.policy().type());
            }
            s.put("StartPosition", position(m.statement().start()));
            s.put("EndPosition", position(m.statement().end()));
            list.add(s);
        }
        return list;
    }

    private static Map<String, Object> position(Position p) {
        return Map.of("Line", p.line(), "Column", p.column());
    }

    private static List<String> strings(JsonNode list) {
        List<String> values = new ArrayList<>();
        if (list != null) {
            list.forEach(v -> values.add(v.asText()));
        }
        return values;
    }
}

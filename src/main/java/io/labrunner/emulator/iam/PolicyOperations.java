package io.labrunner.emulator.iam;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.iam.policy.PolicyKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A role's policies: inline policies put, read, listed and deleted; managed policies (the account's own, and
 * the AWS managed ones the emulator ships) attached, listed and detached.
 */
final class PolicyOperations {
    private final RoleStore roles;
    private final ManagedPolicyStore managed;

    PolicyOperations(RoleStore roles, ManagedPolicyStore managed) {
        this.roles = roles;
        this.managed = managed;
    }

    Object putInline(ObjectNode in) {
        String document = in.get("PolicyDocument").textValue();
        PolicyDocuments.parse(document, PolicyKind.IDENTITY);
        roles.putInlinePolicy(in.get("RoleName").textValue(), in.get("PolicyName").textValue(), document);
        return null;
    }

    Map<String, Object> getInline(ObjectNode in) {
        Role role = roles.require(in.get("RoleName").textValue());
        String policy = in.get("PolicyName").textValue();
        String document = role.inlinePolicies().get(policy);
        if (document == null) {
            throw IamErrors.noSuchRolePolicy(role.name(), policy);
        }
        return Map.of("RoleName", role.name(), "PolicyName", policy,
                "PolicyDocument", IamShapes.urlEncode(document));
    }

    Object deleteInline(ObjectNode in) {
        roles.deleteInlinePolicy(in.get("RoleName").textValue(), in.get("PolicyName").textValue());
        return null;
    }

    Map<String, Object> listInline(ObjectNode in) {
        Role role = roles.require(in.get("RoleName").textValue());
        return Map.of("PolicyNames", List.copyOf(role.inlinePolicies().keySet()), "IsTruncated", false);
    }

    Object attach(ObjectNode in) {
        String role = in.get("RoleName").textValue();
        String arn = in.get("PolicyArn").textValue();
        roles.require(role);
        if (!arn.startsWith("arn:aws:iam::")) {
            throw IamErrors.validation("ARN " + arn + " is not valid.");
        }
        // AWS manages about 1,300 policies; the emulator ships the documents of those the labs use. Any other
        // AWS managed ARN attaches as it would on AWS but grants nothing here, so the simulator denies what only
        // it would allow rather than code written for AWS failing at the attach.
        if (managed.find(arn).isEmpty() && !arn.startsWith(AwsManagedPolicies.ARN_PREFIX + "/")) {
            throw IamErrors.noSuchPolicy(arn);
        }
        roles.attach(role, arn);
        return null;
    }

    Object detach(ObjectNode in) {
        roles.detach(in.get("RoleName").textValue(), in.get("PolicyArn").textValue());
        return null;
    }

    Map<String, Object> listAttached(ObjectNode in) {
        Role role = roles.require(in.get("RoleName").textValue());
        List<Map<String, Object>> attached = new ArrayList<>();
        for (String arn : role.attachedPolicies()) {
            Map<String, Object> policy = new LinkedHashMap<>();
            policy.put("PolicyName", arn.substring(arn.lastIndexOf('/') + 1));
            policy.put("PolicyArn", arn);
            attached.add(policy);
        }
        return Map.of("AttachedPolicies", attached, "IsTruncated", false);
    }
}

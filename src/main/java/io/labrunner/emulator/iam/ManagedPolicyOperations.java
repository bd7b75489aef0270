package io.labrunner.emulator.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.iam.policy.PolicyKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Managed policies: create, read, list and delete them, and manage their versions (at most five, one of
 * them the default). The model has already checked names, paths and lengths; documents are checked here as
 * identity policies.
 */
final class ManagedPolicyOperations {
    private static final int DEFAULT_PAGE = 100;
    private final ManagedPolicyStore policies;
    /** How many roles, users and groups a policy is attached to, by its ARN. */
    private final java.util.function.ToLongFunction<String> attachments;

    ManagedPolicyOperations(ManagedPolicyStore policies, java.util.function.ToLongFunction<String> attachments) {
        this.policies = policies;
        this.attachments = attachments;
    }

    Map<String, Object> create(ObjectNode in) {
        String document = in.get("PolicyDocument").textValue();
        PolicyDocuments.parse(document, PolicyKind.MANAGED);
        Map<String, String> tags = new LinkedHashMap<>();
        if (in.has("Tags")) {
            in.get("Tags").forEach(t -> tags.put(t.get("Key").textValue(), t.get("Value").textValue()));
        }
        ManagedPolicy policy = policies.create(in.get("PolicyName").textValue(), text(in, "Path", "/"), document,
                text(in, "Description", null), tags);
        return Map.of("Policy", policy(policy, false));
    }

    Map<String, Object> get(ObjectNode in) {
        return Map.of("Policy", policy(policies.require(in.get("PolicyArn").textValue()), true));
    }

    Map<String, Object> getVersion(ObjectNode in) {
        ManagedPolicy policy = policies.require(in.get("PolicyArn").textValue());
        String versionId = in.get("VersionId").textValue();
        PolicyVersion version = policy.version(versionId)
                .orElseThrow(() -> IamErrors.noSuchPolicyVersion(policy.arn(), versionId));
        return Map.of("PolicyVersion", version(policy, version, true));
    }

    Map<String, Object> createVersion(ObjectNode in) {
        String arn = in.get("PolicyArn").textValue();
        String document = in.get("PolicyDocument").textValue();
        policies.require(arn);
        PolicyDocuments.parse(document, PolicyKind.MANAGED);
        boolean makeDefault = in.has("SetAsDefault") && in.get("SetAsDefault").booleanValue();
        PolicyVersion version = policies.createVersion(arn, document, makeDefault);
        return Map.of("PolicyVersion", version(policies.require(arn), version, false));
    }

    Map<String, Object> listVersions(ObjectNode in) {
        ManagedPolicy policy = policies.require(in.get("PolicyArn").textValue());
        List<Map<String, Object>> versions = new ArrayList<>();
        List<PolicyVersion> newestFirst = new ArrayList<>(policy.versions());
        java.util.Collections.reverse(newestFirst);
        newestFirst.forEach(v -> versions.add(version(policy, v, false)));
        return Map.of("Versions", versions, "IsTruncated", false);
    }

    Object deleteVersion(ObjectNode in) {
        policies.deleteVersion(in.get("PolicyArn").textValue(), in.get("VersionId").textValue());
        return null;
    }

    Object setDefaultVersion(ObjectNode in) {
        policies.setDefault(in.get("PolicyArn").textValue(), in.get("VersionId").textValue());
        return null;
    }

    Object delete(ObjectNode in) {
        String arn = in.get("PolicyArn").textValue();
        policies.delete(arn, attachments(arn) > 0);
        return null;
    }

    Map<String, Object> list(ObjectNode in) {
        String scope = text(in, "Scope", "All");
        String prefix = text(in, "PathPrefix", "/");
        boolean onlyAttached = in.has("OnlyAttached") && in.get("OnlyAttached").booleanValue();
        List<ManagedPolicy> matching = policies.all().stream()
                .filter(p -> scope.equals("All") || (scope.equals("AWS") == p.awsManaged()))
                .filter(p -> p.path().startsWith(prefix))
                .filter(p -> !onlyAttached || attachments(p.arn()) > 0)
                .toList();
        int start = IamShapes.markerStart(text(in, "Marker", null));
        int max = in.has("MaxItems") ? in.get("MaxItems").intValue() : DEFAULT_PAGE;
        int end = Math.min(matching.size(), start + max);
        List<Map<String, Object>> page = new ArrayList<>();
        matching.subList(Math.min(start, end), end).forEach(p -> page.add(policy(p, false)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Policies", page);
        out.put("IsTruncated", end < matching.size());
        if (end < matching.size()) {
            out.put("Marker", String.valueOf(end));
        }
        return out;
    }

    private long attachments(String arn) {
        return attachments.applyAsLong(arn);
    }

    /** A {@code Policy} structure; GetPolicy alone includes the description. */
    private Map<String, Object> policy(ManagedPolicy p, boolean withDescription) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("PolicyName", p.name());
        out.put("PolicyId", p.policyId());
        out.put("Arn", p.arn());
        out.put("Path", p.path());
        out.put("DefaultVersionId", p.defaultVersionId());
        out.put("AttachmentCount", attachments(p.arn()));
        out.put("PermissionsBoundaryUsageCount", 0);
        out.put("IsAttachable", true);
        if (withDescription && p.description() != null) {
            out.put("Description", p.description());
        }
        out.put("CreateDate", p.createDate());
        out.put("UpdateDate", p.updateDate());
        if (!p.tags().isEmpty()) {
            out.put("Tags", IamShapes.tags(p.tags()));
        }
        return out;
    }

    private static Map<String, Object> version(ManagedPolicy policy, PolicyVersion v, boolean withDocument) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (withDocument) {
            out.put("Document", IamShapes.urlEncode(v.document()));
        }
        out.put("VersionId", v.versionId());
        out.put("IsDefaultVersion", v.versionId().equals(policy.defaultVersionId()));
        out.put("CreateDate", v.createDate());
        return out;
    }

    private static String text(ObjectNode in, String member, String absent) {
        JsonNode value = in.get(member);
        return value == null ? absent : value.textValue();
    }
}

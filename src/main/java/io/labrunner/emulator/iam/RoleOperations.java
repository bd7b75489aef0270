package io.labrunner.emulator.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.iam.policy.PolicyKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The role operations: create, read, delete, list, trust policy and tags. Each takes the request's
 * members, already checked against IAM's model (names, paths, lengths, MaxSessionDuration's range), and
 * returns the response's.
 */
final class RoleOperations {
    private static final int DEFAULT_MAX_SESSION_SECONDS = 3600;
    private static final int DEFAULT_PAGE = 100;
    private final RoleStore roles;
    private final ManagedPolicyStore managed;

    RoleOperations(RoleStore roles, ManagedPolicyStore managed) {
        this.roles = roles;
        this.managed = managed;
    }

    /** PutRolePermissionsBoundary: a managed policy that must exist (or be AWS managed). */
    Object putBoundary(ObjectNode in) {
        String arn = in.get("PermissionsBoundary").textValue();
        roles.require(in.get("RoleName").textValue());
        HolderPolicyOperations.requireAttachable(managed, arn);
        roles.update(in.get("RoleName").textValue(), r -> r.withPermissionsBoundary(arn));
        return null;
    }

    /** DeleteRolePermissionsBoundary: NoSuchEntity when the role has none, as IAM answers. */
    Object deleteBoundary(ObjectNode in) {
        roles.update(in.get("RoleName").textValue(), r -> {
            if (r.permissionsBoundary() == null) {
                throw new io.labrunner.emulator.AwsException("NoSuchEntity", "The role with name " + r.name()
                        + " does not have a permissions boundary.", 404);
            }
            return r.withPermissionsBoundary(null);
        });
        return null;
    }

    Map<String, Object> create(ObjectNode in) {
        String trust = in.get("AssumeRolePolicyDocument").textValue();
        PolicyDocuments.parse(trust, PolicyKind.TRUST);
        String boundary = text(in, "PermissionsBoundary", null);
        if (boundary != null) {
            HolderPolicyOperations.requireAttachable(managed, boundary);
        }
        Role role = roles.create(in.get("RoleName").textValue(), text(in, "Path", "/"), trust,
                text(in, "Description", null),
                in.has("MaxSessionDuration") ? in.get("MaxSessionDuration").intValue() : DEFAULT_MAX_SESSION_SECONDS,
                tags(in.get("Tags")), boundary);
        return Map.of("Role", IamShapes.role(role));
    }

    Map<String, Object> get(ObjectNode in) {
        return Map.of("Role", IamShapes.role(roles.require(in.get("RoleName").textValue())));
    }

    Object delete(ObjectNode in) {
        roles.delete(in.get("RoleName").textValue());
        return null;
    }

    Object updateTrust(ObjectNode in) {
        String document = in.get("PolicyDocument").textValue();
        PolicyDocuments.parse(document, PolicyKind.TRUST);
        roles.update(in.get("RoleName").textValue(), r -> r.withTrustPolicy(document));
        return null;
    }

    Map<String, Object> list(ObjectNode in) {
        String prefix = text(in, "PathPrefix", "/");
        List<Role> matching = roles.all().stream().filter(r -> r.path().startsWith(prefix)).toList();
        int start = IamShapes.markerStart(text(in, "Marker", null));
        int max = in.has("MaxItems") ? in.get("MaxItems").intValue() : DEFAULT_PAGE;
        int end = Math.min(matching.size(), start + max);
        List<Map<String, Object>> page = new ArrayList<>();
        matching.subList(Math.min(start, end), end).forEach(r -> page.add(IamShapes.role(r)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Roles", page);
        out.put("IsTruncated", end < matching.size());
        if (end < matching.size()) {
            out.put("Marker", String.valueOf(end));
        }
        return out;
    }

    Object tag(ObjectNode in) {
        Map<String, String> add = tags(in.get("Tags"));
        roles.update(in.get("RoleName").textValue(), r -> {
            Map<String, String> tags = new LinkedHashMap<>(r.tags());
            tags.putAll(add);
            return r.withTags(tags);
        });
        return null;
    }

    Object untag(ObjectNode in) {
        List<String> keys = new ArrayList<>();
        in.get("TagKeys").forEach(k -> keys.add(k.textValue()));
        roles.update(in.get("RoleName").textValue(), r -> {
            Map<String, String> tags = new LinkedHashMap<>(r.tags());
            keys.forEach(tags::remove);
            return r.withTags(tags);
        });
        return null;
    }

    Map<String, Object> listTags(ObjectNode in) {
        Role role = roles.require(in.get("RoleName").textValue());
        return Map.of("Tags", IamShapes.tags(new TreeMap<>(role.tags())), "IsTruncated", false);
    }

    /** The Tags member's pairs in request order; the model has checked each has a Key and a Value. */
    private static Map<String, String> tags(JsonNode list) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (list != null) {
            list.forEach(tag -> tags.put(tag.get("Key").textValue(), tag.get("Value").textValue()));
        }
        return tags;
    }

    private static String text(ObjectNode in, String member, String absent) {
        JsonNode value = in.get(member);
        return value == null ? absent : value.textValue();
    }
}

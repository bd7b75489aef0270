package io.labrunner.emulator.iam;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** IAM's output structures built from the emulator's state, and the paging marker it hands out. */
final class IamShapes {
    private IamShapes() {
    }

    /** A {@code Role} structure, as GetRole, CreateRole and ListRoles return it. */
    static Map<String, Object> role(Role role) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Path", role.path());
        out.put("RoleName", role.name());
        out.put("RoleId", role.roleId());
        out.put("Arn", role.arn());
        out.put("CreateDate", role.createDate());
        out.put("AssumeRolePolicyDocument", urlEncode(role.trustPolicy()));
        out.put("Description", role.description());
        out.put("MaxSessionDuration", role.maxSessionDuration());
        if (role.permissionsBoundary() != null) {
            out.put("PermissionsBoundary", boundary(role.permissionsBoundary()));
        }
        if (!role.tags().isEmpty()) {
            out.put("Tags", tags(role.tags()));
        }
        out.put("RoleLastUsed", Map.of());
        return out;
    }

    /**
     * A {@code User} structure. GetUser and CreateUser include the permissions boundary and tags; ListUsers
     * leaves them out, as IAM does.
     */
    static Map<String, Object> user(User user, boolean full) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Path", user.path());
        out.put("UserName", user.name());
        out.put("UserId", user.userId());
        out.put("Arn", user.arn());
        out.put("CreateDate", user.createDate());
        if (full && user.permissionsBoundary() != null) {
            out.put("PermissionsBoundary", boundary(user.permissionsBoundary()));
        }
        if (full && !user.tags().isEmpty()) {
            out.put("Tags", tags(user.tags()));
        }
        return out;
    }

    /** A {@code Group} structure. */
    static Map<String, Object> group(Group group) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Path", group.path());
        out.put("GroupName", group.name());
        out.put("GroupId", group.groupId());
        out.put("Arn", group.arn());
        out.put("CreateDate", group.createDate());
        return out;
    }

    /** An {@code AttachedPermissionsBoundary} structure: always a managed policy. */
    static Map<String, Object> boundary(String policyArn) {
        return Map.of("PermissionsBoundaryType", "Policy", "PermissionsBoundaryArn", policyArn);
    }

    /** An {@code AttachedPolicies} list: each attached ARN with its policy name. */
    static List<Map<String, Object>> attached(List<String> arns) {
        List<Map<String, Object>> attached = new ArrayList<>();
        for (String arn : arns) {
            Map<String, Object> policy = new LinkedHashMap<>();
            policy.put("PolicyName", arn.substring(arn.lastIndexOf('/') + 1));
            policy.put("PolicyArn", arn);
            attached.add(policy);
        }
        return attached;
    }

    /** One page of {@code all}, IAM style: the list under {@code member}, IsTruncated, and a Marker when there is more. */
    static <T> Map<String, Object> page(List<T> all, String member, String marker, Integer maxItems,
            java.util.function.Function<T, Object> shape) {
        int start = markerStart(marker);
        int max = maxItems == null ? 100 : maxItems;
        int end = Math.min(all.size(), start + max);
        List<Object> page = new ArrayList<>();
        all.subList(Math.min(start, end), end).forEach(t -> page.add(shape.apply(t)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(member, page);
        out.put("IsTruncated", end < all.size());
        if (end < all.size()) {
            out.put("Marker", String.valueOf(end));
        }
        return out;
    }

    /** A {@code Tags} list of Key/Value structures. */
    static List<Map<String, Object>> tags(Map<String, String> tags) {
        List<Map<String, Object>> list = new ArrayList<>();
        tags.forEach((k, v) -> list.add(Map.of("Key", k, "Value", v)));
        return list;
    }

    /** IAM returns policy documents URL-encoded (RFC 3986), inside the XML. */
    static String urlEncode(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Where a page starts: the Marker this emulator hands out is the index of the next entry.
     *
     * @throws io.labrunner.emulator.AwsException InvalidParameterValue for a marker it did not hand out
     */
    static int markerStart(String marker) {
        if (marker == null) {
            return 0;
        }
        try {
            int start = Integer.parseInt(marker);
            if (start >= 0) {
                return start;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw IamErrors.invalidParameterValue("Invalid Marker: " + marker);
    }
}

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
        if (!role.tags().isEmpty()) {
            out.put("Tags", tags(role.tags()));
        }
        out.put("RoleLastUsed", Map.of());
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

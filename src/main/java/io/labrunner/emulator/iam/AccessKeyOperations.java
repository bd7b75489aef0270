package io.labrunner.emulator.iam;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.iam.access.Callers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's access keys: at most two, each Active or Inactive. The secret is returned once, by CreateAccessKey.
 * A request that names no user acts on the caller's own keys. A key made here really signs requests: the front
 * door verifies signatures with its secret and the request acts as its user.
 */
final class AccessKeyOperations {
    private final UserStore users;
    private final UserOperations userOperations;
    private final Callers callers;

    AccessKeyOperations(UserStore users, UserOperations userOperations, Callers callers) {
        this.users = users;
        this.userOperations = userOperations;
        this.callers = callers;
    }

    Map<String, Object> create(ObjectNode in, AwsRequest request) {
        if (rootWithoutUser(in, request)) {
            throw IamErrors.invalidInput("The emulated root user has one fixed access key (see the emulator's"
                    + " endpoint details); create an IAM user and give it access keys instead.");
        }
        AccessKey key = users.createKey(userName(in, request));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("UserName", key.userName());
        out.put("AccessKeyId", key.accessKeyId());
        out.put("Status", key.status());
        out.put("SecretAccessKey", key.secretAccessKey());
        out.put("CreateDate", key.createDate());
        return Map.of("AccessKey", out);
    }

    Map<String, Object> list(ObjectNode in, AwsRequest request) {
        List<AccessKey> keys = rootWithoutUser(in, request) ? List.of() : users.keysOf(users.name(userName(in, request)));
        return IamShapes.page(keys, "AccessKeyMetadata", HolderPolicyOperations.text(in, "Marker"),
                HolderPolicyOperations.integer(in, "MaxItems"), AccessKeyOperations::metadata);
    }

    Object update(ObjectNode in, AwsRequest request) {
        if (rootWithoutUser(in, request)) {
            throw noSuchKey(in.get("AccessKeyId").textValue());
        }
        users.updateKey(userName(in, request), in.get("AccessKeyId").textValue(), in.get("Status").textValue());
        return null;
    }

    Object delete(ObjectNode in, AwsRequest request) {
        if (rootWithoutUser(in, request)) {
            throw noSuchKey(in.get("AccessKeyId").textValue());
        }
        users.deleteKey(userName(in, request), in.get("AccessKeyId").textValue());
        return null;
    }

    /**
     * When and where a key was last used. IAM answers for a key it does not know with AccessDenied rather
     * than revealing whether it exists in another account.
     */
    Map<String, Object> lastUsed(ObjectNode in) {
        String id = in.get("AccessKeyId").textValue();
        AccessKey key = users.accessKey(id).orElseThrow(() -> new io.labrunner.emulator.AwsException("AccessDenied",
                "The access key " + id + " does not belong to this account.", 403));
        Map<String, Object> used = new LinkedHashMap<>();
        if (key.lastUsedDate() != null) {
            used.put("LastUsedDate", key.lastUsedDate());
        }
        used.put("ServiceName", key.lastUsedService() == null ? "N/A" : key.lastUsedService());
        used.put("Region", key.lastUsedRegion() == null ? "N/A" : key.lastUsedRegion());
        return Map.of("UserName", key.userName(), "AccessKeyLastUsed", used);
    }

    /** The root user acting on its own keys: it has one, fixed, that cannot be listed or changed here. */
    private boolean rootWithoutUser(ObjectNode in, AwsRequest request) {
        return !in.hasNonNull("UserName") && !callers.of(request.accessKeyId()).hasIdentityPolicies();
    }

    private static io.labrunner.emulator.AwsException noSuchKey(String id) {
        return new io.labrunner.emulator.AwsException("NoSuchEntity", "The Access Key with id " + id
                + " cannot be found.", 404);
    }

    private String userName(ObjectNode in, AwsRequest request) {
        if (in.hasNonNull("UserName")) {
            return in.get("UserName").textValue();
        }
        return userOperations.callerUser(callers.of(request.accessKeyId())).name();
    }

    private static Map<String, Object> metadata(AccessKey key) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("UserName", key.userName());
        out.put("AccessKeyId", key.accessKeyId());
        out.put("Status", key.status());
        out.put("CreateDate", key.createDate());
        return out;
    }
}

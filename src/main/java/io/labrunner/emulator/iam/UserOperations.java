package io.labrunner.emulator.iam;

import static io.labrunner.emulator.iam.HolderPolicyOperations.integer;
import static io.labrunner.emulator.iam.HolderPolicyOperations.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.iam.access.Caller;
import io.labrunner.emulator.iam.access.Callers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The user operations: create, read (by name, or the caller itself when no name is given), list, rename, delete
 * and tags. Deleting a user that still has access keys, policies or groups is a DeleteConflict, as on IAM.
 */
final class UserOperations {
    private final UserStore users;
    private final GroupStore groups;
    private final ManagedPolicyStore managed;
    private final Callers callers;

    UserOperations(UserStore users, GroupStore groups, ManagedPolicyStore managed, Callers callers) {
        this.users = users;
        this.groups = groups;
        this.managed = managed;
        this.callers = callers;
    }

    Map<String, Object> create(ObjectNode in) {
        String boundary = text(in, "PermissionsBoundary");
        if (boundary != null) {
            HolderPolicyOperations.requireAttachable(managed, boundary);
        }
        User user = users.create(in.get("UserName").textValue(), pathOr(in, "Path"), tags(in.get("Tags")), boundary);
        return Map.of("User", IamShapes.user(user, true));
    }

    Map<String, Object> get(ObjectNode in, AwsRequest request) {
        if (in.hasNonNull("UserName")) {
            return Map.of("User", IamShapes.user(users.require(in.get("UserName").textValue()), true));
        }
        Caller caller = callers.of(request.accessKeyId());
        if (!caller.isUser() && !caller.isRole()) {
            // The root user answers as itself: its ARN and the account id as its id, with no name or path.
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("UserId", IamDirectory.ACCOUNT_ID);
            root.put("Arn", caller.arn());
            root.put("CreateDate", java.time.Instant.EPOCH);
            return Map.of("User", root);
        }
        return Map.of("User", IamShapes.user(callerUser(caller), true));
    }

    /** The user behind a caller that names none; IAM refuses role sessions and federated users. */
    User callerUser(Caller caller) {
        if (!caller.isUser() || !caller.arn().equals(caller.userArn())) {
            throw IamErrors.validation("Must specify userName when calling with non-User credentials");
        }
        return users.find(caller.userArn()).orElseThrow(() -> IamErrors.noSuchUser(caller.userArn()));
    }

    Object putBoundary(ObjectNode in) {
        String arn = in.get("PermissionsBoundary").textValue();
        users.require(in.get("UserName").textValue());
        HolderPolicyOperations.requireAttachable(managed, arn);
        users.update(in.get("UserName").textValue(), u -> u.withPermissionsBoundary(arn));
        return null;
    }

    Object deleteBoundary(ObjectNode in) {
        users.update(in.get("UserName").textValue(), u -> {
            if (u.permissionsBoundary() == null) {
                throw new io.labrunner.emulator.AwsException("NoSuchEntity", "The user with name " + u.name()
                        + " does not have a permissions boundary.", 404);
            }
            return u.withPermissionsBoundary(null);
        });
        return null;
    }

    Map<String, Object> list(ObjectNode in) {
        String prefix = pathOr(in, "PathPrefix");
        List<User> matching = users.all().stream().filter(u -> u.path().startsWith(prefix)).toList();
        return IamShapes.page(matching, "Users", text(in, "Marker"), integer(in, "MaxItems"),
                u -> IamShapes.user(u, false));
    }

    Object update(ObjectNode in) {
        String name = in.get("UserName").textValue();
        String newName = text(in, "NewUserName");
        User before = users.require(name);
        users.rename(name, newName, text(in, "NewPath"));
        if (newName != null) {
            groups.renameMember(before.name(), newName);
        }
        return null;
    }

    Object delete(ObjectNode in) {
        String name = in.get("UserName").textValue();
        users.delete(name, !groups.of(name).isEmpty());
        return null;
    }

    Object tag(ObjectNode in) {
        Map<String, String> add = tags(in.get("Tags"));
        users.update(in.get("UserName").textValue(), u -> {
            Map<String, String> tags = new LinkedHashMap<>(u.tags());
            tags.putAll(add);
            requireTagLimit(tags);
            return u.withTags(tags);
        });
        return null;
    }

    Object untag(ObjectNode in) {
        List<String> keys = new ArrayList<>();
        in.get("TagKeys").forEach(k -> keys.add(k.textValue()));
        users.update(in.get("UserName").textValue(), u -> {
            Map<String, String> tags = new LinkedHashMap<>(u.tags());
            keys.forEach(tags::remove);
            return u.withTags(tags);
        });
        return null;
    }

    Map<String, Object> listTags(ObjectNode in) {
        User user = users.require(in.get("UserName").textValue());
        return Map.of("Tags", IamShapes.tags(new TreeMap<>(user.tags())), "IsTruncated", false);
    }

    /** IAM allows 50 tags per user, role or provider. */
    static void requireTagLimit(Map<String, String> tags) {
        if (tags.size() > 50) {
            throw new io.labrunner.emulator.AwsException("LimitExceeded",
                    "Cannot exceed quota for TagsPerResource: 50.", 409);
        }
    }

    /** The Tags member's pairs in request order; the model has checked each has a Key and a Value. */
    static Map<String, String> tags(JsonNode list) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (list != null) {
            list.forEach(tag -> tags.put(tag.get("Key").textValue(), tag.get("Value").textValue()));
        }
        return tags;
    }

    private static String pathOr(ObjectNode in, String member) {
        String path = text(in, member);
        return path == null ? "/" : path;
    }
}

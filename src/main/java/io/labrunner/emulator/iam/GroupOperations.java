package io.labrunner.emulator.iam;

import static io.labrunner.emulator.iam.HolderPolicyOperations.integer;
import static io.labrunner.emulator.iam.HolderPolicyOperations.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The group operations: create, read with its members, list, delete, and membership. */
final class GroupOperations {
    private final GroupStore groups;
    private final UserStore users;

    GroupOperations(GroupStore groups, UserStore users) {
        this.groups = groups;
        this.users = users;
    }

    Map<String, Object> create(ObjectNode in) {
        String path = text(in, "Path");
        return Map.of("Group", IamShapes.group(groups.create(in.get("GroupName").textValue(),
                path == null ? "/" : path)));
    }

    Map<String, Object> get(ObjectNode in) {
        Group group = groups.require(in.get("GroupName").textValue());
        List<User> members = group.members().stream().map(users::find).flatMap(java.util.Optional::stream).toList();
        Map<String, Object> out = IamShapes.page(members, "Users", text(in, "Marker"), integer(in, "MaxItems"),
                u -> IamShapes.user(u, false));
        Map<String, Object> withGroup = new LinkedHashMap<>();
        withGroup.put("Group", IamShapes.group(group));
        withGroup.putAll(out);
        return withGroup;
    }

    Map<String, Object> list(ObjectNode in) {
        String prefix = text(in, "PathPrefix");
        List<Group> matching = groups.all().stream()
                .filter(g -> prefix == null || g.path().startsWith(prefix)).toList();
        return IamShapes.page(matching, "Groups", text(in, "Marker"), integer(in, "MaxItems"), IamShapes::group);
    }

    Object delete(ObjectNode in) {
        groups.delete(in.get("GroupName").textValue());
        return null;
    }

    Object addUser(ObjectNode in) {
        String group = in.get("GroupName").textValue();
        groups.require(group);
        groups.addMember(group, users.name(in.get("UserName").textValue()));
        return null;
    }

    Object removeUser(ObjectNode in) {
        String group = in.get("GroupName").textValue();
        groups.require(group);
        String user = users.name(in.get("UserName").textValue());
        groups.removeMember(group, user);
        return null;
    }

    Map<String, Object> forUser(ObjectNode in) {
        String user = users.name(in.get("UserName").textValue());
        return IamShapes.page(groups.of(user), "Groups", text(in, "Marker"), integer(in, "MaxItems"),
                IamShapes::group);
    }
}

package io.labrunner.emulator.iam;

import io.labrunner.emulator.iam.access.PrincipalPolicies;
import io.labrunner.emulator.iam.policy.PolicyKind;
import io.labrunner.emulator.iam.policy.SourcedPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policies that decide an IAM user's requests (its inline and attached policies, then each of its groups'),
 * and the permissions boundaries of users and roles, as the evaluator takes them. An attached AWS managed policy
 * the emulator does not ship grants nothing.
 */
final class UserPolicies implements PrincipalPolicies {
    private final UserStore users;
    private final GroupStore groups;
    private final RoleStore roles;
    private final ManagedPolicyStore managed;

    UserPolicies(UserStore users, GroupStore groups, RoleStore roles, ManagedPolicyStore managed) {
        this.users = users;
        this.groups = groups;
        this.roles = roles;
        this.managed = managed;
    }

    @Override
    public List<SourcedPolicy> ofUser(String userArn) {
        Optional<User> user = users.find(userArn);
        if (user.isEmpty()) {
            return List.of();
        }
        List<SourcedPolicy> list = new ArrayList<>();
        add(list, "user", user.get().inlinePolicies(), user.get().attachedPolicies());
        for (Group group : groups.of(user.get().name())) {
            add(list, "group", group.inlinePolicies(), group.attachedPolicies());
        }
        return list;
    }

    @Override
    public Optional<SourcedPolicy> boundary(String principalArn) {
        if (principalArn == null) {
            return Optional.empty();
        }
        String boundaryArn = principalArn.contains(":role/")
                ? roles.role(principalArn).map(Role::permissionsBoundary).orElse(null)
                : users.find(principalArn).map(User::permissionsBoundary).orElse(null);
        if (boundaryArn == null) {
            return Optional.empty();
        }
        // A boundary naming an AWS managed policy the emulator does not ship allows nothing, as an empty one would.
        String document = managed.find(boundaryArn).map(ManagedPolicy::defaultDocument)
                .orElse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"none:NoAction\",\"Resource\":\"*\"}]}");
        return Optional.of(new SourcedPolicy(boundaryArn.substring(boundaryArn.lastIndexOf('/') + 1),
                "permissions-boundary", PolicyDocuments.parse(document, PolicyKind.IDENTITY)));
    }

    private void add(List<SourcedPolicy> list, String source, Map<String, String> inline, List<String> attached) {
        inline.forEach((name, document) ->
                list.add(new SourcedPolicy(name, source, PolicyDocuments.parse(document, PolicyKind.IDENTITY))));
        for (String arn : attached) {
            managed.find(arn).ifPresent(p -> list.add(new SourcedPolicy(p.name(),
                    p.awsManaged() ? "aws-managed" : "user-managed",
                    PolicyDocuments.parse(p.defaultDocument(), PolicyKind.IDENTITY))));
        }
    }
}

package io.labrunner.emulator.iam;

import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The account's IAM groups and their members, written through to the emulator's state store. */
final class GroupStore implements PolicyHolders {
    private final Map<String, Group> groups = new ConcurrentHashMap<>();
    private final StateMap<Group> stored;
    private final Clock clock;

    GroupStore(StateStore state, Clock clock) {
        this.stored = state.map("iam.groups", Group.class);
        this.clock = clock;
        groups.putAll(stored.entries());
    }

    /** All groups, sorted by name. */
    List<Group> all() {
        List<Group> list = new ArrayList<>(groups.values());
        list.sort(Comparator.comparing(g -> g.name().toLowerCase(Locale.ROOT)));
        return list;
    }

    /** The groups the user is a member of, sorted by name. */
    List<Group> of(String userName) {
        return all().stream().filter(g -> g.members().stream().anyMatch(m -> m.equalsIgnoreCase(userName))).toList();
    }

    Optional<Group> find(String name) {
        return Optional.ofNullable(groups.get(key(name)));
    }

    Group require(String name) {
        return find(name).orElseThrow(() -> new AwsException("NoSuchEntity",
                "The group with name " + name + " cannot be found.", 404));
    }

    synchronized Group create(String name, String path) {
        if (groups.containsKey(key(name))) {
            throw IamErrors.entityExists("Group with name " + name + " already exists.");
        }
        Group group = new Group(name, path, IamIds.uniqueId("AGPA"),
                "arn:aws:iam::" + IamDirectory.ACCOUNT_ID + ":group" + path + name,
                clock.instant().truncatedTo(ChronoUnit.SECONDS), List.of(), Map.of(), List.of());
        save(group);
        return group;
    }

    synchronized Group update(String name, UnaryOperator<Group> change) {
        Group updated = change.apply(require(name));
        save(updated);
        return updated;
    }

    synchronized void delete(String name) {
        Group group = require(name);
        if (!group.members().isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must remove users from group first.");
        }
        if (!group.inlinePolicies().isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
        }
        if (!group.attachedPolicies().isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
        }
        groups.remove(key(name));
        stored.remove(key(name));
    }

    void addMember(String groupName, String userName) {
        update(groupName, g -> {
            if (g.members().stream().anyMatch(m -> m.equalsIgnoreCase(userName))) {
                return g;
            }
            List<String> members = new ArrayList<>(g.members());
            members.add(userName);
            return g.withMembers(members);
        });
    }

    void removeMember(String groupName, String userName) {
        update(groupName, g -> {
            List<String> members = new ArrayList<>(g.members());
            if (!members.removeIf(m -> m.equalsIgnoreCase(userName))) {
                throw new AwsException("NoSuchEntity", "The user with name " + userName
                        + " cannot be found in group " + g.name() + ".", 404);
            }
            return g.withMembers(members);
        });
    }

    /** A renamed user stays in its groups under its new name. */
    synchronized void renameMember(String oldName, String newName) {
        for (Group g : of(oldName)) {
            List<String> members = new ArrayList<>(g.members());
            members.replaceAll(m -> m.equalsIgnoreCase(oldName) ? newName : m);
            save(g.withMembers(members));
        }
    }

    // PolicyHolders

    @Override
    public String name(String name) {
        return require(name).name();
    }

    @Override
    public Map<String, String> inlinePolicies(String name) {
        return require(name).inlinePolicies();
    }

    @Override
    public List<String> attachedPolicies(String name) {
        return require(name).attachedPolicies();
    }

    @Override
    public void putInline(String name, String policyName, String document) {
        update(name, g -> {
            Map<String, String> policies = new LinkedHashMap<>(g.inlinePolicies());
            policies.put(policyName, document);
            return g.withInlinePolicies(policies);
        });
    }

    @Override
    public void deleteInline(String name, String policyName) {
        update(name, g -> {
            if (!g.inlinePolicies().containsKey(policyName)) {
                throw noSuchInlinePolicy(policyName);
            }
            Map<String, String> policies = new LinkedHashMap<>(g.inlinePolicies());
            policies.remove(policyName);
            return g.withInlinePolicies(policies);
        });
    }

    @Override
    public void attach(String name, String policyArn) {
        update(name, g -> {
            if (g.attachedPolicies().contains(policyArn)) {
                return g;
            }
            List<String> arns = new ArrayList<>(g.attachedPolicies());
            arns.add(policyArn);
            return g.withAttachedPolicies(arns);
        });
    }

    @Override
    public void detach(String name, String policyArn) {
        update(name, g -> {
            if (!g.attachedPolicies().contains(policyArn)) {
                throw IamErrors.policyNotAttached(policyArn);
            }
            List<String> arns = new ArrayList<>(g.attachedPolicies());
            arns.remove(policyArn);
            return g.withAttachedPolicies(arns);
        });
    }

    @Override
    public AwsException noSuchInlinePolicy(String policyName) {
        return new AwsException("NoSuchEntity", "The group policy with name " + policyName + " cannot be found.", 404);
    }

    private void save(Group group) {
        groups.put(key(group.name()), group);
        stored.put(key(group.name()), group);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}

package io.labrunner.emulator.iam;

import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.time.Clock;
import java.time.Instant;
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

/**
 * The account's IAM users and their access keys, written through to the emulator's state store so that both
 * survive a restart. The access keys are also what the front door verifies signatures with.
 */
public final class UserStore implements PolicyHolders {
    /** IAM's quota of access keys per user. */
    static final int MAX_KEYS_PER_USER = 2;
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, AccessKey> keys = new ConcurrentHashMap<>();
    private final StateMap<User> storedUsers;
    private final StateMap<AccessKey> storedKeys;
    private final Clock clock;

    public UserStore(StateStore state, Clock clock) {
        this.storedUsers = state.map("iam.users", User.class);
        this.storedKeys = state.map("iam.accessKeys", AccessKey.class);
        this.clock = clock;
        users.putAll(storedUsers.entries());
        keys.putAll(storedKeys.entries());
    }

    /** All users, sorted by name as IAM lists them. */
    List<User> all() {
        List<User> list = new ArrayList<>(users.values());
        list.sort(Comparator.comparing(u -> u.name().toLowerCase(Locale.ROOT)));
        return list;
    }

    /** The user named so, or by this ARN. */
    public Optional<User> find(String arnOrName) {
        if (arnOrName == null) {
            return Optional.empty();
        }
        if (arnOrName.startsWith("arn:")) {
            return users.values().stream().filter(u -> u.arn().equals(arnOrName)).findFirst();
        }
        return Optional.ofNullable(users.get(key(arnOrName)));
    }

    /** The IAM user who signs with this access key, if it is a user's key. */
    public Optional<io.labrunner.emulator.iam.access.Caller> caller(String accessKeyId) {
        return accessKey(accessKeyId).flatMap(k -> find(k.userName()))
                .map(u -> io.labrunner.emulator.iam.access.Caller.user(u.arn(), accessKeyId));
    }

    User require(String name) {
        return find(name).filter(u -> !name.startsWith("arn:")).orElseThrow(() -> IamErrors.noSuchUser(name));
    }

    synchronized User create(String name, String path, Map<String, String> tags, String boundary) {
        if (users.containsKey(key(name))) {
            throw IamErrors.entityExists("User with name " + name + " already exists.");
        }
        User user = new User(name, path, IamIds.uniqueId("AIDA"), arn(path, name), now(), tags, Map.of(), List.of(),
                boundary);
        save(user);
        return user;
    }

    synchronized User update(String name, UnaryOperator<User> change) {
        User updated = change.apply(require(name));
        save(updated);
        return updated;
    }

    /** Renames and/or moves a user; its keys follow it. */
    synchronized User rename(String name, String newName, String newPath) {
        User user = require(name);
        String targetName = newName == null ? user.name() : newName;
        String targetPath = newPath == null ? user.path() : newPath;
        if (!key(targetName).equals(key(user.name())) && users.containsKey(key(targetName))) {
            throw IamErrors.entityExists("User with name " + targetName + " already exists.");
        }
        User moved = user.withName(targetName, targetPath, arn(targetPath, targetName));
        users.remove(key(user.name()));
        storedUsers.remove(key(user.name()));
        save(moved);
        for (AccessKey k : keysOf(user.name())) {
            saveKey(k.withUserName(targetName));
        }
        return moved;
    }

    /**
     * Deletes a user that holds nothing any more, as IAM requires.
     *
     * @param inGroups whether the user is still a member of a group
     */
    synchronized void delete(String name, boolean inGroups) {
        User user = require(name);
        if (!keysOf(user.name()).isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must delete access keys first.");
        }
        if (!user.inlinePolicies().isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
        }
        if (!user.attachedPolicies().isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
        }
        if (inGroups) {
            throw IamErrors.deleteConflict("Cannot delete entity, must remove user from all groups first.");
        }
        users.remove(key(user.name()));
        storedUsers.remove(key(user.name()));
    }

    /** The user's access keys, oldest first. */
    List<AccessKey> keysOf(String userName) {
        return keys.values().stream().filter(k -> k.userName().equalsIgnoreCase(userName))
                .sorted(Comparator.comparing(AccessKey::createDate)).toList();
    }

    /** The access key with this id, whoever it belongs to. */
    public Optional<AccessKey> accessKey(String accessKeyId) {
        return accessKeyId == null ? Optional.empty() : Optional.ofNullable(keys.get(accessKeyId));
    }

    synchronized AccessKey createKey(String userName) {
        User user = require(userName);
        if (keysOf(user.name()).size() >= MAX_KEYS_PER_USER) {
            throw new AwsException("LimitExceeded", "Cannot exceed quota for AccessKeysPerUser: "
                    + MAX_KEYS_PER_USER, 409);
        }
        AccessKey key = new AccessKey(IamIds.accessKeyId(), IamIds.secret(), user.name(), "Active", now(),
                null, null, null);
        saveKey(key);
        return key;
    }

    /** The user's key with this id; NoSuchEntity when the user has no such key. */
    AccessKey requireKey(String userName, String accessKeyId) {
        AccessKey key = keys.get(accessKeyId);
        if (key == null || !key.userName().equalsIgnoreCase(userName)) {
            throw new AwsException("NoSuchEntity", "The Access Key with id " + accessKeyId + " cannot be found.", 404);
        }
        return key;
    }

    synchronized void updateKey(String userName, String accessKeyId, String status) {
        saveKey(requireKey(userName, accessKeyId).withStatus(status));
    }

    synchronized void deleteKey(String userName, String accessKeyId) {
        requireKey(userName, accessKeyId);
        keys.remove(accessKeyId);
        storedKeys.remove(accessKeyId);
    }

    /**
     * Notes that a request signed with the key was accepted. AWS reports the last use to the minute or so, so
     * the state is written at most once a minute per key.
     */
    public void recordUse(String accessKeyId, String service, String region) {
        AccessKey key = keys.get(accessKeyId);
        if (key == null) {
            return;
        }
        Instant now = now();
        if (key.lastUsedDate() != null && key.lastUsedDate().plusSeconds(60).isAfter(now)
                && service.equals(key.lastUsedService()) && java.util.Objects.equals(region, key.lastUsedRegion())) {
            return;
        }
        saveKey(key.usedAt(now, service, region));
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
        update(name, u -> {
            Map<String, String> policies = new LinkedHashMap<>(u.inlinePolicies());
            policies.put(policyName, document);
            return u.withInlinePolicies(policies);
        });
    }

    @Override
    public void deleteInline(String name, String policyName) {
        update(name, u -> {
            if (!u.inlinePolicies().containsKey(policyName)) {
                throw noSuchInlinePolicy(policyName);
            }
            Map<String, String> policies = new LinkedHashMap<>(u.inlinePolicies());
            policies.remove(policyName);
            return u.withInlinePolicies(policies);
        });
    }

    @Override
    public void attach(String name, String policyArn) {
        update(name, u -> {
            if (u.attachedPolicies().contains(policyArn)) {
                return u;
            }
            List<String> arns = new ArrayList<>(u.attachedPolicies());
            arns.add(policyArn);
            return u.withAttachedPolicies(arns);
        });
    }

    @Override
    public void detach(String name, String policyArn) {
        update(name, u -> {
            if (!u.attachedPolicies().contains(policyArn)) {
                throw IamErrors.policyNotAttached(policyArn);
            }
            List<String> arns = new ArrayList<>(u.attachedPolicies());
            arns.remove(policyArn);
            return u.withAttachedPolicies(arns);
        });
    }

    @Override
    public AwsException noSuchInlinePolicy(String policyName) {
        return new AwsException("NoSuchEntity", "The user policy with name " + policyName + " cannot be found.", 404);
    }

    private void save(User user) {
        users.put(key(user.name()), user);
        storedUsers.put(key(user.name()), user);
    }

    private void saveKey(AccessKey key) {
        keys.put(key.accessKeyId(), key);
        storedKeys.put(key.accessKeyId(), key);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String arn(String path, String name) {
        return "arn:aws:iam::" + IamDirectory.ACCOUNT_ID + ":user" + path + name;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}

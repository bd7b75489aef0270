package io.labrunner.emulator.iam;

import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.security.SecureRandom;
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
 * The account's roles: thread-safe state behind the IAM handler, and the read-only directory. Every
 * change is written through to the emulator's state store, so roles survive a restart.
 */
public final class RoleStore implements IamDirectory {
    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private final Map<String, Role> roles = new ConcurrentHashMap<>();
    private final StateStore state;
    private final StateMap<Role> stored;
    private final SecureRandom random = new SecureRandom();

    /** Roles kept in memory only. */
    public RoleStore() {
        this(StateStore.none());
    }

    /** The roles kept in {@code state}, loaded now and written through on every change. */
    public RoleStore(StateStore state) {
        this.state = state;
        this.stored = state.map("iam.roles", Role.class);
        roles.putAll(stored.entries());
    }

    /** The store the roles are kept in, which the account's other IAM state shares. */
    StateStore state() {
        return state;
    }

    @Override
    public Optional<Role> role(String arnOrName) {
        if (arnOrName == null) {
            return Optional.empty();
        }
        if (arnOrName.startsWith("arn:")) {
            return roles.values().stream().filter(r -> r.arn().equals(arnOrName)).findFirst();
        }
        return Optional.ofNullable(roles.get(key(arnOrName)));
    }

    /** All roles, sorted by name as IAM lists them. */
    public List<Role> all() {
        List<Role> list = new ArrayList<>(roles.values());
        list.sort(Comparator.comparing(r -> r.name().toLowerCase(Locale.ROOT)));
        return list;
    }

    synchronized Role create(String name, String path, String trustPolicy, String description,
                             int maxSessionDuration, Map<String, String> tags, String permissionsBoundary) {
        if (roles.containsKey(key(name))) {
            throw IamErrors.roleExists(name);
        }
        Role role = new Role(name, path, newRoleId(),
                "arn:aws:iam::" + ACCOUNT_ID + ":role" + path + name,
                Instant.now().truncatedTo(ChronoUnit.SECONDS), trustPolicy, description, maxSessionDuration,
                tags, Map.of(), List.of(), permissionsBoundary);
        save(role);
        return role;
    }

    Role require(String name) {
        Role role = roles.get(key(name));
        if (role == null) {
            throw IamErrors.noSuchRole(name);
        }
        return role;
    }

    synchronized Role update(String name, UnaryOperator<Role> change) {
        Role updated = change.apply(require(name));
        save(updated);
        return updated;
    }

    synchronized void delete(String name) {
        Role role = require(name);
        if (!role.inlinePolicies().isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
        }
        if (!role.attachedPolicies().isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
        }
        roles.remove(key(name));
        stored.remove(key(name));
    }

    private void save(Role role) {
        roles.put(key(role.name()), role);
        stored.put(key(role.name()), role);
    }

    Role putInlinePolicy(String roleName, String policyName, String document) {
        return update(roleName, r -> {
            Map<String, String> policies = new LinkedHashMap<>(r.inlinePolicies());
            policies.put(policyName, document);
            return r.withInlinePolicies(policies);
        });
    }

    Role deleteInlinePolicy(String roleName, String policyName) {
        return update(roleName, r -> {
            if (!r.inlinePolicies().containsKey(policyName)) {
                throw IamErrors.noSuchRolePolicy(roleName, policyName);
            }
            Map<String, String> policies = new LinkedHashMap<>(r.inlinePolicies());
            policies.remove(policyName);
            return r.withInlinePolicies(policies);
        });
    }

    Role attach(String roleName, String policyArn) {
        return update(roleName, r -> {
            if (r.attachedPolicies().contains(policyArn)) {
                return r;
            }
            List<String> arns = new ArrayList<>(r.attachedPolicies());
            arns.add(policyArn);
            return r.withAttachedPolicies(arns);
        });
    }

    Role detach(String roleName, String policyArn) {
        return update(roleName, r -> {
            if (!r.attachedPolicies().contains(policyArn)) {
                throw IamErrors.policyNotAttached(policyArn);
            }
            List<String> arns = new ArrayList<>(r.attachedPolicies());
            arns.remove(policyArn);
            return r.withAttachedPolicies(arns);
        });
    }

    private String newRoleId() {
        StringBuilder id = new StringBuilder("AROA");
        for (int i = 0; i < 17; i++) {
            id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return id.toString();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}

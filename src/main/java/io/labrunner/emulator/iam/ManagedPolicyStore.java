package io.labrunner.emulator.iam;

import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The account's managed policies: the customer managed ones (written through to the state store, so they
 * survive a restart) and the AWS managed ones the emulator ships, which cannot be changed.
 */
public final class ManagedPolicyStore {
    /** IAM keeps at most five versions of a managed policy. */
    static final int MAX_VERSIONS = 5;
    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private final Map<String, ManagedPolicy> awsManaged = AwsManagedPolicies.load();
    private final Map<String, ManagedPolicy> customer = new ConcurrentHashMap<>();
    private final StateMap<ManagedPolicy> stored;
    private final SecureRandom random = new SecureRandom();
    /** Counts changes, so that whoever compiled the policies can tell when to compile them again. */
    private final AtomicLong generation = new AtomicLong();

    public ManagedPolicyStore() {
        this(StateStore.none());
    }

    public ManagedPolicyStore(StateStore state) {
        this.stored = state.map("iam.policies", ManagedPolicy.class);
        customer.putAll(stored.entries());
    }

    /** The policy with this ARN, customer or AWS managed. */
    public Optional<ManagedPolicy> find(String arn) {
        ManagedPolicy policy = customer.get(arn);
        return Optional.ofNullable(policy != null ? policy : awsManaged.get(arn));
    }

    /** A number that changes whenever any customer managed policy is created, changed or deleted. */
    long generation() {
        return generation.get();
    }

    ManagedPolicy require(String arn) {
        return find(arn).orElseThrow(() -> IamErrors.policyNotFound(arn));
    }

    /** Every policy, AWS managed first, each group sorted by name. */
    List<ManagedPolicy> all() {
        List<ManagedPolicy> list = new ArrayList<>(awsManaged.values());
        list.sort(Comparator.comparing(ManagedPolicy::name));
        List<ManagedPolicy> local = new ArrayList<>(customer.values());
        local.sort(Comparator.comparing(ManagedPolicy::name));
        list.addAll(local);
        return list;
    }

    synchronized ManagedPolicy create(String name, String path, String document, String description,
                                      Map<String, String> tags) {
        String arn = "arn:aws:iam::" + IamDirectory.ACCOUNT_ID + ":policy" + path + name;
        boolean taken = customer.values().stream().anyMatch(p -> p.name().equals(name));
        if (taken) {
            throw IamErrors.policyExists(name);
        }
        Instant now = now();
        ManagedPolicy policy = new ManagedPolicy(arn, name, path, newId(), description, now, now, "v1",
                List.of(new PolicyVersion("v1", document, now)), 2, tags, false);
        save(policy);
        return policy;
    }

    synchronized PolicyVersion createVersion(String arn, String document, boolean makeDefault) {
        ManagedPolicy policy = changeable(arn);
        if (policy.versions().size() >= MAX_VERSIONS) {
            throw IamErrors.versionLimit();
        }
        PolicyVersion version = new PolicyVersion("v" + policy.nextVersion(), document, now());
        save(policy.withVersion(version, makeDefault));
        return version;
    }

    synchronized void deleteVersion(String arn, String versionId) {
        ManagedPolicy policy = changeable(arn);
        if (policy.version(versionId).isEmpty()) {
            throw IamErrors.noSuchPolicyVersion(arn, versionId);
        }
        if (policy.defaultVersionId().equals(versionId)) {
            throw IamErrors.deleteConflict("Cannot delete the default version of a policy.");
        }
        save(policy.withoutVersion(versionId));
    }

    synchronized void setDefault(String arn, String versionId) {
        ManagedPolicy policy = changeable(arn);
        if (policy.version(versionId).isEmpty()) {
            throw IamErrors.noSuchPolicyVersion(arn, versionId);
        }
        save(policy.withDefault(versionId, now()));
    }

    synchronized void delete(String arn, boolean attached) {
        ManagedPolicy policy = changeable(arn);
        if (attached) {
            throw IamErrors.deleteConflict("Cannot delete a policy attached to entities.");
        }
        if (policy.versions().size() > 1) {
            throw IamErrors.deleteConflict("This policy has more than one version. Before you delete a policy, you"
                    + " must delete the policy's versions. The default version is deleted with the policy.");
        }
        customer.remove(arn);
        stored.remove(arn);
        generation.incrementAndGet();
    }

    private ManagedPolicy changeable(String arn) {
        ManagedPolicy policy = require(arn);
        if (policy.awsManaged()) {
            throw IamErrors.awsManagedIsReadOnly(arn);
        }
        return policy;
    }

    private void save(ManagedPolicy policy) {
        customer.put(policy.arn(), policy);
        stored.put(policy.arn(), policy);
        generation.incrementAndGet();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private String newId() {
        StringBuilder id = new StringBuilder("ANPA");
        for (int i = 0; i < 17; i++) {
            id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return id.toString();
    }
}

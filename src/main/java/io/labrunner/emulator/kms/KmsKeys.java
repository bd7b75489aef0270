package io.labrunner.emulator.kms;

import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's KMS keys and aliases, their life cycle, and encryption under them: what the KMS API changes and
 * what other services use in-process through {@link KeyRing}. Every change is written through to the state store, key
 * material included, so that data encrypted before a restart decrypts after it.
 *
 * <p>Time-driven changes happen when a key is next looked at: a key whose waiting period has passed is deleted, with
 * its material and aliases; a key whose rotation date has passed gets new material (the old stays, for old blobs).
 */
public final class KmsKeys implements KeyRing {
    /** KMS's default waiting period for ScheduleKeyDeletion. */
    static final int DEFAULT_PENDING_WINDOW_DAYS = 30;
    /** The automatic rotation period when EnableKeyRotation names none. */
    static final int DEFAULT_ROTATION_DAYS = 365;
    private static final int MATERIAL_BYTES = 32;

    private final String account;
    private final Clock clock;
    private final Map<String, KmsKey> keys = new ConcurrentHashMap<>();
    private final Map<String, KeyMaterial> materials = new ConcurrentHashMap<>();
    /** Aliases by region and name ({@link #aliasKey}). */
    private final Map<String, KmsAlias> aliases = new ConcurrentHashMap<>();
    private final StateMap<KmsKey> storedKeys;
    private final StateMap<KeyMaterial> storedMaterial;
    private final StateMap<KmsAlias> storedAliases;

    /** Keys and aliases kept in {@code state}: loaded now, written as they change. */
    public KmsKeys(String account, StateStore state, Clock clock) {
        this.account = account;
        this.clock = clock;
        this.storedKeys = state.map("kms.keys", KmsKey.class);
        this.storedMaterial = state.map("kms.material", KeyMaterial.class);
        this.storedAliases = state.map("kms.aliases", KmsAlias.class);
        keys.putAll(storedKeys.entries());
        materials.putAll(storedMaterial.entries());
        storedAliases.values().forEach(a -> aliases.put(aliasKey(a.region(), a.name()), a));
    }

    String account() {
        return account;
    }

    Instant now() {
        return clock.instant();
    }

    // ---- keys ----

    /** A new symmetric encryption key, enabled, with its first material. */
    synchronized KmsKey create(String region, String description, String policy, Map<String, String> tags,
            String keyManager) {
        String keyId = UUID.randomUUID().toString();
        KmsKey key = new KmsKey(keyId, KeyIds.keyArn(region, account, keyId), region, description,
                "ENCRYPT_DECRYPT", "SYMMETRIC_DEFAULT", KmsKey.ENABLED, now(), null, null,
                policy == null ? KeyPolicies.defaultPolicy(account) : policy, false, null, null, List.of(),
                keyManager, tags);
        materials.put(keyId, new KeyMaterial(List.of(Ciphertexts.randomBytes(MATERIAL_BYTES))));
        storedMaterial.put(keyId, materials.get(keyId));
        save(key);
        // Material must be on disk before anything is encrypted under it, whichever service asked for the key.
        storedMaterial.commit();
        return key;
    }

    /**
     * The key {@code id} names in {@code region}: a key id or key ARN, and an alias name or alias ARN when
     * {@code aliases} is true (operations that manage a key take no alias).
     */
    synchronized KmsKey find(String region, String id, boolean viaAlias) {
        purgeExpired();
        String keyId;
        if (KeyIds.isArn(id)) {
            String[] parts = id.split(":", 6);
            if (parts.length < 6 || !parts[2].equals("kms")) {
                throw KmsErrors.invalidKeyId(id);
            }
            if (parts[5].startsWith(KeyIds.ALIAS_PREFIX) && viaAlias) {
                if (!parts[3].equals(region)) {
                    throw KmsErrors.aliasNotFound(id);
                }
                keyId = aliasTarget(region, parts[5]);
            } else if (parts[5].startsWith("key/") && KeyIds.isKeyId(parts[5].substring(4))) {
                if (!parts[3].equals(region)) {
                    throw KmsErrors.invalidArnRegion(parts[3]);
                }
                keyId = parts[5].substring(4);
            } else {
                throw KmsErrors.invalidKeyId(id);
            }
        } else if (KeyIds.isAliasName(id) && viaAlias) {
            keyId = aliasTarget(region, id);
        } else if (KeyIds.isKeyId(id)) {
            keyId = id.toLowerCase(Locale.ROOT);
        } else {
            throw KmsErrors.invalidKeyId(id);
        }
        KmsKey key = keys.get(keyId);
        if (key == null || !key.region().equals(region)) {
            throw KmsErrors.keyNotFound(KeyIds.keyArn(region, account, keyId));
        }
        return rotateIfDue(key);
    }

    /** The key, which must be enabled: Disabled and PendingDeletion keys refuse cryptographic operations. */
    static KmsKey requireEnabled(KmsKey key) {
        switch (key.keyState()) {
            case KmsKey.DISABLED -> throw KmsErrors.disabled(key.arn());
            case KmsKey.PENDING_DELETION -> throw KmsErrors.pendingDeletion(key.arn());
            default -> {
                return key;
            }
        }
    }

    /** The key, which must not be pending deletion (enabling, disabling, aliasing, tagging it). */
    static KmsKey requireNotPendingDeletion(KmsKey key) {
        if (KmsKey.PENDING_DELETION.equals(key.keyState())) {
            throw KmsErrors.pendingDeletion(key.arn());
        }
        return key;
    }

    /** Every key of the region, oldest first. */
    synchronized List<KmsKey> list(String region) {
        purgeExpired();
        return keys.values().stream().filter(k -> k.region().equals(region))
                .sorted(Comparator.comparing(KmsKey::creationDate).thenComparing(KmsKey::keyId)).toList();
    }

    synchronized KmsKey save(KmsKey key) {
        keys.put(key.keyId(), key);
        storedKeys.put(key.keyId(), key);
        return key;
    }

    synchronized KmsKey scheduleDeletion(KmsKey key, int days) {
        return save(key.withState(KmsKey.PENDING_DELETION, now().plus(Duration.ofDays(days)), days));
    }

    /** A key whose deletion was cancelled comes back disabled, as on AWS. */
    synchronized KmsKey cancelDeletion(KmsKey key) {
        return save(key.withState(KmsKey.DISABLED, null, null));
    }

    /** New material now; the old stays so that blobs sealed under it still open. */
    synchronized KmsKey rotate(KmsKey key, String type) {
        KeyMaterial material = materials.get(key.keyId()).rotated(Ciphertexts.randomBytes(MATERIAL_BYTES));
        materials.put(key.keyId(), material);
        storedMaterial.put(key.keyId(), material);
        storedMaterial.commit();
        Instant next = key.rotationEnabled() ? now().plus(Duration.ofDays(key.rotationPeriodInDays())) : null;
        return save(key.withRotated(new KmsKey.Rotation(now(), type), next));
    }

    private KmsKey rotateIfDue(KmsKey key) {
        if (key.rotationEnabled() && key.nextRotationDate() != null && !now().isBefore(key.nextRotationDate())
                && KmsKey.ENABLED.equals(key.keyState())) {
            return rotate(key, "AUTOMATIC");
        }
        return key;
    }

    /** Deletes keys whose waiting period is over, with their material and the aliases pointing at them. */
    private void purgeExpired() {
        Instant now = now();
        for (KmsKey key : List.copyOf(keys.values())) {
            if (KmsKey.PENDING_DELETION.equals(key.keyState()) && key.deletionDate() != null
                    && !now.isBefore(key.deletionDate())) {
                keys.remove(key.keyId());
                storedKeys.remove(key.keyId());
                materials.remove(key.keyId());
                storedMaterial.remove(key.keyId());
                for (Map.Entry<String, KmsAlias> alias : List.copyOf(aliases.entrySet())) {
                    if (alias.getValue().targetKeyId().equals(key.keyId())) {
                        aliases.remove(alias.getKey());
                        storedAliases.remove(alias.getKey());
                    }
                }
            }
        }
    }

    // ---- aliases ----

    private String aliasTarget(String region, String aliasName) {
        KmsAlias alias = aliases.get(aliasKey(region, aliasName));
        if (alias == null && aliasName.startsWith(KeyIds.AWS_ALIAS_PREFIX)) {
            // AWS creates an AWS managed key the first time its alias is used.
            String service = aliasName.substring(KeyIds.AWS_ALIAS_PREFIX.length());
            if (AwsManagedKeys.isKnown(service)) {
                createManaged(service, region);
                alias = aliases.get(aliasKey(region, aliasName));
            }
        }
        if (alias == null) {
            throw KmsErrors.aliasNotFound(KeyIds.aliasArn(region, account, aliasName));
        }
        return alias.targetKeyId();
    }

    synchronized Optional<KmsAlias> alias(String region, String name) {
        purgeExpired();
        return Optional.ofNullable(aliases.get(aliasKey(region, name)));
    }

    synchronized List<KmsAlias> aliases(String region) {
        purgeExpired();
        return aliases.values().stream().filter(a -> a.region().equals(region))
                .sorted(Comparator.comparing(KmsAlias::name)).toList();
    }

    synchronized KmsAlias putAlias(KmsAlias alias) {
        aliases.put(aliasKey(alias.region(), alias.name()), alias);
        storedAliases.put(aliasKey(alias.region(), alias.name()), alias);
        return alias;
    }

    synchronized void deleteAlias(KmsAlias alias) {
        aliases.remove(aliasKey(alias.region(), alias.name()));
        storedAliases.remove(aliasKey(alias.region(), alias.name()));
    }

    private KmsKey createManaged(String service, String region) {
        KmsKey key = create(region, AwsManagedKeys.description(service),
                KeyPolicies.awsManagedPolicy(service, region, account), Map.of(), "AWS");
        // AWS rotates its managed keys every year, and customers cannot change that.
        key = save(key.withRotation(true, DEFAULT_ROTATION_DAYS, now().plus(Duration.ofDays(DEFAULT_ROTATION_DAYS))));
        String name = KeyIds.AWS_ALIAS_PREFIX + service;
        putAlias(new KmsAlias(name, KeyIds.aliasArn(region, account, name), region, key.keyId(), now(), now()));
        return key;
    }

    private static String aliasKey(String region, String name) {
        return region + "|" + name;
    }

    // ---- encryption ----

    /** A blob of {@code plaintext} under the key's current material, bound to {@code context}. */
    synchronized byte[] seal(KmsKey key, byte[] plaintext, Map<String, String> context) {
        KeyMaterial material = materials.get(key.keyId());
        return Ciphertexts.seal(key.keyId(), material.currentVersion(), material.current(), plaintext, context);
    }

    /**
     * Opens a blob: finds its key from the header, checks the key may decrypt, and verifies the tag under the
     * material version the blob names. A blob of no key of this KMS, or that does not verify, is an
     * InvalidCiphertextException; one of a key in {@code region} only when {@code region} is not null.
     */
    synchronized Opened open(byte[] blob, Map<String, String> context, String region) {
        purgeExpired();
        Ciphertexts.Header header = Ciphertexts.header(blob).orElseThrow(KmsErrors::invalidCiphertext);
        KmsKey key = keys.get(header.keyId());
        KeyMaterial material = materials.get(header.keyId());
        if (key == null || material == null || (region != null && !key.region().equals(region))
                || header.materialVersion() < 0 || header.materialVersion() > material.currentVersion()) {
            throw KmsErrors.invalidCiphertext();
        }
        requireEnabled(key);
        byte[] plaintext = Ciphertexts.open(blob, material.versions().get(header.materialVersion()), context)
                .orElseThrow(KmsErrors::invalidCiphertext);
        return new Opened(key, plaintext);
    }

    /** A decrypted blob and the key that sealed it. */
    record Opened(KmsKey key, byte[] plaintext) {
        @Override
        public String toString() {
            return "Opened[" + key.arn() + "]";
        }
    }

    // ---- KeyRing, for services that encrypt with KMS in-process ----

    @Override
    public String keyArn(String keyId, String region) {
        return find(region, keyId, true).arn();
    }

    @Override
    public synchronized String awsManagedKeyArn(String service, String region) {
        String name = KeyIds.AWS_ALIAS_PREFIX + service;
        KmsAlias alias = aliases.get(aliasKey(region, name));
        if (alias != null && keys.containsKey(alias.targetKeyId())) {
            return keys.get(alias.targetKeyId()).arn();
        }
        return createManaged(service, region).arn();
    }

    @Override
    public synchronized Optional<String> keyPolicy(String keyArn) {
        purgeExpired();
        int slash = keyArn.lastIndexOf("key/");
        KmsKey key = slash < 0 ? null : keys.get(keyArn.substring(slash + 4));
        return key == null || !key.arn().equals(keyArn) ? Optional.empty() : Optional.of(key.policy());
    }

    @Override
    public byte[] encrypt(String keyId, byte[] plaintext, Map<String, String> encryptionContext, String region) {
        synchronized (this) {
            return seal(requireEnabled(find(region, keyId, true)), plaintext, encryptionContext);
        }
    }

    @Override
    public Plaintext decrypt(byte[] ciphertextBlob, Map<String, String> encryptionContext) {
        Opened opened = open(ciphertextBlob, encryptionContext, null);
        return new Plaintext(opened.key().arn(), opened.plaintext());
    }

    @Override
    public DataKey generateDataKey(String keyId, int bytes, Map<String, String> encryptionContext, String region) {
        if (bytes < 1 || bytes > 1024) {
            throw new IllegalArgumentException("A data key has 1 to 1024 bytes, not " + bytes);
        }
        synchronized (this) {
            KmsKey key = requireEnabled(find(region, keyId, true));
            byte[] plaintext = Ciphertexts.randomBytes(bytes);
            return new DataKey(key.arn(), plaintext, seal(key, plaintext, encryptionContext));
        }
    }

    /** Tags as a new ordered map: {@code added} replace equal keys in place, new ones go last. */
    static Map<String, String> merged(Map<String, String> tags, Map<String, String> added) {
        Map<String, String> all = new LinkedHashMap<>(tags);
        all.putAll(added);
        return all;
    }
}

package io.labrunner.emulator.kms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One KMS key's metadata, as DescribeKey shows it, with its policy, tags and rotation settings. Its key material
 * is kept apart ({@link KeyMaterial}) so that nothing which writes a key out can write the material with it.
 *
 * @param keyId                the key's UUID
 * @param arn                  {@code arn:aws:kms:<region>:<account>:key/<keyId>}
 * @param region               the region the key lives in: KMS keys are regional
 * @param description          the description, empty when none was given
 * @param keyUsage             {@code ENCRYPT_DECRYPT}
 * @param keySpec              {@code SYMMETRIC_DEFAULT}
 * @param keyState             {@code Enabled}, {@code Disabled} or {@code PendingDeletion}
 * @param creationDate         when it was created
 * @param deletionDate         when a key pending deletion is deleted, else null
 * @param pendingWindowInDays  the waiting period of a key pending deletion, else null
 * @param policy               the key policy document, as given (KMS hands it back byte for byte)
 * @param rotationEnabled      whether automatic rotation is on
 * @param rotationPeriodInDays the automatic rotation period, null while rotation was never enabled
 * @param nextRotationDate     when automatic rotation next makes new material, null while it is off
 * @param rotations            when the key's material was rotated, oldest first, with how
 * @param keyManager           {@code CUSTOMER}, or {@code AWS} for the {@code alias/aws/<service>} keys
 * @param tags                 tag keys to values, in the order they were added
 */
public record KmsKey(String keyId, String arn, String region, String description, String keyUsage, String keySpec,
                     String keyState, Instant creationDate, Instant deletionDate, Integer pendingWindowInDays,
                     String policy, boolean rotationEnabled, Integer rotationPeriodInDays, Instant nextRotationDate,
                     List<Rotation> rotations, String keyManager, Map<String, String> tags) {
    static final String ENABLED = "Enabled";
    static final String DISABLED = "Disabled";
    static final String PENDING_DELETION = "PendingDeletion";

    public KmsKey {
        rotations = rotations == null ? List.of() : List.copyOf(rotations);
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** One rotation of the key material. */
    public record Rotation(Instant date, String type) {
    }

    KmsKey withState(String state, Instant deletion, Integer window) {
        return new KmsKey(keyId, arn, region, description, keyUsage, keySpec, state, creationDate, deletion, window,
                policy, rotationEnabled, rotationPeriodInDays, nextRotationDate, rotations, keyManager, tags);
    }

    KmsKey withPolicy(String document) {
        return new KmsKey(keyId, arn, region, description, keyUsage, keySpec, keyState, creationDate, deletionDate,
                pendingWindowInDays, document, rotationEnabled, rotationPeriodInDays, nextRotationDate, rotations,
                keyManager, tags);
    }

    KmsKey withDescription(String text) {
        return new KmsKey(keyId, arn, region, text, keyUsage, keySpec, keyState, creationDate, deletionDate,
                pendingWindowInDays, policy, rotationEnabled, rotationPeriodInDays, nextRotationDate, rotations,
                keyManager, tags);
    }

    KmsKey withRotation(boolean enabled, Integer periodInDays, Instant next) {
        return new KmsKey(keyId, arn, region, description, keyUsage, keySpec, keyState, creationDate, deletionDate,
                pendingWindowInDays, policy, enabled, periodInDays, next, rotations, keyManager, tags);
    }

    KmsKey withRotated(Rotation rotation, Instant next) {
        List<Rotation> all = new ArrayList<>(rotations);
        all.add(rotation);
        return new KmsKey(keyId, arn, region, description, keyUsage, keySpec, keyState, creationDate, deletionDate,
                pendingWindowInDays, policy, rotationEnabled, rotationPeriodInDays, next, all, keyManager, tags);
    }

    KmsKey withTags(Map<String, String> newTags) {
        return new KmsKey(keyId, arn, region, description, keyUsage, keySpec, keyState, creationDate, deletionDate,
                pendingWindowInDays, policy, rotationEnabled, rotationPeriodInDays, nextRotationDate, rotations,
                keyManager, newTags);
    }
}

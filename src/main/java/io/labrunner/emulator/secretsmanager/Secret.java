package io.labrunner.emulator.secretsmanager;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A secret: its name and ARN, settings, tags, and its versions with their staging labels.
 *
 * @param arn            {@code arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 random characters>}
 * @param name           its name, unique in its region
 * @param region         its region
 * @param description    the description, or null
 * @param kmsKeyId       the KMS key the caller chose, as given; null for the AWS managed {@code aws/secretsmanager}
 * @param created        when it was created
 * @param lastChanged    when it last changed
 * @param lastAccessed   the day it was last read, or null
 * @param deletedDate    when DeleteSecret was called, or null
 * @param deletionDate   when a deleted secret is gone for good, or null
 * @param tags           tag keys to values, in the order added
 * @param resourcePolicy its resource policy, or null
 * @param versions       its versions by id, oldest first
 */
record Secret(String arn, String name, String region, String description, String kmsKeyId, Instant created,
              Instant lastChanged, Instant lastAccessed, Instant deletedDate, Instant deletionDate,
              Map<String, String> tags, String resourcePolicy, Map<String, SecretVersion> versions) {
    Secret {
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        versions = versions == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    }

    boolean deleted() {
        return deletedDate != null;
    }

    /** The version holding {@code stage}, if any. */
    java.util.Optional<SecretVersion> withStage(String stage) {
        return versions.values().stream().filter(v -> v.stages().contains(stage)).findFirst();
    }

    Map<String, List<String>> versionsToStages() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        versions.values().stream().filter(v -> !v.stages().isEmpty()).forEach(v -> out.put(v.versionId(), v.stages()));
        return out;
    }

    Secret with(String newDescription, String newKmsKeyId, Instant changed, Map<String, SecretVersion> newVersions) {
        return new Secret(arn, name, region, newDescription, newKmsKeyId, created, changed, lastAccessed, deletedDate,
                deletionDate, tags, resourcePolicy, newVersions);
    }

    Secret accessed(Instant day) {
        return new Secret(arn, name, region, description, kmsKeyId, created, lastChanged, day, deletedDate,
                deletionDate, tags, resourcePolicy, versions);
    }

    Secret deleted(Instant deleted, Instant gone) {
        return new Secret(arn, name, region, description, kmsKeyId, created, lastChanged, lastAccessed, deleted, gone,
                tags, resourcePolicy, versions);
    }

    Secret withTags(Map<String, String> newTags, Instant changed) {
        return new Secret(arn, name, region, description, kmsKeyId, created, changed, lastAccessed, deletedDate,
                deletionDate, newTags, resourcePolicy, versions);
    }

    Secret withPolicy(String policy, Instant changed) {
        return new Secret(arn, name, region, description, kmsKeyId, created, changed, lastAccessed, deletedDate,
                deletionDate, tags, policy, versions);
    }
}

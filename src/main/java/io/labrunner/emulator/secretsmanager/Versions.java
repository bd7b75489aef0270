package io.labrunner.emulator.secretsmanager;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How versions and staging labels change: a new version takes the labels it is given away from the others, and the
 * version that loses AWSCURRENT becomes AWSPREVIOUS (Secrets Manager User Guide, "Secret versions"). A version left
 * with no label is deprecated: kept, but listed only when asked for.
 */
final class Versions {
    static final String CURRENT = "AWSCURRENT";
    static final String PREVIOUS = "AWSPREVIOUS";

    private final SecretValues values;

    Versions(SecretValues values) {
        this.values = values;
    }

    /** A value to store: its bytes and whether it is SecretBinary. */
    record Value(byte[] bytes, boolean binary) {
        @Override
        public String toString() {
            return "Value[" + bytes.length + " bytes]";
        }
    }

    /** The value a request carries in SecretString or SecretBinary, or null when it carries none. */
    static Value value(Input input) {
        if (input.has("SecretString") && input.has("SecretBinary")) {
            throw SecretsErrors.bothValues();
        }
        if (input.has("SecretString")) {
            return new Value(input.text("SecretString").getBytes(StandardCharsets.UTF_8), false);
        }
        return input.has("SecretBinary") ? new Value(input.blob("SecretBinary"), true) : null;
    }

    /** A version id: the request's ClientRequestToken, or a new UUID as the SDKs would have sent. */
    static String versionId(Input input) {
        return input.text("ClientRequestToken") == null ? UUID.randomUUID().toString()
                : input.text("ClientRequestToken");
    }

    /**
     * The secret with a new version holding {@code stages}. A version of that id already there is the same request
     * again when its value is the same (nothing changes), and a conflict when it is not: versions are immutable.
     */
    Secret add(Secret secret, String versionId, Value value, List<String> stages, String keyArn,
            java.time.Instant now) {
        SecretVersion existing = secret.versions().get(versionId);
        if (existing != null) {
            byte[] stored = values.decrypt(secret.arn(), existing);
            if (existing.binary() == value.binary() && Arrays.equals(stored, value.bytes())) {
                return secret;
            }
            throw SecretsErrors.exists("You can't modify an existing version, you can only create a new version.");
        }
        byte[] ciphertext = values.encrypt(keyArn, secret.region(), secret.arn(), versionId, value.bytes());
        Map<String, SecretVersion> versions = new LinkedHashMap<>(secret.versions());
        versions.put(versionId, new SecretVersion(versionId, List.of(), now, value.binary(), keyArn,
                ciphertext));
        Secret added = secret.with(secret.description(), secret.kmsKeyId(), now, versions);
        for (String stage : stages) {
            added = move(added, stage, versionId);
        }
        return added;
    }

    /**
     * The secret with {@code stage} on {@code versionId} only (null: on none). Moving AWSCURRENT gives its old
     * version AWSPREVIOUS.
     */
    static Secret move(Secret secret, String stage, String versionId) {
        String oldHolder = secret.withStage(stage).map(SecretVersion::versionId).orElse(null);
        Map<String, SecretVersion> versions = new LinkedHashMap<>();
        for (SecretVersion version : secret.versions().values()) {
            List<String> stages = new ArrayList<>(version.stages());
            stages.remove(stage);
            if (version.versionId().equals(versionId)) {
                stages.add(stage);
            }
            versions.put(version.versionId(), version.withStages(stages));
        }
        Secret moved = secret.with(secret.description(), secret.kmsKeyId(), secret.lastChanged(), versions);
        if (CURRENT.equals(stage) && oldHolder != null && versionId != null && !oldHolder.equals(versionId)) {
            moved = move(moved, PREVIOUS, oldHolder);
        }
        return moved;
    }
}

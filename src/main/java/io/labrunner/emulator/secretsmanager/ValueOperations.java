package io.labrunner.emulator.secretsmanager;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A secret's values: reading one version, adding versions, moving staging labels, listing versions. */
final class ValueOperations {
    private final SecretStore store;
    private final SecretValues values;
    private final Versions versions;

    ValueOperations(SecretStore store, SecretValues values) {
        this.store = store;
        this.values = values;
        this.versions = new Versions(values);
    }

    Object getSecretValue(Input input, String region) {
        synchronized (store) {
            Secret secret = store.requireLive(region, input.text("SecretId"));
            String versionId = input.text("VersionId");
            String stage = input.text("VersionStage");
            SecretVersion version;
            if (versionId != null) {
                version = secret.versions().get(versionId);
                if (version == null) {
                    throw SecretsErrors.versionNotFound(versionId);
                }
                if (stage != null && !version.stages().contains(stage)) {
                    throw SecretsErrors.invalidRequest(
                            "You provided a VersionStage that is not associated to the provided VersionId.");
                }
            } else {
                String wanted = stage == null ? Versions.CURRENT : stage;
                version = secret.withStage(wanted).orElseThrow(() -> SecretsErrors.stageNotFound(wanted));
            }
            byte[] plaintext = values.decrypt(secret.arn(), version);
            // AWS keeps the day of the last read, not the moment: a write once a day at most.
            Instant day = store.now().truncatedTo(ChronoUnit.DAYS);
            if (!day.equals(secret.lastAccessed())) {
                store.save(secret.accessed(day));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ARN", secret.arn());
            out.put("Name", secret.name());
            out.put("VersionId", version.versionId());
            if (version.binary()) {
                out.put("SecretBinary", plaintext);
            } else {
                out.put("SecretString", new String(plaintext, StandardCharsets.UTF_8));
            }
            out.put("VersionStages", version.stages());
            out.put("CreatedDate", version.created());
            return out;
        }
    }

    Object putSecretValue(Input input, String region) {
        Versions.Value value = Versions.value(input);
        if (value == null) {
            throw SecretsErrors.invalidRequest("You must provide either SecretString or SecretBinary.");
        }
        List<String> stages = input.has("VersionStages") ? input.strings("VersionStages") : List.of(Versions.CURRENT);
        String versionId = Versions.versionId(input);
        synchronized (store) {
            Secret secret = store.requireLive(region, input.text("SecretId"));
            String keyArn = values.keyArn(secret.kmsKeyId(), region);
            Secret updated = store.save(versions.add(secret, versionId, value, stages, keyArn, store.now()));
            Map<String, Object> out = SecretViews.named(updated);
            out.put("VersionId", versionId);
            out.put("VersionStages", updated.versions().get(versionId).stages());
            return out;
        }
    }

    Object updateSecretVersionStage(Input input, String region) {
        String stage = input.text("VersionStage");
        String removeFrom = input.text("RemoveFromVersionId");
        String moveTo = input.text("MoveToVersionId");
        synchronized (store) {
            Secret secret = store.requireLive(region, input.text("SecretId"));
            String holder = secret.withStage(stage).map(SecretVersion::versionId).orElse(null);
            if (moveTo != null && !secret.versions().containsKey(moveTo)) {
                throw SecretsErrors.versionNotFound(moveTo);
            }
            if (removeFrom != null && !removeFrom.equals(holder)) {
                throw SecretsErrors.invalidParameter("The staging label " + stage
                        + " is not attached to the version " + removeFrom + ".");
            }
            if (holder != null && moveTo != null && !holder.equals(moveTo) && removeFrom == null) {
                throw SecretsErrors.invalidParameter("The parameter RemoveFromVersionId can't be empty. Staging label "
                        + stage + " is currently attached to version " + holder + ", so you must explicitly"
                        + " reference that version in RemoveFromVersionId.");
            }
            if (Versions.CURRENT.equals(stage) && moveTo == null) {
                throw SecretsErrors.invalidParameter("You can't remove the staging label AWSCURRENT from a version"
                        + " without moving it to another version.");
            }
            Secret moved = Versions.move(secret, stage, moveTo);
            store.save(moved.with(moved.description(), moved.kmsKeyId(), store.now(), moved.versions()));
            return SecretViews.named(moved);
        }
    }

    Object listSecretVersionIds(Input input, String region) {
        Secret secret = store.require(region, input.text("SecretId"));
        boolean deprecated = input.flag("IncludeDeprecated", false);
        List<Map<String, Object>> listed = secret.versions().values().stream()
                .filter(v -> deprecated || !v.stages().isEmpty())
                .map(v -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("VersionId", v.versionId());
                    entry.put("VersionStages", v.stages());
                    entry.put("CreatedDate", v.created());
                    entry.put("KmsKeyIds", List.of(v.kmsKeyArn()));
                    return entry;
                }).toList();
        Map<String, Object> out = Paging.page(input, listed, "Versions");
        out.putAll(SecretViews.named(secret));
        return out;
    }
}

package io.labrunner.emulator.secretsmanager;

import io.labrunner.emulator.iam.policy.MalformedPolicyException;
import io.labrunner.emulator.iam.policy.PolicyDocument;
import io.labrunner.emulator.iam.policy.PolicyKind;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Secrets themselves: creating, describing, listing, updating, deleting and restoring them, tags and policies. */
final class SecretOperations {
    /** Secret names: ASCII letters, digits and {@code /_+=.@-} (CreateSecret's Name documentation). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_+=.@\\-]+");
    private static final long DEFAULT_RECOVERY_DAYS = 30;

    private final SecretStore store;
    private final SecretValues values;
    private final Versions versions;

    SecretOperations(SecretStore store, SecretValues values) {
        this.store = store;
        this.values = values;
        this.versions = new Versions(values);
    }

    Object createSecret(Input input, String region) {
        String name = input.text("Name");
        if (!NAME.matcher(name).matches()) {
            throw SecretsErrors.invalidParameter("Invalid name. Must be a valid name containing alphanumeric"
                    + " characters, or any of the following: -/_+=.@!");
        }
        Versions.Value value = Versions.value(input);
        String versionId = Versions.versionId(input);
        synchronized (store) {
            var existing = store.find(region, name);
            if (existing.isPresent()) {
                Secret secret = existing.get();
                if (secret.deleted()) {
                    throw SecretsErrors.invalidRequest("You can't create this secret because a secret with this name"
                            + " is already scheduled for deletion.");
                }
                // The same CreateSecret again (same ClientRequestToken, same value) is answered, not refused.
                if (value != null && secret.versions().containsKey(versionId)) {
                    versions.add(secret, versionId, value, List.of(Versions.CURRENT),
                            secret.versions().get(versionId).kmsKeyArn(), store.now());
                    return created(secret, versionId);
                }
                throw SecretsErrors.exists("The operation failed because the secret " + name + " already exists.");
            }
            String kmsKeyId = input.text("KmsKeyId") == null || input.text("KmsKeyId").isEmpty() ? null
                    : input.text("KmsKeyId");
            String keyArn = values.keyArn(kmsKeyId, region);
            Instant now = store.now();
            Secret secret = new Secret(store.newArn(region, name), name, region, input.text("Description"), kmsKeyId,
                    now, now, null, null, null, input.tags("Tags"), null, Map.of());
            if (value != null) {
                secret = versions.add(secret, versionId, value, List.of(Versions.CURRENT), keyArn, now);
            }
            store.save(secret);
            return created(secret, value == null ? null : versionId);
        }
    }

    private static Map<String, Object> created(Secret secret, String versionId) {
        Map<String, Object> out = SecretViews.named(secret);
        out.put("VersionId", versionId);
        return out;
    }

    Object describeSecret(Input input, String region) {
        return SecretViews.describe(store.require(region, input.text("SecretId")), "VersionIdsToStages");
    }

    Object listSecrets(Input input, String region) {
        boolean planned = input.flag("IncludePlannedDeletion", false);
        List<Secret> matching = store.list(region).stream()
                .filter(s -> planned || !s.deleted())
                .filter(s -> SecretFilters.matches(input.node().path("Filters"), s)).toList();
        if ("desc".equals(input.text("SortOrder"))) {
            matching = new java.util.ArrayList<>(matching);
            java.util.Collections.reverse(matching);
        }
        List<Map<String, Object>> entries = matching.stream()
                .map(s -> SecretViews.describe(s, "SecretVersionsToStages")).toList();
        return Paging.page(input, entries, "SecretList");
    }

    Object updateSecret(Input input, String region) {
        Versions.Value value = Versions.value(input);
        String versionId = Versions.versionId(input);
        synchronized (store) {
            Secret secret = store.requireLive(region, input.text("SecretId"));
            String kmsKeyId = input.has("KmsKeyId") ? (input.text("KmsKeyId").isEmpty() ? null
                    : input.text("KmsKeyId")) : secret.kmsKeyId();
            String keyArn = values.keyArn(kmsKeyId, region);
            String description = input.has("Description") ? input.text("Description") : secret.description();
            Secret updated = secret.with(description, kmsKeyId, store.now(), secret.versions());
            if (value != null) {
                updated = versions.add(updated, versionId, value, List.of(Versions.CURRENT), keyArn, store.now());
            }
            store.save(updated);
            return created(updated, value == null ? null : versionId);
        }
    }

    Object deleteSecret(Input input, String region) {
        boolean force = input.flag("ForceDeleteWithoutRecovery", false);
        Long window = input.number("RecoveryWindowInDays");
        if (force && window != null) {
            throw SecretsErrors.invalidParameter("You can't use ForceDeleteWithoutRecovery in conjunction with"
                    + " RecoveryWindowInDays.");
        }
        if (window != null && (window < 7 || window > 30)) {
            throw SecretsErrors.invalidParameter("The RecoveryWindowInDays value must be between 7 and 30 days"
                    + " (inclusive).");
        }
        synchronized (store) {
            Secret secret = store.require(region, input.text("SecretId"));
            Instant now = store.now();
            if (force) {
                store.remove(secret);
                return deleted(secret, now);
            }
            if (secret.deleted()) {
                throw SecretsErrors.markedForDeletion();
            }
            Instant gone = now.plus(Duration.ofDays(window == null ? DEFAULT_RECOVERY_DAYS : window));
            store.save(secret.deleted(now, gone));
            return deleted(secret, gone);
        }
    }

    private static Map<String, Object> deleted(Secret secret, Instant deletionDate) {
        Map<String, Object> out = SecretViews.named(secret);
        out.put("DeletionDate", deletionDate);
        return out;
    }

    Object restoreSecret(Input input, String region) {
        synchronized (store) {
            Secret secret = store.require(region, input.text("SecretId"));
            store.save(secret.deleted(null, null));
            return SecretViews.named(secret);
        }
    }

    Object tagResource(Input input, String region) {
        synchronized (store) {
            Secret secret = store.requireLive(region, input.text("SecretId"));
            Map<String, String> tags = new LinkedHashMap<>(secret.tags());
            input.tags("Tags").forEach((k, v) -> {
                if (k.toLowerCase(Locale.ROOT).startsWith("aws:")) {
                    throw SecretsErrors.invalidParameter("Invalid tag key: tag keys starting with aws: are reserved.");
                }
                tags.put(k, v);
            });
            store.save(secret.withTags(tags, store.now()));
        }
        return null;
    }

    Object untagResource(Input input, String region) {
        synchronized (store) {
            Secret secret = store.requireLive(region, input.text("SecretId"));
            Map<String, String> tags = new LinkedHashMap<>(secret.tags());
            input.strings("TagKeys").forEach(tags::remove);
            store.save(secret.withTags(tags, store.now()));
        }
        return null;
    }

    Object putResourcePolicy(Input input, String region) {
        String policy = input.text("ResourcePolicy");
        try {
            PolicyDocument.parse(policy, PolicyKind.RESOURCE);
        } catch (MalformedPolicyException e) {
            throw SecretsErrors.malformedPolicy(e.getMessage());
        }
        synchronized (store) {
            Secret secret = store.requireLive(region, input.text("SecretId"));
            store.save(secret.withPolicy(policy, store.now()));
            return SecretViews.named(secret);
        }
    }

    Object getResourcePolicy(Input input, String region) {
        Secret secret = store.requireLive(region, input.text("SecretId"));
        Map<String, Object> out = SecretViews.named(secret);
        out.put("ResourcePolicy", secret.resourcePolicy());
        return out;
    }

    Object deleteResourcePolicy(Input input, String region) {
        synchronized (store) {
            Secret secret = store.requireLive(region, input.text("SecretId"));
            store.save(secret.withPolicy(null, store.now()));
            return SecretViews.named(secret);
        }
    }
}

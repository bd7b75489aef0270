package io.labrunner.emulator.kms;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operations on keys themselves: creation, description and listing, enabling, deletion with its waiting period,
 * policies, rotation and tags. Which key states each accepts follows the KMS Developer Guide's "Key states of AWS KMS
 * keys" table: https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html
 */
final class KeyOperations {
    private static final String DEFAULT_POLICY_NAME = "default";
    /** RotateKeyOnDemand: "You can perform on-demand rotation up to 10 times per KMS key". */
    private static final int ON_DEMAND_ROTATIONS = 10;

    private final KmsKeys keys;

    KeyOperations(KmsKeys keys) {
        this.keys = keys;
    }

    Object createKey(Input input, String region) {
        String spec = input.text("KeySpec") != null ? input.text("KeySpec")
                : input.text("CustomerMasterKeySpec") != null ? input.text("CustomerMasterKeySpec") : "SYMMETRIC_DEFAULT";
        String usage = input.text("KeyUsage") == null ? "ENCRYPT_DECRYPT" : input.text("KeyUsage");
        if (!"SYMMETRIC_DEFAULT".equals(spec)) {
            throw KmsErrors.unsupported("KeySpec " + spec + " is not supported by the embedded emulator, which serves"
                    + " symmetric encryption keys (SYMMETRIC_DEFAULT) only; run this against --target localstack or a"
                    + " real account.");
        }
        if (!"ENCRYPT_DECRYPT".equals(usage)) {
            throw KmsErrors.validation("KeyUsage " + usage + " is not compatible with KeySpec SYMMETRIC_DEFAULT");
        }
        String origin = input.text("Origin");
        if (origin != null && !"AWS_KMS".equals(origin) || input.text("CustomKeyStoreId") != null) {
            throw KmsErrors.unsupported("The embedded emulator creates keys with Origin AWS_KMS only (no imported key"
                    + " material, no custom key stores); run this against --target localstack or a real account.");
        }
        if (input.node().path("MultiRegion").asBoolean(false)) {
            throw KmsErrors.unsupported("The embedded emulator does not create multi-Region keys; run this against"
                    + " --target localstack or a real account.");
        }
        String policy = input.text("Policy");
        if (policy != null) {
            KeyPolicies.check(policy);
        }
        Map<String, String> tags = checkedTags(input.tags("Tags"));
        String description = input.text("Description") == null ? "" : input.text("Description");
        KmsKey key = keys.create(region, description, policy, tags, "CUSTOMER");
        return Map.of("KeyMetadata", KeyViews.metadata(key, keys.account()));
    }

    Object describeKey(Input input, String region) {
        return Map.of("KeyMetadata", KeyViews.metadata(keys.find(region, input.text("KeyId"), true), keys.account()));
    }

    Object listKeys(Input input, String region) {
        List<Map<String, String>> entries = keys.list(region).stream()
                .map(k -> Map.of("KeyId", k.keyId(), "KeyArn", k.arn())).toList();
        return Pages.page(input, entries, "Keys", 100);
    }

    Object enableKey(Input input, String region) {
        synchronized (keys) {
            KmsKey key = KmsKeys.requireNotPendingDeletion(keys.find(region, input.text("KeyId"), false));
            keys.save(key.withState(KmsKey.ENABLED, null, null));
        }
        return null;
    }

    Object disableKey(Input input, String region) {
        synchronized (keys) {
            KmsKey key = KmsKeys.requireNotPendingDeletion(keys.find(region, input.text("KeyId"), false));
            keys.save(key.withState(KmsKey.DISABLED, null, null));
        }
        return null;
    }

    Object scheduleKeyDeletion(Input input, String region) {
        int days = input.integer("PendingWindowInDays") == null ? KmsKeys.DEFAULT_PENDING_WINDOW_DAYS
                : input.integer("PendingWindowInDays");
        // The model allows 1 to 365; KMS itself takes 7 to 30 days.
        if (days < 7 || days > 30) {
            throw KmsErrors.validation("PendingWindowInDays should be between 7 and 30, but it is " + days);
        }
        synchronized (keys) {
            KmsKey key = KmsKeys.requireNotPendingDeletion(keys.find(region, input.text("KeyId"), false));
            KmsKey scheduled = keys.scheduleDeletion(key, days);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("KeyId", scheduled.arn());
            out.put("DeletionDate", scheduled.deletionDate());
            out.put("KeyState", scheduled.keyState());
            out.put("PendingWindowInDays", days);
            return out;
        }
    }

    Object cancelKeyDeletion(Input input, String region) {
        synchronized (keys) {
            KmsKey key = keys.find(region, input.text("KeyId"), false);
            if (KmsKey.DISABLED.equals(key.keyState())) {
                throw KmsErrors.disabled(key.arn());
            }
            if (!KmsKey.PENDING_DELETION.equals(key.keyState())) {
                throw KmsErrors.wrongState(key.arn(), key.keyState());
            }
            return Map.of("KeyId", keys.cancelDeletion(key).arn());
        }
    }

    Object updateKeyDescription(Input input, String region) {
        synchronized (keys) {
            KmsKey key = KmsKeys.requireNotPendingDeletion(keys.find(region, input.text("KeyId"), false));
            keys.save(key.withDescription(input.text("Description")));
        }
        return null;
    }

    Object getKeyPolicy(Input input, String region) {
        KmsKey key = keys.find(region, input.text("KeyId"), false);
        String name = policyName(input);
        return Map.of("Policy", key.policy(), "PolicyName", name);
    }

    Object putKeyPolicy(Input input, String region) {
        String policy = input.text("Policy");
        synchronized (keys) {
            KmsKey key = keys.find(region, input.text("KeyId"), false);
            policyName(input);
            KeyPolicies.check(policy);
            keys.save(key.withPolicy(policy));
        }
        return null;
    }

    Object listKeyPolicies(Input input, String region) {
        keys.find(region, input.text("KeyId"), false);
        return Pages.page(input, List.of(DEFAULT_POLICY_NAME), "PolicyNames", 100);
    }

    private static String policyName(Input input) {
        String name = input.text("PolicyName") == null ? DEFAULT_POLICY_NAME : input.text("PolicyName");
        if (!DEFAULT_POLICY_NAME.equals(name)) {
            throw new io.labrunner.emulator.AwsException("NotFoundException", "No such policy exists", 400);
        }
        return name;
    }

    Object enableKeyRotation(Input input, String region) {
        int period = input.integer("RotationPeriodInDays") == null ? KmsKeys.DEFAULT_ROTATION_DAYS
                : input.integer("RotationPeriodInDays");
        synchronized (keys) {
            KmsKey key = KmsKeys.requireEnabled(keys.find(region, input.text("KeyId"), false));
            keys.save(key.withRotation(true, period, keys.now().plus(Duration.ofDays(period))));
        }
        return null;
    }

    Object disableKeyRotation(Input input, String region) {
        synchronized (keys) {
            KmsKey key = KmsKeys.requireEnabled(keys.find(region, input.text("KeyId"), false));
            keys.save(key.withRotation(false, key.rotationPeriodInDays(), null));
        }
        return null;
    }

    Object getKeyRotationStatus(Input input, String region) {
        KmsKey key = keys.find(region, input.text("KeyId"), false);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("KeyRotationEnabled", key.rotationEnabled());
        out.put("KeyId", key.arn());
        if (key.rotationEnabled()) {
            out.put("RotationPeriodInDays", key.rotationPeriodInDays());
            out.put("NextRotationDate", key.nextRotationDate());
        }
        return out;
    }

    Object rotateKeyOnDemand(Input input, String region) {
        synchronized (keys) {
            KmsKey key = KmsKeys.requireEnabled(keys.find(region, input.text("KeyId"), false));
            long onDemand = key.rotations().stream().filter(r -> "ON_DEMAND".equals(r.type())).count();
            if (onDemand >= ON_DEMAND_ROTATIONS) {
                throw KmsErrors.limitExceeded("The on-demand rotations limit has been reached for the given KMS key: "
                        + key.arn());
            }
            return Map.of("KeyId", keys.rotate(key, "ON_DEMAND").arn());
        }
    }

    Object listKeyRotations(Input input, String region) {
        KmsKey key = keys.find(region, input.text("KeyId"), false);
        List<Map<String, Object>> rotations = key.rotations().stream().map(r -> Map.<String, Object>of(
                "KeyId", key.arn(), "RotationDate", r.date(), "RotationType", r.type())).toList();
        return Pages.page(input, rotations, "Rotations", 100);
    }

    Object tagResource(Input input, String region) {
        Map<String, String> added = checkedTags(input.tags("Tags"));
        synchronized (keys) {
            KmsKey key = KmsKeys.requireNotPendingDeletion(keys.find(region, input.text("KeyId"), false));
            keys.save(key.withTags(KmsKeys.merged(key.tags(), added)));
        }
        return null;
    }

    Object untagResource(Input input, String region) {
        synchronized (keys) {
            KmsKey key = KmsKeys.requireNotPendingDeletion(keys.find(region, input.text("KeyId"), false));
            Map<String, String> kept = new LinkedHashMap<>(key.tags());
            input.node().path("TagKeys").forEach(k -> kept.remove(k.asText()));
            keys.save(key.withTags(kept));
        }
        return null;
    }

    Object listResourceTags(Input input, String region) {
        KmsKey key = keys.find(region, input.text("KeyId"), false);
        return Pages.page(input, KeyViews.tags(key.tags()), "Tags", 50);
    }

    /** Tags as KMS takes them: keys beginning with {@code aws:} are AWS's own. */
    private static Map<String, String> checkedTags(Map<String, String> tags) {
        for (String key : tags.keySet()) {
            if (key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
                throw KmsErrors.tag("Tags beginning with aws: are reserved");
            }
        }
        return tags;
    }
}

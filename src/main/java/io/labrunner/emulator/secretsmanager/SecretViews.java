package io.labrunner.emulator.secretsmanager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How Secrets Manager's responses show a secret: DescribeSecret and ListSecrets' entries. Never its value. */
final class SecretViews {
    private SecretViews() {
    }

    static Map<String, Object> describe(Secret secret, String versionsMember) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ARN", secret.arn());
        out.put("Name", secret.name());
        out.put("Description", secret.description());
        out.put("KmsKeyId", secret.kmsKeyId());
        out.put("RotationEnabled", false);
        out.put("LastChangedDate", secret.lastChanged());
        out.put("LastAccessedDate", secret.lastAccessed());
        out.put("DeletedDate", secret.deletedDate());
        out.put("Tags", secret.tags().isEmpty() ? null : tags(secret.tags()));
        out.put(versionsMember, secret.versionsToStages());
        out.put("CreatedDate", secret.created());
        return out;
    }

    static List<Map<String, String>> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Map.of("Key", e.getKey(), "Value", e.getValue())).toList();
    }

    static Map<String, Object> named(Secret secret) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ARN", secret.arn());
        out.put("Name", secret.name());
        return out;
    }
}

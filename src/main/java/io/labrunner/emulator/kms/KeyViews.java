package io.labrunner.emulator.kms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How KMS's responses show keys and aliases: DescribeKey's KeyMetadata and ListAliases' entries. */
final class KeyViews {
    private KeyViews() {
    }

    static Map<String, Object> metadata(KmsKey key, String account) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("AWSAccountId", account);
        out.put("KeyId", key.keyId());
        out.put("Arn", key.arn());
        out.put("CreationDate", key.creationDate());
        out.put("Enabled", KmsKey.ENABLED.equals(key.keyState()));
        out.put("Description", key.description());
        out.put("KeyUsage", key.keyUsage());
        out.put("KeyState", key.keyState());
        out.put("DeletionDate", key.deletionDate());
        out.put("Origin", "AWS_KMS");
        out.put("KeyManager", key.keyManager());
        out.put("CustomerMasterKeySpec", key.keySpec());
        out.put("KeySpec", key.keySpec());
        out.put("EncryptionAlgorithms", List.of("SYMMETRIC_DEFAULT"));
        out.put("MultiRegion", false);
        out.put("PendingDeletionWindowInDays", key.pendingWindowInDays());
        return out;
    }

    static Map<String, Object> alias(KmsAlias alias) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("AliasName", alias.name());
        out.put("AliasArn", alias.arn());
        out.put("TargetKeyId", alias.targetKeyId());
        out.put("CreationDate", alias.creationDate());
        out.put("LastUpdatedDate", alias.lastUpdatedDate());
        return out;
    }

    static List<Map<String, String>> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Map.of("TagKey", e.getKey(), "TagValue", e.getValue())).toList();
    }
}

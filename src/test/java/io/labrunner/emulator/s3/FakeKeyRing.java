package io.labrunner.emulator.s3;

import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.kms.KeyRing;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A KeyRing for S3's tests, standing in for the emulator's KMS: keys with ids, aliases, policies and an
 * enabled flag, failing with KMS's own error codes. It encrypts nothing; S3 only needs keys resolved, data keys
 * asked for and policies read.
 */
public final class FakeKeyRing implements KeyRing {
    private static final String ACCOUNT = "000000000000";
    /** KMS's default key policy: the account's IAM policies decide (AWS KMS Developer Guide, "Default key policy"). */
    public static final String DEFAULT_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Enable IAM"
            + " User Permissions\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT
            + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";

    private final Map<String, String> policies = new ConcurrentHashMap<>();
    private final Map<String, Boolean> enabled = new ConcurrentHashMap<>();
    private final Map<String, String> aliases = new ConcurrentHashMap<>();
    /** How many data keys were asked for, so tests see S3 asked. */
    private final Map<String, Integer> dataKeys = new ConcurrentHashMap<>();

    /** Creates a key with the default policy and the alias {@code alias/<alias>}; returns its ARN. */
    public String createKey(String alias, String region) {
        String arn = "arn:aws:kms:" + region + ":" + ACCOUNT + ":key/" + UUID.randomUUID();
        policies.put(arn, DEFAULT_POLICY);
        enabled.put(arn, true);
        aliases.put("alias/" + alias, arn);
        return arn;
    }

    public void setPolicy(String keyArn, String policy) {
        policies.put(keyArn, policy);
    }

    public void disable(String keyArn) {
        enabled.put(keyArn, false);
    }

    public int dataKeysFor(String keyArn) {
        return dataKeys.getOrDefault(keyArn, 0);
    }

    @Override
    public String keyArn(String keyId, String region) {
        String prefix = "arn:aws:kms:" + region + ":" + ACCOUNT + ":";
        String arn = keyId.startsWith("alias/") ? aliases.get(keyId)
                : keyId.startsWith(prefix + "alias/") ? aliases.get(keyId.substring(prefix.length()))
                : keyId.startsWith("arn:") ? keyId : prefix + "key/" + keyId;
        if (arn == null || !policies.containsKey(arn)) {
            throw new AwsException("NotFoundException", keyId.contains("alias/")
                    ? "Alias " + (keyId.startsWith("arn:") ? keyId : prefix + keyId) + " is not found."
                    : "Key '" + (arn == null ? keyId : arn) + "' does not exist", 400);
        }
        return arn;
    }

    @Override
    public String awsManagedKeyArn(String service, String region) {
        String alias = "alias/aws/" + service;
        return aliases.computeIfAbsent(alias, a -> {
            String arn = "arn:aws:kms:" + region + ":" + ACCOUNT + ":key/" + UUID.randomUUID();
            policies.put(arn, DEFAULT_POLICY);
            enabled.put(arn, true);
            return arn;
        });
    }

    @Override
    public Optional<String> keyPolicy(String keyArn) {
        return Optional.ofNullable(policies.get(keyArn));
    }

    @Override
    public byte[] encrypt(String keyId, byte[] plaintext, Map<String, String> encryptionContext, String region) {
        throw new UnsupportedOperationException("S3 never encrypts bytes with the key itself");
    }

    @Override
    public Plaintext decrypt(byte[] ciphertextBlob, Map<String, String> encryptionContext) {
        throw new UnsupportedOperationException("S3 never decrypts a blob here");
    }

    @Override
    public DataKey generateDataKey(String keyId, int bytes, Map<String, String> encryptionContext, String region) {
        String arn = keyArn(keyId, region);
        if (!enabled.get(arn)) {
            throw new AwsException("DisabledException", arn + " is disabled.", 400);
        }
        dataKeys.merge(arn, 1, Integer::sum);
        return new DataKey(arn, new byte[bytes], new byte[bytes + 16]);
    }
}

package io.labrunner.emulator.secretsmanager;

import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.kms.KeyRing;
import java.util.Map;

/**
 * Encrypts and decrypts secret values with the emulator's KMS, under the encryption context Secrets Manager uses
 * ({@code SecretARN} and {@code SecretVersionId}), so a value is never on disk in plaintext and a blob moved to
 * another secret or version does not open.
 */
final class SecretValues {
    private static final String SERVICE = "secretsmanager";

    private final KeyRing keyRing;

    SecretValues(KeyRing keyRing) {
        this.keyRing = keyRing;
    }

    /** The ARN of the key new versions of a secret are encrypted under: the chosen one, else aws/secretsmanager. */
    String keyArn(String kmsKeyId, String region) {
        try {
            return kmsKeyId == null || kmsKeyId.isEmpty() ? keyRing.awsManagedKeyArn(SERVICE, region)
                    : keyRing.keyArn(kmsKeyId, region);
        } catch (AwsException e) {
            throw SecretsErrors.encryptionFailure();
        }
    }

    byte[] encrypt(String keyArn, String region, String secretArn, String versionId, byte[] value) {
        try {
            return keyRing.encrypt(keyArn, value, context(secretArn, versionId), region);
        } catch (AwsException e) {
            throw SecretsErrors.encryptionFailure();
        }
    }

    byte[] decrypt(String secretArn, SecretVersion version) {
        try {
            return keyRing.decrypt(version.ciphertext(), context(secretArn, version.versionId())).plaintext();
        } catch (AwsException e) {
            throw SecretsErrors.decryptionFailure();
        }
    }

    private static Map<String, String> context(String secretArn, String versionId) {
        return Map.of("SecretARN", secretArn, "SecretVersionId", versionId);
    }
}

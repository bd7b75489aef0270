package io.labrunner.emulator.kms;

import java.util.Map;
import java.util.Optional;

/**
 * The emulator's KMS keys as other services use them in-process: S3 encrypting objects under a bucket's key,
 * Secrets Manager encrypting secret values. Failures are KMS's own errors ({@code NotFoundException},
 * {@code DisabledException}, {@code KMSInvalidStateException}, {@code InvalidCiphertextException}) as
 * {@link io.labrunner.emulator.AwsException}s, for the calling service to pass on or translate.
 */
public interface KeyRing {

    /** The ARN of the key named by a key id, key ARN, alias name ({@code alias/x}) or alias ARN. */
    String keyArn(String keyId, String region);

    /** The ARN of the AWS managed key {@code alias/aws/<service>}, created on first use as AWS does. */
    String awsManagedKeyArn(String service, String region);

    /** The key's policy document, if the key exists. */
    Optional<String> keyPolicy(String keyArn);

    /** A ciphertext blob that carries the key's id, authenticated with the encryption context. */
    byte[] encrypt(String keyId, byte[] plaintext, Map<String, String> encryptionContext, String region);

    /** The plaintext of a blob from {@link #encrypt} or {@link #generateDataKey}, and the key that made it. */
    Plaintext decrypt(byte[] ciphertextBlob, Map<String, String> encryptionContext);

    /** A fresh data key of {@code bytes} bytes, in plaintext and encrypted under the key. */
    DataKey generateDataKey(String keyId, int bytes, Map<String, String> encryptionContext, String region);

    /** A decrypted plaintext. */
    record Plaintext(String keyArn, byte[] plaintext) {
    }

    /** A data key in both forms. */
    record DataKey(String keyArn, byte[] plaintext, byte[] ciphertextBlob) {
    }
}

package io.labrunner.emulator.kms;

import io.labrunner.emulator.AwsException;

/**
 * KMS's errors in KMS's words (KMS API Reference, each operation's "Errors"; the messages as AWS sends them,
 * recorded by LocalStack's and moto's tests against AWS). All are 400s: KMS blames the caller for each.
 */
public final class KmsErrors {
    private KmsErrors() {
    }

    /** A key id, key ARN, alias name or alias ARN of no key of this account and region. */
    static AwsException keyNotFound(String keyArn) {
        return new AwsException("NotFoundException", "Key '" + keyArn + "' does not exist", 400);
    }

    static AwsException aliasNotFound(String aliasArn) {
        return new AwsException("NotFoundException", "Alias " + aliasArn + " is not found.", 400);
    }

    /** A key identifier that is neither a key id, a key ARN, an alias name nor an alias ARN. */
    static AwsException invalidKeyId(String keyId) {
        return new AwsException("NotFoundException", "Invalid keyId " + keyId, 400);
    }

    /** A key ARN of another region: KMS keys are regional. */
    static AwsException invalidArnRegion(String region) {
        return new AwsException("NotFoundException", "Invalid arn " + region, 400);
    }

    static AwsException disabled(String keyArn) {
        return new AwsException("DisabledException", keyArn + " is disabled.", 400);
    }

    static AwsException pendingDeletion(String keyArn) {
        return new AwsException("KMSInvalidStateException", keyArn + " is pending deletion.", 400);
    }

    /** An operation that needs a key in another state, e.g. CancelKeyDeletion on an enabled key. */
    static AwsException wrongState(String keyArn, String state) {
        return new AwsException("KMSInvalidStateException", keyArn + " is " + state.toLowerCase(java.util.Locale.ROOT)
                + ", but the operation doesn't support such a state", 400);
    }

    /**
     * A blob this KMS did not make, made under another key's material, tampered with, or decrypted with another
     * encryption context. AWS says no more than the code: its response has no message, so that a caller learns
     * nothing about which part was wrong.
     */
    public static AwsException invalidCiphertext() {
        return new AwsException("InvalidCiphertextException", null, 400);
    }

    /** Decrypt's KeyId names another key than the one the blob was encrypted under. */
    static AwsException incorrectKey() {
        return new AwsException("IncorrectKeyException",
                "The key ID in the request does not identify a CMK that can perform this operation.", 400);
    }

    static AwsException validation(String message) {
        return new AwsException("ValidationException", message, 400);
    }

    static AwsException alreadyExists(String message) {
        return new AwsException("AlreadyExistsException", message, 400);
    }

    static AwsException malformedPolicy(String message) {
        return new AwsException("MalformedPolicyDocumentException", message, 400);
    }

    static AwsException unsupported(String message) {
        return new AwsException("UnsupportedOperationException", message, 400);
    }

    static AwsException tag(String message) {
        return new AwsException("TagException", message, 400);
    }

    static AwsException limitExceeded(String message) {
        return new AwsException("LimitExceededException", message, 400);
    }
}

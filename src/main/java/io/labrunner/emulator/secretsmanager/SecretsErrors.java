package io.labrunner.emulator.secretsmanager;

import io.labrunner.emulator.AwsException;

/** Secrets Manager's errors in its own words (Secrets Manager API Reference, each operation's "Errors"). */
final class SecretsErrors {
    private SecretsErrors() {
    }

    static AwsException secretNotFound() {
        return new AwsException("ResourceNotFoundException", "Secrets Manager can't find the specified secret.", 400);
    }

    static AwsException versionNotFound(String versionId) {
        return new AwsException("ResourceNotFoundException",
                "Secrets Manager can't find the specified secret value for VersionId: " + versionId, 400);
    }

    static AwsException stageNotFound(String stage) {
        return new AwsException("ResourceNotFoundException",
                "Secrets Manager can't find the specified secret value for staging label: " + stage, 400);
    }

    static AwsException markedForDeletion() {
        return invalidRequest("You can't perform this operation on the secret because it was marked for deletion.");
    }

    static AwsException invalidRequest(String message) {
        return new AwsException("InvalidRequestException", message, 400);
    }

    static AwsException invalidParameter(String message) {
        return new AwsException("InvalidParameterException", message, 400);
    }

    static AwsException exists(String message) {
        return new AwsException("ResourceExistsException", message, 400);
    }

    static AwsException bothValues() {
        return invalidParameter("You can't specify both a binary secret value and a string secret value in the same"
                + " secret.");
    }

    /** A KMS key that cannot encrypt: missing, disabled or pending deletion (the EncryptionFailure documentation). */
    static AwsException encryptionFailure() {
        return new AwsException("EncryptionFailure", "Secrets Manager can't encrypt the protected secret text using"
                + " the provided KMS key. Check that the KMS key is available, enabled, and not in an invalid state.",
                400);
    }

    static AwsException decryptionFailure() {
        return new AwsException("DecryptionFailure", "Secrets Manager can't decrypt the protected secret text using"
                + " the provided KMS key.", 400);
    }

    static AwsException malformedPolicy(String message) {
        return new AwsException("MalformedPolicyDocumentException", message, 400);
    }
}

package io.labrunner.emulator.secretsmanager;

import java.time.Instant;
import java.util.List;

/**
 * One version of a secret's value, stored only encrypted.
 *
 * @param versionId  the version's id (a ClientRequestToken, or a UUID)
 * @param stages     its staging labels (AWSCURRENT, AWSPREVIOUS, AWSPENDING or the caller's own); none = deprecated
 * @param created    when it was made
 * @param binary     whether the value is SecretBinary (else SecretString)
 * @param kmsKeyArn  the KMS key that encrypted it
 * @param ciphertext the value, encrypted with KMS under context {SecretARN, SecretVersionId}, as AWS does
 */
record SecretVersion(String versionId, List<String> stages, Instant created, boolean binary, String kmsKeyArn,
                     byte[] ciphertext) {
    SecretVersion {
        stages = List.copyOf(stages);
    }

    SecretVersion withStages(List<String> newStages) {
        return new SecretVersion(versionId, newStages, created, binary, kmsKeyArn, ciphertext);
    }

    @Override
    public String toString() {
        return "SecretVersion[" + versionId + " " + stages + "]";
    }
}

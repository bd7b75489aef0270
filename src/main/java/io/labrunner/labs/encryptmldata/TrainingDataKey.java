package io.labrunner.labs.encryptmldata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * The customer managed KMS key that protects the training data and the database password: a
 * symmetric key (AES-256 inside KMS, never leaving it), a key policy that says who may manage and
 * use it, yearly automatic rotation, and an alias so that people and code can name it.
 */
final class TrainingDataKey {
    private TrainingDataKey() {
    }

    /**
     * The key policy. Without a policy, KMS writes the default one: the account may manage and use
     * the key through IAM policies (the first statement). The second lets every principal of this
     * account use the key, but only through S3 and Secrets Manager (in any region), as the AWS
     * managed keys {@code aws/s3} and {@code aws/secretsmanager} do: nobody can call kms:Decrypt on
     * the key directly on the strength of this statement
     * (https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service).
     */
    static String policy(String account) {
        return """
                {"Version": "2012-10-17",
                 "Id": "training-data-key",
                 "Statement": [
                  {"Sid": "AccountAdministersTheKeyThroughIam",
                   "Effect": "Allow",
                   "Principal": {"AWS": "arn:aws:iam::%s:root"},
                   "Action": "kms:*",
                   "Resource": "*"},
                  {"Sid": "AccountUsesTheKeyOnlyThroughS3AndSecretsManager",
                   "Effect": "Allow",
                   "Principal": {"AWS": "*"},
                   "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*",
                              "kms:GenerateDataKey*", "kms:DescribeKey"],
                   "Resource": "*",
                   "Condition": {
                     "StringEquals": {"kms:CallerAccount": "%s"},
                     "StringLike": {"kms:ViaService": ["s3.*.amazonaws.com",
                                                       "secretsmanager.*.amazonaws.com"]}}}]}"""
                .formatted(account, account);
    }

    /** Creates the key with its policy and tags and returns its ARN; KMS chooses its id. */
    static String create(KmsClient kms, String policy, Map<String, String> tags) {
        List<Tag> kmsTags = new ArrayList<>();
        tags.forEach((key, value) -> kmsTags.add(Tag.builder().tagKey(key).tagValue(value).build()));
        KeyMetadata key = kms.createKey(create -> create
                .description("Encrypts the churn training data and the feature database password")
                .keySpec(KeySpec.SYMMETRIC_DEFAULT)
                .keyUsage(KeyUsageType.ENCRYPT_DECRYPT)
                .policy(policy)
                .tags(kmsTags)).keyMetadata();
        return key.arn();
    }

    /** New key material every year; the old stays to decrypt what it encrypted. */
    static void rotateYearly(KmsClient kms, String keyArn) {
        kms.enableKeyRotation(enable -> enable.keyId(keyArn));
    }

    /** Gives the key its alias and returns the alias. */
    static String name(KmsClient kms, String keyArn, String alias) {
        kms.createAlias(create -> create.aliasName(alias).targetKeyId(keyArn));
        return alias;
    }

    /**
     * The key that an id, ARN, alias name or alias ARN names, as KMS describes it; empty when it
     * names none. S3 and Secrets Manager accept all four forms, so comparing strings would fail a
     * right answer written another way.
     */
    static Optional<KeyMetadata> describe(KmsClient kms, String keyIdOrAlias) {
        try {
            return Optional.of(kms.describeKey(describe -> describe.keyId(keyIdOrAlias)).keyMetadata());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}

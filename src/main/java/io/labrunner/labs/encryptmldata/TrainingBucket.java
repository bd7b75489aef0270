package io.labrunner.labs.encryptmldata;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The three things that make the training-data bucket a safe place for data: default encryption
 * with the lab's key, Block Public Access, and a bucket policy that refuses uploads not encrypted
 * with SSE-KMS and every request that does not come over TLS.
 */
final class TrainingBucket {
    private TrainingBucket() {
    }

    /**
     * The bucket policy. The first two statements are AWS's classic pair for "SSE-KMS or nothing":
     * an upload whose {@code x-amz-server-side-encryption} header is missing ({@code Null}) or says
     * anything but {@code aws:kms} ({@code StringNotEquals}) is denied. The third denies every S3
     * action, on the bucket and on its objects alike, to a request made without TLS
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html).
     * An explicit Deny wins over every Allow, the account's own administrators included.
     */
    static String policy(String bucket) {
        return """
                {"Version": "2012-10-17",
                 "Statement": [
                  {"Sid": "DenyUploadsWithoutEncryptionHeader",
                   "Effect": "Deny",
                   "Principal": "*",
                   "Action": "s3:PutObject",
                   "Resource": "arn:aws:s3:::%1$s/*",
                   "Condition": {"Null": {"s3:x-amz-server-side-encryption": "true"}}},
                  {"Sid": "DenyUploadsNotEncryptedWithKms",
                   "Effect": "Deny",
                   "Principal": "*",
                   "Action": "s3:PutObject",
                   "Resource": "arn:aws:s3:::%1$s/*",
                   "Condition": {"StringNotEquals": {"s3:x-amz-server-side-encryption": "aws:kms"}}},
                  {"Sid": "DenyRequestsWithoutTls",
                   "Effect": "Deny",
                   "Principal": "*",
                   "Action": "s3:*",
                   "Resource": ["arn:aws:s3:::%1$s", "arn:aws:s3:::%1$s/*"],
                   "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}""".formatted(bucket);
    }

    /**
     * New objects are encrypted with the lab's key when an upload names no encryption. The S3 Bucket
     * Key makes S3 ask KMS for a data key per bucket and period instead of per object, which cuts
     * the KMS requests (and their cost) by up to 99 %.
     */
    static void encryptByDefault(S3Client s3, String bucket, String keyArn) {
        s3.putBucketEncryption(put -> put.bucket(bucket).serverSideEncryptionConfiguration(config -> config
                .rules(rule -> rule.bucketKeyEnabled(true).applyServerSideEncryptionByDefault(sse -> sse
                        .sseAlgorithm(ServerSideEncryption.AWS_KMS).kmsMasterKeyID(keyArn)))));
    }

    /** All four Block Public Access settings: no public ACL or policy is accepted, none already there counts. */
    static void blockPublicAccess(S3Client s3, String bucket) {
        s3.putPublicAccessBlock(put -> put.bucket(bucket).publicAccessBlockConfiguration(block -> block
                .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
    }

    static void denyUnencryptedAndPlainHttp(S3Client s3, String bucket) {
        s3.putBucketPolicy(put -> put.bucket(bucket).policy(policy(bucket)));
    }
}

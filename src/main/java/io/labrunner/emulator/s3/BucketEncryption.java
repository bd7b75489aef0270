package io.labrunner.emulator.s3;

/**
 * A bucket's default encryption (PutBucketEncryption's one rule).
 *
 * @param algorithm        {@code AES256} (SSE-S3), {@code aws:kms} or {@code aws:kms:dsse}
 * @param kmsMasterKeyId   the KMS key as configured (id, ARN or alias), or null for the AWS managed key aws/s3
 * @param bucketKeyEnabled whether S3 Bucket Keys are on
 */
public record BucketEncryption(String algorithm, String kmsMasterKeyId, boolean bucketKeyEnabled) {
    public static final String SSE_S3 = "AES256";

    /**
     * What S3 answers for a bucket with no configuration: since January 2023 every bucket encrypts new objects
     * with SSE-S3 (https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html).
     */
    public static final BucketEncryption DEFAULT = new BucketEncryption(SSE_S3, null, false);

    public boolean isKms() {
        return algorithm.startsWith("aws:kms");
    }
}

package io.labrunner.emulator.s3;

/**
 * A bucket's Block Public Access settings (PutPublicAccessBlock's PublicAccessBlockConfiguration).
 *
 * @param blockPublicAcls       refuse requests that set a public ACL
 * @param ignorePublicAcls      treat public ACLs as private
 * @param blockPublicPolicy     refuse a bucket policy that grants public access
 * @param restrictPublicBuckets only AWS services and the owner's account reach a bucket with a public policy
 */
public record PublicAccessBlock(boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy,
                                boolean restrictPublicBuckets) {
    /**
     * What S3 gives every new bucket since April 2023: all four on
     * (https://aws.amazon.com/about-aws/whats-new/2022/12/amazon-s3-automatically-enable-block-public-access-disable-access-control-lists-buckets-april-2023/).
     */
    public static final PublicAccessBlock ALL_ON = new PublicAccessBlock(true, true, true, true);
}

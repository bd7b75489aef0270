package io.labrunner.emulator.s3;

/**
 * The security settings S3 keeps for a bucket beside its objects.
 *
 * @param policy            the bucket policy's text as put, or null
 * @param publicAccessBlock the Block Public Access settings, or null when the bucket has none
 * @param encryption        the default encryption as put, or null (then S3 applies {@link BucketEncryption#DEFAULT})
 * @param notification      the notification configuration as put, or null when none was
 */
public record BucketSettings(String policy, PublicAccessBlock publicAccessBlock, BucketEncryption encryption,
                             BucketNotification notification) {
    /** A bucket S3 knows nothing more about: one created before these settings were kept. */
    public static final BucketSettings NONE = new BucketSettings(null, null, null);

    /** A bucket created now: Block Public Access on, as S3 sets it for new buckets. */
    public static final BucketSettings NEW_BUCKET = new BucketSettings(null, PublicAccessBlock.ALL_ON, null);

    /** Settings without a notification configuration. */
    public BucketSettings(String policy, PublicAccessBlock publicAccessBlock, BucketEncryption encryption) {
        this(policy, publicAccessBlock, encryption, null);
    }

    public BucketSettings withPolicy(String text) {
        return new BucketSettings(text, publicAccessBlock, encryption, notification);
    }

    public BucketSettings withPublicAccessBlock(PublicAccessBlock block) {
        return new BucketSettings(policy, block, encryption, notification);
    }

    public BucketSettings withEncryption(BucketEncryption rule) {
        return new BucketSettings(policy, publicAccessBlock, rule, notification);
    }

    public BucketSettings withNotification(BucketNotification configuration) {
        return new BucketSettings(policy, publicAccessBlock, encryption, configuration);
    }

    /** Whether object changes in the bucket go to EventBridge. */
    public boolean sendsToEventBridge() {
        return notification != null && notification.eventBridge();
    }

    /** The encryption S3 applies to a write that names none. */
    public BucketEncryption effectiveEncryption() {
        return encryption == null ? BucketEncryption.DEFAULT : encryption;
    }
}

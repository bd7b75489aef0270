package io.labrunner.emulator.s3;

import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.TaggableResources;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3 buckets as the Resource Groups Tagging API sees them, {@code arn:aws:s3:::bucket}, over the same tags as
 * Put/GetBucketTagging; a bucket is listed in the region it was created in.
 */
final class S3BucketTags implements TaggableResources {
    private static final String ARN_PREFIX = "arn:aws:s3:::";

    private final BucketAttributesStore attributes;
    private final Supplier<List<String>> buckets;
    private final Predicate<String> bucketExists;

    S3BucketTags(BucketAttributesStore attributes, Supplier<List<String>> buckets, Predicate<String> bucketExists) {
        this.attributes = attributes;
        this.buckets = buckets;
        this.bucketExists = bucketExists;
    }

    @Override
    public Set<String> arnServices() {
        return Set.of("s3");
    }

    @Override
    public List<TaggedResource> taggedResources(String region) {
        List<TaggedResource> found = new ArrayList<>();
        for (String bucket : buckets.get()) {
            BucketAttributes bucketAttributes = attributes.get(bucket);
            if (region.equals(bucketAttributes.region())) {
                found.add(new TaggedResource(ARN_PREFIX + bucket, bucketAttributes.tags()));
            }
        }
        return found;
    }

    @Override
    public void tag(String arn, Map<String, String> tags) {
        String bucket = bucketOf(arn);
        try {
            attributes.update(bucket, a -> {
                Map<String, String> merged = new LinkedHashMap<>(a.tags());
                merged.putAll(tags);
                return a.withTags(TagSets.validated(merged, false));
            });
        } catch (S3Exception e) {
            throw new AwsException(e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage(),
                    e.statusCode());
        }
    }

    @Override
    public void untag(String arn, Collection<String> keys) {
        String bucket = bucketOf(arn);
        attributes.update(bucket, a -> {
            Map<String, String> kept = new LinkedHashMap<>(a.tags());
            kept.keySet().removeAll(keys);
            return a.withTags(kept);
        });
    }

    private String bucketOf(String arn) {
        String bucket = arn.startsWith(ARN_PREFIX) ? arn.substring(ARN_PREFIX.length()) : "";
        if (bucket.isEmpty() || bucket.contains("/") || !bucketExists.test(bucket)) {
            throw new AwsException("NoSuchBucket", "The specified bucket does not exist", 404);
        }
        return bucket;
    }
}

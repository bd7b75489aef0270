package io.labrunner.emulator.s3;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What S3 keeps about a bucket besides its objects and security settings: where it was created, its tags and
 * its CORS rules.
 *
 * @param region the bucket's region (its LocationConstraint, or the region it was created in without one)
 * @param tags   the bucket's tags in the order put (empty when it has none: GetBucketTagging is NoSuchTagSet)
 * @param cors   the CORS rules as put, or null when the bucket has no CORS configuration
 */
public record BucketAttributes(String region, Map<String, String> tags, List<CorsRule> cors) {
    public BucketAttributes {
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        cors = cors == null ? null : List.copyOf(cors);
    }

    public BucketAttributes withTags(Map<String, String> changed) {
        return new BucketAttributes(region, changed, cors);
    }

    public BucketAttributes withCors(List<CorsRule> rules) {
        return new BucketAttributes(region, tags, rules);
    }
}

package io.labrunner.emulator;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's resources as the Resource Groups Tagging API sees them: GetResources lists every service's tagged
 * resources by ARN, TagResources and UntagResources change them by ARN. A service that keeps tags implements this
 * next to its own tagging operations, over the same tags, so both APIs see one truth.
 */
public interface TaggableResources {

    /** One resource: its ARN and its tags (empty when it has none). */
    record TaggedResource(String arn, Map<String, String> tags) {
        public TaggedResource {
            tags = Map.copyOf(tags);
        }
    }

    /** The ARN service fields this covers, e.g. {@code kinesis}, or {@code s3} for buckets. */
    Set<String> arnServices();

    /** Every resource in the region that can carry tags, tagged or not. */
    List<TaggedResource> taggedResources(String region);

    /**
     * Adds or replaces tags on the resource.
     *
     * @throws AwsException with the service's own error when the ARN names nothing it holds, or the tags break its
     *                      rules
     */
    void tag(String arn, Map<String, String> tags);

    /** Removes these tag keys from the resource; keys it does not carry are ignored. */
    void untag(String arn, Collection<String> keys);
}

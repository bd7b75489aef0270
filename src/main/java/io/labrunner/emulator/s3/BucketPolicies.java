package io.labrunner.emulator.s3;

import io.labrunner.emulator.iam.policy.SourcedPolicy;
import java.util.Optional;

/**
 * The bucket policy of a bucket, parsed, for services that read or write S3 in-process while acting as a
 * role (a Glue crawler, a training job): they pass it as the resource policy of their
 * {@link io.labrunner.emulator.iam.access.AccessRequest}, so a bucket policy's Deny stops them as it stops a
 * client.
 */
@FunctionalInterface
public interface BucketPolicies {

    /** The bucket's policy, if it has one. */
    Optional<SourcedPolicy> of(String bucket);
}

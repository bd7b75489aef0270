package io.labrunner.emulator.iam.access;

import io.labrunner.emulator.iam.policy.SourcedPolicy;

/**
 * Finds an S3 bucket's policy, the resource-based policy IAM weighs with a role's own policies when a service
 * acting as that role reads or writes the bucket. S3 keeps the policies; this is how other services see them.
 */
@FunctionalInterface
public interface BucketPolicies {

    /** No bucket has a policy. */
    BucketPolicies NONE = bucket -> null;

    /** The bucket's policy, or null when it has none (or does not exist). */
    SourcedPolicy of(String bucket);
}

package io.labrunner.emulator.iam.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an AWS service acting as a customer's role may do: a Glue crawler reading its data source, Firehose
 * writing to its bucket, a SageMaker job downloading its channels. Decided by {@link AccessControl#checkRole} with
 * the bucket's policy from {@link BucketPolicies}; with enforcement off and no bucket policy, everything is
 * allowed without evaluating anything, so services that act as a role cost nothing extra by default.
 */
public final class ServiceAccess {
    private static final ServiceAccess UNRESTRICTED = new ServiceAccess(null, BucketPolicies.NONE);

    private final AccessControl control;
    private final BucketPolicies buckets;

    /**
     * @param control the emulator's access control (enforcing or not)
     * @param buckets where bucket policies come from; {@link BucketPolicies#NONE} until S3 keeps them
     */
    public ServiceAccess(AccessControl control, BucketPolicies buckets) {
        this.control = control;
        this.buckets = buckets;
    }

    /** Allows everything: for services built without IAM (unit tests, services used on their own). */
    public static ServiceAccess unrestricted() {
        return UNRESTRICTED;
    }

    /** Empty when the role may perform {@code action} on an object ({@code s3:GetObject}, {@code s3:PutObject}). */
    public Optional<Denial> s3Object(String roleArn, String sessionName, String action, String bucket, String key) {
        return s3(roleArn, sessionName, action, bucket, "arn:aws:s3:::" + bucket + "/" + key, Map.of());
    }

    /**
     * Empty when the role may list the objects under {@code prefix} ({@code s3:ListBucket} on the bucket, with
     * the {@code s3:prefix} condition key a ListObjectsV2 request carries).
     */
    public Optional<Denial> s3List(String roleArn, String sessionName, String bucket, String prefix) {
        return s3(roleArn, sessionName, "s3:ListBucket", bucket, "arn:aws:s3:::" + bucket,
                Map.of("s3:prefix", List.of(prefix == null ? "" : prefix)));
    }

    /** Empty when the role may perform the request (any service's action). */
    public Optional<Denial> check(String roleArn, String sessionName, AccessRequest request) {
        if (control == null || (!control.enforcing() && request.resourcePolicy() == null)) {
            return Optional.empty();
        }
        if (roleArn == null || !roleArn.startsWith("arn:") || roleArn.split(":", 6).length < 6) {
            return Optional.empty(); // a role the service already refused, or none: nothing to decide here
        }
        return control.checkRole(roleArn, sessionName, request);
    }

    private Optional<Denial> s3(String roleArn, String sessionName, String action, String bucket, String resource,
            Map<String, List<String>> keys) {
        if (control == null) {
            return Optional.empty();
        }
        return check(roleArn, sessionName, new AccessRequest(action, resource, keys, buckets.of(bucket)));
    }
}

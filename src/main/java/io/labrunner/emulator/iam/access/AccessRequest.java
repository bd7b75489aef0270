package io.labrunner.emulator.iam.access;

import io.labrunner.emulator.iam.policy.SourcedPolicy;
import java.util.List;
import java.util.Map;

/**
 * One action a request performs, as IAM authorizes it.
 *
 * @param action         the IAM action, e.g. {@code s3:GetObject} or {@code kms:Decrypt}
 * @param resource       the resource's ARN, or {@code *} for actions that take no resource
 * @param keys           the request's condition keys (aws:SecureTransport, s3:x-amz-server-side-encryption...)
 * @param resourcePolicy the resource's own policy (a bucket policy, a key policy), or null
 */
public record AccessRequest(String action, String resource, Map<String, List<String>> keys,
                            SourcedPolicy resourcePolicy) {
    public AccessRequest {
        keys = Map.copyOf(keys);
    }

    public static AccessRequest of(String action, String resource) {
        return new AccessRequest(action, resource, Map.of(), null);
    }
}

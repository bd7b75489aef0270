package io.labrunner.emulator;

/**
 * One emulated AWS service behind the emulator's single port. The router picks the service by the
 * request's SigV4 signing name; the service switches on the operation and owns its state.
 */
public interface AwsService extends AutoCloseable {

    /** The SigV4 signing name this service answers to, e.g. {@code sts} or {@code glue}. */
    String signingName();

    /** The wire protocol, which decides how errors are rendered. */
    Protocol protocol();

    /**
     * Handles one request.
     *
     * @throws AwsException for any AWS-shaped error, including operations not implemented
     */
    AwsResponse handle(AwsRequest request);

    /**
     * What IAM authorizes for this request: usually one action on one resource, with the resource's policy if
     * it has one. Empty (the default) means the action {@code <signing name>:<operation>} on {@code *}.
     */
    default java.util.List<io.labrunner.emulator.iam.access.AccessRequest> accessRequests(AwsRequest request) {
        return java.util.List.of();
    }

    /**
     * Whether some of this service's resources have policies of their own (key policies, secret policies, trust
     * policies), which count even when IAM is not enforced; when false and nothing is enforced, the front door
     * does not ask {@link #accessRequests} at all.
     */
    default boolean keepsResourcePolicies() {
        return false;
    }

    @Override
    default void close() {
    }
}

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

    @Override
    default void close() {
    }
}

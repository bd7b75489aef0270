package io.labrunner.emulator.protocol;

import io.labrunner.emulator.AwsException;

/** The errors the protocol core raises itself, before a handler runs, with AWS's codes and statuses. */
public final class ProtocolErrors {
    static final String SERIALIZATION = "SerializationException";

    private ProtocolErrors() {
    }

    /** A body that is not what the operation takes; {@code message} may be null, as AWS sends none for some. */
    public static AwsException serialization(String message) {
        return new AwsException(SERIALIZATION, message, 400);
    }

    /** An {@code X-Amz-Target} naming no operation of the service: AWS says no more than the code. */
    public static AwsException unknownOperation() {
        return new AwsException("UnknownOperationException", null, 400);
    }

    /**
     * A body in no encoding the service reads (Content-Type missing or foreign): AWS cannot route the
     * request to an operation and answers 404 (recorded in kinesalite's connection tests).
     */
    public static AwsException unroutable() {
        return new AwsException("UnknownOperationException", null, 404);
    }

    /**
     * A REST request at a method and path where no operation is served: AWS's service framework answers 404
     * UnknownOperationException when no operation claims a request (smithy-lang/smithy#1368). REST-JSON errors
     * carry a message, so this one says what was asked for.
     */
    public static AwsException unknownRoute(String methodAndPath) {
        return new AwsException("UnknownOperationException", "Unknown operation: " + methodAndPath, 404);
    }

    /** One ValidationException listing every violation, as AWS words it. */
    public static AwsException validation(java.util.List<String> violations) {
        return new AwsException("ValidationException", validationMessage(violations), 400);
    }

    /** {@code 2 validation errors detected: <violation>; <violation>}, as AWS words every violation at once. */
    public static String validationMessage(java.util.List<String> violations) {
        return violations.size() + (violations.size() == 1 ? " validation error detected: " : " validation errors detected: ")
                + String.join("; ", violations);
    }

    /** An unexpected failure in a handler, without internals. */
    static AwsException internalFailure() {
        return new AwsException("InternalFailure", "The server encountered an internal error.", 500);
    }
}

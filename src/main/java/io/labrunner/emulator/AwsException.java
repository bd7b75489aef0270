package io.labrunner.emulator;

/**
 * The one error type of the emulator: an AWS error code, its message and HTTP status.
 * The front door renders it in the shape of the calling service's protocol, so the SDK
 * raises the same exception class it would raise against AWS.
 */
public class AwsException extends RuntimeException {
    private final String code;
    private final int status;

    public AwsException(String code, String message, int status) {
        super(message);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** True when the caller is at fault (4xx), as AWS's {@code Sender} error type says. */
    public boolean senderFault() {
        return status < 500;
    }

    public static AwsException validation(String message) {
        return new AwsException("ValidationException", message, 400);
    }

    public static AwsException notImplemented(String service, String operation) {
        return new AwsException("NotImplemented",
                "The embedded emulator does not implement " + service + " " + operation
                        + " yet; run this against --target localstack or a real account.", 501);
    }
}

package io.labrunner.emulator.logs;

import io.labrunner.emulator.AwsException;

/**
 * CloudWatch Logs errors with AWS's wording, as recorded against AWS in moto's {@code aws_verified}
 * tests and the CloudWatch Logs API reference. Logs reports broken constraints as
 * InvalidParameterException, not ValidationException.
 */
final class LogsErrors {
    private LogsErrors() {
    }

    static AwsException groupNotFound() {
        return new AwsException("ResourceNotFoundException", "The specified log group does not exist.", 400);
    }

    static AwsException streamNotFound() {
        return new AwsException("ResourceNotFoundException", "The specified log stream does not exist.", 400);
    }

    static AwsException groupExists() {
        return new AwsException("ResourceAlreadyExistsException", "The specified log group already exists", 400);
    }

    static AwsException streamExists() {
        return new AwsException("ResourceAlreadyExistsException", "The specified log stream already exists", 400);
    }

    static AwsException invalidParameter(String message) {
        return new AwsException("InvalidParameterException", message, 400);
    }

    static AwsException invalidToken() {
        return invalidParameter("The specified nextToken is invalid.");
    }

    /** One constraint failure in Coral's words, for checks the model cannot express. */
    static AwsException constraint(String member, Object value, String constraint) {
        return invalidParameter("1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: Member must " + constraint);
    }
}

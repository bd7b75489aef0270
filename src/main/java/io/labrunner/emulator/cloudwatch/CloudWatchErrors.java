package io.labrunner.emulator.cloudwatch;

import io.labrunner.emulator.AwsException;

/**
 * CloudWatch's errors, by the codes its query API has always used (the JSON and CBOR protocols name the error
 * shape and carry this code in {@code x-amzn-query-error}). Wording as AWS answers, where recorded (moto's
 * CloudWatch responses and the API reference); else plain.
 */
final class CloudWatchErrors {
    private CloudWatchErrors() {
    }

    static AwsException invalidValue(String message) {
        return new AwsException("InvalidParameterValue", message, 400);
    }

    static AwsException combination(String message) {
        return new AwsException("InvalidParameterCombination", message, 400);
    }

    static AwsException missing(String parameter) {
        return new AwsException("MissingParameter", "The parameter " + parameter + " is required.", 400);
    }

    static AwsException validation(String message) {
        return new AwsException("ValidationError", message, 400);
    }

    static AwsException alarmNotFound(String name) {
        return new AwsException("ResourceNotFound", "Alarm " + name + " not found", 404);
    }

    static AwsException invalidToken() {
        return new AwsException("InvalidNextToken", "The service returned an invalid next token.", 400);
    }

    static AwsException invalidFormat(String message) {
        return new AwsException("InvalidFormat", message, 400);
    }
}

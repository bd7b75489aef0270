package io.labrunner.core;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Turns exceptions from lab code into one readable line. */
public final class Failures {
    private Failures() {
    }

    public static String describe(Throwable e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            var details = aws.awsErrorDetails();
            return details.serviceName() + " " + details.errorCode() + ": " + details.errorMessage()
                    + " (HTTP " + aws.statusCode() + ")";
        }
        if (e instanceof SdkClientException) {
            return "SDK: " + firstLine(e.getMessage());
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return firstLine(message);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

package io.labrunner.emulator.tagging;

import io.labrunner.emulator.AwsException;

/** The Tagging API's errors (API reference, Common Errors of each operation). */
final class TaggingErrors {
    private TaggingErrors() {
    }

    static AwsException invalidParameter(String message) {
        return new AwsException("InvalidParameterException", message, 400);
    }

    static AwsException invalidToken() {
        return invalidParameter("The PaginationToken is invalid: pass a token from a previous response unchanged.");
    }
}

package io.labrunner.emulator.firehose;

import io.labrunner.emulator.AwsException;

/**
 * Firehose errors with AWS's wording
 * (https://docs.aws.amazon.com/firehose/latest/APIReference/CommonErrors.html and each operation's error list).
 */
final class FirehoseErrors {
    static final String ACCOUNT = "000000000000";

    private FirehoseErrors() {
    }

    static AwsException notFound(String name) {
        return new AwsException("ResourceNotFoundException",
                "Firehose " + name + " under account " + ACCOUNT + " not found.", 400);
    }

    static AwsException exists(String name) {
        return new AwsException("ResourceInUseException",
                "Firehose " + name + " under account " + ACCOUNT + " already exists.", 400);
    }

    static AwsException inUse(String name, DeliveryStatus status) {
        return new AwsException("ResourceInUseException",
                "Firehose " + name + " under account " + ACCOUNT + " is not ACTIVE, instead in state " + status + ".", 400);
    }

    static AwsException invalidArgument(String message) {
        return new AwsException("InvalidArgumentException", message, 400);
    }
}

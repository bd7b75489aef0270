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

    /** UpdateDestination with a VersionId that is no longer the stream's: another update came first. */
    static AwsException staleVersion(String name, String given, String current) {
        return new AwsException("ConcurrentModificationException", "Firehose " + name + " under account " + ACCOUNT
                + " has version id " + current + ", not " + given + ".", 400);
    }

    static AwsException tooManyTags(String name) {
        return new AwsException("LimitExceededException",
                "Firehose " + name + " under account " + ACCOUNT + " cannot have more than 50 tags.", 400);
    }

    static AwsException invalidArgument(String message) {
        return new AwsException("InvalidArgumentException", message, 400);
    }
}

package io.labrunner.emulator.glue;

import io.labrunner.emulator.AwsException;

/** Glue's error codes and messages; Glue answers every client error with HTTP 400. */
final class GlueErrors {
    private GlueErrors() {
    }

    static AwsException notFound(String message) {
        return new AwsException("EntityNotFoundException", message, 400);
    }

    static AwsException databaseNotFound(String name) {
        return notFound("Database " + name + " not found.");
    }

    static AwsException tableNotFound(String name) {
        return notFound("Table " + name + " not found.");
    }

    static AwsException partitionNotFound() {
        return notFound("Cannot find partition.");
    }

    static AwsException tableVersionNotFound(String versionId) {
        return notFound("Table version " + versionId + " not found.");
    }

    /** Glue's words for a missing user-defined function, as Hive metastore clients log them. */
    static AwsException functionNotFound() {
        return notFound("Cannot find function.");
    }

    static AwsException crawlerNotFound(String name) {
        return notFound("Crawler entry with name " + name + " does not exist");
    }

    static AwsException alreadyExists(String message) {
        return new AwsException("AlreadyExistsException", message, 400);
    }

    static AwsException invalidInput(String message) {
        return new AwsException("InvalidInputException", message, 400);
    }
}

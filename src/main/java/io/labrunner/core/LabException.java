package io.labrunner.core;

/**
 * A problem the user can fix (unknown lab, bad option, unreachable target). The CLI prints its
 * message as one line, without a stack trace, and exits with status 2.
 */
public class LabException extends RuntimeException {

    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}

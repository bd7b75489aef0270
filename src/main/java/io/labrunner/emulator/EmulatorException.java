package io.labrunner.emulator;

/** The emulator could not start (port taken, data directory unusable); the message is one line for the learner. */
public class EmulatorException extends RuntimeException {
    public EmulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}

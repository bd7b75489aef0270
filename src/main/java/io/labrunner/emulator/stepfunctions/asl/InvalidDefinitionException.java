package io.labrunner.emulator.stepfunctions.asl;

/**
 * A definition Step Functions refuses; the message is AWS's whole {@code InvalidDefinition} message, e.g.
 * {@code Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: B at /States/A/Next'}.
 */
public final class InvalidDefinitionException extends RuntimeException {

    public InvalidDefinitionException(String message) {
        super(message, null, false, false);
    }
}

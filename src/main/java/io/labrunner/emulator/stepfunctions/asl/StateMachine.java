package io.labrunner.emulator.stepfunctions.asl;

/**
 * A parsed, validated state machine definition (Amazon States Language), ready to run executions.
 *
 * <p>The contract the Step Functions API is written against; the interpreter fills it in.
 */
public final class StateMachine {

    private StateMachine() {
    }

    /**
     * Parses and validates a definition as CreateStateMachine does.
     *
     * @throws InvalidDefinitionException with AWS's message when Step Functions would refuse it
     */
    public static StateMachine parse(String definition) {
        throw new UnsupportedOperationException("the interpreter is not wired in yet");
    }

    /** Starts an execution on its own thread; events reach {@code listener} as they happen. */
    public ExecutionRun start(ExecutionInfo execution, TaskRunner tasks, ExecutionListener listener) {
        throw new UnsupportedOperationException("the interpreter is not wired in yet");
    }
}

package io.labrunner.emulator.stepfunctions.asl;

/**
 * A failed task, or any other failure a state's Retry and Catch can match: {@code error} is the name they match
 * ({@code States.TaskFailed}, {@code SageMaker.ResourceNotFoundException}, a custom error), {@code cause} the text.
 */
public final class TaskFailure extends RuntimeException {
    private final String error;
    private final String cause;

    public TaskFailure(String error, String cause) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.cause = cause;
    }

    public String error() {
        return error;
    }

    /** Named {@code failureCause} because {@link Throwable#getCause()} means something else. */
    public String failureCause() {
        return cause;
    }
}

package io.labrunner.emulator.stepfunctions.asl;

/**
 * An error raised while a state runs, as Retry and Catch see it: its name ({@code States.TaskFailed}, a custom
 * error), its cause, and whether it is one of the terminal errors {@code States.ALL} does not match.
 */
final class StateFailure extends RuntimeException {
    static final String RUNTIME = "States.Runtime";
    static final String TIMEOUT = "States.Timeout";
    static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    static final String TASK_FAILED = "States.TaskFailed";
    static final String DATA_LIMIT = "States.DataLimitExceeded";

    private final String error;
    private final String cause;
    private final boolean heartbeat;

    StateFailure(String error, String cause) {
        this(error, cause, false);
    }

    private StateFailure(String error, String cause, boolean heartbeat) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.cause = cause;
        this.heartbeat = heartbeat;
    }

    /**
     * A States.Runtime failure in the words AWS uses: "An error occurred while executing the state 'X' (entered
     * at the event id #2). detail".
     */
    static StateFailure runtime(String stateName, long enteredEventId, String detail) {
        return new StateFailure(RUNTIME, "An error occurred while executing the state '" + stateName
                + "' (entered at the event id #" + enteredEventId + "). " + detail);
    }

    /**
     * A missed heartbeat. AWS records it as {@code States.Timeout} (TaskTimedOut, ExecutionFailed), while Retry and
     * Catch may also name it {@code States.HeartbeatTimeout}.
     */
    static StateFailure heartbeatTimeout() {
        return new StateFailure(TIMEOUT, null, true);
    }

    static StateFailure from(TaskFailure failure) {
        return new StateFailure(failure.error(), failure.failureCause());
    }

    String error() {
        return error;
    }

    /** The cause text, or null when the error has none (a timeout, a Fail state without Cause). */
    String failureCause() {
        return cause;
    }

    boolean isHeartbeatTimeout() {
        return heartbeat;
    }

    /** States.Runtime and States.DataLimitExceeded end the execution: no retrier or catcher matches them. */
    boolean isTerminal() {
        return RUNTIME.equals(error) || DATA_LIMIT.equals(error);
    }

    /**
     * Whether an {@code ErrorEquals} entry names this error: by name, {@code States.ALL} for all but the terminal
     * ones, {@code States.TaskFailed} for all but timeouts, {@code States.HeartbeatTimeout} for a missed heartbeat.
     */
    boolean matches(String name) {
        if (isTerminal()) {
            return false;
        }
        return switch (name) {
            case "States.ALL" -> true;
            case TASK_FAILED -> !TIMEOUT.equals(error);
            case HEARTBEAT_TIMEOUT -> heartbeat;
            default -> name.equals(error);
        };
    }
}

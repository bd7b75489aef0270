package io.labrunner.emulator.sagemaker.algorithms;

/**
 * A training or inference run that failed for a reason the container reports: the job's
 * FailureReason, e.g. {@code ClientError: Hyperparameter 'eta' ...} for bad input or
 * {@code AlgorithmError: ...} for a failure inside the algorithm.
 */
public final class AlgorithmException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean stopped;

    private AlgorithmException(String reason, boolean stopped) {
        super(reason);
        this.stopped = stopped;
    }

    /** Bad input: data, channels or hyperparameters; the reason starts with {@code ClientError: }. */
    public static AlgorithmException clientError(String detail) {
        return new AlgorithmException("ClientError: " + detail, false);
    }

    /** A failure inside the algorithm; the reason starts with {@code AlgorithmError: }. */
    public static AlgorithmException algorithmError(String detail) {
        return new AlgorithmException("AlgorithmError: " + detail, false);
    }

    /** The job was stopped before it finished; it ends Stopped, not Failed. */
    public static AlgorithmException stopped() {
        return new AlgorithmException("Training job stopped", true);
    }

    /** True when the run ended because it was asked to stop. */
    public boolean isStop() {
        return stopped;
    }
}

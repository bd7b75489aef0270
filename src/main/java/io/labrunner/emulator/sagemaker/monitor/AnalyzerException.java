package io.labrunner.emulator.sagemaker.monitor;

/** A reason the analyzer cannot finish: the job fails with it as its FailureReason. */
final class AnalyzerException extends RuntimeException {
    AnalyzerException(String message) {
        super(message);
    }
}

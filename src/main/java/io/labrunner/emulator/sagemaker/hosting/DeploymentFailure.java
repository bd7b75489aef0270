package io.labrunner.emulator.sagemaker.hosting;

/** A deployment that could not start: the FailureReason the endpoint shows. */
final class DeploymentFailure extends Exception {
    private static final long serialVersionUID = 1L;

    DeploymentFailure(String reason) {
        super(reason);
    }
}

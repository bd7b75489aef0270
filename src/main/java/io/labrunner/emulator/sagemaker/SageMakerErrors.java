package io.labrunner.emulator.sagemaker;

import io.labrunner.emulator.AwsException;

/** SageMaker's errors, with the codes and wording AWS answers. */
public final class SageMakerErrors {
    private SageMakerErrors() {
    }

    /** A 400 ValidationException, SageMaker's answer to most refused requests. */
    public static AwsException validation(String message) {
        return new AwsException("ValidationException", message, 400);
    }

    /**
     * Describe and Stop of an unknown job answer ValidationException, not the ResourceNotFound the model
     * declares (aws/aws-sdk issue 165, recorded against SageMaker).
     */
    public static AwsException notFound() {
        return validation("Requested resource not found.");
    }

    public static AwsException resourceInUse(String message) {
        return new AwsException("ResourceInUse", message, 400);
    }
}

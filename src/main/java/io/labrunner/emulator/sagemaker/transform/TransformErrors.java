package io.labrunner.emulator.sagemaker.transform;

import io.labrunner.emulator.AwsException;

/**
 * SageMaker's errors as models and transform jobs answer them (the service-wide ones are in
 * {@link io.labrunner.emulator.sagemaker.SageMakerErrors}). SageMaker reports most missing resources and refused
 * requests as a 400 ValidationException; the SDK's waiters count on that code (the transform job
 * waiter stops with failure on a ValidationException).
 */
final class TransformErrors {
    private TransformErrors() {
    }

    static AwsException validation(String message) {
        return new AwsException("ValidationException", message, 400);
    }

    /** A name already taken, as CreateTransformJob answers it. */
    static AwsException resourceInUse(String message) {
        return new AwsException("ResourceInUse", message, 400);
    }

    /** DescribeModel, DeleteModel and CreateTransformJob on a model that does not exist. */
    static AwsException modelNotFound(String arn) {
        return validation("Could not find model \"" + arn + "\".");
    }

    /** DescribeTransformJob and StopTransformJob on a job that does not exist. */
    static AwsException jobNotFound(String name) {
        return validation("Could not find requested job with name " + name);
    }
}

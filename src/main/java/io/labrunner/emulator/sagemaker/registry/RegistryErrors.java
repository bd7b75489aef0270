package io.labrunner.emulator.sagemaker.registry;

import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.sagemaker.SageMakerErrors;

/** The Model Registry's refusals. Like the rest of SageMaker it reports a missing resource as a ValidationException. */
final class RegistryErrors {
    private RegistryErrors() {
    }

    static AwsException validation(String message) {
        return SageMakerErrors.validation(message);
    }

    static AwsException groupExists(String arn) {
        return validation("Model Package Group already exists: " + arn);
    }

    static AwsException groupNotFound(String arn) {
        return validation("ModelPackageGroup " + arn + " does not exist.");
    }

    static AwsException packageNotFound(String arn) {
        return validation("ModelPackage " + arn + " does not exist.");
    }

    /** DeleteModelPackageGroup declares ConflictException for a group whose versions are still registered. */
    static AwsException groupNotEmpty(String arn) {
        return new AwsException("ConflictException",
                "Model Package Group " + arn + " cannot be deleted because it still has model packages.", 400);
    }
}

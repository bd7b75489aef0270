package io.labrunner.emulator.sagemaker.pipelines;

import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.sagemaker.SageMakerErrors;

/** What SageMaker Pipelines answers to requests it refuses. */
final class PipelineErrors {
    private PipelineErrors() {
    }

    static AwsException validation(String message) {
        return SageMakerErrors.validation(message);
    }

    /** DescribePipeline and the others declare ResourceNotFound for a pipeline that does not exist. */
    static AwsException pipelineNotFound(String arn) {
        return new AwsException("ResourceNotFound", "Pipeline '" + arn + "' does not exist.", 400);
    }

    static AwsException executionNotFound(String arn) {
        return new AwsException("ResourceNotFound", "Pipeline execution '" + arn + "' does not exist.", 400);
    }

    /**
     * A second CreatePipeline of a name that exists, with another request token. AWS documents no wording; this
     * follows what SageMaker answers for a training job name that is taken.
     */
    static AwsException pipelineExists(String name) {
        return validation("Pipeline names must be unique within an AWS account and region. Pipeline with name ("
                + name + ") already exists.");
    }

    static AwsException conflict(String message) {
        return new AwsException("ConflictException", message, 400);
    }
}

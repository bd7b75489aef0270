package io.labrunner.labs.sagemakerxgboost;

import io.labrunner.core.LabContext;
import io.labrunner.core.Resource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.AssemblyType;
import software.amazon.awssdk.services.sagemaker.model.BatchStrategy;
import software.amazon.awssdk.services.sagemaker.model.DescribeTransformJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTransformJobResponse;
import software.amazon.awssdk.services.sagemaker.model.S3DataType;
import software.amazon.awssdk.services.sagemaker.model.SplitType;
import software.amazon.awssdk.services.sagemaker.model.TransformInstanceType;
import software.amazon.awssdk.services.sagemaker.model.TransformJobStatus;

/**
 * Offline predictions for a whole dataset: a SageMaker model (the serving image plus the trained
 * artifact) and a transform job that starts instances, sends the S3 objects through the model line
 * by line, writes {@code <object>.out} next to nothing else, and stops the instances.
 */
public final class BatchTransform {
    /** About $0.115 an hour in us-east-1 (Dec 2026), billed per second while the job runs. */
    public static final TransformInstanceType INSTANCE = TransformInstanceType.ML_M5_LARGE;

    private BatchTransform() {
    }

    /** CreateModel: XGBoost's image serves the artifact the training job wrote. */
    public static String createModel(LabContext ctx, String model, String region, String artifact, String roleArn) {
        return ctx.create(Resource.sageMakerModel(model), () -> SageMakerRole.whenAssumable(ctx, () ->
                ctx.sageMaker().createModel(create -> create
                        .modelName(model)
                        .primaryContainer(container -> container.image(XgboostImage.uri(region)).modelDataUrl(artifact))
                        .executionRoleArn(roleArn)
                        .tags(XgboostTraining.tags(ctx.tags()))).modelArn()));
    }

    /**
     * CreateTransformJob over every object under {@code inputPrefix} (CSV, one record a line, no
     * label), waits with the SDK's waiter and fails unless it Completed.
     */
    public static DescribeTransformJobResponse transformAndWait(LabContext ctx, String job, String model,
            String inputPrefix, String outputPath) {
        start(ctx, job, model, inputPrefix, outputPath);
        return await(ctx, job);
    }

    /** CreateTransformJob through the ledger. */
    public static void start(LabContext ctx, String job, String model, String inputPrefix, String outputPath) {
        SageMakerClient sageMaker = ctx.sageMaker();
        ctx.create(Resource.transformJob(job), () -> sageMaker.createTransformJob(create -> create
                .transformJobName(job)
                .modelName(model)
                // Many lines per request, each request at most 6 MB: fewer calls than one line at a time.
                .batchStrategy(BatchStrategy.MULTI_RECORD)
                .maxPayloadInMB(6)
                .transformInput(input -> input
                        .dataSource(source -> source.s3DataSource(s3 -> s3.s3DataType(S3DataType.S3_PREFIX).s3Uri(inputPrefix)))
                        .contentType("text/csv")
                        .splitType(SplitType.LINE))
                .transformOutput(output -> output
                        .s3OutputPath(outputPath)
                        .accept("text/csv")
                        .assembleWith(AssemblyType.LINE))
                .transformResources(resources -> resources.instanceType(INSTANCE).instanceCount(1))
                .tags(XgboostTraining.tags(ctx.tags()))).transformJobArn());
    }

    /** Waits with the SDK's waiter; fails unless the job Completed, with its FailureReason. */
    public static DescribeTransformJobResponse await(LabContext ctx, String job) {
        SageMakerClient sageMaker = ctx.sageMaker();
        try {
            sageMaker.waiter().waitUntilTransformJobCompletedOrStopped(DescribeTransformJobRequest.builder().transformJobName(job).build(),
                    SageMakerWaits.soonThenSeldom());
        } catch (SdkClientException endedFailed) {
            // The waiter gives up on Failed without the reason; Describe has it.
        }
        DescribeTransformJobResponse done = sageMaker.describeTransformJob(describe -> describe.transformJobName(job));
        if (done.transformJobStatus() != TransformJobStatus.COMPLETED) {
            throw new IllegalStateException("Transform job " + job + " ended " + done.transformJobStatusAsString() + ": "
                    + done.failureReason());
        }
        return done;
    }
}

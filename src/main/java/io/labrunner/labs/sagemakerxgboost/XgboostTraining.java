package io.labrunner.labs.sagemakerxgboost;

import io.labrunner.core.LabContext;
import io.labrunner.core.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.Channel;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.S3DataDistribution;
import software.amazon.awssdk.services.sagemaker.model.S3DataType;
import software.amazon.awssdk.services.sagemaker.model.Tag;
import software.amazon.awssdk.services.sagemaker.model.TrainingInputMode;
import software.amazon.awssdk.services.sagemaker.model.TrainingInstanceType;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

/**
 * A training job on SageMaker's built-in XGBoost, as CreateTrainingJob wants it: the image, the
 * role, CSV channels from S3 prefixes, where the model goes, one small instance, a time limit,
 * and the hyperparameters — all strings, as the container reads them from {@code hyperparameters.json}.
 */
public final class XgboostTraining {
    /** The smallest general-purpose training instance; about $0.115 an hour in us-east-1 (Dec 2026). */
    public static final TrainingInstanceType INSTANCE = TrainingInstanceType.ML_M5_LARGE;

    private XgboostTraining() {
    }

    /**
     * The request for one job.
     *
     * @param channels channel name ({@code train}, {@code validation}) to S3 prefix, all {@code text/csv}
     */
    public static CreateTrainingJobRequest request(String job, String region, String roleArn,
            Map<String, String> channels, String outputPath, Map<String, String> hyperParameters, Map<String, String> tags) {
        List<Channel> inputs = new ArrayList<>();
        channels.forEach((name, prefix) -> inputs.add(Channel.builder()
                .channelName(name)
                // Without it the container assumes libsvm and fails on CSV.
                .contentType("text/csv")
                .dataSource(source -> source.s3DataSource(s3 -> s3
                        .s3DataType(S3DataType.S3_PREFIX)
                        .s3Uri(prefix)
                        .s3DataDistributionType(S3DataDistribution.FULLY_REPLICATED)))
                .build()));
        return CreateTrainingJobRequest.builder()
                .trainingJobName(job)
                .algorithmSpecification(algorithm -> algorithm
                        .trainingImage(XgboostImage.uri(region))
                        .trainingInputMode(TrainingInputMode.FILE))
                .roleArn(roleArn)
                .inputDataConfig(inputs)
                .outputDataConfig(output -> output.s3OutputPath(outputPath))
                .resourceConfig(resources -> resources.instanceType(INSTANCE).instanceCount(1).volumeSizeInGB(5))
                .stoppingCondition(stop -> stop.maxRuntimeInSeconds(900))
                .hyperParameters(hyperParameters)
                .tags(tags(tags))
                .build();
    }

    /**
     * Starts the job through the ledger and waits with the SDK's waiter; fails unless it Completed,
     * with the job's FailureReason.
     */
    public static DescribeTrainingJobResponse trainAndWait(LabContext ctx, CreateTrainingJobRequest request) {
        start(ctx, request);
        return await(ctx, request.trainingJobName());
    }

    /** Starts the job through the ledger, retrying while a new role has not reached SageMaker. */
    public static void start(LabContext ctx, CreateTrainingJobRequest request) {
        ctx.create(Resource.trainingJob(request.trainingJobName()), () ->
                SageMakerRole.whenAssumable(ctx, () -> ctx.sageMaker().createTrainingJob(request)));
    }

    /** Waits with the SDK's waiter; fails unless the job Completed, with its FailureReason. */
    public static DescribeTrainingJobResponse await(LabContext ctx, String job) {
        SageMakerClient sageMaker = ctx.sageMaker();
        try {
            sageMaker.waiter().waitUntilTrainingJobCompletedOrStopped(DescribeTrainingJobRequest.builder().trainingJobName(job).build(),
                    SageMakerWaits.soonThenSeldom());
        } catch (SdkClientException endedFailed) {
            // The waiter gives up on Failed without the reason; Describe has it.
        }
        DescribeTrainingJobResponse done = sageMaker.describeTrainingJob(describe -> describe.trainingJobName(job));
        if (done.trainingJobStatus() != TrainingJobStatus.COMPLETED) {
            throw new IllegalStateException("Training job " + job + " ended " + done.trainingJobStatusAsString() + ": "
                    + done.failureReason());
        }
        return done;
    }

    public static List<Tag> tags(Map<String, String> tags) {
        List<Tag> sageMakerTags = new ArrayList<>();
        tags.forEach((key, value) -> sageMakerTags.add(Tag.builder().key(key).value(value).build()));
        return sageMakerTags;
    }
}

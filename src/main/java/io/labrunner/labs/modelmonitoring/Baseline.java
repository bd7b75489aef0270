package io.labrunner.labs.modelmonitoring;

import io.labrunner.labs.sagemakerxgboost.SageMakerWaits;
import io.labrunner.labs.sagemakerxgboost.XgboostTraining;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateProcessingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeProcessingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeProcessingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ProcessingInstanceType;
import software.amazon.awssdk.services.sagemaker.model.ProcessingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.ProcessingS3DataDistributionType;
import software.amazon.awssdk.services.sagemaker.model.ProcessingS3DataType;
import software.amazon.awssdk.services.sagemaker.model.ProcessingS3InputMode;
import software.amazon.awssdk.services.sagemaker.model.ProcessingS3UploadMode;

/**
 * The baseline: Model Monitor's analyzer run once as a processing job over the training data. It
 * writes {@code statistics.json} (per column: type, completeness, mean, spread, a distribution
 * sketch) and {@code constraints.json} (what every later batch must satisfy) to the output. The
 * request is what the SageMaker Python SDK's {@code DefaultModelMonitor.suggest_baseline} sends:
 * the dataset mounted at {@code /opt/ml/processing/input/baseline_dataset_input}, the results taken
 * from {@code /opt/ml/processing/output}, and the analyzer told where both are and how to read the
 * CSV through its environment.
 */
public final class Baseline {
    /** Spark runs inside the analyzer; about $0.23 an hour in us-east-1 (Dec 2026), billed per second. */
    public static final ProcessingInstanceType INSTANCE = ProcessingInstanceType.ML_M5_XLARGE;
    static final String INPUT = "/opt/ml/processing/input/baseline_dataset_input";
    static final String OUTPUT = "/opt/ml/processing/output";

    /**
     * The analyzer's settings. {@code output_columns_position} START: the first column is the model's
     * output (here the label), as the captured records will have it.
     */
    static final Map<String, String> ENVIRONMENT = Map.of(
            "dataset_format", "{\"csv\": {\"header\": true, \"output_columns_position\": \"START\"}}",
            "dataset_source", INPUT,
            "output_path", OUTPUT,
            "publish_cloudwatch_metrics", "Disabled");

    private Baseline() {
    }

    public static CreateProcessingJobRequest request(String job, String region, String roleArn, String datasetUri,
            String outputUri, Map<String, String> tags) {
        return CreateProcessingJobRequest.builder()
                .processingJobName(job)
                .roleArn(roleArn)
                .appSpecification(app -> app.imageUri(AnalyzerImage.uri(region)))
                .environment(ENVIRONMENT)
                .processingInputs(input -> input
                        .inputName("baseline_dataset_input")
                        .s3Input(s3 -> s3
                                .s3Uri(datasetUri)
                                .localPath(INPUT)
                                .s3DataType(ProcessingS3DataType.S3_PREFIX)
                                .s3InputMode(ProcessingS3InputMode.FILE)
                                .s3DataDistributionType(ProcessingS3DataDistributionType.FULLY_REPLICATED)))
                .processingOutputConfig(output -> output.outputs(out -> out
                        .outputName("monitoring_output")
                        .s3Output(s3 -> s3.s3Uri(outputUri).localPath(OUTPUT).s3UploadMode(ProcessingS3UploadMode.END_OF_JOB))))
                .processingResources(resources -> resources.clusterConfig(cluster -> cluster
                        .instanceCount(1).instanceType(INSTANCE).volumeSizeInGB(20)))
                .stoppingCondition(stop -> stop.maxRuntimeInSeconds(3600))
                .tags(XgboostTraining.tags(tags))
                .build();
    }

    /** Waits with the SDK's waiter; fails unless the job Completed, with its FailureReason. */
    public static DescribeProcessingJobResponse await(SageMakerClient sageMaker, String job) {
        try {
            sageMaker.waiter().waitUntilProcessingJobCompletedOrStopped(
                    DescribeProcessingJobRequest.builder().processingJobName(job).build(), SageMakerWaits.soonThenSeldom());
        } catch (SdkClientException endedFailed) {
            // The waiter gives up on Failed without the reason; Describe has it.
        }
        DescribeProcessingJobResponse done = sageMaker.describeProcessingJob(describe -> describe.processingJobName(job));
        if (done.processingJobStatus() != ProcessingJobStatus.COMPLETED) {
            throw new IllegalStateException("Processing job " + job + " ended " + done.processingJobStatusAsString() + ": "
                    + done.failureReason());
        }
        return done;
    }

    /** The S3 folder the job wrote its results to: its one output's S3Uri. */
    public static String outputUri(DescribeProcessingJobResponse job) {
        return job.processingOutputConfig().outputs().get(0).s3Output().s3Uri();
    }
}

package io.labrunner.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Everything a lab phase may use: SDK clients configured for the target, names unique to the run,
 * the ledger, and progress reporting. Clients are created on first use and closed by the runner.
 */
public interface LabContext extends RunNames {

    S3Client s3();

    StsClient sts();

    IamClient iam();

    GlueClient glue();

    AthenaClient athena();

    KinesisClient kinesis();

    FirehoseClient firehose();

    /** Bedrock's control plane: guardrails and the foundation models of the region. */
    BedrockClient bedrock();

    /** Bedrock's runtime: embeddings and text through InvokeModel and Converse, ApplyGuardrail. */
    BedrockRuntimeClient bedrockRuntime();

    /** SageMaker's control plane: training, tuning and transform jobs, models. */
    SageMakerClient sageMaker();

    /** SageMaker Runtime: InvokeEndpoint, the predictions of a deployed endpoint. */
    SageMakerRuntime sageMakerRuntime();

    /** CloudWatch: metrics (SageMaker endpoints publish theirs) and metric alarms. */
    CloudWatchClient cloudWatch();

    /** CloudWatch Logs, where SageMaker jobs write their containers' output. */
    CloudWatchLogsClient logs();

    /** KMS: customer managed keys, their aliases, key policies and rotation. */
    KmsClient kms();

    /** Secrets Manager: secrets such as database credentials, encrypted with a KMS key. */
    SecretsManagerClient secretsManager();

    /** Step Functions: state machines, their executions and execution histories. */
    SfnClient sfn();

    /** EventBridge: rules, their event patterns and targets. */
    EventBridgeClient eventBridge();

    /**
     * S3 over plain HTTP, not TLS: for showing that a bucket policy denying non-TLS access
     * ({@code "Bool": {"aws:SecureTransport": "false"}}) refuses it. A lab that declares
     * {@link Capability#TLS} gets every other client over TLS; on AWS this one goes to the region's
     * {@code http://} S3 endpoint, on an emulator to its endpoint with the {@code http} scheme.
     */
    S3Client s3OverPlainHttp();

    /** Tags every taggable resource of the run carries ({@code lab:run-id}, {@code lab:lab}, {@code lab:expires-at}). */
    Map<String, String> tags();

    /**
     * Creates a resource through the ledger: the resource is recorded before {@code creation} runs
     * and confirmed after it returns, so a crash in between still leaves it to clean up.
     */
    <T> T create(Resource resource, Supplier<T> creation);

    /** Runs one named step of the current phase, shown with ✔/✘ and its duration. */
    void step(String name, Step step) throws Exception;

    /**
     * Polls {@code probe} every {@code interval} until it returns a value, showing a live progress
     * line; fails with a clear message after {@code timeout}.
     */
    <T> T waitFor(String what, Duration timeout, Duration interval, Supplier<Optional<T>> probe);

    /** Prints a line of output for the learner under the current step (tables, sizes). */
    void note(String line);

    /** A data file shipped with the lab under {@code labs/<id>/}, copied to a local temp file. */
    Path dataFile(String relativePath);

    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }
}

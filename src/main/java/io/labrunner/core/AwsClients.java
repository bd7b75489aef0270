package io.labrunner.core;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * SDK clients configured for one target: its endpoint (if any), region and credentials. Each
 * client is built on first use and closed with this object. The clients share one HTTP client,
 * named explicitly because several HTTP implementations are on the class path.
 */
public final class AwsClients implements AutoCloseable {
    private final Optional<URI> endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http = ApacheHttpClient.builder().maxConnections(64).build();
    private final List<SdkAutoCloseable> open = new ArrayList<>();

    private S3Client s3;
    private StsClient sts;
    private IamClient iam;
    private GlueClient glue;
    private AthenaClient athena;
    private KinesisClient kinesis;
    private FirehoseClient firehose;
    private BedrockClient bedrock;
    private BedrockRuntimeClient bedrockRuntime;
    private SageMakerClient sageMaker;
    private CloudWatchLogsClient logs;
    private CloudWatchClient cloudWatch;
    private SageMakerRuntime sageMakerRuntime;
    private KmsClient kms;
    private SecretsManagerClient secretsManager;

    public AwsClients(Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
    }

    public Region region() {
        return region;
    }

    public Optional<URI> endpoint() {
        return endpoint;
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            // Emulators serve buckets on one host name: path-style addressing (http://host/bucket/key).
            s3 = track(() -> configure(S3Client.builder()).forcePathStyle(endpoint.isPresent()).build());
        }
        return s3;
    }

    public synchronized StsClient sts() {
        if (sts == null) {
            sts = track(() -> configure(StsClient.builder()).build());
        }
        return sts;
    }

    public synchronized IamClient iam() {
        if (iam == null) {
            // IAM is a global service: on AWS its clients must use aws-global whatever the lab's region.
            iam = track(() -> configure(IamClient.builder())
                    .region(endpoint.isPresent() ? region : Region.AWS_GLOBAL).build());
        }
        return iam;
    }

    public synchronized GlueClient glue() {
        if (glue == null) {
            glue = track(() -> configure(GlueClient.builder()).build());
        }
        return glue;
    }

    public synchronized AthenaClient athena() {
        if (athena == null) {
            athena = track(() -> configure(AthenaClient.builder()).build());
        }
        return athena;
    }

    public synchronized KinesisClient kinesis() {
        if (kinesis == null) {
            kinesis = track(() -> configure(KinesisClient.builder()).build());
        }
        return kinesis;
    }

    public synchronized FirehoseClient firehose() {
        if (firehose == null) {
            firehose = track(() -> configure(FirehoseClient.builder()).build());
        }
        return firehose;
    }

    /** Bedrock's control plane: guardrails, the foundation-model catalogue. */
    public synchronized BedrockClient bedrock() {
        if (bedrock == null) {
            bedrock = track(() -> configure(BedrockClient.builder()).build());
        }
        return bedrock;
    }

    /** Bedrock's runtime: InvokeModel, Converse, ApplyGuardrail. */
    public synchronized BedrockRuntimeClient bedrockRuntime() {
        if (bedrockRuntime == null) {
            bedrockRuntime = track(() -> configure(BedrockRuntimeClient.builder()).build());
        }
        return bedrockRuntime;
    }

    /** SageMaker's control plane: training, tuning and transform jobs, models. */
    public synchronized SageMakerClient sageMaker() {
        if (sageMaker == null) {
            sageMaker = track(() -> configure(SageMakerClient.builder()).build());
        }
        return sageMaker;
    }

    /** CloudWatch: metrics (SageMaker endpoints publish theirs) and metric alarms. */
    public synchronized CloudWatchClient cloudWatch() {
        if (cloudWatch == null) {
            cloudWatch = track(() -> configure(CloudWatchClient.builder()).build());
        }
        return cloudWatch;
    }

    /** SageMaker Runtime: InvokeEndpoint on a deployed endpoint. */
    public synchronized SageMakerRuntime sageMakerRuntime() {
        if (sageMakerRuntime == null) {
            sageMakerRuntime = new SageMakerRuntime(endpoint, region, credentials, http);
        }
        return sageMakerRuntime;
    }

    /** CloudWatch Logs, where training jobs write their containers' output. */
    public synchronized CloudWatchLogsClient logs() {
        if (logs == null) {
            logs = track(() -> configure(CloudWatchLogsClient.builder()).build());
        }
        return logs;
    }

    /** KMS: keys, aliases, key policies, Encrypt and Decrypt. */
    public synchronized KmsClient kms() {
        if (kms == null) {
            kms = track(() -> configure(KmsClient.builder()).build());
        }
        return kms;
    }

    /** Secrets Manager: secrets and their versions. */
    public synchronized SecretsManagerClient secretsManager() {
        if (secretsManager == null) {
            secretsManager = track(() -> configure(SecretsManagerClient.builder()).build());
        }
        return secretsManager;
    }

    /**
     * Applies this target's endpoint, region and credentials to any SDK client builder, for
     * services this class has no accessor for.
     */
    public <B extends AwsClientBuilder<B, C>, C> B configure(B builder) {
        endpoint.ifPresent(builder::endpointOverride);
        builder.region(region).credentialsProvider(credentials);
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http);
        }
        return builder;
    }

    private <C extends SdkAutoCloseable> C track(Supplier<C> factory) {
        C client = factory.get();
        open.add(client);
        return client;
    }

    @Override
    public synchronized void close() {
        open.forEach(SdkAutoCloseable::close);
        open.clear();
        http.close();
    }
}

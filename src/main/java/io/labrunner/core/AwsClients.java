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
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * SDK clients configured for one target: its endpoint (if any), region and credentials. Each
 * client is built on first use and closed with this object. The clients share one HTTP client,
 * named explicitly because several HTTP implementations are on the class path.
 *
 * <p>Clients use the target's endpoint as it is: on AWS that is TLS, on an emulator usually plain HTTP.
 * {@link #overTls()} gives the same clients over TLS where the target offers it (the embedded emulator,
 * trusting only its own certificate); {@link #s3OverPlainHttp()} gives S3 without TLS, to show what a
 * policy denying non-TLS access does.
 */
public final class AwsClients implements AutoCloseable {
    private final Optional<URI> endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final Optional<TlsEndpoint> tls;
    private final SdkHttpClient http;
    private final List<SdkAutoCloseable> open = new ArrayList<>();
    private AwsClients overTls;
    private S3Client s3OverPlainHttp;

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
    private SfnClient sfn;
    private EventBridgeClient eventBridge;

    public AwsClients(Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials) {
        this(endpoint, region, credentials, Optional.empty());
    }

    /**
     * @param tls how to reach the same target over TLS when {@code endpoint} is plain HTTP (the embedded
     *            emulator); empty when it offers no TLS, or its endpoint is TLS already
     */
    public AwsClients(Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials,
                      Optional<TlsEndpoint> tls) {
        this(endpoint, region, credentials, tls, ApacheHttpClient.builder().maxConnections(64).build());
    }

    private AwsClients(Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials,
                       Optional<TlsEndpoint> tls, SdkHttpClient http) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.tls = tls;
        this.http = http;
    }

    /** Whether these clients already go over TLS: AWS's own endpoints, or an https endpoint. */
    public boolean overTlsAlready() {
        return endpoint.map(uri -> "https".equalsIgnoreCase(uri.getScheme())).orElse(true);
    }

    /** Whether {@link #overTls()} can give clients over TLS. */
    public boolean offersTls() {
        return overTlsAlready() || tls.isPresent();
    }

    /**
     * The same target's clients over TLS: these clients when they go over TLS already; on the embedded
     * emulator, clients of its https endpoint that trust its certificate and no other. Closed with this object.
     *
     * @throws LabException when the target's endpoint is plain HTTP and offers no TLS
     */
    public synchronized AwsClients overTls() {
        if (overTlsAlready()) {
            return this;
        }
        if (tls.isEmpty()) {
            throw new LabException("The target's endpoint " + endpoint.get() + " is plain HTTP and no TLS endpoint is"
                    + " known for it; use the embedded target, an https --endpoint, or a real account.");
        }
        if (overTls == null) {
            TlsEndpoint secure = tls.get();
            overTls = new AwsClients(Optional.of(secure.endpoint()), region, credentials, Optional.empty(),
                    ApacheHttpClient.builder().maxConnections(64)
                            .tlsTrustManagersProvider(PemTrust.provider(secure.certificate())).build());
        }
        return overTls;
    }

    /**
     * S3 reached over plain HTTP: on an emulator its endpoint with the {@code http} scheme (an emulator that
     * speaks both on one port, as the embedded one and LocalStack do), on AWS the region's
     * {@code http://s3.<region>.amazonaws.com}. For showing that a bucket policy with
     * {@code "Bool": {"aws:SecureTransport": "false"}} denies it; nothing else should go this way.
     */
    public synchronized S3Client s3OverPlainHttp() {
        if (s3OverPlainHttp == null) {
            URI plain = plainHttpEndpoint();
            s3OverPlainHttp = track(() -> S3Client.builder().endpointOverride(plain).region(region)
                    .credentialsProvider(credentials).httpClient(http).forcePathStyle(endpoint.isPresent()).build());
        }
        return s3OverPlainHttp;
    }

    /** Where {@link #s3OverPlainHttp()} goes. */
    URI plainHttpEndpoint() {
        if (endpoint.isEmpty()) {
            String domain = region.metadata() == null ? "amazonaws.com" : region.metadata().domain();
            return URI.create("http://s3." + region.id() + "." + domain);
        }
        URI uri = endpoint.get();
        return URI.create("http://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath()));
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

    /** Step Functions: state machines, their executions and execution histories. */
    public synchronized SfnClient sfn() {
        if (sfn == null) {
            sfn = track(() -> configure(SfnClient.builder()).build());
        }
        return sfn;
    }

    /** EventBridge: rules with event patterns, their targets, PutEvents. */
    public synchronized EventBridgeClient eventBridge() {
        if (eventBridge == null) {
            eventBridge = track(() -> configure(EventBridgeClient.builder()).build());
        }
        return eventBridge;
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
        if (overTls != null) {
            overTls.close();
            overTls = null;
        }
        open.forEach(SdkAutoCloseable::close);
        open.clear();
        http.close();
    }
}

package io.labrunner.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.core.AwsClients;
import io.labrunner.core.Capability;
import io.labrunner.core.LabException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.regions.Region;

/**
 * Finds out what a running endpoint offers: a {@code lab emulator} says so at {@code GET /_lab/health}, LocalStack
 * at {@code /_localstack/health}, Floci at {@code /_floci/health} (within what it is known to do); anything else
 * must first answer as AWS does, then each service is asked something only a real implementation answers right.
 */
final class CapabilityProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    /** How Floci's health document names its edition (in {@code edition}, or since May 2026 {@code original_edition}). */
    private static final String FLOCI_EDITION = "floci-always-free";

    /** LocalStack service names, as its health endpoint lists them, and what each one serves. */
    private static final Map<String, List<Capability>> LOCALSTACK_SERVICES = Map.of(
            "s3", List.of(Capability.S3),
            "sts", List.of(Capability.STS),
            "iam", List.of(Capability.IAM),
            "glue", List.of(Capability.GLUE_CATALOG, Capability.GLUE_CRAWLER),
            "athena", List.of(Capability.ATHENA_SQL),
            "kinesis", List.of(Capability.KINESIS, Capability.KINESIS_RESHARD_LINEAGE),
            "firehose", List.of(Capability.FIREHOSE_S3),
            "bedrock", List.of(Capability.BEDROCK_TEXT, Capability.BEDROCK_EMBEDDINGS, Capability.BEDROCK_GUARDRAILS),
            "sagemaker", List.of(Capability.SAGEMAKER_TRAINING),
            "cloudwatch", List.of(Capability.CLOUDWATCH_METRICS));

    /** The lab emulator's signing names, as its health path lists them, and what each one serves. */
    private static final Map<String, List<Capability>> LAB_EMULATOR_SERVICES = Map.ofEntries(
            Map.entry("s3", List.of(Capability.S3, Capability.S3_ENCRYPTION, Capability.S3_BUCKET_POLICIES)),
            Map.entry("sts", List.of(Capability.STS)),
            Map.entry("iam", List.of(Capability.IAM)),
            Map.entry("glue", List.of(Capability.GLUE_CATALOG, Capability.GLUE_CRAWLER)),
            Map.entry("athena", List.of(Capability.ATHENA_SQL)),
            Map.entry("kinesis", List.of(Capability.KINESIS, Capability.KINESIS_RESHARD_LINEAGE)),
            Map.entry("firehose", List.of(Capability.FIREHOSE_S3)),
            Map.entry("bedrock", List.of(Capability.BEDROCK_TEXT, Capability.BEDROCK_EMBEDDINGS,
                    Capability.BEDROCK_GUARDRAILS)),
            Map.entry("sagemaker", List.of(Capability.SAGEMAKER_TRAINING, Capability.SAGEMAKER_HOSTING,
                    Capability.SAGEMAKER_MODEL_MONITOR, Capability.SAGEMAKER_PIPELINES)),
            Map.entry("states", List.of(Capability.STEP_FUNCTIONS)),
            Map.entry("events", List.of(Capability.EVENTBRIDGE, Capability.S3_EVENTBRIDGE)),
            Map.entry("monitoring", List.of(Capability.CLOUDWATCH_METRICS)),
            Map.entry("kms", List.of(Capability.KMS)),
            Map.entry("secretsmanager", List.of(Capability.SECRETS_MANAGER)));

    /** What the endpoint turned out to be, and what it offers. */
    record Finding(String kind, Set<Capability> capabilities, Map<Capability, String> faults) {
        Finding(String kind, Set<Capability> capabilities) {
            this(kind, capabilities, Map.of());
        }
    }

    private CapabilityProbe() {
    }

    static Finding discover(URI endpoint, Region region, AwsCredentialsProvider credentials) {
        Optional<Set<Capability>> lab = labEmulator(endpoint);
        if (lab.isPresent()) {
            return new Finding("lab emulator", lab.get());
        }
        // Floci answers /_floci/health since it has a health path (April 2026), and /_localstack/health with the
        // same document; since May 2026 /health too. Its document tells it from LocalStack's by its edition.
        Optional<Set<Capability>> floci = health(endpoint, "/_floci/health").flatMap(CapabilityProbe::fromFlociHealth);
        Optional<String> localstack = health(endpoint, "/_localstack/health");
        if (floci.isEmpty()) {
            floci = localstack.flatMap(CapabilityProbe::fromFlociHealth)
                    .or(() -> health(endpoint, "/health").flatMap(CapabilityProbe::fromFlociHealth));
        }
        if (floci.isPresent()) {
            return new Finding("Floci", floci.get(), TargetKind.FLOCI.knownFaults());
        }
        Optional<Set<Capability>> fromLocalStack = localstack.flatMap(CapabilityProbe::fromLocalStackHealth);
        if (fromLocalStack.isPresent()) {
            return new Finding("LocalStack", fromLocalStack.get());
        }
        requireAws(endpoint, region, credentials);
        return new Finding("an AWS-compatible endpoint", probe(endpoint, region, credentials));
    }

    /** Floci's service names, as its health document lists them, and what each one serves there. */
    private static final Map<String, List<Capability>> FLOCI_SERVICES = Map.of(
            "s3", List.of(Capability.S3),
            "iam", List.of(Capability.IAM, Capability.STS),
            "glue", List.of(Capability.GLUE_CATALOG),
            "kinesis", List.of(Capability.KINESIS),
            "firehose", List.of(Capability.FIREHOSE_S3));

    /**
     * What a Floci health document says it serves, within what Floci is known to do well enough for the labs
     * ({@link TargetKind#FLOCI}); empty if the body is not Floci's. Floci lists an enabled service as
     * {@code running} and a disabled one as {@code available}.
     */
    static Optional<Set<Capability>> fromFlociHealth(String body) {
        try {
            JsonNode health = JSON.readTree(body);
            boolean floci = FLOCI_EDITION.equals(health.path("edition").asText())
                    || FLOCI_EDITION.equals(health.path("original_edition").asText());
            if (!floci || !health.path("services").isObject()) {
                return Optional.empty();
            }
            Set<Capability> offered = EnumSet.noneOf(Capability.class);
            health.path("services").fields().forEachRemaining(service -> {
                if (service.getValue().asText().equals("running")) {
                    offered.addAll(FLOCI_SERVICES.getOrDefault(service.getKey(), List.of()));
                }
            });
            offered.retainAll(TargetKind.FLOCI.knownCapabilities());
            return Optional.of(offered);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The endpoint must answer as an AWS service does before anything is asked of it, let alone created: a web page,
     * a proxy's error page or a bare 500 to STS GetCallerIdentity is one line and exit status 2.
     */
    static void requireAws(URI endpoint, Region region, AwsCredentialsProvider credentials) {
        SignedJson.Response answer;
        try {
            answer = new SignedJson(region, credentials).query(endpoint, "sts", "Action=GetCallerIdentity&Version=2011-06-15");
        } catch (IOException | RuntimeException e) {
            throw new LabException(endpoint + " is not an AWS endpoint: it did not answer STS GetCallerIdentity ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""))
                    + ").");
        }
        AwsAnswers.notAws(answer.status(), answer.contentType(), answer.body()).ifPresent(what -> {
            throw new LabException(endpoint + " is not an AWS endpoint: it answered STS GetCallerIdentity with " + what
                    + ". Point --endpoint at LocalStack, Floci or 'lab emulator'.");
        });
    }

    /** What the lab emulator at {@code endpoint} serves, from its health path; empty when it is not one. */
    static Optional<Set<Capability>> labEmulator(URI endpoint) {
        return get(endpoint, "/_lab/health").filter(response -> response.statusCode() == 200)
                .flatMap(response -> fromLabEmulatorHealth(response.body()));
    }

    /**
     * What a lab emulator's health document says it serves, with the settings that add or take away a capability
     * (IAM enforcement, throughput limits); empty if the body is not that document.
     */
    static Optional<Set<Capability>> fromLabEmulatorHealth(String body) {
        try {
            JsonNode health = JSON.readTree(body);
            if (!"lab emulator".equals(health.path("emulator").asText()) || !health.path("services").isObject()) {
                return Optional.empty();
            }
            Set<Capability> offered = EnumSet.noneOf(Capability.class);
            health.path("services").fieldNames().forEachRemaining(
                    name -> offered.addAll(LAB_EMULATOR_SERVICES.getOrDefault(name, List.of())));
            JsonNode settings = health.path("settings");
            if (offered.contains(Capability.KINESIS) && settings.path("limits").asBoolean(true)) {
                offered.add(Capability.KINESIS_SHARD_LIMITS);
            }
            if (settings.path("enforceIam").asBoolean(false)) {
                offered.add(Capability.IAM_ENFORCEMENT);
            }
            return Optional.of(offered);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Services LocalStack lists as {@code available} or {@code running}; empty if the body is not its health JSON. */
    static Optional<Set<Capability>> fromLocalStackHealth(String body) {
        try {
            JsonNode services = JSON.readTree(body).path("services");
            if (!services.isObject()) {
                return Optional.empty();
            }
            Set<Capability> offered = EnumSet.noneOf(Capability.class);
            Iterator<Map.Entry<String, JsonNode>> fields = services.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> service = fields.next();
                String state = service.getValue().asText().toLowerCase(Locale.ROOT);
                if (state.equals("available") || state.equals("running")) {
                    offered.addAll(LOCALSTACK_SERVICES.getOrDefault(service.getKey(), List.of()));
                }
            }
            return Optional.of(offered);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Asks each service something harmless; a service that answers is offered. */
    static Set<Capability> probe(URI endpoint, Region region, AwsCredentialsProvider credentials) {
        Set<Capability> offered = EnumSet.noneOf(Capability.class);
        try (AwsClients clients = new AwsClients(Optional.of(endpoint), region, credentials)) {
            // One try each: a service that is not there answers 501, which the SDK would otherwise retry.
            try (StsClient sts = once(clients.configure(StsClient.builder())).build();
                 S3Client s3 = once(clients.configure(S3Client.builder())).forcePathStyle(true).build();
                 IamClient iam = once(clients.configure(IamClient.builder())).build();
                 GlueClient glue = once(clients.configure(GlueClient.builder())).build();
                 AthenaClient athena = once(clients.configure(AthenaClient.builder())).build();
                 SfnClient sfn = once(clients.configure(SfnClient.builder())).build();
                 EventBridgeClient events = once(clients.configure(EventBridgeClient.builder())).build()) {
                check(offered, Capability.STS, sts::getCallerIdentity);
                check(offered, Capability.S3, s3::listBuckets);
                check(offered, Capability.IAM, () -> iam.listRoles(r -> r.maxItems(1)));
                check(offered, Capability.GLUE_CATALOG, () -> glue.getDatabases(r -> r.maxResults(1)));
                if (offered.contains(Capability.GLUE_CATALOG)) {
                    // A stub can answer a listing; only a real implementation keeps a crawler it was given.
                    check(offered, Capability.GLUE_CRAWLER, () -> crawlerKept(glue, offered.contains(Capability.STS)
                            ? sts.getCallerIdentity().account() : "000000000000"));
                }
                check(offered, Capability.ATHENA_SQL, () -> athena.listWorkGroups(r -> r.maxResults(1)));
                check(offered, Capability.STEP_FUNCTIONS, () -> sfn.listStateMachines(r -> r.maxResults(1)));
                check(offered, Capability.EVENTBRIDGE, () -> events.listRules(r -> r.limit(1)));
            }
        }
        SignedJson json = new SignedJson(region, credentials);
        checkJson(offered, Capability.KINESIS, json, endpoint, "kinesis", "Kinesis_20131202.ListStreams");
        checkJson(offered, Capability.FIREHOSE_S3, json, endpoint, "firehose", "Firehose_20150804.ListDeliveryStreams");
        checkJson(offered, Capability.SAGEMAKER_TRAINING, json, endpoint, "sagemaker", "SageMaker.ListTrainingJobs");
        checkJson(offered, Capability.SAGEMAKER_MODEL_MONITOR, json, endpoint, "sagemaker",
                "SageMaker.ListMonitoringSchedules");
        checkJson(offered, Capability.SAGEMAKER_HOSTING, json, endpoint, "sagemaker", "SageMaker.ListEndpoints");
        checkJson(offered, Capability.SAGEMAKER_PIPELINES, json, endpoint, "sagemaker", "SageMaker.ListPipelines");
        checkJson(offered, Capability.CLOUDWATCH_METRICS, json, endpoint, "monitoring",
                "GraniteServiceVersion20100801.ListMetrics");
        checkJson(offered, Capability.KMS, json, endpoint, "kms", "TrentService.ListKeys");
        checkJson(offered, Capability.SECRETS_MANAGER, json, endpoint, "secretsmanager", "secretsmanager.ListSecrets");
        if (offered.isEmpty()) {
            throw new LabException("The endpoint " + endpoint + " answers, but not as AWS does (no S3, no STS)."
                    + " Point --endpoint at LocalStack, Floci or 'lab emulator'.");
        }
        return offered;
    }

    /**
     * Creates a crawler, reads it back and deletes it: what a target that really has crawlers answers; one that
     * does not refuses CreateCrawler (Floci: InvalidAction) or cannot show what it was given.
     */
    private static Object crawlerKept(GlueClient glue, String account) {
        String name = "lab-probe-" + UUID.randomUUID().toString().substring(0, 8);
        glue.createCrawler(r -> r.name(name).role("arn:aws:iam::" + account + ":role/" + name)
                .targets(t -> t.s3Targets(s3 -> s3.path("s3://" + name + "/data/"))));
        try {
            if (!name.equals(glue.getCrawler(r -> r.name(name)).crawler().name())) {
                throw new IllegalStateException("the crawler it was given is not the one it shows");
            }
            return name;
        } finally {
            glue.deleteCrawler(r -> r.name(name));
        }
    }

    private static <B extends AwsClientBuilder<B, ?>> B once(B builder) {
        return builder.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
    }

    private static void check(Set<Capability> offered, Capability capability, Supplier<?> call) {
        try {
            var unused = call.get();
            offered.add(capability);
        } catch (RuntimeException e) {
            // Not implemented, not licensed, or not there at all: either way, not offered.
        }
    }

    private static void checkJson(Set<Capability> offered, Capability capability, SignedJson json, URI endpoint,
                                  String signingName, String target) {
        try {
            if (json.call(endpoint, signingName, target, "{}").ok()) {
                offered.add(capability);
            }
        } catch (IOException | RuntimeException e) {
            // As above: a service that does not answer is not offered.
        }
    }

    /** The endpoint must answer at all; this says why not in one line. */
    static void requireAnswers(URI endpoint) {
        try {
            HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new LabException("Nothing answers at " + endpoint + " (" + describe(e) + "). Start LocalStack, Floci"
                    + " or 'lab emulator' there, or pass another --endpoint.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("Interrupted while reaching " + endpoint);
        }
    }

    /** The body of a 200 answer to GET {@code path}; empty for anything else. */
    private static Optional<String> health(URI endpoint, String path) {
        return get(endpoint, path).filter(response -> response.statusCode() == 200).map(HttpResponse::body);
    }

    private static Optional<HttpResponse<String>> get(URI endpoint, String path) {
        try {
            return Optional.of(HTTP.send(HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}

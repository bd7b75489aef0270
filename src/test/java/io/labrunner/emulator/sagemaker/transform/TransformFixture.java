package io.labrunner.emulator.sagemaker.transform;

import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.logs.LogWriter;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.sagemaker.ResourceTags;
import io.labrunner.emulator.sagemaker.algorithms.Algorithm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * An emulator serving SageMaker models and Batch Transform through a test-only service (the real
 * SageMaker service wires the same classes), with S3 and CloudWatch Logs in memory and a stand-in
 * algorithm behind the images {@code .../sum-algo:1} and {@code .../slow-sum-algo:1}.
 */
final class TransformFixture implements AutoCloseable {
    static final String ROLE = "arn:aws:iam::000000000000:role/SageMakerRole";
    static final String SUM_IMAGE = "811284229777.dkr.ecr.us-east-1.amazonaws.com/sum-algo:1";
    static final String SLOW_IMAGE = "811284229777.dkr.ecr.us-east-1.amazonaws.com/slow-sum-algo:1";
    static final String BUCKET = "data";

    final MemoryS3 s3;
    final List<LogEvent> logs;
    final Emulator emulator;
    final SageMakerClient sagemaker;
    private TestSageMaker service;

    /** One CloudWatch Logs event as a service wrote it. */
    record LogEvent(String region, String group, String stream, String message) {
    }

    TransformFixture() {
        this(new MemoryS3(), new CopyOnWriteArrayList<>(), null);
        s3.createBucket(BUCKET);
    }

    /** An emulator on {@code dataDir} that shares {@code s3} with an earlier one, as a restart would. */
    TransformFixture(MemoryS3 s3, List<LogEvent> logs, Path dataDir) {
        this.s3 = s3;
        this.logs = logs;
        LogWriter writer = (region, group, stream, timestamp, message) ->
                logs.add(new LogEvent(region, group, stream, message));
        this.emulator = Emulator.builder().port(0).dataDir(dataDir)
                .service(e -> service = new TestSageMaker(s3, writer, e))
                .build().start();
        this.sagemaker = SageMakerClient.builder()
                .endpointOverride(emulator.getEndpoint())
                .region(Region.of(emulator.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey())))
                .build();
    }

    ResourceTags tags() {
        return service.tags;
    }

    static Optional<Algorithm> algorithm(String image) {
        String repository = image.substring(image.indexOf('/') + 1, image.lastIndexOf(':'));
        return switch (repository) {
            case "sum-algo" -> Optional.of(new SumAlgorithm(0));
            case "slow-sum-algo" -> Optional.of(new SumAlgorithm(150));
            default -> Optional.empty();
        };
    }

    void put(String key, String content) {
        s3.put(BUCKET, key, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Uploads a {@code model.tar.gz} whose model predicts {@code weight} × the sum of the features. */
    String uploadModel(String key, double weight) {
        s3.put(BUCKET, key, modelTarGz(Map.of(SumAlgorithm.MODEL_FILE, Double.toString(weight))));
        return "s3://" + BUCKET + "/" + key;
    }

    /** Creates a model serving {@code image} from a fresh artifact with the given weight. */
    void createModel(String name, String image, double weight) {
        String url = uploadModel("models/" + name + "/model.tar.gz", weight);
        sagemaker.createModel(r -> r.modelName(name).executionRoleArn(ROLE)
                .primaryContainer(c -> c.image(image).modelDataUrl(url)));
    }

    static byte[] modelTarGz(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        sagemaker.close();
        emulator.close();
    }

    /** The SageMaker signing name served by the model and transform classes alone. */
    private static final class TestSageMaker implements AwsService {
        final ResourceTags tags;
        private final TransformJobs jobs;
        private final JsonProtocolService protocol;

        TestSageMaker(MemoryS3 s3, LogWriter logs, Emulator emulator) {
            this.tags = new ResourceTags(emulator.stateStore());
            Models models = new Models(s3, tags, emulator.stateStore(), Clock.systemUTC());
            this.jobs = new TransformJobs(models, s3, TransformFixture::algorithm,
                    List.of("sagemaker-xgboost", "linear-learner"), tags, logs, emulator.stateStore(),
                    Clock.systemUTC(), Duration.ofMillis(100));
            // AddTags belongs to the real SageMaker service; here just enough of it for the runner's tagger.
            this.protocol = jobs.register(models.register(JsonProtocolService.builder("sagemaker")))
                    .handler("AddTags", (input, request) -> {
                        tags.put(input.path("ResourceArn").asText(), Tags.of(input.path("Tags")));
                        return Map.of("Tags", input.path("Tags"));
                    })
                    .build();
        }

        @Override
        public String signingName() {
            return "sagemaker";
        }

        @Override
        public Protocol protocol() {
            return Protocol.JSON;
        }

        @Override
        public AwsResponse handle(AwsRequest request) {
            return protocol.handle(request);
        }

        @Override
        public void close() {
            jobs.close();
        }
    }
}

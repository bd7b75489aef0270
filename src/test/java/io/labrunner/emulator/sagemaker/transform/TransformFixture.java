package io.labrunner.emulator.sagemaker.transform;

import io.labrunner.emulator.Emulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * An emulator as labs get it, with a stand-in algorithm behind the images {@code .../sum-algo:1} and
 * {@code .../slow-sum-algo:1}; SDK clients for SageMaker, S3 and CloudWatch Logs; and the bucket
 * {@code data}.
 */
final class TransformFixture implements AutoCloseable {
    static final String ROLE = "arn:aws:iam::000000000000:role/SageMakerRole";
    static final String SUM_IMAGE = "811284229777.dkr.ecr.us-east-1.amazonaws.com/sum-algo:1";
    static final String SLOW_IMAGE = "811284229777.dkr.ecr.us-east-1.amazonaws.com/slow-sum-algo:1";
    static final String BUCKET = "data";

    final Emulator emulator;
    final SageMakerClient sagemaker;
    final S3Client s3Client;
    final CloudWatchLogsClient logs;
    final StoredObjects s3;

    /** One CloudWatch Logs event, read back through the Logs API. */
    record LogEvent(String group, String stream, String message) {
    }

    TransformFixture() {
        this(null);
        s3Client.createBucket(r -> r.bucket(BUCKET));
    }

    /** An emulator keeping its state in {@code dataDir}, to be started again on it. */
    TransformFixture(Path dataDir) {
        this.emulator = Emulator.builder().port(0).dataDir(dataDir)
                .algorithms(new SumAlgorithm("sum-algo", 0), new SumAlgorithm("slow-sum-algo", 150))
                .build().start();
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()));
        Region region = Region.of(emulator.getRegion());
        this.sagemaker = SageMakerClient.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).build();
        this.s3Client = S3Client.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).forcePathStyle(true).build();
        this.logs = CloudWatchLogsClient.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).build();
        this.s3 = new StoredObjects(emulator.s3Objects());
    }

    /** Every event in the transform jobs' log group, stream by stream. */
    List<LogEvent> transformLogs() {
        List<LogEvent> events = new ArrayList<>();
        String group = "/aws/sagemaker/TransformJobs";
        for (LogStream stream : logs.describeLogStreamsPaginator(r -> r.logGroupName(group)).logStreams()) {
            logs.getLogEvents(r -> r.logGroupName(group).logStreamName(stream.logStreamName()).startFromHead(true))
                    .events().forEach(e -> events.add(new LogEvent(group, stream.logStreamName(), e.message())));
        }
        return events;
    }

    Map<String, String> tags(String arn) {
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        sagemaker.listTags(r -> r.resourceArn(arn)).tags().forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }

    void put(String key, String content) {
        s3Client.putObject(r -> r.bucket(BUCKET).key(key),
                software.amazon.awssdk.core.sync.RequestBody.fromString(content));
    }

    /** Uploads a {@code model.tar.gz} whose model predicts {@code weight} × the sum of the features. */
    String uploadModel(String key, double weight) {
        s3Client.putObject(r -> r.bucket(BUCKET).key(key), software.amazon.awssdk.core.sync.RequestBody.fromBytes(
                modelTarGz(Map.of(SumAlgorithm.MODEL_FILE, Double.toString(weight)))));
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
        s3Client.close();
        logs.close();
        emulator.close();
    }
}

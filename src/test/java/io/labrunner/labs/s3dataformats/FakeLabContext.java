package io.labrunner.labs.s3dataformats;

import io.labrunner.core.LabContext;
import io.labrunner.core.Resource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/** Just enough of a run for this lab: an S3 client on a local endpoint, a ledger list, notes. */
final class FakeLabContext implements LabContext, AutoCloseable {

    final List<Resource> created = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    private final String runId;
    private final S3Client s3;

    FakeLabContext(String runId, URI endpoint) {
        this.runId = runId;
        s3 = S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(ApacheHttpClient.create())
                .build();
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public String name(String suffix) {
        return "lab-" + runId() + "-" + suffix;
    }

    @Override
    public S3Client s3() {
        return s3;
    }

    @Override
    public StsClient sts() {
        throw new UnsupportedOperationException("this lab needs S3 only");
    }

    @Override
    public IamClient iam() {
        throw new UnsupportedOperationException("this lab needs S3 only");
    }

    @Override
    public GlueClient glue() {
        throw new UnsupportedOperationException("this lab needs S3 only");
    }

    @Override
    public AthenaClient athena() {
        throw new UnsupportedOperationException("this lab needs S3 only");
    }

    @Override
    public software.amazon.awssdk.services.kinesis.KinesisClient kinesis() {
        throw new UnsupportedOperationException("this lab needs S3 only");
    }

    @Override
    public software.amazon.awssdk.services.firehose.FirehoseClient firehose() {
        throw new UnsupportedOperationException("this lab needs S3 only");
    }

    @Override
    public Map<String, String> tags() {
        return Map.of("lab:run-id", runId(), "lab:lab", "s3-data-formats");
    }

    @Override
    public <T> T create(Resource resource, Supplier<T> creation) {
        created.add(resource);
        return creation.get();
    }

    @Override
    public void step(String name, Step step) throws Exception {
        step.run();
    }

    @Override
    public <T> T waitFor(String what, Duration timeout, Duration interval, Supplier<Optional<T>> probe) {
        throw new UnsupportedOperationException("this lab waits with SDK waiters");
    }

    @Override
    public void note(String line) {
        notes.add(line);
    }

    @Override
    public Path dataFile(String relativePath) {
        return Path.of("labs", "s3-data-formats").resolve(relativePath);
    }

    @Override
    public void close() {
        s3.close();
    }
}

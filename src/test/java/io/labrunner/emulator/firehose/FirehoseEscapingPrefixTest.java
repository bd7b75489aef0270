package io.labrunner.emulator.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.Emulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamType;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A prefix of {@code ../../../../x/} against the emulator's own S3: AWS accepts it (keys are opaque), the
 * emulator's folders cannot hold such keys, so the records wait in the buffer — PutRecordBatch still
 * answers 200, nothing is written outside the data folder, and nothing is delivered under another key.
 */
class FirehoseEscapingPrefixTest {
    @TempDir
    Path temp;

    @Test
    void putRecordBatchSucceedsAndNoFileLandsOutsideTheDataFolder() throws IOException {
        ManualClock clock = new ManualClock();
        FirehoseService[] service = new FirehoseService[1];
        try (Emulator emulator = Emulator.builder().port(0).dataDir(temp.resolve("data"))
                .service(e -> service[0] = new FirehoseService(FirehoseSettings.manual(clock), e.objectStore(), null))
                .build().start()) {
            StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()));
            Region region = Region.of(emulator.getRegion());
            try (FirehoseClient firehose = FirehoseClient.builder().endpointOverride(emulator.getEndpoint())
                    .region(region).credentialsProvider(credentials)
                    .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
                 S3Client s3 = S3Client.builder().endpointOverride(emulator.getEndpoint()).region(region)
                         .credentialsProvider(credentials).forcePathStyle(true).build()) {
                s3.createBucket(b -> b.bucket("lake"));
                firehose.createDeliveryStream(b -> b.deliveryStreamName("escape")
                        .deliveryStreamType(DeliveryStreamType.DIRECT_PUT)
                        .extendedS3DestinationConfiguration(d -> d.bucketARN("arn:aws:s3:::lake")
                                .roleARN("arn:aws:iam::000000000000:role/firehose").prefix("../../../../x/")
                                .bufferingHints(h -> h.intervalInSeconds(0).sizeInMBs(1))));
                clock.advance(Duration.ofSeconds(1));

                PutRecordBatchResponse response = firehose.putRecordBatch(b -> b.deliveryStreamName("escape")
                        .records(Record.builder().data(SdkBytes.fromUtf8String("kept\n")).build()));
                service[0].deliverDue();

                assertThat(response.failedPutCount()).isZero();
                assertThat(service[0].deliveredKeys("us-east-1", "escape")).isEmpty();
                assertThat(s3.listObjectsV2(b -> b.bucket("lake")).contents()).isEmpty();
            }
        }
        try (Stream<Path> walk = Files.walk(temp)) {
            assertThat(walk.filter(p -> !p.startsWith(temp.resolve("data")) && !p.equals(temp))).isEmpty();
        }
    }
}

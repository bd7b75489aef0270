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
 * A prefix of {@code ../../../../x/} against the emulator's own S3: AWS accepts it (keys are opaque), and so
 * does the emulator's S3, which keeps keys its folders cannot hold under an escaped name — the records are
 * delivered under exactly that key, and nothing is written outside the data folder.
 */
class FirehoseEscapingPrefixTest {
    @TempDir
    Path temp;

    @Test
    void theRecordsAreDeliveredUnderTheClimbingKeyAndNoFileLandsOutsideTheDataFolder() throws IOException {
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
                assertThat(service[0].deliveredKeys("us-east-1", "escape")).singleElement()
                        .satisfies(key -> assertThat(key).startsWith("../../../../x/"));
                String key = service[0].deliveredKeys("us-east-1", "escape").get(0);
                assertThat(s3.listObjectsV2(b -> b.bucket("lake")).contents()).extracting(o -> o.key())
                        .containsExactly(key);
                // Reading it back over HTTP is for the front door: Jetty refuses a path above its root.
                assertThat(s3.listObjectsV2(b -> b.bucket("lake")).contents().get(0).size()).isEqualTo(5);
            }
        }
        try (Stream<Path> walk = Files.walk(temp)) {
            assertThat(walk.filter(p -> !p.startsWith(temp.resolve("data")) && !p.equals(temp))).isEmpty();
        }
    }
}

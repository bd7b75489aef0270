package io.labrunner.emulator.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.Emulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/** The emulator's limits setting ('lab emulator --no-limits'): on by default, as on AWS; off for load tests. */
class EmulatorLimitsTest {

    @Test
    void byDefaultAShardRefusesMoreThanAThousandRecordsASecond() {
        assertThat(throttledEntriesOf(Emulator.builder().port(0))).isPositive();
    }

    @Test
    void withoutLimitsAShardTakesWhateverItIsSent() {
        assertThat(throttledEntriesOf(Emulator.builder().port(0).limits(false))).isZero();
    }

    /** Sends 3 × 500 records to one shard at once and counts those refused with ProvisionedThroughputExceeded. */
    private static int throttledEntriesOf(Emulator.Builder builder) {
        try (Emulator emulator = builder.build().start();
             KinesisClient kinesis = KinesisClient.builder().endpointOverride(emulator.getEndpoint())
                     .region(Region.of(emulator.getRegion()))
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                             emulator.getAccessKey(), emulator.getSecretKey())))
                     .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD)).build()) {
            kinesis.createStream(r -> r.streamName("load").shardCount(1));
            // The SDK's waiter polls every 10 seconds; the stream is ACTIVE after a fraction of one.
            for (int i = 0; i < 100 && kinesis.describeStreamSummary(r -> r.streamName("load"))
                    .streamDescriptionSummary().streamStatus() != StreamStatus.ACTIVE; i++) {
                sleep(100);
            }
            int throttled = 0;
            for (int batch = 0; batch < 3; batch++) {
                List<PutRecordsRequestEntry> entries = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    entries.add(PutRecordsRequestEntry.builder().partitionKey("k" + i)
                            .data(SdkBytes.fromByteArray(new byte[10])).build());
                }
                throttled += kinesis.putRecords(r -> r.streamName("load").records(entries)).failedRecordCount();
            }
            return throttled;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

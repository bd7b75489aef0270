package io.labrunner.emulator.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.Emulator;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * The SDK v2 client over HTTP through the emulator's one port, in CBOR (the SDK's default) and in
 * JSON ({@code aws.cborEnabled=false}): the same path a lab and the learner's own code take.
 */
class KinesisFrontDoorTest {
    private static final String CBOR_PROPERTY = "aws.cborEnabled";
    private static Emulator emulator;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void restoreCbor() {
        System.clearProperty(CBOR_PROPERTY);
    }

    private static KinesisClient client(boolean cbor) {
        System.setProperty(CBOR_PROPERTY, Boolean.toString(cbor));
        return KinesisClient.builder()
                .endpointOverride(emulator.getEndpoint())
                .region(Region.of(emulator.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey())))
                .build();
    }

    @ParameterizedTest(name = "cbor={0}")
    @ValueSource(booleans = {true, false})
    void aRecordPutThroughTheFrontDoorIsReadBack(boolean cbor) {
        String stream = "front-door-" + cbor;
        try (KinesisClient kinesis = client(cbor)) {
            kinesis.createStream(b -> b.streamName(stream).shardCount(1));
            kinesis.waiter().waitUntilStreamExists(b -> b.streamName(stream),
                    w -> w.waitTimeout(Duration.ofSeconds(10))
                            .backoffStrategyV2(software.amazon.awssdk.retries.api.BackoffStrategy.fixedDelay(Duration.ofMillis(100))));
            kinesis.putRecord(b -> b.streamName(stream).partitionKey("k").data(SdkBytes.fromUtf8String("hello")));
            String shard = kinesis.listShards(b -> b.streamName(stream)).shards().get(0).shardId();
            String iterator = kinesis.getShardIterator(b -> b.streamName(stream).shardId(shard)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();

            var got = kinesis.getRecords(b -> b.shardIterator(iterator));

            assertThat(got.records()).extracting(r -> r.data().asUtf8String()).containsExactly("hello");
            assertThat(got.records().get(0).approximateArrivalTimestamp()).isNotNull();
            kinesis.deleteStream(b -> b.streamName(stream));
        }
    }

    @ParameterizedTest(name = "cbor={0}")
    @ValueSource(booleans = {true, false})
    void aMissingStreamIsAResourceNotFoundExceptionWithAwsWording(boolean cbor) {
        try (KinesisClient kinesis = client(cbor)) {
            assertThatThrownBy(() -> kinesis.describeStreamSummary(b -> b.streamName("nope")))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageStartingWith("Stream nope under account 000000000000 not found.");
        }
    }

    @ParameterizedTest(name = "cbor={0}")
    @ValueSource(booleans = {true, false})
    void aBadIteratorIsAnInvalidArgumentException(boolean cbor) {
        try (KinesisClient kinesis = client(cbor)) {
            assertThatThrownBy(() -> kinesis.getRecords(b -> b.shardIterator("garbage")))
                    .isInstanceOf(InvalidArgumentException.class);
        }
    }
}

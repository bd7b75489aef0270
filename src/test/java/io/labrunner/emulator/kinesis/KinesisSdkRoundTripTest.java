package io.labrunner.emulator.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/** The real SDK v2 client, in its CBOR default and with CBOR disabled, against the service. */
class KinesisSdkRoundTripTest {
    private static final String CBOR_PROPERTY = "aws.cborEnabled";

    private final MutableClock clock = MutableClock.atSomeMoment();
    private final KinesisService service = new KinesisService(KinesisSettings.defaults().withClock(clock));

    @AfterEach
    void restoreCbor() {
        System.clearProperty(CBOR_PROPERTY);
    }

    private final InProcessHttpClient http = new InProcessHttpClient(service);

    private KinesisClient client(boolean cbor) {
        System.setProperty(CBOR_PROPERTY, Boolean.toString(cbor));
        return KinesisClient.builder()
                .httpClient(http)
                .endpointOverride(URI.create("http://localhost:4566"))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @ParameterizedTest(name = "cbor={0}")
    @ValueSource(booleans = {true, false})
    void recordsWrittenWithTheSdkAreReadBackWithTheirDataAndArrivalTime(boolean cbor) {
        try (KinesisClient kinesis = client(cbor)) {
            kinesis.createStream(b -> b.streamName("orders").shardCount(1));
            assertThat(kinesis.describeStreamSummary(b -> b.streamName("orders"))
                    .streamDescriptionSummary().streamStatus()).isEqualTo(StreamStatus.CREATING);
            clock.advance(Duration.ofSeconds(1));
            var summary = kinesis.describeStreamSummary(b -> b.streamName("orders")).streamDescriptionSummary();
            assertThat(summary.streamStatus()).isEqualTo(StreamStatus.ACTIVE);
            assertThat(summary.streamARN()).isEqualTo("arn:aws:kinesis:eu-west-1:000000000000:stream/orders");
            assertThat(summary.streamCreationTimestamp()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));

            Instant written = clock.instant();
            kinesis.putRecord(b -> b.streamName("orders").partitionKey("a").data(SdkBytes.fromUtf8String("first")));
            PutRecordsResponse batch = kinesis.putRecords(b -> b.streamARN(summary.streamARN()).records(
                    PutRecordsRequestEntry.builder().partitionKey("b").data(SdkBytes.fromUtf8String("second")).build()));
            assertThat(batch.failedRecordCount()).isZero();

            String shardId = kinesis.listShards(b -> b.streamName("orders")).shards().get(0).shardId();
            String iterator = kinesis.getShardIterator(b -> b.streamName("orders").shardId(shardId)
                    .shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(written)).shardIterator();
            GetRecordsResponse got = kinesis.getRecords(b -> b.shardIterator(iterator));

            assertThat(got.records()).extracting(r -> r.data().asUtf8String()).containsExactly("first", "second");
            assertThat(got.records().get(0).approximateArrivalTimestamp()).isEqualTo(written);
            assertThat(got.nextShardIterator()).isNotBlank();
            assertThat(got.millisBehindLatest()).isZero();
            assertThat(http.lastContentType()).startsWith(cbor ? "application/x-amz-cbor" : "application/x-amz-json");
        }
    }

    @ParameterizedTest(name = "cbor={0}")
    @ValueSource(booleans = {true, false})
    void aMissingStreamRaisesTheSdksResourceNotFoundException(boolean cbor) {
        try (KinesisClient kinesis = client(cbor)) {
            assertThatThrownBy(() -> kinesis.describeStream(b -> b.streamName("nope")))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageStartingWith("Stream nope under account 000000000000 not found.");
        }
    }

    @ParameterizedTest(name = "cbor={0}")
    @ValueSource(booleans = {true, false})
    void listStreamsReturnsSummariesWithTimestamps(boolean cbor) {
        try (KinesisClient kinesis = client(cbor)) {
            kinesis.createStream(b -> b.streamName("s1").shardCount(2));
            var listed = kinesis.listStreams(b -> b.limit(10));
            assertThat(listed.streamNames()).isEqualTo(List.of("s1"));
            assertThat(listed.streamSummaries().get(0).streamCreationTimestamp())
                    .isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
        }
    }

    @ParameterizedTest(name = "cbor={0}")
    @ValueSource(booleans = {true, false})
    void aDrainedParentShardEndsWithChildShardsAndNoNextIterator(boolean cbor) {
        try (KinesisClient kinesis = client(cbor)) {
            kinesis.createStream(b -> b.streamName("resharded").shardCount(1));
            clock.advance(Duration.ofSeconds(1));
            kinesis.putRecord(b -> b.streamName("resharded").partitionKey("a").data(SdkBytes.fromUtf8String("x")));
            kinesis.splitShard(b -> b.streamName("resharded").shardToSplit("shardId-000000000000")
                    .newStartingHashKey("170141183460469231731687303715884105728"));
            clock.advance(Duration.ofSeconds(1));

            String iterator = kinesis.getShardIterator(b -> b.streamName("resharded").shardId("shardId-000000000000")
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            GetRecordsResponse last = kinesis.getRecords(b -> b.shardIterator(iterator));

            assertThat(last.records()).hasSize(1);
            assertThat(last.nextShardIterator()).isNull();
            assertThat(last.childShards()).extracting(c -> c.shardId())
                    .containsExactly("shardId-000000000001", "shardId-000000000002");
            assertThat(last.childShards().get(1).parentShards()).containsExactly("shardId-000000000000");
        }
    }

    @ParameterizedTest(name = "cbor={0}")
    @ValueSource(booleans = {true, false})
    void aThrottledShardShowsAsPerRecordFailuresAndAsTheSdksThrottlingException(boolean cbor) {
        System.setProperty(CBOR_PROPERTY, Boolean.toString(cbor));
        try (KinesisClient kinesis = KinesisClient.builder()
                .httpClient(http)
                .endpointOverride(URI.create("http://localhost:4566"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            kinesis.createStream(b -> b.streamName("hot").shardCount(1));
            clock.advance(Duration.ofSeconds(1));
            List<PutRecordsRequestEntry> batch = java.util.stream.IntStream.range(0, 500)
                    .mapToObj(i -> PutRecordsRequestEntry.builder().partitionKey("k" + i)
                            .data(SdkBytes.fromUtf8String("x")).build()).toList();
            kinesis.putRecords(b -> b.streamName("hot").records(batch));
            kinesis.putRecords(b -> b.streamName("hot").records(batch));

            PutRecordsResponse over = kinesis.putRecords(b -> b.streamName("hot").records(batch.subList(0, 2)));
            assertThat(over.failedRecordCount()).isEqualTo(2);
            assertThat(over.records().get(0).errorCode()).isEqualTo("ProvisionedThroughputExceededException");
            assertThat(over.records().get(0).errorMessage())
                    .isEqualTo("Rate exceeded for shard shardId-000000000000 in stream hot under account 000000000000.");

            assertThatThrownBy(() -> kinesis.putRecord(b -> b.streamName("hot").partitionKey("k")
                    .data(SdkBytes.fromUtf8String("x"))))
                    .isInstanceOf(ProvisionedThroughputExceededException.class)
                    .satisfies(e -> assertThat(((ProvisionedThroughputExceededException) e).isThrottlingException())
                            .isTrue());
        }
    }

    @Test
    void theSdksStreamExistsWaiterSeesCreatingThenActive() {
        // The SDK's StreamExists waiter polls every 10 s; a lab on the emulator should shorten that.
        KinesisService ticking = new KinesisService(KinesisSettings.defaults().withClock(new TickingClock()));
        System.setProperty(CBOR_PROPERTY, "true");
        try (KinesisClient kinesis = KinesisClient.builder()
                .httpClient(new InProcessHttpClient(ticking))
                .endpointOverride(URI.create("http://localhost:4566"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            kinesis.createStream(b -> b.streamName("awaited").shardCount(1));

            var outcome = kinesis.waiter().waitUntilStreamExists(b -> b.streamName("awaited"),
                    o -> o.backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(1))).maxAttempts(20));

            assertThat(outcome.attemptsExecuted()).isGreaterThan(1);
            assertThat(outcome.matched().response()).isPresent();
        }
    }

    /** A clock that moves 50 ms every time it is read, so delays pass without sleeping. */
    private static final class TickingClock extends java.time.Clock {
        private long millis = Instant.parse("2026-11-27T10:00:00Z").toEpochMilli();

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            millis += 50;
            return Instant.ofEpochMilli(millis);
        }
    }
}

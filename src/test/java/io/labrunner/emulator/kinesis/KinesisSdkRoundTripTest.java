package io.labrunner.emulator.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
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
}

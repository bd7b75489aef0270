package io.labrunner.emulator.kinesis;

import io.labrunner.emulator.protocol.WireFormat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Creating, describing, listing, tagging and deleting streams, and their status transitions. */
class KinesisStreamLifecycleTest {
    private final MutableClock clock = MutableClock.atSomeMoment();
    private final KinesisService service = new KinesisService(KinesisSettings.defaults().withClock(clock)
            .withDelays(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500)));

    private KinesisCaller caller(WireFormat format) {
        return new KinesisCaller(service, format);
    }

    private static AwsException error(Runnable call) {
        try {
            call.run();
        } catch (AwsException e) {
            return e;
        }
        throw new AssertionError("expected an AWS error");
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void aNewStreamIsCreatingWithNoShardsUntilTheDelayHasPassed(WireFormat format) {
        KinesisCaller k = caller(format);
        k.createStream("orders", 3);

        JsonNode creating = k.describe("orders");
        assertThat(creating.path("StreamStatus").asText()).isEqualTo("CREATING");
        assertThat(creating.path("Shards")).isEmpty();

        clock.advanceMillis(499);
        assertThat(k.describe("orders").path("StreamStatus").asText()).isEqualTo("CREATING");
        clock.advanceMillis(1);
        JsonNode active = k.describe("orders");
        assertThat(active.path("StreamStatus").asText()).isEqualTo("ACTIVE");
        assertThat(active.path("Shards")).extracting(s -> s.path("ShardId").asText())
                .containsExactly("shardId-000000000000", "shardId-000000000001", "shardId-000000000002");
        assertThat(active.path("StreamARN").asText()).isEqualTo("arn:aws:kinesis:us-east-1:000000000000:stream/orders");
        assertThat(active.path("RetentionPeriodHours").asInt()).isEqualTo(24);
        assertThat(active.path("StreamModeDetails").path("StreamMode").asText()).isEqualTo("PROVISIONED");
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void writingToAStreamThatIsStillCreatingFailsAsNotFound(WireFormat format) {
        KinesisCaller k = caller(format);
        k.createStream("early", 1);

        AwsException e = error(() -> k.putRecord("early", "pk", new byte[] {1}));

        assertThat(e.code()).isEqualTo("ResourceNotFoundException");
        assertThat(e.getMessage()).isEqualTo("Stream early under account 000000000000 not found.");
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void creatingAStreamTwiceFailsWithResourceInUse(WireFormat format) {
        KinesisCaller k = caller(format);
        k.createStream("twice", 1);

        AwsException e = error(() -> k.createStream("twice", 1));

        assertThat(e.code()).isEqualTo("ResourceInUseException");
        assertThat(e.getMessage()).isEqualTo("Stream twice under account 000000000000 already exists.");
    }

    @Test
    void anOnDemandStreamStartsWithFourShardsCoveringTheWholeHashKeySpace() {
        KinesisCaller k = caller(WireFormat.JSON);
        k.call("CreateStream", Map.of("StreamName", "od", "StreamModeDetails", Map.of("StreamMode", "ON_DEMAND")));
        clock.advance(Duration.ofSeconds(1));

        JsonNode shards = k.describe("od").path("Shards");

        assertThat(shards).hasSize(4);
        assertThat(shards.get(0).path("HashKeyRange").path("StartingHashKey").asText()).isEqualTo("0");
        assertThat(shards.get(3).path("HashKeyRange").path("EndingHashKey").asText())
                .isEqualTo(HashKeys.MAX.toString());
        assertThat(k.call("DescribeStreamSummary", Map.of("StreamName", "od"))
                .path("StreamDescriptionSummary").path("StreamModeDetails").path("StreamMode").asText())
                .isEqualTo("ON_DEMAND");
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void aDeletedStreamIsDeletingThenGone(WireFormat format) {
        KinesisCaller k = caller(format);
        k.createStream("gone", 1);
        clock.advance(Duration.ofSeconds(1));

        k.call("DeleteStream", Map.of("StreamName", "gone"));
        assertThat(k.describe("gone").path("StreamStatus").asText()).isEqualTo("DELETING");
        clock.advance(Duration.ofSeconds(1));

        AwsException e = error(() -> k.describe("gone"));
        assertThat(e.code()).isEqualTo("ResourceNotFoundException");
        assertThat(e.getMessage()).isEqualTo("Stream gone under account 000000000000 not found.");
    }

    @Test
    void aStreamThatIsStillCreatingCanBeDeletedAsAwsAllows() {
        KinesisCaller k = caller(WireFormat.CBOR);
        k.createStream("young", 1);

        k.call("DeleteStream", Map.of("StreamName", "young"));

        assertThat(k.describe("young").path("StreamStatus").asText()).isEqualTo("DELETING");
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void aStreamCanBeAddressedByItsArn(WireFormat format) {
        KinesisCaller k = caller(format);
        k.createStream("by-arn", 1);
        clock.advance(Duration.ofSeconds(1));

        JsonNode summary = k.call("DescribeStreamSummary",
                Map.of("StreamARN", "arn:aws:kinesis:us-east-1:000000000000:stream/by-arn"));

        assertThat(summary.path("StreamDescriptionSummary").path("StreamName").asText()).isEqualTo("by-arn");
        assertThat(summary.path("StreamDescriptionSummary").path("OpenShardCount").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void listStreamsPagesThroughNamesInOrderWithSummaries(WireFormat format) {
        KinesisCaller k = caller(format);
        for (String name : List.of("c", "a", "b")) {
            k.createStream(name, 1);
        }

        JsonNode first = k.call("ListStreams", Map.of("Limit", 2));
        assertThat(first.path("StreamNames")).extracting(JsonNode::asText).containsExactly("a", "b");
        assertThat(first.path("HasMoreStreams").asBoolean()).isTrue();
        assertThat(first.path("StreamSummaries").get(0).path("StreamStatus").asText()).isEqualTo("CREATING");

        JsonNode second = k.call("ListStreams", Map.of("NextToken", first.path("NextToken").asText()));
        assertThat(second.path("StreamNames")).extracting(JsonNode::asText).containsExactly("c");
        assertThat(second.path("HasMoreStreams").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void tagsCanBeAddedListedAndRemoved(WireFormat format) {
        KinesisCaller k = caller(format);
        k.call("CreateStream", Map.of("StreamName", "tagged", "ShardCount", 1, "Tags", Map.of("team", "data")));
        k.call("AddTagsToStream", Map.of("StreamName", "tagged", "Tags", Map.of("lab:run-id", "r1", "env", "dev")));
        k.call("RemoveTagsFromStream", Map.of("StreamName", "tagged", "TagKeys", List.of("env")));

        JsonNode tags = k.call("ListTagsForStream", Map.of("StreamName", "tagged"));

        assertThat(tags.path("Tags")).extracting(t -> t.path("Key").asText() + "=" + t.path("Value").asText())
                .containsExactly("lab:run-id=r1", "team=data");
        assertThat(tags.path("HasMoreTags").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void retentionCanGrowAndShrinkWithinAwsBounds(WireFormat format) {
        KinesisCaller k = caller(format);
        k.createStream("kept", 1);
        k.call("IncreaseStreamRetentionPeriod", Map.of("StreamName", "kept", "RetentionPeriodHours", 48));
        assertThat(k.describe("kept").path("RetentionPeriodHours").asInt()).isEqualTo(48);

        AwsException longer = error(() -> k.call("DecreaseStreamRetentionPeriod",
                Map.of("StreamName", "kept", "RetentionPeriodHours", 72)));
        assertThat(longer.code()).isEqualTo("InvalidArgumentException");
        assertThat(longer.getMessage()).isEqualTo("Requested retention period (72 hours) for stream kept can not be "
                + "longer than existing retention period (48 hours). Use IncreaseRetentionPeriod API.");

        AwsException tooShort = error(() -> k.call("DecreaseStreamRetentionPeriod",
                Map.of("StreamName", "kept", "RetentionPeriodHours", 12)));
        assertThat(tooShort.getMessage()).startsWith("Minimum allowed retention period is 24 hours.");
    }

    @Test
    void exceedingTheAccountShardLimitFailsWithLimitExceeded() {
        KinesisService small = new KinesisService(KinesisSettings.defaults().withClock(clock).withShardLimit(3));
        KinesisCaller k = new KinesisCaller(small, WireFormat.CBOR);
        k.createStream("two", 2);

        AwsException e = error(() -> k.createStream("two-more", 2));

        assertThat(e.code()).isEqualTo("LimitExceededException");
        assertThat(e.getMessage()).contains("Current shard count for the account: 2. Limit: 3.");
    }

    @Test
    void aCborErrorIsACborBodyWithTheErrorTypeHeader() throws Exception {
        KinesisCaller k = caller(WireFormat.CBOR);

        AwsResponse response = k.raw("DescribeStream", Map.of("StreamName", "missing"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/x-amz-cbor-1.1");
        assertThat(response.headers()).containsEntry("x-amzn-ErrorType", "ResourceNotFoundException");
        JsonNode body = new com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper().readTree(response.body());
        assertThat(body.path("__type").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(body.path("message").asText()).isEqualTo("Stream missing under account 000000000000 not found.");
    }

    @Test
    void aJsonErrorIsAJsonBodyWithTheErrorTypeHeader() throws Exception {
        KinesisCaller k = caller(WireFormat.JSON);

        AwsResponse response = k.raw("DescribeStream", Map.of("StreamName", "missing"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/x-amz-json-1.1");
        assertThat(response.headers()).containsEntry("x-amzn-ErrorType", "ResourceNotFoundException");
        JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        assertThat(body.path("__type").asText()).isEqualTo("ResourceNotFoundException");
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void anOperationTheEmulatorLacksIsNamedInTheError(WireFormat format) {
        AwsException e = error(() -> caller(format).call("RegisterStreamConsumer", Map.of("StreamARN", "x")));

        assertThat(e.code()).isEqualTo("NotImplemented");
        assertThat(e.getMessage()).contains("Kinesis RegisterStreamConsumer");
    }

    @Test
    void aBodyThatIsNotJsonIsASerializationError() {
        AwsRequestBuilder bad = new AwsRequestBuilder("application/x-amz-json-1.1", "ListStreams",
                "{not json".getBytes(StandardCharsets.UTF_8));

        AwsResponse response = service.handle(bad.build());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers()).containsEntry("x-amzn-ErrorType", "SerializationException");
    }

    @Test
    void aMissingStreamNameIsRejected() {
        AwsException e = error(() -> caller(WireFormat.JSON).call("CreateStream", Map.of("ShardCount", 1)));

        assertThat(e.code()).isEqualTo("ValidationException");
        assertThat(e.getMessage()).isEqualTo("1 validation error detected: Value null at 'streamName' failed to "
                + "satisfy constraint: Member must not be null");
    }

    /** Builds a raw request with any body, for bytes an SDK would never send. */
    private record AwsRequestBuilder(String contentType, String operation, byte[] body) {
        io.labrunner.emulator.AwsRequest build() {
            return new io.labrunner.emulator.AwsRequest("POST", "/", Map.of(),
                    Map.of("content-type", contentType, "x-amz-target", "Kinesis_20131202." + operation), body,
                    "kinesis", "us-east-1", "test");
        }
    }
}

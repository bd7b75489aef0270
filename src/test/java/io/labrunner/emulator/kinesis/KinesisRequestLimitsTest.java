package io.labrunner.emulator.kinesis;

import io.labrunner.emulator.protocol.WireFormat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Counts and sizes a request gives are range-checked before anything is allocated: a shard count near
 * Integer.MAX_VALUE, a number no Integer holds, or an oversized batch is refused and nothing is stored.
 */
class KinesisRequestLimitsTest {
    private final MutableClock clock = MutableClock.atSomeMoment();
    private final KinesisService service = new KinesisService(KinesisSettings.defaults().withClock(clock)
            .withDelays(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(10)));
    private final KinesisCaller json = new KinesisCaller(service, WireFormat.JSON);

    private static AwsException error(Runnable call) {
        try {
            call.run();
        } catch (AwsException e) {
            return e;
        }
        throw new AssertionError("expected an AWS error");
    }

    /** Sends a JSON body as written, for numbers the SDK would never produce. */
    private JsonNode rawJson(String operation, String body) throws IOException {
        AwsRequest request = new AwsRequest("POST", "/", Map.of(),
                Map.of("content-type", WireFormat.JSON.contentType("1.1"), "x-amz-target", "Kinesis_20131202." + operation),
                body.getBytes(StandardCharsets.UTF_8), "kinesis", "us-east-1", "test");
        AwsResponse response;
        try {
            response = service.handle(request);
        } catch (AwsException e) {
            return new ObjectMapper().createObjectNode().put("status", e.status()).put("type", e.code())
                    .put("message", e.getMessage());
        }
        JsonNode parsed = new ObjectMapper().readTree(response.body());
        return response.status() == 200 ? parsed : new ObjectMapper().createObjectNode()
                .put("status", response.status()).put("type", parsed.path("__type").asText())
                .put("message", parsed.path("message").asText());
    }

    private int streamCount() {
        return json.call("ListStreams", Map.of()).path("StreamNames").size();
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void aShardCountNearIntegerMaxIsRefusedByTheAccountShardLimitWithoutOverflow(WireFormat format) {
        KinesisCaller k = new KinesisCaller(service, format);
        k.createStream("existing", 2);

        AwsException e = error(() -> k.createStream("huge", Integer.MAX_VALUE));

        assertThat(e.code()).isEqualTo("LimitExceededException");
        assertThat(e.getMessage()).startsWith("This request would exceed the shard limit for the account "
                + "000000000000 in us-east-1. Current shard count for the account: 2. Limit: 500. "
                + "Number of additional shards that would have resulted from this request: 2147483647.");
        assertThat(streamCount()).isEqualTo(1);
    }

    @Test
    void aZeroShardCountFailsTheModelsMinimumInAwsWords() {
        AwsException e = error(() -> json.createStream("none", 0));

        assertThat(e.code()).isEqualTo("ValidationException");
        assertThat(e.getMessage()).isEqualTo("1 validation error detected: Value '0' at 'shardCount' failed to "
                + "satisfy constraint: Member must have value greater than or equal to 1");
        assertThat(streamCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "2147483648", "-2147483649", "2147483648.5", "99999999999999999999999"})
    void aShardCountNoIntegerCanHoldIsASerializationErrorNotAWrappedNumber(String number) throws IOException {
        JsonNode answer = rawJson("CreateStream", "{\"StreamName\":\"big\",\"ShardCount\":" + number + "}");

        assertThat(answer.path("status").asInt()).isEqualTo(400);
        assertThat(answer.path("type").asText()).isEqualTo("SerializationException");
        assertThat(answer.path("message").asText()).doesNotContain("java.");
        assertThat(streamCount()).isZero();
    }

    @Test
    void aFractionIsReadWithoutItsFractionAsAwsReadsIt() throws IOException {
        JsonNode answer = rawJson("CreateStream", "{\"StreamName\":\"half\",\"ShardCount\":1.5}");

        assertThat(answer.path("status").asInt(200)).isEqualTo(200);
        assertThat(streamCount()).isEqualTo(1);
    }

    @Test
    void aWholeNumberWrittenWithAnExponentIsStillAccepted() throws IOException {
        JsonNode answer = rawJson("CreateStream", "{\"StreamName\":\"exp\",\"ShardCount\":2e0}");

        assertThat(answer.path("status").asInt(200)).isEqualTo(200);
        assertThat(streamCount()).isEqualTo(1);
    }

    @Test
    void updateShardCountToIntegerMaxIsRefusedWithoutStartingAnUpdate() {
        json.createStream("scale", 2);
        clock.advanceMillis(10);

        AwsException e = error(() -> json.call("UpdateShardCount", Map.of("StreamName", "scale",
                "TargetShardCount", Integer.MAX_VALUE, "ScalingType", "UNIFORM_SCALING")));

        assertThat(e.code()).isEqualTo("InvalidArgumentException");
        assertThat(json.describe("scale").path("StreamStatus").asText()).isEqualTo("ACTIVE");
        assertThat(json.describe("scale").path("Shards")).hasSize(2);
    }

    @Test
    void splittingPastTheAccountShardLimitIsRefusedAndLeavesTheShardsAsTheyWere() {
        KinesisService small = new KinesisService(KinesisSettings.defaults().withClock(clock)
                .withDelays(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(10)).withShardLimit(2));
        KinesisCaller k = new KinesisCaller(small, WireFormat.JSON);
        k.createStream("full", 2);
        clock.advanceMillis(10);

        AwsException e = error(() -> k.call("SplitShard", Map.of("StreamName", "full",
                "ShardToSplit", "shardId-000000000000", "NewStartingHashKey", "12345")));

        assertThat(e.code()).isEqualTo("LimitExceededException");
        assertThat(k.describe("full").path("Shards")).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GetRecords:Limit:0", "GetRecords:Limit:10001", "ListShards:MaxResults:0",
            "ListShards:MaxResults:10001", "ListStreams:Limit:0", "ListStreams:Limit:10001",
            "DescribeStream:Limit:10001", "ListTagsForStream:Limit:51"})
    void aPageSizeOutsideTheModelsRangeIsAValidationError(String spec) {
        String[] parts = spec.split(":");
        json.createStream("paged", 1);
        clock.advanceMillis(10);
        Map<String, Object> body = new java.util.HashMap<>(Map.of(parts[1], Integer.parseInt(parts[2])));
        if (parts[0].equals("GetRecords")) {
            body.put("ShardIterator", json.iterator("paged", "shardId-000000000000", "TRIM_HORIZON"));
        } else if (!parts[0].equals("ListStreams")) {
            body.put("StreamName", "paged");
        }

        AwsException e = error(() -> json.call(parts[0], body));

        assertThat(e.code()).isEqualTo("ValidationException");
        assertThat(e.getMessage()).startsWith("1 validation error detected: Value '" + parts[2] + "' at '");
    }

    @Test
    void aPutRecordsBatchOver500RecordsIsRefusedAndStoresNothing() {
        json.createStream("batch", 1);
        clock.advanceMillis(10);
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            records.add(Map.of("PartitionKey", "k", "Data", new byte[] {1}));
        }

        AwsException e = error(() -> json.call("PutRecords", Map.of("StreamName", "batch", "Records", records)));

        assertThat(e.code()).isEqualTo("ValidationException");
        assertThat(e.getMessage()).contains("'records'").contains("less than or equal to 500");
        assertThat(json.getRecords(json.iterator("batch", "shardId-000000000000", "TRIM_HORIZON"))
                .path("Records")).isEmpty();
    }

    @Test
    void aPutRecordsBatchOverFiveMebibytesIsRefusedAndStoresNothing() {
        json.createStream("heavy", 1);
        clock.advanceMillis(10);
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            records.add(Map.of("PartitionKey", "k", "Data", new byte[1024 * 1024 - 10]));
        }

        AwsException e = error(() -> json.call("PutRecords", Map.of("StreamName", "heavy", "Records", records)));

        assertThat(e.code()).isEqualTo("InvalidArgumentException");
        assertThat(e.getMessage()).isEqualTo("Records size exceeds 5 MB limit");
        assertThat(json.getRecords(json.iterator("heavy", "shardId-000000000000", "TRIM_HORIZON"))
                .path("Records")).isEmpty();
    }
}

package io.labrunner.emulator.kinesis;

import io.labrunner.emulator.protocol.WireFormat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Per-shard throughput limits, with the clock standing still unless a test moves it. */
class KinesisThrottlingTest {
    private static final String SHARD0_KEY = "0";
    private static final String SHARD1_KEY = HashKeys.MAX.toString();

    private final MutableClock clock = MutableClock.atSomeMoment();

    private KinesisCaller activeStream(KinesisService service, WireFormat format, String name, int shards) {
        KinesisCaller k = new KinesisCaller(service, format);
        k.createStream(name, shards);
        clock.advance(Duration.ofSeconds(1));
        return k;
    }

    private KinesisService throttled() {
        return new KinesisService(KinesisSettings.defaults().withClock(clock));
    }

    private static AwsException error(Runnable call) {
        try {
            call.run();
        } catch (AwsException e) {
            return e;
        }
        throw new AssertionError("expected an AWS error");
    }

    private static Map<String, Object> entry(String hashKey, byte[] data) {
        return Map.of("PartitionKey", "k", "ExplicitHashKey", hashKey, "Data", data);
    }

    private static JsonNode putBatch(KinesisCaller k, String stream, List<Map<String, Object>> entries) {
        return k.call("PutRecords", Map.of("StreamName", stream, "Records", entries));
    }

    private static List<Map<String, Object>> entries(int n, String hashKey, int size) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(entry(hashKey, new byte[size]));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void theThousandAndFirstRecordInOneSecondIsThrottledUntilTimeMovesOn(WireFormat format) {
        KinesisCaller k = activeStream(throttled(), format, "busy", 1);
        putBatch(k, "busy", entries(500, SHARD0_KEY, 1));
        putBatch(k, "busy", entries(500, SHARD0_KEY, 1));

        AwsException e = error(() -> k.putRecord("busy", "k", new byte[1]));
        assertThat(e.code()).isEqualTo("ProvisionedThroughputExceededException");
        assertThat(e.getMessage())
                .isEqualTo("Rate exceeded for shard shardId-000000000000 in stream busy under account 000000000000.");

        clock.advanceMillis(1);
        assertThat(k.putRecord("busy", "k", new byte[1]).path("ShardId").asText()).isEqualTo("shardId-000000000000");
    }

    @Test
    void moreThanOneMebibyteInOneSecondIsThrottled() {
        KinesisCaller k = activeStream(throttled(), WireFormat.CBOR, "heavy", 1);
        k.putRecord("heavy", "k", new byte[600 * 1024]);

        AwsException e = error(() -> k.putRecord("heavy", "k", new byte[600 * 1024]));
        assertThat(e.code()).isEqualTo("ProvisionedThroughputExceededException");

        clock.advanceMillis(600);
        assertThat(k.putRecord("heavy", "k", new byte[600 * 1024]).path("SequenceNumber").asText()).hasSize(56);
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void putRecordsFailsOnlyTheRecordsOfTheThrottledShard(WireFormat format) {
        KinesisCaller k = activeStream(throttled(), format, "mixed", 2);
        putBatch(k, "mixed", entries(500, SHARD0_KEY, 1));
        putBatch(k, "mixed", entries(500, SHARD0_KEY, 1));

        JsonNode result = putBatch(k, "mixed", List.of(entry(SHARD1_KEY, new byte[] {1}),
                entry(SHARD0_KEY, new byte[] {2}), entry(SHARD1_KEY, new byte[] {3})));

        assertThat(result.path("FailedRecordCount").asInt()).isEqualTo(1);
        JsonNode records = result.path("Records");
        assertThat(records.get(0).path("ShardId").asText()).isEqualTo("shardId-000000000001");
        assertThat(records.get(0).has("ErrorCode")).isFalse();
        assertThat(records.get(1).path("ErrorCode").asText()).isEqualTo("ProvisionedThroughputExceededException");
        assertThat(records.get(1).path("ErrorMessage").asText())
                .isEqualTo("Rate exceeded for shard shardId-000000000000 in stream mixed under account 000000000000.");
        assertThat(records.get(1).has("SequenceNumber")).isFalse();
        assertThat(records.get(2).path("SequenceNumber").asText()).hasSize(56);
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void aSixthGetRecordsCallInOneSecondIsThrottled(WireFormat format) {
        KinesisCaller k = activeStream(throttled(), format, "readers", 1);
        String it = k.iterator("readers", "shardId-000000000000", "TRIM_HORIZON");
        for (int i = 0; i < 5; i++) {
            it = k.getRecords(it).path("NextShardIterator").asText();
        }
        String next = it;

        AwsException e = error(() -> k.getRecords(next));
        assertThat(e.code()).isEqualTo("ProvisionedThroughputExceededException");
        assertThat(e.getMessage()).isEqualTo("Rate exceeded for Shard - 000000000000/readers/shardId-000000000000");

        clock.advanceMillis(200);
        assertThat(k.getRecords(next).path("Records")).isEmpty();
    }

    @Test
    void aLargeReadThrottlesTheShardUntilTwoMebibytesPerSecondHavePaidItBack() {
        KinesisCaller k = activeStream(throttled(), WireFormat.CBOR, "bulk", 1);
        for (int i = 0; i < 4; i++) {
            k.putRecord("bulk", "k", new byte[1024 * 1024 - 16]);
            clock.advance(Duration.ofSeconds(1));
        }
        String it = k.iterator("bulk", "shardId-000000000000", "TRIM_HORIZON");
        JsonNode big = k.getRecords(it);
        assertThat(big.path("Records")).hasSize(4);
        String next = big.path("NextShardIterator").asText();

        // About 4 MiB read against a 2 MiB allowance: 2 MiB of debt, repaid at 2 MiB/s.
        clock.advance(Duration.ofMillis(900));
        assertThat(error(() -> k.getRecords(next)).code()).isEqualTo("ProvisionedThroughputExceededException");
        clock.advance(Duration.ofMillis(300));
        assertThat(k.getRecords(next).path("Records")).isEmpty();
    }

    @Test
    void withThrottlingOffAShardTakesAnyRate() {
        KinesisService unlimited = new KinesisService(KinesisSettings.defaults().withClock(clock).withThrottling(false));
        KinesisCaller k = activeStream(unlimited, WireFormat.CBOR, "bench", 1);

        for (int i = 0; i < 4; i++) {
            assertThat(putBatch(k, "bench", entries(500, SHARD0_KEY, 8)).path("FailedRecordCount").asInt()).isZero();
        }
        String it = k.iterator("bench", "shardId-000000000000", "TRIM_HORIZON");
        for (int i = 0; i < 10; i++) {
            it = k.call("GetRecords", Map.of("ShardIterator", it, "Limit", 100)).path("NextShardIterator").asText();
        }
        assertThat(it).isNotEmpty();
    }

    @Test
    void throttlingCanBeSwitchedOffOnARunningService() {
        KinesisService service = throttled();
        KinesisCaller k = activeStream(service, WireFormat.JSON, "switch", 1);
        putBatch(k, "switch", entries(500, SHARD0_KEY, 1));
        putBatch(k, "switch", entries(500, SHARD0_KEY, 1));
        assertThat(error(() -> k.putRecord("switch", "k", new byte[1])).code())
                .isEqualTo("ProvisionedThroughputExceededException");

        service.setThrottlingEnabled(false);

        assertThat(k.putRecord("switch", "k", new byte[1]).path("ShardId").asText()).isEqualTo("shardId-000000000000");
        assertThat(service.throttlingEnabled()).isFalse();
    }

    @Test
    void aBatchOverFiveMebibytesIsRejectedWhole() {
        KinesisCaller k = activeStream(throttled(), WireFormat.CBOR, "huge", 1);

        AwsException e = error(() -> putBatch(k, "huge", entries(6, SHARD0_KEY, 1024 * 1024 - 100)));

        assertThat(e.code()).isEqualTo("InvalidArgumentException");
        assertThat(e.getMessage()).isEqualTo("Records size exceeds 5 MB limit");
    }
}

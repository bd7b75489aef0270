package io.labrunner.emulator.kinesis;

import io.labrunner.emulator.protocol.WireFormat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** SplitShard, MergeShards, UpdateShardCount: lineage, closed shards and reading across a reshard. */
class KinesisReshardingTest {
    private static final String HALF = BigInteger.ONE.shiftLeft(127).toString();

    private final MutableClock clock = MutableClock.atSomeMoment();
    private final KinesisService service = new KinesisService(KinesisSettings.defaults().withClock(clock));

    private KinesisCaller activeStream(WireFormat format, String name, int shards) {
        KinesisCaller k = new KinesisCaller(service, format);
        k.createStream(name, shards);
        clock.advance(Duration.ofSeconds(1));
        return k;
    }

    private static AwsException error(Runnable call) {
        try {
            call.run();
        } catch (AwsException e) {
            return e;
        }
        throw new AssertionError("expected an AWS error");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, JsonNode> byId(JsonNode shards) {
        Map<String, JsonNode> out = new HashMap<>();
        shards.forEach(s -> out.put(s.path("ShardId").asText(), s));
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void splittingClosesTheParentAndOpensTwoChildrenAfterUpdating(WireFormat format) {
        KinesisCaller k = activeStream(format, "split", 1);
        k.putRecord("split", "before", utf8("old"));

        k.call("SplitShard", Map.of("StreamName", "split", "ShardToSplit", "shardId-000000000000",
                "NewStartingHashKey", HALF));
        assertThat(k.describe("split").path("StreamStatus").asText()).isEqualTo("UPDATING");
        AwsException busy = error(() -> k.call("SplitShard", Map.of("StreamName", "split",
                "ShardToSplit", "shardId-000000000000", "NewStartingHashKey", HALF)));
        assertThat(busy.code()).isEqualTo("ResourceInUseException");
        assertThat(busy.getMessage()).isEqualTo(
                "Stream split under account 000000000000 not ACTIVE, instead in state UPDATING");
        k.putRecord("split", "during", utf8("still-parent"));

        clock.advance(Duration.ofSeconds(1));
        JsonNode description = k.describe("split");
        assertThat(description.path("StreamStatus").asText()).isEqualTo("ACTIVE");
        Map<String, JsonNode> shards = byId(description.path("Shards"));
        assertThat(shards).containsOnlyKeys("shardId-000000000000", "shardId-000000000001", "shardId-000000000002");
        JsonNode parent = shards.get("shardId-000000000000");
        assertThat(parent.path("SequenceNumberRange").path("EndingSequenceNumber").asText()).hasSize(56);
        JsonNode low = shards.get("shardId-000000000001");
        JsonNode high = shards.get("shardId-000000000002");
        assertThat(low.path("ParentShardId").asText()).isEqualTo("shardId-000000000000");
        assertThat(high.path("ParentShardId").asText()).isEqualTo("shardId-000000000000");
        assertThat(low.has("AdjacentParentShardId")).isFalse();
        assertThat(low.path("SequenceNumberRange").has("EndingSequenceNumber")).isFalse();
        assertThat(low.path("HashKeyRange").path("EndingHashKey").asText())
                .isEqualTo(new BigInteger(HALF).subtract(BigInteger.ONE).toString());
        assertThat(high.path("HashKeyRange").path("StartingHashKey").asText()).isEqualTo(HALF);

        String newShard = k.putRecord("split", "after", utf8("new")).path("ShardId").asText();
        assertThat(newShard).isIn("shardId-000000000001", "shardId-000000000002");
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void aClosedShardIsReadToItsEndThenGivesNoNextIteratorButItsChildren(WireFormat format) {
        KinesisCaller k = activeStream(format, "drain", 1);
        for (int i = 0; i < 3; i++) {
            k.putRecord("drain", "k" + i, utf8("r" + i));
        }
        k.call("SplitShard", Map.of("StreamName", "drain", "ShardToSplit", "shardId-000000000000",
                "NewStartingHashKey", HALF));
        clock.advance(Duration.ofSeconds(1));
        k.describe("drain");

        String it = k.iterator("drain", "shardId-000000000000", "TRIM_HORIZON");
        JsonNode first = k.call("GetRecords", Map.of("ShardIterator", it, "Limit", 2));
        assertThat(KinesisCaller.texts(first.path("Records"))).containsExactly("r0", "r1");
        assertThat(first.path("NextShardIterator").asText()).isNotEmpty();

        JsonNode last = k.getRecords(first.path("NextShardIterator").asText());
        assertThat(KinesisCaller.texts(last.path("Records"))).containsExactly("r2");
        assertThat(last.has("NextShardIterator")).isFalse();
        assertThat(last.path("ChildShards")).extracting(c -> c.path("ShardId").asText())
                .containsExactly("shardId-000000000001", "shardId-000000000002");
        assertThat(last.path("ChildShards").get(0).path("ParentShards")).extracting(JsonNode::asText)
                .containsExactly("shardId-000000000000");

        String afterEnd = k.iterator("drain", "shardId-000000000000", "LATEST");
        JsonNode drained = k.getRecords(afterEnd);
        assertThat(drained.path("Records")).isEmpty();
        assertThat(drained.has("NextShardIterator")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void mergingTwoAdjacentShardsInHashKeyOrderOpensAChildWithBothParents(WireFormat format) {
        KinesisCaller k = activeStream(format, "merge", 3);

        AwsException notAdjacent = error(() -> k.call("MergeShards", Map.of("StreamName", "merge",
                "ShardToMerge", "shardId-000000000000", "AdjacentShardToMerge", "shardId-000000000002")));
        assertThat(notAdjacent.code()).isEqualTo("InvalidArgumentException");
        assertThat(notAdjacent.getMessage()).isEqualTo("Shards shardId-000000000000 and shardId-000000000002 in stream "
                + "merge under account 000000000000 are not an adjacent pair of shards eligible for merging");

        AwsException inverted = error(() -> k.call("MergeShards", Map.of("StreamName", "merge",
                "ShardToMerge", "shardId-000000000001", "AdjacentShardToMerge", "shardId-000000000000")));
        assertThat(inverted.getMessage()).isEqualTo("Shards shardId-000000000001 and shardId-000000000000 in stream "
                + "merge under account 000000000000 are not an adjacent pair of shards eligible for merging");
        assertThat(k.describe("merge").path("StreamStatus").asText()).isEqualTo("ACTIVE");

        k.call("MergeShards", Map.of("StreamName", "merge",
                "ShardToMerge", "shardId-000000000000", "AdjacentShardToMerge", "shardId-000000000001"));
        assertThat(k.describe("merge").path("StreamStatus").asText()).isEqualTo("UPDATING");
        clock.advance(Duration.ofSeconds(1));

        Map<String, JsonNode> shards = byId(k.describe("merge").path("Shards"));
        JsonNode child = shards.get("shardId-000000000003");
        assertThat(child.path("ParentShardId").asText()).isEqualTo("shardId-000000000000");
        assertThat(child.path("AdjacentParentShardId").asText()).isEqualTo("shardId-000000000001");
        assertThat(child.path("HashKeyRange").path("StartingHashKey").asText()).isEqualTo("0");
        assertThat(child.path("HashKeyRange").path("EndingHashKey").asText()).isEqualTo(
                shards.get("shardId-000000000001").path("HashKeyRange").path("EndingHashKey").asText());
        assertThat(shards.get("shardId-000000000000").path("SequenceNumberRange").has("EndingSequenceNumber")).isTrue();
    }

    @Test
    void splittingAtTheShardsOwnStartIsRefused() {
        KinesisCaller k = activeStream(WireFormat.CBOR, "edge", 1);

        AwsException e = error(() -> k.call("SplitShard", Map.of("StreamName", "edge",
                "ShardToSplit", "shardId-000000000000", "NewStartingHashKey", "1")));

        assertThat(e.code()).isEqualTo("InvalidArgumentException");
        assertThat(e.getMessage()).startsWith("NewStartingHashKey 1 used in SplitShard() on shard shardId-000000000000");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1->2", "2->3", "3->5", "4->2", "3->2", "5->3"})
    void updateShardCountEndsWithUniformOpenShardsWhoseParentsAreClosed(String change) {
        int from = Integer.parseInt(change.split("->")[0]);
        int to = Integer.parseInt(change.split("->")[1]);
        KinesisCaller k = activeStream(WireFormat.JSON, "scale", from);

        JsonNode response = k.call("UpdateShardCount", Map.of("StreamName", "scale", "TargetShardCount", to,
                "ScalingType", "UNIFORM_SCALING"));
        assertThat(response.path("CurrentShardCount").asInt()).isEqualTo(from);
        assertThat(response.path("TargetShardCount").asInt()).isEqualTo(to);
        assertThat(k.describe("scale").path("StreamStatus").asText()).isEqualTo("UPDATING");
        clock.advance(Duration.ofSeconds(1));

        Map<String, JsonNode> shards = byId(k.describe("scale").path("Shards"));
        List<JsonNode> open = new ArrayList<>();
        shards.values().stream().filter(s -> !s.path("SequenceNumberRange").has("EndingSequenceNumber"))
                .sorted((a, b) -> new BigInteger(a.path("HashKeyRange").path("StartingHashKey").asText())
                        .compareTo(new BigInteger(b.path("HashKeyRange").path("StartingHashKey").asText())))
                .forEach(open::add);
        assertThat(open).hasSize(to);
        for (int i = 0; i < to; i++) {
            assertThat(open.get(i).path("HashKeyRange").path("StartingHashKey").asText())
                    .isEqualTo(HashKeys.uniformStart(i, to).toString());
        }
        for (JsonNode shard : shards.values()) {
            for (String parentField : List.of("ParentShardId", "AdjacentParentShardId")) {
                if (shard.has(parentField)) {
                    JsonNode parent = shards.get(shard.path(parentField).asText());
                    assertThat(parent.path("SequenceNumberRange").has("EndingSequenceNumber"))
                            .as("%s of %s is closed", parentField, shard.path("ShardId").asText()).isTrue();
                }
            }
        }
    }

    @Test
    void updateShardCountBeyondDoublingIsRefused() {
        KinesisCaller k = activeStream(WireFormat.CBOR, "greedy", 2);

        AwsException e = error(() -> k.call("UpdateShardCount", Map.of("StreamName", "greedy", "TargetShardCount", 5,
                "ScalingType", "UNIFORM_SCALING")));

        assertThat(e.code()).isEqualTo("InvalidArgumentException");
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void listShardsPagesWithANextTokenAndFiltersToOpenShards(WireFormat format) {
        KinesisCaller k = activeStream(format, "listed", 3);
        k.call("SplitShard", Map.of("StreamName", "listed", "ShardToSplit", "shardId-000000000000",
                "NewStartingHashKey", "1000"));
        clock.advance(Duration.ofSeconds(1));

        JsonNode first = k.call("ListShards", Map.of("StreamName", "listed", "MaxResults", 2));
        assertThat(first.path("Shards")).extracting(s -> s.path("ShardId").asText())
                .containsExactly("shardId-000000000000", "shardId-000000000001");
        String token = first.path("NextToken").asText();
        JsonNode second = k.call("ListShards", Map.of("NextToken", token));
        assertThat(second.path("Shards")).extracting(s -> s.path("ShardId").asText())
                .containsExactly("shardId-000000000002", "shardId-000000000003", "shardId-000000000004");
        assertThat(second.has("NextToken")).isFalse();

        JsonNode latest = k.call("ListShards", Map.of("StreamName", "listed",
                "ShardFilter", Map.of("Type", "AT_LATEST")));
        assertThat(latest.path("Shards")).extracting(s -> s.path("ShardId").asText())
                .containsExactly("shardId-000000000001", "shardId-000000000002", "shardId-000000000003",
                        "shardId-000000000004");

        AwsException both = error(() -> k.call("ListShards", Map.of("StreamName", "listed", "NextToken", token)));
        assertThat(both.code()).isEqualTo("InvalidArgumentException");
        assertThat(both.getMessage()).isEqualTo("NextToken and StreamName cannot be provided together.");

        clock.advance(Duration.ofMinutes(6));
        AwsException expired = error(() -> k.call("ListShards", Map.of("NextToken", token)));
        assertThat(expired.code()).isEqualTo("ExpiredNextTokenException");
    }

    @Test
    void anOnDemandStreamCannotBeResharded() {
        KinesisCaller k = new KinesisCaller(service, WireFormat.CBOR);
        k.call("CreateStream", Map.of("StreamName", "auto", "StreamModeDetails", Map.of("StreamMode", "ON_DEMAND")));
        clock.advance(Duration.ofSeconds(1));

        AwsException e = error(() -> k.call("UpdateShardCount", Map.of("StreamName", "auto", "TargetShardCount", 8,
                "ScalingType", "UNIFORM_SCALING")));

        assertThat(e.code()).isEqualTo("ValidationException");
        assertThat(e.getMessage()).isEqualTo("Request is invalid. Stream auto under account 000000000000 is in "
                + "On-Demand mode.");
    }
}

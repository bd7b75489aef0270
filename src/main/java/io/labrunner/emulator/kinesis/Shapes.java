package io.labrunner.emulator.kinesis;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders state as the API's response structures (maps the wire format then encodes). */
final class Shapes {
    private Shapes() {
    }

    static Map<String, Object> shard(Shard s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ShardId", s.shardId());
        out.put("ParentShardId", s.parentShardId());
        out.put("AdjacentParentShardId", s.adjacentParentShardId());
        out.put("HashKeyRange", hashKeyRange(s));
        Map<String, Object> seq = new LinkedHashMap<>();
        seq.put("StartingSequenceNumber", s.startingSequenceNumber());
        seq.put("EndingSequenceNumber", s.endingSequenceNumber());
        out.put("SequenceNumberRange", seq);
        return out;
    }

    static Map<String, Object> hashKeyRange(Shard s) {
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("StartingHashKey", s.startingHashKey().toString());
        range.put("EndingHashKey", s.endingHashKey().toString());
        return range;
    }

    static Map<String, Object> childShard(Shard s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ShardId", s.shardId());
        out.put("ParentShards", s.adjacentParentShardId() == null ? List.of(s.parentShardId())
                : List.of(s.parentShardId(), s.adjacentParentShardId()));
        out.put("HashKeyRange", hashKeyRange(s));
        return out;
    }

    static Map<String, Object> modeDetails(Stream stream) {
        return Map.of("StreamMode", stream.mode().name());
    }

    /** Members DescribeStream and DescribeStreamSummary share. */
    static Map<String, Object> streamBasics(Stream stream) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("StreamName", stream.name());
        out.put("StreamARN", stream.arn());
        out.put("StreamStatus", stream.status().name());
        out.put("StreamModeDetails", modeDetails(stream));
        out.put("RetentionPeriodHours", stream.retentionHours());
        // AWS reports the creation time to the second.
        out.put("StreamCreationTimestamp", Instant.ofEpochSecond(stream.createdMillis() / 1000));
        out.put("EnhancedMonitoring", List.of(Map.of("ShardLevelMetrics", List.of())));
        out.put("EncryptionType", "NONE");
        return out;
    }

    static Map<String, Object> streamSummary(Stream stream) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("StreamName", stream.name());
        out.put("StreamARN", stream.arn());
        out.put("StreamStatus", stream.status().name());
        out.put("StreamModeDetails", modeDetails(stream));
        out.put("StreamCreationTimestamp", Instant.ofEpochSecond(stream.createdMillis() / 1000));
        return out;
    }
}

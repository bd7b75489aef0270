package io.labrunner.emulator.kinesis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The shard operations: ListShards, SplitShard, MergeShards and UpdateShardCount. */
final class ShardOperations {
    private static final long NEXT_TOKEN_LIFETIME_MILLIS = 300_000;

    private ShardOperations() {
    }

    /**
     * ListShards, paginated by an opaque NextToken that carries the stream, the filter and the last
     * shard returned; it expires after 300 seconds as AWS's does
     * (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListShards.html).
     */
    static Map<String, Object> listShards(Input in, Streams streams) {
        String token = in.string("NextToken");
        boolean named = in.has("StreamName") || in.has("StreamARN");
        if (token != null && named) {
            throw KinesisErrors.invalidArgument("NextToken and StreamName cannot be provided together.");
        }
        if (token == null && !named) {
            throw KinesisErrors.invalidArgument("Either NextToken or StreamName should be provided.");
        }
        int limit = Paging.limit(in.integer("MaxResults"), 1000);
        String name;
        String after;
        String filterType;
        String filterShard;
        Long filterTime;
        if (token != null) {
            String[] parts = Paging.decodeToken(token).split("\n", -1);
            if (parts.length != 6) {
                throw KinesisErrors.invalidArgument("Invalid NextToken.");
            }
            if (!parts[0].matches("\\d{1,18}") || !parts[5].matches("\\d{0,18}")) {
                throw KinesisErrors.invalidArgument("Invalid NextToken.");
            }
            if (streams.now() - Long.parseLong(parts[0]) > NEXT_TOKEN_LIFETIME_MILLIS) {
                throw new io.labrunner.emulator.AwsException("ExpiredNextTokenException",
                        "The timestamp in the NextToken has expired.", 400);
            }
            name = parts[1];
            after = parts[2];
            filterType = parts[3].isEmpty() ? null : parts[3];
            filterShard = parts[4].isEmpty() ? null : parts[4];
            filterTime = parts[5].isEmpty() ? null : Long.valueOf(parts[5]);
        } else {
            name = in.streamName();
            after = in.string("ExclusiveStartShardId");
            Input filter = in.member("ShardFilter");
            filterType = filter == null ? null : filter.string("Type");
            filterShard = filter == null ? null : filter.string("ShardId");
            filterTime = filter == null ? null : filter.timestampMillis("Timestamp");
        }
        Stream stream = streams.get(name);
        if (stream.status() == StreamStatus.CREATING) {
            throw KinesisErrors.notActive(name, stream.status());
        }
        Predicate<Shard> keep = shardFilter(filterType, filterShard, filterTime, stream, streams.now());
        List<Map<String, Object>> page = new ArrayList<>();
        String last = null;
        boolean more = false;
        for (Shard s : stream.shards()) {
            if ((after != null && s.shardId().compareTo(after) <= 0) || !keep.test(s)) {
                continue;
            }
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(Shapes.shard(s));
            last = s.shardId();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Shards", page);
        if (more) {
            out.put("NextToken", Paging.encodeToken(String.join("\n", Long.toString(streams.now()), name, last,
                    filterType == null ? "" : filterType, filterShard == null ? "" : filterShard,
                    filterTime == null ? "" : filterTime.toString())));
        }
        return out;
    }

    private static Predicate<Shard> shardFilter(String type, String shardId, Long time, Stream stream, long now) {
        if (type == null) {
            return s -> true;
        }
        long cutoff = stream.retentionCutoff(now);
        switch (type) {
            case "AFTER_SHARD_ID":
                if (shardId == null) {
                    throw KinesisErrors.invalidArgument("ShardId must be provided with the AFTER_SHARD_ID filter type.");
                }
                return s -> s.shardId().compareTo(shardId) > 0;
            case "AT_LATEST":
                return Shard::isOpen;
            case "AT_TRIM_HORIZON":
                return s -> s.createdMillis() <= cutoff && (s.isOpen() || s.closedMillis() > cutoff)
                        || s.createdMillis() > cutoff && s.parentShardId() == null;
            case "FROM_TRIM_HORIZON":
                return s -> s.isOpen() || s.closedMillis() > cutoff;
            case "AT_TIMESTAMP":
                requireTimestamp(type, time);
                return s -> s.createdMillis() <= time && (s.isOpen() || s.closedMillis() > time);
            case "FROM_TIMESTAMP":
                requireTimestamp(type, time);
                return s -> s.isOpen() || s.closedMillis() > time;
            default:
                // The model's ShardFilterType enum lets no other value through.
                throw new IllegalStateException("unknown shard filter " + type);
        }
    }

    private static void requireTimestamp(String type, Long time) {
        if (time == null) {
            throw KinesisErrors.invalidArgument("Timestamp must be provided with the " + type + " filter type.");
        }
    }

    static Map<String, Object> splitShard(Input in, Streams streams) {
        String name = in.streamName();
        streams.split(name, in.string("ShardToSplit"), in.hashKey("NewStartingHashKey"));
        return Map.of();
    }

    static Map<String, Object> mergeShards(Input in, Streams streams) {
        streams.merge(in.streamName(), in.string("ShardToMerge"), in.string("AdjacentShardToMerge"));
        return Map.of();
    }

    static Map<String, Object> updateShardCount(Input in, Streams streams) {
        String name = in.streamName();
        int target = in.integer("TargetShardCount");
        int current = streams.updateShardCount(name, target);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("StreamName", name);
        out.put("CurrentShardCount", current);
        out.put("TargetShardCount", target);
        out.put("StreamARN", streams.arnOf(name));
        return out;
    }
}

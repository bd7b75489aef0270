package io.labrunner.emulator.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The control-plane operations: streams, shards, tags, retention and resharding.
 * Each takes the request's members and returns the response's.
 */
final class StreamOperations {
    /** On-demand streams start with 4 shards (https://docs.aws.amazon.com/streams/latest/dev/how-do-i-size-a-stream.html). */
    static final int ON_DEMAND_SHARDS = 4;
    private static final int MAX_TAGS = 50;
    private static final int MAX_RETENTION_HOURS = 8760;
    private static final long NEXT_TOKEN_LIFETIME_MILLIS = 300_000;

    private StreamOperations() {
    }

    static Map<String, Object> createStream(Input in, Streams streams) {
        String name = validStreamName(in.requiredString("StreamName"));
        StreamMode mode = StreamMode.PROVISIONED;
        Input details = in.member("StreamModeDetails");
        if (details != null) {
            String value = details.requiredString("StreamMode");
            try {
                mode = StreamMode.valueOf(value);
            } catch (IllegalArgumentException e) {
                throw KinesisErrors.validation(value, "streamModeDetails.streamMode",
                        "satisfy enum value set: [PROVISIONED, ON_DEMAND]");
            }
        }
        Integer shardCount = in.integer("ShardCount");
        if (shardCount != null && shardCount < 1) {
            throw KinesisErrors.validation(shardCount.toString(), "shardCount",
                    "have value greater than or equal to 1");
        }
        if (mode == StreamMode.ON_DEMAND) {
            shardCount = ON_DEMAND_SHARDS;
        } else if (shardCount == null) {
            throw KinesisErrors.invalidArgument("ShardCount is required for a stream in PROVISIONED mode.");
        }
        streams.create(name, shardCount, mode, tags(in));
        return Map.of();
    }

    static Map<String, Object> describeStream(Input in, Streams streams) {
        Stream stream = streams.get(in.streamName());
        int limit = limit(in.integer("Limit"), 100, 10000, "limit");
        String after = in.string("ExclusiveStartShardId");
        List<Shard> shards = stream.status() == StreamStatus.CREATING ? List.of() : stream.shards();
        List<Map<String, Object>> page = new ArrayList<>();
        boolean more = false;
        for (Shard s : shards) {
            if (after != null && s.shardId().compareTo(after) <= 0) {
                continue;
            }
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(Shapes.shard(s));
        }
        Map<String, Object> description = Shapes.streamBasics(stream);
        description.put("Shards", page);
        description.put("HasMoreShards", more);
        return Map.of("StreamDescription", description);
    }

    static Map<String, Object> describeStreamSummary(Input in, Streams streams) {
        Stream stream = streams.get(in.streamName());
        Map<String, Object> summary = Shapes.streamBasics(stream);
        summary.put("OpenShardCount", stream.status() == StreamStatus.CREATING ? 0 : stream.openShards().size());
        summary.put("ConsumerCount", 0);
        return Map.of("StreamDescriptionSummary", summary);
    }

    static Map<String, Object> listStreams(Input in, Streams streams) {
        int limit = limit(in.integer("Limit"), 100, 10000, "limit");
        String after = in.string("ExclusiveStartStreamName");
        String token = in.string("NextToken");
        if (token != null) {
            after = decodeToken(token);
        }
        List<String> names = new ArrayList<>();
        List<Map<String, Object>> summaries = new ArrayList<>();
        boolean more = false;
        for (Stream s : streams.list()) {
            if (after != null && s.name().compareTo(after) <= 0) {
                continue;
            }
            if (names.size() == limit) {
                more = true;
                break;
            }
            names.add(s.name());
            summaries.add(Shapes.streamSummary(s));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("StreamNames", names);
        out.put("HasMoreStreams", more);
        if (more) {
            out.put("NextToken", encodeToken(names.get(names.size() - 1)));
        }
        out.put("StreamSummaries", summaries);
        return out;
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
        int limit = limit(in.integer("MaxResults"), 1000, 10000, "maxResults");
        String name;
        String after;
        String filterType;
        String filterShard;
        Long filterTime;
        if (token != null) {
            String[] parts = decodeToken(token).split("\n", -1);
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
            filterType = filter == null ? null : filter.requiredString("Type");
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
            out.put("NextToken", encodeToken(String.join("\n", Long.toString(streams.now()), name, last,
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
                throw KinesisErrors.validation(type, "shardFilter.type", "satisfy enum value set: [AFTER_SHARD_ID, "
                        + "AT_TRIM_HORIZON, FROM_TRIM_HORIZON, AT_LATEST, AT_TIMESTAMP, FROM_TIMESTAMP]");
        }
    }

    private static void requireTimestamp(String type, Long time) {
        if (time == null) {
            throw KinesisErrors.invalidArgument("Timestamp must be provided with the " + type + " filter type.");
        }
    }

    static Map<String, Object> deleteStream(Input in, Streams streams) {
        streams.delete(in.streamName());
        return Map.of();
    }

    static Map<String, Object> addTags(Input in, Streams streams) {
        String name = in.streamName();
        Stream stream = streams.get(name);
        Map<String, String> tags = tags(in);
        Map<String, String> merged = new TreeMap<>(stream.tags());
        merged.putAll(tags);
        if (merged.size() > MAX_TAGS) {
            throw KinesisErrors.invalidArgument("Failed to add tags to stream " + name + " under account "
                    + KinesisErrors.ACCOUNT + " because a given stream cannot have more than " + MAX_TAGS
                    + " tags associated with it.");
        }
        stream.tags().putAll(tags);
        return Map.of();
    }

    static Map<String, Object> listTags(Input in, Streams streams) {
        Stream stream = streams.get(in.streamName());
        int limit = limit(in.integer("Limit"), MAX_TAGS, MAX_TAGS, "limit");
        String after = in.string("ExclusiveStartTagKey");
        List<Map<String, Object>> tags = new ArrayList<>();
        boolean more = false;
        for (Map.Entry<String, String> tag : stream.tags().entrySet()) {
            if (after != null && tag.getKey().compareTo(after) <= 0) {
                continue;
            }
            if (tags.size() == limit) {
                more = true;
                break;
            }
            tags.add(Map.of("Key", tag.getKey(), "Value", tag.getValue()));
        }
        return Map.of("Tags", tags, "HasMoreTags", more);
    }

    static Map<String, Object> removeTags(Input in, Streams streams) {
        Stream stream = streams.get(in.streamName());
        JsonNode keys = in.node().get("TagKeys");
        if (keys == null || !keys.isArray()) {
            throw KinesisErrors.validation("null", "tagKeys", "not be null");
        }
        keys.forEach(k -> stream.tags().remove(k.asText()));
        return Map.of();
    }

    static Map<String, Object> increaseRetention(Input in, Streams streams) {
        String name = in.streamName();
        Stream stream = streams.get(name);
        int hours = retentionHours(in);
        if (hours < stream.retentionHours()) {
            throw KinesisErrors.invalidArgument("Requested retention period (" + hours + " hours) for stream " + name
                    + " can not be shorter than existing retention period (" + stream.retentionHours()
                    + " hours). Use DecreaseRetentionPeriod API.");
        }
        stream.retentionHours(hours);
        return Map.of();
    }

    static Map<String, Object> decreaseRetention(Input in, Streams streams) {
        String name = in.streamName();
        Stream stream = streams.get(name);
        int hours = retentionHours(in);
        if (hours > stream.retentionHours()) {
            throw KinesisErrors.invalidArgument("Requested retention period (" + hours + " hours) for stream " + name
                    + " can not be longer than existing retention period (" + stream.retentionHours()
                    + " hours). Use IncreaseRetentionPeriod API.");
        }
        stream.retentionHours(hours);
        return Map.of();
    }

    static Map<String, Object> splitShard(Input in, Streams streams) {
        String name = in.streamName();
        String shardId = in.requiredString("ShardToSplit");
        BigInteger newStart = in.hashKey("NewStartingHashKey", "newStartingHashKey");
        if (newStart == null) {
            throw KinesisErrors.validation("null", "newStartingHashKey", "not be null");
        }
        streams.split(name, shardId, newStart);
        return Map.of();
    }

    static Map<String, Object> mergeShards(Input in, Streams streams) {
        streams.merge(in.streamName(), in.requiredString("ShardToMerge"), in.requiredString("AdjacentShardToMerge"));
        return Map.of();
    }

    static Map<String, Object> updateShardCount(Input in, Streams streams) {
        String name = in.streamName();
        Integer target = in.integer("TargetShardCount");
        if (target == null || target < 1) {
            throw KinesisErrors.validation(String.valueOf(target), "targetShardCount",
                    target == null ? "not be null" : "have value greater than or equal to 1");
        }
        String scaling = in.requiredString("ScalingType");
        if (!"UNIFORM_SCALING".equals(scaling)) {
            throw KinesisErrors.validation(scaling, "scalingType", "satisfy enum value set: [UNIFORM_SCALING]");
        }
        int current = streams.updateShardCount(name, target);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("StreamName", name);
        out.put("CurrentShardCount", current);
        out.put("TargetShardCount", target);
        out.put("StreamARN", streams.arnOf(name));
        return out;
    }

    private static int retentionHours(Input in) {
        Integer hours = in.integer("RetentionPeriodHours");
        if (hours == null) {
            throw KinesisErrors.validation("null", "retentionPeriodHours", "not be null");
        }
        if (hours < 24) {
            throw KinesisErrors.invalidArgument("Minimum allowed retention period is 24 hours. Requested retention "
                    + "period (" + hours + " hours) is too short.");
        }
        if (hours > MAX_RETENTION_HOURS) {
            throw KinesisErrors.invalidArgument("Maximum allowed retention period is " + MAX_RETENTION_HOURS
                    + " hours. Requested retention period (" + hours + " hours) is too long.");
        }
        return hours;
    }

    private static Map<String, String> tags(Input in) {
        JsonNode node = in.node().get("Tags");
        Map<String, String> tags = new TreeMap<>();
        if (node != null && node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                tags.put(e.getKey(), e.getValue().asText());
            }
        }
        return tags;
    }

    private static String validStreamName(String name) {
        if (name.isEmpty() || name.length() > 128) {
            throw KinesisErrors.validation(name, "streamName", name.isEmpty()
                    ? "have length greater than or equal to 1" : "have length less than or equal to 128");
        }
        if (!name.matches("[a-zA-Z0-9_.-]+")) {
            throw KinesisErrors.validation(name, "streamName", "satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        return name;
    }

    private static int limit(Integer value, int dflt, int max, String member) {
        if (value == null) {
            return dflt;
        }
        if (value < 1) {
            throw KinesisErrors.validation(value.toString(), member, "have value greater than or equal to 1");
        }
        if (value > max) {
            throw KinesisErrors.validation(value.toString(), member, "have value less than or equal to " + max);
        }
        return value;
    }

    private static String encodeToken(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw KinesisErrors.invalidArgument("Invalid NextToken.");
        }
    }

}

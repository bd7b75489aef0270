package io.labrunner.emulator.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stream operations: create, describe, list, delete, tags and retention.
 * Each takes the request's members and returns the response's.
 */
final class StreamOperations {
    /** On-demand streams start with 4 shards (https://docs.aws.amazon.com/streams/latest/dev/how-do-i-size-a-stream.html). */
    static final int ON_DEMAND_SHARDS = 4;
    private static final int MAX_TAGS = 50;
    private static final int MAX_RETENTION_HOURS = 8760;

    private StreamOperations() {
    }

    static Map<String, Object> createStream(Input in, Streams streams) {
        String name = in.string("StreamName");
        Input details = in.member("StreamModeDetails");
        StreamMode mode = details == null ? StreamMode.PROVISIONED : StreamMode.valueOf(details.string("StreamMode"));
        Integer shardCount = in.integer("ShardCount");
        if (mode == StreamMode.ON_DEMAND) {
            shardCount = ON_DEMAND_SHARDS;
        } else if (shardCount == null) {
            throw KinesisErrors.invalidArgument("ShardCount is required for a stream in PROVISIONED mode.");
        }
        Map<String, String> tags = tags(in);
        if (tags.size() > MAX_TAGS) {
            throw tooManyTags(name);
        }
        TagRules.check(tags, name);
        streams.create(name, shardCount, mode, tags);
        return Map.of();
    }

    static Map<String, Object> describeStream(Input in, Streams streams) {
        Stream stream = streams.get(in.streamName());
        int limit = Paging.limit(in.integer("Limit"), 100);
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
        int limit = Paging.limit(in.integer("Limit"), 100);
        String after = in.string("ExclusiveStartStreamName");
        String token = in.string("NextToken");
        if (token != null) {
            after = Paging.decodeToken(token);
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
            out.put("NextToken", Paging.encodeToken(names.get(names.size() - 1)));
        }
        out.put("StreamSummaries", summaries);
        return out;
    }
    static Map<String, Object> deleteStream(Input in, Streams streams) {
        streams.delete(in.streamName());
        return Map.of();
    }

    static Map<String, Object> addTags(Input in, Streams streams) {
        String name = in.streamName();
        Stream stream = streams.get(name);
        Map<String, String> tags = tags(in);
        TagRules.check(tags, name);
        Map<String, String> merged = new TreeMap<>(stream.tags());
        merged.putAll(tags);
        if (merged.size() > MAX_TAGS) {
            throw tooManyTags(name);
        }
        stream.tags().putAll(tags);
        return Map.of();
    }

    static Map<String, Object> listTags(Input in, Streams streams) {
        Stream stream = streams.get(in.streamName());
        int limit = Paging.limit(in.integer("Limit"), MAX_TAGS);
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
        String name = in.streamName();
        Stream stream = streams.get(name);
        List<String> keys = new ArrayList<>();
        in.node().get("TagKeys").forEach(k -> keys.add(k.textValue()));
        TagRules.check(keys, name);
        keys.forEach(stream.tags()::remove);
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

    private static int retentionHours(Input in) {
        int hours = in.integer("RetentionPeriodHours");
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
        if (node != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                tags.put(e.getKey(), e.getValue().textValue());
            }
        }
        return tags;
    }

    /** AWS's limit of 50 tags per stream (the model's TagMap allows 200 in one call). */
    private static io.labrunner.emulator.AwsException tooManyTags(String name) {
        return KinesisErrors.invalidArgument("Failed to add tags to stream " + name + " under account "
                + KinesisErrors.ACCOUNT + " because a given stream cannot have more than " + MAX_TAGS
                + " tags associated with it.");
    }
}

package io.labrunner.emulator.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The delivery stream operations: create, describe, list and delete. Each takes the request's members
 * and returns the response's; all but create run under the lock of {@link DeliveryStreams}, on the
 * request region's streams with their due status changes applied.
 */
final class DeliveryStreamOperations {
    private final FirehoseSettings settings;
    private final KinesisApi kinesis;
    private final GlueTables glue;
    private final DeliveryStreams streams;
    private final FirehoseStore stored;

    DeliveryStreamOperations(FirehoseSettings settings, KinesisApi kinesis, GlueTables glue, DeliveryStreams streams,
                             FirehoseStore stored) {
        this.settings = settings;
        this.kinesis = kinesis;
        this.glue = glue;
        this.streams = streams;
        this.stored = stored;
    }

    /** Checks the request without the lock (checking a Kinesis source calls the Kinesis service), then adds the stream. */
    ObjectNode create(ObjectNode in, String region) {
        String name = in.get("DeliveryStreamName").textValue();
        String type = in.path("DeliveryStreamType").asText(DeliveryStream.DIRECT_PUT);
        if (type.equals("MSKAsSource") || type.equals("DatabaseAsSource")) {
            throw AwsException.notImplemented("Firehose", type + " delivery streams");
        }
        JsonNode plain = in.get("S3DestinationConfiguration");
        JsonNode extended = in.get("ExtendedS3DestinationConfiguration");
        boolean hasPlain = plain != null;
        boolean hasExtended = extended != null;
        if (hasPlain == hasExtended) {
            throw FirehoseErrors.invalidArgument(hasPlain
                    ? "Only one destination configuration is allowed."
                    : "Exactly one destination configuration must be specified (the emulator serves S3 and ExtendedS3).");
        }
        S3Destination destination = S3Destination.parse(hasPlain ? plain : extended, hasExtended);
        if (destination.converting() && glue == null) {
            throw AwsException.notImplemented("Firehose", "record format conversion without the emulator's Glue catalog");
        }
        String sourceArn = null;
        String sourceRole = null;
        JsonNode source = in.get("KinesisStreamSourceConfiguration");
        if (type.equals(DeliveryStream.KINESIS_SOURCE)) {
            if (source == null) {
                throw FirehoseErrors.invalidArgument(
                        "KinesisStreamSourceConfiguration is required for a KinesisStreamAsSource delivery stream.");
            }
            // The model requires both members and holds the ARN to a Kinesis stream's pattern.
            sourceArn = source.get("KinesisStreamARN").textValue();
            sourceRole = source.get("RoleARN").textValue();
            requireKinesisStream(region, sourceArn);
        } else if (source != null) {
            throw FirehoseErrors.invalidArgument(
                    "KinesisStreamSourceConfiguration is only allowed for a KinesisStreamAsSource delivery stream.");
        }
        synchronized (streams) {
            Map<String, DeliveryStream> inRegion = streams.inRegion(region);
            long now = now();
            streams.settle(inRegion, now);
            if (inRegion.containsKey(name)) {
                throw FirehoseErrors.exists(name);
            }
            String arn = "arn:aws:firehose:" + region + ":" + FirehoseErrors.ACCOUNT + ":deliverystream/" + name;
            long activeAt = now + settings.createDelay().toMillis();
            DeliveryStream stream = new DeliveryStream(name, arn, type, now, activeAt, destination,
                    hasPlain ? plain : extended, sourceArn, sourceRole);
            stream.tags().putAll(tagList(in.path("Tags")));
            inRegion.put(name, stream);
            stored.created(region, stream, activeAt, hasPlain ? plain : extended, hasExtended);
            return Json.object().put("DeliveryStreamARN", arn);
        }
    }

    private void requireKinesisStream(String region, String streamArn) {
        if (kinesis == null) {
            throw AwsException.notImplemented("Firehose", "KinesisStreamAsSource without the emulator's Kinesis");
        }
        try {
            kinesis.call(region, "DescribeStreamSummary", Json.object().put("StreamARN", streamArn));
        } catch (AwsException e) {
            if (e.code().equals("ResourceNotFoundException")) {
                throw FirehoseErrors.invalidArgument("Kinesis stream " + streamArn + " does not exist.");
            }
            throw e;
        }
    }

    static ObjectNode describe(Map<String, DeliveryStream> streams, ObjectNode in) {
        return Json.object().set("DeliveryStreamDescription", existing(streams, in).describe());
    }

    static ObjectNode list(Map<String, DeliveryStream> streams, ObjectNode in) {
        int limit = in.has("Limit") ? in.get("Limit").intValue() : 10;
        String type = in.path("DeliveryStreamType").asText(null);
        String start = in.path("ExclusiveStartDeliveryStreamName").asText(null);
        List<String> names = new ArrayList<>();
        for (DeliveryStream s : streams.values()) {
            if ((type == null || type.equals(s.type())) && (start == null || s.name().compareTo(start) > 0)) {
                names.add(s.name());
            }
        }
        ObjectNode out = Json.object();
        ArrayNode page = out.putArray("DeliveryStreamNames");
        names.stream().limit(limit).forEach(page::add);
        out.put("HasMoreDeliveryStreams", names.size() > limit);
        return out;
    }

    ObjectNode delete(Map<String, DeliveryStream> inRegion, ObjectNode in) {
        DeliveryStream stream = existing(inRegion, in);
        if (stream.status() == DeliveryStatus.CREATING) {
            // "You can't delete a Firehose stream that is in the CREATING state."
            // https://docs.aws.amazon.com/firehose/latest/APIReference/API_DeleteDeliveryStream.html
            throw FirehoseErrors.inUse(stream.name(), stream.status());
        }
        if (stream.status() != DeliveryStatus.DELETING) {
            stream.markDeleting(now() + settings.deleteDelay().toMillis());
            stored.save(streams.byRegion());
        }
        return Json.object();
    }

    /**
     * UpdateDestination for S3 and ExtendedS3 destinations: the request must name the stream's current
     * VersionId (else ConcurrentModificationException, nothing changed) and its one destination; the members
     * given are merged into the destination's configuration, as Firehose merges an update of the same
     * destination type, and the merged configuration is checked as CreateDeliveryStream checks one. Every
     * delivery from then on uses it; the VersionId goes up by one.
     */
    ObjectNode updateDestination(Map<String, DeliveryStream> inRegion, ObjectNode in) {
        DeliveryStream stream = existing(inRegion, in);
        String current = Integer.toString(stream.version());
        if (!current.equals(in.get("CurrentDeliveryStreamVersionId").textValue())) {
            throw FirehoseErrors.staleVersion(stream.name(), in.get("CurrentDeliveryStreamVersionId").textValue(),
                    current);
        }
        if (!DeliveryStream.DESTINATION_ID.equals(in.get("DestinationId").textValue())) {
            throw FirehoseErrors.invalidArgument("Destination " + in.get("DestinationId").textValue()
                    + " not found in Firehose " + stream.name() + ".");
        }
        List<String> updates = new ArrayList<>();
        in.fieldNames().forEachRemaining(f -> {
            if (f.endsWith("DestinationUpdate")) {
                updates.add(f);
            }
        });
        if (updates.size() != 1) {
            throw FirehoseErrors.invalidArgument(updates.isEmpty()
                    ? "Exactly one destination update must be specified."
                    : "Only one destination update is allowed.");
        }
        String update = updates.get(0);
        if (!update.equals("S3DestinationUpdate") && !update.equals("ExtendedS3DestinationUpdate")) {
            throw AwsException.notImplemented("Firehose", update + " (the emulator serves S3 and ExtendedS3 destinations)");
        }
        if (stream.status() != DeliveryStatus.ACTIVE) {
            throw FirehoseErrors.inUse(stream.name(), stream.status());
        }
        boolean extended = stream.destination().extended() || update.equals("ExtendedS3DestinationUpdate");
        ObjectNode merged = merge(stream.destinationConfig().deepCopy(), in.get(update));
        S3Destination destination = S3Destination.parse(merged, extended);
        if (destination.converting() && glue == null) {
            throw AwsException.notImplemented("Firehose", "record format conversion without the emulator's Glue catalog");
        }
        stream.updateDestination(destination, merged);
        stored.save(streams.byRegion());
        return Json.object();
    }

    /** Members of {@code update} replace those of {@code config}; nested structures are merged member by member. */
    private static ObjectNode merge(ObjectNode config, JsonNode update) {
        update.fields().forEachRemaining(e -> {
            JsonNode old = config.get(e.getKey());
            if (old instanceof ObjectNode oldObject && e.getValue().isObject()) {
                merge(oldObject, e.getValue());
            } else {
                config.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        return config;
    }

    ObjectNode tag(Map<String, DeliveryStream> inRegion, ObjectNode in) {
        DeliveryStream stream = existing(inRegion, in);
        addTags(stream, tagList(in.get("Tags")));
        stored.save(streams.byRegion());
        return Json.object();
    }

    ObjectNode untag(Map<String, DeliveryStream> inRegion, ObjectNode in) {
        DeliveryStream stream = existing(inRegion, in);
        in.get("TagKeys").forEach(k -> stream.tags().remove(k.textValue()));
        stored.save(streams.byRegion());
        return Json.object();
    }

    /** The stream's tags in key order, a page of Limit (default 50) after ExclusiveStartTagKey. */
    static ObjectNode listTags(Map<String, DeliveryStream> inRegion, ObjectNode in) {
        DeliveryStream stream = existing(inRegion, in);
        int limit = in.has("Limit") ? in.get("Limit").intValue() : 50;
        String start = in.path("ExclusiveStartTagKey").asText(null);
        List<Map.Entry<String, String>> after = stream.tags().entrySet().stream()
                .filter(e -> start == null || e.getKey().compareTo(start) > 0).toList();
        ObjectNode out = Json.object();
        ArrayNode page = out.putArray("Tags");
        after.stream().limit(limit).forEach(e -> page.addObject().put("Key", e.getKey()).put("Value", e.getValue()));
        out.put("HasMoreTags", after.size() > limit);
        return out;
    }

    /** Adds or replaces tags; a stream holds at most 50, as Firehose allows. */
    static void addTags(DeliveryStream stream, Map<String, String> tags) {
        Map<String, String> merged = new java.util.TreeMap<>(stream.tags());
        merged.putAll(tags);
        if (merged.size() > MAX_TAGS) {
            throw FirehoseErrors.tooManyTags(stream.name());
        }
        stream.tags().putAll(tags);
    }

    private static final int MAX_TAGS = 50;

    /** A Tags list ({@code [{Key, Value}]}, Value optional) as a map; absent is empty. */
    static Map<String, String> tagList(JsonNode list) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (list != null) {
            list.forEach(t -> out.put(t.path("Key").asText(), t.path("Value").asText("")));
        }
        return out;
    }

    /** The stream the request names, or Firehose's ResourceNotFoundException. */
    static DeliveryStream existing(Map<String, DeliveryStream> streams, JsonNode in) {
        String name = in.get("DeliveryStreamName").textValue();
        DeliveryStream stream = streams.get(name);
        if (stream == null) {
            throw FirehoseErrors.notFound(name);
        }
        return stream;
    }

    private long now() {
        return settings.clock().millis();
    }
}

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
            DeliveryStream stream = new DeliveryStream(name, arn, type, now, activeAt, destination, sourceArn,
                    sourceRole);
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

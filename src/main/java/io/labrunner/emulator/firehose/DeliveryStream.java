package io.labrunner.emulator.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One delivery stream: its configuration, status, buffer and, for KinesisStreamAsSource, where it
 * has read each shard to. Status changes are due at a time and applied by {@link #settle(long)}.
 */
final class DeliveryStream {
    static final String DIRECT_PUT = "DirectPut";
    static final String KINESIS_SOURCE = "KinesisStreamAsSource";
    /** The id of a stream's one destination. */
    static final String DESTINATION_ID = "destinationId-000000000001";

    private final String name;
    private final String arn;
    private final String type;
    private final long createdMillis;
    private S3Destination destination;
    /** The destination's configuration as given (created, then merged by each UpdateDestination), for the store. */
    private JsonNode destinationConfig;
    private int version = 1;
    private final Map<String, String> tags = new TreeMap<>();
    private final String sourceStreamArn;
    private final String sourceRoleArn;
    private final DeliveryBuffer buffer = new DeliveryBuffer();
    /** Shard id → next iterator; a shard read to its end maps to null. */
    private final Map<String, String> shardIterators = new HashMap<>();
    /** Shard id → sequence number of the last record read, or {@link #SHARD_READ}: what a restart resumes from. */
    private final Map<String, String> readPositions = new HashMap<>();
    private final List<String> deliveredKeys = new ArrayList<>();
    /** Buffers taken for Parquet conversion, oldest first, waiting for the deliverer. */
    private final List<List<DeliveryBuffer.Entry>> sealed = new ArrayList<>();
    private DeliveryStatus status = DeliveryStatus.CREATING;
    private long transitionAt;
    private long nextSourcePollMillis;

    DeliveryStream(String name, String arn, String type, long createdMillis, long activeAt, S3Destination destination,
            JsonNode destinationConfig, String sourceStreamArn, String sourceRoleArn) {
        this.destinationConfig = destinationConfig;
        this.name = name;
        this.arn = arn;
        this.type = type;
        this.createdMillis = createdMillis;
        this.transitionAt = activeAt;
        this.destination = destination;
        this.sourceStreamArn = sourceStreamArn;
        this.sourceRoleArn = sourceRoleArn;
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    String type() {
        return type;
    }

    long createdMillis() {
        return createdMillis;
    }

    S3Destination destination() {
        return destination;
    }

    DeliveryStatus status() {
        return status;
    }

    DeliveryBuffer buffer() {
        return buffer;
    }

    String sourceStreamArn() {
        return sourceStreamArn;
    }

    String sourceRoleArn() {
        return sourceRoleArn;
    }

    /** When a DELETING stream goes away, or null while it is not being deleted. */
    Long deletingAt() {
        return status == DeliveryStatus.DELETING ? transitionAt : null;
    }

    Map<String, String> shardIterators() {
        return shardIterators;
    }

    /** Marks a closed shard read to its end in {@link #readPositions()}. */
    static final String SHARD_READ = "END";

    Map<String, String> readPositions() {
        return readPositions;
    }

    JsonNode destinationConfig() {
        return destinationConfig;
    }

    /** The VersionId: 1 at creation, one more with each UpdateDestination; also part of delivered object names. */
    int version() {
        return version;
    }

    /** Sets the version a stored stream had reached. */
    void restoreVersion(int stored) {
        version = stored;
    }

    /** Puts a new destination in place for every delivery from now on, and counts a new version. */
    void updateDestination(S3Destination updated, JsonNode config) {
        destination = updated;
        destinationConfig = config;
        version++;
    }

    /** The stream's tags by key (live, under the service's lock). */
    Map<String, String> tags() {
        return tags;
    }

    List<String> deliveredKeys() {
        return deliveredKeys;
    }

    /** Takes the buffer's records as one batch for conversion outside the service's lock. */
    void seal() {
        if (!buffer.isEmpty()) {
            sealed.add(buffer.drainEntries());
        }
    }

    boolean hasSealed() {
        return !sealed.isEmpty();
    }

    /** Bytes waiting for delivery: the buffer and the sealed batches. */
    long pendingBytes() {
        long total = buffer.bytes();
        for (List<DeliveryBuffer.Entry> batch : sealed) {
            for (DeliveryBuffer.Entry e : batch) {
                total += e.data().length;
            }
        }
        return total;
    }

    /** Puts batches whose delivery failed back in front of the sealed ones, to be retried in order. */
    void returnSealed(List<List<DeliveryBuffer.Entry>> batches) {
        sealed.addAll(0, batches);
    }

    /** The sealed batches, oldest first; none are left. */
    List<List<DeliveryBuffer.Entry>> takeSealed() {
        List<List<DeliveryBuffer.Entry>> batches = List.copyOf(sealed);
        sealed.clear();
        return batches;
    }

    boolean sourcePollDue(long now, long intervalMillis) {
        if (now < nextSourcePollMillis) {
            return false;
        }
        nextSourcePollMillis = now + intervalMillis;
        return true;
    }

    void settle(long now) {
        if (status == DeliveryStatus.CREATING && now >= transitionAt) {
            status = DeliveryStatus.ACTIVE;
        }
    }

    void markDeleting(long dueAt) {
        status = DeliveryStatus.DELETING;
        transitionAt = dueAt;
    }

    boolean deletionDue(long now) {
        return status == DeliveryStatus.DELETING && now >= transitionAt;
    }

    /** The buffer is due when its oldest record has waited the buffer interval. */
    boolean intervalDue(long now) {
        return !buffer.isEmpty() && now - buffer.oldestArrivalMillis() >= destination.intervalInSeconds() * 1000L;
    }

    ObjectNode describe() {
        ObjectNode d = Json.object();
        d.put("DeliveryStreamName", name);
        d.put("DeliveryStreamARN", arn);
        d.put("DeliveryStreamStatus", status.name());
        d.put("DeliveryStreamType", type);
        d.put("VersionId", Integer.toString(version()));
        d.put("CreateTimestamp", BigDecimal.valueOf(createdMillis, 3));
        d.putObject("DeliveryStreamEncryptionConfiguration").put("Status", "DISABLED");
        if (sourceStreamArn != null) {
            d.putObject("Source").putObject("KinesisStreamSourceDescription")
                    .put("KinesisStreamARN", sourceStreamArn)
                    .put("RoleARN", sourceRoleArn)
                    .put("DeliveryStartTimestamp", BigDecimal.valueOf(createdMillis, 3));
        }
        ObjectNode dest = d.putArray("Destinations").addObject();
        dest.put("DestinationId", DESTINATION_ID);
        ObjectNode s3 = destination.describe();
        dest.set("S3DestinationDescription", s3);
        if (destination.extended()) {
            ObjectNode extended = s3.deepCopy();
            extended.put("S3BackupMode", "Disabled");
            if (destination.conversion() != null) {
                extended.set("DataFormatConversionConfiguration", destination.conversion().describe());
            }
            dest.set("ExtendedS3DestinationDescription", extended);
        }
        d.put("HasMoreDestinations", false);
        return d;
    }
}

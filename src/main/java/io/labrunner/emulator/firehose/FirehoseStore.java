package io.labrunner.emulator.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes delivery streams through to the emulator's state store and loads them back: each stream's
 * configuration (as CreateDeliveryStream gave it, merged with each UpdateDestination), version, tags, status, the sequence number it has read a Kinesis
 * source to in each shard (shard iterators do not outlive the emulator) and the objects it delivered.
 *
 * <p>Buffered records are not stored. A graceful stop delivers them ({@link FirehoseService#close()});
 * a killed emulator loses what was buffered and not yet delivered, as AWS documents for Firehose:
 * data is at risk while it waits in the buffer, which is why the buffer interval and size are bounded
 * (https://docs.aws.amazon.com/firehose/latest/dev/basic-deliver.html). Not thread-safe: called under
 * the lock of {@link DeliveryStreams}.
 */
final class FirehoseStore {
    /**
     * A delivery stream as stored.
     *
     * @param destination the S3 or ExtendedS3 destination configuration, as the create request held it
     * @param deletingAt  when a DELETING stream goes away, or null
     */
    record StoredDeliveryStream(String region, String name, String arn, String type, long createdMillis,
                                long activeAt, Long deletingAt, JsonNode destination, boolean extended,
                                String sourceStreamArn, String sourceRoleArn, Map<String, String> readPositions,
                                List<String> deliveredKeys, Integer versionId, Map<String, String> tags) {
    }

    private final StateMap<StoredDeliveryStream> streams;
    private final Map<String, StoredDeliveryStream> written = new HashMap<>();

    FirehoseStore(StateStore state) {
        this.streams = state.map("firehose.delivery-streams", StoredDeliveryStream.class);
    }

    /** Every stored stream, as region → streams. */
    Map<String, List<DeliveryStream>> load() {
        Map<String, List<DeliveryStream>> byRegion = new HashMap<>();
        streams.entries().forEach((key, s) -> {
            DeliveryStream stream = new DeliveryStream(s.name(), s.arn(), s.type(), s.createdMillis(), s.activeAt(),
                    S3Destination.parse(s.destination(), s.extended()), s.destination(), s.sourceStreamArn(),
                    s.sourceRoleArn());
            if (s.versionId() != null) {
                stream.restoreVersion(s.versionId());
            }
            if (s.tags() != null) {
                stream.tags().putAll(s.tags());
            }
            if (s.deletingAt() != null) {
                stream.markDeleting(s.deletingAt());
            }
            stream.readPositions().putAll(s.readPositions());
            stream.deliveredKeys().addAll(s.deliveredKeys());
            written.put(key, s);
            byRegion.computeIfAbsent(s.region(), r -> new ArrayList<>()).add(stream);
        });
        return byRegion;
    }

    /** Stores a new stream with the destination configuration it was created from. */
    void created(String region, DeliveryStream stream, long activeAt, JsonNode destination, boolean extended) {
        String key = key(region, stream.name());
        StoredDeliveryStream s = new StoredDeliveryStream(region, stream.name(), stream.arn(), stream.type(),
                stream.createdMillis(), activeAt, null, destination, extended, stream.sourceStreamArn(),
                stream.sourceRoleArn(), Map.of(), List.of(), stream.version(), Map.copyOf(stream.tags()));
        streams.put(key, s);
        written.put(key, s);
    }

    /** Writes what changed in every region's streams since the last call, and drops the streams gone. */
    void save(Map<String, Map<String, DeliveryStream>> regions) {
        Map<String, DeliveryStream> present = new HashMap<>();
        regions.forEach((region, byName) -> byName.values().forEach(s -> present.put(key(region, s.name()), s)));
        for (String key : new ArrayList<>(written.keySet())) {
            DeliveryStream stream = present.get(key);
            StoredDeliveryStream before = written.get(key);
            if (stream == null || stream.createdMillis() != before.createdMillis()) {
                streams.remove(key);
                written.remove(key);
                continue;
            }
            StoredDeliveryStream now = new StoredDeliveryStream(before.region(), before.name(), before.arn(),
                    before.type(), before.createdMillis(), before.activeAt(), stream.deletingAt(),
                    stream.destinationConfig(), stream.destination().extended(), before.sourceStreamArn(),
                    before.sourceRoleArn(), Map.copyOf(stream.readPositions()), List.copyOf(stream.deliveredKeys()),
                    stream.version(), Map.copyOf(stream.tags()));
            if (!now.equals(before)) {
                streams.put(key, now);
                written.put(key, now);
            }
        }
    }

    /** Stream names allow only {@code [a-zA-Z0-9_.-]}, so '/' separates region and name safely. */
    private static String key(String region, String name) {
        return region + "/" + name;
    }
}

package io.labrunner.emulator.kinesis;

import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes streams through to the emulator's state store and loads them back: each stream's status,
 * tags, retention and shards (hash ranges, parents, open or closed) as one entry, and each record as
 * its own entry keyed by stream, shard and position, so that a PutRecords appends only what it added.
 * Sequence numbers are derived from the stream's creation time, the shard and the position, so a
 * reloaded record keeps its sequence number. Regions save under their own locks, so this class has one of its own.
 */
final class KinesisStore {
    /** A shard as stored: its range and lineage; its records are stored apart. */
    record StoredShard(int index, String parentShardId, String adjacentParentShardId, BigInteger startingHashKey,
                       BigInteger endingHashKey, long createdMillis, Long closedMillis) {
    }

    /** A stream as stored, without its records. */
    record StoredStream(String region, String name, String arn, long createdMillis, StreamMode mode,
                        int initialShardCount, StreamStatus status, long transitionAt, Reshard pending,
                        int retentionHours, Map<String, String> tags, List<StoredShard> shards) {
    }

    private final StateMap<StoredStream> streams;
    private final StateMap<StoredRecord> records;
    /** What was last written per stream key, to skip rewriting an unchanged stream. */
    private final Map<String, StoredStream> written = new HashMap<>();
    /** The last record position written per shard key. */
    private final Map<String, Long> writtenPositions = new HashMap<>();

    KinesisStore(StateStore state) {
        this.streams = state.map("kinesis.streams", StoredStream.class);
        this.records = state.map("kinesis.records", StoredRecord.class);
    }

    /** Every stored stream of every region, with its records, as region → streams. */
    synchronized Map<String, List<Stream>> load() {
        Map<String, List<Stream>> byRegion = new HashMap<>();
        streams.entries().forEach((key, s) -> {
            List<Shard> shards = new ArrayList<>();
            for (StoredShard sh : s.shards()) {
                Shard shard = new Shard(sh.index(), sh.parentShardId(), sh.adjacentParentShardId(),
                        sh.startingHashKey(), sh.endingHashKey(), s.createdMillis(), sh.createdMillis());
                if (sh.closedMillis() != null) {
                    shard.close(sh.closedMillis());
                }
                String prefix = shardKey(s.region(), s.name(), s.createdMillis(), sh.index());
                List<StoredRecord> stored = new ArrayList<>(records.entriesWithPrefix(prefix + "/").values());
                shard.restore(stored);
                writtenPositions.put(prefix, (long) stored.size());
                shards.add(shard);
            }
            Stream stream = Stream.restored(s.name(), s.arn(), s.createdMillis(), s.mode(), s.initialShardCount(),
                    s.status(), s.transitionAt(), s.pending(), s.retentionHours(), s.tags(), shards);
            written.put(key, s);
            byRegion.computeIfAbsent(s.region(), r -> new ArrayList<>()).add(stream);
        });
        return byRegion;
    }

    /** Writes what changed in the region's streams since the last call: metadata, new records, deletions. */
    synchronized void save(Streams region) {
        Map<String, Stream> present = new HashMap<>();
        for (Stream stream : region.all()) {
            String key = streamKey(region.region(), stream.name());
            present.put(key, stream);
            StoredStream now = describe(region.region(), stream);
            StoredStream before = written.get(key);
            if (before != null && before.createdMillis() != now.createdMillis()) {
                forget(key, before);
            }
            if (!now.equals(before)) {
                streams.put(key, now);
                written.put(key, now);
            }
            for (Shard shard : stream.shards()) {
                String shardKey = shardKey(region.region(), stream.name(), stream.createdMillis(), shard.index());
                long from = writtenPositions.getOrDefault(shardKey, 0L) + 1;
                long next = shard.nextPosition();
                for (long p = from; p < next; p++) {
                    records.put(shardKey + "/" + String.format("%019d", p), shard.recordAt(p));
                }
                writtenPositions.put(shardKey, next - 1);
            }
        }
        String regionPrefix = region.region() + "/";
        for (Map.Entry<String, StoredStream> gone : new ArrayList<>(written.entrySet())) {
            if (gone.getKey().startsWith(regionPrefix) && !present.containsKey(gone.getKey())) {
                forget(gone.getKey(), gone.getValue());
            }
        }
    }

    private void forget(String key, StoredStream stream) {
        streams.remove(key);
        written.remove(key);
        String prefix = streamRecordsPrefix(stream.region(), stream.name(), stream.createdMillis());
        records.removePrefix(prefix);
        writtenPositions.keySet().removeIf(k -> k.startsWith(prefix));
    }

    private static StoredStream describe(String region, Stream stream) {
        List<StoredShard> shards = new ArrayList<>();
        for (Shard s : stream.shards()) {
            shards.add(new StoredShard(s.index(), s.parentShardId(), s.adjacentParentShardId(), s.startingHashKey(),
                    s.endingHashKey(), s.createdMillis(), s.closedMillis()));
        }
        return new StoredStream(region, stream.name(), stream.arn(), stream.createdMillis(), stream.mode(),
                stream.initialShardCount(), stream.status(), stream.transitionAt(), stream.pendingReshard(),
                stream.retentionHours(), Map.copyOf(stream.tags()), List.copyOf(shards));
    }

    private static String streamKey(String region, String name) {
        return region + "/" + name;
    }

    /** Stream names allow only {@code [a-zA-Z0-9_.-]}, so '/' separates key parts safely. */
    private static String streamRecordsPrefix(String region, String name, long createdMillis) {
        return region + "/" + name + "/" + createdMillis + "/";
    }

    private static String shardKey(String region, String name, long createdMillis, int index) {
        return streamRecordsPrefix(region, name, createdMillis) + String.format("%06d", index);
    }
}

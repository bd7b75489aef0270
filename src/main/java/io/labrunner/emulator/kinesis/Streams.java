package io.labrunner.emulator.kinesis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * All data streams of one region: the state behind the Kinesis API, free of wire formats.
 * Not thread-safe; the service serialises calls per region.
 */
final class Streams {
    /** AWS's quota for data returned by one GetRecords call. */
    static final long GET_RECORDS_MAX_BYTES = 10L * ShardThrottle.MIB;

    private final String region;
    private final KinesisSettings settings;
    private final BooleanSupplier throttling;
    private final Map<String, Stream> byName = new TreeMap<>();

    /**
     * @param throttling whether per-shard limits apply, read on every call so the service can switch them
     */
    Streams(String region, KinesisSettings settings, BooleanSupplier throttling) {
        this.region = region;
        this.settings = settings;
        this.throttling = throttling;
    }

    long now() {
        return settings.clock().millis();
    }

    String region() {
        return region;
    }

    String arnOf(String name) {
        return "arn:aws:kinesis:" + region + ":" + KinesisErrors.ACCOUNT + ":stream/" + name;
    }

    Stream create(String name, int shardCount, StreamMode mode, Map<String, String> tags) {
        settleAll();
        if (byName.containsKey(name)) {
            throw KinesisErrors.streamExists(name);
        }
        int open = openShardsInRegion();
        // Subtracting instead of adding: open + shardCount overflows for a count near Integer.MAX_VALUE.
        if (shardCount > settings.shardLimit() - open) {
            throw KinesisErrors.shardLimit(region, open, settings.shardLimit(), shardCount);
        }
        long now = now();
        Stream stream = new Stream(name, arnOf(name), now, mode, shardCount, now + settings.createDelay().toMillis());
        stream.tags().putAll(tags);
        byName.put(name, stream);
        return stream;
    }

    /** The stream in whatever state it is, or ResourceNotFoundException. */
    Stream get(String name) {
        settleAll();
        Stream stream = byName.get(name);
        if (stream == null) {
            throw KinesisErrors.streamNotFound(name);
        }
        return stream;
    }

    /** A stream that accepts reads and writes: AWS answers "not found" while it is still CREATING. */
    Stream readable(String name) {
        Stream stream = get(name);
        if (stream.status() == StreamStatus.CREATING) {
            throw KinesisErrors.streamNotFound(name);
        }
        return stream;
    }

    /** A stream that accepts a change of its shards: only an ACTIVE one. */
    Stream active(String name) {
        Stream stream = get(name);
        if (stream.status() != StreamStatus.ACTIVE) {
            throw KinesisErrors.notActive(name, stream.status());
        }
        return stream;
    }

    /** An ACTIVE stream whose shards the caller may change: on-demand streams manage their own. */
    private Stream reshardable(String name) {
        Stream stream = active(name);
        if (stream.mode() == StreamMode.ON_DEMAND) {
            throw KinesisErrors.onDemand(name);
        }
        return stream;
    }

    List<Stream> list() {
        settleAll();
        return new ArrayList<>(byName.values());
    }

    /** Deletes a stream in any state but DELETING: AWS deletes a stream still CREATING too. */
    void delete(String name) {
        Stream stream = get(name);
        if (stream.status() == StreamStatus.DELETING) {
            throw KinesisErrors.notActive(name, stream.status());
        }
        stream.markDeleting(now() + settings.deleteDelay().toMillis());
    }

    void split(String name, String shardId, BigInteger newStartingHashKey) {
        Stream stream = reshardable(name);
        Shard shard = stream.shard(shardId);
        if (shard == null || !shard.isOpen()) {
            throw KinesisErrors.couldNotFindShard(shardId, name);
        }
        requireShardHeadroom(1);
        if (newStartingHashKey.compareTo(shard.startingHashKey().add(BigInteger.ONE)) <= 0
                || newStartingHashKey.compareTo(shard.endingHashKey()) >= 0) {
            throw KinesisErrors.invalidArgument("NewStartingHashKey " + newStartingHashKey
                    + " used in SplitShard() on shard " + shardId + " in stream " + name + " under account "
                    + KinesisErrors.ACCOUNT + " is not both greater than one plus the shard's StartingHashKey "
                    + shard.startingHashKey() + " and less than the shard's EndingHashKey "
                    + shard.endingHashKey() + ".");
        }
        stream.beginUpdate(now() + settings.updateDelay().toMillis(), Reshard.split(shardId, newStartingHashKey));
    }

    void merge(String name, String shardId, String adjacentShardId) {
        Stream stream = reshardable(name);
        Shard shard = stream.shard(shardId);
        if (shard == null || !shard.isOpen()) {
            throw KinesisErrors.couldNotFindShard(shardId, name);
        }
        Shard adjacent = stream.shard(adjacentShardId);
        if (adjacent == null || !adjacent.isOpen()) {
            throw KinesisErrors.couldNotFindShard(adjacentShardId, name);
        }
        // AWS takes the pair in hash-key order only: ShardToMerge must be the lower one
        // (kinesalite's "adjacency is inverted" case, recorded against Kinesis).
        if (!shard.endingHashKey().add(BigInteger.ONE).equals(adjacent.startingHashKey())) {
            throw KinesisErrors.invalidArgument("Shards " + shardId + " and " + adjacentShardId + " in stream "
                    + name + " under account " + KinesisErrors.ACCOUNT
                    + " are not an adjacent pair of shards eligible for merging");
        }
        stream.beginUpdate(now() + settings.updateDelay().toMillis(), Reshard.merge(shardId, adjacentShardId));
    }

    /**
     * Starts UNIFORM_SCALING to {@code target} open shards and returns the current count. AWS
     * allows at most doubling or halving per call
     * (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateShardCount.html).
     */
    int updateShardCount(String name, int target) {
        Stream stream = reshardable(name);
        int current = stream.openShards().size();
        if (target > 2L * current || target * 2L < current) {
            throw KinesisErrors.invalidArgument("UpdateShardCount cannot scale " + name + " from " + current
                    + " to " + target + " shards: the target must be at least half and at most double the "
                    + "current shard count.");
        }
        requireShardHeadroom(target - current);
        if (target != current) {
            stream.beginUpdate(now() + settings.updateDelay().toMillis(), Reshard.scale(target));
        }
        return current;
    }

    /** The outcome of writing one record: the shard and stored record, or an error code and message. */
    record PutOutcome(Shard shard, StoredRecord record, String errorCode, String errorMessage) {
        boolean failed() {
            return errorCode != null;
        }
    }

    /** Routes and stores one record, or reports the shard over its write limit. */
    PutOutcome put(Stream stream, BigInteger hashKey, String partitionKey, byte[] data) {
        long now = now();
        Shard shard = stream.route(hashKey);
        if (throttling.getAsBoolean() && !shard.throttle().admitWrite(StoredRecord.sizeOf(partitionKey, data), now)) {
            return new PutOutcome(shard, null, "ProvisionedThroughputExceededException",
                    KinesisErrors.writeThrottledMessage(shard.shardId(), stream.name()));
        }
        return new PutOutcome(shard, shard.append(partitionKey, data, now), null, null);
    }

    /**
     * What one GetRecords call returns.
     *
     * @param nextPosition null once a closed shard has been read to its end
     * @param childShards  the shard's children, given once its end is reached
     */
    record ReadResult(List<StoredRecord> records, Long nextPosition, long millisBehindLatest, List<Shard> childShards) {
    }

    /** Reads from {@code position}, charging the shard's read limits. */
    ReadResult read(Stream stream, Shard shard, long position, int limit) {
        long now = now();
        if (throttling.getAsBoolean() && !shard.throttle().admitRead(now)) {
            throw KinesisErrors.readThrottled(shard.shardId(), stream.name());
        }
        List<StoredRecord> records = shard.read(position, limit, GET_RECORDS_MAX_BYTES, stream.retentionCutoff(now));
        long bytes = records.stream().mapToLong(StoredRecord::size).sum();
        if (throttling.getAsBoolean()) {
            shard.throttle().chargeRead(bytes, now);
        }
        long next = records.isEmpty() ? Math.max(position, shard.trimHorizon(stream.retentionCutoff(now)))
                : records.get(records.size() - 1).position() + 1;
        StoredRecord unread = shard.recordAt(next);
        long behind = unread == null ? 0 : Math.max(0, now - unread.arrivalMillis());
        if (!shard.isOpen() && unread == null) {
            List<Shard> children = stream.shards().stream()
                    .filter(c -> shard.shardId().equals(c.parentShardId())
                            || shard.shardId().equals(c.adjacentParentShardId()))
                    .toList();
            return new ReadResult(records, null, behind, children);
        }
        return new ReadResult(records, next, behind, List.of());
    }

    private void requireShardHeadroom(int additional) {
        int open = openShardsInRegion();
        if (additional > 0 && additional > settings.shardLimit() - open) {
            throw KinesisErrors.shardLimit(region, open, settings.shardLimit(), additional);
        }
    }

    private int openShardsInRegion() {
        return byName.values().stream().mapToInt(Stream::openShardCount).sum();
    }

    /** Every stream as it is, without applying due changes: what the state store writes. */
    Collection<Stream> all() {
        return byName.values();
    }

    /** Puts back a stream loaded from the state store. */
    void restore(Stream stream) {
        byName.put(stream.name(), stream);
    }

    private void settleAll() {
        long now = now();
        byName.values().removeIf(s -> s.deletionDue(now));
        byName.values().forEach(s -> s.settle(now));
    }
}

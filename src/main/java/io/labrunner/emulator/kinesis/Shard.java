package io.labrunner.emulator.kinesis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * One shard: a hash-key range, its lineage, and the records written to it in order. A shard is
 * open until a reshard closes it; a closed shard keeps its records and gets an EndingSequenceNumber.
 */
final class Shard {
    private final int index;
    private final String parentShardId;
    private final String adjacentParentShardId;
    private final BigInteger startingHashKey;
    private final BigInteger endingHashKey;
    private final long streamCreatedMillis;
    private final long createdMillis;
    private final List<StoredRecord> records = new ArrayList<>();
    private final ShardThrottle throttle;
    private Long closedMillis;

    Shard(int index, String parentShardId, String adjacentParentShardId, BigInteger startingHashKey,
          BigInteger endingHashKey, long streamCreatedMillis, long createdMillis) {
        this.index = index;
        this.parentShardId = parentShardId;
        this.adjacentParentShardId = adjacentParentShardId;
        this.startingHashKey = startingHashKey;
        this.endingHashKey = endingHashKey;
        this.streamCreatedMillis = streamCreatedMillis;
        this.createdMillis = createdMillis;
        this.throttle = new ShardThrottle(createdMillis);
    }

    static String idOf(int index) {
        return String.format("shardId-%012d", index);
    }

    int index() {
        return index;
    }

    String shardId() {
        return idOf(index);
    }

    String parentShardId() {
        return parentShardId;
    }

    String adjacentParentShardId() {
        return adjacentParentShardId;
    }

    BigInteger startingHashKey() {
        return startingHashKey;
    }

    BigInteger endingHashKey() {
        return endingHashKey;
    }

    long createdMillis() {
        return createdMillis;
    }

    boolean isOpen() {
        return closedMillis == null;
    }

    /** When a reshard closed this shard, or null while it is open. */
    Long closedMillis() {
        return closedMillis;
    }

    boolean covers(BigInteger hashKey) {
        return hashKey.compareTo(startingHashKey) >= 0 && hashKey.compareTo(endingHashKey) <= 0;
    }

    String startingSequenceNumber() {
        return SequenceNumbers.format(streamCreatedMillis, index, 0);
    }

    /** Null while open. */
    String endingSequenceNumber() {
        return isOpen() ? null : SequenceNumbers.format(streamCreatedMillis, index, SequenceNumbers.END_POSITION);
    }

    ShardThrottle throttle() {
        return throttle;
    }

    void close(long nowMillis) {
        closedMillis = nowMillis;
    }

    StoredRecord append(String partitionKey, byte[] data, long nowMillis) {
        long position = records.size() + 1L;
        StoredRecord stored = new StoredRecord(SequenceNumbers.format(streamCreatedMillis, index, position),
                position, nowMillis, partitionKey, data);
        records.add(stored);
        return stored;
    }

    /** Puts back records loaded from the state store: positions 1, 2, … in order, after any held. */
    void restore(List<StoredRecord> stored) {
        for (StoredRecord r : stored) {
            if (r.position() != records.size() + 1L) {
                throw new IllegalStateException("stored records of " + shardId() + " skip position " + (records.size() + 1));
            }
            records.add(r);
        }
    }

    /** The position the next record written will get; LATEST iterators start here. */
    long nextPosition() {
        return records.size() + 1L;
    }

    /** The position of the oldest record still within retention; TRIM_HORIZON iterators start here. */
    long trimHorizon(long cutoffMillis) {
        for (StoredRecord r : records) {
            if (r.arrivalMillis() >= cutoffMillis) {
                return r.position();
            }
        }
        return nextPosition();
    }

    /** The position of the first record that arrived at or after {@code millis}. */
    long positionAtTimestamp(long millis) {
        for (StoredRecord r : records) {
            if (r.arrivalMillis() >= millis) {
                return r.position();
            }
        }
        return nextPosition();
    }

    /**
     * Records from {@code fromPosition} on, at most {@code limit} of them and stopping before
     * {@code maxBytes} would be exceeded (but always at least one), skipping those past retention.
     */
    List<StoredRecord> read(long fromPosition, int limit, long maxBytes, long cutoffMillis) {
        List<StoredRecord> out = new ArrayList<>();
        long bytes = 0;
        for (long p = Math.max(1, fromPosition); p <= records.size() && out.size() < limit; p++) {
            StoredRecord r = records.get((int) (p - 1));
            if (r.arrivalMillis() < cutoffMillis) {
                continue;
            }
            long size = r.size();
            if (!out.isEmpty() && bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            out.add(r);
        }
        return out;
    }

    /** The record at {@code position}, or null past the end. */
    StoredRecord recordAt(long position) {
        return position >= 1 && position <= records.size() ? records.get((int) (position - 1)) : null;
    }
}
